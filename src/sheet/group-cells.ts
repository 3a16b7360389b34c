/**
 * A rating printed once per 施策 over its KPIs (merged down in the city's file; in a PDF's text the
 * cell stands on the group's first row only): 泰阜村's 事業効果検証 rates each 具体的施策, not each KPI.
 * Read so only when the whole table says it — the rating filled on every row that opens a group and
 * on no row under one; a column filled on some KPI row inside a group is the KPIs' own, and an empty
 * cell stays empty. Projects (an initiatives column) have their own rule (merge-rows.ts).
 * With no level column, the group is the heading over the rows (丸亀市's 「施策15 商工業の振興」 above
 * each 施策's table, its 施策評価 and 所管部 on the table's first row only).
 */
import type { ColumnMeaning, Field } from "./column-fields.ts";
import { isEmpty, squash } from "./columns.ts";
import { refuse } from "./reading-plausibility.ts";
import type { SourceRow } from "./types.ts";

/** The fields a group's first row gives the KPI rows under it. */
const GROUP_FIELDS: readonly Field[] = ["evaluation", "comments", "nextSteps", "reason", "departments"];

/**
 * The KPI rows under a group's first row (by source row number) and the columns whose cells belong to
 * the group, not the row; null when the table rates each KPI. A row is in the group above when its
 * levels are empty or repeat the row above's (a merged cell filled down, as an XLSX reads).
 */
export function groupRatedColumns(
  cols: readonly ColumnMeaning[],
  rows: readonly SourceRow[],
  /** Each row's heading (the levels printed above its table), when rows are under headings. */
  headingOf: (row: SourceRow) => string = () => "",
): { under: Set<number>; inherit: number[] } | null {
  const idx = (f: Field) => cols.flatMap((c, i) => (c.field === f ? [i] : []));
  if (idx("initiatives").length > 0) return null;
  const levels = [...idx("goal"), ...idx("subgoal"), ...idx("measure")];
  const rating = idx("evaluation");
  const indicator = idx("indicator")[0];
  if (rating.length !== 1 || indicator === undefined) return null;
  const kpiRows = rows.filter((r) => !isEmpty(r.cells[indicator] ?? ""));
  // No level column: the heading is the group's key (a row under no heading of its own, as on a
  // worksheet the table went on to, is under the one above), when the first KPI row is under one.
  const byHeading = levels.length === 0;
  if (byHeading && headingOf(kpiRows[0] ?? { row: 0, cells: [] }) === "") return null;
  const opens: SourceRow[] = [];
  const under: SourceRow[] = [];
  const openOf = new Map<number, SourceRow>();
  let key: string[] = [];
  for (const r of kpiRows) {
    const own = byHeading
      ? [headingOf(r) || (key[0] ?? "")]
      : levels.map((c, i) => (isEmpty(r.cells[c] ?? "") ? (key[i] ?? "") : squash(r.cells[c]!)));
    const same = opens.length > 0 && own.every((k, i) => k === key[i]);
    (same ? under : opens).push(r);
    openOf.set(r.row, opens.at(-1)!);
    key = own;
  }
  if (opens.length < 2 || under.length === 0) return null;
  const filled = (r: SourceRow, c: number) => !isEmpty(r.cells[c] ?? "");
  const sameAs = (r: SourceRow, o: SourceRow, c: number) =>
    squash(r.cells[c] ?? "") === squash(o.cells[c] ?? "");
  const col = rating[0]!;
  const groupRated = (os: readonly SourceRow[], us: readonly SourceRow[]) =>
    os.every((r) => filled(r, col)) &&
    (!us.some((r) => filled(r, col)) ||
      // Under headings, a rating merged down over its group (an XLSX fills it into every row) is
      // the group's too: each group's rows hold its opening row's rating, or none.
      (byHeading &&
        os.every((o) => {
          const rows = us.filter((r) => openOf.get(r.row) === o);
          return rows.every((r) => !filled(r, col)) || rows.every((r) => sameAs(r, o, col));
        })));
  if (!groupRated(opens, under)) {
    // The rows before the first rated group continue a group whose heading and rating were given
    // before this table (a worksheet the table went on to): whose rating they carry cannot be told.
    const lead = kpiRows.filter((r) => openOf.get(r.row) === opens[0]);
    if (
      byHeading &&
      lead.every((r) => !filled(r, col)) &&
      opens.length >= 2 &&
      groupRated(
        opens.slice(1),
        under.filter((r) => openOf.get(r.row) !== opens[0]),
      )
    )
      refuse(
        `${lead.map((r) => r.row).join("・")}行目の指標は評価が空で、この表の評価は見出しの下の最初の行にだけ書かれています。` +
          "これらの行が表の前の部分の評価を引き継ぐのか決められません",
      );
    const sentences = groupSentences(kpiRows, opens, under, col, filled, idx);
    return sentences.length > 0 ? { under: new Set(under.map((r) => r.row)), inherit: sentences } : null;
  }
  // A column is the group's when no row under an opening row fills it — or, under headings, when in
  // each group the rows under fill it with the opening row's words (merged) or leave it empty.
  const ofGroup = (c: number) =>
    !under.some((r) => filled(r, c)) ||
    (byHeading &&
      opens.every((o) => {
        const rows = under.filter((r) => openOf.get(r.row) === o);
        return rows.every((r) => !filled(r, c)) || rows.every((r) => sameAs(r, o, c));
      }));
  const inherit = GROUP_FIELDS.flatMap((f) => idx(f)).filter(ofGroup);
  return { under: new Set(under.map((r) => r.row)), inherit };
}

