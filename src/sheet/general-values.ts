/** Cell readers of the layout-general reader: values with the column's unit, rates, directions, ratings, lists (ordinals: read-ordinal.ts). */

import type { Period } from "../core/period.ts";
import type { EvaluationScale, StatedEvaluation, Value } from "../core/sheet.ts";
import { parseValue } from "../core/value/parse-value.ts";
import { squash } from "./columns.ts";
import { figureNotOut } from "./figure-not-out.ts";
import { findYear } from "./header-years.ts";
import { saidCategory } from "./legend-categories.ts";
import { nationalEffectCategory, parseEvaluationLabel } from "./parse-evaluation-label.ts";
import { bandOf } from "./read-legend.ts";
import { looksLikeDepartment } from "./realign-rows.ts";
import { spanBeforeFigure } from "./round49-target-span.ts";
import { leadingYearColon } from "./round51-year-colon.ts";
import { AVERAGE_NOTE, yearSpanEnd } from "./round53-year-span.ts";
import { joinWrappedUnit } from "./round65-wrapped-unit.ts";
import { hardBreaks, joinWrap, splitLines } from "./text-lines.ts";
import type { ImportIssue, SourceRow } from "./types.ts";

/** Not authored: wraps joined, a break the PDF reader measured as certain (HARD_BREAK) kept. */
function joinText(t: string, authored: boolean): string {
  const lines = splitLines(t);
  if (authored) return lines.join("\n");
  const hard = hardBreaks(t);
  return lines.reduce((acc, l, i) => (i === 0 ? l : hard[i - 1] ? `${acc}\n${l}` : joinWrap(acc, l)), "");
}

/** A text cell: empty or a dash is null; wrapped lines join (typed breaks in CSV/XLSX are kept). */
export function readText(t: string, authored: boolean): string | null {
  const s = joinWrappedUnit(joinText(t, authored)).trim();
  return s === "" || /^[-‐－―ー−]$/.test(s) ? null : s;
}

/**
 * A list cell (担当課): one entry per line or 、. A line that is no department and runs on into one
 * with the next line is one department wrapped at the cell's edge (「子育て支援」 over 「課」, 「ほけん福」
 * over 「祉課」, 「防災危」 「機管理」 「課」, as a Word table prints a narrow 担当課 column) — unless the break is the author's for
 * certain (a line ended short of a ruled cell's edge).
 */
export function readList(t: string): string[] {
  const lines = [...splitLines(t)];
  const hard = hardBreaks(t);
  // Over two lines or three (「防災危」 「機管理」 「課」 in a column three characters wide).
  for (let i = 0; i + 1 < lines.length; i++) {
    for (const k of [2, 3]) {
      const part = lines.slice(i, i + k);
      // (「企画部、建設」 over 「部」: after a list's comma, the last department of the first line is the one wrapped.)
      const head = part[0]!.split(/[、,，]/);
      const pieces = [head.at(-1)!, ...part.slice(1)];
      if (part.length < k || hard.slice(i, i + k - 1).some(Boolean) || /[、,，]/.test(pieces.join(""))) break;
      if (pieces.slice(0, -1).some(looksLikeDepartment) || !looksLikeDepartment(pieces.join(""))) continue;
      lines.splice(i, k, part.join(""));
      hard.splice(i, k - 1);
      i--;
      break;
    }
  }
  // 「企画総務部危機管理局」 over 「危機管理課」 (a Word print wrapping 担当部署): a 部 or 局 on its own line, then the 課 under
  // it, is one department named with the office above it — not two departments.
  for (let i = 0; i + 1 < lines.length; i++)
    if (
      !hard[i] &&
      /^[^、,，]{2,}[部局]$/.test(lines[i]!) &&
      /^[^、,，]{2,}(課|室|係)$/.test(lines[i + 1]!)
    ) {
      lines.splice(i, 2, lines[i]! + lines[i + 1]!);
      hard.splice(i, 1);
    }
  // 「地方卸売市」 over 「場」: one character alone on a line names no department — the tail of the one above, wrapped.
  for (let i = 1; i < lines.length; i++)
    if (!hard[i - 1] && /^[^\s、,，\-‐－―ー−]$/.test(lines[i]!.trim())) {
      lines.splice(i - 1, 2, lines[i - 1]! + lines[i]!.trim());
      hard.splice(i - 1, 1);
      i--;
    }
  return lines
    .flatMap((l) => l.split(/[、,，]/))
    .map((x) => x.trim())
    .filter((x) => x !== "" && !/^[-‐－―ー−]$/.test(x));
}

