/**
 * Parts of the card reader (read-cards.ts): the year grid's header, the unit in its corner, the
 * departments of a card, and each key and grid row checked against what it holds.
 */
import type { EvaluationScale } from "../core/sheet.ts";
import { FIELD_JA, type Field, recogniseHeader } from "./column-fields.ts";
import { isEmpty, squash } from "./columns.ts";
import { explainedDigit } from "./digit-legend.ts";
import { eraUnknown, yearOfHeader } from "./general-roles.ts";
import { readList } from "./general-values.ts";
import { isKnownEvaluationLabel } from "./parse-evaluation-label.ts";
import { pointLabels } from "./read-legend.ts";
import { CONTENT_JA, contentKind, roleContradiction } from "./role-content.ts";
import { checkGridDates, gridDateYear, knownLongKeyFirst } from "./round60-card-keys.ts";
import { NotASheet } from "./types.ts";

export interface CardKpi {
  row: number;
  keys: Map<Field, string>;
  extras: { header: string; text: string }[];
  grid: Map<Field, Map<number, string>>;
  years: number[];
  /** Values under the grid's 現状値 / 目標値 columns, with their years. */
  ends: Map<"baseline" | "finalTarget", { year: number; text: string }>;
  /** Read from a grid's 目標 / 実績 rows: the keys after the grid are the card's (the project's). */
  fromGrid?: boolean;
  /** The grid's years print what each year adds (「平成30年度増加分(2年目)」): the last year's is no level to reach. */
  increments?: boolean;
  /** The final target was a key with its own year (「令和5年度目標値 | 23」: card-ends.ts). */
  keyedEnd?: boolean;
  /** The label a card's key table lists the indicator under (「重要業績評価指標 KPI(1)」): its grid row's (card-labelled-kpis.ts). */
  label?: string;
}

/** A card as it is read: its levels and department (keys), its KPIs. */
export interface Card {
  block: number;
  hierarchy: Map<Field, string>;
  departments: string;
  kpis: CardKpi[];
  /** Key–value rows read so far: a block that starts with its year grid is a table, not a card. */
  keyRows: number;
  /** The first cell of the card's first row of two cells or more (its first key). */
  lead: string;
}

export interface CardOptions {
  authored: boolean;
  scale?: EvaluationScale | null;
  /** A profile's fiscal year gives bare grid years (「27年度」) their era when the sheet names none. */
  profile?: { fiscalYear?: number | null } | null;
}

/**
 * Whether a row is a year grid's header: two or more cells that are only years. A year with its role
 * (「現状値 H25」, 「目標値 H31」) is the baseline's or the final target's column of the grid; a role
 * without a year (従前値, 目標値 after the years, 単位) too — its year is the card's (yearsOfEnds).
 */
