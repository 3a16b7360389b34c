/**
 * One process per PGlite data directory: `<dir>/sosei.lock`, created atomically (`wx`) with the
 * holder's pid, host, start time and the kernel's start time of its process (/proc/PID/stat field
 * 22). A lock left by a process that no longer exists on this host is stale: it is removed and the
 * caller is told (`staleCleared`). So is one whose pid now belongs to a different process (a
 * container's PID 1 restarted after a crash gets the same pid): its kernel start time differs.
 * A holder that shares its database (`sosei serve`, share-socket.ts) records where in `share`.
 */
import { closeSync, openSync, readFileSync, renameSync, statSync, unlinkSync, writeSync } from "node:fs";
import { hostname } from "node:os";
import path from "node:path";
import { SoseiError } from "../core/errors.ts";

export const LOCK_FILE = "sosei.lock";

/** Where a holder serves its database to other processes: a unix socket directory or 127.0.0.1. */
export interface ShareAddress {
  host: string;
  port: number;
}

export interface LockInfo {
  pid: number;
  hostname: string;
  startedAt: string;
  /** /proc/PID/stat field 22 (start time in clock ticks since boot); absent where there is no /proc. */
  procStart?: string | undefined;
  share?: ShareAddress | undefined;
}

export interface DataDirLock {
  readonly path: string;
  /** The stale lock that was removed to take this one, if any. */
  readonly staleCleared: LockInfo | null;
  /** Records (or clears) where this holder shares its database. */
  setShare(share: ShareAddress | null): void;
  release(): void;
}

export function readLock(file: string): LockInfo | null {
  try {
    const parsed = JSON.parse(readFileSync(file, "utf8")) as Partial<LockInfo>;
    if (typeof parsed.pid !== "number" || typeof parsed.hostname !== "string") return null;
    const share =
      parsed.share && typeof parsed.share.host === "string" && Number.isInteger(parsed.share.port)
        ? { host: parsed.share.host, port: parsed.share.port }
        : undefined;
    return {
      pid: parsed.pid,
      hostname: parsed.hostname,
      startedAt: String(parsed.startedAt ?? ""),
      ...(typeof parsed.procStart === "string" ? { procStart: parsed.procStart } : {}),
      ...(share ? { share } : {}),
    };
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

/**
 * The kernel's start time of a process (/proc/PID/stat field 22), or undefined without /proc. The
 * command name (field 2) may contain spaces and parentheses, so fields are counted after the last ")".
 */
export function processStartTime(pid: number): string | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    return fields[19]; // field 22 overall: fields 3.. start at index 0
  } catch {
    return undefined;
  }
}

/** Whether the process that wrote `holder` on this host is still the one running under its pid. */
export function holderIsAlive(holder: LockInfo): boolean {
  if (holder.pid === process.pid)
    return holder.procStart === undefined || holder.procStart === processStartTime(process.pid);
  if (!isAlive(holder.pid)) return false;
  if (holder.procStart === undefined) return true;
  const now = processStartTime(holder.pid);
  return now === undefined || now === holder.procStart;
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
  const procStart = processStartTime(process.pid);
  const me: LockInfo = {
    pid: process.pid,
    hostname: hostname(),
    startedAt: new Date().toISOString(),
    ...(procStart ? { procStart } : {}),
  };
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
        stale = holder.hostname === me.hostname && !holderIsAlive(holder);
      } else {
        try {
          stale = Date.now() - statSync(file).mtimeMs > UNREADABLE_GRACE_MS;
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
  // Rewritten whole through a temporary file, so a reader never sees half a lock.
  const setShare = (share: ShareAddress | null) => {
    if (released) return;
    const { share: _old, ...rest } = me;
    const next: LockInfo = share ? { ...rest, share } : rest;
    const tmp = `${file}.${process.pid}.tmp`;
    const fd = openSync(tmp, "w");
    try {
      writeSync(fd, `${JSON.stringify(next)}\n`);
    } finally {
      closeSync(fd);
    }
    renameSync(tmp, file);
  };
  process.on("exit", release);
  for (const s of SIGNALS) process.on(s, onSignal);
  return { path: file, staleCleared, setShare, release };
}
