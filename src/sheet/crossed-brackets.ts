/**
 * Brackets that cross (「災害時の孤立度「(頼る人がいない」と回答した人の割合)」: 「 opened, ( opened, 」 closing
 * before the ( does) are printed by no one: a PDF's text put two glyphs out of order. The name read so is
 * not the name printed — refused rather than written (which glyph moved cannot be told in general).
 */
const PAIRS: Record<string, string> = {
  "(": ")",
  "（": "）",
  "「": "」",
  "『": "』",
  "【": "】",
  "[": "]",
  "［": "］",
};
const CLOSERS = new Map(Object.entries(PAIRS).map(([o, c]) => [c, o]));

/** Whether the text's brackets cross (a closer meets another opener's bracket still open inside it). */
export function bracketsCross(text: string): boolean {
  const open: string[] = [];
  for (const ch of text) {
    if (PAIRS[ch]) open.push(ch);
    else if (CLOSERS.has(ch)) {
      const want = CLOSERS.get(ch)!;
      const at = open.lastIndexOf(want);
      if (at < 0) continue; // a closer with no opener (a wrapped cell's tail): not a crossing
      if (at !== open.length - 1) return true;
      open.pop();
    }
  }
  return false;
}
