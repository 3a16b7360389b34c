// Every layout fixture rewritten the ways other offices print the same sheet
// (src/sheet/test-office-variants.ts), read, and told apart: right, refused, or WRONG with exit 0.
//   npx tsx scripts/mutate-layouts.mts [--form clean|extracted|xlsx|csv] [--pairs] [name …]
import { existsSync, readdirSync } from "node:fs";
import path from "node:path";
import { both, readVariant, VARIANTS, type VariantForm } from "../src/sheet/test-office-variants.ts";

const root = path.resolve(import.meta.dirname, "../fixtures/layouts");
const args = process.argv.slice(2);
const formAt = args.indexOf("--form");
const form = (formAt >= 0 ? args.splice(formAt, 2)[1] : "clean") as VariantForm;
// --pairs: every two variants applied together (≈5,000 readings a form; minutes).
const pairsAt = args.indexOf("--pairs");
if (pairsAt >= 0) args.splice(pairsAt, 1);
const names = args.length
  ? args
  : readdirSync(root).filter((n) => existsSync(path.join(root, n, "golden.json")));
const variants =
  pairsAt >= 0 ? VARIANTS.flatMap((a, i) => VARIANTS.slice(i + 1).map((b) => both(a, b))) : VARIANTS;
const tally = { right: 0, refused: 0, wrong: 0 };
for (const name of names)
  for (const v of variants) {
    const o = await readVariant(path.join(root, name), v, form);
    if (!o) continue;
    tally[o.kind]++;
    if (o.kind === "refused") console.log(`REFUSED ${name} ${v.name}: ${o.message.slice(0, 160)}`);
    if (o.kind === "wrong") {
      console.log(`WRONG ${name} ${v.name}: ${o.right}/${o.all}`);
      for (const w of o.wrong.slice(0, 4))
        console.log(
          `   ${w.kpi} ${w.field}: expected ${JSON.stringify(w.expected)} got ${JSON.stringify(w.actual)}`,
        );
    }
  }
console.log(tally);
