// The batteries' one way to count and print what each rewritten layout read as (scripts/renumber-levels.mts,
// rewrite-header-years.mts, rewrite-legends.mts): a tally per style, and a line for each refused or WRONG reading.
import type { VariantOutcome } from "../src/sheet/test-office-variants.ts";

export type Tally = Record<string, { right: number; refused: number; wrong: number }>;

export function count(tally: Tally, layout: string, style: string, o: VariantOutcome): void {
  const t = tally[style] ?? { right: 0, refused: 0, wrong: 0 };
  t[o.kind]++;
  tally[style] = t;
  if (o.kind === "wrong")
    console.log(
      `WRONG ${layout} ${style}: ${o.right}/${o.all} ${o.wrong
        .slice(0, 2)
        .map((w) => `${w.kpi} ${w.field}: ${JSON.stringify(w.expected)} got ${JSON.stringify(w.actual)}`)
        .join(" ; ")
        .slice(0, 300)}`,
    );
  if (o.kind === "refused") console.log(`REFUSED ${layout} ${style}: ${o.message.slice(0, 150)}`);
}
