/**
 * The web application's persistence (issue #6), written beside the main store while that is being
 * built: users, sessions, fiscal years, KPI-year rows (review state + version for optimistic
 * concurrency), comments and an audit trail, on PGlite (embedded) or anything speaking the same SQL.
 * Tables are prefixed `web_` so they never collide with the main schema. Imports only core.
 */
import { PGlite } from "@electric-sql/pglite";
import { SoseiError } from "../core/errors.ts";
import type { Kpi, Sheet } from "../core/sheet.ts";

export type Role = "admin" | "planning" | "department" | "committee";
export type ReviewState = "draft" | "submitted" | "returned" | "approved" | "published";

export interface UserRecord {
  id: string;
  username: string;
  passwordHash: string;
  role: Role;
  department: string | null;
  displayName: string;
}

export interface SessionRecord {
  id: string;
  userId: string;
  csrf: string;
  expiresAt: Date;
}

export interface YearRecord {
  fiscalYear: number;
  municipality: string | null;
  source: string | null;
  open: boolean;
  published: boolean;
}

export interface KpiRowRecord {
  id: string;
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
  kpiId: string;
  author: string;
  role: Role;
  body: string;
  kind: "comment" | "return";
  createdAt: Date;
}

export interface AuditRecord {
  id: string;
  at: Date;
  actor: string;
  action: string;
  kpiId: string | null;
  fiscalYear: number | null;
  before: unknown;
  after: unknown;
}

const SCHEMA = `
create table if not exists web_users (
  id text primary key, username text not null unique, password_hash text not null,
  role text not null, department text, display_name text not null);
create table if not exists web_sessions (
  id text primary key, user_id text not null references web_users(id) on delete cascade,
  csrf text not null, expires_at timestamptz not null);
create table if not exists web_years (
  fiscal_year integer primary key, municipality text, source text,
  open boolean not null default false, published boolean not null default false);
create table if not exists web_kpis (
  id text primary key, fiscal_year integer not null references web_years(fiscal_year) on delete cascade,
  row integer not null, department text not null, state text not null, version integer not null default 1,
  kpi jsonb not null, updated_at timestamptz not null, unique (fiscal_year, row));
create table if not exists web_comments (
  id text primary key, kpi_id text not null references web_kpis(id) on delete cascade,
  author text not null, role text not null, body text not null, kind text not null, created_at timestamptz not null);
create table if not exists web_audit (
  id text primary key, at timestamptz not null, actor text not null, action text not null,
  kpi_id text, fiscal_year integer, before jsonb, after jsonb);
`;

type Row = Record<string, unknown>;

const toUser = (r: Row): UserRecord => ({
  id: String(r.id),
  username: String(r.username),
  passwordHash: String(r.password_hash),
  role: r.role as Role,
  department: (r.department as string | null) ?? null,
  displayName: String(r.display_name),
});
const toYear = (r: Row): YearRecord => ({
  fiscalYear: Number(r.fiscal_year),
  municipality: (r.municipality as string | null) ?? null,
  source: (r.source as string | null) ?? null,
  open: Boolean(r.open),
  published: Boolean(r.published),
});
const toKpi = (r: Row): KpiRowRecord => ({
  id: String(r.id),
  fiscalYear: Number(r.fiscal_year),
  row: Number(r.row),
  department: String(r.department),
  state: r.state as ReviewState,
  version: Number(r.version),
  kpi: (typeof r.kpi === "string" ? JSON.parse(r.kpi) : r.kpi) as Kpi,
  updatedAt: new Date(r.updated_at as string),
});
const toComment = (r: Row): CommentRecord => ({
  id: String(r.id),
  kpiId: String(r.kpi_id),
  author: String(r.author),
  role: r.role as Role,
  body: String(r.body),
  kind: r.kind as "comment" | "return",
  createdAt: new Date(r.created_at as string),
});
const toAudit = (r: Row): AuditRecord => ({
  id: String(r.id),
  at: new Date(r.at as string),
  actor: String(r.actor),
  action: String(r.action),
  kpiId: (r.kpi_id as string | null) ?? null,
  fiscalYear: r.fiscal_year == null ? null : Number(r.fiscal_year),
  before: r.before ?? null,
  after: r.after ?? null,
});

export interface WebStoreDeps {
  now: () => Date;
  newId: () => string;
}

export class WebStore {
  private constructor(
    private readonly db: PGlite,
    private readonly deps: WebStoreDeps,
  ) {}

  /** `dataDir` undefined → in memory. */
  static async open(dataDir: string | undefined, deps: WebStoreDeps): Promise<WebStore> {
    const db = dataDir ? new PGlite(dataDir) : new PGlite();
    await db.exec(SCHEMA);
    return new WebStore(db, deps);
  }

