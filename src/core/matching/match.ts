/**
 * Matching a newly imported year's KPIs to the stored ones (pure: no database).
 *
 * The rule (also in README.md):
 * - Texts are compared as keys: NFKC, spaces and line breaks removed.
 * - A stored KPI under the same 大基本目標/小基本目標/施策 numbers with the same indicator key is `exact`.
 * - Otherwise, under the same numbers, score = bigram Dice similarity of the indicators, plus 0.1 when
 *   they share a 担当課. score ≥ 0.6 → `renamed`. 0.3 ≤ score < 0.6 → `uncertain`: reported with the
 *   candidate, and saved as a NEW KPI unless the caller confirms (an override, or `acceptUncertain`).
 * - Under other numbers only an identical indicator key is considered (score 0.9, +0.1 shared 担当課):
 *   `moved` (the plan was renumbered).
 * - Pairs are taken best score first, each side at most once; ties go to the earlier row.
 * - Overrides (`{ "row 12": "<kpi id>" }` or `{ "12": "new" }`) are applied before anything else.
 * - Stored KPIs left unmatched that have figures in the previous stored year (or in this year, when
 *   a year is imported again) are reported `dropped`; nothing is deleted from their history.
 */
import { SoseiError } from "../errors.ts";
import { type KpiId, kpiId } from "../ids.ts";
import { diceSimilarity, normalizeKey } from "./normalize.ts";

export const RENAMED_THRESHOLD = 0.6;
export const UNCERTAIN_THRESHOLD = 0.3;
const DEPARTMENT_BONUS = 0.1;
const MOVED_SCORE = 0.9;

export interface PathNumbers {
  goal: number;
  subgoal: number;
  measure: number;
}

export interface MatchCandidate {
  kpiId: KpiId;
  path: PathNumbers;
  indicator: string;
  departments: string[];
  /** Its row in the latest year it has figures for (tie-breaking, reports). */
  lastRow: number | null;
  lastYear: number | null;
  /** Has figures in the previous stored year or in the year being imported (→ `dropped` if unmatched). */
  expected: boolean;
}

export interface IncomingKpi {
  row: number;
  path: PathNumbers;
  indicator: string;
  departments: string[];
}

export type MatchKind = "exact" | "renamed" | "moved" | "manual" | "uncertain" | "new";

export interface MatchEntry {
  row: number;
  indicator: string;
  kind: MatchKind;
  /** The stored KPI this row was saved to (filled in for new rows once saved). */
  kpiId: KpiId | null;
  /** For renamed / moved / uncertain: the stored indicator and how similar it is (0..1). */
  previousIndicator?: string;
  similarity?: number;
  /** For uncertain: the stored KPI it may be (saved as new unless confirmed). */
  candidate?: { kpiId: KpiId; indicator: string; similarity: number; row: number | null };
}

export interface DroppedKpi {
  kpiId: KpiId;
  indicator: string;
  lastYear: number | null;
  lastRow: number | null;
}

export interface MatchReport {
  fiscalYear: number;
  entries: MatchEntry[];
  dropped: DroppedKpi[];
}

/** `row 12`, `行12`, `12` → 12; values: a KPI id or `new`. */
export type MatchOverrides = Record<string, string>;

export function parseOverrides(overrides: MatchOverrides | undefined): Map<number, KpiId | "new"> {
  const out = new Map<number, KpiId | "new">();
  for (const [key, value] of Object.entries(overrides ?? {})) {
    const m = /^\s*(?:row|行)?\s*(\d+)\s*$/i.exec(key.normalize("NFKC"));
    if (!m)
      throw new SoseiError("invalid_match_override", `対応指定のキーが読めません: "${key}"（例: "row 12"）`);
    out.set(Number(m[1]), value.trim() === "new" ? "new" : kpiId(value.trim()));
  }
  return out;
}

