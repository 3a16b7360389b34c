/**
 * The `sosei` command: dispatches to src/cli/commands/<name>.ts, each exporting `command`.
 * Errors become one line on stderr; no stack trace reaches a user (SOSEI_DEBUG=1 shows it).
 */
import { exitCodeOf, isSoseiError } from "../core/errors.ts";
import type { CliIo, Command } from "./command.ts";
import { unexpectedErrorLine } from "./error-line.ts";

/**
 * The commands, in the order `--help` lists them, with their one-line summary: `--help` reads this
 * table and loads no command module; each module is loaded only when its command runs.
 */
const COMMANDS: Record<string, { summary: string; load: () => Promise<{ command: Command }> }> = {
  "parse-value": {
    summary: "値のセルを1つ読み取り JSON で表示 / read one value cell as sheet/1 JSON",
    load: () => import("./commands/parse-value.ts"),
  },
  import: {
    summary: "評価シートを sheet/1 に取り込む / import an evaluation sheet into sheet/1",
    load: () => import("./commands/import.ts"),
  },
  evaluate: {
    summary: "KPIを評価し記載の進捗評価を照合 / evaluate the KPIs and audit the stated categories",
    load: () => import("./commands/evaluate.ts"),
  },
  export: {
    summary: "保存済みの年度を sheet/1 で書き出す / write a stored year as sheet/1",
    load: () => import("./commands/export.ts"),
  },
  backup: {
    summary: "データベース全体をファイルに書き出す / dump the whole database",
    load: () => import("./commands/backup.ts"),
  },
  restore: {
    summary: "バックアップから復元する / restore a dump",
    load: () => import("./commands/restore.ts"),
  },
  report: {
    summary: "評価シートを印刷用PDF・Excelで出力 / print the evaluation sheet (PDF, Excel)",
    load: () => import("./commands/report.ts"),
  },
  profile: {
    summary: "保存された取り込み設定を見る・削除する / see or forget the saved import mapping",
    load: () => import("./commands/profile.ts"),
  },
  publish: {
    summary: "公開用の静的サイトを作成 / write the public static site",
    load: () => import("./commands/publish.ts"),
  },
  serve: {
    summary: "Web画面を起動 / start the web application",
    load: () => import("./commands/serve.ts"),
  },
  users: {
    summary: "ユーザーの一覧・追加・パスワード再発行・無効化 / manage user accounts",
    load: () => import("./commands/users.ts"),
  },
  year: {
    summary: "年度を開始する・未提出の課を見る / open a fiscal year, see who has not submitted",
    load: () => import("./commands/year.ts"),
  },
  workbook: {
    summary: "課別記入シートを書き出す・取り込む / department workbooks out and back in",
    load: () => import("./commands/workbook.ts"),
  },
};

export const COMMAND_NAMES = Object.keys(COMMANDS);

const defaultIo: CliIo = {
  stdout: (t) => process.stdout.write(t),
  stderr: (t) => process.stderr.write(t),
};

async function loadCommand(name: string): Promise<Command | null> {
  const entry = Object.hasOwn(COMMANDS, name) ? COMMANDS[name] : undefined;
  return entry ? (await entry.load()).command : null;
}

/** Loads every command module (for tests: each must load and name itself as listed). */
export async function loadAllCommands(): Promise<Command[]> {
  return Promise.all(COMMAND_NAMES.map(async (name) => (await loadCommand(name))!));
}

function printHelp(io: CliIo): void {
  const lines = ["sosei — 総合戦略KPI評価 / KPI evaluation of a municipal strategy", "", "Commands:"];
  for (const [name, { summary }] of Object.entries(COMMANDS)) lines.push(`  ${name.padEnd(12)} ${summary}`);
  lines.push("", "Run `sosei <command> --help` for a command's options.");
  io.stdout(`${lines.join("\n")}\n`);
}

export async function main(argv: string[], io: CliIo = defaultIo): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === "--help" || name === "-h" || name === "help") {
    printHelp(io);
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
    io.stderr(`sosei: unexpected error: ${unexpectedErrorLine(e)} [internal_error]\n`);
    return 1;
  }
}

/**
 * Closes what the process keeps between commands (the one Chromium, report/shared-chromium.ts). `main`
 * may run many times in one process (tests run every command in theirs), so the process's entry
 * (bin/sosei.js) calls this once, when the command has finished.
 */
export async function closeProcessResources(): Promise<void> {
  const { closeProcessChromium } = await import("../report/shared-chromium.ts");
  await closeProcessChromium();
}
