/**
 * Columns whose header no rule knows (a word of the city's own, or none: a merged or unprinted header cell) read
 * by what every cell holds, where only one field can be meant (issue 14: 「department names under 担当」): offices
 * as the department, projects' names (…事業) as the projects, units as the unit, numbered titles beside the known
 * levels as the level above or below them, the one column of figures beside a named baseline and target as the
 * actual, and — last — the labels the sheet's legend explains as the rating; each only where no column is that field
 * yet. Two such columns, or a cell of another kind, and the column stays an extra (kept, and the guards ask about it);
 * a column read so is reported. A column of the legend's labels beside a rating read by other means is refused.
 * (The indicator is found with the header, implied-indicator.ts; the printed rate by its figures, computed-rate-column.ts.)
 */
import { FIELD_JA, type Field, isNamedExtra, recogniseHeader } from "./column-fields.ts";
import { escapeRegExp, squash } from "./columns.ts";
import { courseLegend } from "./course-verdicts.ts";
import { LEVELS, type Level } from "./field.ts";
import { type FoundHeader, settleLevelColumns } from "./find-header.ts";
import { readLegend } from "./read-legend.ts";
import { readOrdinal } from "./read-ordinal.ts";
import { contentKind } from "./role-content.ts";
import { type ImportIssue, NotASheet, type SourceRow } from "./types.ts";

/** Units sheets print in a column of their own (counted over the layouts' goldens), scaled or per year. */
const UNIT_WORD =
  /^[千万億百]*(人|件|円|%|％|‰|社|ha|回|世帯|組|箇所|か所|ヶ所|カ所|冊|品|戸|人泊|事業所|地区|講座|施設|団体|事業者|t|トン|g|kg|経営体|倍|個|市町村|km|m|㎡|頭|点|本|店舗|店|基|団地|位|事例|ポイント|日|品目|分|歳|時間|校|台|棟|床|席|区画|泊|年|か月|ヶ月|割|手続|件数|人数|t-CO2|t-CO₂)([/／](年|人|ha|日|月|回))?$/;

const filledCells = (rows: readonly SourceRow[], col: number) =>
  rows.map((r) => (r.cells[col] ?? "").replace(/<br\s*\/?>/gi, "").trim()).filter((t) => squash(t) !== "");

// (A dash is no unit printed; a short word beside the known ones — 「手続」, 「言語」 — a count's own unit, so long as
// most cells are known units.)
const unitColumn = (cells: readonly string[]) => {
  const units = cells.map(squash).filter((t) => contentKind(t) !== "dash");
  const known = units.filter((t) => UNIT_WORD.test(t)).length;
  const short = (t: string) => UNIT_WORD.test(t) || (t.length <= 4 && contentKind(t) === "word");
  return units.length >= 2 && known * 2 >= units.length && units.every(short);
};

// 「こども未来部」, 「経済産業省」, 「教育委員会」 beside 「…課」: offices of a city, a prefecture or the state, one or
// several to a cell (「企画課、財政課」); most of them a 課, 部, 局 or 室 as the office names go.
const OFFICE =
  /^[^\d\s。]{1,18}(課|室|局|部|省|庁|センター|係|担当|事務局|グループ|班|事務所|委員会|本部|支所|館)$/;
const departmentColumn = (cells: readonly string[]) => {
  const offices = cells.flatMap((t) => t.split(/[、,・\s]+/).filter((x) => x !== ""));
  const plain = offices.filter((o) => /(課|部|局|室|省|庁)$/.test(o)).length;
  return cells.length >= 2 && offices.every((o) => OFFICE.test(o)) && plain * 2 >= offices.length;
};

/** Every label (two at least) one the legend explains, and not as the work's course (継続 / 見直し). */
const ratingColumn = (header: string, cells: readonly string[], legendTexts: readonly string[]) => {
  const labels = [...new Set(cells.map(squash))];
  if (labels.length < 2 || labels.some((l) => l.length > 12 || contentKind(l) === "value")) return false;
  const scale = readLegend(legendTexts, new Set(labels));
  const explained = new Set((scale?.bands ?? []).map((b) => squash(b.label)));
  return labels.every((l) => explained.has(l)) && !courseLegend(header, labels, legendTexts);
};

/** Reads one unknown column as `field` when it alone holds what `holds` asks and no column is that field yet. */
function settleUnknown(
  header: FoundHeader,
  rows: readonly SourceRow[],
  issues: ImportIssue[],
  field: Field,
  holds: (cells: readonly string[], header: string, col: number) => boolean,
  what: string,
): void {
  const cols = header.columns;
  if (cols.some((m) => m.field === field)) return;
  const found = cols.flatMap((m, col) =>
    m.field === "extra" &&
    !m.confirmed &&
    !isNamedExtra(m.header) &&
    holds(filledCells(rows, col), m.header, col)
      ? [col]
      : [],
  );
  if (found.length !== 1) return;
  const col = found[0]!;
  const m = cols[col]!;
  cols[col] = { ...m, field };
  said(issues, m, col, field, `どの行も${what}(例:「${filledCells(rows, col)[0]}」)のため`);
}

