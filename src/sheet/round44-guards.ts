/**
 * Guards of round 44: shapes a reading left wrong with exit 0 on its first reading (mutsu-kpi, shimonoseki-shisaku),
 * refused now whatever reader path leaves them so (exit 2, `implausible_reading`, the cell named).
 * - A column read as a level of the plan whose every cell names departments (「経済部」, 「企画部、建設部」): the
 *   departments' column taken for the 施策 (「施策関係部局」 starts with 施策) — each KPI's 施策 a department.
 * - A level's title that still begins with its number (「⑴農林水産業の振興」, 「①…」 read with no number): the
 *   numbering was not read, and the title carries it.
 * - A column left unread left of the indicator holding numbered titles (「1.しごとの創出」 under 基本方針, 「①担い手の
 *   確保・育成」 under 施策内容) while no KPI has the level it stands in (the goal left of every level column, the
 *   measure between them and the indicator): a level of the plan lost.
 * - A department that is only an office's suffix or one character (「部」, 「場」): 「企画部、建設\n部」 (a Word print wrapping a list of
 *   departments) split at the wrap, 「建設」 and 「部」 written as two departments.
 * - 数値目標 (a 基本目標's figures) marked by a kind column (成果指標 beside 活動指標) in a table with no 基本目標 at
 *   all, beside KPIs placed under 施策: the kinds marked the same level's indicators, and half of them were taken
 *   from the KPIs. (数値目標 printed in their own table or section, with no kind column, are left alone.)
 */
import type { Kpi, Sheet } from "../core/sheet.ts";
import { squash } from "./columns.ts";
import { LEVEL_FIELDS, valuesJa } from "./field.ts";
import { GOAL_KIND, KPI_KIND } from "./kind-column.ts";
import type { ImportProfile } from "./profile-types.ts";
import { readOrdinal } from "./read-ordinal.ts";
import type { SourceTable } from "./types.ts";

const ORGAN = "[^\\s、,，・]{1,14}(部|課|室|局|係|委員会)";
const DEPARTMENTS = new RegExp(`^${ORGAN}([、,，・]${ORGAN})*$`);
// (「?」 first: a Shift_JIS CSV writes 「⑴」, which CP932 lacks, as 「?」 — the number is lost, not read)
const NUMBER_FIRST = /^[⑴-⒇①-⑳?？]/;
/** A figure whose unit holds 「?」: a unit character the file could not write (「人/㏊」 saved as 「人/?」). */
const LOST_UNIT = /^[-−]?[\d,，.]+[^\d\s]*[?？]/;
const WORDS = /[ぁ-んァ-ヶ一-龥]{2}/;
const flat = (t: string) => squash(t.replace(/<br\s*\/?>/g, ""));

/** The body rows the KPIs were read from (more than one filled cell, below the header, down to the last KPI). */
function bodyRows(sheet: Sheet, table: SourceTable, profile: ImportProfile) {
  // (from the first header row down, the header repeated at a page break left out)
  const heads = profile.headerRows ?? [0];
  const top = Math.min(...heads);
  const last = Math.max(...sheet.kpis.map((k) => k.row ?? 0));
  return table.rows.filter(
    (r) =>
      r.row > top &&
      r.row <= last &&
      !heads.includes(r.row) &&
      r.cells.filter((x) => flat(x) !== "").length > 1,
  );
}

function departmentsAsLevel(sheet: Sheet, table: SourceTable, profile: ImportProfile): string | null {
  const rows = bodyRows(sheet, table, profile);
  for (const c of profile.columns ?? []) {
    if (!LEVEL_FIELDS.has(c.field)) continue;
    const cells = rows
      .map((r) => ({ row: r.row, text: flat(r.cells[c.col - 1] ?? "") }))
      .filter((x) => x.text !== "" && x.text !== flat(c.header ?? "") && !/^:?-{3,}:?$/.test(x.text));
    if (cells.length < 2 || !cells.every((x) => DEPARTMENTS.test(x.text))) continue;
    return `${cells[0]!.row}行目 ${c.col}列目「${c.header ?? ""}」の「${cells[0]!.text}」は部署の名前ですが、計画の階層として読みました。担当部署の列を階層と読み違えたおそれがあります`;
  }
  return null;
}

function numberKeptInTitle(sheet: Sheet, name: (k: Kpi) => string): string | null {
  for (const k of sheet.kpis)
    for (const [field, v] of valuesJa(k))
      if (v?.kind === "text" && LOST_UNIT.test(v.text))
        return `${name(k)}の${field}「${v.text.slice(0, 20)}」の単位に書けなかった文字(?)があります。単位を読み取れないため取り込みません`;
  for (const k of sheet.kpis)
    for (const level of [k.goal, k.subgoal, k.measure])
      if (level && level.no === 0 && NUMBER_FIRST.test(level.title))
        return `${name(k)}の階層「${level.title.slice(0, 24)}」は番号で始まりますが、番号として読めていません。階層の番号と名前を読み違えたおそれがあります`;
  return null;
}

