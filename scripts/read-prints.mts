// Layout prints made elsewhere (fixtures/pdf/print-layouts.mts with PRINT_OUT=dir: dir/<name>/sheet.<print>.pdf)
// read against each layout's golden and told apart: right, refused, or WRONG with exit 0.
//   npx tsx scripts/read-prints.mts DIR [print …]     (prints: lo unruled wide chromium; default all found)
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { importSheetFile } from "../src/sheet/import-sheet.ts";
import { compareWithGolden } from "../src/sheet/layout-golden.ts";

const root = path.resolve(import.meta.dirname, "../fixtures/layouts");
const [dir, ...only] = process.argv.slice(2);
if (!dir) throw new Error("usage: read-prints.mts DIR [print …]");
const prints = only.length ? only : ["lo", "unruled", "wide", "chromium"];
const tally: Record<string, { right: number; all: number; refused: number; wrong: number; files: number }> =
  {};
for (const name of readdirSync(dir).sort()) {
  const goldenFile = path.join(root, name, "golden.json");
  if (!existsSync(goldenFile)) continue;
  const golden = JSON.parse(readFileSync(goldenFile, "utf8"));
  for (const print of prints) {
    const file = path.join(dir, name, `sheet.${print}.pdf`);
    if (!existsSync(file)) continue;
    tally[print] ??= { right: 0, all: 0, refused: 0, wrong: 0, files: 0 };
    const t = tally[print];
    t.files++;
    const r = await importSheetFile(file);
    if (!r.ok) {
      const all = compareWithGolden({ format: "sheet/1", fiscalYear: 0, kpis: [] }, golden).length;
      t.all += all;
      t.refused++;
      console.log(`REFUSED ${name} ${print} (${all} fields): ${r.error.message.slice(0, 200)}`);
      continue;
    }
    const results = compareWithGolden(r.sheet, golden);
    const right = results.filter((x) => x.ok).length;
    t.right += right;
    t.all += results.length;
    if (right === results.length) {
      console.log(`right   ${name} ${print}: ${right}/${results.length}`);
      continue;
    }
    t.wrong++;
    console.log(`WRONG   ${name} ${print}: ${right}/${results.length}`);
    for (const w of results.filter((x) => !x.ok).slice(0, 4))
      console.log(
        `   ${w.kpi} ${w.field}: expected ${JSON.stringify(w.expected)} got ${JSON.stringify(w.actual)}`,
      );
  }
}
for (const [print, t] of Object.entries(tally))
  console.log(
    `${print}: ${t.right}/${t.all} fields right, ${t.files} files: ${t.refused} refused, ${t.wrong} wrong with exit 0`,
  );
