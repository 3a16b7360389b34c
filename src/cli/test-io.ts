/** Test support: a CliIo that keeps what a command printed, paths into the repository, and held data directories. */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, onTestFinished } from "vitest";
import type { CliIo } from "./command.ts";

export type CapturedIo = CliIo & { out: string; err: string };

export function capture(): CapturedIo {
  const io: CapturedIo = {
    out: "",
    err: "",
    stdout: (t) => {
      io.out += t;
    },
    stderr: (t) => {
      io.err += t;
    },
  };
  return io;
}

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
export const fixturePath = (...parts: string[]) => path.join(repoRoot, "fixtures", ...parts);

/**
 * Opens the PGlite data directory `dir` once for a test file and shares it, as `sosei serve` does
 * (store/share-socket.ts): each `main([... "--data-dir", dir])` then connects through its socket, the
 * path the CLI takes beside a running server, instead of starting PGlite again (~1.5 s CPU per call,
 * measured). Close it in afterAll. Tests about opening the directory itself do not use this.
 */
export async function holdDataDir(dir: string): Promise<HeldDataDir> {
  // Loaded here, so the tests that never open a database do not load the composition root.
  const { createServices } = await import("../server/services.ts");
  return createServices({ dataDir: dir, share: true });
}

export interface HeldDataDir {
  close(): Promise<void>;
}

/**
 * A data directory `dataDir` (inside a new temporary folder `root`, for a test's other files) held
 * with holdDataDir for the enclosing file or describe block: held in beforeAll, closed and removed
 * in afterAll. Call it before the block's own beforeAll, which then finds the directory held.
 */
export function heldDataDirForBlock(prefix: string): { root: string; dataDir: string } {
  const root = mkdtempSync(path.join(tmpdir(), prefix));
  const dataDir = path.join(root, "data");
  let held: HeldDataDir | undefined;
  beforeAll(async () => {
    held = await holdDataDir(dataDir);
  });
  afterAll(async () => {
    await held?.close();
    rmSync(root, { recursive: true, force: true });
  });
  return { root, dataDir };
}

/** `dataDir` held with holdDataDir until the running test finishes (its set-up and commands share it). */
export async function holdDataDirForTest(dataDir: string): Promise<string> {
  const held = await holdDataDir(dataDir);
  onTestFinished(() => held.close());
  return dataDir;
}
