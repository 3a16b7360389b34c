import type { Category, Kpi, StatedEvaluation, Value } from "../../src/core/sheet.ts";

export type Role = "admin" | "planning" | "department" | "committee";
export type ReviewState = "draft" | "submitted" | "returned" | "approved" | "published";

export interface User {
  id: string;
  username: string;
  role: Role;
  department: string | null;
  displayName: string;
}
export interface Year {
  fiscalYear: number;
  municipality: string | null;
  open: boolean;
  published: boolean;
}
export interface Row {
  id: string;
  fiscalYear: number;
  row: number;
  department: string;
  state: ReviewState;
  version: number;
  updatedAt: string;
  computed: Category;
  disagreement: boolean;
  kpi: Kpi;
}
export interface Comment {
  id: string;
  author: string;
  role: Role;
  body: string;
  kind: "comment" | "return";
  createdAt: string;
}
export interface Audit {
  id: string;
  at: string;
  actor: string;
  action: string;
  before: unknown;
  after: unknown;
}
export interface KpiDetail {
  row: Row;
  history: {
    id: string;
    fiscalYear: number;
    state: ReviewState;
    target: Value;
    actual: Value;
    finalTarget: Value;
    evaluation: StatedEvaluation;
    computed: Category;
  }[];
  comments: Comment[];
  audit: Audit[];
}
type Counts = Record<Category, number>;
export interface Dashboard {
  fiscalYear: number;
  municipality: string | null;
  published: boolean;
  open: boolean;
  total: number;
  goals: { no: number; title: string; total: number; stated: Counts; computed: Counts }[];
  behindSchedule: { id: string; indicator: string; goal: number; departments: string[] }[];
  disagreements: { id: string; indicator: string; stated: Category; computed: Category }[];
  entryProgress: ({ department: string; total: number } & Record<ReviewState, number>)[];
}
export interface ApiErrorBody {
  error: { code: string; message: string; messageEn?: string; details?: Record<string, unknown> };
}
export interface Account extends User {
  active: boolean;
  createdAt: string;
}
export interface AccountAudit extends Audit {
  subject: string;
}
