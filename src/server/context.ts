/**
 * What every route module shares: the Hono environment (the session's user), `router()` — an
 * OpenAPIHono whose validation failures come out in the one error shape — and the guards and
 * loaders the handlers call (who is asking, may they, does the year/KPI exist for them).
 */
import { OpenAPIHono } from "@hono/zod-openapi";
import type { Context, MiddlewareHandler } from "hono";
import { SoseiError } from "../core/errors.ts";
import { canonicalValue } from "../core/matching/canonical.ts";
import { may, type Permission } from "../core/roles.ts";
import type { Value } from "../core/sheet.ts";
import type { YearCorrection } from "../store/index.ts";
import { presentKpiRow } from "./presenters.ts";
import type { Services } from "./services.ts";
import type { KpiRowRecord, UserRecord } from "./store-adapter.ts";

export type Env = {
  Variables: { user: UserRecord | null; csrf: string | null; sessionId: string | null };
};
export type Ctx = Context<Env>;

/** How the server is reached from outside: decides the cookie's Secure flag and the same-origin check. */
export interface EdgeOptions {
  /** The address users type, e.g. `https://sosei.city.example.jp` (`sosei serve --public-url`). */
  publicUrl?: string | undefined;
  /** Trust X-Forwarded-Proto / X-Forwarded-Host from a reverse proxy in front (`--trust-proxy`). */
  trustProxy?: boolean | undefined;
}

/** Everything a route module needs, built once per app by createApp. */
export interface RouteDeps {
  services: Services;
  edge: EdgeOptions;
  /** Serves a read's JSON from the read cache (see app.ts). */
  cachedJson: <C extends Ctx, T extends Response>(c: C, build: () => Promise<T>) => Promise<T>;
}

/** The validation error of one zod failure: 400 validation_failed, in Japanese, naming the field. */
export function validationError(issues: readonly { path: readonly PropertyKey[]; message: string }[]) {
  const list = issues.map((i) => ({ path: i.path.map(String).join("."), message: i.message }));
  const first = list[0];
  const where = first ? `（${first.path ? `${first.path}: ` : ""}${first.message}）` : "";
  return new SoseiError("validation_failed", `入力内容が正しくありません${where}`, { issues: list });
}

/** A route module's app: createRoute validation failures become `validation_failed`. */
export const router = () =>
  new OpenAPIHono<Env>({
    defaultHook: (result) => {
      if (!result.success) throw validationError(result.error.issues);
    },
  });

/** The logged-in user, allowed `permission` (if given); else 401 / 403. */
export function requireUser(c: Ctx, permission?: Permission): UserRecord {
  const u = c.get("user");
  if (!u) throw new SoseiError("unauthenticated", "ログインしてください");
  if (permission && !may(u.role, permission)) throw new SoseiError("forbidden", "この操作の権限がありません");
  return u;
}

/**
 * Route middleware: the user must be logged in (and allowed `permission`). Runs before the request is
 * validated, so that a role without access learns nothing from a 400.
 */
export const allow =
  (permission?: Permission): MiddlewareHandler<Env> =>
  async (c, next) => {
    requireUser(c, permission);
    await next();
  };

/** Loaders and presenters bound to the services. */
export function helpers(services: Services) {
  const { store } = services;
  const present = (r: KpiRowRecord) => presentKpiRow(r, services.computeCategory(r.kpi, r.fiscalYear));
  /** Public visitors see published years only (one under correction too); a logged-in user every year. */
  const visibleYear = async (c: Ctx, fiscalYear: number) => {
    const y = await store.year(fiscalYear);
    if (!y || (!y.publicVisible && !c.get("user")))
      throw new SoseiError("not_found", `${fiscalYear}年度の評価シートは見つかりません`);
    return y;
  };
  /**
   * A year's rows with their 訂正 notes. The public sees a row under correction as last published
   * (never the department's draft of the correction); logged-in users see the row as it stands.
   */
  const withCorrections = (
    r: KpiRowRecord,
    corrections: Map<string, YearCorrection> | undefined,
    asPublic: boolean,
  ): KpiRowRecord => {
    const found = corrections?.get(r.storeId);
    if (!found) return r;
    const notes = found.notes.map((n) => ({
      reason: n.reason,
      openedAt: n.openedAt,
      republishedAt: n.republishedAt,
      // The snapshot is the kpi_years row as published: its actual is what the history keeps.
      previousActual: canonicalValue((n.published as { actual: Value }).actual),
    }));
    if (asPublic && found.lastPublished)
      return { ...r, state: "published" as const, kpi: found.lastPublished, corrections: notes };
    return { ...r, corrections: notes };
  };
  const rowsOf = async (c: Ctx, fiscalYear: number): Promise<KpiRowRecord[]> => {
    const rows = await store.kpisOfYear(fiscalYear);
    const corrections = await store.correctionsOfYear?.(fiscalYear);
    if (!corrections || corrections.size === 0) return rows;
    return rows.map((r) => withCorrections(r, corrections, !c.get("user")));
  };
  /** One KPI-year (`2022-3`) the asker may see, with its 訂正 notes; the public's as last published. */
  const loadKpi = async (c: Ctx, id: string) => {
    const r = await store.kpiByKey(id);
    if (!r) throw new SoseiError("not_found", "指定のKPIは見つかりません");
    const y = await visibleYear(c, r.fiscalYear);
    // Only a year published at some time can hold corrections.
    if (!y.publicVisible && !y.published) return r;
    return withCorrections(r, await store.correctionsOfYear?.(r.fiscalYear), !c.get("user"));
  };
  /** A version_conflict carries the current row, shaped like every other row. */
  const presentConflict = (e: unknown): never => {
    if (e instanceof SoseiError && e.code === "version_conflict" && e.details?.current)
      throw new SoseiError("version_conflict", e.message, {
        current: present(e.details.current as KpiRowRecord),
      });
    throw e;
  };
  /**
   * A KPI's rows across the years the asker may see (oldest first), each with its 訂正 notes; the
   * public sees a year under correction as last published (a year never published not at all).
   */
  const historyOf = async (c: Ctx, r: KpiRowRecord): Promise<KpiRowRecord[]> => {
    const years = new Map((await store.listYears()).map((y) => [y.fiscalYear, y]));
    const asPublic = !c.get("user");
    const out: KpiRowRecord[] = [];
    for (const h of await store.history(r)) {
      const y = years.get(h.fiscalYear);
      if (asPublic && !y?.publicVisible) continue;
      // Only a year published at some time can hold corrections.
      out.push(
        y?.publicVisible ? withCorrections(h, await store.correctionsOfYear?.(h.fiscalYear), asPublic) : h,
      );
    }
    return out;
  };
  return { present, visibleYear, rowsOf, loadKpi, historyOf, presentConflict };
}