const BRACKETED = /^[(（]([^()（）]*)[)）]$/;
const TRAILING_NOTE = /[(（]([^()（）]*)[)）]$/;
const FOOTNOTE_MARK = /\s*(※\s*\d*|[*＊]\d*)$/;
const ARROWS = /\s*[↑↓→↗↘⇗⇘⇒⇧⇩⬆⬇]+\s*$/;

/** Lines joined while a bracket stays open. */
function bracketLines(lines: readonly string[]): string[] {
  const out: string[] = [];
  let open = false;
  for (const l of lines) {
    if (open) out[out.length - 1] += l;
    else out.push(l);
    const t = out[out.length - 1]!;
    open = (t.match(/[(（]/g) ?? []).length > (t.match(/[)）]/g) ?? []).length;
  }
  return out;
}

/**
 * What a value cell says besides its value: a line that is only a year in brackets 「(H29年)」 (the
 * value's own period), notes after the value 「(全国16位)」, trend arrows 「5.4‰ ↓」, values printed in
 * brackets for reference 「(男性80.45)」. Returns the value text alone, the period and the notes.
 */
export function cleanValueText(text: string): { text: string; period: Period | null; notes: string[] } {
  let period: Period | null = null;
  const notes: string[] = [];
  const kept: string[] = [];
  // 「(1,100,000」 over 「人)」: a bracketed figure wrapped in its cell is one line; so is a bracket opened
  // on one line and closed on a later one (「(うちH28年度 1,571」 over 「人)」).
  const lines = bracketLines(splitLines(text));
  const whole = lines.join("");
  for (const raw of lines.length > 1 && BRACKETED.test(whole.trim()) ? [whole] : lines) {
    let line = raw.trim().replace(ARROWS, "");
    // 「延べ 4」, 「累計515」: a total over the years is still the value (the word kept as a note).
    const total = /^(延べ|累計)\s*(?=[\d０-９])/.exec(line);
    if (total) {
      notes.push(total[1]!);
      line = line.slice(total[0].length);
    }
    // 「5年間で15件」, 「5年後に333千人」: the span the figure counts over is its note (round49-target-span.ts).
    const span = spanBeforeFigure(line);
    if (span) {
      notes.push(span.trim());
      line = line.trim().slice(span.length);
    }
    // 「25 人(2009~14 年)」: a figure over a span of years, at the span's last year (round53-year-span.ts).
    const span53 = yearSpanEnd(line);
    if (span53) {
      notes.push(span53.note);
      line = span53.line;
    }
    // 「H26:0.9ha」: the value's own year before a colon.
    const dated = leadingYearColon(line);
    if (dated) {
      period = dated.period;
      line = dated.rest;
    }
    const whole = BRACKETED.exec(line);
    if (whole) {
      const inner = whole[1]!.replace(/※\d*/g, "").trim();
      const y = /^(令和|平成|[RH])(元|\d{1,2})年?度?$|^(19|20)\d{2}年度?$/.test(inner)
        ? safeYear(inner)
        : null;
      if (y) {
        period = y;
        continue;
      }
      // 「(男性80.45)」: a value printed in brackets (for reference) is still the value — but not the part of
      // a total (「(うちH28年度 255人)」) nor when the figure was taken (「(H28.6月調査結果)」): notes.
      if (/\d/.test(inner) && !/位|※|^うち|\d\s*月/.test(inner)) {
        kept.push(inner);
        continue;
      }
      notes.push(line);
      continue;
    }
    const note = TRAILING_NOTE.exec(line);
    if (
      note &&
      /\d/.test(line.slice(0, note.index)) &&
      (/位|※|見込|速報|暫定|推計|概数|参考|全国/.test(note[1]!) || AVERAGE_NOTE.test(note[1]!.trim()))
    ) {
      notes.push(note[0]);
      line = line.slice(0, note.index).trim();
    }
    // 「9,612※」, 「41*1」: a footnote's mark after the figure is the footnote's, not the figure's.
    const mark = FOOTNOTE_MARK.exec(line);
    if (mark && /\d/.test(line.slice(0, mark.index))) {
      notes.push(mark[1]!);
      line = line.slice(0, mark.index).trim();
    }
    kept.push(line);
  }
  return { text: kept.join(kept.some((k) => /^\D/.test(k)) ? "\n" : ""), period, notes };
}

