/**
 * The national data set: `municipalities` cities × `kpisPerSheet` KPIs × `years` fiscal years, each
 * city keeping its strategy tree and indicators from year to year while its figures change
 * (generateSheet with a per-city seed and a per-year value seed). Deterministic.
 *
 * `bulkLoad` writes it into the store's schema (src/store/schema.ts) the way a bulk loader would:
 * one transaction, multi-row INSERTs of literal rows, the non-unique secondary indexes dropped
 * before and rebuilt after (their rebuild is part of the time). The store has no bulk API; this is
 * one, kept in bench/ (see README.md). The rows equal what saveSheet writes for the same sheets
 * (values folded by `foldValue`, definitions by `definitionOf`), minus the audit log.
 */
import { sql } from "drizzle-orm";
import { foldValue } from "../src/core/matching/canonical.ts";
import { normalizeKey } from "../src/core/matching/normalize.ts";
import type { Sheet } from "../src/core/sheet.ts";
import { type Db, inTransaction } from "../src/store/index.ts";
import { generateSheet } from "./generate.ts";

export interface NationalScale {
  municipalities: number;
  kpisPerSheet: number;
  years: number;
  /** The first fiscal year; the plan runs to firstYear + years - 1. */
  firstYear: number;
}

export const NATIONAL: NationalScale = { municipalities: 1741, kpisPerSheet: 50, years: 10, firstYear: 2016 };

export const municipalityName = (i: number): string => `架空市${String(i + 1).padStart(4, "0")}`;
const citySeed = (i: number) => 0x51e0 + i * 7919;
const valueSeed = (i: number, year: number) => (citySeed(i) * 31 + year * 104_729) >>> 0;

/** The sheets of city `i`, one per fiscal year, oldest first. */
export function citySheets(i: number, scale: NationalScale): Sheet[] {
  const finalYear = scale.firstYear + scale.years - 1;
  const out: Sheet[] = [];
  for (let y = 0; y < scale.years; y++) {
    const fiscalYear = scale.firstYear + y;
    out.push(
      generateSheet(citySeed(i), {
        municipality: municipalityName(i),
        fiscalYear,
        finalYear,
        kpiCount: scale.kpisPerSheet,
        valueSeed: valueSeed(i, fiscalYear),
      }),
    );
  }
  return out;
}

export function* nationalSheets(scale: NationalScale): Generator<{ city: number; sheets: Sheet[] }> {
  for (let i = 0; i < scale.municipalities; i++) yield { city: i, sheets: citySheets(i, scale) };
}

// --- literal SQL
type Lit = string | number | boolean | null | undefined | object;
function lit(v: Lit): string {
  if (v === null || v === undefined) return "NULL";
  if (typeof v === "number") return Number.isFinite(v) ? String(v) : "NULL";
  if (typeof v === "boolean") return v ? "TRUE" : "FALSE";
  if (v instanceof Date) return `'${v.toISOString()}'`;
  const s = typeof v === "string" ? v : JSON.stringify(v);
  return `'${s.replaceAll("'", "''")}'`;
}

/** Rows for one table, written as multi-row INSERTs of at most `maxBytes` of SQL each. */
/**
 * Each statement is sent without waiting for it, so that the next batch is built while the database
 * writes this one; before sending the next, the previous must be done (one query at a time per
 * connection, as `pg` wants).
 */
class Pipeline {
  private last: Promise<unknown> = Promise.resolve();
  constructor(private readonly db: Db) {}
  async send(text: string): Promise<void> {
    await this.last;
    // drizzle's query is a lazy thenable that runs on every then(): turn it into one promise first.
    const p = Promise.resolve(this.db.execute(sql.raw(text)));
    p.catch(() => {}); // awaited by the next send or by drain(); no unhandled rejection meanwhile
    this.last = p;
  }
  async drain(): Promise<void> {
    await this.last;
  }
}

