/**
 * Opening the database: PostgreSQL through `pg` when a `postgres://` URL is given, else PGlite in a
 * data directory (locked against a second process) or in memory (`memory://`). Migrations from
 * drizzle/ are applied on open, to both alike.
 */
import { cpSync, existsSync, mkdirSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { hostname } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
// The drivers (PGlite, pg) and their drizzle adapters load when a database is opened, so that
// commands which never open one start fast.
import type { PGlite } from "@electric-sql/pglite";
import { type SQL, sql } from "drizzle-orm";
import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import type { Pool as PgPool } from "pg";
import { SoseiError } from "../core/errors.ts";
import { acquireLock, holderIsAlive, LOCK_FILE, type LockInfo, readLock } from "./lock.ts";
import { type Schema, schema } from "./schema.ts";
import { shareDatabase } from "./share-socket.ts";

/** The drizzle database (or a transaction on it): what repositories and use cases take. */
export type Db = PgDatabase<PgQueryResultHKT, Schema>;

export const MIGRATIONS_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../drizzle");
export const MEMORY = "memory://";
export const DEFAULT_DATA_DIR = "./data";

export interface DatabaseConfig {
  /** `postgres://…` selects PostgreSQL. */
  databaseUrl?: string | undefined;
  /** PGlite data directory (default ./data); `memory://` for an in-memory database. */
  dataDir?: string | undefined;
  /**
   * Serve the opened PGlite directory to other processes (share-socket.ts): `sosei serve` does, so
   * the CLI can work on the same data while it runs. Without it a second process is refused.
   */
  share?: boolean | undefined;
  /**
   * PGlite: start a new database as a copy of this tarball (from `Database.dumpDataDir`) instead of
   * initdb; tests copy one seeded database this way. Migrations still run after.
   */
  template?: Blob | undefined;
}

export interface Database {
  db: Db;
  kind: "pglite" | "postgres";
  /** Where the data lives: the directory, `memory://`, or the URL without its password. */
  location: string;
  /** A stale lock that was cleared to open the directory (tell the user). */
  staleLockCleared: LockInfo | null;
  /** PGlite only: the whole data directory as a tarball (a template for `DatabaseConfig.template`). */
  dumpDataDir?: () => Promise<Blob>;
  close(): Promise<void>;
}

/** Opens the database and brings its schema up to date. */
export async function openDatabase(config: DatabaseConfig = {}): Promise<Database> {
  const url = config.databaseUrl?.trim();
  if (url) {
    if (!/^postgres(ql)?:\/\//.test(url))
      throw new SoseiError(
        "invalid_database_url",
        `DATABASE_URL must start with postgres:// (got ${redact(url)})`,
      );
    return openPostgres(url);
  }
  return openPglite(config.dataDir ?? DEFAULT_DATA_DIR, config.share === true, config.template);
}

function redact(url: string): string {
  return url.replace(/\/\/([^:@/]+):[^@/]*@/, "//$1:***@");
}

async function openPostgres(url: string): Promise<Database> {
  const { default: pg } = await import("pg");
  return openPgPool(new pg.Pool({ connectionString: url, max: 5 }), redact(url), true);
}

/**
 * A data directory held by a process that shares it (`sosei serve`): connect through its socket with
 * `pg`. The holder migrated the schema when it opened the directory.
 */
async function openThroughHolder(dir: string, holder: LockInfo): Promise<Database> {
  const share = holder.share!;
  const { default: pg } = await import("pg");
  const pool = new pg.Pool({
    host: share.host,
    port: share.port,
    user: "postgres",
    database: "postgres",
    max: 4,
  });
  return openPgPool(pool, `${dir}（プロセス ${holder.pid} 経由 / through pid ${holder.pid}）`, false);
}

async function openPgPool(pool: PgPool, location: string, migrateFirst: boolean): Promise<Database> {
  const url = location;
  const [{ drizzle: drizzleNodePg }, { migrate: migrateNodePg }] = await Promise.all([
    import("drizzle-orm/node-postgres"),
    import("drizzle-orm/node-postgres/migrator"),
  ]);
  // An idle client losing its connection must not crash the process; the next query reports it.
  pool.on("error", () => {});
  try {
    const client = await pool.connect();
    try {
      if (migrateFirst) {
        // Two processes starting at once must not both migrate.
        await client.query("select pg_advisory_lock(4242001)");
        try {
          await migrateNodePg(drizzleNodePg(client, { schema }), { migrationsFolder: MIGRATIONS_DIR });
        } finally {
          await client.query("select pg_advisory_unlock(4242001)");
        }
      } else {
        await client.query("select 1");
      }
    } finally {
      client.release();
    }
  } catch (e) {
    await pool.end();
    throw new SoseiError("database_unavailable", `cannot open PostgreSQL ${url}: ${(e as Error).message}`);
  }
  const db = drizzleNodePg(pool, { schema }) as unknown as Db;
  let poolClosed = false;
  return {
    db,
    kind: "postgres",
    location,
    staleLockCleared: null,
    close: async () => {
      if (poolClosed) return;
      poolClosed = true;
      await pool.end();
    },
  };
}

async function openPglite(dataDir: string, share: boolean, given?: Blob): Promise<Database> {
  const [{ PGlite }, { pg_trgm }, { drizzle: drizzlePglite }, { migrate: migratePglite }] = await Promise.all(
    [
      import("@electric-sql/pglite"),
      import("@electric-sql/pglite/contrib/pg_trgm"),
      import("drizzle-orm/pglite"),
      import("drizzle-orm/pglite/migrator"),
    ],
  );
  const memory = dataDir === MEMORY || dataDir.startsWith(MEMORY);
  let lock: ReturnType<typeof acquireLock> | null = null;
  let client: PGlite;
  const dir = memory ? MEMORY : path.resolve(dataDir);
  if (memory) {
    const loadDataDir = given ?? (await pgliteTemplate());
    client = new PGlite({ extensions: { pg_trgm }, ...(loadDataDir ? { loadDataDir } : {}) });
  } else {
    mkdirSync(dir, { recursive: true });
    try {
      lock = acquireLock(dir);
    } catch (e) {
      const holder = readLock(path.join(dir, LOCK_FILE));
      if (
        e instanceof SoseiError &&
        e.code === "data_dir_locked" &&
        holder?.share &&
        holder.hostname === hostname() &&
        holderIsAlive(holder)
      )
        return openThroughHolder(dir, holder);
      throw e;
    }
    try {
      const fresh = !existsSync(path.join(dir, "PG_VERSION"));
      // A copy of the template directory costs a fraction of unpacking the tarball (see below).
      const copied = fresh && !given && copyPgliteTemplateDir(dir);
      const loadDataDir = !fresh || copied ? null : (given ?? (await pgliteTemplate()));
      client = new PGlite(dir, { extensions: { pg_trgm }, ...(loadDataDir ? { loadDataDir } : {}) });
    } catch (e) {
      lock.release();
      throw e;
    }
  }
  try {
    await client.waitReady;
    const db = drizzlePglite(client, { schema });
    await migratePglite(db, { migrationsFolder: MIGRATIONS_DIR });
    const shared = share && lock ? await shareDatabase(client, dir) : null;
    if (shared) lock?.setShare(shared.address);
    return {
      db: db as unknown as Db,
      kind: "pglite",
      location: dir,
      staleLockCleared: lock?.staleCleared ?? null,
      dumpDataDir: () => client.dumpDataDir("none"),
      close: async () => {
        try {
          lock?.setShare(null);
          await shared?.stop();
          if (!client.closed) await client.close();
        } finally {
          lock?.release();
        }
      },
    };
  } catch (e) {
    try {
      await client.close();
    } catch {
      // ignore
    }
    lock?.release();
    throw new SoseiError("database_unavailable", `cannot open PGlite at ${dir}: ${(e as Error).message}`);
  }
}

/**
 * A new PGlite database runs initdb and every migration, which costs far more than the queries of a
 * test. When SOSEI_PGLITE_TEMPLATE names a tarball written by `writePgliteTemplate` (the test setup
 * does this once per run), new databases start as a copy of it instead; migrations still run after,
 * so an older template is brought up to date like any data directory.
 */
let template: { file: string; blob: Promise<Blob | null> } | null = null;

function pgliteTemplate(): Promise<Blob | null> {
  const file = process.env.SOSEI_PGLITE_TEMPLATE;
  if (!file) return Promise.resolve(null);
  if (template?.file !== file)
    template = {
      file,
      blob: readFile(file).then(
        (bytes) => new Blob([bytes]),
        () => null, // no template: start from initdb as usual
      ),
    };
  return template.blob;
}

/**
 * The template unpacked into a data directory, `<tarball>.d` (written by `writePgliteTemplateDir`):
 * a new on-disk database copied from it with cpSync costs ~0.3 s CPU, unpacking the tarball into it
 * through PGlite ~2.3 s (measured). Copies it into `dir` and says whether it did.
 */
function copyPgliteTemplateDir(dir: string): boolean {
  const file = process.env.SOSEI_PGLITE_TEMPLATE;
  const from = file ? `${file}.d` : null;
  if (!from || !existsSync(path.join(from, "PG_VERSION"))) return false;
  cpSync(from, dir, { recursive: true });
  return true;
}

/** Unpacks the template tarball `file` into the data directory `<file>.d` (atomically). */
export async function writePgliteTemplateDir(file: string): Promise<void> {
  const { PGlite } = await import("@electric-sql/pglite");
  const { pg_trgm } = await import("@electric-sql/pglite/contrib/pg_trgm");
  const partial = `${file}.d.${process.pid}.partial`;
  rmSync(partial, { recursive: true, force: true });
  const client = new PGlite(partial, {
    extensions: { pg_trgm },
    loadDataDir: new Blob([await readFile(file)]),
  });
  await client.waitReady;
  await client.close();
  try {
    renameSync(partial, `${file}.d`);
  } catch (e) {
    // Another run renamed its copy first: keep that one.
    rmSync(partial, { recursive: true, force: true });
    if (!existsSync(`${file}.d`)) throw e;
  }
}

/** Writes a migrated, empty PGlite data directory as a tarball to `file` (atomically). */
export async function writePgliteTemplate(file: string): Promise<void> {
  const [{ PGlite }, { pg_trgm }, { drizzle }, { migrate }] = await Promise.all([
    import("@electric-sql/pglite"),
    import("@electric-sql/pglite/contrib/pg_trgm"),
    import("drizzle-orm/pglite"),
    import("drizzle-orm/pglite/migrator"),
  ]);
  const client = new PGlite({ extensions: { pg_trgm } });
  try {
    await migrate(drizzle(client, { schema }), { migrationsFolder: MIGRATIONS_DIR });
    const tar = await client.dumpDataDir("none");
    mkdirSync(path.dirname(file), { recursive: true });
    const partial = `${file}.${process.pid}.partial`;
    writeFileSync(partial, new Uint8Array(await tar.arrayBuffer()));
    renameSync(partial, file);
  } finally {
    await client.close();
  }
}

/**
 * Runs `work` in one transaction (all or nothing), handing it the transaction as a `Db`: drizzle types
 * a transaction apart from its database although repositories and use cases take either, and this is
 * the one place that says so.
 */
export function inTransaction<T>(db: Db, work: (tx: Db) => Promise<T>): Promise<T> {
  return db.transaction((tx) => work(tx as unknown as Db));
}

/** Runs raw SQL and returns its rows (the two drivers wrap results differently). */
export async function queryRows<T = Record<string, unknown>>(db: Db, query: SQL): Promise<T[]> {
  const res = (await db.execute(query)) as unknown as { rows: T[] };
  return res.rows;
}

export { sql };
