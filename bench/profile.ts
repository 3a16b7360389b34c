/**
 * A CPU profile of a piece of work in this process (the same data as `node --cpu-prof`), reduced to
 * the functions with the most self time — printed in RESULTS.md beside a missed target.
 */
import { Session } from "node:inspector/promises";
import path from "node:path";

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  hitCount?: number;
}

interface CpuProfile {
  nodes: ProfileNode[];
  startTime: number;
  endTime: number;
  samples?: number[];
}

/** Self time per function, largest first, as text lines: `  41.2%  parseValue  src/core/value/parse-value.ts:88`. */
export function topFunctions(profile: CpuProfile, root: string, limit = 12): string[] {
  const total = profile.nodes.reduce((s, n) => s + (n.hitCount ?? 0), 0) || 1;
  const byFn = new Map<string, number>();
  for (const n of profile.nodes) {
    const f = n.callFrame;
    const file = f.url.startsWith("file://") ? path.relative(root, new URL(f.url).pathname) : f.url;
    const key = `${f.functionName || "(anonymous)"}  ${file ? `${file}:${f.lineNumber + 1}` : ""}`.trimEnd();
    byFn.set(key, (byFn.get(key) ?? 0) + (n.hitCount ?? 0));
  }
  return [...byFn.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, limit)
    .map(([k, hits]) => `${((100 * hits) / total).toFixed(1).padStart(5)}%  ${k}`);
}

/** Profiles `fn` and returns the top functions by self time. */
export async function profile(fn: () => Promise<unknown>, root: string, limit = 12): Promise<string[]> {
  const session = new Session();
  session.connect();
  try {
    await session.post("Profiler.enable");
    await session.post("Profiler.setSamplingInterval", { interval: 200 });
    await session.post("Profiler.start");
    await fn();
    const { profile: p } = (await session.post("Profiler.stop")) as { profile: CpuProfile };
    return ["self time  function  location", ...topFunctions(p, root, limit)];
  } finally {
    session.disconnect();
  }
}
