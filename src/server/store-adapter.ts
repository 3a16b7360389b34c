import { SoseiError } from "../core/errors.ts";
import { yearStatuses } from "../core/review.ts";
import type { Sheet } from "../core/sheet.ts";
import {
  audit,
  comments,
  correctionsOfYear,
  type Db,
  exportSheet,
  type ImportPreview,
  importMunicipality,
  importProfiles,
  inTransaction,
  kpiYears,
  previewImport,
  type ReviewState,
  type Role,
  republishYear,
  type SheetExtensions,
  saveSheet,
  sheetExtensionsOf,
  users,
  type YearCorrection,
} from "../store/index.ts";
import type { CoreServices } from "./core-services.ts";

export type {
  AccountAuditRecord,
  AccountRecord,
  AuditRecord,
  CommentRecord,
  KpiRowRecord,
  SavedImportProfile,
  UserRecord,
  YearRecord,
} from "./store-records.ts";
export type { ReviewState, Role };

import type {
  AccountAuditRecord,
  AccountRecord,
  AuditRecord,
  CommentRecord,
  KpiRowRecord,
  SavedImportProfile,
  UserRecord,
  YearRecord,
} from "./store-records.ts";

type StoreUser = Awaited<ReturnType<typeof users.getUser>> & {};

const toUser = (u: StoreUser): UserRecord => ({
  id: u.id,
  username: u.loginId,
  role: u.role,
  department: u.department ?? null,
  displayName: u.displayName,
});

const toAccount = (u: StoreUser): AccountRecord => ({
  ...toUser(u),
  active: !u.disabled,
  createdAt: u.createdAt,
});

const toRow = (r: kpiYears.KpiYearRecord): KpiRowRecord => ({
  id: `${r.fiscalYear}-${r.kpi.row}`,
  storeId: r.id,
  kpiId: r.kpiId,
  fiscalYear: r.fiscalYear,
  row: r.kpi.row,
  department: r.kpi.departments[0] ?? "",
  state: r.reviewState,
  version: r.version,
  kpi: r.kpi,
  updatedAt: r.updatedAt,
});

/** Turns the store's version_conflict (details.current = its record) into ours. */
const mapConflict = (e: unknown): never => {
  if (e instanceof SoseiError && e.code === "version_conflict" && e.details?.current)
    throw new SoseiError("version_conflict", e.message, {
      current: toRow(e.details.current as kpiYears.KpiYearRecord),
    });
  throw e;
};

export interface WebStoreOptions {
  /**
   * Which municipality this request is about, when the database holds several (e.g. the national
   * bench); undefined → the only one.
   */
  municipality?: () => string | undefined;
}

/**
 * The store as the web application sees it: the port `createApp` depends on. `PgWebStore` implements
 * it over the database; the bench's national store implements it over its own tables.
 */
