/**
 * Japanese search over indicator names and narrative fields, by the core's one search rule
 * (`core/matching/search.ts`): every word must occur, NFKC on both sides — the query through
 * `searchWords`, the stored text through PostgreSQL's `normalize(…, NFKC)`. Substring match with
 * ILIKE (the pattern's % and _ escaped), so words of any length work, 2-character ones such as 出生.
 */
import { and, asc, eq, or, type SQL, sql } from "drizzle-orm";
import type { AnyPgColumn } from "drizzle-orm/pg-core";
import { type KpiId, kpiId } from "../../core/ids.ts";
import { normaliseForSearch, searchWords } from "../../core/matching/search.ts";
import type { Db } from "../db.ts";
import { kpiDefinitions, kpiYears } from "../schema.ts";

/** Escapes `%`, `_` and `\` for a LIKE / ILIKE pattern (with the default escape character). */
export function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

export interface SearchHit {
  kpiId: KpiId;
  kpiYearId: string;
  fiscalYear: number;
  row: number;
  indicator: string;
  /** Which fields contain the words. */
  fields: ("indicator" | "status" | "reason" | "challenge" | "nextSteps")[];
}

const FIELDS = ["status", "reason", "challenge", "nextSteps"] as const;

/** Rows containing every word of `query` (words split on spaces), optionally within one year. */
export async function searchKpis(
  db: Db,
  query: string,
  options: { fiscalYear?: number; limit?: number } = {},
): Promise<SearchHit[]> {
  const words = searchWords(query);
  // Stored text cannot hold NUL (PostgreSQL refuses it in a parameter): such a word matches nothing.
  if (words.length === 0 || words.some((w) => w.includes("\u0000"))) return [];
  const pat = (w: string) => `%${escapeLike(w)}%`;
  const like = (column: AnyPgColumn, w: string) => sql`normalize(${column}, NFKC) ILIKE ${pat(w)}`;
  const conds: SQL[] = words.map(
    (w) => or(like(kpiDefinitions.indicator, w), ...FIELDS.map((f) => like(kpiYears[f], w)))!,
  );
  if (options.fiscalYear !== undefined) conds.push(eq(kpiYears.fiscalYear, options.fiscalYear));
  const rows = await db
    .select({ y: kpiYears, d: kpiDefinitions })
    .from(kpiYears)
    .innerJoin(kpiDefinitions, eq(kpiDefinitions.kpiId, kpiYears.kpiId))
    .where(and(...conds))
    .orderBy(asc(kpiYears.fiscalYear), asc(kpiYears.row), asc(kpiDefinitions.validFrom));
  // Several definition versions may join: keep the one in effect for the row's year.
  const best = new Map<string, (typeof rows)[number]>();
  for (const r of rows) {
    const cur = best.get(r.y.id);
    if (!cur || (r.d.validFrom <= r.y.fiscalYear && r.d.validFrom >= cur.d.validFrom)) best.set(r.y.id, r);
  }
  const has = (text: string | null) => {
    const t = normaliseForSearch(text ?? "");
    return words.some((w) => t.includes(w));
  };
  return [...best.values()].slice(0, options.limit ?? 200).map(({ y, d }) => ({
    kpiId: kpiId(y.kpiId),
    kpiYearId: y.id,
    fiscalYear: y.fiscalYear,
    row: y.row,
    indicator: d.indicator,
    fields: [...(has(d.indicator) ? (["indicator"] as const) : []), ...FIELDS.filter((f) => has(y[f]))],
  }));
}