function safeYear(t: string): Period | null {
  try {
    return findYear(t.endsWith("年") || t.endsWith("度") ? t : `${t}年`);
  } catch {
    return null;
  }
}

/**
 * 「合計特殊出生率 H26年1.54→H31年1.68」, 「[KPI] 農業産出額 (H25)4,356億円 → (H31)4,380億円」: an
 * indicator's name followed by its baseline and final target, each with its year. The tag in front
 * (「[KPI]」, 「[数値目標]」) is returned apart.
 */
export function splitIndicator(text: string): {
  name: string;
  tag: string | null;
  baseline: { text: string; period: Period } | null;
  final: { text: string; period: Period } | null;
} {
  let t = splitLines(text).join("").trim();
  let tag: string | null = null;
  const tagged = /^[[［【]\s*(KPI|数値目標|重要業績評価指標|成果指標)\s*[\]］】]\s*/i.exec(t);
  if (tagged) {
    tag = tagged[1]!;
    t = t.slice(tagged[0].length);
  }
  // 「指標① 本助成制度を通じた…」, 「KPIその2:…」: the indicator's number in its own cell is no part of its name.
  const numbered =
    /^(?:指標|KPI)\s*(?:その)?\s*(?:[①-⑳]\s*[:：.．、]?|[0-9０-９]{1,2}\s*[:：.．、\s])\s*(?=\S)/i.exec(t);
  if (numbered) t = t.slice(numbered[0].length);
  // 「1 製造品出荷額等」 (島根県): a list's number and a space before the name (not 「1 人当たり…」).
  else t = t.replace(/^[0-9０-９]{1,2}[ 　]+(?=[^\s0-9０-９人件円%％年歳回倍割]\S{3})/, "");
  // 「(1) 転入者数」, 「① 転入者数」, 「1. 転入者数」: a list's enumerator before the name numbers it. A bracketed or
  // circled one before a two-letter name too (「(1) 人口」, round 47): only 「1.」 needs more, lest a figure lose its digit.
  t = t.replace(
    /^(?:(?:[(（][0-9０-９]{1,2}[)）]|[①-⑳])\s*(?=[^\s.．]\S)|[0-9０-９]{1,2}[.．]\s+(?=[^\s.．]\S{2}))/,
    "",
  );
  // 「○豊岡に関する情報が…回数」: a bullet before each indicator of a list is no part of its name.
  t = t.replace(/^[○◯●・]\s*(?=\S{2})/, "");
  // 「圏域の社会増減(人)※」, 「…数※1」: a note mark after the name points to a note under the table, no part of the name.
  t = t.replace(/(?<=\S{2})\s*[※＊][0-9０-９]{0,2}$/, "");
  const YEAR = String.raw`[(（]?((?:令和|平成|[RH])\s?(?:元|\d{1,2})(?:年度?)?|(?:19|20)\d{2}年度?)[)）]?`;
  // 「奨励金対象の町内新規雇用者 平成31年度まで10人」: the final target and its year after the name.
  const until = new RegExp(
    String.raw`^(.*?\S)\s*${YEAR}末?まで(?:に)?\s*([0-9０-９][0-9０-９,，.．]*\s*\S{0,4})$`,
  ).exec(t);
  if (until) {
    const p = safeYear(until[2]!.replace(/\s/g, ""));
    if (p)
      return { name: until[1]!.trim(), tag, baseline: null, final: { text: until[3]!.trim(), period: p } };
  }
  const m = new RegExp(String.raw`^(.*?)\s*${YEAR}\s*([^→]+?)\s*→\s*${YEAR}\s*(.+)$`).exec(t);
  if (!m || m[1]!.trim() === "") return { name: t, tag, baseline: null, final: null };
  const p1 = safeYear(m[2]!.replace(/\s/g, ""));
  const p2 = safeYear(m[4]!.replace(/\s/g, ""));
  if (!p1 || !p2) return { name: t, tag, baseline: null, final: null };
  return {
    name: m[1]!.trim(),
    tag,
    baseline: { text: m[3]!.trim(), period: p1 },
    final: { text: m[5]!.trim(), period: p2 },
  };
}

