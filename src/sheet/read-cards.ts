import type { Kpi, Sheet } from "../core/sheet.ts";
import { indicatorTableStep } from "./card-indicator-table.ts";
import { cardKpi } from "./card-kpi.ts";
import { readLabelledGridRow } from "./card-labelled-kpis.ts";
import {
  amountRowsAfter,
  applyRoleGrid,
  type Card,
  type CardKpi,
  type CardOptions,
  checkCardRoles,
  cornerUnit,
  gridYears,
  keyField,
  keyRowLead,
  pairsStart,
  roleGridAt,
  startsAgain,
  unnumberList,
  yearsOfEnds,
} from "./card-parts.ts";
import { cardLineRead, headingAbove, placeLevels, placementLine } from "./card-placement.ts";
import { isSectionHeading, unitColumn } from "./card-sections.ts";
import { isSubTableHeader, isSubTableRow } from "./card-subtable.ts";
import { type Field, recogniseHeader } from "./column-fields.ts";
import { isEmpty, squash } from "./columns.ts";
import { SheetTexts, yearOfHeader } from "./general-roles.ts";
import { toNumericGoal } from "./general-rows.ts";
import { readText } from "./general-values.ts";
import type { ImportProfile } from "./import-profile.ts";
import { readLegend } from "./read-legend.ts";
import { isSeparatorRow } from "./read-markdown-table.ts";
import { contentKind } from "./role-content.ts";
import { givenWithLegend } from "./table-scale.ts";
import {
  type DroppedCell,
  type ImportIssue,
  NotASheet,
  type SourceTable,
  unreadableYearValue,
} from "./types.ts";

const SECTION_NO = /^[0-9０-９]{1,2}(?:\s+|[.．、)）]\s*)[^\s\d]/;
const filled0 = (cells: readonly string[]) => cells.filter((c) => !isEmpty(c)).join(" | ");
const LEVELS: readonly Field[] = ["goal", "subgoal", "measure", "initiatives"];
const GRID_FIELDS = new Set<Field>(["target", "actual", "rate", "evaluation"]);
const ROLE_WORD = /^(目標値?|実績値?|計画値?|見込値?|達成率)$/;
/** 「単年度値」 / 「累計値」 under an indicator's name (島根県): the kind of its figures, no indicator of its own. */
const FIGURE_KIND = /^(単年度値?|累計値?|期末値|年度末値|単年度値・累計値)$/;

export interface CardsRead {
  sheet: Sheet;
  issues: ImportIssue[];
  dropped: DroppedCell[];
  profile: ImportProfile;
}

