/**
 * Multi-row inserts in bounded chunks. One INSERT of every row at once breaks on large sheets:
 * PostgreSQL's wire protocol allows at most 65,535 parameters per statement (a 3,000-KPI sheet's
 * audit rows need more), and drizzle builds the statement recursively (8,000 rows overflowed the
 * stack). Between chunks the event loop gets a turn, so a server stays responsive during long saves.
 */
import type { PgTable } from "drizzle-orm/pg-core";
import type { Db } from "../db.ts";

/** Parameters per statement we allow ourselves: well under the protocol's 65,535. */
export const MAX_PARAMETERS_PER_INSERT = 30_000;
/** Rows per statement whatever the width: keeps drizzle's statement building shallow. */
export const MAX_ROWS_PER_INSERT = 1_000;

/** Lets timers and I/O (other requests) run before the next chunk (promises alone never yield to I/O). */
export const yieldToEventLoop = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

/** Rows per chunk for rows of `columns` values each. */
export function rowsPerChunk(columns: number): number {
  return Math.max(
    1,
    Math.min(MAX_ROWS_PER_INSERT, Math.floor(MAX_PARAMETERS_PER_INSERT / Math.max(1, columns))),
  );
}

/** Inserts `rows` into `table` in chunks, in order, inside whatever transaction `db` is. */
export async function insertInChunks<T extends PgTable>(
  db: Db,
  table: T,
  rows: readonly T["$inferInsert"][],
): Promise<void> {
  if (rows.length === 0) return;
  const columns = Math.max(...rows.slice(0, 10).map((r) => Object.keys(r as object).length));
  const size = rowsPerChunk(columns);
  for (let i = 0; i < rows.length; i += size) {
    if (i > 0) await yieldToEventLoop();
    await db.insert(table).values(rows.slice(i, i + size) as T["$inferInsert"][]);
  }
}

/** Long loops (saving thousands of KPIs) report and yield this often. */
export const PROGRESS_EVERY = 100;

/**
 * Gives the event loop a turn (on PGlite every query runs in this thread, so without it a server's
 * /api/health waits for the whole save) and tells the caller how far the work is.
 */
export async function reportProgress(
  options: { onProgress?: ((done: number, total: number) => void) | undefined },
  done: number,
  total: number,
): Promise<void> {
  await yieldToEventLoop();
  options.onProgress?.(done, total);
}