function numberedColumnUnread(sheet: Sheet, table: SourceTable, profile: ImportProfile): string | null {
  const cols = profile.columns ?? [];
  const levels = cols.filter((c) => LEVEL_FIELDS.has(c.field)).map((c) => c.col);
  const indicator = Math.min(...cols.filter((c) => c.field === "indicator").map((c) => c.col));
  const rows = bodyRows(sheet, table, profile);
  for (const c of cols) {
    if (c.field !== "extra" || c.col >= indicator) continue;
    // (left of every level: the goal lost; between the levels and the indicator: the measure lost)
    const lost =
      levels.length === 0 || c.col < Math.min(...levels)
        ? "goal"
        : c.col > Math.max(...levels)
          ? "measure"
          : null;
    // (a level under the last one read: a free slot among the three — the 施策 read one level up — is enough)
    const free = (l: "goal" | "subgoal" | "measure") =>
      sheet.kpis.every((k) => flat(k[l]?.title ?? "") === "");
    if (!lost || (lost === "goal" ? !free("goal") : !free("subgoal") && !free("measure"))) continue;
    const filled = rows
      .map((r) => ({
        row: r.row,
        text: flat(r.cells[c.col - 1] ?? ""),
        raw: (r.cells[c.col - 1] ?? "").trim(),
      }))
      // (a Markdown table's 「---」 rule under a header repeated at a page break is no cell)
      .filter((x) => x.text !== "" && x.text !== flat(c.header ?? "") && !/^:?-{3,}:?$/.test(x.text));
    const titled = filled.filter((x) => {
      const o = readOrdinal(x.text);
      return o.no > 0 && WORDS.test(o.title);
    });
    // (most cells, not all: a row printed with a cell lost holds another column's text here before it is realigned)
    if (new Set(titled.map((x) => x.text)).size < 2 || titled.length * 4 < filled.length * 3) continue;
    return `${titled[0]!.row}行目 ${c.col}列目「${c.header ?? ""}」の「${titled[0]!.raw.replace(/<br\s*\/?>/g, "").slice(0, 24)}」は番号付きの見出し(計画の階層)ですが、${lost === "goal" ? "どの指標にも基本目標がありません" : "階層として読んでいません"}。階層の列を読み落としたおそれがあります`;
  }
  return null;
}

/** Whether a column of the KPIs' table marks each row's kind (数値目標 / 成果指標 / KPI / 活動指標), both kinds in it. */
function kindColumnIn(table: SourceTable): boolean {
  const width = Math.max(0, ...table.rows.map((r) => r.cells.length));
  for (let col = 0; col < width; col++) {
    const cells = table.rows.map((r) => flat(r.cells[col] ?? "").normalize("NFKC")).filter((t) => t !== "");
    const kinds = cells.filter((t) => GOAL_KIND.test(t) || KPI_KIND.test(t));
    if (kinds.length >= 2 && kinds.some((t) => GOAL_KIND.test(t)) && kinds.some((t) => KPI_KIND.test(t)))
      return true;
  }
  return false;
}

function goalsInsideMeasures(sheet: Sheet, table: SourceTable): string | null {
  const goals = sheet.numericGoals ?? [];
  if (goals.length === 0 || goals.some((g) => flat(g.goal?.title ?? "") !== "")) return null;
  if (!kindColumnIn(table)) return null;
  if (sheet.kpis.some((k) => flat(k.goal?.title ?? "") !== "")) return null;
  const measures = new Set(sheet.kpis.map((k) => flat(k.measure?.title ?? "")).filter((t) => t !== ""));
  if (measures.size < 2) return null;
  return `数値目標「${goals[0]!.indicator.slice(0, 20)}」ほか${goals.length}件を指標(KPI)と分けて読みましたが、表に基本目標がなく、指標は施策の下にあります。同じ施策の指標の種類を数値目標と読み違えたおそれがあります`;
}

function suffixAsDepartment(sheet: Sheet, name: (k: Kpi) => string): string | null {
  for (const k of sheet.kpis) {
    // (one character alone, 「場」 from 「地方卸売市」 over 「場」, is no department either)
    const bare = (k.departments ?? []).find(
      (d) => /^(部|課|室|局|係|センター)$/.test(flat(d)) || [...flat(d)].length === 1,
    );
    if (bare)
      return `${name(k)}の担当「${(k.departments ?? []).join("、")}」に「${bare}」だけの部署があります。折り返した部署名を二つに分けたおそれがあります`;
  }
  return null;
}

/** Round 44's refusals, the first that applies. */
export function round44Refusal(
  sheet: Sheet,
  table: SourceTable,
  name: (k: Kpi) => string,
  profile?: ImportProfile,
): string | null {
  const tableLayout = profile && (!profile.layout || profile.layout === "table");
  return (
    (tableLayout ? departmentsAsLevel(sheet, table, profile) : null) ??
    numberKeptInTitle(sheet, name) ??
    suffixAsDepartment(sheet, name) ??
    (tableLayout ? numberedColumnUnread(sheet, table, profile) : null) ??
    goalsInsideMeasures(sheet, table)
  );
}
