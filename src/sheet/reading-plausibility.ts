/**
 * The last look before an import exits 0: would a careful person sign this reading? Each rule here
 * looks at the result (the KPIs read, the table they came from), not at how it was read, so it
 * refuses a wrong reading even when the rule that should have read it right is missing. The cases
 * are the past first readings that were wrong with exit 0 (fixtures/layouts/README.md): values that
 * lost the unit the table prints (tsukuba-kpi), a header word or a sentence as a value (etajima-
 * senryaku, ishinomaki-kpi), labels as actuals (nagaoka-city), notes and header rows as KPIs
 * (etajima-senryaku), no actual or no target anywhere (cao-growth, kofukin-h28), an evaluated year
 * none of the year columns prints (hirakata-city), two KPIs out of one row.
 */
import type { Kpi, Sheet, Value } from "../core/sheet.ts";
import { actualsAfterYear, laterThanTitle } from "./actuals-after-year.ts";
import { escapeRegExp, squash } from "./columns.ts";
import { courseLegend, courseReadAsRating } from "./course-verdicts.ts";
import { bracketsCross } from "./crossed-brackets.ts";
import type { Field } from "./field.ts";
import { LEVELS } from "./field.ts";
import { doubledLevelColumns } from "./level-columns.ts";
import { baselineAgainstNote } from "./noted-baseline-year.ts";
import type { ImportProfile } from "./profile-types.ts";
import { firstOfGroupOnly, improvedReadAsDelayed, scaleOutOfOrder } from "./rating-guards.ts";
import { isStandardRating, ratingInValue } from "./rating-in-values.ts";
import { checkRatings } from "./rating-plausibility.ts";
import { tallyReadAsKpi } from "./rating-tally.ts";
import { refuse } from "./refuse-reading.ts";
import { roundGuardRefusal } from "./round-guards.ts";
import { joinedTwoFigures } from "./two-figure-cells.ts";
import type { SourceTable } from "./types.ts";
import { unreadLevelColumn } from "./unread-level-guards.ts";
import { wordedActualAmongFigures } from "./worded-actuals.ts";
import { checkActualYears, hasFigures, titleLines } from "./year-plausibility.ts";

export { refuse };

/** A place the table prints units in: a 単位 column or row, 「[単位] 件」, 「(単位:千円)」. */
const UNIT_PLACE = /^[(（［[【〔]?単位[)）］\]】〕]?$|^[［[【]単位[］\]】]|単位\s*[:：]/;
/** Names of value columns and of the table's own parts: never a value, never an indicator. */
const HEADER_WORD =
  /^(実績|実績値|目標|目標値|基準値|現状値|策定時|計画値|見込値|期待値|達成率|達成度|評価|単位|年度|指標|指標名|KPI|重要業績評価指標(\(KPI\))?|数値目標|成果指標|項目)$/;
/** A header naming a target value (not 基本目標, 目標年度, 目標達成状況). */
const TARGET_HEADER = /目標(値|指標値|数値)|^(最終|年度|R\d+|H\d+)?目標$/;
/** Fields whose column may hide a rating under a name not known as one (事業の効果 read as a project). */
const LABEL_HOLDERS = new Set<Field>([
  "extra",
  "initiatives",
  "goal",
  "subgoal",
  "measure",
  "indicator",
  "departments",
  "unit",
  "year",
]);
/** A numbered part of a plan: 「第1章 …」, 「基本目標2 …」, 「施策3 …」, a code 「01-01 様々な…」. */
const PLAN_PART =
  /^(第\d+(章|節|編)|(基本目標|基本施策|施策|政策)\d|\d{1,2}-\d{1,2}(-\d{1,2})*\s*[^\d\s.,%])/;
