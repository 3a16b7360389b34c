/**
 * The web API (src/server/app.ts `createApp`) over the national store. The app's persistence,
 * `WebStore`, holds one municipality in its own `web_` tables on PGlite only; a national database
 * lives in the main schema (src/store). This adapter gives `createApp` the read side of `WebStore`
 * (years, KPI rows of a year) from the main schema through the store's own `findSheet` /
 * `loadSheetKpis`, for one municipality per request: `/c/<n>/api/…` asks as city n (else the
 * default city). Writes are refused (the bench only reads).
 */
import { AsyncLocalStorage } from "node:async_hooks";
import { SoseiError } from "../src/core/errors.ts";
import { createApp } from "../src/server/app.ts";
import { type WebServices, coreCategory } from "../src/server/web-services.ts";
import { type Db, sql } from "../src/store/db.ts";
import { findSheet, loadSheetKpis } from "../src/store/use-cases/export-sheet.ts";
import type { KpiRowRecord, WebStore, YearRecord } from "../src/store/web-store.ts";
import { municipalityName } from "./national.ts";

const city = new AsyncLocalStorage<string>();

function readOnly(): never {
  throw new SoseiError("read_only", "bench: the national adapter is read-only");
}

export function nationalStore(db: Db, defaultCity: string): WebStore {
  const current = () => city.getStore() ?? defaultCity;
  const years = async (name: string, fy?: number): Promise<YearRecord[]> => {
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
    }));
  };
  const store = {
    listYears: () => years(current()),
    year: async (fy: number) => (await years(current(), fy))[0] ?? null,
    kpisOfYear: async (fy: number): Promise<KpiRowRecord[]> => {
      const found = await findSheet(db, { municipality: current(), fiscalYear: fy });
      const rows = await loadSheetKpis(db, found.sheet.id, fy);
      return rows.map(({ kpi }) => ({
        id: `${fy}-${kpi.row}`,
        fiscalYear: fy,
        row: kpi.row,
        department: kpi.departments[0] ?? "",
        state: "published",
        version: 1,
        kpi,
        updatedAt: found.sheet.importedAt,
      }));
    },
    sessionById: async () => null,
    userById: async () => null,
    userByName: async () => null,
    countUsers: async () => 0,
    close: async () => {},
    createUser: readOnly,
    createSession: readOnly,
    deleteSession: readOnly,
    saveSheet: readOnly,
    kpiById: async () => null,
    kpiHistory: async () => [],
    updateKpi: readOnly,
    publishYear: readOnly,
    addComment: readOnly,
    commentsOf: async () => [],
    latestCommentsOfYear: async () => [],
    auditOf: async () => [],
  };
  return store as unknown as WebStore;
}

/** A fetch handler: the app (with the built UI from `staticDir`) over the national store. */
export function nationalFetch(db: Db, opts: { staticDir: string; defaultCity?: number }) {
  const services: WebServices = {
    store: nationalStore(db, municipalityName(opts.defaultCity ?? 0)),
    now: () => new Date(),
    newToken: () => "bench",
    importSheet: async () => readOnly(),
    computeCategory: coreCategory,
    pendingImports: new Map(),
    sessionTtlMs: 0,
    close: async () => {},
  };
  const app = createApp(services, { staticDir: opts.staticDir });
  return (req: Request): Response | Promise<Response> => {
    const url = new URL(req.url);
    const m = /^\/c\/(\d+)(\/.*)$/.exec(url.pathname);
    if (!m) return app.fetch(req);
    url.pathname = m[2] as string;
    return city.run(municipalityName(Number(m[1])), () => app.fetch(new Request(url, req)));
  };
}
