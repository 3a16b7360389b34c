/** A backup moves a database between PGlite and PostgreSQL, both ways, and exports stay identical. */
import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { fixedClock } from "../core/clock.ts";
import { sequentialIds } from "../core/ids.ts";
import type { Sheet } from "../core/sheet.ts";
import { createBackup, decodeBackup, encodeBackup, restoreBackup } from "./backup.ts";
import { openTestDatabase, probePostgres, REQUIRE_PG, type TestDatabase } from "./test-backends.ts";
import { exportSheet } from "./use-cases/export-sheet.ts";
import { kpiHistory } from "./use-cases/history.ts";
import { saveSheet } from "./use-cases/save-sheet.ts";

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const fixture = (name: string): Sheet =>
  JSON.parse(readFileSync(path.join(repoRoot, "fixtures/store", name), "utf8")) as Sheet;
const probe = await probePostgres();
const skip = !probe.ok && !REQUIRE_PG;

describe("backup and restore", () => {
  const opened: TestDatabase[] = [];
  afterAll(async () => {
    for (const d of opened) await d.destroy();
  });

  it("refuses a file that is not a Sosei backup", () => {
    expect(() => decodeBackup(Buffer.from("hello"))).toThrow(
      expect.objectContaining({ code: "invalid_backup" }),
    );
  });

  it.skipIf(skip)(
    `PGlite → PostgreSQL → PGlite keeps every year's export identical${skip ? ` (skipped: ${probe.reason})` : ""}`,
    async () => {
      const clock = fixedClock("2026-05-01T00:00:00Z");
      const ctx = { actor: "cli:tester", clock, ids: sequentialIds("b") };
      const s22 = fixture("kakuu-2022.json");
      const s23 = fixture("kakuu-2023.json");
      const lite = await openTestDatabase("pglite");
      opened.push(lite);
      const r = await saveSheet(lite.db, s22, ctx);
      await saveSheet(lite.db, s23, ctx);
      const someKpi = r.matches.entries[2]!.kpiId!;
      const before = await createBackup(lite.db, clock);

      const pg = await openTestDatabase("postgres");
      opened.push(pg);
      await restoreBackup(pg.db, decodeBackup(encodeBackup(before)));
      for (const [fy, s] of [
        [2022, s22],
        [2023, s23],
      ] as const)
        expect(JSON.stringify(await exportSheet(pg.db, { fiscalYear: fy }))).toBe(JSON.stringify(s));
      expect(await kpiHistory(pg.db, someKpi)).toEqual(await kpiHistory(lite.db, someKpi));

      const back = await openTestDatabase("pglite");
      opened.push(back);
      await restoreBackup(back.db, decodeBackup(encodeBackup(await createBackup(pg.db, clock))));
      for (const [fy, s] of [
        [2022, s22],
        [2023, s23],
      ] as const)
        expect(JSON.stringify(await exportSheet(back.db, { fiscalYear: fy }))).toBe(JSON.stringify(s));
      // Every row of every table made the round trip unchanged.
      expect(JSON.stringify((await createBackup(back.db, clock)).tables)).toBe(JSON.stringify(before.tables));
    },
  );
});
