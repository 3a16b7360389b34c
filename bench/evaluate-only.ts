/**
 * Micro-bench of the evaluation engine alone: evaluateSheet over a slice of the national data set
 * (generated first, not timed), median of N passes. Quicker than `npm run bench` when working on
 * src/core/evaluation.
 *
 *   npx tsx bench/evaluate-only.ts [--cities 400] [--runs 3] [--impl path/to/evaluation/index.ts] [--profile]
 *
 * `--impl` evaluates with another copy of the engine (e.g. a saved copy of the old one), so that
 * before and after can be measured back to back under the same machine load. `--profile` adds one
 * more pass under the CPU profiler and prints the functions with the most self time.
 */
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import type { SheetEvaluation } from "../src/core/evaluation/types.ts";
import type { Sheet } from "../src/core/sheet.ts";
import { citySheets, NATIONAL } from "./national.ts";
import { profile } from "./profile.ts";
import { median } from "./stats.ts";

const { values } = parseArgs({
  options: {
    cities: { type: "string", default: "400" },
    runs: { type: "string", default: "3" },
    impl: { type: "string" },
    profile: { type: "boolean", default: false },
  },
});
const cities = Number(values.cities);
const runs = Number(values.runs);
const implPath = values.impl ? path.resolve(values.impl) : "../src/core/evaluation/index.ts";
const { evaluateSheet } = (await import(implPath)) as { evaluateSheet: (s: Sheet) => SheetEvaluation };

const sheets: Sheet[] = [];
for (let c = 0; c < cities; c++) sheets.push(...citySheets(c, NATIONAL));
const kpiYears = sheets.reduce((n, s) => n + s.kpis.length, 0);

// One untimed pass so that every run measures optimised code.
let sink = 0;
for (const s of sheets) sink += evaluateSheet(s).summary.all.total;

// Wall time is what the bench reports; CPU time (this process, all threads) moves less with the
// load of a shared machine, so it is printed beside it for comparing before and after.
const runsMs: number[] = [];
const cpuMs: number[] = [];
for (let r = 0; r < runs; r++) {
  const t = performance.now();
  const c = process.cpuUsage();
  for (const s of sheets) sink += evaluateSheet(s).summary.all.total;
  const used = process.cpuUsage(c);
  runsMs.push(performance.now() - t);
  cpuMs.push((used.user + used.system) / 1000);
}
if (sink !== kpiYears * (runs + 1)) throw new Error("evaluation lost KPIs");

const med = median(runsMs);
console.log(
  [
    `impl ${values.impl ?? "src/core/evaluation"}`,
    `${kpiYears.toLocaleString("en-US")} KPI-years`,
    `median ${med.toFixed(0)} ms`,
    `${Math.round(kpiYears / (med / 1000)).toLocaleString("en-US")} KPI-years/s`,
    `runs ${runsMs.map((m) => m.toFixed(0)).join(", ")} ms`,
    `median CPU ${median(cpuMs).toFixed(0)} ms`,
    `load ${os
      .loadavg()
      .map((l) => l.toFixed(2))
      .join(" ")}`,
  ].join(" | "),
);

if (values.profile) {
  const root = path.resolve(import.meta.dirname, "..");
  const top = await profile(async () => {
    for (const s of sheets) sink += evaluateSheet(s).summary.all.total;
  }, root);
  console.log(top.join("\n"));
}
