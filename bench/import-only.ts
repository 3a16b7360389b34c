/**
 * Micro-bench of the importer alone: importSheet on the seed and on a generated 200-KPI sheet,
 * median of N runs after warm-up. Quicker than `npm run bench` when working on src/sheet.
 *
 *   npx tsx bench/import-only.ts [--runs 7] [--reps 20] [--impl path/to/sheet/index.ts] [--only seed|generated] [--profile]
 *
 * Each run imports each input `reps` times; the figure is ms per import. `--impl` measures another
 * copy of the importer (before/after under the same machine load). `--profile` adds one more pass
 * under the CPU profiler and prints the functions with the most self time.
 */
import { existsSync, readFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { generateSheet, renderMarkdownSheet } from "./generate.ts";
import { profile } from "./profile.ts";
import { median } from "./stats.ts";

const { values } = parseArgs({
  options: {
    runs: { type: "string", default: "7" },
    reps: { type: "string", default: "20" },
    impl: { type: "string" },
    profile: { type: "boolean", default: false },
    only: { type: "string" },
  },
});
const runs = Number(values.runs);
const reps = Number(values.reps);
const implPath = values.impl ? path.resolve(values.impl) : "../src/sheet/index.ts";
const { importSheet } = (await import(implPath)) as {
  importSheet: (bytes: Uint8Array, fileName: string) => Promise<{ ok: boolean }>;
};

const root = path.resolve(import.meta.dirname, "..");
const seedFile = path.resolve(root, "../shared/seed/000_291d4d894f3c6cbd.txt");
const inputs: { label: string; fileName: string; bytes: Uint8Array }[] = [];
if (existsSync(seedFile))
  inputs.push({ label: "seed", fileName: path.basename(seedFile), bytes: readFileSync(seedFile) });
const generated = generateSheet(1, {
  municipality: "ベンチ市",
  fiscalYear: 2024,
  finalYear: 2027,
  kpiCount: 200,
});
inputs.push({
  label: "generated 200 KPIs",
  fileName: "generated.md",
  bytes: new TextEncoder().encode(renderMarkdownSheet(generated, 1, 2027)),
});

if (values.only) inputs.splice(0, inputs.length, ...inputs.filter((i) => i.label.startsWith(values.only!)));

async function once(input: (typeof inputs)[number]): Promise<void> {
  const out = await importSheet(input.bytes, input.fileName);
  if (!out.ok) throw new Error(`the importer refused ${input.label}`);
}

for (const input of inputs) {
  for (let i = 0; i < 40; i++) await once(input); // warm-up: measure optimised code
  const perImport: number[] = [];
  const cpu: number[] = [];
  for (let r = 0; r < runs; r++) {
    const t = performance.now();
    const c = process.cpuUsage();
    for (let i = 0; i < reps; i++) await once(input);
    const used = process.cpuUsage(c);
    perImport.push((performance.now() - t) / reps);
    cpu.push((used.user + used.system) / 1000 / reps);
  }
  console.log(
    [
      `${input.label} (${(input.bytes.length / 1000).toFixed(1)} kB)`,
      `median ${median(perImport).toFixed(2)} ms/import`,
      `runs ${perImport.map((m) => m.toFixed(1)).join(", ")}`,
      `median CPU ${median(cpu).toFixed(2)} ms`,
      `load ${os
        .loadavg()
        .map((l) => l.toFixed(2))
        .join(" ")}`,
    ].join(" | "),
  );
}

if (values.profile) {
  const top = await profile(
    async () => {
      for (let i = 0; i < 30; i++) for (const input of inputs) await once(input);
    },
    root,
    25,
  );
  console.log(top.join("\n"));
}
