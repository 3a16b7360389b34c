/**
 * Runs once before the test files: writes a migrated, empty PGlite database as a tarball that every
 * test's fresh database is copied from (see `writePgliteTemplate` in src/store/db.ts). Kept in
 * node_modules/.cache, named by the migrations and the PGlite version, so it is rebuilt when either
 * changes and reused otherwise, and beside it the same unpacked (`<tarball>.d`), that a new on-disk
 * data directory is copied from. Likewise on PostgreSQL (when it answers): a migrated database named
 * by the migrations, that each test database is created from (src/store/test-backends.ts).
 */
import { createHash } from "node:crypto";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statfsSync, statSync } from "node:fs";
import path from "node:path";
import { MIGRATIONS_DIR, writePgliteTemplate, writePgliteTemplateDir } from "./src/store/db.ts";
import { ensurePostgresTemplate } from "./src/store/test-backends.ts";

export default async function setup(): Promise<() => void> {
  const removeTempDir = tempDirInMemory();
  const hash = createHash("sha256");
  const pglite = JSON.parse(readFileSync("node_modules/@electric-sql/pglite/package.json", "utf8")) as {
    version: string;
  };
  const migrations = createHash("sha256");
  for (const f of readdirSync(MIGRATIONS_DIR, { recursive: true, encoding: "utf8" }).sort()) {
    const full = path.join(MIGRATIONS_DIR, f);
    if (/\.(sql|json)$/.test(f)) migrations.update(f).update(readFileSync(full));
  }
  const migrationsHash = migrations.digest("hex").slice(0, 16);
  hash.update(pglite.version).update(migrationsHash);
  const file = path.resolve("node_modules/.cache/sosei", `pglite-${hash.digest("hex").slice(0, 16)}.tar`);
  if (!existsSync(file)) await writePgliteTemplate(file);
  // The same, unpacked: what a new on-disk data directory is copied from (copyPgliteTemplateDir).
  if (!existsSync(`${file}.d`)) await writePgliteTemplateDir(file);
  process.env.SOSEI_PGLITE_TEMPLATE = file;
  const pgTemplate = await ensurePostgresTemplate(`sosei_tpl_${migrationsHash}`);
  if (pgTemplate) process.env.SOSEI_PG_TEMPLATE = pgTemplate;
  return removeTempDir;
}

/**
 * The tests' temporary files (os.tmpdir(): data directories copied from the template, CLI outputs,
 * printed PDFs) in a directory of their own on tmpfs (/dev/shm) when there is one with room, for the
 * workers and every process they start (TMPDIR). On this machine's disk (ext4 mounted with online
 * discard) removing a 40 MB data directory blocked its worker for ~1 s and copying one took ~0.8 s;
 * on tmpfs ~0.04 s and ~0.1 s (measured): 22 s of unlink and 11 s of copying in one profiled run of
 * the suite. What is tested does not change: files, locks and SIGKILLed processes behave the same.
 * Everything left in it is removed when the run ends (and anything a browser still closing wrote
 * after that, by a later run).
 */
function tempDirInMemory(): () => void {
  const shm = "/dev/shm";
  try {
    const fs = statfsSync(shm);
    if (fs.bavail * fs.bsize < 2 * 1024 ** 3) return () => {};
    // What a browser still closing wrote after an earlier run's end (a profile of ~0.1–1 MB) is
    // removed by a later run, once it is an hour old.
    for (const old of readdirSync(shm).filter((n) => n.startsWith("sosei-tests-"))) {
      const at = path.join(shm, old);
      if (Date.now() - (statSync(at, { throwIfNoEntry: false })?.mtimeMs ?? Date.now()) > 3_600_000)
        rmSync(at, { recursive: true, force: true });
    }
    const dir = mkdtempSync(path.join(shm, "sosei-tests-"));
    process.env.TMPDIR = dir;
    // A browser still closing may write into its profile while it is removed (ENOTEMPTY, printed as
    // "error during close"): retried, and what is still left a later run removes.
    return () => {
      try {
        rmSync(dir, { recursive: true, force: true, maxRetries: 5, retryDelay: 200 });
      } catch {}
    };
  } catch {
    return () => {}; // no tmpfs here: the system's temporary directory, as before
  }
}