export function gridYears(
  cells: readonly string[],
  era: string,
): { years: (number | null)[]; roles: (Field | null)[] } | null {
  const roles: (Field | null)[] = [];
  const bareAt: number[] = [];
  let yearSeen = false;
  const ys = cells.map((c, at) => {
    // Beside the years, columns named by a role and no year (つくば市: 従前値 | H27 … H31 | 目標値 | (単位)):
    // the baseline, the final target (after the years) and the unit of the row's values.
    const plain = squash(c).replace(/[()（）［］[\]【】]/g, "");
    const bareRole = recogniseHeader(c);
    if (!bareRole.period && plain !== "") {
      const role: Field | null =
        plain === "単位"
          ? "unit"
          : bareRole.field === "baseline"
            ? "baseline"
            : yearSeen && (bareRole.field === "target" || bareRole.field === "finalTarget")
              ? "finalTarget"
              : null;
      if (role) {
        roles.push(role);
        return null;
      }
    }
    // 「H28.3」: the fiscal year the date closes (round60-card-keys.ts).
    const dated = gridDateYear(c);
    if (dated !== null) {
      roles.push(null);
      yearSeen = true;
      return dated;
    }
    // A bare 「27年度」 is in the sheet's era (its title's 平成27年度).
    const read = recogniseHeader(c);
    const bare = /^\d{1,2}年度?$/.test(squash(c));
    if (bare && era === "") bareAt.push(at);
    const m =
      (read.field === "year" && !read.period) || bare
        ? { ...read, field: "year" as const, period: yearOfHeader(read, era) }
        : read;
    const role =
      m.period && (m.field === "baseline" || m.field === "target" || m.field === "finalTarget")
        ? m.field
        : null;
    roles.push(role === "target" ? "finalTarget" : role);
    if (m.field === "year" && m.period) yearSeen = true;
    return (m.field === "year" || role) && m.period ? m.period.year : null;
  });
  // 「数値の基準年度 | H26年度 | 目標年度 | H31年度」: years as the values of keys naming them are no grid.
  // (Every year has its own key on its left; 「年度 | 2019(R1)年度 | 2020(R2)年度」 is a grid's header.)
  // A year is a key's value where the cell before it names one (「目標年度 | H31年度」).
  // (「目標年月 | H28.3」: a key naming a date, its value the date.)
  const namesYear = (i: number) => i > 0 && /.(年度|年次|時期|年月|月)$/.test(squash(cells[i - 1] ?? ""));
  const keyed = ys.every((y, i) => y === null || (ys[i - 1] === null && namesYear(i)));
  // Two bare years or more, not each the value of a key, make a grid whose era the sheet never
  // names: refused, not read as 令和.
  const gridBare = bareAt.filter((i) => !(!bareAt.includes(i - 1) && namesYear(i)));
  if (gridBare.length >= 2) throw eraUnknown(cells[gridBare[0]!]!);
  if (keyed) return null;
  if (ys.filter((y, i) => y !== null && roles[i] === null).length < 2) return null;
  checkGridDates(cells);
  return { years: ys, roles };
}

/** 「[単位] 億円」 in the grid's corner: the unit of its values (「-」: none). */
export function cornerUnit(cell: string): string | null | undefined {
  const m = /^[[［【]単位[\]］】]\s*(.*)$/.exec(squash(cell));
  if (!m) return undefined;
  return /^[-‐－―ー−]?$/.test(m[1]!) ? null : m[1]!;
}

/** Departments, one a line; a line that does not end as a department's name (「…局 観光<br>文化課」) wrapped. */
export function readDepartments(t: string): string[] {
  const out: string[] = [];
  for (const line of readList(t)) {
    const prev = out.at(-1);
    if (prev !== undefined && !/(課|室|局|部|センター|係|担当|所|館|事務局|グループ|班)$/.test(prev))
      out[out.length - 1] = `${prev}${line}`;
    else out.push(line);
  }
  return out;
}

/**
 * Each key and grid row against what it holds, over all cards (issue 14 point 6): years or words in
 * the 実績値 row, quantities under 評価, numbers beside 担当課 are another role's — refused, naming the key.
 */
export function checkCardRoles(kpis: readonly CardKpi[], legendTexts: readonly string[]): void {
  const points = pointLabels(legendTexts);
  const byField = new Map<Field, string[]>();
  const add = (f: Field, t: string | undefined) => {
    // (Points or digits the legend explains are a rating's labels under 評価, no figures.)
    if (t !== undefined && !(f === "evaluation" && (points.has(squash(t)) || explainedDigit(t, legendTexts))))
      byField.set(f, [...(byField.get(f) ?? []), t]);
  };
  for (const k of kpis) {
    for (const [f, t] of k.keys) add(f, t);
    for (const [f, m] of k.grid) for (const t of m.values()) add(f, t);
    for (const [f, e] of k.ends) add(f, e.text);
  }
  // Sentences as the evaluation — none a known label, each printed once, no legend lists them — are no rating.
  const ratings = (byField.get("evaluation") ?? []).filter((t) => !isEmpty(t));
  const legend = legendTexts.map(squash).join(" ");
  if (
    ratings.length > 0 &&
    ratings.filter((t) => contentKind(t) === "text").length * 2 > ratings.length &&
    !ratings.some(isKnownEvaluationLabel) &&
    new Set(ratings.map(squash)).size === ratings.length &&
    !ratings.some((t) => legend.includes(squash(t)))
  )
    throw new NotASheet(
      "column_contradiction",
      `カードの「評価」の欄の中身が評価の語ではなく文章です(例:「${ratings[0]!.slice(0, 20)}」)。読み違いを避けるため取り込みません。--profile で意味を指定してください`,
    );
  for (const [f, cells] of byField) {
    const bad = roleContradiction(f, cells);
    if (bad)
      throw new NotASheet(
        "column_contradiction",
        `カードの「${FIELD_JA[f]}」の欄の中身が${CONTENT_JA[bad.kind]}です(例:「${bad.sample.slice(0, 20)}」)。読み違いを避けるため取り込みません。` +
          `--profile で意味を指定するか、元の表を確かめてください`,
      );
  }
}

