/**
 * Round 57 (須賀川市's まちづくり報告書): a legend line that opens with the rated column's own name and a colon
 * (「成果動向:基準値(H28)とR4実績値を比べ、成果がどのような動きとなったかを示す。 向上:… やや向上:… 低下:…」)
 * names what the labels after it rate — a caption, not a band. Read as a band it took the best place in the
 * legend's order and pushed every word label one step down (向上 read as mostly on track, やや向上 as delayed).
 *
 * A caption is told by three things together, so no band is lost: it is the line's first pair; its label is
 * none the evaluation column prints; and the label, read as a column header, names an evaluation column
 * (評価, 達成状況, 進捗状況, 成果動向 … the words column-fields.ts knows). Two-character words (「達成:」, a band
 * of 達成 / 未達成 legends) are never taken for a caption.
 */
import { recogniseHeader } from "./column-fields.ts";

export function withoutCaption<P extends { label: string }>(
  pairs: readonly P[],
  used: ReadonlySet<string>,
): P[] {
  const first = pairs[0];
  if (!first || pairs.length < 3) return [...pairs];
  const label = first.label.replace(/\s/g, "");
  if (used.has(label) || [...label].length < 3 || !/^[ぁ-んァ-ヶ一-龥]+$/.test(label)) return [...pairs];
  // (The labels after it must be the column's: a caption names the scale that follows.)
  if (!pairs.slice(1).some((p) => used.has(p.label.replace(/\s/g, "")))) return [...pairs];
  return recogniseHeader(label).field === "evaluation" ? pairs.slice(1) : [...pairs];
}
