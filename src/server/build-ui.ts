/**
 * Builds the UI (web/ → web/dist) with Vite's JS API when the build is missing or older than any
 * source it is made from (web/**, src/core/**, vite.config.ts). `sosei serve` calls this on start.
 */
import { existsSync, mkdirSync, readdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { systemClock } from "../core/clock.ts";

const STAMP = ".build-stamp";

function newestMtime(dir: string, skip: (p: string) => boolean): number {
  let newest = 0;
  if (!existsSync(dir)) return 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name);
    if (skip(p)) continue;
    if (entry.isDirectory()) newest = Math.max(newest, newestMtime(p, skip));
    else newest = Math.max(newest, statSync(p).mtimeMs);
  }
  return newest;
}

export function uiIsStale(repoRoot: string): boolean {
  const dist = path.join(repoRoot, "web/dist");
  const stamp = path.join(dist, STAMP);
  if (!existsSync(stamp) || !existsSync(path.join(dist, "index.html"))) return true;
  const skip = (p: string) => p.startsWith(dist) || p.includes("node_modules") || /\.test\.tsx?$/.test(p);
  const sources = Math.max(
    newestMtime(path.join(repoRoot, "web"), skip),
    newestMtime(path.join(repoRoot, "src/core"), skip),
    existsSync(path.join(repoRoot, "vite.config.ts"))
      ? statSync(path.join(repoRoot, "vite.config.ts")).mtimeMs
      : 0,
  );
  return sources > statSync(stamp).mtimeMs;
}

/**
 * Two processes starting at once (e.g. two browser-test files) must not build into web/dist together:
 * a directory created with mkdir is the lock; one left by a crashed build is ignored after 3 minutes.
 */
async function withBuildLock<T>(repoRoot: string, fn: () => Promise<T>): Promise<T> {
  const lock = path.join(repoRoot, "web/.build-lock");
  for (;;) {
    try {
      mkdirSync(lock);
      break;
    } catch {
      const age = existsSync(lock) ? systemClock.now().getTime() - statSync(lock).mtimeMs : 0;
      if (age > 180_000) rmSync(lock, { recursive: true, force: true });
      else await new Promise((r) => setTimeout(r, 300));
    }
  }
  try {
    return await fn();
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}

/** Returns true when it built. */
export async function buildUiIfStale(repoRoot: string, log: (line: string) => void): Promise<boolean> {
  if (!uiIsStale(repoRoot)) return false;
  return withBuildLock(repoRoot, async () => {
    if (!uiIsStale(repoRoot)) return false; // built by the one that held the lock
    log("画面を構築しています（初回のみ数十秒）… / building the UI…");
    const { build } = await import("vite");
    await build({ configFile: path.join(repoRoot, "vite.config.ts"), logLevel: "warn" });
    writeFileSync(path.join(repoRoot, "web/dist", STAMP), new Date().toISOString());
    return true;
  });
}
