/** Test support: a CliIo that keeps what a command printed, and paths into the repository. */
import path from "node:path";
import { fileURLToPath } from "node:url";
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
