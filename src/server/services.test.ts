/**
 * The composition root and saveImportedSheet (what `sosei import FILE --save` calls), on our own
 * fixture and — where ../shared/seed exists — on the real seed sheet through the importer,
 * with a second year derived from it in code.
 */
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterEach, describe, expect, it } from "vitest";
import { fixedClock } from "../core/clock.ts";
import { sequentialIds } from "../core/ids.ts";
import type { Kpi, Sheet, Value } from "../core/sheet.ts";
import { importSheetFile } from "../sheet/index.ts";
import {
  createBackup,
  decodeBackup,
  encodeBackup,
  exportSheet,
  kpiHistory,
  restoreBackup,
} from "../store/index.ts";
import { borrowTestPglite, openTestDatabase, probePostgres, REQUIRE_PG } from "../store/test-backends.ts";
import { createServices, loadConfig, type Services, saveImportedSheet } from "./services.ts";

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const seedDir = path.resolve(repoRoot, "../shared/seed");
const seedFile = path.join(seedDir, "000_291d4d894f3c6cbd.txt");

let services: Services | null = null;
afterEach(async () => {
  await services?.close();
  services = null;
});
const open = async () => {
  services = await createServices({
    database: await borrowTestPglite(),
    clock: fixedClock("2026-04-01T00:00:00Z"),
    ids: sequentialIds("s"),
  });
  return services;
};

describe("loadConfig", () => {
  it("takes DATABASE_URL and SOSEI_DATA_DIR from the environment; --data-dir wins", () => {
    expect(loadConfig({ DATABASE_URL: "postgres://x/y", SOSEI_DATA_DIR: "/d" })).toEqual({
      databaseUrl: "postgres://x/y",
      dataDir: "/d",
    });
    expect(loadConfig({ SOSEI_DATA_DIR: "/d" }, { "data-dir": "/flag" }).dataDir).toBe("/flag");
    expect(loadConfig({ DATABASE_URL: " " })).toEqual({ databaseUrl: undefined, dataDir: undefined });
  });
});

describe("saveImportedSheet", () => {
  it("stores a sheet and returns a Japanese report", async () => {
    const s = await open();
    const sheet = JSON.parse(
      readFileSync(path.join(repoRoot, "fixtures/store/kakuu-2022.json"), "utf8"),
    ) as Sheet;
    const r = await saveImportedSheet(s, sheet, { municipality: "架空市", actor: "cli:tester" });
    expect(r.fiscalYear).toBe(2022);
    expect(r.text).toMatch(/^令和4年度（2022）: 7件を保存しました（一致 0/);
    expect(JSON.stringify(await exportSheet(s.db, { fiscalYear: 2022, municipality: "架空市" }))).toBe(
      JSON.stringify(sheet),
    );
  });
});

const bump = (v: Value, fy: number): Value => {
  if (v.kind !== "number") return v;
  const period = v.period.basis === "fiscal" ? { year: fy, basis: "fiscal" as const } : v.period;
  const value = v.value + 1;
  return { kind: "number", value, unit: v.unit, period, raw: `${value}${v.unit ?? ""}` };
};

/** 令和5年度 from the seed: new actuals, one indicator renamed, the last KPI dropped, one added. */
function deriveNextYear(s22: Sheet): { sheet: Sheet; renamedFrom: string; dropped: Kpi; added: Kpi } {
  const kpis = structuredClone(s22.kpis.slice(0, -1));
  const dropped = s22.kpis.at(-1)!;
  for (const k of kpis) {
    k.actual = bump(k.actual, 2023);
    k.target = bump(k.target, 2023);
  }
  const counts = new Map<string, number>();
  for (const k of s22.kpis) counts.set(k.indicator, (counts.get(k.indicator) ?? 0) + 1);
  const renamed = kpis.find((k) => k.indicator.length >= 8 && counts.get(k.indicator) === 1)!;
  const renamedFrom = renamed.indicator;
  renamed.indicator = `${renamed.indicator}（累計）`;
  const added: Kpi = {
    ...structuredClone(kpis[0]!),
    indicator: "市民活動サポート窓口の利用団体数",
    departments: ["市民協働推進課"],
    reason: null,
    challenge: null,
    nextSteps: null,
  };
  kpis.splice(3, 0, added);
  kpis.forEach((k, i) => {
    k.row = i + 1;
  });
  return { sheet: { ...s22, fiscalYear: 2023, kpis }, renamedFrom, dropped, added };
}