/**
 * Each KPI rated on its own row, and a sentence column (検証結果, 理由) filled on the first row of every
 * group and on no row under one, in two groups or more (加古川市: 「全国的な傾向と同様、…」 merged over a
 * 基本目標's two indicators; a PDF's text leaves it on the first): the sentence is the group's, each of its
 * KPIs' own. A column filled on some row inside a group is each KPI's (an empty cell stays empty).
 */
function groupSentences(
  kpiRows: readonly SourceRow[],
  opens: readonly SourceRow[],
  under: readonly SourceRow[],
  rating: number,
  filled: (r: SourceRow, c: number) => boolean,
  idx: (f: Field) => number[],
): number[] {
  if (!kpiRows.every((r) => filled(r, rating))) return [];
  const grouped = new Set(under.map((r) => kpiRows.filter((o) => opens.includes(o) && o.row < r.row).at(-1)));
  // (Round 57, 大仙市: one group is enough for the department alone when the table says it with every row — filled
  // on every row that opens a group of a level column and on no row under one (a table per 基本目標 with one 施策 of
  // two KPIs). A reason or comment once in a whole table is no pattern of groups.)
  if (grouped.size < 2) {
    const levels = [...idx("goal"), ...idx("subgoal"), ...idx("measure")];
    if (opens.length < 2 || under.length === 0 || levels.length === 0) return [];
    return idx("departments").filter(
      (c) => opens.every((r) => filled(r, c)) && !under.some((r) => filled(r, c)),
    );
  }
  // (A 担当課 so printed is the group's too: 甲府市-style tables give it once per 施策, blank under its merged cell.)
  // (Round 54, 新宮市: a 担当課 repeated on some rows inside a 施策 and blank on another — a cell merged over two
  // of its rows beside cells printed per row. Who answers for a KPI is never nobody: when every group's first
  // row names one, a blank under it continues it; a row that names its own keeps it. A blank 理由 or 意見
  // stays blank — a KPI may have none.)
  const departments = new Set(idx("departments"));
  return (["reason", "comments", "challenge", "departments"] as const)
    .flatMap((f) => idx(f))
    .filter(
      (c) =>
        opens.every((r) => filled(r, c)) &&
        (!under.some((r) => filled(r, c)) || (departments.has(c) && under.some((r) => !filled(r, c)))),
    );
}
