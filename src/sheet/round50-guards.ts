/**
 * Guards of round 50: shapes the first readings of matsubara-kensho and kanagawa-ichiran left wrong with exit 0, refused
 * now whatever reader path leaves them so (exit 2, `implausible_reading`, the cell or the line named).
 * - 「施策の方向性」 over 「(1)住まいとしての魅力の発信」 (the only level under the goal) read as the KPI's project: every
 *   measure empty, the level's numbered titles kept as projects' names.
 * - 「基本目標1関係(県内に…)」 (a 数値目標・KPI list's heading: 関係 "about goal 1") read as goal 1 titled 「関係(…)」.
 * - 「基本目標1関係」 with no name under the list's KPI part: goal 1 left nameless (or titled 「関係」) while the sheet names
 *   goal 1 elsewhere.
 * - 「基本目標2関係」 alone above the next tables not read: their KPIs kept the goal printed before (goal 1).
 * - 「(1)未病産業」 alone above a table (the measure, printed with no level word) not read: every measure empty.
 * - 「2 KPI」 (the list's part heading, merged across a worksheet's row) read as an indicator with its own text as values.
 */
import type { Kpi, NumericGoal, Sheet } from "../core/sheet.ts";
import { isEmpty, squash } from "./columns.ts";
import type { SourceTable } from "./types.ts";

const BRACKET_NUMBERED = /^[(（]\s*[0-9０-９]{1,2}\s*[)）]\s*[^\s0-9０-９(（]/;
const DIRECTION_OF_MEASURES = /^施策の方向性?$/;
const SECTION_NAME = /^[0-9０-９]{0,2}(KPI|数値目標|重要業績評価指標(\(KPI\))?)$/i;

const itemsOf = (sheet: Sheet): (Kpi | NumericGoal)[] => [...sheet.kpis, ...(sheet.numericGoals ?? [])];
const noMeasure = (sheet: Sheet) => sheet.kpis.every((k) => k.measure.no === 0 && k.subgoal.no === 0);

function relationAsName(sheet: Sheet): string | null {
  const k = itemsOf(sheet).find((x) => /^関係/.test(x.goal.title));
  return k
    ? `基本目標${k.goal.no}の名前を「${k.goal.title.slice(0, 20)}」と読みました。「基本目標${k.goal.no}関係」の「関係」は名前ではありません。見出しを読み違えたおそれがあります`
    : null;
}

function goalNamedElsewhere(sheet: Sheet): string | null {
  const items = itemsOf(sheet);
  for (const k of items) {
    if (k.goal.no <= 0 || k.goal.title !== "") continue;
    const named = items.find((x) => x.goal.no === k.goal.no && x.goal.title !== "");
    if (named)
      return `指標「${k.indicator.slice(0, 20)}」の基本目標${k.goal.no}に名前がありませんが、同じシートは基本目標${k.goal.no}を「${named.goal.title.slice(0, 20)}」と名付けています。見出しを読み違えたおそれがあります`;
  }
  return null;
}

function directionOfMeasuresAsProject(sheet: Sheet, table: SourceTable): string | null {
  if (!noMeasure(sheet)) return null;
  const header = table.rows.some((r) => r.cells.some((c) => DIRECTION_OF_MEASURES.test(squash(c))));
  const k = sheet.kpis.find((x) => BRACKET_NUMBERED.test(x.initiatives[0] ?? ""));
  return header && k
    ? `列「施策の方向性」の「${k.initiatives[0]!.slice(0, 20)}」は番号の付いた施策(指標の上の階層)ですが、事業名として読み、どの指標にも施策がありません。階層を読み違えたおそれがあります`
    : null;
}

/** The table's lines outside its grid: prose lines, and rows of one filled cell (a worksheet's merged row). */
function lines(table: SourceTable): { row: number; text: string }[] {
  const lone = table.rows.flatMap((r) => {
    const filled = [...new Set(r.cells.filter((c) => !isEmpty(c)))];
    return filled.length === 1 ? [{ row: r.row, text: filled[0]! }] : [];
  });
  return [...table.outside, ...lone];
}

function bracketLevelLost(sheet: Sheet, table: SourceTable): string | null {
  if (!noMeasure(sheet)) return null;
  const carried = new Set(sheet.kpis.flatMap((k) => [k.goal.title, ...k.initiatives].map(squash)));
  const all = lines(table);
  // (Only under a goal, as the rule reads them: 「(2)数値目標の達成状況と今後の方向性」 over the whole sheet is a
  // section of the report, no level — and a line naming what the tables report is never one.)
  const goalAt = Math.min(
    ...all.filter((o) => /^[■□◆◇●【]?\s*基本目標/.test(o.text.trim())).map((o) => o.row),
    ...sheet.kpis.map((k) => k.row),
  );
  for (const o of all) {
    const t = o.text.trim();
    if (o.row <= goalAt || t.length > 30 || /[。、,，:：]/.test(t) || !BRACKET_NUMBERED.test(t)) continue;
    if (/数値目標|指標|KPI|達成状況|評価|方向性/i.test(t)) continue;
    if (carried.has(squash(t.replace(/^[(（]\s*[0-9０-９]{1,2}\s*[)）]/, "")))) continue;
    return `${o.row}行目「${t}」は番号の付いた階層(施策)の見出しのようですが、どの指標の階層にもなっていません。階層を読み違えたおそれがあります`;
  }
  return null;
}

const BARE_GOAL = /^[■□◆◇●]?\s*基本目標\s*([0-9０-９]{1,2})\s*(?:関係)?$/;

/** 「基本目標1関係」 alone above a table: the KPIs right under it are goal 1's, not the goal printed before it. */
function bareGoalUnread(sheet: Sheet, table: SourceTable): string | null {
  const rows = [...sheet.kpis].sort((a, b) => a.row - b.row);
  for (const o of lines(table)) {
    const m = BARE_GOAL.exec(squash(o.text));
    if (!m) continue;
    const no = Number(m[1]!.normalize("NFKC"));
    const next = rows.find((k) => k.row > o.row);
    if (next && next.goal.no !== no)
      return `${o.row}行目「${o.text.trim()}」の下の指標「${next.indicator.slice(0, 20)}」を基本目標${next.goal.no}として読みました。見出しの基本目標${no}を読み落としたおそれがあります`;
  }
  return null;
}

function sectionAsIndicator(sheet: Sheet): string | null {
  const k = itemsOf(sheet).find((x) => SECTION_NAME.test(squash(x.indicator)));
  return k
    ? `「${k.indicator}」を指標名として読みました。これは一覧の区分(数値目標・KPI)の見出しです。見出しの行を指標として読んだおそれがあります`
    : null;
}

export const round50Refusal = (sheet: Sheet, table: SourceTable): string | null =>
  relationAsName(sheet) ??
  goalNamedElsewhere(sheet) ??
  directionOfMeasuresAsProject(sheet, table) ??
  bracketLevelLost(sheet, table) ??
  bareGoalUnread(sheet, table) ??
  sectionAsIndicator(sheet);
