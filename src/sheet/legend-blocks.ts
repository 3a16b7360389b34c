/**
 * Legends printed as a heading on a line of its own over one line per label (嘉麻市:
 * 「【達成度】」 / 「A:取り組みが十分に達成できている」 / … / 「【方向性】」 / 「A:拡充・発展」 / …): each heading
 * names the column whose labels the lines under it explain. Two such legends may use the same letters,
 * so a line 「A:…」 alone does not say which column it explains; joined under its heading
 * (「達成度 A:… B:… C:… D:…」) it does, as a legend printed on one line after the column's name does.
 */
import { isEmpty, squash } from "./columns.ts";

// 「【達成度】」, 「<方向性>」, 「■評価基準」: a short name alone on its line, bracketed or marked.
const HEADING =
  /^\s*(?:【([^】:：]{1,15})】|[<＜〈《]([^>＞〉》:：]{1,15})[>＞〉》]|[■◆□◇]\s*([^:：\s]{1,15}))\s*$/u;
// 「A:…」, 「◎:…」, 「-:…」: a line that is one label and its meaning.
const LABEL_LINE = /^\s*(?:[A-ZＡ-Ｚa-eａ-ｅ][+＋]?|[◎○〇●◯△▲×✕☆★①-⑳]|[-−－])\s*[:：＝=]\s*\S/u;

/** 「A(計画通り)・B(概ね計画通り)…」: a label with its meaning in brackets after it (legend-pair-forms.ts). */
const BRACKETED_LABEL = /^\s*(?:[A-ZＡ-Ｚa-eａ-ｅ][+＋]?|[◎○〇●◯△▲×✕☆★①-⑳]|[-−－])\s*[(（][^()（）]{2,}/u;

/** The name a heading line gives (「【方向性】」 → 方向性), or null when the line is no such heading. */
export function legendHeading(text: string): string | null {
  const m = HEADING.exec(text.replace(/<br\s*\/?>/gi, " "));
  return m ? (m[1] ?? m[2] ?? m[3] ?? "").trim() : null;
}

/**
 * The texts with each heading line and the label lines right under it (two at least) joined into one
 * (「方向性 A:拡充・発展 B:現状維持 …」); every other text as it was, in order.
 */
export function headedLegendBlocks(texts: readonly string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < texts.length; i++) {
    const name = legendHeading(texts[i]!);
    let j = i + 1;
    while (name !== null && j < texts.length && LABEL_LINE.test(texts[j]!)) j++;
    if (name === null || j - i - 1 < 2) {
      out.push(texts[i]!);
      continue;
    }
    out.push([name, ...texts.slice(i + 1, j).map((t) => t.trim())].join(" "));
    i = j - 1;
  }
  return out;
}

/**
 * Of the joined legends, those headed by the name of a column the table reads as something other than
 * the evaluation (「方向性 A:拡充・発展 …」 beside a 方向性 column): another column's scale, no band of the KPI's.
 */
export function isOtherColumnsLegend(
  text: string,
  otherHeaders: readonly string[],
  evaluationHeaders: readonly string[],
): boolean {
  const t = squash(text);
  const startsWith = (names: readonly string[]) =>
    names
      .map(squash)
      .some(
        (n) =>
          n.length >= 2 &&
          t.startsWith(n) &&
          (LABEL_LINE.test(t.slice(n.length)) || BRACKETED_LABEL.test(t.slice(n.length))),
      );
  return startsWith(otherHeaders) && !startsWith(evaluationHeaders);
}

// 「A 概ね計画内容どおり進捗している 当初見込み以上」: one mark, a space, its meaning in words (no figure first).
const SPACED_LABEL_LINE = /^\s*([A-ZＡ-Ｚ][+＋]?|[◎○〇●◯△▲×✕☆★])[\s　]+([^\s\d:：=＝][^\n]{3,})$/u;

/**
 * A worksheet's legend printed one label a row, each 「A 概ね計画内容どおり…」 alone in its row: a line of that form
 * is a legend line when the row above or below is one too, with another label (a Markdown leaves such lines outside
 * the table; a worksheet keeps them as rows, which were read as KPIs with no figure).
 */
export function spacedLabelRun(rows: readonly { cells: readonly string[] }[], i: number): boolean {
  const label = (j: number) => {
    const filled = (rows[j]?.cells ?? []).filter((c) => !isEmpty(c));
    return filled.length === 1 ? (SPACED_LABEL_LINE.exec(filled[0]!)?.[1] ?? null) : null;
  };
  const at = label(i);
  return at !== null && [label(i - 1), label(i + 1)].some((l) => l !== null && l !== at);
}