/** CLI flags `--match "row 12=<kpi id>"` / `--match 7=new` → MatchOverrides; also accepts a JSON object. */
export function overridesFromFlags(flags: string[]): MatchOverrides {
  const out: MatchOverrides = {};
  for (const f of flags) {
    const t = f.trim();
    if (t.startsWith("{")) {
      try {
        Object.assign(out, JSON.parse(t) as MatchOverrides);
      } catch {
        throw new SoseiError("invalid_match_override", `対応指定の JSON が読めません: ${t}`);
      }
      continue;
    }
    const i = t.lastIndexOf("=");
    if (i <= 0)
      throw new SoseiError(
        "invalid_match_override",
        `対応指定は "row 12=<KPI id>" の形で書いてください: ${t}`,
      );
    out[t.slice(0, i).trim()] = t.slice(i + 1).trim();
  }
  parseOverrides(out); // validates the keys
  return out;
}

const samePath = (a: PathNumbers, b: PathNumbers) =>
  a.goal === b.goal && a.subgoal === b.subgoal && a.measure === b.measure;

const shareDepartment = (a: string[], b: string[]) => {
  const keys = new Set(a.map(normalizeKey));
  return b.some((d) => keys.has(normalizeKey(d)));
};

export interface MatchOptions {
  overrides?: Map<number, KpiId | "new">;
  /** Take `uncertain` suggestions as matches (the caller has reviewed them). */
  acceptUncertain?: boolean;
}

export function matchKpis(
  fiscalYear: number,
  incoming: IncomingKpi[],
  candidates: MatchCandidate[],
  options: MatchOptions = {},
): MatchReport {
  const byId = new Map(candidates.map((c) => [c.kpiId as string, c]));
  const entries = new Map<number, MatchEntry>();
  const taken = new Set<string>();
  const overrides = options.overrides ?? new Map();

  for (const k of incoming) {
    const o = overrides.get(k.row);
    if (o === undefined) continue;
    if (o === "new") {
      entries.set(k.row, { row: k.row, indicator: k.indicator, kind: "new", kpiId: null });
      continue;
    }
    const c = byId.get(o);
    if (!c)
      throw new SoseiError("invalid_match_override", `行${k.row}の対応先KPI ${o} はこの計画にありません`, {
        row: k.row,
        kpiId: o,
      });
    if (taken.has(o))
      throw new SoseiError("invalid_match_override", `KPI ${o} が複数の行に指定されています`, { kpiId: o });
    taken.add(o);
    entries.set(k.row, {
      row: k.row,
      indicator: k.indicator,
      kind: "manual",
      kpiId: c.kpiId,
      previousIndicator: c.indicator,
      similarity: round(diceSimilarity(k.indicator, c.indicator)),
    });
  }
  for (const row of overrides.keys())
    if (!incoming.some((k) => k.row === row))
      throw new SoseiError("invalid_match_override", `対応指定の行${row}はシートにありません`, { row });

  interface Pair {
    k: IncomingKpi;
    c: MatchCandidate;
    score: number;
    similarity: number;
    kind: "exact" | "renamed" | "moved" | "uncertain";
  }
  const pairs: Pair[] = [];
  for (const k of incoming) {
    if (entries.has(k.row)) continue;
    const key = normalizeKey(k.indicator);
    for (const c of candidates) {
      if (taken.has(c.kpiId)) continue;
      const bonus = shareDepartment(k.departments, c.departments) ? DEPARTMENT_BONUS : 0;
      const sameKey = normalizeKey(c.indicator) === key;
      if (samePath(k.path, c.path)) {
        if (sameKey) {
          pairs.push({ k, c, score: 2 + bonus, similarity: 1, kind: "exact" });
          continue;
        }
        const similarity = diceSimilarity(k.indicator, c.indicator);
        const score = similarity + bonus;
        if (score >= UNCERTAIN_THRESHOLD)
          pairs.push({ k, c, score, similarity, kind: score >= RENAMED_THRESHOLD ? "renamed" : "uncertain" });
      } else if (sameKey) {
        pairs.push({ k, c, score: MOVED_SCORE + bonus, similarity: 1, kind: "moved" });
      }
    }
  }
  pairs.sort(
    (a, b) =>
      b.score - a.score ||
      a.k.row - b.k.row ||
      (a.c.lastRow ?? Number.MAX_SAFE_INTEGER) - (b.c.lastRow ?? Number.MAX_SAFE_INTEGER),
  );
  for (const p of pairs) {
    if (entries.has(p.k.row) || taken.has(p.c.kpiId)) continue;
    const similarity = round(p.similarity);
    if (p.kind === "uncertain" && !options.acceptUncertain) {
      // Reported, not matched: the row is saved as new and the candidate stays free for a better row.
      if (!entries.has(p.k.row))
        entries.set(p.k.row, {
          row: p.k.row,
          indicator: p.k.indicator,
          kind: "uncertain",
          kpiId: null,
          candidate: { kpiId: p.c.kpiId, indicator: p.c.indicator, similarity, row: p.c.lastRow },
        });
      continue;
    }
    taken.add(p.c.kpiId);
    const entry: MatchEntry = { row: p.k.row, indicator: p.k.indicator, kind: p.kind, kpiId: p.c.kpiId };
    if (p.kind === "uncertain") entry.kind = "manual";
    if (p.kind !== "exact") {
      entry.previousIndicator = p.c.indicator;
      entry.similarity = similarity;
    }
    entries.set(p.k.row, entry);
  }
  // An uncertain entry whose candidate was later taken by a better row stays uncertain (→ new).
  const result: MatchEntry[] = incoming.map(
    (k) => entries.get(k.row) ?? { row: k.row, indicator: k.indicator, kind: "new", kpiId: null },
  );
  const dropped = candidates
    .filter((c) => c.expected && !taken.has(c.kpiId))
    .map((c) => ({ kpiId: c.kpiId, indicator: c.indicator, lastYear: c.lastYear, lastRow: c.lastRow }))
    .sort((a, b) => (a.lastRow ?? 0) - (b.lastRow ?? 0));
  return { fiscalYear, entries: result, dropped };
}

