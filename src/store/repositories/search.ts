/**
 * Japanese search over indicator names and narrative fields. Substring match with ILIKE (the
 * pattern's % and _ escaped), so words of any length work, 2-character ones such as 出生 included;
 * the pg_trgm GIN indexes speed up words of 3 characters or more.
 */
import { and, asc, eq, ilike, or, type SQL } from "drizzle-orm";
import { type KpiId, kpiId } from "../../core/ids.ts";
import type { Db } from "../db.ts";
import { escapeLike } from "../normalize.ts";
import { kpiDefinitions, kpiYears } from "../schema.ts";

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
  const words = query
    .normalize("NFKC")
    .split(/\s+/)
    .filter((w) => w.length > 0);
  // Stored text cannot hold NUL (PostgreSQL refuses it in a parameter): such a word matches nothing.
  if (words.length === 0 || words.some((w) => w.includes("\u0000"))) return [];
  const pat = (w: string) => `%${escapeLike(w)}%`;
  const conds: SQL[] = words.map(
    (w) => or(ilike(kpiDefinitions.indicator, pat(w)), ...FIELDS.map((f) => ilike(kpiYears[f], pat(w))))!,
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
    const t = (text ?? "").normalize("NFKC").toLowerCase();
    return words.some((w) => t.includes(w.toLowerCase()));
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
