import type { EvaluationScale, Kpi, NumericGoal, Ordinal, Sheet } from "../core/sheet.ts";
import { splitBracketedRoles } from "./bracketed-role.ts";
import type { ColumnMeaning } from "./column-fields.ts";
import { isEmpty, squash } from "./columns.ts";
import { evaluatedYear } from "./evaluated-year.ts";
import { type FoundHeader, findHeader, repeatsHeader, topRowKeys } from "./find-header.ts";
import { checkColumns, checkRolesPresent } from "./general-checks.ts";
import { tableProfileOf } from "./general-profile.ts";
import { buildRows, toNumericGoal } from "./general-rows.ts";
import { departmentBelowName, headingLevel } from "./general-values.ts";
import { goalsEvaluated } from "./goals-evaluated.ts";
import { applyHeaderChoices } from "./header-choices.ts";
import { atHeadingColumn, noteUnderIndicator } from "./heading-levels.ts";
import { applyProfile, type ImportProfile } from "./import-profile.ts";
import { spacedLabelRun } from "./legend-blocks.ts";
import { isMergedSpacer } from "./merged-spacer.ts";
import { PlainHeadings } from "./plain-headings.ts";
import { isLegendLine } from "./read-legend.ts";
import { isSeparatorRow } from "./read-markdown-table.ts";
import { readOrdinal } from "./read-ordinal.ts";
import { isChoiceList } from "./round51-choice-lines.ts";
import { applyMarkedDirections } from "./round54-marked-direction.ts";
import { repeatsTitle, titleLinesOf } from "./running-titles.ts";
import { scaleFromFigures } from "./scale-from-figures.ts";
import {
  HEADING_KPIS,
  headingsIn,
  isLoneSentence,
  isSectionGoals,
  LEVEL_DIVIDER,
  labelledHeading,
  rowHeadingLevel,
  SECTION_GOALS,
  SECTION_KPIS,
  sectionText,
  titleHeading,
} from "./section-headings.ts";
import { settleSegment } from "./settle-segment.ts";
import { TableKeys, tableKeyRow } from "./table-keys.ts";
import { tableScale } from "./table-scale.ts";
import type { DroppedCell, ImportIssue, SourceRow, SourceTable } from "./types.ts";
import { NotASheet } from "./types.ts";
import { checkHeaderYearsRead } from "./unread-header-year.ts";

/** 「- 3 -」, 「3」, 「P.3」, 「3/12」, 「3ページ」: a page number, printed alone in the page's footer. */
const PAGE_NUMBER = /^[-－―ー−‐]?(?:P\.?|p\.?)?\d{1,3}(?:\/\d{1,3})?(?:ページ|頁)?[-－―ー−‐]?$/;

interface Segment {
  header: FoundHeader;
  /** The worksheet the header is on (XLSX): rows of another worksheet with no header are not its rows. */
  worksheet: string | undefined;
  numericGoals: boolean;
  /** Outcomes only because the indicator column is named 成果指標 (no heading said 数値目標). */
  goalsByName: boolean;
  rows: {
    row: SourceRow;
    heading: Partial<Record<"goal" | "subgoal" | "measure", Ordinal>>;
    goals: boolean;
  }[];
}

export interface GeneralRead {
  sheet: Sheet;
  issues: ImportIssue[];
  dropped: DroppedCell[];
  used: number;
  profile: ImportProfile;
}