const round = (x: number) => Math.round(x * 1000) / 1000;

export function countMatches(report: MatchReport): Record<MatchKind | "dropped", number> {
  const counts: Record<MatchKind | "dropped", number> = {
    exact: 0,
    renamed: 0,
    moved: 0,
    manual: 0,
    uncertain: 0,
    new: 0,
    dropped: report.dropped.length,
  };
  for (const e of report.entries) counts[e.kind]++;
  return counts;
}

const era = (fy: number) =>
  fy >= 2019 ? `令和${fy - 2018 === 1 ? "元" : fy - 2018}年度（${fy}）` : `${fy}年度`;

/** The report as Japanese lines for the CLI (one summary line, then one line per notable row). */
export function formatMatchReport(report: MatchReport): string {
  const c = countMatches(report);
  const lines = [
    `${era(report.fiscalYear)}: ${report.entries.length}件を保存しました（一致 ${c.exact}・名称変更 ${c.renamed}・` +
      `移動 ${c.moved}・指定 ${c.manual}・新規 ${c.new}・要確認 ${c.uncertain}・前年度から消えた指標 ${c.dropped}）`,
  ];
  for (const e of report.entries) {
    if (e.kind === "renamed")
      lines.push(
        `  名称変更 行${e.row}: 「${e.previousIndicator}」→「${e.indicator}」（類似度 ${e.similarity}）`,
      );
    else if (e.kind === "moved") lines.push(`  施策の移動 行${e.row}: 「${e.indicator}」`);
    else if (e.kind === "manual")
      lines.push(
        `  指定どおり対応 行${e.row}: 「${e.indicator}」→ KPI ${e.kpiId}（旧「${e.previousIndicator}」）`,
      );
    else if (e.kind === "new") lines.push(`  新規 行${e.row}: 「${e.indicator}」（KPI ${e.kpiId ?? "-"}）`);
    else if (e.kind === "uncertain" && e.candidate)
      lines.push(
        `  要確認 行${e.row}: 「${e.indicator}」は「${e.candidate.indicator}」（類似度 ${e.candidate.similarity}）` +
          `と同じ指標かもしれません。新規として保存しました（同じなら対応指定 "row ${e.row}": "${e.candidate.kpiId}"）`,
      );
  }
  for (const d of report.dropped)
    lines.push(
      `  消えた指標: 「${d.indicator}」（KPI ${d.kpiId}、${d.lastYear ?? "-"}年度 行${d.lastRow ?? "-"}）`,
    );
  return lines.join("\n");
}
