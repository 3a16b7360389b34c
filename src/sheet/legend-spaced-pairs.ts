/**
 * A legend written without colons, each label set off by spaces before its meaning (moved out of read-legend.ts,
 * which tries it after the colon form).
 */

/** A letter or mark set off by spaces (「a 目標値に向けて順調に進んでいる。 b …」): no word is such a label. */
// (A dash set off by spaces, 「- 次年度以降の取組」 (鹿児島市), is a label too: a KPI with nothing yet to judge; so is 「ー」,
// the long-vowel mark printed as that dash — set off by spaces it ends no word.)
const SPACED = "[A-Za-zＡ-Ｚａ-ｚ][+＋]?|[◎○〇●◯△▲×✕☆★①-⑳]|[-−－―ー]";
const SPACED_PAIR = new RegExp(String.raw`(?:^|\s)(${SPACED})\s+(\S.*?)(?=\s+(?:${SPACED})\s+\S|$)`, "gu");

/**
 * A legend written without colons, each label set off by spaces before its meaning (「A 順調 B 概ね順調
 * C やや遅れている D 遅れている」, 「F 事業完了 S 目標値以上 …」): read only when it starts with a label
 * (after the legend's own heading, 「評価基準」).
 */
export function spacedPairsOf(text: string): { label: string; meaning: string }[] {
  const t = text
    .replace(/<br\s*\/?>/gi, " ")
    .replace(/[|｜]/g, " ")
    // 「C 未達成 -:評価できない」: a pair in the colon form among spaced ones is a pair all the same (read into C's
    // meaning, the dash's 「評価できない」 made C not evaluable with exit 0).
    .replace(/(?<=\s)([-−－―ー]|[A-ZＡ-Ｚ]|[◎○〇●△▲×])[:：]\s*/gu, "$1 ")
    // 「評価基準F事業完了:…ものS目標値以上:…」 (a word processor's PDF loses the spaces): a capital letter
    // right before a short word and its colon is a label of its own.
    .replace(/(?<![A-Za-zＡ-Ｚａ-ｚ])([A-ZＡ-Ｚ])(?=[一-龥ぁ-んァ-ヶ]{1,8}[:：])/gu, " $1 ")
    // 「KPIの評価A十分に達成されているB概ね…」 (the spaces lost, no colons): a capital letter between
    // Japanese words is a label set off by spaces.
    .replace(/(?<=[一-龥ぁ-んァ-ヶ、。])([A-ZＡ-Ｚ])(?=[一-龥ぁ-んァ-ヶ])/gu, " $1 ")
    .trim()
    // 「成果指標の評価基準 a …」, 「検証会議の意見 A …」, 「達成度 A　100%以上 …」: the legend's own heading before its
    // first label (a short word, or one naming a legend); 「達成状況=…。評価 A　…」: after a sentence ending.
    .replace(new RegExp(String.raw`^(?:.*?。\s*)??\S{0,20}[】」)）]?[:：]?\s+(?=(?:${SPACED})\s)`, "u"), "")
    .replace(/^\S{0,20}(基準|凡例|区分|評価|意見)[】」)）]?[:：]?\s+/u, "");
  if (!new RegExp(String.raw`^(?:${SPACED})\s`, "u").test(t)) return [];
  const out: { label: string; meaning: string }[] = [];
  for (const m of t.matchAll(SPACED_PAIR)) out.push({ label: m[1]!.trim(), meaning: m[2]!.trim() });
  return out.length >= 2 ? out : [];
}
