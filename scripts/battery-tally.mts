// The batteries' one way to read their arguments, and to count and print what each rewritten layout read as (scripts/renumber-levels.mts,
// rewrite-header-years.mts, rewrite-legends.mts): a tally per style, and a line for each refused or WRONG reading.
import { existsSync, readdirSync } from "node:fs";
import path from "node:path";
import type { VariantForm, VariantOutcome } from "../src/sheet/test-office-variants.ts";

/** The layout fixtures' folder. */
export const LAYOUTS = path.resolve(import.meta.dirname, "../fixtures/layouts");

/** `[--form clean|extracted|xlsx|csv] [name …]`: the form to read in and the layouts (every one with a golden). */
export function batteryArgs(argv: string[] = process.argv.slice(2)): { form: VariantForm; names: string[] } {
  const args = [...argv];
  const formAt = args.indexOf("--form");
  const form = (formAt >= 0 ? args.splice(formAt, 2)[1] : "clean") as VariantForm;
  const names = args.length
    ? args
    : readdirSync(LAYOUTS).filter((n) => existsSync(path.join(LAYOUTS, n, "golden.json")));
  return { form, names };
}

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