  async close(): Promise<void> {
    await this.db.close();
  }

  private async q(sql: string, params: unknown[] = []): Promise<Row[]> {
    const res = await this.db.query<Row>(sql, params);
    return res.rows;
  }

  // users & sessions
  async countUsers(): Promise<number> {
    const r = await this.q("select count(*)::int as n from web_users");
    return Number(r[0]?.n ?? 0);
  }
  async createUser(u: Omit<UserRecord, "id">): Promise<UserRecord> {
    const id = this.deps.newId();
    await this.q(
      "insert into web_users (id, username, password_hash, role, department, display_name) values ($1,$2,$3,$4,$5,$6)",
      [id, u.username, u.passwordHash, u.role, u.department, u.displayName],
    );
    return { id, ...u };
  }
  async userByName(username: string): Promise<UserRecord | null> {
    const r = await this.q("select * from web_users where username = $1", [username]);
    return r[0] ? toUser(r[0]) : null;
  }
  async userById(id: string): Promise<UserRecord | null> {
    const r = await this.q("select * from web_users where id = $1", [id]);
    return r[0] ? toUser(r[0]) : null;
  }
  async createSession(s: SessionRecord): Promise<void> {
    await this.q("insert into web_sessions (id, user_id, csrf, expires_at) values ($1,$2,$3,$4)", [
      s.id,
      s.userId,
      s.csrf,
      s.expiresAt.toISOString(),
    ]);
  }
  async sessionById(id: string): Promise<SessionRecord | null> {
    const r = await this.q("select * from web_sessions where id = $1", [id]);
    const row = r[0];
    if (!row) return null;
    return {
      id: String(row.id),
      userId: String(row.user_id),
      csrf: String(row.csrf),
      expiresAt: new Date(row.expires_at as string),
    };
  }
  async deleteSession(id: string): Promise<void> {
    await this.q("delete from web_sessions where id = $1", [id]);
  }

  // years & KPI rows
  async listYears(): Promise<YearRecord[]> {
    return (await this.q("select * from web_years order by fiscal_year")).map(toYear);
  }
  async year(fiscalYear: number): Promise<YearRecord | null> {
    const r = await this.q("select * from web_years where fiscal_year = $1", [fiscalYear]);
    return r[0] ? toYear(r[0]) : null;
  }

  /**
   * Saves a whole sheet as one fiscal year, all-or-nothing. Replaces the year's rows if it exists
   * and is not published. `state` is the review state the rows start in.
   */
  async saveSheet(
    sheet: Sheet,
    opts: { open: boolean; published: boolean; state: ReviewState; actor: string },
  ): Promise<void> {
    await this.db.transaction(async (tx) => {
      const existing = await tx.query<Row>("select * from web_years where fiscal_year = $1", [
        sheet.fiscalYear,
      ]);
      if (existing.rows[0] && toYear(existing.rows[0]).published)
        throw new SoseiError("year_published", `${sheet.fiscalYear}年度は公表済みのため置き換えできません`);
      if (opts.open) await tx.query("update web_years set open = false");
      await tx.query("delete from web_years where fiscal_year = $1", [sheet.fiscalYear]);
      await tx.query(
        "insert into web_years (fiscal_year, municipality, source, open, published) values ($1,$2,$3,$4,$5)",
        [sheet.fiscalYear, sheet.municipality ?? null, sheet.source ?? null, opts.open, opts.published],
      );
      const now = this.deps.now().toISOString();
      for (const k of sheet.kpis) {
        await tx.query(
          "insert into web_kpis (id, fiscal_year, row, department, state, version, kpi, updated_at) values ($1,$2,$3,$4,$5,1,$6,$7)",
          [
            `${sheet.fiscalYear}-${k.row}`,
            sheet.fiscalYear,
            k.row,
            k.departments[0] ?? "",
            opts.state,
            JSON.stringify(k),
            now,
          ],
        );
      }
      await tx.query(
        "insert into web_audit (id, at, actor, action, kpi_id, fiscal_year, before, after) values ($1,$2,$3,$4,null,$5,null,$6)",
        [
          this.deps.newId(),
          now,
          opts.actor,
          "import",
          sheet.fiscalYear,
          JSON.stringify({ kpis: sheet.kpis.length }),
        ],
      );
    });
  }

