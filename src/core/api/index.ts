/**
 * The HTTP API's payloads as zod schemas: the server declares its routes with them (and generates
 * /api/openapi.json from them), the web derives its types from them (`z.infer`). One contract.
 */
import type { z } from "zod";
import type * as A from "./accounts.ts";
import type * as C from "./common.ts";
import type * as I from "./imports.ts";
import type * as K from "./kpis.ts";
import type * as W from "./workbooks.ts";

export * from "./accounts.ts";
export * from "./common.ts";
export * from "./imports.ts";
export * from "./kpis.ts";
export * from "./sheet.ts";
export * from "./workbooks.ts";

export type User = z.infer<typeof C.userSchema>;
export type Year = z.infer<typeof C.yearSchema>;
export type Audit = z.infer<typeof C.auditSchema>;
export type ApiErrorBody = z.infer<typeof C.errorBodySchema>;
export type Role = z.infer<typeof C.roleSchema>;
export type ReviewState = z.infer<typeof C.reviewStateSchema>;
export type Me = z.infer<typeof A.meSchema>;
export type Session = z.infer<typeof A.sessionSchema>;
export type Account = z.infer<typeof A.accountSchema>;
export type AccountAudit = z.infer<typeof A.accountAuditSchema>;
export type AccountList = z.infer<typeof A.accountListSchema>;
export type CreateUserRequest = z.input<typeof A.createUserRequestSchema>;
export type CreatedUser = z.infer<typeof A.createdUserSchema>;
export type Row = z.infer<typeof K.rowSchema>;
export type YearRows = z.infer<typeof K.yearRowsSchema>;
export type YearSheet = z.infer<typeof K.yearSheetSchema>;
export type PrintedYearEntry = z.infer<typeof K.printedYearSchema>;
export type Comment = z.infer<typeof K.commentSchema>;
export type KpiDetail = z.infer<typeof K.kpiDetailSchema>;
export type Dashboard = z.infer<typeof K.dashboardSchema>;
export type UpdateKpiRequest = z.infer<typeof K.updateKpiRequestSchema>;
export type TransitionRequest = z.input<typeof K.transitionRequestSchema>;
export type ImportPreview = z.infer<typeof K.importPreviewSchema>;
export type ImportMapping = z.infer<typeof I.mappingSchema>;
export type SavedImportProfile = z.infer<typeof I.savedImportProfileSchema>;
export * from "./cycle.ts";
export * from "./entry.ts";
export * from "./strategy.ts";
export type WorkbookPreview = z.infer<typeof W.workbookPreviewSchema>;
export type WorkbookSaved = z.infer<typeof W.workbookSavedSchema>;
export type WorkbookDepartments = z.infer<typeof W.workbookDepartmentsSchema>;
