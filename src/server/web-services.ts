/**
 * What the web application needs, put together in one place (a companion of the composition root
 * `createServices` in services.ts, which the database engineer owns). `createWebServices` opens the
 * web store (PGlite in `dataDir`, or in memory) and wires clock, ids and the importer.
 */
import { randomBytes } from "node:crypto";
import { evaluateKpi } from "../core/evaluation/evaluate.ts";
import { DEFAULT_RULES } from "../core/evaluation/rules.ts";
import type { Category, Kpi, Sheet } from "../core/sheet.ts";
import { importSheet as importAnySheet } from "../sheet/index.ts";
import { LoginThrottle } from "./login-throttle.ts";
import { PendingImports } from "./pending-imports.ts";
import { ReadCache, type ReadCacheOptions } from "./read-cache.ts";
import { createServices, type Services } from "./services.ts";
import { WebStore } from "./store-adapter.ts";

export interface ImportProblem {
  row?: number | null;
  column?: string | null;
  message: string;
}

export interface ImportOutcome {
  ok: boolean;
  sheet: Sheet | null;
  report: { problems: ImportProblem[]; warnings: ImportProblem[] };
}

export type Importer = (bytes: Uint8Array, fileName: string) => Promise<ImportOutcome>;

export interface WebServices {
  /** The composition root's services (database, clock, ids). */
  core: Services;
  store: WebStore;
  now: () => Date;
  newToken: () => string;
  importSheet: Importer;
  computeCategory: (kpi: Kpi, fiscalYear: number) => Category;
  /** Imports waiting for confirmation (step 2), by token. */
  pendingImports: PendingImports;
  /** Failed logins per user name. */
  loginThrottle: LoginThrottle;
  /** Session lifetime in milliseconds. */
  sessionTtlMs: number;
  /**
   * The presented read endpoints' cache (read-cache.ts); absent → createApp caches nothing (e.g.
   * hand-built services such as the bench's national adapter, whose city is not in the request path).
   */
  readCache?: ReadCache;
  /** The municipality this server shows (part of every cache key); undefined → the only one. */
  municipality?: string | undefined;
  close: () => Promise<void>;
}

/** The core evaluation engine's category under the default rules (the engine never throws on data). */
export function coreCategory(kpi: Kpi, fiscalYear: number): Category {
  return evaluateKpi(kpi, DEFAULT_RULES, fiscalYear).computed;
}

/**
 * The importer of src/sheet (Markdown/PDF-text tables, CSV, Excel, sheet/1 JSON), its report turned into
 * problems (failure) and warnings (repairs and inferences worth a look before saving).
 */
export const sheetImporter: Importer = async (bytes, fileName) => {
  const out = await importAnySheet(bytes, fileName);
  if (!out.ok)
    return { ok: false, sheet: null, report: { problems: [{ message: out.error.message }], warnings: [] } };
  // A PDF's rows are numbered through the document; the page they were printed on is what a person finds.
  const pageOf = new Map((out.report.locations ?? []).map((l) => [l.row, l.page]));
  const onPage = (row: number | null) =>
    row !== null && pageOf.has(row) ? `${pageOf.get(row)}ページ: ` : "";
  return {
    ok: true,
    sheet: out.sheet,
    report: {
      problems: [],
      warnings: out.report.issues
        .filter((i) => i.confidence !== "certain")
        .map((i) => ({ row: i.row, column: i.column, message: `${onPage(i.row)}${i.message}` })),
    },
  };
};

export interface WebServicesConfig {
  /** PGlite data directory (`memory://` or undefined → in memory); DATABASE_URL-style `postgres://` also works. */
  dataDir?: string | undefined;
  databaseUrl?: string | undefined;
  /** Let the CLI work on the same PGlite directory while the server runs (startServer sets it). */
  share?: boolean | undefined;
  /** PGlite: start from this data-directory tarball (tests' seeded demo); see DatabaseConfig. */
  template?: Blob | undefined;
  now?: () => Date;
  importSheet?: Importer;
  computeCategory?: (kpi: Kpi, fiscalYear: number) => Category;
  sessionTtlMs?: number;
  /** The municipality this server shows, when the database holds several. */
  municipality?: string | undefined;
  /** Read cache size / TTL / clock; `false` → no cache. */
  readCache?: ReadCacheOptions | false;
}

export async function createWebServices(config: WebServicesConfig = {}): Promise<WebServices> {
  const now = config.now ?? (() => new Date());
  const core = await createServices({
    dataDir: config.dataDir ?? "memory://",
    databaseUrl: config.databaseUrl,
    share: config.share,
    template: config.template,
    clock: { now },
  });
  const municipality = config.municipality;
  const store = new WebStore(core, municipality ? { municipality: () => municipality } : {});
  return {
    core,
    store,
    now,
    newToken: () => randomBytes(32).toString("base64url"),
    importSheet: config.importSheet ?? sheetImporter,
    computeCategory: config.computeCategory ?? coreCategory,
    pendingImports: new PendingImports(core.clock),
    loginThrottle: new LoginThrottle(core.db, core.clock, core.ids),
    sessionTtlMs: config.sessionTtlMs ?? 8 * 60 * 60 * 1000,
    ...(config.readCache === false ? {} : { readCache: new ReadCache(config.readCache ?? {}) }),
    municipality,
    close: () => core.close(),
  };
}
