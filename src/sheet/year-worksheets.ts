/**
 * Workbooks whose table spreads over worksheets. Each worksheet is read on its own for the year it
 * evaluates and the meanings of its columns (its shape):
 * - a worksheet per fiscal year (「令和3年度」「令和4年度」, or this year's beside 「前年度」): one year
 *   is imported — the year the profile names (`fiscalYear`), else the latest — with the worksheets
 *   that name no year of their own (a legend, a list); the report names the sheets left and how to
 *   read one of them. (Read together, last year's rows joined this year's: 19 of 42 layouts
 *   refused, one wrong with exit 0, with last year's copy beside the sheet.)
 * - a worksheet per 基本目標 (the same shape, the same year): read together as one table.
 * Rows read together are numbered on from the sheet before: row numbers start again on each
 * worksheet, and the checks that key on a row (two KPIs of one row, a header cell as an indicator)
 * took sheets' rows of one number for one row.
 * Sheets of other shapes (a 数値目標 table of lagging statistics) belong to every year, and card
 * workbooks (a card per worksheet) are read together as before.
 */
import { type DroppedCell, type ImportIssue, NotASheet, type SourceTable } from "./types.ts";

export interface WorksheetsChoice {
  table: SourceTable;
  dropped: DroppedCell[];
  issue: ImportIssue | null;
  /** The worksheets of one year each, when the workbook keeps several years. */
  yearSheets?: { sheet: string; fiscalYear: number }[];
  /** A row number of `table` as its worksheet numbers it (null if the rows were not numbered on). */
  sheetRow: (row: number) => { sheet: string; row: number } | null;
}

/** A worksheet read on its own: layout, fiscal year and shape; null if it is no sheet of KPIs alone. */
export type ReadAlone = (
  sheet: SourceTable,
) => { layout: string; fiscalYear: number; shape: string; indicators: string[] } | null;

export function chooseWorksheets(
  table: SourceTable,
  readAlone: ReadAlone,
  wanted: number | null | undefined,
): WorksheetsChoice | null {
  const names = [...new Set(table.rows.flatMap((r) => (r.sheet === undefined ? [] : [r.sheet])))];
  if (names.length < 2) return null;
  const rowsOf = (name: string) => table.rows.filter((r) => r.sheet === name);
  const reads = new Map(names.map((name) => [name, readAlone({ rows: rowsOf(name), outside: [] })]));
  const tables = [...reads.values()].filter((r) => r !== null && r.layout !== "cards");
  // Year sheets are copies of one table; sheets of two shapes are read together as before.
  if (tables.length < 2 || new Set(tables.map((r) => r!.shape)).size > 1)
    return { ...numberedOn(table, names), dropped: [], issue: null };
  const yearOf = (name: string) => {
    const r = reads.get(name);
    return r && r.layout !== "cards" ? r.fiscalYear : null;
  };
  const distinct = [...new Set(names.map(yearOf).filter((y): y is number => y !== null))];
  const chosen = wanted ?? Math.max(...distinct);
  const list = (ns: string[]) => ns.map((n) => `「${n}」(${yearOf(n)}年度)`).join("、");
  if (distinct.length > 1 && !distinct.includes(chosen))
    throw new NotASheet(
      "no_fiscal_year",
      `${chosen}年度の表のシートがありません。年度ごとのシート: ${list(names.filter((n) => yearOf(n) !== null))}`,
    );
  // Another year's sheet is a copy of the chosen year's table: most of its indicators are the
  // chosen sheets' (a sheet per 基本目標 whose statistics lag a year lists others, and is kept).
  const chosenIndicators = new Set(
    names.filter((n) => yearOf(n) === chosen).flatMap((n) => reads.get(n)?.indicators ?? []),
  );
  const overlaps = (n: string, others: Set<string>) => {
    const own = reads.get(n)?.indicators ?? [];
    return own.length > 0 && own.filter((i) => others.has(i)).length * 2 >= own.length;
  };
  const kept = new Set(
    names.filter((n) => [chosen, null].includes(yearOf(n)) || !overlaps(n, chosenIndicators)),
  );
  // Two sheets of the same year listing the same indicators (a copy kept to work on, 「提出用」 and
  // 「作業用」): read together, every KPI was read twice with exit 0; which one is the sheet is not
  // ours to guess.
  const same = [...kept].filter((n) => yearOf(n) !== null);
  for (const [i, a] of same.entries())
    for (const b of same.slice(i + 1))
      if (yearOf(a) === yearOf(b) && overlaps(b, new Set(reads.get(a)?.indicators ?? [])))
        throw new NotASheet(
          "row_ambiguous",
          `シート「${a}」と「${b}」に同じ年度(${yearOf(a)}年度)の同じ指標の表があります。どちらを読むか決められません。読まないシートを削除するか非表示にしてから取り込んでください`,
        );
  const left = names.filter((n) => !kept.has(n));
  const numbered = numberedOn(
    table,
    names.filter((n) => kept.has(n)),
  );
  const dropped = table.rows
    .filter((r) => r.sheet !== undefined && !kept.has(r.sheet))
    .flatMap((r) =>
      r.cells.flatMap((text, i) =>
        text.trim() === ""
          ? []
          : [
              {
                row: r.row,
                column: `${r.sheet}!${i + 1}列目`,
                text,
                reason: `別の年度(${yearOf(r.sheet!)}年度)のシート`,
              },
            ],
      ),
    );
  const how = wanted ? "--profile の fiscalYear で指定された年度" : "いちばん新しい年度";
  const issue: ImportIssue | null =
    left.length === 0
      ? null
      : {
          row: null,
          column: null,
          kind: "year_worksheet_chosen",
          before: left.join("、"),
          after: [...kept].join("、"),
          confidence: wanted ? "certain" : "medium",
          message:
            `年度ごとのシートがあるため、${how}(${chosen}年度)のシート ${list([...kept].filter((n) => yearOf(n) !== null))} を読みました。` +
            `読まなかったシート: ${list(left)}。別の年度を取り込むには --profile でその年度を指定してください(例: {"fiscalYear":${yearOf(left[0]!)}})`,
        };
  const yearSheets = names.flatMap((n) => {
    const fiscalYear = yearOf(n);
    return fiscalYear !== null && (kept.has(n) || left.includes(n)) && distinct.length > 1
      ? [{ sheet: n, fiscalYear }]
      : [];
  });
  return { ...numbered, dropped, issue, ...(yearSheets.length > 1 ? { yearSheets } : {}) };
}

/**
 * The rows of these worksheets, each numbered on from the sheet before (so no two share a number),
 * and the way back to a worksheet's own row number for what is said to the user.
 */
function numberedOn(
  table: SourceTable,
  names: readonly string[],
): Pick<WorksheetsChoice, "table" | "sheetRow"> {
  let offset = 0;
  const rows: SourceTable["rows"] = [];
  const spans: { sheet: string; from: number; to: number }[] = [];
  for (const name of names) {
    const own = table.rows.filter((r) => r.sheet === name);
    rows.push(...own.map((r) => ({ ...r, row: r.row + offset })));
    const last = Math.max(0, ...own.map((r) => r.row));
    spans.push({ sheet: name, from: offset, to: offset + last });
    offset += last;
  }
  const sheetRow = (row: number) => {
    const s = names.length > 1 ? spans.find((x) => row > x.from && row <= x.to) : undefined;
    return s ? { sheet: s.sheet, row: row - s.from } : null;
  };
  return { table: { ...table, rows }, sheetRow };
}