const pgProbe = await probePostgres();

describe.skipIf(!existsSync(seedDir))("the seed sheet, saved for 2022 and a derived 2023", () => {
  it("exports 2022 as imported and keeps one history per KPI across the two years", async () => {
    const imported = await importSheetFile(seedFile);
    if (!imported.ok) throw new Error(`seed import failed: ${JSON.stringify(imported)}`);
    const s22 = imported.sheet;
    const s = await open();
    const r22 = await saveImportedSheet(s, s22, { municipality: "伊勢崎市", actor: "cli:tester" });
    expect(r22.matches.entries).toHaveLength(s22.kpis.length);
    expect(JSON.stringify(await exportSheet(s.db, { fiscalYear: 2022 }))).toBe(JSON.stringify(s22));

    const next = deriveNextYear(s22);
    const r23 = await saveImportedSheet(s, next.sheet, { municipality: "伊勢崎市", actor: "cli:tester" });
    const kinds = r23.matches.entries.map((e) => e.kind);
    expect(kinds.filter((k) => k === "exact")).toHaveLength(s22.kpis.length - 2);
    const renamed = r23.matches.entries.filter((e) => e.kind === "renamed");
    expect(renamed).toHaveLength(1);
    expect(renamed[0]!.previousIndicator).toBe(next.renamedFrom);
    expect(r23.text).toContain(`名称変更 行${renamed[0]!.row}: 「${next.renamedFrom}」`);
    expect(r23.matches.entries.filter((e) => e.kind === "new").map((e) => e.indicator)).toEqual([
      next.added.indicator,
    ]);
    expect(r23.matches.dropped.map((d) => d.indicator)).toEqual([next.dropped.indicator]);
    expect(kinds).not.toContain("uncertain");

    // One history per KPI: every 2022 KPI but the dropped one has exactly the years 2022 and 2023.
    const byRow22 = new Map(r22.matches.entries.map((e) => [e.row, e.kpiId!]));
    for (const k of s22.kpis.slice(0, -1)) {
      const h = await kpiHistory(s.db, byRow22.get(k.row)!);
      expect(h.years.map((y) => y.fiscalYear)).toEqual([2022, 2023]);
    }
    const droppedHistory = await kpiHistory(s.db, byRow22.get(next.dropped.row)!);
    expect(droppedHistory.years.map((y) => y.fiscalYear)).toEqual([2022]);
    expect(JSON.stringify(await exportSheet(s.db, { fiscalYear: 2023 }))).toBe(JSON.stringify(next.sheet));
    expect(JSON.stringify(await exportSheet(s.db, { fiscalYear: 2022 }))).toBe(JSON.stringify(s22));
  });

  // Skipped (with the reason in its name) when PostgreSQL does not answer, unless CI requires it.
  const pgSkip = pgProbe.ok || REQUIRE_PG ? null : pgProbe.reason;
  it.skipIf(pgSkip !== null)(
    `moves the whole database to PostgreSQL and back, exporting identically${pgSkip ? ` (skipped: ${pgSkip})` : ""}`,
    async () => {
      const imported = await importSheetFile(seedFile);
      if (!imported.ok) throw new Error(`seed import failed: ${JSON.stringify(imported)}`);
      const s22 = imported.sheet;
      const next = deriveNextYear(s22);
      const s = await open();
      await saveImportedSheet(s, s22, { municipality: "伊勢崎市", actor: "cli:tester" });
      await saveImportedSheet(s, next.sheet, { municipality: "伊勢崎市", actor: "cli:tester" });
      const dump = encodeBackup(await createBackup(s.db, s.clock));
      const clock = s.clock;
      // Given back before another is taken: the worker's idle in-memory database serves `lite`.
      await s.close();
      services = null;
      const pg = await openTestDatabase("postgres");
      const lite = await openTestDatabase("pglite");
      try {
        await restoreBackup(pg.db, decodeBackup(dump));
        await restoreBackup(lite.db, decodeBackup(encodeBackup(await createBackup(pg.db, clock))));
        for (const db of [pg.db, lite.db]) {
          expect(JSON.stringify(await exportSheet(db, { fiscalYear: 2022 }))).toBe(JSON.stringify(s22));
          expect(JSON.stringify(await exportSheet(db, { fiscalYear: 2023 }))).toBe(
            JSON.stringify(next.sheet),
          );
        }
      } finally {
        await pg.destroy();
        await lite.destroy();
      }
    },
  );
});
