/** `sosei backup` and `sosei restore`, between PGlite data directories and to PostgreSQL. */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Sheet } from "../../core/sheet.ts";
import { createServices, saveImportedSheet } from "../../server/services.ts";
import { openTestDatabase, probePostgres, REQUIRE_PG } from "../../store/test-backends.ts";
import { main } from "../main.ts";
import { capture, holdDataDirForTest } from "../test-io.ts";

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../..");
const fixtureText = readFileSync(path.join(repoRoot, "fixtures/store/kakuu-2022.json"), "utf8");
const expected = `${JSON.stringify(JSON.parse(fixtureText), null, 2)}\n`;
const probe = await probePostgres();
const skipPg = !probe.ok && !REQUIRE_PG;

describe("sosei backup / restore", () => {
  let root: string;
  let source: string;
  let file: string;
  let backupOutput: string;
  beforeAll(async () => {
    root = mkdtempSync(path.join(tmpdir(), "sosei-backup-"));
    source = path.join(root, "a");
    file = path.join(root, "dump.json.gz");
    const s = await createServices({ dataDir: source });
    await saveImportedSheet(s, JSON.parse(fixtureText) as Sheet, { actor: "cli:test" });
    await s.close();
    // The dump every test restores (made here, so that no test depends on another having run).
    const io = capture();
    expect(await main(["backup", file, "--data-dir", source], io)).toBe(0);
    backupOutput = io.out;
  });
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it("dumps a data directory and restores it into another, refusing a non-empty one without --force", async () => {
    expect(backupOutput).toContain("行");
    const target = path.join(root, "b");
    // The target is opened once and shared (as beside `sosei serve`): the four commands go through
    // its socket instead of starting PGlite four times.
    await holdDataDirForTest(target);
    expect(await main(["restore", file, "--data-dir", target], capture())).toBe(0);
    const out = capture();
    expect(await main(["export", "--year", "2022", "--data-dir", target], out)).toBe(0);
    expect(out.out).toBe(expected);
    const again = capture();
    expect(await main(["restore", file, "--data-dir", target], again)).toBe(1);
    expect(again.err).toContain("[database_not_empty]");
    expect(await main(["restore", file, "--force", "--data-dir", target], capture())).toBe(0);
  });

  it("exits 2 for a file that is missing or not a backup", async () => {
    const bad = path.join(root, "not-a-dump.gz");
    writeFileSync(bad, "plain text");
    const a = capture();
    expect(await main(["restore", bad, "--data-dir", path.join(root, "c")], a)).toBe(2);
    expect(a.err).toContain("[invalid_backup]");
    const b = capture();
    expect(await main(["restore", path.join(root, "nope.gz"), "--data-dir", path.join(root, "c")], b)).toBe(
      2,
    );
    expect(await main(["backup"], capture())).toBe(2);
  });

  it.skipIf(skipPg)(
    `restores into PostgreSQL via DATABASE_URL${skipPg ? ` (skipped: ${probe.reason})` : ""}`,
    async () => {
      const pg = await openTestDatabase("postgres");
      await pg.close();
      const saved = process.env.DATABASE_URL;
      try {
        process.env.DATABASE_URL = pg.url!;
        expect(await main(["restore", file], capture())).toBe(0);
        const out = capture();
        expect(await main(["export", "--year", "2022"], out)).toBe(0);
        expect(out.out).toBe(expected);
        const dump2 = path.join(root, "from-pg.json.gz");
        expect(await main(["backup", dump2], capture())).toBe(0);
        delete process.env.DATABASE_URL;
        const back = path.join(root, "d");
        expect(await main(["restore", dump2, "--data-dir", back], capture())).toBe(0);
        const out2 = capture();
        expect(await main(["export", "--year", "2022", "--data-dir", back], out2)).toBe(0);
        expect(out2.out).toBe(expected);
      } finally {
        if (saved === undefined) delete process.env.DATABASE_URL;
        else process.env.DATABASE_URL = saved;
        await pg.destroy().catch(() => {});
      }
    },
  );
});
