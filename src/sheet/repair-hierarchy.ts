/**
 * Fills the hierarchy (大基本目標 → 小基本目標 → 具体的な施策) down the rows and puts entries printed
 * in the wrong column back where they belong, using the evidence of the whole sheet:
 * a circled number (①②…) is a 施策; a new 大基本目標 always comes with its first 小基本目標, so a
 * numbered title alone in the 大基本目標 column is a 小基本目標; one goal number has one title.
 */
import type { Ordinal } from "../core/sheet.ts";
import { COLUMN_NAMES_JA } from "./columns.ts";
import { LEVELS, type Level } from "./field.ts";
import type { AlignedRow } from "./realign-rows.ts";
import { splitLines } from "./text-lines.ts";
import type { ImportIssue } from "./types.ts";

export type { Level };

export interface Hierarchy {
  goal: Ordinal;
  subgoal: Ordinal;
  measure: Ordinal;
}

interface Entry {
  /** Printed column (0 大基本目標, 1 小基本目標, 2 具体的な施策). */
  col: number;
  raw: string;
  kind: "circled" | "paren" | "plain" | "none";
  no: number | null;
  title: string;
  /** Parts of a "1-2" style number: 2 → a 小基本目標. */
  depth?: number;
}

const ROMAN = "ⅠⅡⅢⅣⅤⅥⅦⅧⅨⅩⅪⅫ";
const CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳㉑㉒㉓㉔㉕㉖㉗㉘㉙㉚㉛㉜㉝㉞㉟";
// 「⑷コンパクト・プラス・ネットワーク」: a parenthesised digit printed as one character (U+2474…) — the same
// number as 「(4)」, which Word and Japanese fonts turn it into and back.
const PAREN_DIGIT = "⑴⑵⑶⑷⑸⑹⑺⑻⑼⑽⑾⑿⒀⒁⒂⒃⒄⒅⒆⒇";

/** "① 企業誘致の推進" → circled 1; "2 ひとの流れの創出" → plain 2; a title alone → none. */
export function parseOrdinal(text: string): Omit<Entry, "col" | "raw"> {
  const t = splitLines(text).join("").trim();
  const first = Array.from(t)[0] ?? "";
  if (first === "") return { kind: "none", no: null, title: "" };
  const c = CIRCLED.indexOf(first);
  if (c >= 0) return { kind: "circled", no: c + 1, title: t.slice(first.length).trim() };
  const pd = PAREN_DIGIT.indexOf(first);
  if (pd >= 0) return { kind: "paren", no: pd + 1, title: t.slice(first.length).trim() };
  // "基本目標1 …", "施策 2 …": a word before the number is not part of the title.
  const body = t.replace(/^(大基本目標|小基本目標|基本目標|具体的な施策|施策|目標)\s*(?=[0-9０-９])/, "");
  // "1-2-3 …": the depth says the level (2 parts: 小基本目標, 3: 施策); the last part is the number.
  const d = /^([0-9０-９]+(?:[-－ー‐][0-9０-９]+){1,2})[\s.．、)）]*(.*)$/.exec(body);
  if (d) {
    const parts = d[1]!.normalize("NFKC").split(/[-ー‐]/);
    const kind = parts.length === 3 ? "circled" : "plain";
    return { kind, no: Number(parts.at(-1)), title: d[2]!.trim(), depth: parts.length };
  }
  const m = /^([0-9０-９]+)[\s.．、)）]*(.*)$/.exec(body);
  if (m) return { kind: "plain", no: Number(m[1]!.normalize("NFKC")), title: m[2]!.trim() };
  const p = /^[(（]([0-9０-９]+)[)）]\s*(.*)$/.exec(t);
  if (p) return { kind: "paren", no: Number(p[1]!.normalize("NFKC")), title: p[2]!.trim() };
  const r = ROMAN.indexOf(first);
  if (r >= 0)
    return {
      kind: "plain",
      no: r + 1,
      title: t
        .slice(first.length)
        .replace(/^[\s.．、]+/, "")
        .trim(),
    };
  return { kind: "none", no: null, title: t };
}

const entriesOf = (r: AlignedRow): Entry[] =>
  r.cells
    .slice(0, 3)
    .map((raw, col) => ({ col, raw, ...parseOrdinal(raw) }))
    .filter((e) => e.title !== "" || e.no !== null);

