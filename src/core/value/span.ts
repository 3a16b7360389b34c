/** Folded text with the original offset of every character, so problems point into the cell as given. */

export interface Span {
  text: string;
  /** pos[i] = offset in the original text of text[i]; pos[text.length] = end. */
  pos: number[];
}

export const sliceSpan = (s: Span, a: number, b: number = s.text.length): Span => ({
  text: s.text.slice(a, b),
  pos: s.pos.slice(a, b + 1),
});

export function trimSpan(s: Span): Span {
  const lead = s.text.length - s.text.trimStart().length;
  const end = s.text.trimEnd().length;
  return end <= lead ? sliceSpan(s, lead, lead) : sliceSpan(s, lead, end);
}

export function concatSpans(parts: Span[]): Span {
  let text = "";
  const pos: number[] = [];
  for (const p of parts) {
    text += p.text;
    // A loop, not push(...): spreading a long cell's offsets overflows the call stack.
    for (let i = 0; i < p.text.length; i++) pos.push(p.pos[i]!);
  }
  pos.push(parts.at(-1)?.pos.at(-1) ?? 0);
  return { text, pos };
}