export interface WebStore {
  countUsers(): Promise<number>;
  createUser(
    u: { username: string; password: string; role: Role; department: string | null; displayName: string },
    actor: string,
  ): Promise<UserRecord>;
  authenticate(username: string, password: string): Promise<UserRecord | null>;
  createSession(userId: string, ttlMs: number): Promise<{ token: string; csrfToken: string }>;
  sessionByToken(token: string): Promise<{ user: UserRecord; csrf: string } | null>;
  deleteSession(token: string): Promise<void>;
  listAccounts(): Promise<AccountRecord[]>;
  account(id: string): Promise<AccountRecord | null>;
  accountByUsername(username: string): Promise<AccountRecord | null>;
  setActive(id: string, active: boolean, actor: string): Promise<AccountRecord>;
  resetPassword(id: string, password: string, generated: boolean, actor: string): Promise<void>;
  accountAudit(limit?: number): Promise<AccountAuditRecord[]>;
  listYears(): Promise<YearRecord[]>;
  year(fiscalYear: number): Promise<YearRecord | null>;
  /** Saves the sheet into this server's municipality; with `profile`, saves it as the municipality's mapping too. */
  saveSheet(sheet: Sheet, actor: string, profile?: SavedImportProfile | null): Promise<void>;
  /** The municipality an import of `sheet` goes into (refuses another city's sheet, naming both). */
  importTarget(sheet: Pick<Sheet, "municipality">): Promise<string>;
  /** What importing `sheet` would do (rolled back): which year, rows replaced/added/dropped. */
  previewImport(sheet: Sheet, actor: string): Promise<ImportPreview>;
  /** The import mappings saved for `municipality`, one per layout, the most recently confirmed first. */
  importProfiles(municipality: string): Promise<SavedImportProfile[]>;
  kpisOfYear(fiscalYear: number): Promise<KpiRowRecord[]>;
  kpiByKey(key: string): Promise<KpiRowRecord | null>;
  history(r: KpiRowRecord): Promise<KpiRowRecord[]>;
  updateKpi(
    r: KpiRowRecord,
    version: number,
    changes: kpiYears.KpiYearChanges,
    actor: string,
  ): Promise<KpiRowRecord>;
  transition(
    r: KpiRowRecord,
    version: number,
    to: ReviewState,
    comment: string | undefined,
    actor: string,
  ): Promise<KpiRowRecord>;
  exportSheet(fiscalYear: number): Promise<Sheet>;
  /** The year's 数値目標 and scale as imported (absent → the store keeps none). */
  sheetExtensions?(fiscalYear: number): Promise<SheetExtensions>;
  publishYear(fiscalYear: number, actor: string): Promise<void>;
  /** The corrections of a year's rows by store id (absent → no corrections kept). */
  correctionsOfYear?(fiscalYear: number): Promise<Map<string, YearCorrection>>;
  addComment(r: KpiRowRecord, body: string, actor: string, parentId?: string): Promise<CommentRecord>;
  commentsOf(r: KpiRowRecord): Promise<CommentRecord[]>;
  /** The comments of several rows, by row (`storeId`): one read for a whole page. */
  commentsOfRows(rs: KpiRowRecord[]): Promise<Map<string, CommentRecord[]>>;
  auditOf(r: KpiRowRecord): Promise<AuditRecord[]>;
}

export class PgWebStore implements WebStore {
  constructor(
    private readonly services: CoreServices,
    private readonly options: WebStoreOptions = {},
  ) {}

  private where(fiscalYear: number) {
    return { fiscalYear, municipality: this.options.municipality?.() };
  }

  private get db(): Db {
    return this.services.db;
  }
  private ctx(actor: string) {
    const { clock, ids, scryptCost } = this.services;
    return { actor, clock, ids, scryptCost };
  }

  // --- users & sessions
  countUsers(): Promise<number> {
    return users.countUsers(this.db);
  }
  async createUser(
    u: { username: string; password: string; role: Role; department: string | null; displayName: string },
    actor: string,
  ): Promise<UserRecord> {
    const created = await users.createUser(
      this.db,
      {
        loginId: u.username,
        password: u.password,
        role: u.role,
        department: u.department,
        displayName: u.displayName,
      },
      this.ctx(actor),
    );
    return toUser(created);
  }
  async authenticate(username: string, password: string): Promise<UserRecord | null> {
    const u = await users.authenticate(this.db, username, password, { scryptCost: this.services.scryptCost });
    return u ? toUser(u) : null;
  }
  createSession(userId: string, ttlMs: number): Promise<{ token: string; csrfToken: string }> {
    return users.createSession(this.db, userId, ttlMs, this.services.clock);
  }
  async sessionByToken(token: string): Promise<{ user: UserRecord; csrf: string } | null> {
    const s = await users.sessionByToken(this.db, token, this.services.clock);
    return s ? { user: toUser(s.user), csrf: s.csrfToken } : null;
  }
  deleteSession(token: string): Promise<void> {
    return users.deleteSession(this.db, token);
  }

