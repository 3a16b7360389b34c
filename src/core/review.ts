/**
 * The review cycle of a KPI-year row, in one place (server, store and web read it):
 * draft → submitted → returned (with a comment) → submitted → approved → published (per year).
 */
import type { Actor, Permission } from "./roles.ts";
import { may, mayEditKpi } from "./roles.ts";

export const REVIEW_STATES = ["draft", "submitted", "returned", "approved", "published"] as const;
export type ReviewState = (typeof REVIEW_STATES)[number];

export const REVIEW_ACTIONS = ["submit", "return", "approve"] as const;
export type ReviewAction = (typeof REVIEW_ACTIONS)[number];

interface Rule {
  from: readonly ReviewState[];
  to: ReviewState;
  permission: Permission;
}

export const TRANSITIONS: Record<ReviewAction, Rule> = {
  submit: { from: ["draft", "returned"], to: "submitted", permission: "submit" },
  return: { from: ["submitted", "approved"], to: "returned", permission: "review" },
  approve: { from: ["submitted"], to: "approved", permission: "review" },
};

/**
 * Every move of a row's state the store accepts: the review steps above, plus publishing a year
 * (approved → published, all rows at once).
 */
export const STATE_MOVES: Record<ReviewState, readonly ReviewState[]> = {
  draft: ["submitted"],
  submitted: ["returned", "approved"],
  returned: ["submitted"],
  approved: ["returned", "published"],
  published: [],
};
export const mayMove = (from: ReviewState, to: ReviewState): boolean => STATE_MOVES[from].includes(to);

/** States in which the values and narrative may be edited. */
export const EDITABLE_STATES: readonly ReviewState[] = ["draft", "returned"];
export const isEditable = (state: ReviewState): boolean => EDITABLE_STATES.includes(state);

/** May this user take this step on a KPI of these departments (departments: their own only)? */
export function mayTransition(
  actor: Actor,
  action: ReviewAction,
  kpiDepartments: readonly string[],
): boolean {
  if (!may(actor.role, TRANSITIONS[action].permission)) return false;
  return actor.role === "department" ? mayEditKpi(actor, kpiDepartments) : true;
}

export type TransitionCheck =
  | { ok: true; to: ReviewState; comment: string | undefined }
  | { ok: false; problem: "invalid_transition" | "comment_required" };

/**
 * Whether `action` may be taken from `state`: the step must start from one of its states, and a return
 * needs a comment (the department must learn why). The comment comes back trimmed (empty → undefined).
 */
export function checkTransition(state: ReviewState, action: ReviewAction, comment?: string): TransitionCheck {
  const rule = TRANSITIONS[action];
  if (!rule.from.includes(state)) return { ok: false, problem: "invalid_transition" };
  const text = comment?.trim() || undefined;
  if (action === "return" && !text) return { ok: false, problem: "comment_required" };
  return { ok: true, to: rule.to, comment: text };
}

/**
 * How far a year has come (the store counts its rows): the one progress record of a year, read by the
 * server's year list, the CLI and the workbooks.
 */
export interface YearProgress {
  fiscalYear: number;
  municipality: string | null;
  total: number;
  published: number;
  /** Rows published before and now reopened for a correction (訂正), not yet republished. */
  correcting: number;
}

/** A year's status as the API shows it (yearSchema), derived from its progress by `yearStatuses`. */
export interface YearStatus {
  fiscalYear: number;
  municipality: string | null;
  /** The newest year never published: the one departments enter (see `openYearOf`). */
  open: boolean;
  /** Every row published. */
  published: boolean;
  /**
   * Visible to the public: published, or published and now under correction (訂正) — the public then
   * keeps seeing the values last published.
   */
  publicVisible: boolean;
}

/**
 * The open year: the newest year never published — the one departments enter. A year reopened for a
 * correction is not open: its reopened rows reach their departments on their own (the entry page
 * lists them beside the open year's), so a correction of an older year never hides the newer one.
 */
export function openYearOf<Y extends Pick<YearStatus, "fiscalYear" | "publicVisible">>(
  years: readonly Y[],
): Y | undefined {
  let open: Y | undefined;
  for (const y of years) if (!y.publicVisible && (!open || y.fiscalYear > open.fiscalYear)) open = y;
  return open;
}

/** The statuses of years from their progress (oldest first in, oldest first out). */
export function yearStatuses(progress: readonly YearProgress[]): YearStatus[] {
  const list = progress.map((p) => ({
    fiscalYear: p.fiscalYear,
    municipality: p.municipality,
    open: false,
    published: p.total > 0 && p.published === p.total,
    publicVisible: p.total > 0 && p.published + p.correcting === p.total,
  }));
  const open = openYearOf(list);
  if (open) open.open = true;
  return list;
}