/**
 * The years of a grid's baseline and final target printed without one (従前値 | … | 目標値): the card's
 * keys say them (「数値の基準年度 | H26年度」, 「目標年度 | H31年度」); a final target without one is the
 * grid's last year's. A baseline whose year nothing says is left out (reported), not given a year.
 */
export function yearsOfEnds(k: CardKpi, era: string, report: (message: string) => void): void {
  const keyYear = (re: RegExp) => {
    const e = k.extras.find((x) => re.test(x.header));
    return e ? (yearOfHeader(recogniseHeader(e.text), era)?.year ?? null) : null;
  };
  for (const role of ["baseline", "finalTarget"] as const) {
    const end = k.ends.get(role);
    if (end?.year !== 0) continue;
    const year =
      role === "baseline"
        ? keyYear(/基準(年度?|年次)$/)
        : (keyYear(/(目標|達成)(年度?|年次)$/) ?? (Math.max(...k.years, 0) || null));
    if (year) k.ends.set(role, { ...end, year });
    else {
      k.ends.delete(role);
      report(`基準値「${end.text}」の年度がカードにないため、基準値として読まなかった`);
    }
  }
}

const VALUE_ROLES = new Set<Field>(["baseline", "target", "actual", "finalTarget"]);

/**
 * Roles across and two rows under them (鳥取県の工程表: 基準値 | 年度当初値 | 今年度目標値 | 今年度実績値 |
 * 長期的目標値 over 「数値」 and 「時点」): each role's value with the year printed below it. Null when the
 * rows at `at` are not such a grid (three roles or more, an actual among them, no year in the names).
 */
export function roleGridAt(
  rows: readonly { cells: string[] }[],
  at: number,
  era: string,
): { role: Field; text: string; year: number }[] | null {
  const [head, values, when] = [rows[at]?.cells, rows[at + 1]?.cells, rows[at + 2]?.cells];
  if (!head || !values || !when) return null;
  if (
    !/^(数値|値|実数|数量)$/.test(squash(values[0] ?? "")) ||
    !/^(時点|年度|時期)$/.test(squash(when[0] ?? ""))
  )
    return null;
  const roles = head.map((c) => {
    const m = recogniseHeader(c);
    return !isEmpty(c) && !m.period && VALUE_ROLES.has(m.field) ? m.field : null;
  });
  if (roles.filter((r) => r !== null).length < 3 || !roles.includes("actual")) return null;
  const out: { role: Field; text: string; year: number }[] = [];
  roles.forEach((role, i) => {
    const year = role ? yearOfHeader(recogniseHeader(when[i] ?? ""), era)?.year : undefined;
    if (role && year && !isEmpty(values[i] ?? "")) out.push({ role, text: values[i]!, year });
  });
  return out;
}

