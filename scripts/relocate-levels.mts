// Every layout's plan levels printed where other offices print them, read and told apart: right, refused, or WRONG
// with exit 0. The levels' meaning is unchanged, so the golden is too:
//   to-lines:<form>  the broadest level column taken out of the table and printed as a heading line above each of its
//                    groups (the table cut there, its header printed again), in the forms offices print such lines —
//                    「基本目標1 …」, 「基本目標1:…」, 「【基本目標1】…」, 「<基本目標1> …」, 「■基本目標1　…」;
//   to-rows:<form>   the same heading as a row inside the one table, its text in the first cell, the rest empty;
//   to-column        heading lines above the tables (a level the golden names) printed as a level column instead, the
//                    tables under them joined when their headers are the same.
// The held-out first readings most often wrote a level wrong with exit 0 (a heading line unread, a level column read
// as another field): this asks every layout the same question.
//   [DUMP=dir] [WORD=w] npx tsx scripts/relocate-levels.mts [--form clean|extracted|xlsx|csv] [name …]
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { readVariant, rewrite, type Variant } from "../src/sheet/test-office-variants.ts";
import { batteryArgs, count, LAYOUTS, type Tally } from "./battery-tally.mts";
import {
  type HeadingForm,
  headingLinesToColumn,
  levelColumnToHeadings,
} from "./relocate-levels-rewrites.mts";

const { form, names } = batteryArgs();
// (A plan's 章 and 節 are counted 「第1章」, every other level 「基本目標1」. WORD=…: every heading in a word of the
// city's own instead, which no rule knows — the level then the place's and the number's to say.)
const WORD = process.env.WORD;
const named = (w: string, n: number) =>
  (WORD ?? w).length === 1 ? `第${n}${WORD ?? w}` : `${WORD ?? w}${n}`;
const FORMS: Record<string, HeadingForm> = {
  plain: (w, n, t) => `${named(w, n)} ${t}`,
  colon: (w, n, t) => `${named(w, n)}：${t}`,
  lenticular: (w, n, t) => `【${named(w, n)}】${t}`,
  angle: (w, n, t) => `<${named(w, n)}> ${t}`,
  square: (w, n, t) => `■${named(w, n)}　${t}`,
};
const tally: Tally = {};
for (const name of names) {
  const dir = path.join(LAYOUTS, name);
  const source = readFileSync(path.join(dir, "source.md"), "utf8");
  if (source.includes("<!--cards-->")) continue;
  const golden = JSON.parse(readFileSync(path.join(dir, "golden.json"), "utf8"));
  const variants: Variant[] = [];
  for (const [f, heading] of Object.entries(FORMS))
    for (const place of ["lines", "rows"] as const)
      variants.push({
        name: `to-${place}:${f}`,
        cardsToo: false,
        lines: (lines) => levelColumnToHeadings(lines, golden, heading, place),
      });
  variants.push({
    name: "to-column",
    cardsToo: false,
    lines: (lines) => headingLinesToColumn(lines, golden),
  });
  for (const v of variants) {
    if (process.env.DUMP)
      writeFileSync(path.join(process.env.DUMP, `${name}.${v.name}.md`), rewrite(source, v));
    const o = await readVariant(dir, v, form);
    if (!o) continue;
    count(tally, name, v.name, o);
  }
}
console.log(tally);
