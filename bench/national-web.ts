/**
 * The web API (src/server/app.ts `createApp`) over the national store. The app's store adapter
 * (src/server/store-adapter.ts, over src/store) serves one municipality: its years and KPI rows are
 * selected by fiscal year only, so with 1,741 cities in one database it cannot answer for one city.
 * This bench adapter gives `createApp` the read side it needs for the years, the dashboard and the
 * KPI list from the main schema through the store's own `findSheet` / `loadSheetKpis`, for one
 * municipality per request: `/c/<n>/api/…` asks as city n (else the default city). Anything else
 * answers "none" (reads) or refuses (writes): the bench only reads.
 */
import { AsyncLocalStorage } from "node:async_hooks";
import { SoseiError } from "../src/core/errors.ts";
import { DEFAULT_RULES } from "../src/core/evaluation/rules.ts";
import { randomIds } from "../src/core/ids.ts";
import { createApp } from "../src/server/app.ts";
import { categoryUnder } from "../src/server/importer.ts";
import { LoginThrottle } from "../src/server/login-throttle.ts";
import { PendingImports } from "../src/server/pending-imports.ts";
import type { Services } from "../src/server/services.ts";
import type { KpiRowRecord, WebStore } from "../src/server/store-adapter.ts";

import { type Db, sql } from "../src/store/db.ts";
import { findSheet, loadSheetKpis } from "../src/store/use-cases/export-sheet.ts";
import { municipalityName } from "./national.ts";

const city = new AsyncLocalStorage<string>();

function readOnly(): never {
  throw new SoseiError("read_only", "bench: the national adapter is read-only");
}

export function nationalStore(db: Db, defaultCity: string): WebStore {
  const current = () => city.getStore() ?? defaultCity;
  const years = async (name: string, fy?: number) => {
    const res = (await db.execute(sql`select distinct s.fiscal_year as fy from sheets s
      join plans p on p.id = s.plan_id join municipalities m on m.id = p.municipality_id
      where m.name = ${name} ${fy === undefined ? sql`` : sql`and s.fiscal_year = ${fy}`}
      order by 1`)) as unknown as { rows: { fy: number }[] };
    return res.rows.map((r) => ({
      fiscalYear: Number(r.fy),
      municipality: name,
      source: null,
      open: false,
      published: true,
      publicVisible: true,
    }));
  };
  const kpisOfYear = async (fy: number): Promise<KpiRowRecord[]> => {
    const found = await findSheet(db, { municipality: current(), fiscalYear: fy });
    const rows = await loadSheetKpis(db, found.sheet.id, fy);
    return rows.map(({ id, kpi }) => ({
      id: `${fy}-${kpi.row}`,
      storeId: `${id}@${fy}`,
      kpiId: id,
      fiscalYear: fy,
      row: kpi.row,
      department: kpi.departments[0] ?? "",
      state: "published" as const,
      version: 1,
      kpi,
      updatedAt: found.sheet.importedAt,
    }));
  };
  // What reading the years, the dashboard and the KPI list needs; other reads answer "none", and
  // every write refuses (the bench only reads).
  const none = async () => null;
  const empty = async () => [];
  return {
    listYears: () => years(current()),
    year: async (fy: number) => (await years(current(), fy))[0] ?? null,
    kpisOfYear,
    countUsers: async () => 0,
    authenticate: none,
    sessionByToken: none,
    account: none,
    accountByUsername: none,
    kpiByKey: none,
    history: empty,
    commentsOf: empty,
    commentsOfRows: async () => new Map(),
    auditOf: empty,
    listAccounts: empty,
    accountAudit: empty,
    createUser: async () => readOnly(),
    createSession: async () => readOnly(),
    deleteSession: async () => readOnly(),
    setActive: async () => readOnly(),
    resetPassword: async () => readOnly(),
    saveSheet: async () => readOnly(),
    importTarget: async () => readOnly(),
    previewImport: async () => readOnly(),
    importProfiles: async () => [],
    updateKpi: async () => readOnly(),
    transition: async () => readOnly(),
    exportSheet: async () => readOnly(),
    publishYear: async () => readOnly(),
    addComment: async () => readOnly(),
  };
}

/** A fetch handler: the app (with the built UI from `staticDir`) over the national store. */
export function nationalFetch(db: Db, opts: { staticDir: string; defaultCity?: number }) {
  const store = nationalStore(db, municipalityName(opts.defaultCity ?? 0));
  const clock = { now: () => new Date() };
  const services = {
    db,
    clock,
    store,
    now: () => new Date(),
    newToken: () => "bench",
    importSheet: async () => readOnly(),
    rules: DEFAULT_RULES,
    computeCategory: categoryUnder(DEFAULT_RULES),
    pendingImports: new PendingImports(clock),
    pendingWorkbooks: new PendingImports(clock),
    loginThrottle: new LoginThrottle(db, clock, randomIds),
    sessionTtlMs: 0,
    close: async () => {},
  } as unknown as Services;
  const app = createApp(services, { staticDir: opts.staticDir });
  return (req: Request): Response | Promise<Response> => {
    const url = new URL(req.url);
    const m = /^\/c\/(\d+)(\/.*)$/.exec(url.pathname);
    if (!m) return app.fetch(req);
    url.pathname = m[2] as string;
    return city.run(municipalityName(Number(m[1])), () => app.fetch(new Request(url, req)));
  };
}