class Batcher {
  private rows: string[] = [];
  bytes = 0;
  constructor(
    private readonly out: Pipeline,
    private readonly head: string,
    private readonly maxBytes = 1024 * 1024,
  ) {}
  add(values: Lit[]): void {
    const row = `(${values.map(lit).join(",")})`;
    this.rows.push(row);
    this.bytes += row.length;
  }
  async flush(): Promise<void> {
    while (this.rows.length > 0) {
      let size = 0;
      let n = 0;
      while (n < this.rows.length && size < this.maxBytes) size += (this.rows[n++] as string).length + 1;
      const text = `${this.head} VALUES ${this.rows.slice(0, n).join(",")}`;
      this.rows = this.rows.slice(n);
      await this.out.send(text);
    }
    this.bytes = 0;
  }
}

export interface LoadCounts {
  municipalities: number;
  sheets: number;
  kpis: number;
  kpiYears: number;
  indexesRebuilt: number;
  /** Milliseconds per phase: rows, each index rebuilt, commit, analyze. */
  phasesMs?: Record<string, number>;
}

/** Secondary (non-unique, non-primary) indexes of the big tables: dropped for the load, rebuilt after. */
async function secondaryIndexes(db: Db): Promise<{ name: string; def: string }[]> {
  const res = (await db.execute(
    sql.raw(`select i.indexname as name, i.indexdef as def from pg_indexes i
      join pg_class c on c.relname = i.indexname join pg_index x on x.indexrelid = c.oid
      where i.schemaname = 'public' and i.tablename in ('kpi_years', 'kpi_definitions')
        and not x.indisunique and not x.indisprimary`),
  )) as unknown as { rows: { name: string; def: string }[] };
  return res.rows;
}

/**
 * Loads the national data set into an empty store (schema already migrated). `onProgress` gets the
 * number of cities written so far.
 */