  // --- account management (admin)
  async listAccounts(): Promise<AccountRecord[]> {
    return (await users.listUsers(this.db)).map(toAccount);
  }
  async account(id: string): Promise<AccountRecord | null> {
    const u = await users.getUser(this.db, id);
    return u ? toAccount(u) : null;
  }
  async accountByUsername(username: string): Promise<AccountRecord | null> {
    const u = await users.userByLoginId(this.db, username);
    return u ? toAccount(u) : null;
  }
  async setActive(id: string, active: boolean, actor: string): Promise<AccountRecord> {
    return toAccount(await users.setUserActive(this.db, id, active, this.ctx(actor)));
  }
  async resetPassword(id: string, password: string, generated: boolean, actor: string): Promise<void> {
    await users.resetPassword(this.db, id, password, this.ctx(actor), { generated });
  }
  /** The newest account changes, newest first; actor and subject by name. */
  async accountAudit(limit = 50): Promise<AccountAuditRecord[]> {
    const list = await users.userAudit(this.db, limit);
    const names = await this.names(list.flatMap((a) => [a.actor, a.entityId]));
    return list.map((a) => ({
      id: a.id,
      at: a.at,
      actor: names.get(a.actor)!.name,
      subject: names.get(a.entityId)!.name,
      action: a.action,
      before: a.before,
      after: a.after,
    }));
  }

  // --- years
  /** Oldest first, this server's municipality's (every one's when none is given). */
  async listYears(): Promise<YearRecord[]> {
    return yearStatuses(await kpiYears.yearProgress(this.db, this.options.municipality?.()));
  }
  async year(fiscalYear: number): Promise<YearRecord | null> {
    return (await this.listYears()).find((y) => y.fiscalYear === fiscalYear) ?? null;
  }

  /**
   * Stores a sheet (all or nothing); its rows start as drafts. It goes into this server's
   * municipality: a sheet naming none is saved there (never into a new 「未設定」), one naming
   * another city is refused with both names.
   */
  async saveSheet(sheet: Sheet, actor: string, profile?: SavedImportProfile | null): Promise<void> {
    const municipality = await this.importTarget(sheet);
    await inTransaction(this.db, async (tx) => {
      await saveSheet(tx, sheet, { ...this.ctx(actor), municipality });
      if (profile) await importProfiles.saveProfile(tx, { municipality, ...profile }, this.ctx(actor));
    });
  }
  importTarget(sheet: Pick<Sheet, "municipality">): Promise<string> {
    return importMunicipality(this.db, sheet, this.options.municipality?.());
  }
  async importProfiles(municipality: string): Promise<SavedImportProfile[]> {
    const saved = await importProfiles.profilesOf(this.db, municipality);
    return saved.map(({ profile, fingerprint, source }) => ({ profile, fingerprint, source }));
  }

  /** What importing `sheet` would do (rolled back): which year, rows replaced/added/dropped. */
  async previewImport(sheet: Sheet, actor: string): Promise<ImportPreview> {
    const municipality = await this.importTarget(sheet);
    return previewImport(this.db, sheet, { ...this.ctx(actor), municipality });
  }

