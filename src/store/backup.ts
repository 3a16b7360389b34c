/**
 * Logical backup and restore: a gzip'd JSON document holding every table's rows in dependency
 * order, readable by either backend — so a database moves between PGlite and PostgreSQL both ways.
 *
 *   { "format": "sosei-backup/1", "schemaVersion": "0001_schema", "createdAt": "…",
 *     "tables": [ ["municipalities", [ {…}, … ]], … ] }
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { gunzipSync, gzipSync } from "node:zlib";
import { asc, getTableColumns, sql } from "drizzle-orm";
import type { PgTable } from "drizzle-orm/pg-core";
import type { Clock } from "../core/clock.ts";
import { SoseiError } from "../core/errors.ts";
import { type Db, inTransaction, MIGRATIONS_DIR } from "./db.ts";
import { TABLES_IN_ORDER } from "./schema.ts";

export const BACKUP_FORMAT = "sosei-backup/1";

export interface BackupDocument {
  format: typeof BACKUP_FORMAT;
  schemaVersion: string;
  createdAt: string;
  tables: [string, Record<string, unknown>[]][];
}

/** The tag of the newest migration in drizzle/ (what the schema of an opened database is). */
export function schemaVersion(): string {
  const journal = JSON.parse(readFileSync(path.join(MIGRATIONS_DIR, "meta/_journal.json"), "utf8")) as {
    entries: { tag: string }[];
  };
  return journal.entries.at(-1)?.tag ?? "none";
}

const tableOf = (name: string): PgTable => {
  const t = TABLES_IN_ORDER.find(([n]) => n === name);
  if (!t) throw new SoseiError("invalid_backup", `unknown table in backup: ${name}`);
  return t[1] as unknown as PgTable;
};

const orderColumn = (t: PgTable) => {
  const cols = getTableColumns(t) as Record<string, never>;
  return cols.id ?? Object.values(cols)[0]!;
};

export async function createBackup(db: Db, clock: Clock): Promise<BackupDocument> {
  const tables: BackupDocument["tables"] = [];
  // One transaction: a consistent snapshot even while others write (PostgreSQL).
  await inTransaction(db, async (tx) => {
    await tx.execute(sql`set transaction isolation level repeatable read, read only`);
    for (const [name, table] of TABLES_IN_ORDER) {
      const t = table as unknown as PgTable;
      const rows = await tx
        .select()
        .from(t)
        // By id; a table keyed otherwise (import_profiles: one per municipality) by its first column.
        .orderBy(asc(orderColumn(t)));
      tables.push([name, rows as Record<string, unknown>[]]);
    }
  });
  return {
    format: BACKUP_FORMAT,
    schemaVersion: schemaVersion(),
    createdAt: clock.now().toISOString(),
    tables,
  };
}

export function encodeBackup(doc: BackupDocument): Buffer {
  return gzipSync(Buffer.from(JSON.stringify(doc), "utf8"));
}

export function decodeBackup(data: Buffer): BackupDocument {
  let doc: BackupDocument;
  try {
    doc = JSON.parse(gunzipSync(data).toString("utf8")) as BackupDocument;
  } catch (e) {
    throw new SoseiError(
      "invalid_backup",
      `バックアップファイルが読めません / not a Sosei backup: ${(e as Error).message}`,
    );
  }
  if (doc?.format !== BACKUP_FORMAT || !Array.isArray(doc.tables))
    throw new SoseiError("invalid_backup", `バックアップ形式が違います / not a ${BACKUP_FORMAT} file`);
  checkBackupComplete(doc);
  return doc;
}

/**
 * A dump must hold every table, each as a list of rows: restoring a partial one with --force would
 * empty the tables it lacks. Checked before the database is opened, and again inside restoreBackup.
 */
export function checkBackupComplete(doc: BackupDocument): void {
  const given = new Map<unknown, unknown>(
    doc.tables.map((t) => (Array.isArray(t) ? [t[0], t[1]] : [undefined, undefined])),
  );
  const missing = TABLES_IN_ORDER.map(([n]) => n).filter((n) => !Array.isArray(given.get(n)));
  if (missing.length > 0)
    throw new SoseiError(
      "invalid_backup",
      `バックアップが不完全です(${missing.slice(0, 5).join("、")}${missing.length > 5 ? ` ほか${missing.length - 5}表` : ""} がありません)。何も変更していません / incomplete backup, nothing changed`,
    );
}

async function rowCounts(db: Db): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const [name, table] of TABLES_IN_ORDER) {
    const [r] = await db.select({ n: sql<number>`count(*)::int` }).from(table as unknown as PgTable);
    out[name] = Number(r?.n ?? 0);
  }
  return out;
}

/** Restores into an empty database (or, with `force`, replaces everything), in one transaction. */
export async function restoreBackup(
  db: Db,
  doc: BackupDocument,
  options: { force?: boolean } = {},
): Promise<Record<string, number>> {
  checkBackupComplete(doc);
  const current = schemaVersion();
  if (doc.schemaVersion !== current)
    throw new SoseiError(
      "backup_schema_mismatch",
      `バックアップのスキーマ ${doc.schemaVersion} はこのバージョン (${current}) と異なります / backup schema ${doc.schemaVersion} differs from ${current}`,
    );
  return inTransaction(db, async (tx) => {
    const counts = await rowCounts(tx);
    const nonEmpty = Object.entries(counts).filter(([, n]) => n > 0);
    if (nonEmpty.length > 0 && !options.force)
      throw new SoseiError(
        "database_not_empty",
        `復元先のデータベースが空ではありません（${nonEmpty.map(([t, n]) => `${t} ${n}件`).join("、")}）。` +
          "上書きするには --force / the target database is not empty; use --force to replace it",
      );
    for (const [, table] of [...TABLES_IN_ORDER].reverse()) await tx.delete(table as unknown as PgTable);
    const restored: Record<string, number> = {};
    for (const [name, table] of TABLES_IN_ORDER) {
      const rows = doc.tables.find(([n]) => n === name)?.[1] ?? [];
      const t = tableOf(name);
      const cols = getTableColumns(t) as Record<string, { columnType: string }>;
      const dateKeys = Object.entries(cols)
        .filter(([, c]) => c.columnType === "PgTimestamp")
        .map(([k]) => k);
      const values = rows.map((r) => {
        const o: Record<string, unknown> = {};
        for (const k of Object.keys(cols)) {
          if (!(k in r)) continue;
          const v = r[k];
          o[k] = dateKeys.includes(k) && typeof v === "string" ? new Date(v) : v;
        }
        return o;
      });
      for (let i = 0; i < values.length; i += 500)
        await tx.insert(t).values(values.slice(i, i + 500) as never);
      restored[name] = values.length;
      void table;
    }
    for (const [name] of doc.tables)
      if (!(name in restored)) throw new SoseiError("invalid_backup", `unknown table in backup: ${name}`);
    return restored;
  });
}
