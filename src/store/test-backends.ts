/**
 * Test support (not used by the application): the two backends every repository test runs on.
 * PGlite in memory, and PostgreSQL at 127.0.0.1:5432 (trust auth) in a fresh database
 * `sosei_test_<random>` (connecting through database `test`), a copy of the migrated template the
 * global setup made (`ensurePostgresTemplate`), dropped afterwards.
 * PostgreSQL unreachable → those tests are skipped with the reason in their name, unless CI or
 * SOSEI_REQUIRE_PG is set, in which case opening fails and the tests fail.
 */
import { randomBytes } from "node:crypto";
import { sql } from "drizzle-orm";
import pg from "pg";
import { afterAll, beforeAll, beforeEach, describe } from "vitest";
import { type Database, MEMORY, openDatabase } from "./db.ts";
import { TABLES_IN_ORDER } from "./schema.ts";

export const PG_ADMIN_URL = process.env.SOSEI_TEST_PG_URL ?? "postgres://postgres@127.0.0.1:5432/test";
export const REQUIRE_PG = Boolean(process.env.CI || process.env.SOSEI_REQUIRE_PG);

export type BackendName = "pglite" | "postgres";

/** Whether PostgreSQL answers (checked once per test file, 2 s timeout). */
export async function probePostgres(): Promise<{ ok: boolean; reason: string }> {
  const client = new pg.Client({ connectionString: PG_ADMIN_URL, connectionTimeoutMillis: 2000 });
  try {
    await client.connect();
    await client.query("select 1");
    return { ok: true, reason: "" };
  } catch (e) {
    return { ok: false, reason: `PostgreSQL unreachable at ${PG_ADMIN_URL}: ${(e as Error).message}` };
  } finally {
    await client.end().catch(() => {});
  }
}

export interface TestDatabase extends Database {
  /** postgres:// URL of the fresh database (postgres backend only). */
  url: string | null;
  /** Empties every table (between tests). */
  reset(): Promise<void>;
  /** Closes and, for PostgreSQL, drops the database. */
  destroy(): Promise<void>;
}

function withDatabase(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

/**
 * In-memory PGlite test databases given back (`destroy`) emptied and still open, for the next
 * `openTestDatabase("pglite")` of this worker: opening one from the template costs about 2 s of CPU
 * and hundreds of MB of fresh memory; emptying one costs a truncate. Workers keep their modules from
 * file to file (vitest.config.ts), so the files of a worker share these.
 */
const idlePglite: TestDatabase[] = [];

/** A fresh, migrated, empty database on `backend`. */
export async function openTestDatabase(backend: BackendName): Promise<TestDatabase> {
  if (backend === "pglite") {
    const idle = idlePglite.pop();
    if (idle) return idle;
  }
  let url: string | null = null;
  let name: string | null = null;
  if (backend === "postgres") {
    name = `sosei_test_${randomBytes(6).toString("hex")}`;
    // A copy of the migrated template when the global setup made one (then opening only checks
    // that every migration is applied), else an empty database migrated on open.
    const template = process.env.SOSEI_PG_TEMPLATE;
    await withAdmin((admin) =>
      admin.query(
        `create database ${name}${template && /^\w+$/.test(template) ? ` template ${template}` : ""}`,
      ),
    );
    url = withDatabase(PG_ADMIN_URL, name);
  }
  const database = await openDatabase(url ? { databaseUrl: url } : { dataDir: MEMORY });
  const tableList = TABLES_IN_ORDER.map(([n]) => `"${n}"`).join(", ");
  let closed = false;
  const reset = async () => {
    await database.db.execute(sql.raw(`truncate table ${tableList} cascade`));
  };
  const test: TestDatabase = {
    ...database,
    url,
    reset,
    close: async () => {
      closed = true;
      await database.close();
    },
    destroy: async () => {
      if (!name && !closed) {
        // An in-memory one still open goes back emptied, for the next test file of this worker.
        const emptied = await reset().then(
          () => true,
          () => false,
        );
        if (emptied) {
          idlePglite.push(test);
          return;
        }
      }
      closed = true;
      await database.close().catch(() => {});
      if (name) await withAdmin((admin) => admin.query(`drop database if exists ${name} with (force)`));
    },
  };
  return test;
}

/**
 * An in-memory PGlite database from this worker's pool (see openTestDatabase), for code that closes
 * the database it is given (createServices, a test's own open … close): closing it gives it back,
 * emptied, instead of ending it — a fresh open costs ~1.5–2 s of CPU, a truncate milliseconds.
 */
export async function borrowTestPglite(): Promise<Database> {
  const t = await openTestDatabase("pglite");
  return { ...t, close: () => t.destroy() };
}

async function withAdmin<T>(f: (admin: pg.Client) => Promise<T>): Promise<T> {
  const admin = new pg.Client({ connectionString: PG_ADMIN_URL, connectionTimeoutMillis: 5000 });
  await admin.connect();
  try {
    return await f(admin);
  } finally {
    await admin.end();
  }
}

/**
 * The global setup's migrated PostgreSQL database `name` (made when missing), that test databases
 * are created from; null when PostgreSQL does not answer (the tests then say so themselves). Built
 * under another name and renamed, so a run never clones a half-migrated template; two runs building
 * it at once both succeed (the second rename loses and drops its copy).
 */
export async function ensurePostgresTemplate(name: string): Promise<string | null> {
  if (!(await probePostgres()).ok) return null;
  const exists = async () =>
    withAdmin(async (a) => (await a.query("select 1 from pg_database where datname = $1", [name])).rowCount);
  if (await exists()) return name;
  const building = `${name}_${randomBytes(4).toString("hex")}`;
  await withAdmin((a) => a.query(`create database ${building}`));
  try {
    const database = await openDatabase({ databaseUrl: withDatabase(PG_ADMIN_URL, building) });
    await database.close();
    await withAdmin((a) => a.query(`alter database ${building} rename to ${name}`));
  } catch (e) {
    await withAdmin((a) => a.query(`drop database if exists ${building} with (force)`));
    if (!(await exists())) throw e;
  }
  return name;
}

/** `describe.each` rows: [name, skip reason or null]. */
export async function backendsForTests(): Promise<[BackendName, string | null][]> {
  const pgProbe = await probePostgres();
  const pgSkip = pgProbe.ok || REQUIRE_PG ? null : pgProbe.reason;
  return [
    ["pglite", null],
    ["postgres", pgSkip],
  ];
}

/**
 * Registers `body`'s tests once per backend: `describe(title with %s = backend)` › `describe(suite)`,
 * a fresh database per backend (opened before, destroyed after) emptied before every test. `db()`
 * is that database (valid inside hooks and tests). PostgreSQL unreachable → its half is skipped with
 * the reason in its name, unless CI or SOSEI_REQUIRE_PG is set (see the top of this file).
 */
export async function describeOnBackends(
  title: string,
  suite: string,
  body: (db: () => TestDatabase) => void,
): Promise<void> {
  describe.each(await backendsForTests())(title, (backend, skipReason) => {
    let database: TestDatabase | undefined;
    const db = (): TestDatabase => {
      if (!database)
        throw new Error(`the ${backend} test database is not open (use db() in hooks and tests)`);
      return database;
    };
    describe.skipIf(skipReason !== null)(skipReason ? `skipped: ${skipReason}` : suite, () => {
      beforeAll(async () => {
        database = await openTestDatabase(backend);
      });
      afterAll(async () => {
        await database?.destroy();
      });
      beforeEach(async () => {
        await db().reset();
      });
      body(db);
    });
  });
}
