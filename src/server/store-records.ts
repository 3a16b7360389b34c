/**
 * The records the web store hands to the app (users, years, KPI-year rows, comments, audit): the
 * port's vocabulary, kept apart from the adapter (store-adapter.ts re-exports them).
 */
import type { YearStatus } from "../core/review.ts";
import type { Kpi, Value } from "../core/sheet.ts";
import type { ReviewState, Role } from "../store/index.ts";
export interface UserRecord {
  id: string;
  username: string;
  role: Role;
  department: string | null;
  displayName: string;
}

/** A municipality's saved import mapping (opaque profile, see src/sheet ImportProfile) and its layout. */
export interface SavedImportProfile {
  profile: Record<string, unknown>;
  fingerprint: string;
  source: string | null;
}

/** A stored year as the web shows it: core's YearStatus (open, published, visible to the public). */
export type YearRecord = YearStatus;

export interface KpiRowRecord {
  /** `<fiscal year>-<row>` */
  id: string;
  /** The store's kpi_year id. */
  storeId: string;
  kpiId: string;
  fiscalYear: number;
  row: number;
  department: string;
  state: ReviewState;
  version: number;
  kpi: Kpi;
  updatedAt: Date;
  /** The row's corrections (訂正), oldest first, when it has any. */
  corrections?: { reason: string; openedAt: Date; republishedAt: Date | null; previousActual: Value }[];
}

export interface CommentRecord {
  id: string;
  author: string;
  role: Role | null;
  body: string;
  kind: "comment" | "return";
  /** The comment this one answers (a reply), else null. */
  parentId: string | null;
  createdAt: Date;
}

export interface AuditRecord {
  id: string;
  at: Date;
  actor: string;
  action: string;
  before: unknown;
  after: unknown;
}

/** A user as account management sees it (never the password hash). */
export interface AccountRecord extends UserRecord {
  active: boolean;
  createdAt: Date;
}

/** An account-management audit entry: actor and subject shown by name. */
export interface AccountAuditRecord extends AuditRecord {
  subject: string;
}
