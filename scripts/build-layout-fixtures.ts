/**
 * Builds each layout fixture's printed forms from its clean source (fixtures/layouts/<name>/source.md):
 * - sheet.md: as a PDF extractor leaves it — the header repeated after every 4 data rows (a page
 *   break), long text cells wrapped with <br> every 12 characters, and the row marked `<!--shift-->`
 *   printed with its first empty cell lost (one column to the left);
 * - sheet.xlsx: as the city's Excel file — the title row merged across the table, the hierarchy
 *   merged down over its rows, numbers typed (3桁区切り, %, decimals), legends below the table;
 *   a source of several blank-line-separated tables (cards) becomes one worksheet per card.
 * Usage: npx tsx scripts/build-layout-fixtures.ts [name …]
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { markdown, parse, xlsx } from "../src/sheet/test-layout-forms.ts";

const root = path.resolve(import.meta.dirname, "../fixtures/layouts");
const names = process.argv.slice(2);
for (const name of names.length
  ? names
  : readdirSync(root).filter((n) => existsSync(path.join(root, n, "source.md")))) {
  const dir = path.join(root, name);
  const src = readFileSync(path.join(dir, "source.md"), "utf8");
  const blocks = parse(src);
  const cards = /<!--cards-->/.test(src);
  writeFileSync(path.join(dir, "sheet.md"), markdown(blocks, cards));
  writeFileSync(path.join(dir, "sheet.xlsx"), await xlsx(blocks, cards));
  console.log(`${name}: ${blocks.length} table(s), ${blocks.reduce((n, b) => n + b.rows.length, 0)} rows`);
}