/** A value cell with the column's unit (a 単位 column, `(千円)` in the header); `raw` as printed. */
export function readUnitValue(
  text: string,
  unit: string | null,
  period: Period,
  issue: (message: string) => void,
): Value {
  const cleaned = cleanValueText(text);
  if (cleaned.period) period = cleaned.period;
  const t = cleaned.text.trim();
  if (t === "" || /^[-‐－―ー−]$/.test(t) || t === "―")
    return t === "" ? { kind: "missing" } : { kind: "missing", raw: t };
  const notOut = figureNotOut(t, issue);
  if (notOut) return notOut;
  const bare = /^[▲△+\-−]?[\d,，.．]+$/.test(squash(t));
  // 「9,215(H26)」, 「20(2019年度)」 beside a 単位 column: the figure of another year takes the row's unit too.
  // 「58,120<br>H26年」 (a figure over its survey year, the line break gone): the same, its year unbracketed.
  const dated =
    /^([▲△+\-−]?[\d,，.．]+)\s*([(（](?:(?:令和|平成|[RH])(?:元|\d{1,2})|(?:19|20)\d{2})年?度?[)）])$/.exec(
      squash(t),
    ) ?? /^([▲△+\-−]?[\d,，.．]+)\s*((?:令和|平成|[RH])(?:元|\d{1,2})年度?)$/.exec(squash(t));
  const year = dated && !/^[(（]/.test(dated[2]!) ? `(${dated[2]})` : dated?.[2];
  const withUnit = unit && bare ? `${t}${unit}` : unit && dated ? `${dated[1]}${unit}${year}` : t;
  const r = parseValue(withUnit, period);
  const raw = splitLines(text).join("").trim();
  if (!r.ok) {
    issue(`数値として読めないため文字として保持: ${r.problem.message}`);
    return { kind: "text", text: raw, raw };
  }
  const v = r.value;
  // 「男性79.83、女性84.35」 under a name in 歳: each segment takes the unit printed outside it.
  if (v.kind === "segmented" && unit && !/[千万億]/.test(unit))
    for (const seg of v.segments) seg.unit ??= unit;
  if (v.kind === "number" || v.kind === "segmented" || v.kind === "text") v.raw = raw;
  if (cleaned.notes.length > 0) issue(`値の注記「${cleaned.notes.join("")}」は値に含めず、表記(raw)に保持`);
  return v;
}

/** A printed rate: 「85.3%」 → 0.853; a bare number in a rate column is a percentage. */
export function readRate(text: string): number | null | undefined {
  const t = squash(text).replace(/[％]/g, "%").replace(/^▲|^△/, "-");
  if (t === "" || /^[-‐－―ー−]$/.test(t)) return null;
  const m = /^(-?[\d,.]+)%?$/.exec(t);
  if (!m) return undefined;
  return Math.round(Number(m[1]!.replace(/,/g, "")) * 1000) / 100000;
}

/**
 * 「C コロナ影響有」, 「- コロナ影響有」 (さいたま市's 達成状況: 「感染症の影響により、目標が未達成になった場合は、「C コロナ影響有」と
 * 表記しました」): the rating with the covid note written after it, unbracketed. The rating is the mark before
 * the note; the note is the covid flag, never part of the label (a legend lists the mark alone).
 */
const COVID_NOTE = /^(.{1,6}?)\s*[(（]?(新型)?コロナ(ウイルス)?(感染症)?の?影響(有り?|あり)?[)）]?$/;

/** A printed evaluation: the four Japanese labels, else the city's scale; unknown labels are kept. */
export function readEvaluation(
  text: string,
  scale: EvaluationScale | null,
  issue: (message: string) => void,
): StatedEvaluation {
  const joined = splitLines(text).join("").trim();
  const covidNote = COVID_NOTE.exec(joined);
  if (!covidNote) return readEvaluationLabel(joined, scale, issue);
  const e = readEvaluationLabel(covidNote[1]!.trim(), scale, issue);
  return { ...e, covid: true };
}

function readEvaluationLabel(
  joined: string,
  scale: EvaluationScale | null,
  issue: (message: string) => void,
): StatedEvaluation {
  let label = joined;
  // 「C (A※1)」: the label with a note in brackets; the note is reported, the label is C.
  const note = /^(.{1,4}?)\s*[(（]([^()（）]*※[^()（）]*)[)）]$/.exec(label);
  if (note) {
    issue(`評価「${label}」の注記「${note[2]}」は評価に含めず、報告に残す`);
    label = note[1]!.trim();
  }
  const parsed = parseEvaluationLabel(label);
  if (parsed.known) return parsed.evaluation;
  const band = bandOf(scale, label.replace(/\((新型)?コロナ.*\)$/, ""));
  if (band) return { category: band.category, covid: parsed.evaluation.covid, label };
  const national = nationalEffectCategory(label);
  if (national) return { category: national, covid: false, label };
  // A word that says what it means (達成済み, 達成見込み, 達成困難, 未定) with no legend listing it.
  const said = saidCategory(label);
  if (said) {
    issue(`評価「${label}」は凡例にないため、語の意味から区分を判断した`);
    return { category: said, covid: false, label };
  }
  if (label === "" || /^[-‐－―ー−]$/.test(label)) {
    return label === ""
      ? { category: "not_evaluable", covid: false }
      : { category: "not_evaluable", covid: false, label };
  }
  issue(
    `未知の評価「${label}」: 表記を保持し、区分は評価不可とした(凡例がないため。--scale で評価基準を指定できます)`,
  );
  return parsed.evaluation;
}

export type IssueSink = ImportIssue[];

/** A department in brackets (「【商工課】」). */
const DEPARTMENT = /【([^【】]+?(?:課|室|局|部|センター|係|事務所))】/;

/**
 * A row of one cell, 「【地域政策課】」, under a project's name that has no department, in the project
 * column: the name's last line, printed as a row of its own (a print whose rows are barely taller
 * than a line). Joined to the name, as on its own line (the row is used); the issue says so.
 */
export function departmentBelowName(
  header: { columns: readonly { field: string }[] },
  above: SourceRow | undefined,
  r: SourceRow,
): ImportIssue | null {
  const at = r.cells.findIndex((c) => c.trim() !== "");
  const text = r.cells[at]!.trim();
  const name = above?.cells[at]?.trim() ?? "";
  if (
    !above ||
    header.columns[at]?.field !== "initiatives" ||
    !new RegExp(`^${DEPARTMENT.source}$`).test(text) ||
    name === "" ||
    projectOf(name)!.departments.length > 0
  )
    return null;
  above.cells[at] = `${name}\n${text}`;
  return {
    row: r.row,
    column: `${at + 1}列目`,
    kind: "department_from_row_below",
    before: text,
    after: `${above.row}行目の事業名`,
    confidence: "medium",
    message: "事業名の下の行の【担当課】を、その事業の担当課として読み取り",
  };
}

/**
 * A project's name with its department on a line of its own in brackets (「ふるさとへUIJターン!応援します。
 * 【商工課】」, 米子市): the name, and the department for a table without a department column.
 */
export function projectOf(text: string | null): { name: string; departments: string[] } | null {
  if (text === null) return null;
  // 「①木の駅プロジェクト」: a circled number before the name numbers the project, as 「指標①」 does an indicator.
  const named = text.replace(/^\s*[①-⑳]\s*(?=\S)/, "");
  // 【商工課】 or, under a header that says so (事業名(担当課)), (市民環境課) closing the cell.
  const m =
    new RegExp(`^([\\s\\S]*?)\\s*${DEPARTMENT.source}\\s*$`).exec(named) ??
    /^([\s\S]*?)\s*[(（]([^()（）]+?(課|室|局|センター|係|事務所))[)）]\s*$/.exec(named);
  if (!m || m[1]!.trim() === "") return { name: named, departments: [] };
  return { name: m[1]!.trim(), departments: [m[2]!] };
}

export { BRACKETED_LEVEL, headingLevel, stripHeadingMark } from "./heading-levels.ts";
