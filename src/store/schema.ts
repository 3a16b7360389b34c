// The database schema (drizzle-orm): `npx drizzle-kit generate` → SQL in drizzle/, for PGlite and PostgreSQL.
import {
  boolean,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
} from "drizzle-orm/pg-core";
import type { ReviewState } from "../core/review.ts";
import type { Role } from "../core/roles.ts";
import type { Category, StatedEvaluation, Value } from "../core/sheet.ts";
import { importProfiles, municipalities } from "./schema-municipality.ts";

export { importProfiles, municipalities };

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: "date" });

/** A strategy plan (総合戦略) and its period, e.g. 令和2〜6年度 = 2020..2024. */
export const plans = pgTable(
  "plans",
  {
    id: text("id").primaryKey(),
    municipalityId: text("municipality_id")
      .notNull()
      .references(() => municipalities.id),
    name: text("name").notNull(),
    startYear: integer("start_year").notNull(),
    endYear: integer("end_year").notNull(),
    createdAt: ts("created_at").notNull(),
    /** The plan this one revises (its KPIs carried over, changed or retired). */
    previousPlanId: text("previous_plan_id"),
  },
  (t) => [index("plans_municipality_idx").on(t.municipalityId)],
);

/** Title as printed in each fiscal year, `{ "2022": "しごとの創生" }`: exports reproduce each year exactly. */
export type TitlesByYear = Record<string, string>;

/** 大基本目標 */
export const goals = pgTable(
  "goals",
  {
    id: text("id").primaryKey(),
    planId: text("plan_id")
      .notNull()
      .references(() => plans.id),
    no: integer("no").notNull(),
    title: text("title").notNull(),
    titles: jsonb("titles").$type<TitlesByYear>().notNull(),
  },
  (t) => [uniqueIndex("goals_plan_no_uq").on(t.planId, t.no)],
);

/** 小基本目標 */
export const subgoals = pgTable(
  "subgoals",
  {
    id: text("id").primaryKey(),
    goalId: text("goal_id")
      .notNull()
      .references(() => goals.id),
    no: integer("no").notNull(),
    title: text("title").notNull(),
    titles: jsonb("titles").$type<TitlesByYear>().notNull(),
  },
  (t) => [uniqueIndex("subgoals_goal_no_uq").on(t.goalId, t.no)],
);

/** 具体的な施策 */
export const measures = pgTable(
  "measures",
  {
    id: text("id").primaryKey(),
    subgoalId: text("subgoal_id")
      .notNull()
      .references(() => subgoals.id),
    no: integer("no").notNull(),
    title: text("title").notNull(),
    titles: jsonb("titles").$type<TitlesByYear>().notNull(),
  },
  (t) => [uniqueIndex("measures_subgoal_no_uq").on(t.subgoalId, t.no)],
);

/** 主な取組 under a 施策 (the KPI definition keeps its own ordered list as printed). */
export const initiatives = pgTable(
  "initiatives",
  {
    id: text("id").primaryKey(),
    measureId: text("measure_id")
      .notNull()
      .references(() => measures.id),
    title: text("title").notNull(),
  },
  (t) => [uniqueIndex("initiatives_measure_title_uq").on(t.measureId, t.title)],
);

/** The master list of 担当課: users and KPIs name departments from it (a typo is refused). */
export const departments = pgTable("departments", {
  id: text("id").primaryKey(),
  name: text("name").notNull().unique(),
  createdAt: ts("created_at").notNull(),
  /** Display order (組織順); ties by name. */
  position: integer("position").notNull().default(0),
});

/** A KPI's stable identity across years. Its content lives in definition versions and KPI-years. */
export const kpis = pgTable(
  "kpis",
  {
    id: text("id").primaryKey(),
    planId: text("plan_id")
      .notNull()
      .references(() => plans.id),
    createdAt: ts("created_at").notNull(),
    /** Retired from this fiscal year on: years opened later leave it out (its history stays). */
    retiredFrom: integer("retired_from"),
    /** The KPI of the previous plan this one carries over (plan revision). */
    previousKpiId: text("previous_kpi_id"),
  },
  (t) => [index("kpis_plan_idx").on(t.planId)],
);

/** The plan's target of a KPI for one fiscal year (年度目標), set by planning before the year opens. */
export const kpiTargets = pgTable(
  "kpi_targets",
  {
    id: text("id").primaryKey(),
    kpiId: text("kpi_id")
      .notNull()
      .references(() => kpis.id, { onDelete: "cascade" }),
    fiscalYear: integer("fiscal_year").notNull(),
    target: jsonb("target").$type<Value>().notNull(),
  },
  (t) => [uniqueIndex("kpi_targets_kpi_year_uq").on(t.kpiId, t.fiscalYear)],
);

