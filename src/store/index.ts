/** The store's public surface: open the database, repositories and use cases. */
export {
  BACKUP_FORMAT,
  type BackupDocument,
  createBackup,
  decodeBackup,
  encodeBackup,
  restoreBackup,
  schemaVersion,
} from "./backup.ts";
export {
  type Database,
  type DatabaseConfig,
  type Db,
  DEFAULT_DATA_DIR,
  inTransaction,
  MEMORY,
  openDatabase,
} from "./db.ts";
export { acquireLock, type DataDirLock, LOCK_FILE, type LockInfo } from "./lock.ts";
export { generatePassword, hashPassword, verifyPassword } from "./passwords.ts";
export * as audit from "./repositories/audit.ts";
export * as comments from "./repositories/comments.ts";
export * as departments from "./repositories/departments.ts";
export * as importProfiles from "./repositories/import-profiles.ts";
export * as kpiYears from "./repositories/kpi-years.ts";
export * as kpis from "./repositories/kpis.ts";
export * as municipalities from "./repositories/municipalities.ts";
export * as search from "./repositories/search.ts";
export * as users from "./repositories/users.ts";
export type { CommentKind, Direction, ReviewState, Role } from "./schema.ts";
export {
  type CorrectionRecord,
  correctionsOf,
  correctionsOfYear,
  reopenForCorrection,
  republishYear,
  withdrawSubmission,
  type YearCorrection,
} from "./use-cases/correction.ts";
export {
  departmentWorkbook,
  previewWorkbookUpload,
  saveWorkbookUpload,
  type WorkbookPlan,
  type WorkbookRowResult,
  workbookDepartments,
} from "./use-cases/department-workbook.ts";
export {
  createKpi,
  createTreeNode,
  type KpiFields,
  retireKpi,
  retitleTreeNode,
  setKpiTarget,
  type TreeLevel,
  updateKpi,
} from "./use-cases/edit-strategy.ts";
export { exportSheet, findSheet, type SheetLocator } from "./use-cases/export-sheet.ts";
export { type KpiHistory, type KpiHistoryYear, kpiHistory, planHistories } from "./use-cases/history.ts";
export { type ImportPreview, importMunicipality, previewImport } from "./use-cases/import-target.ts";
export {
  type DepartmentProgress,
  type MissingSubmissions,
  missingSubmissions,
} from "./use-cases/missing-submissions.ts";
export {
  isPublishedYear,
  openDataYears,
  type YearIdentity,
  yearIdentity,
} from "./use-cases/open-data-years.ts";
export {
  checkDeadline,
  type OpenYearInput,
  type OpenYearResult,
  openYear,
  setEntryDeadline,
} from "./use-cases/open-year.ts";
export { type PlanKpi, planKpiDefinitions } from "./use-cases/plan-kpis.ts";
export { correctionNote, type PublicYear, publicYear } from "./use-cases/public-year.ts";
export { type RematchInput, rematch } from "./use-cases/rematch.ts";
export { planForYear, revisePlan } from "./use-cases/revise-plan.ts";
export {
  DEFAULT_MUNICIPALITY,
  type SaveContext,
  type SaveSheetOptions,
  type SaveSheetResult,
  saveSheet,
} from "./use-cases/save-sheet.ts";
export { type SheetExtensions, sheetExtensionsOf } from "./use-cases/sheet-extensions.ts";
export { strategyView } from "./use-cases/strategy-view.ts";
