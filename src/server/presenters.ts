/** Shapes what the API returns. Handlers never send store records directly. */
import type { Category, Kpi } from "../core/sheet.ts";
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

const CSV_COLUMNS = [
  "row",
  "大基本目標",
  "小基本目標",
  "具体的な施策",
  "主な取組",
  "実施状況",
  "指標名",
  "目標値",
  "実績値",
  "最終目標値",
  "進捗評価",
  "進捗が遅れている理由",
  "課題",
  "今後の方策等",
  "担当課",
  "状態",
] as const;

const cell = (s: string) => (/[",\n\r]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s);
const valueText = (v: Kpi["target"]): string =>
  v.raw ?? (v.kind === "number" ? String(v.value) : v.kind === "text" ? v.text : "");

/** CSV (UTF-8 with BOM so that Excel opens it as UTF-8), one line per KPI. */
export function sheetCsv(rows: KpiRowRecord[]): string {
  const lines = [CSV_COLUMNS.join(",")];
  for (const r of rows) {
    const k = r.kpi;
    lines.push(
      [
        String(k.row),
        `${k.goal.no} ${k.goal.title}`,
        `${k.subgoal.no} ${k.subgoal.title}`,
        `${k.measure.no} ${k.measure.title}`,
        k.initiatives.join("\n"),
        k.status ?? "",
        k.indicator,
        valueText(k.target),
        valueText(k.actual),
        valueText(k.finalTarget),
        k.evaluation.label ?? k.evaluation.category,
        k.reason ?? "",
        k.challenge ?? "",
        k.nextSteps ?? "",
        k.departments.join("、"),
        r.state,
      ]
        .map(cell)
        .join(","),
    );
  }
  return `\uFEFF${lines.join("\r\n")}\r\n`;
}