/** The column's name in a message: its header, or its place when it prints none. */
const columnName = (m: { header: string }, col: number) =>
  squash(m.header) === "" ? `${col + 1}列目(見出しなし)` : `${col + 1}列目「${m.header}」`;

/** A column read by what it holds, reported for the user to correct (`because` says what it holds). */
function said(
  issues: ImportIssue[],
  m: { header: string },
  col: number,
  field: Field,
  because: string,
): void {
  issues.push({
    row: null,
    column: m.header || `${col + 1}列目`,
    kind: "column_read_by_content",
    before: FIELD_JA.extra,
    after: FIELD_JA[field],
    confidence: "medium",
    message: `${columnName(m, col)}は見出しから意味が分かりませんが、${because}${FIELD_JA[field]}として読んだ。違う場合は --profile で指定してください`,
  });
}

/** Every cell a numbered title (「1 雇用を創出し…」, 「(2) 観光の振興」), printed once over its group. */
const levelColumn = (rows: readonly SourceRow[], col: number) => {
  const cells = filledCells(rows, col);
  const titled = cells.every((t) => {
    const o = readOrdinal(t);
    return o.no > 0 && o.title.length >= 2 && !/[0-9０-９]/.test(o.title);
  });
  return cells.length >= 2 && titled && cells.length < rows.length;
};

/**
 * An unknown column of numbered titles beside the level columns known by their words, left of the indicator: the
 * plan's level above the broadest of them (left of them) or below the narrowest (right of them) — a plan's levels
 * are printed broadest first. Alone (no known level beside it), which level it is the words would say: kept.
 */
function unknownLevelColumn(
  header: FoundHeader,
  rows: readonly SourceRow[],
  issues: ImportIssue[],
  underGoals: boolean,
): void {
  const cols = header.columns;
  const indicator = cols.findIndex((m) => m.field === "indicator");
  const levelAt = cols.flatMap((m, col) => ((LEVELS as readonly string[]).includes(m.field) ? [col] : []));
  if (indicator < 0 || (levelAt.length === 0 && !underGoals)) return;
  const found = cols.flatMap((m, col) =>
    m.field === "extra" &&
    !m.confirmed &&
    !isNamedExtra(m.header) &&
    col < indicator &&
    levelColumn(rows, col)
      ? [col]
      : [],
  );
  if (found.length !== 1) return;
  const col = found[0]!;
  const rank = (c: number) => LEVELS.indexOf(cols[c]!.field as Level);
  const right = levelAt.filter((c) => c > col);
  const left = levelAt.filter((c) => c < col);
  let field: Level | null = null;
  // Alone, under the goals' heading lines: the level below them.
  if (levelAt.length === 0) field = "measure";
  // (「施策の方向性」 read as the measure for want of a 施策 column is, beside one, what a 施策 is done by: the
  // unknown column left of it may be that 施策 as well as the goal.)
  else if (left.length === 0 && !right.some((c) => /方向性/.test(cols[c]!.header))) {
    field = "goal";
    // A word that is the goal alone and the measure under one (基本方針): the column left of it is the broader.
    if (right.length === 1 && rank(right[0]!) === 0 && !cols[right[0]!]!.confirmed)
      cols[right[0]!] = { ...cols[right[0]!]!, field: "measure" };
    else if (Math.min(...right.map(rank)) === 0) field = null;
  } else if (right.length === 0 && Math.max(...left.map(rank)) < 2) field = "measure";
  if (!field) return;
  settleUnknown(header, rows, issues, field, (_, __, c) => c === col, "番号付きの階層名");
  settleLevelColumns(cols);
}

/** Every cell a figure, with its year or a note beside it too (「567.8万円<br>(R3年度)」), or a dash; two figures at least. */
const figureColumn = (cells: readonly string[]) => {
  const kinds = cells.map(contentKind);
  const figures = kinds.filter((k) => k === "value" || k === "percent" || k === "mixed").length;
  return figures >= 2 && kinds.every((k) => ["value", "percent", "mixed", "dash"].includes(k));
};

/**
 * No actual's column, but the baseline's and the target's known by their names, and one column no rule knows holding
 * figures (「H27足元」, 「足元値」): the actual — the only figure of a KPI a table of baseline and target goes on to print.
 * (Without a baseline's name it could be the baseline as well; beside a second such column, 改善幅 or 前年度値, either
 * could be: kept, and refused for want of an actual.)
 */
