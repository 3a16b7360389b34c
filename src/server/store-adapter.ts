/**
 * The web application's view of the store (src/store, through the composition root's `Services`):
 * users and sessions, fiscal years with their review progress, KPI-year rows addressed by
 * `<fiscal year>-<row>` (readable URLs: /kpi/2022-5), review transitions, comments and the audit trail.
 * Only translation happens here; the rules live in the store's repositories and in review.ts.
 */
import { sql } from "drizzle-orm";
import { SoseiError } from "../core/errors.ts";
import type { Kpi, Sheet } from "../core/sheet.ts";
import {
  audit,
  comments,
  type Db,
  exportSheet,
  type KpiHistoryYear,
  kpiHistory,
  kpiYears,
  type ReviewState,
  type Role,
  saveSheet,
  users,
} from "../store/index.ts";
import type { CoreServices } from "./core-services.ts";

export type { ReviewState, Role };

export interface UserRecord {
  id: string;
  username: string;
  role: Role;
  department: string | null;
  displayName: string;
}

export interface YearRecord {
  fiscalYear: number;
  municipality: string | null;
  /** The newest year not yet published: the one departments enter. */
  open: boolean;
  /** Every row published: visible to the public. */
  published: boolean;
}

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
}

export interface CommentRecord {
  id: string;
  author: string;
  role: Role | null;
  body: string;
  kind: "comment" | "return";
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

export class WebStore {
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
    return { actor, clock: this.services.clock, ids: this.services.ids };
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
    const u = await users.authenticate(this.db, username, password);
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
  /**
   * Oldest first. One grouped query over the sheets of this server's municipality (every sheet when
   * none is given): with a municipality, only its own sheets' kpi_years are counted (through the
   * (sheet_id, row) index), never the whole national table.
   */
  async listYears(): Promise<YearRecord[]> {
    const only = this.options.municipality?.();
    const res = (await this.db.execute(sql`
      select s.fiscal_year as fy, m.name as municipality,
        count(k.id)::int as total,
        (count(k.id) filter (where k.review_state = 'published'))::int as published
      from sheets s
      join plans p on p.id = s.plan_id
      join municipalities m on m.id = p.municipality_id
      left join kpi_years k on k.sheet_id = s.id
      ${only === undefined ? sql`` : sql`where m.name = ${only}`}
      group by s.id, s.fiscal_year, m.name
      order by s.fiscal_year`)) as unknown as {
      rows: { fy: number; municipality: string | null; total: number; published: number }[];
    };
    const list: YearRecord[] = res.rows.map((r) => ({
      fiscalYear: Number(r.fy),
      municipality: r.municipality ?? null,
      open: false,
      published: Number(r.total) > 0 && Number(r.published) === Number(r.total),
    }));
    const open = list.filter((y) => !y.published).at(-1);
    if (open) open.open = true;
    return list;
  }
  async year(fiscalYear: number): Promise<YearRecord | null> {
    return (await this.listYears()).find((y) => y.fiscalYear === fiscalYear) ?? null;
  }

  /** Stores a sheet (all or nothing); its rows start as drafts. */
  async saveSheet(sheet: Sheet, actor: string): Promise<void> {
    await saveSheet(this.db, sheet, this.ctx(actor));
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
    return (await this.kpisOfYear(Number(m[1]))).find((r) => r.row === Number(m[2])) ?? null;
  }
  /** Every stored year of the same KPI (matched across years by the store), oldest first. */
  async history(r: KpiRowRecord): Promise<KpiRowRecord[]> {
    const h = await kpiHistory(this.db, r.kpiId);
    const out: KpiRowRecord[] = [];
    for (const y of h.years as KpiHistoryYear[])
      out.push(toRow(await kpiYears.getKpiYear(this.db, y.kpiYearId)));
    return out;
  }
  async updateKpi(r: KpiRowRecord, version: number, changes: kpiYears.KpiYearChanges, actor: string) {
    const saved = await kpiYears
      .updateKpiYear(this.db, { id: r.storeId, version, changes }, this.ctx(actor))
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
  async publishYear(fiscalYear: number, actor: string): Promise<void> {
    await kpiYears.publishYear(this.db, this.where(fiscalYear), this.ctx(actor));
  }

  // --- comments & audit (actor ids shown as user names)
  private async names(ids: string[]): Promise<Map<string, { name: string; role: Role | null }>> {
    const out = new Map<string, { name: string; role: Role | null }>();
    for (const id of new Set(ids)) {
      const u = await users.getUser(this.db, id).catch(() => null);
      out.set(id, u ? { name: u.displayName, role: u.role } : { name: id, role: null });
    }
    return out;
  }
  async addComment(r: KpiRowRecord, body: string, actor: string): Promise<CommentRecord> {
    const c = await comments.addComment(this.db, { kpiYearId: r.storeId, body }, this.ctx(actor));
    const who = (await this.names([c.authorId])).get(c.authorId)!;
    return { id: c.id, author: who.name, role: who.role, body: c.body, kind: c.kind, createdAt: c.createdAt };
  }
  async commentsOf(r: KpiRowRecord): Promise<CommentRecord[]> {
    const list = await comments.commentsOf(this.db, r.storeId);
    const names = await this.names(list.map((c) => c.authorId));
    return list.map((c) => ({
      id: c.id,
      author: names.get(c.authorId)!.name,
      role: names.get(c.authorId)!.role,
      body: c.body,
      kind: c.kind,
      createdAt: c.createdAt,
    }));
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
