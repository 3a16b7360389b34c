/**
 * The `sosei` command: dispatches to src/cli/commands/<name>.ts, each exporting `command`.
 * Errors become one line on stderr; no stack trace reaches a user (SOSEI_DEBUG=1 shows it).
 */
import { exitCodeOf, isSoseiError } from "../core/errors.ts";
import type { CliIo, Command } from "./command.ts";

/** The commands, in the order `--help` lists them; each module is loaded only when it runs. */
const COMMANDS: Record<string, () => Promise<{ command: Command }>> = {
  "parse-value": () => import("./commands/parse-value.ts"),
  import: () => import("./commands/import.ts"),
  evaluate: () => import("./commands/evaluate.ts"),
  export: () => import("./commands/export.ts"),
  backup: () => import("./commands/backup.ts"),
  restore: () => import("./commands/restore.ts"),
  report: () => import("./commands/report.ts"),
  publish: () => import("./commands/publish.ts"),
  serve: () => import("./commands/serve.ts"),
  users: () => import("./commands/users.ts"),
};

export const COMMAND_NAMES = Object.keys(COMMANDS);

const defaultIo: CliIo = {
  stdout: (t) => process.stdout.write(t),
  stderr: (t) => process.stderr.write(t),
};

async function loadCommand(name: string): Promise<Command | null> {
  const load = Object.hasOwn(COMMANDS, name) ? COMMANDS[name] : undefined;
  return load ? (await load()).command : null;
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
      return exitCodeOf(e);
    }
    io.stderr(`sosei: unexpected error: ${(e as Error).message ?? String(e)} [internal_error]\n`);
    return 1;
  }
}