function unknownActualColumn(header: FoundHeader, rows: readonly SourceRow[], issues: ImportIssue[]): void {
  const has = (f: Field) => header.columns.some((m) => m.field === f);
  // (A 現状値 read as the baseline for want of a 基準値 may be the actual itself: only a baseline's own word counts.)
  const baseline = header.columns.some(
    (m) => m.field === "baseline" && /基準|策定|当初|初期|従前|ベース/.test(m.header),
  );
  if (has("actual") || has("year") || !baseline || !(has("target") || has("finalTarget"))) return;
  settleUnknown(header, rows, issues, "actual", figureColumn, "数値");
}

// 「新規就農者定着支援事業」, 「木の駅プロジェクト」 (a bracket after it, 「(拡充)」 or 「【農林課】」, aside): a project's name.
const PROJECT = /(事業|プロジェクト)$/;
const projectColumn = (cells: readonly string[]) => {
  const names = cells.flatMap((t) =>
    t
      .split(/\n|[、・]\s*(?=\S+(事業|プロジェクト))/)
      .map((x) => squash(x ?? "").replace(/([(（【［[][^)）】］\]]*[)）】］\]])+$/, ""))
      .filter((x) => x.length > 0 && !/^(事業|プロジェクト)$/.test(x)),
  );
  return (
    cells.length >= 2 &&
    names.length > 0 &&
    names.every((n) => PROJECT.test(n) && n.length >= 4 && !/[。]/.test(n))
  );
};

/** Department names and units, before anything reads the rows. */
export function unknownColumnsByContent(
  header: FoundHeader,
  rows: readonly SourceRow[],
  issues: ImportIssue[],
  /** Every row under a goal's heading line (and no measure's). */
  underGoals = false,
): void {
  // (The indicator, found with the header: implied-indicator.ts.)
  for (const { col, field } of header.byContent ?? [])
    said(
      issues,
      header.columns[col]!,
      col,
      field,
      `行ごとに違う名前(例:「${filledCells(rows, col)[0] ?? ""}」)を数値の列の左に収めているため`,
    );
  settleUnknown(header, rows, issues, "departments", departmentColumn, "部署名");
  settleUnknown(header, rows, issues, "unit", unitColumn, "単位");
  settleUnknown(header, rows, issues, "initiatives", projectColumn, "事業の名前");
  unknownLevelColumn(header, rows, issues, underGoals);
  unknownActualColumn(header, rows, issues);
}

/**
 * The legend's labels, once every column known by its name has settled (a 達成度 read first as a rate becomes the
 * evaluation by its letters: then an unknown column of marks beside it is no rating).
 */
/**
 * A legend captioned by the column's own name (「改善・悪化:改善○,…」, 「【主要事業の貢献度】 高:…」, 「事業の有効性 A:…」):
 * an axis of its own.
 */
function ownLegend(header: string, legendTexts: readonly string[]): boolean {
  const name = squash(header.split(/\s+/).at(-1) ?? "");
  if (name.length < 2) return false;
  const caption = new RegExp(
    `(^|[\\s【［\\[〔(（])${escapeRegExp(name)}([】］\\]〕)）]|(の(見方|凡例))?\\s*[:：]|\\s+[^\\s:：]{1,3}\\s*[:：])`,
    "u",
  );
  return legendTexts.some((l) => caption.test(l.trim()));
}

export function unknownRatingColumn(
  header: FoundHeader,
  rows: readonly SourceRow[],
  issues: ImportIssue[],
  legendTexts: readonly string[],
): void {
  const rated = (cells: readonly string[], h: string) => ratingColumn(h, cells, legendTexts);
  const rating = header.columns.findIndex((m) => m.field === "evaluation");
  if (rating < 0) {
    settleUnknown(header, rows, issues, "evaluation", rated, "凡例が意味を示す評価の記号");
    return;
  }
  // Beside the rating read, a column under a name no rule knows holding labels the legend explains (two at least):
  // which of the two rates the KPI, the names cannot say (a 貢献度 taken for the rating when the 達成度's name is the
  // city's own). A column a rule reads by its name (another axis, 今後の方向性) is no rival.
  const rival = header.columns.findIndex(
    (m, col) =>
      m.field === "extra" &&
      !m.confirmed &&
      recogniseHeader(m.header).field === "extra" &&
      !isNamedExtra(m.header) &&
      !header.columns[rating]!.confirmed &&
      !ownLegend(m.header, legendTexts) &&
      rated(filledCells(rows, col), m.header),
  );
  if (rival < 0) return;
  const m = header.columns[rival]!;
  const named = columnName(m, rival);
  throw new NotASheet(
    "unrecognised_columns",
    `${named}は凡例が意味を示す評価の記号(例:「${filledCells(rows, rival)[0]}」)を収めていますが、見出しから評価の列と分かりません。` +
      `評価として読んだ${rating + 1}列目「${header.columns[rating]!.header}」とどちらが指標の評価か決められないため取り込みません。` +
      `列の意味を --profile で指定してください(例: {"columns":[{"col":${rival + 1},"field":"evaluation"},{"col":${rating + 1},"field":"extra"}]})`,
  );
}
