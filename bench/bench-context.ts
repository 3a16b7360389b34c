import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { NATIONAL, type NationalScale } from "./national.ts";
import type { Section, Target } from "./results.ts";
import { fmtMs } from "./stats.ts";

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
export const seedDir = path.resolve(repoRoot, "../shared/seed");
export const PG_ADMIN_URL = process.env.SOSEI_BENCH_PG_URL ?? "postgres://postgres@127.0.0.1:5432/test";

const args = process.argv.slice(2);
export const quick = args.includes("--quick");
const outArg = args[args.indexOf("--out") + 1];
export const outFile =
  args.includes("--out") && outArg
    ? path.resolve(outArg)
    : path.join(repoRoot, quick ? "bench/out/RESULTS.quick.md" : "bench/RESULTS.md");

export const cfg = quick
  ? {
      scale: { ...NATIONAL, municipalities: 40 },
      runs: 3,
      minMs: 150,
      apiSeconds: 2,
      pageLoads: 3,
      sample: { runs: 3, sheetsPerRun: 1 },
    }
  : {
      scale: NATIONAL,
      runs: 3,
      minMs: 400,
      apiSeconds: 5,
      pageLoads: 5,
      sample: { runs: 3, sheetsPerRun: 2 },
    };
export const RATE = 200;
export const scale: NationalScale = cfg.scale;
export const lastYear = scale.firstYear + scale.years - 1;
export const started = performance.now();
export const log = (line: string) =>
  process.stdout.write(`[${fmtMs(performance.now() - started).padStart(9)}] ${line}\n`);
export const load0 = os.loadavg();

export const targets: Target[] = [];
export const sections: Section[] = [];