export type Direction = "increase" | "decrease" | "maintain";

/** What a KPI is, valid from a fiscal year until the next version's `validFrom` (plan revisions). */
export const kpiDefinitions = pgTable(
  "kpi_definitions",
  {
    id: text("id").primaryKey(),
    kpiId: text("kpi_id")
      .notNull()
      .references(() => kpis.id, { onDelete: "cascade" }),
    validFrom: integer("valid_from").notNull(),
    measureId: text("measure_id")
      .notNull()
      .references(() => measures.id),
    indicator: text("indicator").notNull(),
    /** NFKC, no spaces or line breaks: what matching compares. */
    indicatorKey: text("indicator_key").notNull(),
    unit: text("unit"),
    direction: text("direction").$type<Direction>(),
    baseline: jsonb("baseline").$type<Value>(),
    finalTarget: jsonb("final_target").$type<Value>().notNull(),
    finalTargetNumber: doublePrecision("final_target_number"),
    finalTargetUnit: text("final_target_unit"),
    departments: jsonb("departments").$type<string[]>().notNull(),
    initiatives: jsonb("initiatives").$type<string[]>().notNull(),
    /** Where the figures come from (統計名など), when known. */
    figuresSource: text("figures_source"),
  },
  (t) => [
    uniqueIndex("kpi_definitions_kpi_from_uq").on(t.kpiId, t.validFrom),
    index("kpi_definitions_indicator_trgm").using("gin", t.indicator.op("gin_trgm_ops")),
  ],
);

/** Fields outside the known sheet/1 set, in their order (jsonb objects would lose it). */
export type ExtraFields = [string, unknown][];

/** The review states: one list, in the core (core/review.ts). */
export type { ReviewState };

/** One sheet (a municipality's fiscal year) as imported: header fields kept as they came. */
export const sheets = pgTable(
  "sheets",
  {
    id: text("id").primaryKey(),
    planId: text("plan_id")
      .notNull()
      .references(() => plans.id),
    fiscalYear: integer("fiscal_year").notNull(),
    /** The sheet's own `municipality` field ("absent" is kept apart from null). */
    sheetMunicipality: text("sheet_municipality"),
    hasMunicipality: boolean("has_municipality").notNull(),
    source: text("source"),
    hasSource: boolean("has_source").notNull(),
    /** Header fields sheet/1 may add later, kept in order as [key, value] pairs. */
    extra: jsonb("extra").$type<ExtraFields>(),
    importedAt: ts("imported_at").notNull(),
    importedBy: text("imported_by").notNull(),
    /** Entry deadline shown to departments (YYYY-MM-DD), set when the year is opened or later. */
    entryDeadline: text("entry_deadline"),
  },
  (t) => [uniqueIndex("sheets_plan_year_uq").on(t.planId, t.fiscalYear)],
);

/** Per KPI and fiscal year: figures, stated evaluation, narrative and the review state. */
export const kpiYears = pgTable(
  "kpi_years",
  {
    id: text("id").primaryKey(),
    kpiId: text("kpi_id")
      .notNull()
      .references(() => kpis.id, { onDelete: "cascade" }),
    sheetId: text("sheet_id")
      .notNull()
      .references(() => sheets.id),
    fiscalYear: integer("fiscal_year").notNull(),
    row: integer("row").notNull(),
    target: jsonb("target").$type<Value>().notNull(),
    targetNumber: doublePrecision("target_number"),
    targetUnit: text("target_unit"),
    actual: jsonb("actual").$type<Value>().notNull(),
    actualNumber: doublePrecision("actual_number"),
    actualUnit: text("actual_unit"),
    evaluationCategory: text("evaluation_category").$type<Category>().notNull(),
    evaluationCovid: boolean("evaluation_covid").notNull(),
    evaluationLabel: text("evaluation_label"),
    /** The whole stated evaluation as imported (key presence kept). */
    evaluation: jsonb("evaluation").$type<StatedEvaluation>().notNull(),
    status: text("status"),
    reason: text("reason"),
    challenge: text("challenge"),
    nextSteps: text("next_steps"),
    /** KPI fields sheet/1 may add later, kept in order as [key, value] pairs. */
    extra: jsonb("extra").$type<ExtraFields>(),
    reviewState: text("review_state").$type<ReviewState>().notNull().default("draft"),
    version: integer("version").notNull().default(1),
    updatedAt: ts("updated_at").notNull(),
    updatedBy: text("updated_by").notNull(),
  },
  (t) => [
    uniqueIndex("kpi_years_kpi_year_uq").on(t.kpiId, t.fiscalYear),
    uniqueIndex("kpi_years_sheet_row_uq").on(t.sheetId, t.row),
    index("kpi_years_year_idx").on(t.fiscalYear),
    index("kpi_years_status_trgm").using("gin", t.status.op("gin_trgm_ops")),
    index("kpi_years_reason_trgm").using("gin", t.reason.op("gin_trgm_ops")),
    index("kpi_years_challenge_trgm").using("gin", t.challenge.op("gin_trgm_ops")),
    index("kpi_years_next_steps_trgm").using("gin", t.nextSteps.op("gin_trgm_ops")),
  ],
);

