// Every layout fixture's header years rewritten in the forms other offices print (令和3年度 / R3年度 / R3 / 2021年度 /
// 令和3(2021)年度 / 2021(R3)年度 / R03 / FY2021 / R.3 / 令和 3 年度 / 2021), read and told apart: right, refused, or WRONG
// with exit 0. A date (「H28年3月末」, 「R2.3」) is left as printed.
//   npx tsx scripts/rewrite-header-years.mts [clean|extracted|xlsx|csv]
import { existsSync, readdirSync } from "node:fs";
import path from "node:path";
import { readVariant, type VariantForm } from "../src/sheet/test-office-variants.ts";
import { count, type Tally } from "./battery-tally.mts";

const root = path.resolve(import.meta.dirname, "../fixtures/layouts");
const form = (process.argv[2] ?? "clean") as VariantForm;
const names = readdirSync(root).filter((n) => existsSync(path.join(root, n, "golden.json")));
// Match a year token in a header: 令和3年度, 平成28年度, R3年度, H28年度, R3, H28 (not inside longer ASCII words, not a
// month's date 「R2.3」).
const TOKEN =
  /(令和|平成|(?<![A-Za-z])R|(?<![A-Za-z])H)(元|\d{1,2})(年度|年)?(?![\d月])(?!年\d{1,2}月)(?![.．]\d)/g;
const greg = (era: string, n: string) =>
  (era === "令和" || era === "R" ? 2018 : 1988) + (n === "元" ? 1 : Number(n));
const eraName = (era: string) => (era === "令和" || era === "R" ? "令和" : "平成");
const eraLetter = (era: string) => (era === "令和" || era === "R" ? "R" : "H");
const styles: Record<string, (era: string, n: string) => string> = {
  long: (e, n) => `${eraName(e)}${n}年度`,
  short: (e, n) => `${eraLetter(e)}${n}年度`,
  bare: (e, n) => `${eraLetter(e)}${n}`,
  greg: (e, n) => `${greg(e, n)}年度`,
  both: (e, n) => `${eraName(e)}${n}(${greg(e, n)})年度`,
  gregfirst: (e, n) => `${greg(e, n)}(${eraLetter(e)}${n})年度`,
  padded: (e, n) => `${eraLetter(e)}${n === "元" ? "01" : n.padStart(2, "0")}`,
  fy: (e, n) => `FY${greg(e, n)}`,
  dotted: (e, n) => `${eraLetter(e)}.${n === "元" ? 1 : n}`,
  spaced: (e, n) => `${eraName(e)} ${n} 年度`,
  gregshort: (e, n) => `${greg(e, n)}`,
};
const tally: Tally = {};
for (const name of names)
  for (const [style, f] of Object.entries(styles)) {
    const v = { name: style, header: (c: string) => c.replace(TOKEN, (_m, e, n) => f(e, n)) };
    const o = await readVariant(path.join(root, name), v, form);
    if (!o) continue;
    count(tally, name, style, o);
  }
console.log(tally);
