/**
 * One process per PGlite data directory: `<dir>/sosei.lock`, created atomically (`wx`) with the
 * holder's pid, host and start time. A lock left by a process that no longer exists on this host is
 * stale: it is removed and the caller is told (`staleCleared`).
 */
import { closeSync, openSync, readFileSync, statSync, unlinkSync, writeSync } from "node:fs";
import { hostname } from "node:os";
import path from "node:path";
import { systemClock } from "../core/clock.ts";
import { SoseiError } from "../core/errors.ts";

export const LOCK_FILE = "sosei.lock";

export interface LockInfo {
  pid: number;
  hostname: string;
  startedAt: string;
}

export interface DataDirLock {
  readonly path: string;
  /** The stale lock that was removed to take this one, if any. */
  readonly staleCleared: LockInfo | null;
  release(): void;
}

function readLock(file: string): LockInfo | null {
  try {
    const parsed = JSON.parse(readFileSync(file, "utf8")) as Partial<LockInfo>;
    if (typeof parsed.pid !== "number" || typeof parsed.hostname !== "string") return null;
    return { pid: parsed.pid, hostname: parsed.hostname, startedAt: String(parsed.startedAt ?? "") };
  } catch {
    return null;
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    // EPERM: it exists but belongs to someone else.
    return (e as NodeJS.ErrnoException).code !== "ESRCH";
  }
}

/** A lock file that cannot be read and is older than this is the remains of a crash mid-write. */
const UNREADABLE_GRACE_MS = 10_000;

function lockedError(dir: string, holder: LockInfo | null): SoseiError {
  const who = holder ? `pid ${holder.pid} (${holder.hostname}, ${holder.startedAt})` : "another process";
  const whoJa = holder
    ? `プロセス ${holder.pid}（${holder.hostname}、${holder.startedAt} 開始）`
    : "別のプロセス";
  return new SoseiError(
    "data_dir_locked",
    `データディレクトリ ${dir} は${whoJa}が使用中です。終了してから再実行してください / ` +
      `data directory ${dir} is in use by ${who}; stop it first (lock file ${path.join(dir, LOCK_FILE)})`,
    { dir, holder },
  );
}

const SIGNALS = ["SIGINT", "SIGTERM"] as const;
const SIGNAL_EXIT: Record<(typeof SIGNALS)[number], number> = { SIGINT: 130, SIGTERM: 143 };

/** Takes the lock on `dir` (which must exist) or throws SoseiError('data_dir_locked'). */
export function acquireLock(dir: string): DataDirLock {
  const file = path.join(dir, LOCK_FILE);
  const me: LockInfo = { pid: process.pid, hostname: hostname(), startedAt: new Date().toISOString() };
  let staleCleared: LockInfo | null = null;
  for (let attempt = 0; ; attempt++) {
    try {
      const fd = openSync(file, "wx");
      try {
        writeSync(fd, `${JSON.stringify(me)}\n`);
      } finally {
        closeSync(fd);
      }
      break;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== "EEXIST" || attempt >= 2) {
        if ((e as NodeJS.ErrnoException).code === "EEXIST") throw lockedError(dir, readLock(file));
        throw e;
      }
      const holder = readLock(file);
      let stale = false;
      if (holder) {
        stale = holder.hostname === me.hostname && holder.pid !== process.pid && !isAlive(holder.pid);
      } else {
        try {
          stale = systemClock.now().getTime() - statSync(file).mtimeMs > UNREADABLE_GRACE_MS;
        } catch {
          continue; // vanished meanwhile: try again
        }
      }
      if (!stale) throw lockedError(dir, holder);
      // Remove only the file we judged stale: if someone replaced it meanwhile, leave theirs.
      const again = readLock(file);
      if (JSON.stringify(again) !== JSON.stringify(holder)) continue;
      try {
        unlinkSync(file);
      } catch {
        // someone else cleared it first
      }
      staleCleared = holder ?? { pid: 0, hostname: "?", startedAt: "?" };
    }
  }

  let released = false;
  const release = () => {
    if (released) return;
    released = true;
    process.off("exit", release);
    for (const s of SIGNALS) process.off(s, onSignal);
    const current = readLock(file);
    if (current && current.pid === me.pid && current.startedAt === me.startedAt) {
      try {
        unlinkSync(file);
      } catch {
        // already gone
      }
    }
  };
  const onSignal = (signal: NodeJS.Signals) => {
    release();
    // Exit as the signal would have, unless someone else (e.g. a server's graceful shutdown) listens.
    if (process.listenerCount(signal) === 0) process.exit(SIGNAL_EXIT[signal as (typeof SIGNALS)[number]]);
  };
  process.on("exit", release);
  for (const s of SIGNALS) process.on(s, onSignal);
  return { path: file, staleCleared, release };
}