export async function bulkLoad(
  db: Db,
  scale: NationalScale,
  onProgress?: (cities: number) => void,
  options: { checkForeignKeys?: boolean } = {},
): Promise<LoadCounts> {
  const fkOff = !(options.checkForeignKeys ?? process.env.SOSEI_BENCH_FK_CHECKS === "1");
  const now = new Date("2026-04-01T00:00:00Z");
  const actor = "bench:bulk-load";
  const startYear = scale.firstYear;
  const endYear = scale.firstYear + scale.years - 1;
  let last = performance.now();
  const phases: Record<string, number> = {};
  const phase = (name: string) => {
    const t = performance.now();
    phases[name] = t - last;
    last = t;
  };
  const counts: LoadCounts = { municipalities: 0, sheets: 0, kpis: 0, kpiYears: 0, indexesRebuilt: 0 };
  await inTransaction(db, async (tx) => {
    const out = new Pipeline(tx);
    // Foreign keys are not checked row by row during the load (session_replication_role = replica
    // turns off their triggers, as pg_restore does for data-only restores); the rows are generated
    // consistent, and bench/national.test.ts reads them back through the store.
    if (fkOff) await tx.execute(sql.raw("set local session_replication_role = replica"));
    const indexes = await secondaryIndexes(tx);
    for (const ix of indexes) await tx.execute(sql.raw(`drop index if exists "${ix.name}"`));
    const b = {
      municipalities: new Batcher(out, "insert into municipalities (id, name, created_at)"),
      plans: new Batcher(
        out,
        "insert into plans (id, municipality_id, name, start_year, end_year, created_at)",
      ),
      goals: new Batcher(out, "insert into goals (id, plan_id, no, title, titles)"),
      subgoals: new Batcher(out, "insert into subgoals (id, goal_id, no, title, titles)"),
      measures: new Batcher(out, "insert into measures (id, subgoal_id, no, title, titles)"),
      initiatives: new Batcher(out, "insert into initiatives (id, measure_id, title)"),
      kpis: new Batcher(out, "insert into kpis (id, plan_id, created_at)"),
      definitions: new Batcher(
        out,
        "insert into kpi_definitions (id, kpi_id, valid_from, measure_id, indicator, indicator_key, unit, direction, baseline, final_target, final_target_number, final_target_unit, departments, initiatives, figures_source)",
      ),
      sheets: new Batcher(
        out,
        "insert into sheets (id, plan_id, fiscal_year, sheet_municipality, has_municipality, source, has_source, imported_at, imported_by)",
      ),
      years: new Batcher(
        out,
        "insert into kpi_years (id, kpi_id, sheet_id, fiscal_year, row, target, target_number, target_unit, actual, actual_number, actual_unit, evaluation_category, evaluation_covid, evaluation_label, evaluation, status, reason, challenge, next_steps, review_state, version, updated_at, updated_by)",
      ),
    };
    // Parents before children (when foreign keys are checked, per statement).
    const flushAll = async () => {
      for (const key of [
        "municipalities",
        "plans",
        "goals",
        "subgoals",
        "measures",
        "initiatives",
        "kpis",
        "definitions",
        "sheets",
        "years",
      ] as const)
        await b[key].flush();
    };
    const departments = new Set<string>();
    for (const { city, sheets } of nationalSheets(scale)) {
      const m = `m${city}`;
      const p = `p${city}`;
      b.municipalities.add([m, municipalityName(city), now]);
      b.plans.add([p, m, `総合戦略（${startYear}〜${endYear}年度）`, startYear, endYear, now]);
      const first = sheets[0];
      if (!first) continue;
      const titlesOf = (title: string) =>
        Object.fromEntries(sheets.map((s) => [String(s.fiscalYear), title]));
      const seen = new Set<string>();
      for (const k of first.kpis) {
        const g = `${p}g${k.goal.no}`;
        const s = `${g}s${k.subgoal.no}`;
        const me = `${s}m${k.measure.no}`;
        if (!seen.has(g)) b.goals.add([g, p, k.goal.no, k.goal.title, titlesOf(k.goal.title)]);
        if (!seen.has(s)) b.subgoals.add([s, g, k.subgoal.no, k.subgoal.title, titlesOf(k.subgoal.title)]);
        if (!seen.has(me)) b.measures.add([me, s, k.measure.no, k.measure.title, titlesOf(k.measure.title)]);
        seen.add(g).add(s).add(me);
        for (const title of k.initiatives) {
          const ik = `${me}/${title}`;
          if (seen.has(ik)) continue;
          seen.add(ik);
          b.initiatives.add([`${me}i${seen.size}`, me, title]);
        }
        const kid = `${p}k${k.row}`;
        b.kpis.add([kid, p, now]);
        const f = foldValue(k.finalTarget);
        const unit = f.unit ?? foldValue(k.target).unit ?? foldValue(k.actual).unit;
        b.definitions.add([
          `${kid}d`,
          kid,
          startYear,
          me,
          k.indicator,
          normalizeKey(k.indicator),
          unit,
          null,
          null,
          k.finalTarget,
          f.number,
          f.unit,
          k.departments,
          k.initiatives,
          null,
        ]);
        for (const d of k.departments) departments.add(d);
        counts.kpis++;
      }
      for (const sheet of sheets) {
        const sid = `${p}y${sheet.fiscalYear}`;
        b.sheets.add([sid, p, sheet.fiscalYear, sheet.municipality ?? null, true, null, false, now, actor]);
        counts.sheets++;
        for (const k of sheet.kpis) {
          const t = foldValue(k.target);
          const a = foldValue(k.actual);
          b.years.add([
            `${p}k${k.row}y${sheet.fiscalYear}`,
            `${p}k${k.row}`,
            sid,
            sheet.fiscalYear,
            k.row,
            k.target,
            t.number,
            t.unit,
            k.actual,
            a.number,
            a.unit,
            k.evaluation.category,
            k.evaluation.covid,
            k.evaluation.label ?? null,
            k.evaluation,
            k.status,
            k.reason,
            k.challenge,
            k.nextSteps,
            "published",
            1,
            now,
            actor,
          ]);
          counts.kpiYears++;
        }
      }
      counts.municipalities++;
      if (onProgress && (city + 1) % 50 === 0) onProgress(city + 1);
      if (Object.values(b).reduce((sum, x) => sum + x.bytes, 0) > 4 * 1024 * 1024) await flushAll();
    }
    await flushAll();
    await out.drain();
    phase("rows");
    const dept = new Batcher(out, "insert into departments (id, name, created_at)");
    let n = 0;
    for (const d of departments) dept.add([`dep${n++}`, d, now]);
    await dept.flush();
    await out.drain();
    for (const ix of indexes) {
      await tx.execute(sql.raw(ix.def));
      phase(`index ${ix.name}`);
    }
    counts.indexesRebuilt = indexes.length;
  });
  phase("commit");
  await db.execute(sql.raw("analyze"));
  phase("analyze");
  counts.phasesMs = phases;
  return counts;
}
