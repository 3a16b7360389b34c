/**
 * More ways a legend writes its 「label:meaning」 pairs, found by trying the forms cities print against
 * read-legend.ts (each was refused as an unexplained scale before):
 *
 * - a label with its meaning in brackets after it: 「A(達成率100%以上)、B(80%以上100%未満)、C(80%未満)」;
 * - the meaning first, then 「=」 and the label: 「100%以上=A、80%以上100%未満=B、80%未満=C」;
 * - other marks where a colon would stand: an arrow (「A→目標達成」), an ellipsis after a bare mark
 *   (「○…達成 △…一部達成」), the label in brackets before its meaning (「(A)達成 (B)概ね達成」, 「【A】達成」,
 *   「A)達成」).
 */

import { categoryOf, minOf } from "./legend-categories.ts";

/** A letter or a mark: a label that no word can be taken for. */
const MARK = "[A-ZＡ-Ｚ][+＋]?|[a-eａ-ｅ]|[◎○〇●◯△▲×✕☆★①-⑳]";

/**
 * The text with arrows, ellipses after a bare mark and bracketed labels before their meaning written as
 * 「label:」, so that the colon form reads them. Only after a mark at the start or after a space or a
 * comma: an ellipsis or an arrow inside a meaning stays.
 */
export function colonsForOtherSeparators(text: string): string {
  // (A dash is a label here too: 「−→実績値未発表のため評価できない」 left as it was ran into C's meaning; so is a digit,
  // 「1…目標値を達成した 2…基準値を上回った」 (むつ市): set off by a space before it, it is no figure of a meaning.)
  let t = text.replace(
    new RegExp(String.raw`(^|[\s、,，])(${MARK}|[-−－―]|[1-9])\s*(?:[→⇒]|…+|‥+)\s*`, "gu"),
    "$1$2:",
  );
  // 「A…目標値を達成したB…基準値を上回った」, 「内部評価の区分A…達したB…」: a print whose text lost the spaces glues the
  // next capital to the meaning (or the name) before it; before an ellipsis it is still a label (a capital inside a
  // Japanese meaning has none).
  t = t.replace(/(?<=[\u3040-\u30ff\u3400-\u9fff々）)」])([A-ZＡ-Ｚ][+＋]?)\s*(?:…+|‥+)\s*/gu, " $1:");
  // 「(A)達成 (B)概ね達成」: only when the text starts with such a label (after its heading), so that
  // 「効果的なもの (A)、…」 — the label after its meaning — is left to the bracket form.
  // (After a longer heading too, when every bracketed label is followed at once by words: 「…。施策の進展度 (A)進んだ
  // (B)ある程度進んだ …」 — 「効果的なもの(A)、…」 puts a separator after each.)
  const bracketFirst = new RegExp(String.raw`^(?:\S{0,20}\s+)?[(（](?:${MARK})[)）][^\s、,，。]`, "u");
  const bracketed = [...t.matchAll(new RegExp(String.raw`(?:^|\s)[(（](?:${MARK})[)）](.?)`, "gu"))];
  const allBeforeWords = bracketed.length >= 2 && bracketed.every((m) => /[^\s、,，。]/u.test(m[1] ?? ""));
  if (bracketFirst.test(t.trim()) || allBeforeWords)
    t = t.replace(new RegExp(String.raw`(^|\s)[(（](${MARK})[)）]\s*`, "gu"), "$1$2:");
  // 「【A】目標を達成 【B】概ね達成」, 「A)目標を達成 B)概ね達成」: a label in lenticular brackets, or closed by a bracket
  // alone, before its meaning (two of them at least, so that a bracket inside a meaning stays).
  for (const form of [`【(${MARK}|[-−－―])】`, String.raw`(${MARK}|[-−－―])[)）](?=\S)`]) {
    const re = new RegExp(String.raw`(^|[\s、,，])${form}\s*`, "gu");
    if ([...t.matchAll(re)].length >= 2) t = t.replace(re, "$1$2:");
  }
  return t;
}

/**
 * 「A(達成率100%以上)、B(80%以上100%未満)」: each label with its meaning in brackets after it; the pairs may be joined
 * by 「・」 (「S(…目標値を超えている)・A(…基準値を超えている)」) and a meaning may hold one bracket of its own
 * (「B(…基準値と同水準である(△10%以内))」).
 */
export function labelBracketPairsOf(text: string): { label: string; meaning: string }[] {
  // 「数値目標評価S(…)」: a word processor's PDF loses the space after the heading — a capital right after the
  // heading's last kanji and before its bracket is the first label.
  const t = text
    .replace(/<br\s*\/?>/gi, " ")
    .replace(/^([一-龥ぁ-んァ-ヶ]{2,12})(?=[A-ZＡ-Ｚ][(（])/u, "$1 ");
  const re = new RegExp(
    String.raw`(?:^|[\s、,，。:：・])(${MARK}|[-−－―])\s*[(（]([^()（）]{2,40}(?:[(（][^()（）]{1,20}[)）][^()（）]{0,20})?)[)）]`,
    "gu",
  );
  const out = [...t.matchAll(re)].map((m) => ({ label: m[1]!, meaning: m[2]!.trim() }));
  return out.length >= 2 ? out : [];
}

/** 「100%以上=A、80%以上100%未満=B、80%未満=C」: each meaning, then 「=」 and its label. */
export function meaningFirstPairsOf(text: string): { label: string; meaning: string }[] {
  const t = text.replace(/<br\s*\/?>/gi, " ").normalize("NFKC");
  const out: { label: string; meaning: string }[] = [];
  for (const item of t.split(/[、,;]/)) {
    const m = /^\s*([^=:]{1,30}?)\s*=\s*([A-Z][+]?|[a-e]|[◎○●◯△▲×✕☆★①-⑳-])\s*[。.]?\s*$/u.exec(item);
    if (m) out.push({ label: m[2]!, meaning: m[1]!.trim() });
  }
  return out.length >= 2 ? out : [];
}

const SPACED_LINE = new RegExp(String.raw`^\s*(?:${MARK}|[-−－―])\s+(\S.*)$`, "u");

/** A line 「A 目標を達成している」: a label set off by a space, and words that say a band or a threshold. */
function isSpacedBandLine(text: string): boolean {
  const m = SPACED_LINE.exec(text);
  if (!m || /[:：=＝]/.test(text)) return false;
  const meaning = m[1]!.trim();
  return categoryOf(meaning, meaning) !== null || minOf(meaning) !== null || /[%％割]\s*未満/.test(meaning);
}

/**
 * Lines that each hold one label set off by a space and its meaning (「A 計画以上に進んでいる」 on one
 * line, 「B 計画どおり進んでいる」 on the next), joined into one legend text: one such line alone is no
 * legend (「A 地区の値は推計」), two or more in a row are — when each line's words say a band or a threshold
 * (rows of a drop-down list sheet, 「A 企画課 増加」 / 「B 商工観光課 減少」, are none).
 */
export function joinSpacedLines(texts: readonly string[]): string[] {
  const out: string[] = [];
  let run: string[] = [];
  const flush = () => {
    if (run.length >= 2) out.push(run.join(" "));
    else out.push(...run);
    run = [];
  };
  for (const t of texts) {
    if (isSpacedBandLine(t)) run.push(t.trim());
    else {
      flush();
      out.push(t);
    }
  }
  flush();
  return out;
}