export function repairHierarchy(rows: readonly AlignedRow[], issues: ImportIssue[]): Hierarchy[] {
  // Evidence: goals printed together with a subgoal in the same row are certainly goals.
  const goalTitles = new Map<number, string>();
  for (const r of rows) {
    const es = entriesOf(r);
    const g = es.find((e) => e.col === 0 && e.kind === "plain");
    const s = es.find((e) => e.col === 1 && e.kind === "plain");
    if (g && s && g.no !== null && !goalTitles.has(g.no)) goalTitles.set(g.no, g.title);
  }

  // "(1)" numbers: a 施策 where the sheet has no circled numbers, else the level whose column they
  // are printed in most often.
  const parenCols = [0, 0, 0];
  let circled = 0;
  for (const r of rows)
    for (const e of entriesOf(r)) {
      if (e.kind === "paren" && r.hierarchyPrinted === 3) parenCols[e.col]!++;
      if (e.kind === "circled") circled++;
    }
  const parenLevel: Level = circled === 0 ? "measure" : parenCols[2]! > parenCols[1]! ? "measure" : "subgoal";

  const out: Hierarchy[] = [];
  let cur: Partial<Hierarchy> = {};
  for (const r of rows) {
    const es = entriesOf(r);
    const roles = new Map<Level, Entry>();
    const assign = (level: Level, e: Entry, confidence: ImportIssue["confidence"], why: string) => {
      if (roles.has(level)) {
        issues.push({
          row: r.row,
          column: COLUMN_NAMES_JA[LEVELS[e.col]!],
          kind: "hierarchy_conflict",
          before: e.raw,
          after: null,
          confidence: "low",
          message: `同じ行に${COLUMN_NAMES_JA[level]}が二つあります(後のものを無視): ${e.raw}`,
        });
        return;
      }
      roles.set(level, e);
      if (LEVELS[e.col] !== level)
        issues.push({
          row: r.row,
          column: COLUMN_NAMES_JA[level],
          kind: "hierarchy_moved",
          before: `${COLUMN_NAMES_JA[LEVELS[e.col]!]}: ${e.raw}`,
          after: `${COLUMN_NAMES_JA[level]}: ${e.no ?? ""} ${e.title}`.replace(": ", ": ").trim(),
          confidence,
          message: `${COLUMN_NAMES_JA[LEVELS[e.col]!]}列の「${e.title}」は${COLUMN_NAMES_JA[level]}(${why})`,
        });
    };
    const plainSub = es.some(
      (e) => e.col === 1 && (e.kind === "plain" || (e.kind === "paren" && parenLevel === "subgoal")),
    );
    for (const e of es) {
      if (e.kind === "paren") assign(parenLevel, e, "high", "(1)形式の番号の使われ方");
      else if (e.kind === "circled") assign("measure", e, "certain", "丸数字");
      else if (e.kind === "plain" && e.depth === 2) assign("subgoal", e, "certain", "2段の番号");
      else if (e.kind === "plain" && e.col >= 1)
        assign(e.col === 2 ? "measure" : "subgoal", e, "high", "番号");
      else if (e.kind === "plain") {
        if (plainSub) assign("goal", e, "certain", "小基本目標と同じ行");
        else {
          const known = e.no !== null ? goalTitles.get(e.no) : undefined;
          if (known === e.title || cur.goal === undefined) assign("goal", e, "high", "番号と題名が一致");
          else if (known !== undefined)
            assign(
              "subgoal",
              e,
              "high",
              `大基本目標${e.no}は「${known}」。新しい大基本目標は小基本目標と並ぶ`,
            );
          else assign("subgoal", e, "medium", "新しい大基本目標は必ず最初の小基本目標と並ぶ");
        }
      } else assign(LEVELS[e.col]!, e, "medium", "番号なし");
    }

    const next: Partial<Hierarchy> = { ...cur };
    const ord = (level: Level, e: Entry, prev: Ordinal | undefined): Ordinal => {
      if (e.no !== null) return { no: e.no, title: e.title };
      const no = (prev?.no ?? 0) + 1;
      issues.push({
        row: r.row,
        column: COLUMN_NAMES_JA[level],
        kind: "ordinal_inferred",
        before: e.raw,
        after: String(no),
        confidence: "medium",
        message: `${COLUMN_NAMES_JA[level]}「${e.title}」に番号がないため${no}とした`,
      });
      return { no, title: e.title };
    };
    const g = roles.get("goal");
    const s = roles.get("subgoal");
    const m = roles.get("measure");
    if (g) {
      const o = ord("goal", g, cur.goal);
      if (!same(o, cur.goal)) {
        next.goal = o;
        delete next.subgoal;
        delete next.measure;
      }
    }
    if (s) {
      const o = ord("subgoal", s, next.subgoal ?? (g ? undefined : cur.subgoal));
      if (!same(o, next.subgoal)) {
        next.subgoal = o;
        delete next.measure;
      }
    }
    if (m) next.measure = ord("measure", m, next.measure ?? (s ? undefined : cur.measure));
    const filled: Level[] = [];
    for (const level of LEVELS) {
      if (!roles.has(level)) filled.push(level);
      if (!next[level]) {
        issues.push({
          row: r.row,
          column: COLUMN_NAMES_JA[level],
          kind: "hierarchy_missing",
          before: null,
          after: "0",
          confidence: "low",
          message: `${COLUMN_NAMES_JA[level]}が読み取れません(番号0、題名なしとした)`,
        });
        next[level] = { no: 0, title: "" };
      }
    }
    if (filled.length > 0)
      issues.push({
        row: r.row,
        column: filled.map((l) => COLUMN_NAMES_JA[l]).join("・"),
        kind: "hierarchy_filled_down",
        before: null,
        after: filled.map((l) => `${next[l]!.no} ${next[l]!.title}`).join(" / "),
        confidence: "certain",
        message: "空欄の階層を上の行から補完",
      });
    cur = next;
    out.push({ goal: next.goal!, subgoal: next.subgoal!, measure: next.measure! });
  }
  return out;
}

const same = (a: Ordinal, b: Ordinal | undefined) => b !== undefined && a.no === b.no && a.title === b.title;
