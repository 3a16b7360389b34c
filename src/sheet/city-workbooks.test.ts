// Every layout's workbook as a city's own Excel holds it (test-city-workbook.ts: units and padding in
// number formats, percentages as formulas, the table from B2, a 評価基準 worksheet after it) reads as
// its golden: the figures as the sheet shows them, the margins and the legend sheet no rows.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { importSheet } from "./index.ts";
import { compareWithGolden } from "./layout-golden.ts";
import { asCityWorkbook } from "./test-city-workbook.ts";
import { fixturesDir } from "./test-paths.ts";

const root = path.join(fixturesDir, "layouts");
const layouts = readdirSync(root).filter((n) => existsSync(path.join(root, n, "golden.json")));
// Layouts that print no legend of their own (their letters read from the figures): the 評価基準 worksheet
// added here (A 目標を達成 / B 目標の80%以上) is then the only legend, and its B is read as it says.
const NO_LEGEND_OF_ITS_OWN = new Set(["kurume-koho"]);

describe.each(layouts)("layout %s", (name) => {
  it("reads its workbook with the city's number formats as the golden", async () => {
    const { bytes } = await asCityWorkbook(readFileSync(path.join(root, name, "sheet.xlsx")));
    const golden = JSON.parse(readFileSync(path.join(root, name, "golden.json"), "utf8"));
    const r = await importSheet(new Uint8Array(bytes), "sheet.xlsx");
    expect(r.ok ? "read" : r.error.message).toBe("read");
    if (!r.ok) return;
    const wrong = compareWithGolden(r.sheet, golden).filter(
      (x) =>
        !x.ok &&
        !(NO_LEGEND_OF_ITS_OWN.has(name) && x.expected === "delayed B" && x.actual === "mostly_on_track B"),
    );
    expect(wrong.map((w) => `${w.kpi} ${w.field}: ${JSON.stringify(w.actual)}`)).toEqual([]);
  });
});
