/** Test helpers: a fresh in-memory app with the demo data and known passwords; logged-in clients. */
import { createHash, randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { sql } from "drizzle-orm";
import { onTestFinished } from "vitest";
import { type Database, inTransaction, MEMORY, openDatabase } from "../store/db.ts";
import { TABLES_IN_ORDER } from "../store/schema.ts";
import { createApp } from "./app.ts";
import { seedDemo } from "./demo.ts";
import { createServices, type ServicesConfig } from "./services.ts";

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
export const demoDir = path.join(repoRoot, "fixtures/demo");
export const testPassword = (u: string) => `pw-${u}-0000`;
/**
 * scrypt's cost for the test apps' passwords: a real scrypt hash, 16× cheaper than a deployment's,
 * so that the many logins of the web tests do not dominate them (passwords.test.ts checks the default).
 */
export const TEST_SCRYPT_COST = 1024;

/**
 * The demo database, seeded once and kept as a PGlite tarball: seeding (8 scrypt hashes, two years
 * through the review, on a new PGlite) costs more than most tests, and each test then gets its own
 * copy to change. The tarball is kept on disk beside the migrated template, named by everything the
 * seeding reads (the template, fixtures/demo, the source it runs), so the test files share one
 * seeding until any of that changes.
 */
let seededDemo: Promise<Blob> | null = null;

function seededDemoFile(): string {
  const hash = createHash("sha256").update(`${process.env.SOSEI_PGLITE_TEMPLATE}|${TEST_SCRYPT_COST}`);
  const sources = (dir: string, keep: (f: string) => boolean) =>
    readdirSync(dir, { recursive: true, encoding: "utf8" })
      .filter(keep)
      .sort()
      .map((f) => path.join(dir, f));
  for (const f of [
    ...sources(demoDir, (f) => f.endsWith(".json")),
    ...sources(path.join(repoRoot, "src"), (f) => f.endsWith(".ts") && !f.endsWith(".test.ts")),
  ])
    hash.update(f).update(readFileSync(f));
  return path.join(repoRoot, "node_modules/.cache/sosei", `demo-${hash.digest("hex").slice(0, 16)}.tar`);
}

export async function seededDemoTemplate(): Promise<Blob> {
  seededDemo ??= (async () => {
    const file = seededDemoFile();
    if (existsSync(file)) return new Blob([readFileSync(file)]);
    const services = await createServices({
      dataDir: "memory://",
      readCache: false,
      scryptCost: TEST_SCRYPT_COST,
    });
    try {
      await seedDemo(services, { fixturesDir: demoDir, password: testPassword });
      const blob = await services.database.dumpDataDir!();
      // Another worker may be writing the same file: write aside, then rename (atomic); older
      // seedings (of other sources) go.
      const dir = path.dirname(file);
      mkdirSync(dir, { recursive: true });
      for (const old of readdirSync(dir))
        if (/^demo-\w+\.tar$/.test(old) && old !== path.basename(file))
          rmSync(path.join(dir, old), { force: true });
      const aside = `${file}.${process.pid}.${randomBytes(4).toString("hex")}`;
      writeFileSync(aside, new Uint8Array(await blob.arrayBuffer()));
      renameSync(aside, file);
      return blob;
    } finally {
      await services.close();
    }
  })();
  return seededDemo;
}

/**
 * In-memory copies of the demo database not in use by any app of this test file, each already
 * snapshotted. Opening a PGlite from a tarball costs ~2 s of CPU; putting the demo rows back costs
 * ~0.1 s. So an app's `services.close()` hands its database back here instead of closing it, and the
 * next `freshApp` restores the demo rows into it (docs/adr: test databases). An app still open while
 * another is made (two apps compared in one test) gets a database of its own.
 */
const idleDemoDatabases: Database[] = [];
const SNAPSHOT = (table: string) => `pg_temp."demo_${table}"`;

/** Every table emptied and refilled with the demo rows kept at open (temporary tables, PGlite's one session). */
async function restoreDemo(database: Database): Promise<void> {
  await inTransaction(database.db, async (tx) => {
    await tx.execute(sql.raw(`truncate table ${TABLES_IN_ORDER.map(([t]) => `"${t}"`).join(", ")} cascade`));
    for (const [t] of TABLES_IN_ORDER)
      await tx.execute(sql.raw(`insert into "${t}" select * from ${SNAPSHOT(t)}`));
  });
}

async function lendDemoDatabase(): Promise<Database> {
  let database = idleDemoDatabases.pop();
  if (database) await restoreDemo(database);
  else {
    database = await openDatabase({ dataDir: MEMORY, template: await seededDemoTemplate() });
    for (const [t] of TABLES_IN_ORDER)
      await database.db.execute(sql.raw(`create temporary table "demo_${t}" as select * from "${t}"`));
  }
  const lent = database;
  let returned = false;
  return {
    ...lent,
    close: async () => {
      if (returned) return;
      returned = true;
      idleDemoDatabases.push(lent);
    },
  };
}

/** A new app on its own in-memory copy of the demo database (or on `config`'s database, seeded there). */
export async function freshApp(config: ServicesConfig = {}) {
  const inMemory = !config.databaseUrl && (!config.dataDir || config.dataDir.startsWith("memory://"));
  const lendDemo = inMemory && !config.template && !config.database;
  const services = await createServices({
    dataDir: "memory://",
    scryptCost: TEST_SCRYPT_COST,
    ...config,
    ...(lendDemo ? { database: await lendDemoDatabase() } : {}),
  });
  // A no-op on the seeded copy (users and years exist); seeds a database given by `config`.
  await seedDemo(services, { fixturesDir: demoDir, password: testPassword });
  const app = createApp(services);
  return { app, services };
}

/** freshApp for the running test: its services close (its database goes back to the pool) when it ends. */
export async function freshAppForTest(config: ServicesConfig = {}) {
  const ctx = await freshApp(config);
  onTestFinished(() => ctx.services.close());
  return ctx;
}

type App = ReturnType<typeof createApp>;

export interface Client {
  cookie: string;
  csrf: string;
  request: (
    method: string,
    url: string,
    body?: unknown,
    headers?: Record<string, string>,
  ) => Promise<Response>;
}

const BASE = "http://localhost";

export async function login(app: App, username: string): Promise<Client> {
  const res = await app.request(`${BASE}/api/auth/login`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ username, password: testPassword(username) }),
  });
  if (res.status !== 200) throw new Error(`login ${username}: ${res.status} ${await res.text()}`);
  const setCookie = res.headers.get("set-cookie") ?? "";
  const cookie = setCookie.split(";")[0]!;
  const { csrfToken } = (await res.json()) as { csrfToken: string };
  return {
    cookie,
    csrf: csrfToken,
    request: async (method, url, body, headers = {}) =>
      app.request(`${BASE}${url}`, {
        method,
        headers: {
          cookie,
          "x-csrf-token": csrfToken,
          ...(body !== undefined && !(body instanceof FormData)
            ? { "content-type": "application/json" }
            : {}),
          ...headers,
        },
        body: body === undefined ? undefined : body instanceof FormData ? body : JSON.stringify(body),
      }),
  };
}

export const anonymous = (app: App): Client => ({
  cookie: "",
  csrf: "",
  request: async (method, url, body, headers = {}) =>
    app.request(`${BASE}${url}`, {
      method,
      headers: { ...(body !== undefined ? { "content-type": "application/json" } : {}), ...headers },
      body: body === undefined ? undefined : JSON.stringify(body),
    }),
});

/** A multipart upload of one file (`file`), as the import page sends it. */
export const uploadForm = (name: string, content: string | Uint8Array): FormData => {
  const fd = new FormData();
  fd.set("file", new File([content as BlobPart], name));
  return fd;
};

/** fixtures/profile's KPI table (令和5年度, its own layout and legend) and next year's file of the same layout. */
export const kpiTable2023 = readFileSync(path.join(repoRoot, "fixtures/profile/kpi-table-2023.md"), "utf8");
export const kpiTable2024 = kpiTable2023
  .replaceAll("令和5年度", "令和6年度")
  .replace("(令和6年度) |", "(令和7年度) |");
