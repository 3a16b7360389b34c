import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parse } from "csv-parse/sync";
import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import type { Sheet } from "../../core/sheet.ts";
import { createServices, saveImportedSheet } from "../../server/services.ts";
import { kpiYears as kpiYearsTable } from "../../store/schema.ts";
import { main } from "../main.ts";
import { capture, heldDataDirForBlock, holdDataDir } from "../test-io.ts";

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../..");
const fixtureText = readFileSync(path.join(repoRoot, "fixtures/store/kakuu-2022.json"), "utf8");
const fixture2023 = readFileSync(path.join(repoRoot, "fixtures/store/kakuu-2023.json"), "utf8");

/** The CSV's rows as objects (no quoted commas in these fixtures' id/state/indicator columns). */
function csvRows(text: string): Record<string, string>[] {
  const [head, ...lines] = text.replace("\uFEFF", "").trim().split(/\r\n/);
  const cols = head!.split(",");
  return lines.map((l) => {
    const cells = l.split(",");
    return Object.fromEntries(cols.map((c, i) => [c, cells[i] ?? ""]));
  });
}

describe("sosei export", () => {
  const { root, dataDir: dir } = heldDataDirForBlock("sosei-export-");
  beforeAll(async () => {
    const s = await createServices({ dataDir: dir });
    await saveImportedSheet(s, JSON.parse(fixtureText) as Sheet, { actor: "cli:test" });
    await s.close();
  });

  it("writes a stored year as sheet/1 JSON, equal to what was saved", async () => {
    const io = capture();
    expect(await main(["export", "--year", "2022", "--data-dir", dir], io)).toBe(0);
    expect(io.out).toBe(`${JSON.stringify(JSON.parse(fixtureText), null, 2)}\n`);
    const file = path.join(root, "out.json");
    const io2 = capture();
    expect(
      await main(
        ["export", "--year", "2022", "--municipality", "架空市", "-o", file, "--data-dir", dir],
        io2,
      ),
    ).toBe(0);
    expect(readFileSync(file, "utf8")).toBe(io.out);
  });

  it("open data CSV: published years only by default, newest first; --all adds drafts; kpi_id survives a rename", async () => {
    const d = mkdtempSync(path.join(tmpdir(), "sosei-export-od-"));
    const heldD = await holdDataDir(d);
    try {
      const s = await createServices({ dataDir: d });
      await saveImportedSheet(s, JSON.parse(fixtureText) as Sheet, { actor: "cli:test" });
      await saveImportedSheet(s, JSON.parse(fixture2023) as Sheet, { actor: "cli:test" });
      await s.db
        .update(kpiYearsTable)
        .set({ reviewState: "published" })
        .where(eq(kpiYearsTable.fiscalYear, 2022));
      await s.close();
      const pub = capture();
      expect(await main(["export", "--format", "csv", "--data-dir", d], pub)).toBe(0);
      const published = csvRows(pub.out);
      expect(new Set(published.map((r) => r.fiscal_year))).toEqual(new Set(["2022"]));
      expect(published.every((r) => r.review_state === "published" && r.kpi_id !== "")).toBe(true);
      const all = capture();
      expect(await main(["export", "--format", "csv", "--all", "--data-dir", d], all)).toBe(0);
      const rows = csvRows(all.out);
      expect(rows[0]!.fiscal_year).toBe("2023");
      expect(rows.at(-1)!.fiscal_year).toBe("2022");
      expect(rows.filter((r) => r.fiscal_year === "2023").every((r) => r.review_state === "draft")).toBe(
        true,
      );
      const old = rows.find((r) => r.fiscal_year === "2022" && r.indicator === "観光入込客数")!;
      const renamed = rows.find(
        (r) => r.fiscal_year === "2023" && r.indicator === "観光入込客数（延べ人数）",
      )!;
      expect(renamed.kpi_id).toBe(old.kpi_id);
    } finally {
      await heldD.close();
      rmSync(d, { recursive: true, force: true });
    }
  });

  it("writes open data: CSV with a BOM, one row per KPI and year, plain numbers and units apart", async () => {
    const io = capture();
    expect(await main(["export", "--format", "csv", "--all", "--data-dir", dir], io)).toBe(0);
    const sheet = JSON.parse(fixtureText) as Sheet;
    expect(io.out.startsWith("\uFEFF")).toBe(true);
    const [header = [], ...rows] = parse(io.out, { bom: true }) as string[][];
    expect(rows).toHaveLength(sheet.kpis.length);
    expect(header).toContain("target_value");
    expect(header).toContain("target_unit");
    expect(header).toContain("computed_category");
    const json = capture();
    expect(await main(["export", "--format", "open-json", "--year", "2022", "--data-dir", dir], json)).toBe(
      0,
    );
    const doc = JSON.parse(json.out) as { sheets: (Sheet & { evaluation: { kpis: unknown[] } })[] };
    expect(doc.sheets[0]!.kpis).toEqual(sheet.kpis);
    expect(doc.sheets[0]!.evaluation.kpis).toHaveLength(sheet.kpis.length);
  });

  it("refuses other formats, a missing year and an unknown year", async () => {
    const a = capture();
    expect(await main(["export", "--year", "2022", "--format", "xml", "--data-dir", dir], a)).toBe(2);
    expect(a.err).toContain("[usage_error]");
    const b = capture();
    expect(await main(["export", "--data-dir", dir], b)).toBe(2);
    const c = capture();
    expect(await main(["export", "--year", "2019", "--data-dir", dir], c)).toBe(1);
    expect(c.err).toContain("[not_found]");
    expect(c.err.trim().split("\n")).toHaveLength(1);
  });
});
