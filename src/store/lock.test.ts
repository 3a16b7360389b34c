/** The data-directory lock, with real processes: a second one is refused; a dead one's lock is stale; SIGTERM releases it. */
import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, rmSync, utimesSync, writeFileSync } from "node:fs";
import { hostname, tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { openDatabase } from "./db.ts";
import { acquireLock, LOCK_FILE, processStartTime, readLock } from "./lock.ts";
import { childScriptForBlock } from "./test-child.ts";

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const holderScript = childScriptForBlock("src/store/hold-data-dir.ts");
const dirs: string[] = [];
const tempDir = () => {
  const d = mkdtempSync(path.join(tmpdir(), "sosei-lock-"));
  dirs.push(d);
  return d;
};
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

function holdDataDir(dir: string): Promise<{ child: ChildProcess; pid: number }> {
  const child = spawn(process.execPath, [holderScript(), dir], {
    cwd: repoRoot,
    stdio: ["ignore", "pipe", "pipe"],
  });
  return new Promise((resolve, reject) => {
    let out = "";
    let err = "";
    child.stdout!.on("data", (b: Buffer) => {
      out += b.toString();
      const m = /READY (\d+)/.exec(out);
      if (m) resolve({ child, pid: Number(m[1]) });
    });
    child.stderr!.on("data", (b: Buffer) => {
      err += b.toString();
    });
    child.on("exit", (code) => reject(new Error(`holder exited ${code}: ${err}`)));
  });
}

function runSosei(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const child = spawn(process.execPath, [path.join(repoRoot, "bin/sosei.js"), ...args], {
    cwd: repoRoot,
    env: { ...process.env, DATABASE_URL: "" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let stdout = "";
  let stderr = "";
  child.stdout.on("data", (b: Buffer) => {
    stdout += b.toString();
  });
  child.stderr.on("data", (b: Buffer) => {
    stderr += b.toString();
  });
  return new Promise((resolve) => child.on("close", (code) => resolve({ code, stdout, stderr })));
}

const exited = (child: ChildProcess) => new Promise((r) => child.once("exit", r));

/** The pid of a process that has exited (a lock it left behind would be stale). */
async function deadPid(): Promise<number> {
  const child = spawn(process.execPath, ["-e", ""], { stdio: "ignore" });
  await exited(child);
  return child.pid!;
}

describe("data directory lock", () => {
  it("refuses a second process with a clear message; a dead holder's lock is cleared next time", async () => {
    const dir = tempDir();
    // This process holds the directory (the lock openDatabase takes; a whole PGlite open adds
    // nothing here); the command is the second process.
    const held = acquireLock(dir);
    try {
      const second = await runSosei(["export", "--year", "2022", "--data-dir", dir]);
      expect(second.code).toBe(1);
      expect(second.stderr.trim().split("\n")).toHaveLength(1);
      expect(second.stderr).toContain("[data_dir_locked]");
      expect(second.stderr).toContain(`pid ${process.pid}`);
      expect(second.stderr).toContain("使用中");
      expect(second.stderr).toContain(dir);
    } finally {
      held.release();
    }
    // A lock left by a process that died without releasing it (crash.hardening.test.ts kills a real
    // holder mid-save): the next command clears it and says so.
    const dead = await deadPid();
    writeFileSync(
      path.join(dir, LOCK_FILE),
      JSON.stringify({ pid: dead, hostname: hostname(), startedAt: new Date().toISOString() }),
    );
    const third = await runSosei(["export", "--year", "2022", "--data-dir", dir]);
    expect(third.stderr).toContain(`cleared a stale lock left by pid ${dead}`);
    expect(third.stderr).toContain("[not_found]");
    // …and released its own lock when it ended: nothing is left for the next open to clear.
    expect(readLock(path.join(dir, LOCK_FILE))).toBeNull();
  });

  it("releases the lock on close and on SIGTERM", async () => {
    const dir = tempDir();
    const a = await openDatabase({ dataDir: dir });
    await expect(openDatabase({ dataDir: dir })).rejects.toMatchObject({ code: "data_dir_locked" });
    await a.close();
    expect(readLock(path.join(dir, LOCK_FILE))).toBeNull();
    const holder = await holdDataDir(dir);
    const gone = exited(holder.child);
    holder.child.kill("SIGTERM");
    await gone;
    // Nothing stale for the next holder to clear.
    const c = acquireLock(dir);
    expect(c.staleCleared).toBeNull();
    c.release();
  });

  it("treats another host's lock as held and an old unreadable lock file as stale", () => {
    const dir = tempDir();
    const file = path.join(dir, LOCK_FILE);
    writeFileSync(file, JSON.stringify({ pid: 999999, hostname: "other-host", startedAt: "x" }));
    expect(() => acquireLock(dir)).toThrow(/other-host/);
    writeFileSync(file, "");
    expect(() => acquireLock(dir)).toThrow(/in use/);
    utimesSync(file, new Date(Date.now() - 60_000), new Date(Date.now() - 60_000));
    const lock = acquireLock(dir);
    expect(lock.staleCleared).not.toBeNull();
    lock.release();
  });

  it("a lock whose pid was reused by another process (a restarted container's PID 1) is stale; a live one is respected", () => {
    const dir = tempDir();
    const file = path.join(dir, LOCK_FILE);
    const mine = processStartTime(process.pid);
    expect(mine).toMatch(/^\d+$/);
    // Our own pid, but started at another time: the lock is a previous incarnation's.
    writeFileSync(
      file,
      JSON.stringify({ pid: process.pid, hostname: hostname(), startedAt: "x", procStart: "1" }),
    );
    const lock = acquireLock(dir);
    expect(lock.staleCleared).toMatchObject({ pid: process.pid, procStart: "1" });
    expect(readLock(file)?.procStart).toBe(mine);
    lock.release();
    // The parent process is alive and its start time matches: held.
    const ppid = process.ppid;
    writeFileSync(
      file,
      JSON.stringify({ pid: ppid, hostname: hostname(), startedAt: "x", procStart: processStartTime(ppid) }),
    );
    expect(() => acquireLock(dir)).toThrow(/in use/);
    // The same live pid with another start time: reused, stale.
    writeFileSync(file, JSON.stringify({ pid: ppid, hostname: hostname(), startedAt: "x", procStart: "7" }));
    const again = acquireLock(dir);
    expect(again.staleCleared?.pid).toBe(ppid);
    again.release();
  });

  it("the CLI works on a directory a sharing process holds (as beside `sosei serve`), through its socket", async () => {
    const dir = tempDir();
    // This process shares the directory as `sosei serve` does; the commands are other processes.
    const holder = await openDatabase({ dataDir: dir, share: true });
    try {
      expect(readLock(path.join(dir, LOCK_FILE))?.share).toBeTruthy();
      const add = await runSosei(["users", "add", "beside", "--role", "admin", "--data-dir", dir]);
      expect(add.stderr).toBe("");
      expect(add.code).toBe(0);
      const list = await runSosei(["users", "list", "--data-dir", dir]);
      expect(list.stdout).toContain("beside");
    } finally {
      await holder.close();
    }
    // Closed cleanly: the lock is gone and the data is there.
    expect(readLock(path.join(dir, LOCK_FILE))).toBeNull();
    const db = await openDatabase({ dataDir: dir });
    expect(db.staleLockCleared).toBeNull();
    await db.close();
  });
});
