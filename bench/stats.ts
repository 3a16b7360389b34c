/** Small statistics and number formatting for the benchmarks (pure; tested in stats.test.ts). */

export function median(xs: readonly number[]): number {
  if (xs.length === 0) return Number.NaN;
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 === 1 ? (s[mid] as number) : ((s[mid - 1] as number) + (s[mid] as number)) / 2;
}

/** Nearest-rank percentile (p in 0..100). */
export function percentile(xs: readonly number[], p: number): number {
  if (xs.length === 0) return Number.NaN;
  const s = [...xs].sort((a, b) => a - b);
  const rank = Math.min(s.length, Math.max(1, Math.ceil((p / 100) * s.length)));
  return s[rank - 1] as number;
}

/** `1234567.8` → `1,234,568`; small numbers keep `digits` significant decimals. */
export function fmt(n: number, digits = 0): string {
  if (!Number.isFinite(n)) return "—";
  return n.toLocaleString("en-US", { minimumFractionDigits: digits, maximumFractionDigits: digits });
}

/** Milliseconds in a readable unit: `850 ms`, `12.3 s`, `4 min 05 s`. */
export function fmtMs(ms: number): string {
  if (!Number.isFinite(ms)) return "—";
  if (ms < 10) return `${fmt(ms, 2)} ms`;
  if (ms < 1000) return `${fmt(ms, 0)} ms`;
  if (ms < 120_000) return `${fmt(ms / 1000, 1)} s`;
  const s = Math.round(ms / 1000);
  return `${Math.floor(s / 60)} min ${String(s % 60).padStart(2, "0")} s`;
}

/** Bytes as MB (10^6) or GB. */
export function fmtBytes(b: number): string {
  if (!Number.isFinite(b)) return "—";
  if (b >= 1e9) return `${fmt(b / 1e9, 2)} GB`;
  if (b >= 1e6) return `${fmt(b / 1e6, 1)} MB`;
  return `${fmt(b / 1e3, 1)} kB`;
}

/** Runs `fn` `runs` times (after `warmup` unmeasured runs) and returns each run's milliseconds. */
export async function timeRuns(
  runs: number,
  fn: () => Promise<unknown> | unknown,
  warmup = 1,
): Promise<number[]> {
  for (let i = 0; i < warmup; i++) await fn();
  const out: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    await fn();
    out.push(performance.now() - t);
  }
  return out;
}
