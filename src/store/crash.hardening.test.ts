/**
 * Crashes (issue #9): a process SIGKILLed in the middle of saveSheet's transaction leaves the
 * database exactly as it was (every table's row count, the previous year's export byte for byte),
 * on a PGlite data directory and on PostgreSQL; the PGlite lock it leaves is detected as stale and
 * cleared on the next open. The child is a real `node` process (test-save-child.ts).
 */
import { type ChildProcess, spawn } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { sql } from "drizzle-orm";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { generateSheet } from "../../bench/generate.ts";
import { fixedClock } from "../core/clock.ts";
import { sequentialIds } from "../core/ids.ts";
import type { Sheet } from "../core/sheet.ts";
import { type Database, openDatabase } from "./db.ts";
import { LOCK_FILE } from "./lock.ts";
import { TABLES_IN_ORDER } from "./schema.ts";
import { backendsForTests, openTestDatabase, type TestDatabase } from "./test-backends.ts";
import { childScriptForBlock } from "./test-child.ts";
import { exportSheet } from "./use-cases/export-sheet.ts";
import { saveSheet } from "./use-cases/save-sheet.ts";

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const kakuu2022 = JSON.parse(
  readFileSync(path.join(repoRoot, "fixtures/store/kakuu-2022.json"), "utf8"),
) as Sheet;
const work = mkdtempSync(path.join(tmpdir(), "sosei-crash-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

// A year of more KPIs than a progress report covers: the child stops at its first report, inside the
// transaction with a hundred KPIs' rows written, and is killed there (test-save-child.ts).
const bigSheetFile = path.join(work, "big.json");
writeFileSync(
  bigSheetFile,
  JSON.stringify(
    generateSheet(11, {
      municipality: kakuu2022.municipality ?? "架空市",
      fiscalYear: 2023,
      finalYear: 2024,
      kpiCount: 250,
    }),
  ),
);
const saverScript = childScriptForBlock("src/store/test-save-child.ts");
const postgresBackend = (await backendsForTests()).filter(([b]) => b === "postgres");

const ctx = { actor: "cli:tester", clock: fixedClock("2026-04-01T00:00:00Z"), ids: sequentialIds("c") };

async function snapshot(database: Database): Promise<{ counts: Record<string, number>; export2022: string }> {
  const counts: Record<string, number> = {};
  for (const [name] of TABLES_IN_ORDER) {
    const r = await database.db.execute(sql.raw(`select count(*)::int as n from "${name}"`));
    counts[name] = Number((r as unknown as { rows: { n: number }[] }).rows[0]!.n);
  }
  return { counts, export2022: JSON.stringify(await exportSheet(database.db, { fiscalYear: 2022 })) };
}

/** Starts the saving child; resolves once it stopped inside the save's transaction (WRITING). */
function startSave(target: string): Promise<{ child: ChildProcess; output: () => string }> {
  const child = spawn(process.execPath, [saverScript(), target, bigSheetFile, "--stop-inside"], {
    cwd: repoRoot,
    stdio: ["ignore", "pipe", "pipe"],
  });
  let out = "";
  let err = "";
  child.stderr!.on("data", (b: Buffer) => {
    err += b.toString();
  });
  return new Promise((resolve, reject) => {
    child.stdout!.on("data", (b: Buffer) => {
      out += b.toString();
      if (/WRITING [1-9]/.test(out)) resolve({ child, output: () => out });
    });
    child.on("exit", (code) => reject(new Error(`saver exited ${code} before WRITING: ${err}`)));
  });
}

const exited = (child: ChildProcess) =>
  new Promise<NodeJS.Signals | null>((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) resolve(child.signalCode);
    else child.on("exit", (_code, signal) => resolve(signal));
  });

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe("SIGKILL in the middle of saveSheet", () => {
  it("PGlite data directory: reopens with the stale lock cleared, nothing of the killed save kept", async () => {
    const dir = path.join(work, "pglite");
    const first = await openDatabase({ dataDir: dir });
    await saveSheet(first.db, kakuu2022, ctx);
    const before = await snapshot(first);
    await first.close();

    const { child, output } = await startSave(dir);
    child.kill("SIGKILL");
    expect(await exited(child)).toBe("SIGKILL");
    expect(output(), "the save finished before the kill: the test proved nothing").not.toMatch(/DONE/);
    expect(existsSync(path.join(dir, LOCK_FILE))).toBe(true);

    const reopened = await openDatabase({ dataDir: dir });
    try {
      expect(reopened.staleLockCleared?.pid).toBe(child.pid);
      expect(await snapshot(reopened)).toEqual(before);
      await expect(exportSheet(reopened.db, { fiscalYear: 2023 })).rejects.toMatchObject({
        code: "not_found",
      });
      // Still writable after the crash.
      await saveSheet(reopened.db, { ...kakuu2022, fiscalYear: 2021 }, ctx);
    } finally {
      await reopened.close();
    }
    expect(existsSync(path.join(dir, LOCK_FILE))).toBe(false);
  });

  describe.each(postgresBackend)("on %s", (backend, skipReason) => {
    let t: TestDatabase | undefined;
    afterAll(async () => {
      await t?.destroy();
    });
    it.skipIf(skipReason !== null)(
      skipReason ? `skipped: ${skipReason}` : "the killed client's transaction is rolled back",
      async () => {
        t = await openTestDatabase(backend);
        await saveSheet(t.db, kakuu2022, ctx);
        const before = await snapshot(t);
        const url = t.url!;
        const dbName = new URL(url).pathname.slice(1);

        const { child, output } = await startSave(url);
        // Prove the kill lands inside an open transaction of the child.
        const probe = new pg.Client({ connectionString: url });
        await probe.connect();
        try {
          const r = await probe.query(
            "select count(*)::int as n from pg_stat_activity where datname = $1 and xact_start is not null and pid <> pg_backend_pid()",
            [dbName],
          );
          expect(r.rows[0].n).toBeGreaterThan(0);
        } finally {
          await probe.end();
        }
        child.kill("SIGKILL");
        expect(await exited(child)).toBe("SIGKILL");
        expect(output()).not.toMatch(/DONE/);

        // The server notices the dead connection and rolls back; wait for its backend to go.
        for (let i = 0; i < 50; i++) {
          const r = await t.db.execute(
            sql`select count(*)::int as n from pg_stat_activity where datname = ${dbName} and xact_start is not null and pid <> pg_backend_pid() and state <> 'idle'`,
          );
          if (Number((r as unknown as { rows: { n: number }[] }).rows[0]!.n) === 0) break;
          await sleep(100);
        }
        expect(await snapshot(t)).toEqual(before);
        await expect(exportSheet(t.db, { fiscalYear: 2023 })).rejects.toMatchObject({ code: "not_found" });
      },
    );
  });
});
