/**
 * Review transitions of a KPI-year row and who may take them:
 * draft → submitted → returned (with comment) → submitted → approved → published (per year).
 */
import { EDITABLE_REVIEW_STATES } from "../store/repositories/kpi-years.ts";
import type { ReviewState, Role } from "./store-adapter.ts";

export type ReviewAction = "submit" | "return" | "approve";

interface Rule {
  from: ReviewState[];
  to: ReviewState;
  roles: Role[];
  /** Departments may act only on their own department's KPIs. */
  ownDepartmentOnly?: boolean;
}

export const TRANSITIONS: Record<ReviewAction, Rule> = {
  submit: { from: ["draft", "returned"], to: "submitted", roles: ["department", "planning", "admin"] },
  return: { from: ["submitted", "approved"], to: "returned", roles: ["planning", "admin"] },
  approve: { from: ["submitted"], to: "approved", roles: ["planning", "admin"] },
};

/** States in which the values and narrative may be edited. */
export const EDITABLE_STATES: readonly ReviewState[] = EDITABLE_REVIEW_STATES;

export type Actor = { role: Role; department: string | null };

export function mayEditKpi(actor: Actor, kpiDepartments: string[]): boolean {
  if (actor.role === "admin" || actor.role === "planning") return true;
  if (actor.role === "department")
    return actor.department !== null && kpiDepartments.includes(actor.department);
  return false;
}

export function mayTransition(actor: Actor, action: ReviewAction, kpiDepartments: string[]): boolean {
  const rule = TRANSITIONS[action];
  if (!rule.roles.includes(actor.role)) return false;
  if (actor.role === "department") return mayEditKpi(actor, kpiDepartments);
  return true;
}
