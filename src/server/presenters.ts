/** Shapes what the API returns. Handlers never send store records directly. */
import {
  kpiMatchesSearch,
  kpiSearchText,
  normaliseForSearch as normaliseCore,
} from "../core/matching/search.ts";
import type { Category, Kpi } from "../core/sheet.ts";
import { writeSheetCsv } from "../sheet/write-csv.ts";
import type {
  AccountAuditRecord,
  AccountRecord,
  AuditRecord,
  CommentRecord,
  KpiRowRecord,
  UserRecord,
  YearRecord,
} from "./store-adapter.ts";

export const presentUser = (u: UserRecord) => ({
  id: u.id,
  username: u.username,
  role: u.role,
  department: u.department,
  displayName: u.displayName,
});

/** Account management: never the password hash (the store does not hand it out). */
export const presentAccount = (a: AccountRecord) => ({
  ...presentUser(a),
  active: a.active,
  createdAt: a.createdAt.toISOString(),
});

export const presentAccountAudit = (a: AccountAuditRecord) => ({
  ...presentAudit(a),
  subject: a.subject,
});

export const presentYear = (y: YearRecord) => ({
  fiscalYear: y.fiscalYear,
  municipality: y.municipality,
  open: y.open,
  published: y.published,
  publicVisible: y.publicVisible,
});

export const presentKpiRow = (r: KpiRowRecord, computed: Category) => ({
  id: r.id,
  fiscalYear: r.fiscalYear,
  row: r.row,
  department: r.department,
  state: r.state,
  version: r.version,
  updatedAt: r.updatedAt.toISOString(),
  computed,
  disagreement: computed !== "not_evaluable" && computed !== r.kpi.evaluation.category,
  kpi: r.kpi,
  ...presentCorrections(r),
});

/** A row's corrections (訂正) as the API shows them (nothing when it has none). */
export const presentCorrections = (r: Pick<KpiRowRecord, "corrections">) =>
  r.corrections
    ? {
        corrections: r.corrections.map((n) => ({
          reason: n.reason,
          openedAt: n.openedAt.toISOString(),
          republishedAt: n.republishedAt?.toISOString() ?? null,
          previousActual: n.previousActual,
        })),
      }
    : {};

export const presentComment = (c: CommentRecord) => ({
  id: c.id,
  author: c.author,
  role: c.role,
  body: c.body,
  kind: c.kind,
  parentId: c.parentId,
  createdAt: c.createdAt.toISOString(),
});

export const presentAudit = (a: AuditRecord) => ({
  id: a.id,
  at: a.at.toISOString(),
  actor: a.actor,
  action: a.action,
  before: a.before,
  after: a.after,
});

/**
 * Search (the one rule is `core/matching/search.ts`: every word must match, NFKC on both sides).
 * `normaliseForSearch` and `searchableText` keep their names for the handlers; a handler filters
 * with `kpiMatchesSearch(kpi, query)` — `searchableText(k).includes(normaliseForSearch(q))` is
 * the old one-substring match and finds nothing for `出生 子育て`.
 */
export const normaliseForSearch = (s: string): string => normaliseCore(s);
export const searchableText = (k: Kpi): string => kpiSearchText(k);
export { kpiMatchesSearch };

/**
 * The year's sheet as the cities' CSV (「CSV（Excel用）」): exactly `writeSheetCsv`'s output, so the
 * download imports back (UTF-8 with BOM for Excel, the Japanese column names, no review state).
 */
export function sheetCsv(rows: KpiRowRecord[], fiscalYear = rows[0]?.fiscalYear ?? 0): string {
  return writeSheetCsv({ format: "sheet/1", fiscalYear, kpis: rows.map((r) => r.kpi) });
}
