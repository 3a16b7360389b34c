import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parse } from "csv-parse/sync";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Sheet } from "../../core/sheet.ts";
import { createServices, saveImportedSheet } from "../../server/services.ts";
import { main } from "../main.ts";
import { capture } from "../test-io.ts";

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../..");
const fixtureText = readFileSync(path.join(repoRoot, "fixtures/store/kakuu-2022.json"), "utf8");

describe("sosei export", () => {
  let dir: string;
  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), "sosei-export-"));
    const s = await createServices({ dataDir: dir });
    await saveImportedSheet(s, JSON.parse(fixtureText) as Sheet, { actor: "cli:test" });
    await s.close();
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("writes a stored year as sheet/1 JSON, equal to what was saved", async () => {
    const io = capture();
    expect(await main(["export", "--year", "2022", "--data-dir", dir], io)).toBe(0);
    expect(io.out).toBe(`${JSON.stringify(JSON.parse(fixtureText), null, 2)}\n`);
    const file = path.join(dir, "out.json");
    const io2 = capture();
    expect(
      await main(
        ["export", "--year", "2022", "--municipality", "架空市", "-o", file, "--data-dir", dir],
        io2,
      ),
    ).toBe(0);
    expect(readFileSync(file, "utf8")).toBe(io.out);
  });

  it("writes open data: CSV with a BOM, one row per KPI and year, plain numbers and units apart", async () => {
    const io = capture();
    expect(await main(["export", "--format", "csv", "--data-dir", dir], io)).toBe(0);
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
