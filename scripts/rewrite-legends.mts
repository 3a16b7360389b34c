// Every layout fixture's legend lines rewritten with the label separators other offices print (「A：」「A＝」「A　」
// 「【A】」「(A)」「A)」「A…」「A－」 for 「A:」), read and told apart: right, refused, or WRONG with exit 0.
//   npx tsx scripts/rewrite-legends.mts [clean|extracted|xlsx|csv]
import { existsSync, readdirSync } from "node:fs";
import path from "node:path";
import { readVariant, type VariantForm } from "../src/sheet/test-office-variants.ts";
import { count, type Tally } from "./battery-tally.mts";

const root = path.resolve(import.meta.dirname, "../fixtures/layouts");
const form = (process.argv[2] ?? "clean") as VariantForm;
const names = readdirSync(root).filter((n) => existsSync(path.join(root, n, "golden.json")));
const LABEL = /(^|[\s　、,・/／])([A-ES][+＋]?|[◎○〇△×▲])[:：]\s*/g;
const styles: Record<string, (l: string) => string> = {
  fwcolon: (l) => `${l}：`,
  equals: (l) => `${l}＝`,
  spaced: (l) => `${l}　`,
  lenticular: (l) => `【${l}】`,
  paren: (l) => `(${l})`,
  close: (l) => `${l})`,
  dots: (l) => `${l}…`,
  dash: (l) => `${l}－`,
};
const tally: Tally = {};
for (const name of names)
  for (const [style, f] of Object.entries(styles)) {
    const v = {
      name: style,
      text: (line: string) =>
        line.startsWith("|") ? line : line.replace(LABEL, (_m, pre, l) => `${pre}${f(l)}`),
    };
    const o = await readVariant(path.join(root, name), v, form);
    if (!o) continue;
    count(tally, name, style, o);
  }
console.log(tally);