/** A role grid's values into the KPI: baseline and final target with their years, this year's target and actual. */
export function applyRoleGrid(
  k: CardKpi,
  cells: readonly { role: Field; text: string; year: number }[],
): void {
  for (const { role, text, year } of cells) {
    if (role === "baseline" || role === "finalTarget") k.ends.set(role, { year, text });
    else {
      const m = k.grid.get(role) ?? new Map<number, string>();
      m.set(year, text);
      k.grid.set(role, m);
      if (!k.years.includes(year)) k.years = [...k.years, year].sort((a, b) => a - b);
    }
  }
  // Keys after the grid (進捗評価 after the card's last indicator) are the card's, as after a 目標 / 実績 grid.
  k.fromGrid = true;
}

/**
 * Where a row's key–value pairs start: a group label before them (「評価 | 有効性 | 中:… | 効率性 | 中:… |
 * 総合評価 | B:…」, つくば市) shifts them by one — read from the first cell, a labelled value
 * (「中:…」) would stand where a key goes. 0 when the pairs start at the first cell.
 */
export function pairsStart(cells: readonly string[]): number {
  const keyLike = (t: string) => squash(t).length <= 10 && !/[:：。]/.test(t);
  const from = (o: number) => {
    for (let i = o; i < cells.length; i += 2)
      if (!(isEmpty(cells[i] ?? "") && isEmpty(cells[i + 1] ?? "")) && !keyLike(cells[i] ?? "")) return false;
    return true;
  };
  if (knownLongKeyFirst(cells)) return 0;
  return !from(0) && from(1) && !isEmpty(cells[0] ?? "") ? 1 : 0;
}

/**
 * What a card's key names, given its value: 「事業の効果 | …入域客が増えた。」 tells what the project
 * achieved in a sentence — no rating, whatever its key's words (in a table, 事業の効果 holds the labels).
 */
export function keyField(key: string, value: string): Field {
  const f = recogniseHeader(key).field;
  const v = squash(value);
  return f === "evaluation" && /。$/.test(v) && !isKnownEvaluationLabel(value) ? "extra" : f;
}

/** The first cell of a key row (two cells or more with text), or null for a title or an empty row. */
export function keyRowLead(cells: readonly string[]): string | null {
  return new Set(cells.map(squash).filter((c) => c !== "")).size < 2 ? null : squash(cells[0] ?? "");
}

/**
 * Whether a key row starts the next card of a worksheet holding several (one below the other): its
 * first cell is the one the card's first key row began with (整理番号, 事業名) and the card has read a
 * KPI. A recurring 指標名 is the card's next KPI, not a new card.
 */
export function startsAgain(card: { lead: string; kpis: readonly unknown[] }, lead: string): boolean {
  return (
    lead !== "" && lead === card.lead && card.kpis.length > 0 && recogniseHeader(lead).field !== "indicator"
  );
}

/**
 * 「1製造品出荷額等」, 「2企業立地件数」: a card's indicators numbered 1, 2, … in order, the space after
 * the number lost (a PDF's text) — the numbers are the list's, not the names' (one name alone proves nothing).
 */
export function unnumberList(keys: Map<Field, string>[]): void {
  const names = keys.map((k) => (k.get("indicator") ?? "").trim());
  const at = (n: string, i: number) =>
    new RegExp(`^${i + 1}(?![0-9０-９.．,，])[\\s.．、]*(?=\\S{2})`).exec(n);
  if (names.length < 2 || !names.every((n, i) => at(n, i))) return;
  for (const [i, k] of keys.entries()) k.set("indicator", names[i]!.slice(at(names[i]!, i)![0].length));
}

/** Rows of amounts under a grid's years (事業費 | 53,012 | …): how many follow row `at`; 0 when the next holds no amount. */
export function amountRowsAfter(rows: readonly { cells: string[] }[], at: number): number {
  let n = 0;
  for (const r of rows.slice(at + 1)) {
    const lead = squash(r.cells[0] ?? "");
    if (
      !/事業費|決算額|予算額|執行額|人件費|総コスト|コスト/.test(lead) ||
      recogniseHeader(lead).field !== "extra"
    )
      break;
    n++;
  }
  return n;
}
