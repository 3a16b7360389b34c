/**
 * What the web application needs, put together in one place (a companion of the composition root
 * `createServices` in services.ts, which the database engineer owns). `createWebServices` opens the
 * web store (PGlite in `dataDir`, or in memory) and wires clock, ids and the importer.
 */
import { randomBytes, randomUUID } from "node:crypto";
import { SoseiError } from "../core/errors.ts";
import { evaluateKpi } from "../core/evaluation/evaluate.ts";
import { DEFAULT_RULES } from "../core/evaluation/rules.ts";
import type { Category, Kpi, Sheet } from "../core/sheet.ts";
import { importSheet as importAnySheet } from "../sheet/index.ts";
import { WebStore } from "../store/web-store.ts";
import { computeCategoryFallback } from "./computed.ts";
import { checkSheet } from "./sheet-schema.ts";

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
  store: WebStore;
  now: () => Date;
  newToken: () => string;
  importSheet: Importer;
  computeCategory: (kpi: Kpi, fiscalYear: number) => Category;
  /** Imports waiting for confirmation (step 2), by token. */
  pendingImports: Map<string, { sheet: Sheet; fileName: string; expires: number; userId: string }>;
  /** Session lifetime in milliseconds. */
  sessionTtlMs: number;
  close: () => Promise<void>;
}

/** Reads a sheet/1 JSON upload. Other formats go through the importer in src/sheet when wired in. */
export const jsonImporter: Importer = async (bytes, fileName) => {
  if (!/\.json$/i.test(fileName))
    throw new SoseiError(
      "unsupported_media_type",
      `このファイル形式（${fileName}）は読み込めません。sheet/1 形式の JSON を選んでください`,
    );
  let json: unknown;
  try {
    json = JSON.parse(new TextDecoder("utf-8", { fatal: true }).decode(bytes));
  } catch (e) {
    return {
      ok: false,
      sheet: null,
      report: { problems: [{ message: `JSON として読めません: ${(e as Error).message}` }], warnings: [] },
    };
  }
  const r = checkSheet(json);
  if (!r.ok)
    return {
      ok: false,
      sheet: null,
      report: {
        problems: r.problems.map((p) => {
          const m = /^kpis\.(\d+)\.?(.*)$/.exec(p.path);
          return m
            ? { row: Number(m[1]) + 1, column: m[2] || null, message: p.message }
            : { message: `${p.path || "(全体)"}: ${p.message}` };
        }),
        warnings: [],
      },
    };
  return { ok: true, sheet: r.sheet, report: { problems: [], warnings: [] } };
};

/** The core evaluation engine's category; the simple fallback if the engine throws. */
export function coreCategory(kpi: Kpi, fiscalYear: number): Category {
  try {
    return evaluateKpi(kpi, DEFAULT_RULES, fiscalYear).computed;
  } catch {
    return computeCategoryFallback(kpi);
  }
}

/**
 * The importer of src/sheet (Markdown/PDF-text tables, CSV, Excel, sheet/1 JSON), its report turned into
 * problems (failure) and warnings (repairs and inferences worth a look before saving).
 */
export const sheetImporter: Importer = async (bytes, fileName) => {
  const out = await importAnySheet(bytes, fileName);
  if (!out.ok)
    return { ok: false, sheet: null, report: { problems: [{ message: out.error.message }], warnings: [] } };
  return {
    ok: true,
    sheet: out.sheet,
    report: {
      problems: [],
      warnings: out.report.issues
        .filter((i) => i.confidence !== "certain")
        .map((i) => ({ row: i.row, column: i.column, message: i.message })),
    },
  };
};

export interface WebServicesConfig {
  /** PGlite data directory; undefined → in memory. */
  dataDir?: string;
  now?: () => Date;
  importSheet?: Importer;
  computeCategory?: (kpi: Kpi, fiscalYear: number) => Category;
  sessionTtlMs?: number;
}

export async function createWebServices(config: WebServicesConfig = {}): Promise<WebServices> {
  const now = config.now ?? (() => new Date());
  const store = await WebStore.open(config.dataDir, { now, newId: () => randomUUID() });
  return {
    store,
    now,
    newToken: () => randomBytes(32).toString("base64url"),
    importSheet: config.importSheet ?? sheetImporter,
    computeCategory: config.computeCategory ?? coreCategory,
    pendingImports: new Map(),
    sessionTtlMs: config.sessionTtlMs ?? 8 * 60 * 60 * 1000,
    close: () => store.close(),
  };
}
