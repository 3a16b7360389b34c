/**
 * The rows a save creates for its new KPIs, written together: one multi-row INSERT per table (in
 * chunks, insert-chunks.ts) instead of one statement per row. A 41-KPI sheet made ~170 single-row
 * INSERTs and a 3,000-KPI one ~12,000, each a round trip (to PostgreSQL's server, or through PGlite's
 * protocol in this thread). Tables are flushed parent first, so every foreign key finds its row.
 */
import type { PgTable } from "drizzle-orm/pg-core";
import type { Db } from "../db.ts";
import { insertInChunks } from "../repositories/insert-chunks.ts";

/** Inserts one row: now (the default) or later, with the rows of its kind. */
export type InsertRow = <T extends PgTable>(table: T, row: T["$inferInsert"]) => Promise<void>;

/** An InsertRow that inserts at once. */
export const insertNow =
  (tx: Db): InsertRow =>
  async (table, row) => {
    await tx.insert(table).values(row);
  };

export class PendingInserts {
  private readonly rows = new Map<PgTable, unknown[]>();
  private readonly after: (() => Promise<void>)[] = [];

  /** `tables`: every table rows may be added for, parents before children. */
  constructor(tables: readonly PgTable[]) {
    for (const t of tables) this.rows.set(t, []);
  }

  /** Adds a row, written by the next flush. */
  readonly insert: InsertRow = async (table, row) => {
    const rows = this.rows.get(table);
    if (!rows) throw new Error("PendingInserts: table not declared");
    rows.push(row);
  };

  /** Runs `work` after the next flush has written the rows (work that reads or updates them). */
  thenRun(work: () => Promise<void>): void {
    this.after.push(work);
  }

  /** Writes every pending row, table by table in the declared order, then the work waiting on them. */
  async flush(tx: Db): Promise<void> {
    for (const [table, rows] of this.rows) {
      await insertInChunks(tx, table, rows as PgTable["$inferInsert"][]);
      rows.length = 0;
    }
    const after = this.after.splice(0);
    for (const work of after) await work();
  }
}
