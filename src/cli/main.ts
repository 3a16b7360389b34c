/**
 * The `sosei` command: dispatches to src/cli/commands/<name>.ts, each exporting `command`.
 * Errors become one line on stderr; no stack trace reaches a user (SOSEI_DEBUG=1 shows it).
 */
import { isSoseiError } from "../core/errors.ts";
import type { CliIo, Command } from "./command.ts";

/** Known commands, in the order `--help` lists them. Each lives in ./commands/<name>.ts. */
export const COMMAND_NAMES = [
  "parse-value",
  "import",
  "evaluate",
  "export",
  "backup",
  "restore",
  "report",
  "publish",
  "serve",
] as const;

const defaultIo: CliIo = {
  stdout: (t) => process.stdout.write(t),
  stderr: (t) => process.stderr.write(t),
};

async function loadCommand(name: string): Promise<Command | null> {
  if (!(COMMAND_NAMES as readonly string[]).includes(name)) return null;
  try {
    const mod = (await import(`./commands/${name}.ts`)) as { command: Command };
    return mod.command;
  } catch (e) {
    // A command whose module is not there yet (Node: ERR_MODULE_NOT_FOUND; vitest: its helper's message).
    const err = e as { code?: string; message?: string };
    if (err.code === "ERR_MODULE_NOT_FOUND" || err.message?.startsWith("Unknown variable dynamic import"))
      return null;
    throw e;
  }
}

async function printHelp(io: CliIo): Promise<void> {
  const lines = ["sosei — 総合戦略KPI評価 / KPI evaluation of a municipal strategy", "", "Commands:"];
  for (const name of COMMAND_NAMES) {
    const c = await loadCommand(name);
    if (c) lines.push(`  ${c.name.padEnd(12)} ${c.summary}`);
  }
  lines.push("", "Run `sosei <command> --help` for a command's options.");
  io.stdout(`${lines.join("\n")}\n`);
}

export async function main(argv: string[], io: CliIo = defaultIo): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === "--help" || name === "-h" || name === "help") {
    await printHelp(io);
    return name ? 0 : 2;
  }
  try {
    const command = await loadCommand(name);
    if (!command) {
      io.stderr(`sosei: unknown command '${name}' (see sosei --help)\n`);
      return 2;
    }
    if (rest.includes("--help") || rest.includes("-h")) {
      io.stdout(`${command.usage}\n`);
      return 0;
    }
    return await command.run(rest, io);
  } catch (e) {
    if (process.env.SOSEI_DEBUG) io.stderr(`${(e as Error).stack}\n`);
    if (isSoseiError(e)) {
      io.stderr(`sosei: ${e.message} [${e.code}]\n`);
      return e.code.startsWith("usage") || e.code.startsWith("invalid") ? 2 : 1;
    }
    io.stderr(`sosei: unexpected error: ${(e as Error).message ?? String(e)} [internal_error]\n`);
    return 1;
  }
}