/** Reads a table of any layout; null when no header of KPI columns is found. */
export function readGeneral(
  table: SourceTable,
  options: { authored: boolean; scale?: EvaluationScale | null; profile?: ImportProfile | null },
): GeneralRead | null {
  const rows = table.rows;
  const first = findHeader(rows);
  if (!first) return null;
  const issues: ImportIssue[] = [];
  const dropped: DroppedCell[] = [];
  let used = 0;
  const drop = (r: SourceRow, reason: string) =>
    r.cells.forEach((text, i) => {
      if (!isEmpty(text)) dropped.push({ row: r.row, column: `${i + 1}列目`, text, reason });
    });
  const texts: string[] = table.outside.map((o) => o.text);
  // Lines of a worksheet of their own (a 評価基準 sheet): read after the table's own legend and title.
  const elsewhere: string[] = [];
  const apart = (r: SourceRow) =>
    r.sheet !== undefined && current?.worksheet !== undefined && r.sheet !== current.worksheet;
  const titleTexts: string[] = [];
  for (let i = 0; i < first.rows[0]!; i++) {
    drop(rows[i]!, "列見出しより前の行(表題など)");
    titleTexts.push([...new Set(rows[i]!.cells.filter((c) => !isEmpty(c)))].join(" "));
  }
  const topRows = topRowKeys(rows.slice(0, first.rows[0]!));
  // The lines printed above the first table: a page's running title, kept in the table by an extractor.
  const titleLines = titleLinesOf(titleTexts, table.outside, rows[first.rows[0]!]?.row ?? 0);
  // The last line above the first table may be its heading (「基本目標の進捗状況」: 数値目標).
  const lastTitle = squash(sectionText(titleTexts.at(-1) ?? ""));

  // 1. Segments: each header starts one; a header repeated after a page break continues it.
  const segments: Segment[] = [];
  let current: Segment | null = null;
  let sectionGoals = isSectionGoals(lastTitle);
  let heading: Segment["rows"][number]["heading"] = titleHeading([
    ...titleTexts,
    ...table.outside.filter((o) => o.row < (rows[first.rows[0]!]?.row ?? 0)).map((o) => o.text),
  ]);
  // A card's keys (分野 | …, 所管課 | …) above its grid, before the first header too.
  const cardKeys = new TableKeys();
  const keyRow = (r: SourceRow): boolean => {
    const k = tableKeyRow(r.cells);
    if (!k) return false;
    if (k.field === "goal" || k.field === "subgoal" || k.field === "measure") {
      heading = { ...heading, [k.field]: readOrdinal(k.value) };
      if (k.field === "goal") heading = { goal: heading.goal };
    }
    cardKeys.key(k);
    return true;
  };
  for (let i = 0; i < first.rows[0]!; i++) keyRow(rows[i]!);
  let headerRowCells: string[][] = [];
  // Rows dropped as a page's footer: the headings printed before them belong to the rows after.
  const footers = new Set<number>();
  const rowBefore = (i: number) => {
    let j = i - 1;
    while (j >= 0 && footers.has(j)) j--;
    return j >= 0 ? rows[j]!.row : Number.NEGATIVE_INFINITY;
  };
  const headingsBetween = (lines: readonly { text: string }[], repeat = false) => {
    heading = headingsIn(lines, heading);
    if (repeat) plain.above(lines.at(-1)?.text, segments);
  };
  // A plain line above the first table and above the same header printed again (plain-headings.ts).
  const plain = new PlainHeadings([...titleLines].at(-1), (m) => (heading = { ...heading, measure: m }));
  const overRepeat = (t: string, i: number) =>
    !!current &&
    repeatsHeader(rows[i + 1]?.cells ?? [], current.header, headerRowCells) &&
    plain.above(t, segments);
  for (let i = first.rows[0]!; i < rows.length; i++) {
    const r = rows[i]!;
    // A cell merged across the table (a title, a heading in Excel) is read on every column it covers: one text.
    const filled = [...new Set(r.cells.filter((c) => !isEmpty(c)))];
    if (filled.length === 0) continue;
    if (isSeparatorRow(r.cells) || topRows.has(r.cells.join("\t"))) {
      drop(r, isSeparatorRow(r.cells) ? "区切り行" : "列見出しより前の行の繰り返し(改ページ)");
      continue;
    }
    if (current && repeatsHeader(r.cells, current.header, headerRowCells)) {
      drop(r, "列見出しの繰り返し(改ページ)");
      // Printed again on another worksheet (a sheet per 基本目標), the table goes on there.
      current.worksheet = r.sheet ?? current.worksheet;
      const prev = rowBefore(i);
      headingsBetween(
        table.outside.filter((o) => o.row < r.row && o.row > prev),
        true,
      );
      continue;
    }
    const h = findHeader(rows, i);
    if (h && h.rows[0] === i) {
      const isRepeat = current !== null && h.key === current.header.key;
      for (const hr of h.rows) drop(rows[hr]!, isRepeat ? "列見出しの繰り返し(改ページ)" : "列見出し");
      headerRowCells = h.rows.map((hr) => rows[hr]!.cells);
      i = h.rows.at(-1)!;
      // The heading printed just above the table (outside it, in a PDF's text) says what it lists.
      // (The row before the header's first row: a header of two rows is not its own heading.)
      const prevRow = rowBefore(h.rows[0]!);
      const above = table.outside.filter((o) => o.row < r.row && o.row > prevRow);
      headingsBetween(above, isRepeat);
      if (isRepeat) {
        current!.worksheet = r.sheet ?? current!.worksheet;
        continue;
      }
      // The section lines between the tables say what the next lists (the last one decides).
      for (const o of above) {
        const t = squash(sectionText(o.text));
        if (/^[■□◆◇●]/.test(o.text.trim())) continue;
        if (HEADING_KPIS.test(t)) sectionGoals = false;
        else if (isSectionGoals(t)) sectionGoals = true;
      }
      // The indicator column's own name can say it too: 数値目標 / 成果指標 (outcomes), 活動指標 (KPIs).
      const named = h.columns.find((c) => c.field === "indicator");
      const goals: boolean =
        named && HEADING_KPIS.test(squash(named.header))
          ? false
          : sectionGoals ||
            // 「戦略目的の指標」, 「KGI」: the indicator of the plan's aim (an outcome), not of a measure.
            (named !== undefined &&
              /数値目標|成果指標|戦略目的|KGI|重要目標達成指標/i.test(squash(named.header)));
      // A table of KPIs ends a 数値目標 section printed above it.
      if (named && HEADING_KPIS.test(squash(named.header))) sectionGoals = false;
      current = {
        header: applyProfile(h, options.profile ?? null, issues, segments.length + 1),
        worksheet: r.sheet,
        numericGoals: goals,
        goalsByName: goals && !sectionGoals,
        rows: [],
      };
      segments.push(current);
      continue;
    }
    if (isMergedSpacer(r, current?.rows.at(-1)?.row, current?.header.columns)) {
      drop(r, "空行(上の行から続く結合セル)");
      continue;
    }
    if (filled.length === 1) {
      const t = squash(filled[0]!);
      if (overRepeat(t, i)) {
        drop(r, "見出し(同じ列見出しの表の上の行)");
        continue;
      }
      // A page's footer or running title an extractor kept as a row (「- 3 -」 alone).
      const running = repeatsTitle(
        titleLines,
        filled[0]!,
        footers.has(i - 1) || rows[i - 1]?.sheet !== r.sheet,
      );
      if (r.cells.findIndex((c) => !isEmpty(c)) === 0 && (PAGE_NUMBER.test(t) || running)) {
        drop(r, "ページ番号・表題の繰り返し(改ページ)");
        footers.add(i);
        continue;
      }
      // 「-政策目標1-」 above 「政策目標1 鹿島の…」: a level's name and number set off by dashes is a divider —
      // the line below names the level with its title.
      if (LEVEL_DIVIDER.test(t)) {
        drop(r, "見出し(区切り)");
        continue;
      }
      const legendLike = /[:：]/.test(t) || isLegendLine(filled[0]!);
      const sec = squash(sectionText(filled[0]!));
      // 「(ⅲ)具体的施策・施策ごとの重要業績評価指標」: an enumerated section line naming KPIs.
      const enumerated = sec !== t && !/^[■□◆◇●]/.test(filled[0]!.trim());
      if (!legendLike && (SECTION_GOALS.test(sec) || isSectionGoals(sec))) {
        sectionGoals = true;
        drop(r, "見出し(数値目標)");
        continue;
      }
      // 「≪成果と見直し≫ …」 under the indicator, nothing else in the row: a note on the indicator above.
      // (「〈基本目標②〉まちへの…」 is a heading, not a note: a level's name and number in the brackets.)
      if (current && noteUnderIndicator(filled[0]!)) {
        // …unless it is a 【…課】 alone under a project's name: that project's department.
        const joined = departmentBelowName(current.header, current.rows.at(-1)?.row, r);
        if (joined) {
          used++;
          issues.push(joined);
        } else drop(r, "注記(上の指標について)");
        continue;
      }
      if (
        !legendLike &&
        (SECTION_KPIS.test(sec) || (enumerated && HEADING_KPIS.test(sec))) &&
        !current?.header.columns.some((c) => c.field === "indicator" && /KPI/i.test(c.header) && t.length < 4)
      ) {
        sectionGoals = false;
        drop(r, "見出し(KPI)");
        continue;
      }
      // 「施策群:民間投資の活性化」: a level's name, a colon, the heading (a group of 施策 is above them).
      const named = labelledHeading(filled[0]!);
      const level = named
        ? named[2]
          ? "goal"
          : headingLevel(named[1]!)
        : legendLike
          ? null
          : rowHeadingLevel(filled[0]!, current?.header.columns[0]?.field, heading);
      if (level && atHeadingColumn(r.cells, current?.header.columns)) {
        heading = { ...heading, [level]: readOrdinal(named ? named[3]! : filled[0]!) };
        if (level === "goal") heading = { goal: heading.goal };
        used++;
        issues.push({
          row: r.row,
          column: null,
          kind: "heading_row",
          before: filled[0]!,
          after: null,
          confidence: "high",
          message: "見出しの行: 下の行の階層として使い、指標にはしない",
        });
        continue;
      }
      // A legend: labels with their meanings (「A:… B:…」, 「A=… B=…」, 「①:… ②:…」, long labels), at least two.
      if (isLegendLine(filled[0]!) || spacedLabelRun(rows, i)) {
        (apart(r) ? elsewhere : texts).push(filled[0]!);
        drop(r, "凡例・注記(評価基準として読む)");
        continue;
      }
      // A list of choices (round51-choice-lines.ts), starred ones too (「☆市の今後の方向性 事業拡大 / …」): a note.
      // 「内 容 地域農業の中核を担う…支援していきます。」 merged across a worksheet between a heading and its
      // table: a sentence alone on a row says what the part is for — text outside the table, no KPI.
      if (
        /^※|^注|^出典|^資料|^[☆★]/.test(t) ||
        isChoiceList(filled[0]!, current?.header.columns) ||
        isLoneSentence(t)
      ) {
        texts.push(filled[0]!);
        drop(r, "注記");
        continue;
      }
    }
    if (current && filled.length === 2 && keyRow(r)) {
      used++;
      drop(r, "カードの項目(見出し・担当・取組の説明)");
      continue;
    }
    if (!current) continue;
    // A worksheet of its own with no column names (評価基準 | A | 目標を達成, a 凡例 or 注記 sheet) holds
    // no rows of the table on another: its lines are read as text outside the table (a legend).
    if (apart(r)) {
      elsewhere.push(filled.join(" "));
      drop(r, "表のない別のワークシートの行(凡例・注記として読む)");
      continue;
    }
    // A table that goes on after a page break without its column names: the heading lines printed
    // between (■施策② …) head the rows below, as they do above a repeated header.
    if (i > 0) headingsBetween(table.outside.filter((o) => o.row < r.row && o.row > rowBefore(i)));
    // Rows printed with a cell lost are realigned first: which year holds data depends on it.
    cardKeys.row(r.row);
    current.rows.push({
      row: r,
      heading: { ...heading },
      goals: current.numericGoals || sectionGoals,
    });
  }

  // Rows printed with a cell lost are realigned first (which year holds data depends on it), once
  // each header's columns are settled (a header over two cells, 指標① | name).
  // Answers written as the numbers of choices the column's header prints (「(選択肢) 1.…」).
  applyHeaderChoices(segments, elsewhere, issues);
  // 「実績値(29年度目標値)」 over 「17,861人(16,507人)」: two values of one year printed in one column.
  splitBracketedRoles(segments, [...titleTexts, ...texts], issues);
  for (const seg of segments)
    settleSegment(seg, [...titleTexts, ...texts, ...elsewhere], issues, options.profile?.fiscalYear);

  // 2. Each segment's rows → KPIs or numeric goals, in the year they are evaluated for.
  // (The title nearest the table first: a cover's 「令和元年度 効果検証」 is when the sheet was made,
  // the table's own 「平成30年度 KPI実績」 what it reports.)
  const headerAt = rows[first.rows[0]!]?.row ?? 0;
  const above = table.outside.filter((o) => o.row < headerAt).map((o) => o.text);
  const nearestFirst = [
    ...[...titleTexts].reverse(),
    ...[...above].reverse(),
    ...texts.filter((t) => !above.includes(t)),
    ...elsewhere,
  ];
  const fy = evaluatedYear(segments, nearestFirst, options.profile, issues);
  const tables = segments.map((x) => ({ header: x.header, rows: x.rows.map((y) => y.row) }));
  const lines = [...texts, ...titleTexts, ...elsewhere];
  const scale =
    tableScale(tables, lines, options.scale ?? null, issues) ?? scaleFromFigures(tables, fy, issues);
  const kpis: Kpi[] = [];
  const numericGoals: NumericGoal[] = [];
  checkRolesPresent(tables, lines);
  checkHeaderYearsRead(tables);
  // A sheet whose only indicators are its 成果指標 (a 施策評価 sheet) evaluates them as its KPIs:
  // 成果指標 are outcomes kept apart only beside other KPIs. So are 数値目標 under a heading that says the
  // sheet reports how far they got (「数値目標の達成状況」): with no other table, they are what it evaluates.
  if (
    segments.length > 0 &&
    segments.every(
      (x) => (x.goalsByName || goalsEvaluated([...titleTexts, ...texts])) && x.rows.every((y) => y.goals),
    )
  ) {
    for (const x of segments) for (const y of x.rows) y.goals = false;
    issues.push({
      row: null,
      column: null,
      kind: "outcomes_as_kpis",
      before: "成果指標",
      after: "KPI",
      confidence: "medium",
      message: "成果指標のほかに指標の表がないため、成果指標を評価する指標(KPI)として読んだ",
    });
  }
  for (const s of segments) {
    checkColumns(
      s.header,
      s.rows.map((x) => x.row),
      fy,
      lines,
    );
    const rowsRead = buildRows(s.header.columns, s.rows, fy, scale, options.authored, issues);
    used += rowsRead.used;
    rowsRead.kpis.forEach((k, i) => {
      cardKeys.apply(k, options.authored);
      if (rowsRead.goals[i]) numericGoals.push(toNumericGoal(k));
      else kpis.push(k);
    });
  }
  if (kpis.length === 0) throw new NotASheet("no_kpis", "指標(KPI)の行が一つもありません");
  applyMarkedDirections(kpis, lines, issues); // 「※転出超過数」 beside 「※は…低い方が良くなる指標」 (round 54)
  const sheet: Sheet = { format: "sheet/1", municipality: null, fiscalYear: fy, source: null, kpis };
  if (numericGoals.length > 0) sheet.numericGoals = numericGoals;
  if (scale) sheet.scale = scale;
  const profile = tableProfileOf(segments, rows, fy, scale ?? null);
  return { sheet, issues, dropped, used, profile };
}

export type { ColumnMeaning };
