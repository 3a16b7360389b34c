/**
 * Failures are errors with a stable snake_case code from one catalogue, `ERRORS`: each code's HTTP
 * status (the server's one error shape) and exit code (the CLI's one line; 2 = bad input or usage),
 * and an English message for API clients (the Japanese one is the error's own message). Problems
 * *in the data* are not errors: they are values (issue records).
 */
export const ERRORS = {
  // input and usage
  usage_error: { status: 400, exit: 2, en: "Wrong usage; see --help." },
  validation_failed: { status: 400, exit: 2, en: "The request is not valid." },
  invalid_input: { status: 400, exit: 2, en: "The input is not valid." },
  invalid_input_file: { status: 400, exit: 2, en: "The input file cannot be read." },
  invalid_value: { status: 400, exit: 2, en: "The value cannot be read." },
  invalid_year: { status: 400, exit: 2, en: "Not a valid fiscal year." },
  invalid_upload: { status: 400, exit: 2, en: "Send the file as multipart/form-data in the field `file`." },
  invalid_profile: { status: 400, exit: 2, en: "The import mapping (profile) is not valid." },
  invalid_rules: { status: 400, exit: 2, en: "The evaluation rules are not valid." },
  invalid_plan: { status: 400, exit: 2, en: "The plan is not valid." },
  invalid_match_override: { status: 400, exit: 2, en: "The KPI match override is not valid." },
  invalid_backup: { status: 400, exit: 2, en: "Not a Sosei backup." },
  invalid_database_url: { status: 400, exit: 2, en: "DATABASE_URL is not a postgres:// address." },
  invalid_sheet: { status: 422, exit: 2, en: "The sheet is not valid." },
  import_failed: { status: 422, exit: 2, en: "The file could not be read as a sheet." },
  workbook_unreadable: { status: 422, exit: 2, en: "The file is not a department workbook made by Sosei." },
  workbook_invalid: { status: 422, exit: 2, en: "A cell of the workbook cannot be read; nothing was saved." },
  workbook_wrong_year: {
    status: 409,
    exit: 2,
    en: "The workbook is of another fiscal year than the open one.",
  },
  workbook_changed: {
    status: 409,
    exit: 1,
    en: "Someone changed these KPIs after the preview; upload the workbook again.",
  },
  payload_too_large: { status: 413, exit: 2, en: "The request body is too large." },
  unsupported_media_type: { status: 415, exit: 2, en: "Send the body as application/json." },
  invalid_fiscal_year: { status: 400, exit: 2, en: "The fiscal year is outside 1900–2200." },
  invalid_empty_sheet: { status: 400, exit: 2, en: "The sheet has no KPIs." },
  invalid_deadline: { status: 400, exit: 2, en: "The entry deadline is not a valid date." },
  invalid_municipality: { status: 422, exit: 2, en: "The sheet names another municipality than this one." },
  entry_incomplete: { status: 400, exit: 2, en: "The KPI cannot be submitted yet: see details.problems." },
  warnings_unconfirmed: {
    status: 400,
    exit: 2,
    en: "The values look implausible (details.warnings); check them and confirm to submit.",
  },
  unknown_department: { status: 400, exit: 2, en: "The department is not in the department list." },
  weak_password: {
    status: 400,
    exit: 2,
    en: "This password is too easy to guess; choose a longer one of unrelated words.",
  },
  // who may do what
  unauthenticated: { status: 401, exit: 1, en: "Log in first." },
  session_expired: { status: 401, exit: 1, en: "Your session has expired; log in again." },
  bad_credentials: { status: 401, exit: 1, en: "Wrong user name or password." },
  too_many_attempts: { status: 429, exit: 1, en: "Too many failed logins; wait a few minutes." },
  csrf_failed: {
    status: 403,
    exit: 1,
    en: "Missing or wrong CSRF token (x-csrf-token), or a foreign origin.",
  },
  forbidden: { status: 403, exit: 1, en: "You may not do this." },
  read_only: { status: 403, exit: 1, en: "This store is read-only." },
  // state
  not_found: { status: 404, exit: 1, en: "Not found." },
  version_conflict: { status: 409, exit: 1, en: "Someone saved this first; here are the current values." },
  invalid_transition: { status: 409, exit: 2, en: "This review step is not allowed from the current state." },
  not_all_approved: { status: 409, exit: 1, en: "Not every KPI of the year is approved." },
  year_published: { status: 409, exit: 1, en: "The year is published and cannot be replaced." },
  rematch_conflict: { status: 409, exit: 1, en: "The KPI is already matched otherwise." },
  login_id_taken: { status: 409, exit: 1, en: "This login id is already in use." },
  cannot_deactivate_self: { status: 409, exit: 1, en: "You cannot deactivate your own account." },
  ambiguous_municipality: {
    status: 409,
    exit: 1,
    en: "The database holds several municipalities; choose one.",
  },
  year_exists: { status: 409, exit: 2, en: "The fiscal year is already open." },
  year_outside_plan: { status: 409, exit: 2, en: "The fiscal year lies outside the plan period." },
  plan_empty: { status: 409, exit: 2, en: "The plan has no KPIs to open a year from." },
  target_locked: { status: 409, exit: 1, en: "The target of a published year cannot be changed." },
  department_exists: { status: 409, exit: 1, en: "A department of this name exists." },
  database_not_empty: { status: 409, exit: 1, en: "The database is not empty." },
  data_dir_locked: { status: 409, exit: 1, en: "Another process uses this data directory." },
  backup_schema_mismatch: { status: 409, exit: 1, en: "The backup is from another schema version." },
  // the machine
  database_unavailable: { status: 503, exit: 1, en: "The database cannot be reached." },
  port_in_use: { status: 500, exit: 1, en: "The port is in use." },
  chromium_missing: { status: 500, exit: 1, en: "Chromium is not installed." },
  importer_missing: { status: 500, exit: 1, en: "The importer is not available." },
  store_inconsistent: { status: 500, exit: 1, en: "The stored data is inconsistent." },
  internal_error: { status: 500, exit: 1, en: "Unexpected error." },
} as const satisfies Record<string, { status: number; exit: 1 | 2; en: string }>;

export type ErrorCode = keyof typeof ERRORS;

export class SoseiError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
    this.name = "SoseiError";
  }
}

export const isSoseiError = (e: unknown): e is SoseiError => e instanceof SoseiError;

/** The HTTP status of a code (unknown codes, e.g. from an older peer, are 500). */
export const statusOf = (code: string): number =>
  (ERRORS as Record<string, { status: number }>)[code]?.status ?? 500;

/** The CLI exit code of a failure: the catalogue's, 1 for anything unexpected. */
export const exitCodeOf = (e: unknown): number => (isSoseiError(e) ? (ERRORS[e.code]?.exit ?? 1) : 1);
