/**
 * The composition root, for the server and the CLI alike: opens the database and wires clock, ids,
 * the web store, the importer, the evaluation, the read cache, the login throttle and pending imports.
 * Keep it small: construct and hand out, no logic. Nothing here loads a heavy library up front.
 */
import { randomBytes } from "node:crypto";
import { userInfo } from "node:os";
import { type Clock, systemClock } from "../core/clock.ts";
import { DEFAULT_RULES } from "../core/evaluation/rules.ts";
import type { Rules } from "../core/evaluation/types.ts";
import { type IdGenerator, randomIds } from "../core/ids.ts";
import { formatMatchReport, type MatchOverrides, type MatchReport } from "../core/matching/match.ts";
import type { Category, Kpi, Sheet } from "../core/sheet.ts";
import {
  type Database,
  importMunicipality,
  importProfiles,
  inTransaction,
  openDatabase,
  saveSheet,
} from "../store/index.ts";
import type { CoreServices } from "./core-services.ts";
import { categoryUnder, type Importer, sheetImporter } from "./importer.ts";
import { LoginThrottle } from "./login-throttle.ts";
import { chromiumPrinter, type PdfPrinter } from "./pdf-printer.ts";
import { PendingImports } from "./pending-imports.ts";
import { ReadCache, type ReadCacheOptions } from "./read-cache.ts";
import { PgWebStore, type SavedImportProfile, type WebStore } from "./store-adapter.ts";
import type { PendingWorkbook } from "./workbook-files.ts";

// For `sosei import --save` (the CLI imports from services.ts only): the municipality's saved mapping.
export { layoutFingerprint, profileToSave, savedProfileUse } from "./import-mapping.ts";
export { recognisedOf } from "./importer.ts";
export {
  forgetImportProfiles,
  savedImportProfiles,
  savedScale,
} from "./saved-import-profiles.ts";

export interface ServicesConfig {
  /** `postgres://…` selects PostgreSQL; otherwise PGlite in `dataDir`. */
  databaseUrl?: string | undefined;
  /** PGlite data directory (default ./data); `memory://` for an in-memory database. */
  dataDir?: string | undefined;
  /** Serve the PGlite directory to other processes while open (`sosei serve`; see store/share-socket.ts). */
  share?: boolean | undefined;
  /** PGlite: start from this data-directory tarball (tests' seeded template); see DatabaseConfig. */
  template?: Blob | undefined;
  /** An open database to use instead of opening one (tests lend one per file); closing the services closes it. */
  database?: Database | undefined;
  clock?: Clock | undefined;
  /** A clock as a function (tests); `clock` wins. */
  now?: (() => Date) | undefined;
  ids?: IdGenerator | undefined;
  /**
   * scrypt's cost for new password hashes. Tests lower it (every login of a seeded user then costs
   * a fraction); never read from the environment or a flag, so a deployment always has the default.
   */
  scryptCost?: number | undefined;
  /** The web's importer (default: src/sheet, loaded on first use). */
  importSheet?: Importer;
  /**
   * The evaluation rules the server computes categories with (default DEFAULT_RULES). The browser
   * reads the same table (GET /api/evaluation-rules): one rule table, never two that can disagree.
   */
  rules?: Rules | undefined;
  /** Prints the sheet PDFs the web serves (default: the process's Chromium). */
  printPdf?: PdfPrinter;
  /** Session lifetime in milliseconds (default 8 hours). */
  sessionTtlMs?: number;
  /** The municipality the web application shows, when the database holds several. */
  municipality?: string | undefined;
  /** Read cache size / TTL / clock; `false` → no cache. */
  readCache?: ReadCacheOptions | false;
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

export type { CoreServices };

export interface Services extends CoreServices {
  /** The web application's view of the store. */
  store: WebStore;
  importSheet: Importer;
  /** The evaluation rules (served to the browser as they are). */
  rules: Rules;
  /** The category under `rules` (categoryUnder(rules)). */
  computeCategory: (kpi: Kpi, fiscalYear: number) => Category;
  printPdf: PdfPrinter;
  /** Session and import tokens. */
  newToken: () => string;
  /** Imports waiting for confirmation (step 2), by token. */
  pendingImports: PendingImports;
  /** Department workbook files (workbook-files.ts: exceljs, jszip), loaded on first use; the CLI's way in. */
  workbookFiles: () => Promise<typeof import("./workbook-files.ts")>;
  /** Department workbooks uploaded, waiting for confirmation, by token (routes/workbooks.ts). */
  pendingWorkbooks: PendingImports<PendingWorkbook>;
  /** Failed logins per user name. */
  loginThrottle: LoginThrottle;
  sessionTtlMs: number;
  /**
   * The presented read endpoints' cache (read-cache.ts); absent → createApp caches nothing (e.g.
   * hand-built services such as the bench's national adapter, whose city is not in the request path).
   */
  readCache?: ReadCache;
  /** The municipality the web application shows (part of every cache key); undefined → the only one. */
  municipality?: string | undefined;
}

export async function createServices(config: ServicesConfig = {}): Promise<Services> {
  const database =
    config.database ??
    (await openDatabase({
      databaseUrl: config.databaseUrl,
      dataDir: config.dataDir,
      share: config.share,
      template: config.template,
    }));
  const now = config.now;
  const clock = config.clock ?? (now ? { now } : systemClock);
  const core: CoreServices = {
    db: database.db,
    database,
    clock,
    ids: config.ids ?? randomIds,
    scryptCost: config.scryptCost,
    // The process's Chromium, if PDFs started one, is closed when the process ends (bin/sosei.js).
    close: () => database.close(),
  };
  const municipality = config.municipality;
  const rules = config.rules ?? DEFAULT_RULES;
  return {
    ...core,
    store: new PgWebStore(core, municipality ? { municipality: () => municipality } : {}),
    importSheet: config.importSheet ?? sheetImporter,
    rules,
    computeCategory: categoryUnder(rules),
    printPdf: config.printPdf ?? chromiumPrinter,
    newToken: () => randomBytes(32).toString("base64url"),
    pendingImports: new PendingImports(clock),
    pendingWorkbooks: new PendingImports<PendingWorkbook>(clock),
    workbookFiles: () => import("./workbook-files.ts"),
    loginThrottle: new LoginThrottle(core.db, clock, core.ids),
    sessionTtlMs: config.sessionTtlMs ?? 8 * 60 * 60 * 1000,
    ...(config.readCache === false
      ? {}
      : { readCache: new ReadCache({ now: () => clock.now().getTime(), ...config.readCache }) }),
    municipality,
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
    /** The mapping the sheet was read with, saved as the municipality's (a given or confirmed one). */
    profile?: SavedImportProfile | null;
  } = {},
): Promise<{ planId: string; fiscalYear: number; matches: MatchReport; text: string }> {
  // Into the named (or the only stored) municipality; never a 「未設定」 one nobody asked for.
  const municipality = await importMunicipality(services.db, sheet, options.municipality);
  const ctx = { actor: options.actor ?? cliActor(), clock: services.clock, ids: services.ids };
  const result = await inTransaction(services.db, async (tx) => {
    const saved = await saveSheet(tx, sheet, {
      municipality,
      ...ctx,
      matchOverrides: options.matchOverrides,
      acceptUncertain: options.acceptUncertain,
      onProgress: options.onProgress,
    });
    if (options.profile) await importProfiles.saveProfile(tx, { municipality, ...options.profile }, ctx);
    return saved;
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
