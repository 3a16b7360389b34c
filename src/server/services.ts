/**
 * The composition root: opens the database and wires clock, ids, repositories and use cases.
 * Used by the CLI now and by the web server. Keep it small: construct and hand out, no logic.
 */
import { userInfo } from "node:os";
import { type Clock, systemClock } from "../core/clock.ts";
import { type IdGenerator, randomIds } from "../core/ids.ts";
import type { Sheet } from "../core/sheet.ts";
import {
  type Database,
  type Db,
  formatMatchReport,
  importMunicipality,
  type MatchOverrides,
  type MatchReport,
  openDatabase,
  saveSheet,
} from "../store/index.ts";

export interface ServicesConfig {
  /** `postgres://…` selects PostgreSQL; otherwise PGlite in `dataDir`. */
  databaseUrl?: string | undefined;
  /** PGlite data directory (default ./data); `memory://` for an in-memory database. */
  dataDir?: string | undefined;
  /** Serve the PGlite directory to other processes while open (`sosei serve`; see store/share-socket.ts). */
  share?: boolean | undefined;
  /** PGlite: start from this data-directory tarball (tests' seeded template); see DatabaseConfig. */
  template?: Blob | undefined;
  clock?: Clock | undefined;
  ids?: IdGenerator | undefined;
}

/** Config from the environment (DATABASE_URL, SOSEI_DATA_DIR) and command-line flags (--data-dir wins). */
export function loadConfig(
  env: Record<string, string | undefined>,
  flags: { "data-dir"?: string | undefined; dataDir?: string | undefined } = {},
): ServicesConfig {
  const databaseUrl = env.DATABASE_URL?.trim() || undefined;
  const dataDir = flags["data-dir"] ?? flags.dataDir ?? (env.SOSEI_DATA_DIR?.trim() || undefined);
  return { databaseUrl, dataDir };
}

export interface Services {
  db: Db;
  database: Database;
  clock: Clock;
  ids: IdGenerator;
  close(): Promise<void>;
}

export async function createServices(config: ServicesConfig = {}): Promise<Services> {
  const database = await openDatabase({
    databaseUrl: config.databaseUrl,
    dataDir: config.dataDir,
    share: config.share,
    template: config.template,
  });
  return {
    db: database.db,
    database,
    clock: config.clock ?? systemClock,
    ids: config.ids ?? randomIds,
    close: () => database.close(),
  };
}

/** The actor recorded in the audit log for command-line changes: `cli:<os user>`. */
export function cliActor(): string {
  try {
    return `cli:${userInfo().username}`;
  } catch {
    return "cli:unknown";
  }
}

/**
 * Stores an imported sheet (all or nothing) and returns the Japanese match report to print.
 * For `sosei import FILE --save`.
 */
export async function saveImportedSheet(
  services: Services,
  sheet: Sheet,
  options: {
    municipality?: string | null;
    actor?: string;
    matchOverrides?: MatchOverrides;
    acceptUncertain?: boolean;
    onProgress?: (done: number, total: number) => void;
  } = {},
): Promise<{ planId: string; fiscalYear: number; matches: MatchReport; text: string }> {
  const result = await saveSheet(services.db, sheet, {
    // Into the named (or the only stored) municipality; never a 「未設定」 one nobody asked for.
    municipality: await importMunicipality(services.db, sheet, options.municipality),
    actor: options.actor ?? cliActor(),
    clock: services.clock,
    ids: services.ids,
    matchOverrides: options.matchOverrides,
    acceptUncertain: options.acceptUncertain,
    onProgress: options.onProgress,
  });
  const notes: string[] = [];
  const stale = services.database.staleLockCleared;
  if (stale) notes.push(`（前回異常終了したプロセス ${stale.pid} のロックを解除しました）`);
  return {
    planId: result.planId,
    fiscalYear: result.fiscalYear,
    matches: result.matches,
    text: [formatMatchReport(result.matches), ...notes].join("\n"),
  };
}

/** For CLI commands: services from the environment and `--data-dir`; a cleared stale lock is noted on `warn`. */
export async function createServicesFromCli(
  flags: { "data-dir"?: string | undefined },
  warn: (line: string) => void,
  env: Record<string, string | undefined> = process.env,
): Promise<Services> {
  const services = await createServices(loadConfig(env, flags));
  const stale = services.database.staleLockCleared;
  if (stale)
    warn(
      `sosei: 前回異常終了したプロセス ${stale.pid}（${stale.hostname}）のロックを解除しました / cleared a stale lock left by pid ${stale.pid}\n`,
    );
  return services;
}
