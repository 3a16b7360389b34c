/** Evaluate: evaluateSheet over the national data set, generated city by city (generation not timed). */
import { evaluateSheet } from "../src/core/evaluation/index.ts";
import type { Sheet } from "../src/core/sheet.ts";
import { citySheets, type NationalScale } from "./national.ts";

export interface EvaluateFigure {
  kpiYears: number;
  /** Milliseconds of each full pass over the data set. */
  runsMs: number[];
}

export function measureEvaluate(scale: NationalScale, runs: number, chunkCities = 100): EvaluateFigure {
  const runsMs = Array.from({ length: runs }, () => 0);
  let kpiYears = 0;
  let sink = 0;
  for (let c0 = 0; c0 < scale.municipalities; c0 += chunkCities) {
    const chunk: Sheet[] = [];
    for (let c = c0; c < Math.min(scale.municipalities, c0 + chunkCities); c++)
      chunk.push(...citySheets(c, scale));
    for (const s of chunk) kpiYears += s.kpis.length;
    for (let r = 0; r < runs; r++) {
      const t = performance.now();
      for (const s of chunk) sink += evaluateSheet(s).summary.all.total;
      runsMs[r] = (runsMs[r] ?? 0) + performance.now() - t;
    }
  }
  if (sink !== kpiYears * runs) throw new Error("evaluation lost KPIs");
  return { kpiYears, runsMs };
}
