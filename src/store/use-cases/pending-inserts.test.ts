import { getTableName } from "drizzle-orm";
import type { PgTable } from "drizzle-orm/pg-core";
import { describe, expect, it } from "vitest";
import type { Db } from "../db.ts";
import { MAX_ROWS_PER_INSERT } from "../repositories/insert-chunks.ts";
import { kpiDefinitions, kpis, kpiYears, sheets } from "../schema.ts";
import { PendingInserts } from "./pending-inserts.ts";

/** A Db that records each INSERT (table, row count) and what else ran, in order. */
function recordingDb() {
  const log: string[] = [];
  const db = {
    insert: (table: PgTable) => ({
      values: async (rows: unknown[]) => {
        log.push(`insert ${getTableName(table)} ×${rows.length}`);
      },
    }),
  } as unknown as Db;
  return { db, log };
}

describe("PendingInserts", () => {
  it("writes each table's rows in one statement, parents first, then the work waiting on them", async () => {
    const { db, log } = recordingDb();
    const pending = new PendingInserts([kpis, kpiDefinitions, kpiYears]);
    for (let i = 0; i < 3; i++) {
      // Added child first, as a save may: the flush still writes the parent table first.
      await pending.insert(kpiYears, { id: `y${i}` } as typeof kpiYears.$inferInsert);
      await pending.insert(kpis, { id: `k${i}` } as typeof kpis.$inferInsert);
      pending.thenRun(async () => {
        log.push(`after ${i}`);
      });
    }
    expect(log).toEqual([]);
    await pending.flush(db);
    expect(log).toEqual(["insert kpis ×3", "insert kpi_years ×3", "after 0", "after 1", "after 2"]);
    await pending.flush(db); // nothing left
    expect(log).toHaveLength(5);
  });

  it("splits a large batch into bounded statements, and refuses a table it was not told of", async () => {
    const { db, log } = recordingDb();
    const pending = new PendingInserts([kpis]);
    for (let i = 0; i < MAX_ROWS_PER_INSERT + 1; i++)
      await pending.insert(kpis, { id: `k${i}` } as typeof kpis.$inferInsert);
    await pending.flush(db);
    expect(log).toEqual([`insert kpis ×${MAX_ROWS_PER_INSERT}`, "insert kpis ×1"]);
    await expect(pending.insert(sheets, {} as typeof sheets.$inferInsert)).rejects.toThrow("not declared");
  });
});
