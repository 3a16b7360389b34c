/**
 * The shared PGlite (the CLI beside `sosei serve`) answers over the wire exactly what it answers in
 * process: responses longer than PGlite's 8 KiB output chunk included (they once came back garbled,
 * and `sosei export` of a larger year hung beside a running server).
 */
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type SharedDatabase, shareDatabase } from "./share-socket.ts";

describe("shareDatabase", () => {
  let dir: string;
  let db: PGlite;
  let shared: SharedDatabase;
  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), "sosei-share-"));
    const template = process.env.SOSEI_PGLITE_TEMPLATE;
    db = new PGlite(template ? { loadDataDir: new Blob([readFileSync(template)]) } : {});
    await db.waitReady;
    shared = await shareDatabase(db, dir);
  });
  afterAll(async () => {
    await shared?.stop();
    await db?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it("returns results longer than one output chunk intact, by the simple and the extended protocol", async () => {
    const client = new pg.Client({
      ...shared.address,
      user: "postgres",
      database: "postgres",
      query_timeout: 20_000,
    });
    await client.connect();
    try {
      const sql = "select i, repeat(chr(12354 + i % 80), 200) as t from generate_series(1, 300) as i";
      const simple = await client.query(sql);
      const withParam = await client.query(
        "select i, repeat(chr(12354 + i % 80), 200) as t from generate_series(1, $1::int) as i",
        [300],
      );
      const inProcess = await db.query<{ i: number; t: string }>(sql);
      expect(simple.rows).toHaveLength(300);
      expect(simple.rows).toEqual(inProcess.rows);
      expect(withParam.rows).toEqual(inProcess.rows);
      // and the connection still answers after them
      expect((await client.query("select 1 as one")).rows).toEqual([{ one: 1 }]);
    } finally {
      await client.end();
    }
  });
});
