// Header words swapped between cities: each layout fixture's header word for a field (a year-free one, as read
// from its clean table) replaced by every other layout's word for that field, read, and told apart: right,
// refused, or WRONG with exit 0. What one city's table teaches the reader should hold in every other's.
//   npx tsx scripts/swap-header-words.mts [--form clean|extracted|xlsx|csv] [name …]
// Not every swap keeps the meaning: 目標指標 → KPI in a sheet that sets 数値目標 apart from its KPIs makes its
// outcome goals KPIs (such indicator swaps are skipped); a note naming the column (「※当初値は…」) no longer
// names it; a lone level column's word decides whether it is the top level or the measure. Read a WRONG line
// before taking it for a fault of the reader.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { importSheet } from "../src/sheet/index.ts";
import { readVariant, type VariantForm } from "../src/sheet/test-office-variants.ts";

const root = path.resolve(import.meta.dirname, "../fixtures/layouts");
const args = process.argv.slice(2);
const formAt = args.indexOf("--form");
const form = (formAt >= 0 ? args.splice(formAt, 2)[1] : "clean") as VariantForm;
const all = readdirSync(root).filter((n) => existsSync(path.join(root, n, "golden.json")));
const names = args.length ? args : all;

// Fields whose words are no question of meaning (numbers, extras) or whose word names a kind of table.
const SKIPPED = new Set(["extra", "no", "initiatives"]);
// A header with a year or a number (「H27実績値」) is swapped by no other: the year is the layout's own.
const YEAR_FREE = (h: string) => h !== "" && !/[0-9０-９①-⑳ 　]|^[HR]\d|年度|平成|令和/.test(h);

interface Column {
  header: string;
  field: string;
}
const columnsOf = new Map<string, Column[]>();
for (const name of all) {
  const text = readFileSync(path.join(root, name, "source.md"));
  const r = await importSheet(new Uint8Array(text), "sheet.md", { today: new Date("2026-12-01T00:00:00Z") });
  if (!r.ok || r.report.profile?.layout !== "table") continue;
  const withGoals = readFileSync(path.join(root, name, "golden.json"), "utf8").includes('"numericGoals"');
  const cols = (r.report.profile.columns ?? [])
    .map((c) => ({ header: c.header ?? "", field: c.field as string }))
    .filter((c) => !SKIPPED.has(c.field) && YEAR_FREE(c.header) && !(withGoals && c.field === "indicator"));
  columnsOf.set(name, cols);
}
const wordsOf = new Map<string, Set<string>>();
for (const cols of columnsOf.values())
  for (const c of cols) (wordsOf.get(c.field) ?? wordsOf.set(c.field, new Set()).get(c.field)!).add(c.header);

const tally = { right: 0, refused: 0, wrong: 0 };
for (const name of names)
  for (const c of columnsOf.get(name) ?? [])
    for (const word of wordsOf.get(c.field) ?? []) {
      if (word === c.header) continue;
      const swap = {
        name: `${c.header}→${word}`,
        cardsToo: false,
        header: (cell: string) => (cell.replace(/<br>/g, "") === c.header ? word : cell),
      };
      const o = await readVariant(path.join(root, name), swap, form);
      if (!o) continue;
      tally[o.kind]++;
      if (o.kind === "refused")
        console.log(`REFUSED ${name} [${c.field}] ${swap.name}: ${o.message.slice(0, 140)}`);
      if (o.kind === "wrong") {
        console.log(`WRONG ${name} [${c.field}] ${swap.name}: ${o.right}/${o.all}`);
        for (const w of o.wrong.slice(0, 2))
          console.log(
            `   ${w.kpi} ${w.field}: expected ${JSON.stringify(w.expected)} got ${JSON.stringify(w.actual)}`,
          );
      }
    }
console.log(tally);
