// Header words no rule knows: each layout fixture's header word for a field (a year-free one, as read from its
// clean table) replaced by a word the reader has never seen (「確認欄」) or by nothing (an empty header cell, as a
// merged or unprinted header leaves it), read, and told apart: right (the column known by what it holds),
// refused (naming the column), or WRONG with exit 0 — a silent guess, which issue 14 forbids.
//   npx tsx scripts/unknown-header-words.mts [--form clean|extracted|xlsx|csv] [--word W] [name …]
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { importSheet } from "../src/sheet/index.ts";
import { readVariant, type VariantForm } from "../src/sheet/test-office-variants.ts";

const root = path.resolve(import.meta.dirname, "../fixtures/layouts");
const args = process.argv.slice(2);
const take = (flag: string, fallback: string) => {
  const at = args.indexOf(flag);
  return at >= 0 ? args.splice(at, 2)[1] : fallback;
};
const form = take("--form", "clean") as VariantForm;
const words: string[] = [take("--word", "確認欄") ?? "確認欄", ""];
const all = readdirSync(root).filter((n) => existsSync(path.join(root, n, "golden.json")));
const names = args.length ? args : all;

// Numbers and kept-as-is columns are no question of meaning.
const SKIPPED = new Set(["extra", "no"]);
const YEAR_FREE = (h: string) => h !== "" && !/[0-9０-９①-⑳]|^[HR]\d|年度|平成|令和/.test(h);

// A field left empty (the column kept as an extra, nothing claimed) is told apart from a field given a value
// the sheet does not say: only the latter is a silent guess.
const EMPTY = new Set(["null", '""', "[]", '[0,""]', "{}", '"absent"', '"missing"', '"none"', undefined]);
// A figure read without the unit its (unknown) unit column printed: the number right, the unit not claimed.
const unitless = (x: { expected: unknown; actual: unknown }) =>
  typeof x.expected === "string" && x.expected.replace(/ \S+ @/, " @") === x.actual;
// An extra column more (the unknown column kept under its own header or position) claims nothing.
const keptExtras = (x: { field: string; expected: unknown; actual: unknown }) =>
  x.field === "extras" &&
  Array.isArray(x.expected) &&
  Array.isArray(x.actual) &&
  x.expected.every((e) => (x.actual as unknown[]).includes(e));
const guessed = (w: { field: string; expected: unknown; actual: unknown }[]) =>
  w.some((x) => !EMPTY.has(JSON.stringify(x.actual)) && !unitless(x) && !keptExtras(x));
const tally = { right: 0, refused: 0, kept: 0, wrong: 0 };
const byField = new Map<string, typeof tally>();
for (const name of names) {
  const text = readFileSync(path.join(root, name, "source.md"));
  const r = await importSheet(new Uint8Array(text), "sheet.md", { today: new Date("2026-12-01T00:00:00Z") });
  if (!r.ok || r.report.profile?.layout !== "table") continue;
  const withGoals = readFileSync(path.join(root, name, "golden.json"), "utf8").includes('"numericGoals"');
  const columns = (r.report.profile.columns ?? [])
    .map((c) => ({ header: c.header ?? "", field: c.field as string }))
    .filter((c) => !SKIPPED.has(c.field) && YEAR_FREE(c.header))
    // (The word 数値目標 / 目標指標 is what sets outcome goals apart from KPIs: without it nothing can.)
    .filter((c) => !(withGoals && c.field === "indicator"));
  for (const c of columns)
    for (const word of words) {
      const rewrite = {
        name: `${c.header}→${word || "(空欄)"}`,
        cardsToo: false,
        header: (cell: string) => (cell.replace(/<br>/g, "") === c.header ? word : cell),
      };
      const o = await readVariant(path.join(root, name), rewrite, form);
      if (!o) continue;
      const kind = o.kind === "wrong" && !guessed(o.wrong) ? "kept" : o.kind;
      tally[kind]++;
      const f =
        byField.get(c.field) ??
        byField.set(c.field, { right: 0, refused: 0, kept: 0, wrong: 0 }).get(c.field)!;
      f[kind]++;
      if (o.kind === "wrong" && (kind === "wrong" || process.env.VERBOSE)) {
        console.log(`${kind.toUpperCase()} ${name} [${c.field}] ${rewrite.name}: ${o.right}/${o.all}`);
        for (const w of o.wrong
          .filter(
            (x) =>
              kind === "kept" || (!EMPTY.has(JSON.stringify(x.actual)) && !unitless(x) && !keptExtras(x)),
          )
          .slice(0, 2))
          console.log(
            `   ${w.kpi} ${w.field}: expected ${JSON.stringify(w.expected)} got ${JSON.stringify(w.actual)}`,
          );
      } else if (process.env.VERBOSE && o.kind === "refused")
        console.log(`REFUSED ${name} [${c.field}] ${rewrite.name}: ${o.message.slice(0, 140)}`);
    }
}
for (const [field, t] of byField) console.log(field, t);
console.log(tally);