/** Roles an account can have: one list, in the core (core/roles.ts). */
export type { Role };

export const users = pgTable("users", {
  id: text("id").primaryKey(),
  loginId: text("login_id").notNull().unique(),
  displayName: text("display_name").notNull(),
  role: text("role").$type<Role>().notNull(),
  /** For department users: the 担当課 they report for. */
  department: text("department"),
  passwordHash: text("password_hash").notNull(),
  createdAt: ts("created_at").notNull(),
  disabled: boolean("disabled").notNull().default(false),
});

export const sessions = pgTable(
  "sessions",
  {
    /** sha256 of the random token the browser holds; the token itself is never stored. */
    id: text("id").primaryKey(),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    csrfToken: text("csrf_token").notNull(),
    createdAt: ts("created_at").notNull(),
    expiresAt: ts("expires_at").notNull(),
  },
  (t) => [index("sessions_user_idx").on(t.userId)],
);

export type CommentKind = "comment" | "return";

export const comments = pgTable(
  "comments",
  {
    id: text("id").primaryKey(),
    kpiYearId: text("kpi_year_id")
      .notNull()
      .references(() => kpiYears.id, { onDelete: "cascade" }),
    authorId: text("author_id").notNull(),
    kind: text("kind").$type<CommentKind>().notNull().default("comment"),
    parentId: text("parent_id"), // the comment a reply answers (a department's reply), else null
    body: text("body").notNull(),
    createdAt: ts("created_at").notNull(),
  },
  (t) => [index("comments_kpi_year_idx").on(t.kpiYearId)],
);

/**
 * A correction (訂正) of a published KPI-year: planning reopens it with a reason; the row goes back
 * to the department (returned), is approved and republished. `published` keeps the row as it was
 * published, so the earlier value stays in the history and the public note can be dated.
 */
export const corrections = pgTable(
  "corrections",
  {
    id: text("id").primaryKey(),
    kpiYearId: text("kpi_year_id")
      .notNull()
      .references(() => kpiYears.id, { onDelete: "cascade" }),
    reason: text("reason").notNull(),
    published: jsonb("published").notNull(),
    openedAt: ts("opened_at").notNull(),
    openedBy: text("opened_by").notNull(),
    republishedAt: ts("republished_at"),
  },
  (t) => [index("corrections_kpi_year_idx").on(t.kpiYearId)],
);

/** Every change: who, when, what, before and after. */
export const auditLog = pgTable(
  "audit_log",
  {
    id: text("id").primaryKey(),
    at: ts("at").notNull(),
    actor: text("actor").notNull(),
    entity: text("entity").notNull(),
    entityId: text("entity_id").notNull(),
    action: text("action").notNull(),
    before: jsonb("before"),
    after: jsonb("after"),
  },
  (t) => [index("audit_log_entity_idx").on(t.entity, t.entityId), index("audit_log_at_idx").on(t.at)],
);

/** Failed logins per key (`account:<id>` / `address:<ip>`): survive a restart, pruned by age only. */
export const loginFailures = pgTable(
  "login_failures",
  {
    id: text("id").primaryKey(),
    key: text("key").notNull(),
    at: ts("at").notNull(),
  },
  (t) => [index("login_failures_key_at_idx").on(t.key, t.at)],
);

/** Every table, in dependency order (parents first): backup writes and restore reads in this order. */
export const TABLES_IN_ORDER = [
  ["municipalities", municipalities],
  ["plans", plans],
  ["goals", goals],
  ["subgoals", subgoals],
  ["measures", measures],
  ["initiatives", initiatives],
  ["departments", departments],
  ["kpis", kpis],
  ["kpi_targets", kpiTargets],
  ["kpi_definitions", kpiDefinitions],
  ["sheets", sheets],
  ["kpi_years", kpiYears],
  ["users", users],
  ["sessions", sessions],
  ["comments", comments],
  ["corrections", corrections],
  ["audit_log", auditLog],
  ["login_failures", loginFailures],
  ["import_profiles", importProfiles],
] as const;

export const schema = {
  municipalities,
  plans,
  goals,
  subgoals,
  measures,
  initiatives,
  departments,
  kpis,
  kpiTargets,
  kpiDefinitions,
  sheets,
  kpiYears,
  users,
  sessions,
  comments,
  corrections,
  auditLog,
  loginFailures,
  importProfiles,
};
export type Schema = typeof schema;
