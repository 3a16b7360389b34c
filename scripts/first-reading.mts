// One layout's reading against its golden, as a held-out round records it: for each of
// fixtures/layouts/<name>/sheet.md and sheet.xlsx, the fields right of all the golden asserts
// (a refused import misses every field, as import-layouts.test.ts counts it), and whether the
// import was right, refused or WRONG with exit 0. `--diff` prints every missed field.
//   npx tsx scripts/first-reading.mts <name> [--diff]
import { readFileSync } from "node:fs";
import path from "node:path";
import type { Sheet } from "../src/core/sheet.ts";
import { importSheetFile } from "../src/sheet/index.ts";
import { compareWithGolden } from "../src/sheet/layout-golden.ts";

const [name, flag] = process.argv.slice(2);
if (!name) throw new Error("usage: first-reading.mts <layout> [--diff]");
const dir = path.join("fixtures", "layouts", name);
const golden = JSON.parse(readFileSync(path.join(dir, "golden.json"), "utf8"));
const EMPTY: Sheet = { format: "sheet/1", municipality: null, fiscalYear: 0, source: null, kpis: [] };

for (const file of ["sheet.md", "sheet.xlsx"]) {
  const r = await importSheetFile(path.join(dir, file));
  const all = compareWithGolden(r.ok ? r.sheet : EMPTY, golden).length;
  if (!r.ok) {
    console.log(`${name}/${file}: REFUSED 0/${all} (${r.error.code}) ${r.error.message}`);
    continue;
  }
  const results = compareWithGolden(r.sheet, golden);
  const missed = results.filter((x) => !x.ok);
  const verdict = missed.length === 0 ? "right" : "WRONG with exit 0";
  console.log(`${name}/${file}: ${verdict} ${results.length - missed.length}/${results.length}`);
  if (flag === "--diff")
    for (const w of missed)
      console.log(
        `  ${w.kpi} ${w.field}: expected ${JSON.stringify(w.expected)} got ${JSON.stringify(w.actual)}`,
      );
}