  async kpisOfYear(fiscalYear: number): Promise<KpiRowRecord[]> {
    return (await this.q("select * from web_kpis where fiscal_year = $1 order by row", [fiscalYear])).map(
      toKpi,
    );
  }
  async kpiById(id: string): Promise<KpiRowRecord | null> {
    const r = await this.q("select * from web_kpis where id = $1", [id]);
    return r[0] ? toKpi(r[0]) : null;
  }
  /** Every year's row of the KPI with this indicator under the same 施策. */
  async kpiHistory(kpi: Kpi): Promise<KpiRowRecord[]> {
    const r = await this.q(
      "select * from web_kpis where kpi->>'indicator' = $1 and (kpi->'measure'->>'no')::int = $2 order by fiscal_year",
      [kpi.indicator, kpi.measure.no],
    );
    return r.map(toKpi);
  }

  /**
   * Writes a KPI row if its version is still `expectedVersion`; otherwise throws
   * `version_conflict` with the current row in `details.current`.
   */
  async updateKpi(
    id: string,
    expectedVersion: number,
    change: { kpi?: Kpi; state?: ReviewState },
    actor: string,
    action: string,
  ): Promise<KpiRowRecord> {
    return this.db.transaction(async (tx) => {
      const cur = await tx.query<Row>("select * from web_kpis where id = $1 for update", [id]);
      if (!cur.rows[0]) throw new SoseiError("not_found", "指定のKPIは見つかりません");
      const before = toKpi(cur.rows[0]);
      if (before.version !== expectedVersion)
        throw new SoseiError("version_conflict", "他の人が先に更新しました。最新の内容を確認してください", {
          current: before,
        });
      const now = this.deps.now().toISOString();
      const res = await tx.query<Row>(
        "update web_kpis set kpi = $2, state = $3, version = version + 1, updated_at = $4 where id = $1 returning *",
        [id, JSON.stringify(change.kpi ?? before.kpi), change.state ?? before.state, now],
      );
      const after = toKpi(res.rows[0]!);
      await tx.query(
        "insert into web_audit (id, at, actor, action, kpi_id, fiscal_year, before, after) values ($1,$2,$3,$4,$5,$6,$7,$8)",
        [
          this.deps.newId(),
          now,
          actor,
          action,
          id,
          before.fiscalYear,
          JSON.stringify({ state: before.state, kpi: change.kpi ? before.kpi : undefined }),
          JSON.stringify({ state: after.state, kpi: change.kpi ? after.kpi : undefined }),
        ],
      );
      return after;
    });
  }

  /** Publishes a year: every row must be approved; rows become `published`, the year visible. */
  async publishYear(fiscalYear: number, actor: string): Promise<void> {
    await this.db.transaction(async (tx) => {
      const rows = (
        await tx.query<Row>("select state from web_kpis where fiscal_year = $1", [fiscalYear])
      ).rows.map((r) => String(r.state));
      if (rows.length === 0) throw new SoseiError("not_found", `${fiscalYear}年度のデータがありません`);
      const pending = rows.filter((s) => s !== "approved" && s !== "published").length;
      if (pending > 0)
        throw new SoseiError("not_all_approved", `承認されていないKPIが${pending}件あるため公表できません`, {
          pending,
        });
      const now = this.deps.now().toISOString();
      await tx.query(
        "update web_kpis set state = 'published', version = version + 1, updated_at = $2 where fiscal_year = $1",
        [fiscalYear, now],
      );
      await tx.query("update web_years set published = true, open = false where fiscal_year = $1", [
        fiscalYear,
      ]);
      await tx.query(
        "insert into web_audit (id, at, actor, action, kpi_id, fiscal_year, before, after) values ($1,$2,$3,'publish',null,$4,null,null)",
        [this.deps.newId(), now, actor, fiscalYear],
      );
    });
  }

  async addComment(c: Omit<CommentRecord, "id" | "createdAt">): Promise<CommentRecord> {
    const rec: CommentRecord = { ...c, id: this.deps.newId(), createdAt: this.deps.now() };
    await this.q(
      "insert into web_comments (id, kpi_id, author, role, body, kind, created_at) values ($1,$2,$3,$4,$5,$6,$7)",
      [rec.id, rec.kpiId, rec.author, rec.role, rec.body, rec.kind, rec.createdAt.toISOString()],
    );
    return rec;
  }
  async commentsOf(kpiId: string): Promise<CommentRecord[]> {
    return (
      await this.q("select * from web_comments where kpi_id = $1 order by created_at, id", [kpiId])
    ).map(toComment);
  }
  async latestCommentsOfYear(fiscalYear: number): Promise<CommentRecord[]> {
    return (
      await this.q(
        "select c.* from web_comments c join web_kpis k on k.id = c.kpi_id where k.fiscal_year = $1 order by c.created_at, c.id",
        [fiscalYear],
      )
    ).map(toComment);
  }
  async auditOf(kpiId: string): Promise<AuditRecord[]> {
    return (await this.q("select * from web_audit where kpi_id = $1 order by at, id", [kpiId])).map(toAudit);
  }
}
