import { readFileSync } from "node:fs";
import { importSheet } from "/work/main/src/sheet/index.ts";
import { evaluateSheet } from "/work/main/src/core/evaluation/index.ts";
const b = readFileSync("/work/shared/seed/000_291d4d894f3c6cbd.txt");
let t = performance.now();
const r = await importSheet(b, "seed.txt");
console.log(performance.now() - t, r.ok, r.ok && r.sheet.kpis.length, r.ok && r.sheet.fiscalYear);
t = performance.now();
for (let i = 0; i < 20; i++) await importSheet(b, "seed.txt");
console.log((performance.now() - t) / 20);
if (r.ok) { t = performance.now(); for (let i = 0; i < 1000; i++) evaluateSheet(r.sheet); console.log("eval per kpi us", (performance.now() - t) * 1000 / (1000 * r.sheet.kpis.length)); }