export function readCards(table: SourceTable, options: CardOptions): CardsRead | null {
  const cards: Card[] = [];
  const dropped: DroppedCell[] = [];
  const drop = (r: { row: number; cells: readonly string[] }, reason: string) =>
    dropped.push({ row: r.row, column: "1列目", text: filled0(r.cells), reason });
  const texts = new SheetTexts(
    table.outside.map((o) => o.text),
    options.profile?.fiscalYear,
  );
  let gridHeader: (number | null)[] | null = null;
  let inSubTable = false;
  let itemTable: ReturnType<typeof indicatorTableStep>["table"] = null;
  let gridIncrements = false;
  let gridRoles: (Field | null)[] = [];
  /** What the grid header names beside its years (指標名, 単位, 区分, 最終目標値, 目標年度). */
  let gridLabels: string[] = [];
  let card: Card | null = null;
  let kpi: CardKpi | null = null;
  let gridRows = 0;
  let skip = 0;
  const keyYear = (key: string) => yearOfHeader(recogniseHeader(key), texts.era())?.year ?? null;
  for (const [at, r] of table.rows.entries()) {
    if (skip > 0) {
      skip--;
      drop(r, "指標の数値・時点(上の見出しで読む)");
      continue;
    }
    if (isSeparatorRow(r.cells) || r.cells.every(isEmpty)) continue;
    const block = r.block ?? 0;
    // Cards stacked down one worksheet: a card starts again where its first key row's first cell recurs.
    const lead = keyRowLead(r.cells);
    if (!card || card.block !== block || (lead !== null && startsAgain(card, lead))) {
      card = { block, hierarchy: new Map(), departments: "", kpis: [], keyRows: 0, lead: lead ?? "" };
      cards.push(card);
      headingAbove(card, table.outside, r.row, cards.at(-2));
      kpi = null;
      gridHeader = null;
      inSubTable = false;
      itemTable = null;
    } else if (lead !== null && card.lead === "") card.lead = lead;
    const roles = kpi && card.block === (r.block ?? 0) ? roleGridAt(table.rows, at, texts.era()) : null;
    if (kpi && roles) {
      applyRoleGrid(kpi, roles);
      gridRows++;
      skip = 2;
      drop(r, "指標の見出し(値と時点の行の上)");
      continue;
    }
    // A table of indicators inside a card (card-indicator-table.ts).
    const step = indicatorTableStep(
      r.cells,
      itemTable,
      card.hierarchy.size > 0 || card.departments !== "",
      texts.era(),
      r.row,
    );
    itemTable = step.table;
    if (step.header) {
      [gridHeader, kpi] = [null, null];
      dropped.push({ row: r.row, column: "1列目", text: filled0(r.cells), reason: "指標の表の見出し" });
      continue;
    }
    if (step.kpi) {
      kpi = step.kpi;
      card.kpis.push(kpi);
      gridRows++;
      continue;
    }
    const grid = gridYears(r.cells, texts.era());
    // Years over amounts (「3.投入コスト 年度 | 26年度 … | 単位:千円」 over 事業費): the cost, no indicator's grid.
    const amounts = grid ? amountRowsAfter(table.rows, at) : 0;
    if (grid && amounts > 0) {
      skip = amounts;
      drop(r, "金額の表の年度");
      continue;
    }
    if (grid) {
      gridHeader = grid.years;
      gridRoles = grid.roles;
      gridLabels = r.cells.map((c, i) => (grid.years[i] == null ? squash(c) : ""));
      gridIncrements = r.cells.some((c) => /増加分|増分/.test(squash(c)));
      if (kpi) {
        kpi.years = grid.years.filter((y, i): y is number => y !== null && grid.roles[i] === null);
        const unit = cornerUnit(r.cells[0] ?? "");
        if (unit !== undefined) kpi.keys.set("unit", unit ?? "");
      }
      drop(r, "年度の見出し");
      continue;
    }
    // A title merged across the card (Excel repeats it in every cell) is one text.
    const filled = [...new Set(r.cells.filter((c) => !isEmpty(c)))];
    const key = recogniseHeader(r.cells[0] ?? "");
    // 「3 施策評価」 alone on its row: the number of a section of the form, not a key (施策評価) left empty.
    const section =
      (filled.length === 1 && SECTION_NO.test((r.cells[0] ?? "").trim())) || isSectionHeading(filled);
    if (filled.length === 1 && cardLineRead(card, filled[0]!)) continue;
    if (filled.length === 1 && (key.field === "extra" || squash(filled[0]!).length > 20 || section)) {
      texts.add(filled[0]!);
      dropped.push({ row: r.row, column: "1列目", text: filled[0]!, reason: "カードの見出し・注記" });
      continue;
    }
    // A grid row under the label of an indicator the card's key table lists: its actuals (card-labelled-kpis.ts).
    const labelled = gridHeader ? readLabelledGridRow(card.kpis, r.cells, gridHeader, gridRoles) : null;
    if (labelled) {
      [kpi, gridRows] = [labelled, gridRows + 1];
      continue;
    }
    const underYears = gridHeader ? r.cells.some((c, i) => gridHeader![i] != null && !isEmpty(c)) : false;
    // Sentences under the years (「事業実績 | 予定していた…」 below the grid) are a key's value, not a grid row.
    const yearCells = gridHeader ? r.cells.filter((c, i) => gridHeader![i] != null && !isEmpty(c)) : [];
    const valuesUnderYears =
      yearCells.filter((c) => contentKind(c) === "text").length * 2 < Math.max(1, yearCells.length);
    // An indicator on two rows, its name left of 目標 / 実績 (the name printed once, on the first):
    // the role word in a cell before the years, the name in the rightmost column the grid's header
    // calls an indicator (else the first cell), the unit under 単位, the final target under 最終目標値.
    const roleAt = gridHeader
      ? r.cells.findIndex((c, i) => i > 0 && gridHeader![i] == null && ROLE_WORD.test(squash(c)))
      : -1;
    const pairRole = roleAt > 0 ? ROLE_WORD.exec(squash(r.cells[roleAt]!)) : null;
    if (gridHeader && pairRole && card.keyRows > 0 && (underYears || !isEmpty(r.cells[0] ?? ""))) {
      const labelled = (re: RegExp) =>
        gridLabels.findLastIndex(
          (l, i) => i < roleAt && l !== "" && re.test(l) && !isEmpty(r.cells[i] ?? ""),
        );
      const nameAt = labelled(/指標|KPI|項目/i);
      const name = r.cells[nameAt >= 0 ? nameAt : 0] ?? "";
      const before = r.cells.slice(0, roleAt).filter((c) => !isEmpty(c));
      if ((before.length > 0 && !(kpi && before.every((c) => FIGURE_KIND.test(squash(c))))) || !kpi) {
        kpi = {
          row: r.row,
          keys: new Map(),
          extras: [],
          grid: new Map(),
          years: [],
          ends: new Map(),
          fromGrid: true,
          increments: gridIncrements,
        };
        kpi.keys.set("indicator", name);
        const unitAt = unitColumn(gridLabels, r.cells);
        if (unitAt >= 0) kpi.keys.set("unit", r.cells[unitAt]!);
        kpi.years = gridHeader.filter((y, i): y is number => y != null && gridRoles[i] === null);
        card.kpis.push(kpi);
      }
      const finalAt = gridLabels.findIndex((l) => /^最終目標値?$/.test(l));
      const yearAt = gridLabels.findIndex((l) => /目標年度|目標年次|達成年度/.test(l));
      if (finalAt >= 0 && !isEmpty(r.cells[finalAt] ?? "") && !kpi.ends.has("finalTarget")) {
        const named = yearAt >= 0 ? yearOfHeader(recogniseHeader(r.cells[yearAt] ?? ""), texts.era()) : null;
        const last = Math.max(...kpi.years, 0);
        kpi.ends.set("finalTarget", { year: named?.year ?? last, text: r.cells[finalAt]! });
      }
      const m = new Map<number, string>();
      r.cells.forEach((c, i) => {
        const y = gridHeader![i];
        if (y != null && gridRoles[i] === null) m.set(y, c);
      });
      kpi.grid.set(/実績/.test(pairRole[0]) ? "actual" : /達成率/.test(pairRole[0]) ? "rate" : "target", m);
      gridRows++;
      continue;
    }
    if (
      gridHeader &&
      GRID_FIELDS.has(key.field) &&
      kpi &&
      squash(r.cells[0] ?? "").length <= 8 &&
      underYears &&
      valuesUnderYears
    ) {
      const m = new Map<number, string>();
      r.cells.forEach((c, i) => {
        const y = gridHeader![i];
        const role = gridRoles[i];
        if (y == null) {
          // A role without a year (従前値, 目標値, 単位): its year from the card's keys (yearsOfEnds).
          if (isEmpty(c) || contentKind(c) === "dash") return;
          if (role === "unit" && !kpi!.keys.has("unit")) kpi!.keys.set("unit", c);
          else if ((role === "baseline" || role === "finalTarget") && !kpi!.ends.has(role))
            kpi!.ends.set(role, { year: 0, text: c });
          return;
        }
        if (role === "baseline" || role === "finalTarget") {
          if (!isEmpty(c) && !kpi!.ends.has(role)) kpi!.ends.set(role, { year: y, text: c });
        } else m.set(y, c);
      });
      kpi.grid.set(key.field, m);
      gridRows++;
      continue;
    }
    // A table inside the card (事業の概要: 事務事業名 | 事業内容 | 担当課 | 事業費) lists the project's parts:
    // neither its header nor its rows are the card's keys.
    if (isSubTableHeader(r.cells) || (inSubTable && isSubTableRow(r.cells))) {
      inSubTable = true;
      dropped.push({
        row: r.row,
        column: "1列目",
        text: filled.join(" | "),
        reason: "カードの中の表(事業の内訳)",
      });
      continue;
    }
    inSubTable = false;
    if (!gridHeader) card.keyRows++;
    // Key–value pairs: key, value, key, value … A group label (位置付け) or an empty cell before a
    // known key (基本目標, 施策) is skipped: the pair is the key and the cell after it.
    for (let i = pairsStart(r.cells); i < r.cells.length; i += 2) {
      if (
        // 「施策体系 | 基本目標 | 3 …」: a group label before a level's own key, even one that names a level.
        (recogniseHeader(r.cells[i] ?? "").field === "extra" || squash(r.cells[i + 1] ?? "").length <= 6) &&
        !isEmpty(r.cells[i + 2] ?? "") &&
        ["goal", "subgoal", "measure", "initiatives", "departments"].includes(
          recogniseHeader(r.cells[i + 1] ?? "").field,
        )
      )
        i++;
      const k = r.cells[i] ?? "";
      const v = r.cells[i + 1] ?? "";
      if ((isEmpty(k) && isEmpty(v)) || placementLine(card, k, v)) continue;
      const f = keyField(k, v);
      // 「指標1 |」 with nothing after it numbers the indicator named below; it names none itself.
      if (f === "indicator" && isEmpty(v)) continue;
      if (f === "indicator") {
        kpi = { row: r.row, keys: new Map(), extras: [], grid: new Map(), years: [], ends: new Map() };
        card.kpis.push(kpi);
        gridHeader = null;
      }
      if (f === "goal" || f === "subgoal" || f === "measure" || f === "initiatives") {
        // A second key of a level already given (具体的施策, then 個別施策) is the level below it;
        // a key whose cell holds the number too (事業番号・事業名 | 1-① …) gives only the name.
        // Levels are printed broadest first: when a second key names a level already given, the first
        // moves up if the level above it is free (分野別施策, 主要施策 → 小基本目標, 施策), else the second
        // steps down.
        const above = LEVELS[LEVELS.indexOf(f) - 1];
        if (
          card.hierarchy.has(f) &&
          f !== "initiatives" &&
          above &&
          above !== "goal" &&
          !card.hierarchy.has(above)
        ) {
          card.hierarchy.set(above, card.hierarchy.get(f)!);
          card.hierarchy.delete(f);
        }
        const level = LEVELS.slice(LEVELS.indexOf(f)).find((l) => !card!.hierarchy.has(l));
        const text = /番号/.test(squash(k)) ? v.replace(/^\s*[\d０-９]+[-‐－ー][\d０-９①-⑳]+\s*/, "") : v;
        // Initiatives are names: a number printed before one (① …, (1) …) is its place in the list.
        if (level)
          card.hierarchy.set(
            level,
            level === "initiatives" ? text.replace(/^\s*([①-⑳]|[(（]\d+[)）])\s*/, "") : text,
          );
        else if (kpi) kpi.extras.push({ header: squash(k), text: readText(v, options.authored) ?? "" });
      } else if (f === "departments") {
        // 「5 事業担当課」 below the KPIs' grid, the card's own department not given yet: the card's (every KPI's).
        if (kpi && !(kpi.grid.size > 0 && card.departments === "")) kpi.keys.set(f, v);
        else card.departments = v;
      } else if (
        kpi &&
        (f === "target" || f === "finalTarget") &&
        !kpi.ends.has("finalTarget") &&
        keyYear(k)
      ) {
        // 「令和5年度目標値 | 23」 beside the name: the target of the plan's end, at its own year (card-ends.ts).
        kpi.ends.set("finalTarget", { year: keyYear(k)!, text: v });
        kpi.keyedEnd = true;
      } else if (kpi && f !== "extra" && f !== "year" && f !== "no" && kpi.keys.has(f))
        // A second rating beside the first (総合評価 | A | 委員評価 | A): the first is the evaluation.
        kpi.extras.push({ header: squash(k), text: readText(v, options.authored) ?? "" });
      else if (kpi && f !== "extra" && f !== "year" && f !== "no") {
        // Keys after a grid of several indicators are the project's: each of its indicators takes them.
        for (const x of kpi.fromGrid ? card.kpis.filter((y) => y.fromGrid) : [kpi])
          if (!x.keys.has(f)) x.keys.set(f, v);
      } else if (kpi)
        // Like keys, a remark after a grid of several indicators (KPI補足説明) is each one's.
        for (const x of kpi.fromGrid ? card.kpis.filter((y) => y.fromGrid) : [kpi])
          x.extras.push({ header: squash(k), text: readText(v, options.authored) ?? "" });
      else card.hierarchy.set("extra", `${k}:${v}`);
    }
  }
  for (const c of cards) unnumberList(c.kpis.map((k) => k.keys));
  placeLevels(cards);
  const all = cards.flatMap((c) => c.kpis.map((k) => ({ card: c, k })));
  if (all.length === 0 || gridRows === 0) return null;
  const yearIssues: ImportIssue[] = [];
  for (const { k } of all)
    yearsOfEnds(k, texts.era(), (message) => yearIssues.push(unreadableYearValue(k.row, message)));

  // The evaluated year: the latest with an actual anywhere.
  let fy = 0;
  // 「―」 under a year not yet measured is no actual.
  for (const { k } of all)
    for (const [y, t] of k.grid.get("actual") ?? [])
      if (!isEmpty(t) && contentKind(t) !== "dash" && y > fy) fy = y;
  if (fy === 0)
    throw new NotASheet("no_fiscal_year", "カードの年度欄に実績値が一つもなく、評価年度を読み取れません");
  checkCardRoles(
    all.map((x) => x.k),
    texts.all,
  );
  const issues: ImportIssue[] = [...yearIssues];
  const labels = new Set(
    all.flatMap(({ k }) =>
      [...(k.grid.get("evaluation")?.values() ?? []), k.keys.get("evaluation") ?? ""].map(squash),
    ),
  );
  const legend = readLegend(texts.all, labels);
  const scale = options.scale ? givenWithLegend(options.scale, legend) : legend;
  const goalFlags: boolean[] = [];
  const kpis: Kpi[] = all.map(({ card, k }, i) => {
    const read = cardKpi(card, k, i + 1, { fy, scale, authored: options.authored, issues });
    goalFlags.push(read.goal);
    return read.kpi;
  });
  const numericGoals = kpis.filter((_, i) => goalFlags[i]).map(toNumericGoal);
  const onlyKpis = kpis.filter((_, i) => !goalFlags[i]);
  const sheet: Sheet = {
    format: "sheet/1",
    municipality: null,
    fiscalYear: fy,
    source: null,
    kpis: onlyKpis,
  };
  if (numericGoals.length > 0) sheet.numericGoals = numericGoals;
  if (scale) sheet.scale = scale;
  return {
    sheet,
    issues,
    dropped,
    profile: { layout: "cards", fiscalYear: fy, headerRows: [], columns: [], scale },
  };
}
