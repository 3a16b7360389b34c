// Every layout fixture rewritten the ways other offices print the same sheet
// (src/sheet/test-office-variants.ts), read, and told apart: right, refused, or WRONG with exit 0.
//   npx tsx scripts/mutate-layouts.mts [name …]
import { existsSync, readdirSync } from "node:fs";
import path from "node:path";
import { readVariant, VARIANTS } from "../src/sheet/test-office-variants.ts";

const root = path.resolve(import.meta.dirname, "../fixtures/layouts");
const names = process.argv.slice(2).length
  ? process.argv.slice(2)
  : readdirSync(root).filter((n) => existsSync(path.join(root, n, "golden.json")));
const tally = { right: 0, refused: 0, wrong: 0 };
for (const name of names)
  for (const v of VARIANTS) {
    const o = await readVariant(path.join(root, name), v);
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
