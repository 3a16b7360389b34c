/**
 * A rating printed as a mark (A, B+, ◎, ③, 2) means what the city's legend says it means: A is
 * 「目標達成」 in one city and 「順調」 in another, B is 「概ね順調」 or already 「遅れ」, ◎ and ○ swap places.
 * When neither the sheet's legend nor a scale given with the import (`--scale`, the municipality's
 * saved scale) lists a mark, no category can be signed for it: writing every such KPI as 評価不可 with
 * exit 0 was a wrong reading (a legend in a text box, on another page, or cropped off a print).
 * Words that say what they mean (達成済み, 順調, 評価不能) are read by their meaning elsewhere; a word that
 * says nothing the reader knows (「進ちょく順調」 before 進ちょく was known as 進捗) was written 評価不可 with
 * exit 0 too, the label kept: a category made up. Refused alike, and asked for alike.
 */
import type { Sheet } from "../core/sheet.ts";
import { saidCategory } from "./legend-categories.ts";
import { nationalEffectCategory, parseEvaluationLabel } from "./parse-evaluation-label.ts";
import type { ImportProfile } from "./profile-types.ts";
import { bandOf, markOf } from "./read-legend.ts";
import { NotASheet } from "./types.ts";

/** A rating mark: a letter (with + or −), a symbol, a circled or a single digit. */
const MARK = /^([A-Za-zＡ-Ｚａ-ｚ][+＋\-－]?|[◎○〇◯●△▲×✕☆★◇◆□■]|[①-⑳]|[0-9０-９])$/;

/** Marks that stand for no data by convention (N/A, ×-less dashes). */
const NO_DATA = /^(N|X|NA|N\/A|[-－―ー−—/／])$/i;

/**
 * A rating in words no rule reads: not one of the labels every sheet means alike, not the national
 * form's, not a word that says its category (目標達成, 遅れ, 評価不能). Dashes and empty cells are no label.
 */
function unknownWord(label: string): boolean {
  const t = label.replace(/\s/g, "");
  if (t === "" || /^[-‐－―ー−—/／]+$/.test(t)) return false;
  return !parseEvaluationLabel(t).known && !nationalEffectCategory(t) && !saidCategory(t);
}

/** Refuses (exit 2, `scale_unknown`) a reading whose KPIs carry marks no legend or scale explains. */
export function checkLabelsExplained(sheet: Sheet, profile?: ImportProfile): void {
  const scale = sheet.scale ?? null;
  const unexplained = new Set<string>();
  for (const k of [...sheet.kpis, ...(sheet.numericGoals ?? [])]) {
    const e = k.evaluation;
    if (!e || e.printed === false || e.category !== "not_evaluable" || !e.label) continue;
    const label = e.label.trim();
    const mark = markOf(label) ?? label;
    // A mark the legend leaves out on a KPI with no actual (「N」 beside 「―」, the legend's last label
    // cut at the paper's edge) is 評価不可 whatever it stands for: nothing was there to rate.
    // (Only marks that say so by themselves: 「D」 beside no actual may be 遅れ — a KPI never started.)
    const unrated =
      scale !== null && NO_DATA.test(mark.normalize("NFKC")) && "actual" in k && k.actual.kind === "missing";
    if (bandOf(scale, label) || unrated) continue;
    if (MARK.test(mark) || unknownWord(label)) unexplained.add(label);
  }
  if (unexplained.size === 0) return;
  const col = profile?.columns?.find((c) => c.field === "evaluation");
  const where = col ? `${col.col}列目「${col.header ?? ""}」の` : "";
  const marks = [...unexplained]
    .slice(0, 5)
    .map((l) => `「${l}」`)
    .join("");
  throw new NotASheet(
    "scale_unknown",
    `${where}評価${marks}の意味を示す凡例が見つかりません。達成・概ね順調・遅れ・評価不可のどれに当たるか決められないため取り込みません。` +
      `凡例(例:「A:目標を達成」)を表の下に添えて取り込み直してください(コマンドでは --scale で評価基準を指定できます)`,
    [...unexplained],
  );
}
