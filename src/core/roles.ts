/**
 * Who may do what: the one permission table, read by the server (route guards and the OpenAPI
 * descriptions), the web (which menus and buttons to show) and the store (which roles an account can
 * have). "public" is the absence of a session, never an account's role.
 */

/** Roles an account can have. */
export const ROLES = ["department", "planning", "committee", "admin"] as const;
export type Role = (typeof ROLES)[number];

/** Role names shown in the API description and the CLI. */
export const ROLE_LABELS_JA: Record<Role, string> = {
  admin: "管理者",
  planning: "企画担当",
  department: "担当課",
  committee: "委員",
};

/**
 * Each action and the roles allowed to take it. A department acts only on its own department's KPIs
 * (`mayEditKpi`); every logged-in role may read every year, the public published years only.
 */
export const PERMISSIONS = {
  /** Any logged-in user: read unpublished years, comments, the audit trail; parse a value. */
  read: ROLES,
  /** Accounts: list, create, reset a password, deactivate (planning manages data, not people). */
  manageUsers: ["admin"],
  /** Enter values and narrative in the open year (the entry page). */
  editKpi: ["admin", "planning", "department"],
  /** Submit a KPI-year for review. */
  submit: ["admin", "planning", "department"],
  /** Return (with a comment) or approve a submitted KPI-year. */
  review: ["admin", "planning"],
  /** See the review list of a year. */
  viewReview: ["admin", "planning", "committee"],
  comment: ["admin", "planning", "committee"],
  importSheet: ["admin", "planning"],
  publishYear: ["admin", "planning"],
  /** Open a fiscal year from the plan; edit the strategy and the department list. */
  openYear: ["admin", "planning"],
  editStrategy: ["admin", "planning"],
} as const satisfies Record<string, readonly Role[]>;
export type Permission = keyof typeof PERMISSIONS;

export const may = (role: Role | null | undefined, permission: Permission): boolean =>
  role != null && (PERMISSIONS[permission] as readonly Role[]).includes(role);

/** "Roles: admin, planning." for API descriptions. */
export const rolesText = (permission: Permission | "public"): string =>
  permission === "public"
    ? "Roles: anyone (public without a session)."
    : `Roles: ${PERMISSIONS[permission].join(", ")}.`;

export interface Actor {
  role: Role;
  department: string | null;
}

/** May this user edit (or submit) a KPI of these departments? Departments only their own. */
export function mayEditKpi(actor: Actor, kpiDepartments: readonly string[]): boolean {
  if (!may(actor.role, "editKpi")) return false;
  if (actor.role !== "department") return true;
  return actor.department !== null && kpiDepartments.includes(actor.department);
}
