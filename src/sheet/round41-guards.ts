/**
 * Guards of round 41: shapes a reading left wrong with exit 0 on its first reading (ureshino-kpi), refused
 * now whatever reader path leaves them so (exit 2, `implausible_reading`, the cell named).
 * - A column read as a level of the plan (基本目標, 施策) whose titles none of the KPIs is placed under, at any
 *   level: its cells were read and then lost (「① 嬉野市に住みたい…」 under 基本目標 taken for a measure, then
 *   overwritten by the 具体的な施策 column's) — every KPI written without its goal.
 * - A legend of word bands with no threshold and no 概ね band whose band of reaching the target and the next one, of
 *   being on course toward it (「a:目標を達成している b:目標の達成に向けて順調に推移している」), are both read on track:
 *   the second is the step under the first (legend-course-step.ts), two bands of one category lose the difference.
 */
import type { Sheet } from "../core/sheet.ts";
import { squash } from "./columns.ts";
import { ON_COURSE_WORDS, REACHED_WORDS } from "./legend-course-step.ts";
import type { ImportProfile } from "./profile-types.ts";
import { readOrdinal } from "./read-ordinal.ts";
import type { SourceTable } from "./types.ts";

const LEVEL_JA = { goal: "基本目標", subgoal: "中間の階層", measure: "施策" } as const;
const WORDS = /[ぁ-んァ-ヶ一-龥]{2}/;
const flat = (t: string) => squash(t.replace(/<br\s*\/?>/g, ""));

/**
 * The message naming a level column's first title when the column has two titles or more and none of them is
 * any KPI's goal, subgoal or measure; null when every level column placed some KPI.
 */
export function lostLevelColumn(sheet: Sheet, table: SourceTable, profile?: ImportProfile): string | null {
  if (profile?.layout && profile.layout !== "table") return null;
  const placed = [
    ...sheet.kpis.flatMap((k) => [k.goal, k.subgoal, k.measure]),
    ...(sheet.numericGoals ?? []).map((g) => g.goal),
  ].map((o) => flat(o?.title ?? ""));
  // (the rows from the header down: a title above it is no cell of the column)
  const top = Math.min(...(profile?.headerRows ?? [0]));
  const last = Math.max(...sheet.kpis.map((k) => k.row ?? 0));
  const isPlaced = (title: string) =>
    placed.some((p) => p !== "" && (p.includes(title) || title.includes(p)));
  for (const c of profile?.columns ?? []) {
    if (c.field !== "goal" && c.field !== "subgoal" && c.field !== "measure") continue;
    const cells = table.rows
      // (a KPI's row: not a note or legend below the table, alone on its row)
      .filter((r) => r.row > top && r.row <= last && r.cells.filter((x) => flat(x) !== "").length > 1)
      .filter((r) => !profile?.headerRows?.includes(r.row))
      .map((r) => ({ row: r.row, text: (r.cells[c.col - 1] ?? "").trim() }))
      .filter(({ text }) => {
        const t = flat(text);
        return t !== "" && t !== flat(c.header ?? "") && !/^:?-{3,}:?$|^[-―－ー—]$/.test(t);
      });
    // (titles in words: a code column beside the names, 「1-1」 | 「【産業】新たな…」, names no level by itself)
    const titles = [
      ...new Set(cells.map((x) => flat(readOrdinal(x.text.replace(/<br\s*\/?>/g, "")).title))),
    ].filter((t) => WORDS.test(t));
    if (titles.length < 2 || titles.some(isPlaced)) continue;
    const first = cells[0]!;
    return `${first.row}行目 ${c.col}列目「${c.header ?? LEVEL_JA[c.field]}」の「${first.text.replace(/<br\s*\/?>/g, "").slice(0, 24)}」は計画の階層(${LEVEL_JA[c.field]})として読みましたが、どの指標もその階層に置かれていません。階層を別の階層と読み違えたおそれがあります`;
  }
  return null;
}

/** The message naming the two bands when a reached band and the on-course band under it are both read on track. */
export function courseReadAsReached(sheet: Sheet): string | null {
  const bands = sheet.scale?.bands ?? [];
  if (bands.some((b) => b.min !== null || /概ね|おおむね/.test(b.meaning ?? ""))) return null;
  for (let i = 0; i + 1 < bands.length; i++) {
    const [a, b] = [bands[i]!, bands[i + 1]!];
    const [ta, tb] = [(a.meaning ?? "").normalize("NFKC"), (b.meaning ?? "").normalize("NFKC")];
    if (a.category !== "on_track" || b.category !== "on_track") continue;
    if (
      REACHED_WORDS.test(ta) &&
      !ON_COURSE_WORDS.test(ta) &&
      ON_COURSE_WORDS.test(tb) &&
      !REACHED_WORDS.test(tb.replace(/達成に向けて/g, ""))
    )
      return `凡例の「${a.label}」(${ta.slice(0, 16)})と次の「${b.label}」(${tb.slice(0, 20)})をどちらも達成として読みました。目標に向けて順調という段は達成の一つ下の段のはずで、評価の読み違いのおそれがあります`;
  }
  return null;
}

/** Round 41's refusals, the first that applies. */
export const round41Refusal = (sheet: Sheet, table: SourceTable, profile?: ImportProfile): string | null =>
  lostLevelColumn(sheet, table, profile) ?? courseReadAsReached(sheet);