/** A mark before an indicator's name (「○豊岡に関する…」): a list's bullet or a rating read into the name. */
const MARKED = /^[○◯◎●△▲×・]\s*\S{2}/;
/** A role or a kind of figure, not a unit (「事業名(担当課)」's bracket, 「(累計)」). */
const ROLE_UNIT = /担当|所管|主管|課$|部$|係$|室$|累計|合計|平均|見込/;
/**
 * A sentence ended, then a list mark (「…促進します。○定期航路の新規開設[26]開設」): a project's summary and
 * its target list read as one indicator's name.
 */
const SUMMARY_AND_LIST = /。\s*[○◯●◎・■◆]/;
/** A unit in Latin letters with a digit or a joiner (「t-CO2」, 「m3/日」 folded, 「kWh/年」): never a KPI's name. */
const LATIN_UNIT = /^[千万億]?[A-Za-z]{1,4}(?:[-/][A-Za-z0-9]{1,5}|[0-9])[A-Za-z0-9/-]{0,6}$/;
/** A note or heading printed among the rows (≪成果と見直し≫, ■施策①, ※…), not an indicator. */
const NOTE = /^[≪《【■◆◇●※＊*]|^\(注/;
/** Words a value may be (a direction or a qualitative target): not labels of a rating. */
const VALUE_WORD = /^(延伸|増加|減少|維持|向上|上昇|低下|改善|縮小|拡大|皆増|-|―|－|ー|—)$/;

const units = (v: Value | undefined): boolean =>
  (v?.kind === "number" && !!v.unit) || (v?.kind === "segmented" && v.segments.some((s) => !!s.unit));
const valuesOf = (k: Kpi): [string, Value][] => [
  ["基準値", k.baseline ?? { kind: "missing" }],
  ["目標値", k.target],
  ["実績値", k.actual],
  ["最終目標値", k.finalTarget],
  ...(k.years ?? []).flatMap((y): [string, Value][] => [
    [`${y.year}年度の目標`, y.target],
    [`${y.year}年度の実績`, y.actual],
  ]),
];

/** The cells of the header rows the reader found (table layouts), squashed. */
function headerCells(table: SourceTable, profile: ImportProfile | undefined): Set<string> {
  const rows = new Set(profile?.headerRows ?? []);
  const cells = table.rows.filter((r) => rows.has(r.row)).flatMap((r) => r.cells);
  for (const c of profile?.columns ?? []) if (c.header) cells.push(c.header);
  return new Set(cells.map(squash).filter((c) => c !== ""));
}

/**
 * Refuses (exit 2, `implausible_reading`) a reading that shows signs of being wrong. `kpis[i].row` is
 * the source row each KPI was read from (before the rows are numbered 1…n).
 */
export function checkReading(sheet: Sheet, table: SourceTable, profile?: ImportProfile): void {
  const kpis = sheet.kpis;
  if (kpis.length === 0) return;
  const header = headerCells(table, profile);
  const name = (k: Kpi) => `指標「${k.indicator.slice(0, 20)}」(${k.row}行目)`;

  // The ratings read (rating-plausibility.ts): meaningless, blank, denied, or missing from the legend's.
  checkRatings(sheet, table, profile, name);

  // Two columns read as one level (level-columns.ts), an actual of words in a row of figures (worded-actuals.ts).
  const doubled = doubledLevelColumns(profile);
  if (doubled)
    refuse(
      `列「${doubled[0]}」と列「${doubled[1]}」がどちらも同じ階層(または同じ項目)として読まれ、一方の列の中身が失われます`,
    );
  // Units, legend order, level kinds, a level lost or misread, 順調 read as reached (round-guards.ts).
  const roundGuard = roundGuardRefusal(sheet, name, table, profile);
  if (roundGuard) refuse(roundGuard);
  // A yearless baseline dated against the note under the table that gives its year (noted-baseline-year.ts).
  const noted = baselineAgainstNote(
    profile?.columns ?? [],
    kpis.flatMap((k) =>
      k.baseline?.kind === "number" ? [{ year: k.baseline.period.year, raw: k.baseline.raw ?? "" }] : [],
    ),
    [legendLines(table).map(squash).join(" ")],
  );
  if (noted) refuse(noted);
  // 「4<br>(21)」 read as 421: two figures of one cell joined into one neither of them is (two-figure-cells.ts).
  for (const k of kpis) {
    const j = joinedTwoFigures(k);
    if (j)
      refuse(
        `${name(k)}の${j.field}のセル「${j.raw}」は二つの数値ですが、一つの数値(${j.read})として読みました`,
      );
  }
  const lone = wordedActualAmongFigures(sheet, (t) => VALUE_WORD.test(squash(t)));
  if (lone?.actual.kind === "text")
    refuse(
      `${name(lone)}の実績値「${lone.actual.text}」は数値がなく、ほかの値は数値です。値のない印を実績として読んだおそれがあります`,
    );

  // A row counting the ratings with their shares (「遅れ 33% その他 67%」) read as a KPI (rating-tally.ts).
  const tally = tallyReadAsKpi(sheet);
  if (tally)
    refuse(`${name(tally)}は評価ごとの割合を数えた集計の行です。集計の行を指標として読んだおそれがあります`);

  // Two KPIs out of one source row: one row was read as two indicators.
  const seen = new Map<number, Kpi>();
  for (const k of kpis) {
    const other = seen.get(k.row);
    if (other && profile?.layout === "table")
      refuse(
        `${k.row}行目から指標が二つ(「${other.indicator.slice(0, 20)}」「${k.indicator.slice(0, 20)}」)読まれました`,
      );
    seen.set(k.row, k);
  }

  const unitNames = new Set(kpis.flatMap((k) => (k.unit ? [squash(k.unit)] : [])));
  for (const k of kpis) {
    const ind = squash(k.indicator);
    if (ind === "")
      refuse(`${k.row}行目の指標名が空です。見出しの行か注記を指標として読んだおそれがあります`);
    if (HEADER_WORD.test(ind) || header.has(ind))
      refuse(`${name(k)}は見出しの語です。見出しの行を指標として読んだおそれがあります`);
    if (NOTE.test(k.indicator.trim())) refuse(`${name(k)}は注記・見出しの形です。指標の行ではありません`);
    // 「-(7)-ア 情報通信…」 as a level's title: the start of a code of parts read as its number, the rest
    // left in the title (a code the ordinal rules did not know).
    for (const level of LEVELS)
      if (/^[-－‐]\s*[(（]?[0-9０-９ア-ノ]/.test(k[level].title))
        refuse(
          `${name(k)}の階層「${k[level].title.slice(0, 20)}」は番号の続きで始まります。番号の一部だけを読んだおそれがあります`,
        );
    if (SUMMARY_AND_LIST.test(k.indicator))
      refuse(
        `${name(k)}は文(「。」)の後に箇条の記号が続きます。事業の概要と指標を一つの名前として読んだおそれがあります`,
      );
    if (bracketsCross(k.indicator))
      refuse(`${name(k)}の括弧が交差しています。PDFの文字の順序が入れ替わったおそれがあります`);
    if (MARKED.test(k.indicator.trim()))
      refuse(`${name(k)}は記号で始まります。箇条の記号か評価の記号を指標名として読んだおそれがあります`);
    // 「t-CO2」 as the name: a row that lost a cell before its name, read with the unit as the indicator.
    if (unitNames.has(ind) || (!k.unit && LATIN_UNIT.test(ind)))
      refuse(`${name(k)}は単位の形です。行のセルが欠けて、単位を指標名として読んだおそれがあります`);
    for (const [field, v] of valuesOf(k)) {
      if (v.kind !== "text") continue;
      const t = squash(v.text);
      // The indicator's own text again under a value (「-政策目標2-」 in every cell): a line merged across
      // the sheet (a heading, a divider) read as a KPI.
      if (t === ind)
        refuse(
          `${name(k)}の${field}が指標名と同じ文字です。表の幅に結合された見出しの行を指標として読んだおそれがあります`,
        );
      if (HEADER_WORD.test(t) || header.has(t))
        refuse(
          `${name(k)}の${field}が見出しの語「${v.text}」です。見出しの行を値として読んだおそれがあります`,
        );
      // 「180人(R2年度)6,170万円」: a figure with its year, then another figure — two cells' values run
      // together (the row below's, in an unruled print); which is this KPI's cannot be told.
      if (/\d\S{0,4}[(（][^)）]*年度?[)）][▲△\-−]?\d/.test(t))
        refuse(
          `${name(k)}の${field}「${v.text}」は二つの数値が続いています。隣の行のセルが混ざったおそれがあります`,
        );
      // 「2,6502,500」: digits alone kept as text — two figures of a cell's two lines run together.
      if (/^[▲△\-−]?\d[\d,.]*$/.test(t))
        refuse(
          `${name(k)}の${field}「${v.text}」は数字が続いていて一つの数値として読めません。2段に書かれた数値が繋がったおそれがあります`,
        );
      if (/。/.test(t) || t.length > 30)
        refuse(
          `${name(k)}の${field}が文章(「${v.text.slice(0, 20)}」)です。値の列ではない列を値として読んだおそれがあります`,
        );
    }
  }

  // A rating that is one of the scale's labels with a figure glued to it (「0 X」 in an unruled print): the
  // cell of the column beside ran into the rating's, and the values of the row sit a column off.
  const labels = new Set((sheet.scale?.bands ?? []).map((b) => squash(b.label)));
  for (const k of kpis) {
    const l = squash(k.evaluation.label ?? "");
    const glued = /^[▲△-]?[\d,.]+(.+)$/.exec(l) ?? /^(.+?)[\d,.]+$/.exec(l);
    // (A number circled before a long label, 「①地方創生に…」, is the label's own: only a letter or mark counts.)
    if (
      !labels.has(l) &&
      glued &&
      glued[1]!.length <= 2 &&
      labels.has(glued[1]!) &&
      !/^[①-⑳]/.test(k.evaluation.label!.trim())
    )
      refuse(
        `${name(k)}の評価「${k.evaluation.label}」は、評価の記号「${glued[1]}」に数値が付いています。隣の列の値が評価の列に入り、行の値が列からずれたおそれがあります`,
      );
  }

  // A value with a rating after its figure (「4 進ちょくに遅れ」, 「2 目標」): the rating column ran into it.
  for (const k of kpis) {
    const hit = ratingInValue(k, sheet);
    if (hit)
      refuse(
        `${name(k)}の値「${hit.text}」に評価の語が付いています。隣の評価の列が値の列に入り、評価が読めていないおそれがあります`,
      );
  }

  // A KPI with no value at all among KPIs that have theirs, and no rating either: a line of a wrapped
  // cell (an unruled print's 「規兼業農林家数」) read as a row of its own.
  const bare = kpis.find(
    (k) =>
      valuesOf(k).every(([, v]) => v.kind === "missing") &&
      (k.evaluation.printed === false || !squash(k.evaluation.label ?? "")),
  );
  if (bare && kpis.filter((k) => valuesOf(k).some(([, v]) => hasFigures(v))).length >= 2)
    refuse(`${name(bare)}には値が一つもありません。折り返した文字の行を指標の行として読んだおそれがあります`);

  // A project's name that runs on for sentences (「子育て応援事業外部有識者からの意見予定どおり…。…。」):
  // cells of other columns (a page printed apart, a header) joined into it.
  const run = kpis.find((k) => {
    const t = squash(k.initiatives.join(""));
    return t.length > 60 && (t.match(/。/g) ?? []).length >= 2;
  });
  if (run)
    refuse(
      `${name(run)}の事業名が文章の連なり(「${run.initiatives.join("").slice(0, 24)}…」)です。別の列や別のページのセルをつなげて読んだおそれがあります`,
    );

  // Words (達成済み, 達成見込み) as most KPIs' actuals: a column of labels read as the actuals.
  const worded = kpis.filter(
    (k) => k.actual.kind === "text" && !/\d/.test(k.actual.text) && !VALUE_WORD.test(squash(k.actual.text)),
  );
  if (worded.length >= 2 && worded.length * 2 > kpis.length)
    refuse(
      `実績値の多くが数値ではなく語です(例:「${(worded[0]!.actual as { text: string }).text}」)。評価などの列を実績値として読んだおそれがあります`,
    );

  const all = [...kpis, ...(sheet.numericGoals ?? [])];
  const values = kpis.flatMap((k) => valuesOf(k).map(([, v]) => v));
  if (!kpis.some((k) => valuesOf(k).some(([f, v]) => /実績/.test(f) && hasFigures(v))))
    refuse("どの指標にも数値の実績値がありません。実績の列を読めていないおそれがあります");
  // A header naming targets (目標値, 目標指標値) over a reading with none: the column went elsewhere.
  // (Sheets whose targets live inside the indicator's sentence print no such header.)
  const targetHeader = [...header].find((c) => TARGET_HEADER.test(c));
  if (targetHeader && !kpis.some((k) => valuesOf(k).some(([f, v]) => /目標/.test(f) && v.kind !== "missing")))
    refuse(
      `見出しに「${targetHeader}」がありますが、どの指標にも目標値がありません。目標の列を読めていないおそれがあります`,
    );

  // The table prints a unit place, but no value came out with a unit: the unit column was not read.
  const unitCell = table.rows
    .flatMap((r) => r.cells)
    .find((c) => UNIT_PLACE.test(squash(c.split(/<br\s*\/?>|\n/)[0]!)));
  if (
    unitCell &&
    values.some(hasFigures) &&
    !all.some((k) => !!k.unit) &&
    !all.some((k) => [k.baseline, k.target, k.actual, k.finalTarget].some(units)) &&
    !values.some(units)
  )
    refuse(
      `表に単位の欄(「${unitCell.slice(0, 20)}」)がありますが、どの値にも単位がありません。単位の列を読めていないおそれがあります`,
    );

  // A unit that names a role or a kind of figure (「担当課」 from 「事業名(担当課)」): a bracket read as the unit.
  const roleUnit = all.find((k) => k.unit && ROLE_UNIT.test(squash(k.unit)));
  if (roleUnit)
    refuse(
      `指標「${roleUnit.indicator.slice(0, 20)}」の単位「${roleUnit.unit}」は単位ではありません。見出しの括弧書きを単位として読んだおそれがあります`,
    );

  // An evaluation whose label is a sentence (「…入域客が増えた。」): a remark read as the rating.
  const told = kpis.find(
    (k) => /。$/.test(squash(k.evaluation.label ?? "")) && k.evaluation.category === "not_evaluable",
  );
  if (told)
    refuse(
      `${name(told)}の評価が文章(「${(told.evaluation.label ?? "").slice(0, 20)}」)です。評価ではない欄を評価として読んだおそれがあります`,
    );

  // No evaluation read, but a column (kept as is, or read as a name) holds the labels the legend
  // explains (「地方創生に非常に効果的であった:…」): the rating went unread.
  if (!kpis.some((k) => k.evaluation.printed !== false)) {
    const lines = legendLines(table);
    const legend = lines.map(squash).join(" ");
    const headerRows = new Set(profile?.headerRows ?? []);
    const first = Math.min(...headerRows);
    // Each table of the sheet on its own (a 数値目標 table above holds other things in that column).
    const bodies: SourceTable["rows"][] = [];
    for (const r of table.rows) {
      if (headerRows.has(r.row)) {
        if (bodies.at(-1)?.length !== 0) bodies.push([]);
      } else if (r.row > first && r.cells.filter((x) => squash(x) !== "").length > 1) bodies.at(-1)?.push(r);
    }
    for (const c of profile?.columns ?? []) {
      if (!LABEL_HOLDERS.has(c.field)) continue;
      for (const body of bodies) {
        const labels = body
          .map((r) => squash(r.cells[c.col - 1] ?? "").replace(/<br\/?>/g, ""))
          // (a header repeated at a page break holds the column's name)
          .filter((t) => t !== "" && !/^(\d+|:?-{3,}:?)$/.test(t) && t !== squash(c.header ?? ""));
        // (or a rating every sheet means alike, with no legend: the national form's 「地方創生に効果があった」; not
        // any word that says a category — 「完了」 under a column of the project's state is no rating)
        const explained = (t: string) =>
          new RegExp(`${escapeRegExp(t)}\\s*[:：=＝(（]`).test(legend) || isStandardRating(t);
        // (most, not all: a row that lost a cell holds its neighbour's until it is realigned)
        const n = labels.filter(explained).length;
        // (marks its own legend explains as the work's course — 継続 / 見直し / 中止 — are no rating: course-verdicts.ts)
        if (
          n >= 2 &&
          n * 4 >= labels.length * 3 &&
          !courseLegend(c.header ?? "", [...new Set(labels.filter(explained))], lines)
        )
          refuse(
            `${c.col}列目「${c.header ?? ""}」は凡例(または国の様式)が意味を示す評価の語(「${labels[0]}」)を収めていますが、評価として読めていません`,
          );
      }
    }
  }

  // A column kept as is that numbers the plan's parts (「第1章 安全・安心」, 「基本目標2 …」) none of the
  // KPIs is placed in: a level of the plan went unread.
  const placed = new Set(kpis.flatMap((k) => [k.goal, k.subgoal, k.measure].map((o) => squash(o.title))));
  const byHeader = new Map<string, string[]>();
  for (const k of kpis)
    for (const e of k.extras ?? []) byHeader.set(e.header, [...(byHeader.get(e.header) ?? []), e.text]);
  for (const [h, texts] of byHeader) {
    const parts = texts.filter(
      (t) => PLAN_PART.test(squash(t)) && ![...placed].some((p) => p !== "" && squash(t).endsWith(p)),
    );
    if (parts.length >= 2 && parts.length * 2 > texts.length)
      refuse(
        `列「${h}」は計画の階層(「${parts[0]!.slice(0, 20)}」)を収めていますが、どの指標もその階層に置かれていません`,
      );
  }

  // A column of numbered titles kept as is while no KPI sits under its goal (unread-level-guards.ts).
  const unread = unreadLevelColumn(kpis);
  if (unread)
    refuse(
      `列「${unread.header}」は${unread.kind}(「${unread.sample.slice(0, 20)}」)を収め、計画の階層のようですが、どの指標もその階層に置かれていません`,
    );

  // The years: an actual a note dates earlier, an evaluated year none of the actual columns prints.
  checkActualYears(sheet, profile, name);
  const misread =
    improvedReadAsDelayed(sheet) ??
    scaleOutOfOrder(sheet) ??
    firstOfGroupOnly(kpis) ??
    courseReadAsRating(sheet);
  if (misread) refuse(misread);
  // Last: the more specific checks above name what was misread; this one only that the year is off.
  const later = actualsAfterYear(sheet) ?? laterThanTitle(sheet, titleLines(table));
  if (later) refuse(later);
}

/** Lines around the table (Markdown prose; in XLSX, rows of one cell): where a legend is printed. */
function legendLines(table: SourceTable): string[] {
  const lone = table.rows
    .map((r) => r.cells.filter((c) => squash(c) !== ""))
    .filter((c) => c.length === 1)
    .map((c) => c[0]!);
  return [...table.outside.map((o) => o.text), ...lone];
}