  // --- KPI-year rows
  async kpisOfYear(fiscalYear: number): Promise<KpiRowRecord[]> {
    try {
      return (await kpiYears.listKpiYears(this.db, this.where(fiscalYear))).map(toRow);
    } catch (e) {
      if (e instanceof SoseiError && e.code === "not_found") return [];
      throw e;
    }
  }
  async kpiByKey(key: string): Promise<KpiRowRecord | null> {
    const m = /^(\d{4})-(\d+)$/.exec(key);
    if (!m) return null;
    try {
      const r = await kpiYears.kpiYearAtRow(this.db, this.where(Number(m[1])), Number(m[2]));
      return r && toRow(r);
    } catch (e) {
      if (e instanceof SoseiError && e.code === "not_found") return null;
      throw e;
    }
  }
  /** Every stored year of the same KPI (matched across years by the store), oldest first. */
  async history(r: KpiRowRecord): Promise<KpiRowRecord[]> {
    // One read of all the years (not one per year).
    return (await kpiYears.kpiYearsOfKpi(this.db, r.kpiId)).map(toRow);
  }
  async updateKpi(r: KpiRowRecord, version: number, changes: kpiYears.KpiYearChanges, actor: string) {
    const saved = await kpiYears
      // The editable states are checked in the UPDATE too: a save racing its own submit must lose.
      .updateKpiYear(
        this.db,
        { id: r.storeId, version, changes, onlyIn: kpiYears.EDITABLE_REVIEW_STATES },
        this.ctx(actor),
      )
      .catch(mapConflict);
    return toRow(saved);
  }
  async transition(
    r: KpiRowRecord,
    version: number,
    to: ReviewState,
    comment: string | undefined,
    actor: string,
  ) {
    const saved = await kpiYears
      .transitionReview(
        this.db,
        { id: r.storeId, version, to, ...(comment ? { comment } : {}) },
        this.ctx(actor),
      )
      .catch(mapConflict);
    return toRow(saved);
  }
  /** The stored year as sheet/1, exactly as imported plus the edits. */
  exportSheet(fiscalYear: number): Promise<Sheet> {
    return exportSheet(this.db, this.where(fiscalYear));
  }
  sheetExtensions(fiscalYear: number): Promise<SheetExtensions> {
    return sheetExtensionsOf(this.db, this.where(fiscalYear));
  }
  /** Publishes the year; publishing it again after corrections dates them (訂正). */
  async publishYear(fiscalYear: number, actor: string): Promise<void> {
    await republishYear(this.db, this.where(fiscalYear), this.ctx(actor));
  }
  async correctionsOfYear(fiscalYear: number): Promise<Map<string, YearCorrection>> {
    return correctionsOfYear(this.db, this.where(fiscalYear));
  }

  // --- comments & audit (actor ids shown as user names)
  private async names(ids: string[]): Promise<Map<string, { name: string; role: Role | null }>> {
    // One query for all the authors (not one per author); an actor that is no user (cli:…) shows as is.
    const found = new Map((await users.usersByIds(this.db, ids)).map((u) => [u.id, u]));
    const out = new Map<string, { name: string; role: Role | null }>();
    for (const id of new Set(ids)) {
      const u = found.get(id);
      out.set(id, u ? { name: u.displayName, role: u.role } : { name: id, role: null });
    }
    return out;
  }
  async addComment(r: KpiRowRecord, body: string, actor: string, parentId?: string): Promise<CommentRecord> {
    const c = await comments.addComment(this.db, { kpiYearId: r.storeId, body, parentId }, this.ctx(actor));
    const who = (await this.names([c.authorId])).get(c.authorId)!;
    return { ...c, author: who.name, role: who.role };
  }
  async commentsOf(r: KpiRowRecord): Promise<CommentRecord[]> {
    return (await this.commentsOfRows([r])).get(r.storeId) ?? [];
  }
  async commentsOfRows(rs: KpiRowRecord[]): Promise<Map<string, CommentRecord[]>> {
    const byRow = await comments.commentsOfMany(
      this.db,
      rs.map((r) => r.storeId),
    );
    const names = await this.names([...byRow.values()].flat().map((c) => c.authorId));
    const out = new Map<string, CommentRecord[]>();
    for (const [id, list] of byRow)
      out.set(
        id,
        list.map((c) => ({
          id: c.id,
          author: names.get(c.authorId)!.name,
          role: names.get(c.authorId)!.role,
          body: c.body,
          kind: c.kind,
          parentId: c.parentId,
          createdAt: c.createdAt,
        })),
      );
    return out;
  }
  async auditOf(r: KpiRowRecord): Promise<AuditRecord[]> {
    const list = await audit.auditOf(this.db, "kpi_year", r.storeId);
    const names = await this.names(list.map((a) => a.actor));
    return list.map((a) => ({
      id: a.id,
      at: a.at,
      actor: names.get(a.actor)!.name,
      action: a.action,
      before: a.before,
      after: a.after,
    }));
  }
}
