/** Shapes what the API returns. Handlers never send store records directly. */
import type { Category, Kpi, Sheet } from "../core/sheet.ts";
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
});

export const presentComment = (c: CommentRecord) => ({
  id: c.id,
  author: c.author,
  role: c.role,
  body: c.body,
  kind: c.kind,
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

/** Normalises for search: NFKC, lower case, no spaces. Substrings of any length match (出生). */
export const normaliseForSearch = (s: string) => s.normalize("NFKC").toLowerCase().replace(/\s+/g, "");

export function searchableText(k: Kpi): string {
  return normaliseForSearch(
    [
      k.goal.title,
      k.subgoal.title,
      k.measure.title,
      ...k.initiatives,
      k.status ?? "",
      k.indicator,
      k.reason ?? "",
      k.challenge ?? "",
      k.nextSteps ?? "",
      ...k.departments,
    ].join("\u0001"),
  );
}

/**
 * CSV (UTF-8 with BOM so that Excel opens it as UTF-8) in the cities' own 14-column layout with the
 * year in the headings (令和4年度実績値 …): the same writer as `sosei report`, so the file reads
 * back with `sosei import` or the web import — edit the year and figures, import it for the next year.
 */
export function sheetCsv(rows: KpiRowRecord[]): string {
  const fiscalYear = rows[0]?.fiscalYear ?? new Date().getFullYear();
  const sheet: Sheet = { format: "sheet/1", fiscalYear, kpis: rows.map((r) => r.kpi) };
  return `\uFEFF${writeSheetCsv(sheet)}`;
}
