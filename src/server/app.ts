/**
 * The HTTP API (Hono). `createApp(services, options)` returns an app that `app.request()` can drive in
 * tests and @hono/node-server can serve. Handlers are thin: validate (zod) → check role → store →
 * presenter. Every failure is a SoseiError turned into one JSON shape by `errorBody`.
 */
import { timingSafeEqual } from "node:crypto";
import { existsSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { type Context, Hono } from "hono";
import { bodyLimit } from "hono/body-limit";
import { deleteCookie, getCookie, setCookie } from "hono/cookie";
import { secureHeaders } from "hono/secure-headers";
import { z } from "zod";
import { SoseiError } from "../core/errors.ts";
import type { Category, Kpi } from "../core/sheet.ts";
import { parseValue } from "../core/value/parse-value.ts";
import type { KpiYearChanges } from "../store/repositories/kpi-years.ts";
import { buildDashboard } from "./dashboard.ts";
import { errorBody } from "./errors.ts";
import { openApiDocument } from "./openapi.ts";
import { generatePassword } from "./password.ts";
import {
  normaliseForSearch,
  presentAccount,
  presentAccountAudit,
  presentAudit,
  presentComment,
  presentKpiRow,
  presentUser,
  presentYear,
  searchableText,
  sheetCsv,
} from "./presenters.ts";
import { EDITABLE_STATES, mayEditKpi, mayTransition, TRANSITIONS } from "./review.ts";
import type { KpiRowRecord, Role, UserRecord } from "./store-adapter.ts";
import type { WebServices } from "./web-services.ts";

export const SESSION_COOKIE = "sosei_session";
/** Roles an admin can give an account ("public" is the absence of a session, not an account). */
export const MANAGED_ROLES = ["admin", "planning", "department", "committee"] as const;
/** Minimum length of a password the admin types (generated ones are 19 characters). */
export const MIN_PASSWORD_LENGTH = 12;
const LOGIN_ID = /^[A-Za-z0-9][A-Za-z0-9._-]{1,31}$/;
const MAX_UPLOAD_BYTES = 10 * 1024 * 1024;

type Env = { Variables: { user: UserRecord | null; csrf: string | null; sessionId: string | null } };

export interface AppOptions {
  /** Built UI (web/dist) to serve at `/`, with index.html for client-side routes. */
  staticDir?: string;
}

function parse<T extends z.ZodType>(schema: T, data: unknown): z.infer<T> {
  const r = schema.safeParse(data);
  if (!r.success)
    throw new SoseiError("validation_failed", "入力内容が正しくありません", {
      issues: r.error.issues.map((i) => ({ path: i.path.join("."), message: i.message })),
    });
  return r.data;
}

/** NUL is never meaningful in a sheet or a form, and PostgreSQL refuses it in text: refuse it at the edge. */
const NUL_REFUSED = () =>
  new SoseiError(
    "validation_failed",
    "入力に使えない文字（NUL）が含まれています / input contains a NUL character",
  );

function refuseNul(value: unknown): void {
  if (typeof value === "string") {
    if (value.includes("\u0000")) throw NUL_REFUSED();
  } else if (Array.isArray(value)) value.forEach(refuseNul);
  else if (value && typeof value === "object") for (const v of Object.values(value)) refuseNul(v);
}

async function jsonBody(c: Context): Promise<unknown> {
  let body: unknown;
  try {
    body = await c.req.json();
  } catch {
    throw new SoseiError("validation_failed", "リクエスト本文が JSON として読めません");
  }
  refuseNul(body);
  return body;
}

/** Compares the CSRF token in constant time, so its value cannot be probed by timing. */
function sameToken(given: string | undefined, expected: string | null): boolean {
  if (!given || !expected) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

const isLocalHost = (host: string) => ["localhost", "127.0.0.1", "[::1]", "::1"].includes(host);

export function createApp(services: WebServices, options: AppOptions = {}) {
  const { store } = services;
  const app = new Hono<Env>();
  const loginFailures = new Map<string, number[]>();

  app.onError((e, c) => {
    const { status, body } = errorBody(e);
    if (status >= 500 && process.env.SOSEI_DEBUG) console.error(e);
    return c.json(body, status as 400);
  });
  app.notFound((c) =>
    c.json({ error: { code: "not_found", message: "見つかりません", messageEn: "Not found." } }, 404),
  );

  app.use(
    "*",
    secureHeaders({
      contentSecurityPolicy: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", "data:"],
        connectSrc: ["'self'"],
        fontSrc: ["'self'"],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
      },
      referrerPolicy: "same-origin",
      crossOriginEmbedderPolicy: false,
    }),
  );

  // NUL in the path or query string (e.g. a search word) is refused before any handler sees it.
  app.use("/api/*", async (c, next) => {
    let url: string;
    try {
      url = decodeURIComponent(c.req.url);
    } catch {
      throw new SoseiError("validation_failed", "URL が正しくありません / malformed URL");
    }
    if (url.includes("\u0000")) throw NUL_REFUSED();
    await next();
  });

  // Session: a missing cookie is "not logged in"; a cookie whose session is gone is `session_expired`.
  app.use("/api/*", async (c, next) => {
    c.set("user", null);
    c.set("csrf", null);
    c.set("sessionId", null);
    const sid = getCookie(c, SESSION_COOKIE);
    let expired = false;
    if (sid) {
      const s = await store.sessionByToken(sid);
      if (s) {
        c.set("user", s.user);
        c.set("csrf", s.csrf);
        c.set("sessionId", sid);
      } else expired = true;
    }
    const method = c.req.method;
    const stateChanging = method !== "GET" && method !== "HEAD" && method !== "OPTIONS";
    const isLogin = c.req.path === "/api/auth/login";
    if (c.req.path === "/api/auth/logout" && !c.get("user")) {
      // Nothing to protect: just forget the dead cookie, so the browser can fall back to the public view.
      deleteCookie(c, SESSION_COOKIE, { path: "/" });
      return c.json({ ok: true });
    }
    if (stateChanging && !isLogin) {
      if (!c.get("user"))
        throw expired
          ? new SoseiError("session_expired", "ログインの有効期限が切れました。もう一度ログインしてください")
          : new SoseiError("unauthenticated", "ログインしてください");
      if (!sameToken(c.req.header("x-csrf-token"), c.get("csrf")))
        throw new SoseiError(
          "csrf_failed",
          "画面を読み込み直してから、もう一度操作してください（CSRF トークン不一致）",
        );
    }
    if (expired && !c.get("user") && c.req.path !== "/api/auth/me" && !isLogin) {
      // Reading with a dead session: say so instead of quietly showing the public view.
      throw new SoseiError("session_expired", "ログインの有効期限が切れました。もう一度ログインしてください");
    }
    await next();
  });

  // Read cache (read-cache.ts): any state-changing request may have changed what the cached reads show,
  // so it moves the data generation on — whether it succeeded or not (a failure may have written part
  // of something before failing; a spurious bump costs one cache refill). Only requests known to
  // write nothing of the data are left out.
  const cache = services.readCache;
  const NO_DATA_WRITE = new Set(["/api/auth/login", "/api/auth/logout", "/api/parse-value", "/api/imports"]);
  app.use("/api/*", async (c, next) => {
    const method = c.req.method;
    if (
      !cache ||
      method === "GET" ||
      method === "HEAD" ||
      method === "OPTIONS" ||
      NO_DATA_WRITE.has(c.req.path)
    )
      return next();
    try {
      await next();
    } finally {
      cache.bump();
    }
  });
  /**
   * Serves a read endpoint's JSON from the cache, keyed by municipality, who asks (role and 担当課;
   * "public" without a session), path and query string; builds and stores it on a miss (one build per
   * key at a time). The generation is taken before the database is read, so a write during the build
   * discards the entry.
   */
  const cachedJson =
    (handler: (c: Context<Env>) => Promise<Response>) =>
    async (c: Context<Env>): Promise<Response> => {
      if (!cache) return handler(c);
      const u = c.get("user");
      const url = new URL(c.req.url);
      const key = JSON.stringify([
        services.municipality ?? "",
        u ? `${u.role}:${u.department ?? ""}` : "public",
        url.pathname,
        url.search,
      ]);
      let built: Response | undefined;
      const body = await cache.through(key, async () => {
        built = await handler(c);
        if (built.status !== 200) return undefined;
        return {
          body: await built.clone().text(),
          contentType: built.headers.get("content-type") ?? "application/json",
        };
      });
      if (built) return built;
      if (body) return c.body(body.body, 200, { "content-type": body.contentType });
      // waited for another request's build, which was not cacheable: answer on our own
      return handler(c);
    };

  const requireUser = (c: Context<Env>, roles?: Role[]): UserRecord => {
    const u = c.get("user");
    if (!u) throw new SoseiError("unauthenticated", "ログインしてください");
    if (roles && !roles.includes(u.role)) throw new SoseiError("forbidden", "この操作の権限がありません");
    return u;
  };

  /** Public visitors see published years only; any logged-in user sees every year. */
  const visibleYear = async (c: Context<Env>, fiscalYear: number) => {
    const y = await store.year(fiscalYear);
    if (!y || (!y.published && !c.get("user")))
      throw new SoseiError("not_found", `${fiscalYear}年度の評価シートは見つかりません`);
    return y;
  };
  /** A version_conflict carries the current row, shaped like every other row. */
  const presentConflict = (e: unknown): never => {
    if (e instanceof SoseiError && e.code === "version_conflict" && e.details?.current)
      throw new SoseiError("version_conflict", e.message, {
        current: present(e.details.current as KpiRowRecord),
      });
    throw e;
  };
  const present = (r: KpiRowRecord) => presentKpiRow(r, services.computeCategory(r.kpi, r.fiscalYear));
  const yearParam = (c: Context) => parse(z.coerce.number().int().min(1900).max(2200), c.req.param("year"));

  // --- meta
  app.get("/api/health", (c) => c.json({ ok: true }));
  app.get("/api/openapi.json", (c) => c.json(openApiDocument));

  // --- auth
  app.post("/api/auth/login", async (c) => {
    const body = parse(
      z.object({ username: z.string().min(1).max(100), password: z.string().min(1).max(200) }),
      await jsonBody(c),
    );
    // Slow down password guessing: after 10 failures for a user name, wait 5 minutes.
    const now = services.now().getTime();
    const fails = (loginFailures.get(body.username) ?? []).filter((t) => now - t < 5 * 60_000);
    if (fails.length >= 10)
      throw new SoseiError(
        "too_many_attempts",
        "ログインの失敗が続いたため、5分ほど待ってからもう一度お試しください",
      );
    const u = await store.authenticate(body.username, body.password);
    if (!u) {
      loginFailures.set(body.username, [...fails, now]);
      if (loginFailures.size > 10_000) loginFailures.clear();
      throw new SoseiError("bad_credentials", "ユーザー名またはパスワードが違います");
    }
    loginFailures.delete(body.username);
    const old = c.get("sessionId");
    if (old) await store.deleteSession(old);
    const { token, csrfToken: csrf } = await store.createSession(u.id, services.sessionTtlMs);
    setCookie(c, SESSION_COOKIE, token, {
      httpOnly: true,
      sameSite: "Lax",
      secure: !isLocalHost(new URL(c.req.url).hostname),
      path: "/",
      maxAge: Math.floor(services.sessionTtlMs / 1000),
    });
    return c.json({ user: presentUser(u), csrfToken: csrf });
  });
  app.post("/api/auth/logout", async (c) => {
    const sid = c.get("sessionId");
    if (sid) await store.deleteSession(sid);
    deleteCookie(c, SESSION_COOKIE, { path: "/" });
    return c.json({ ok: true });
  });
  app.get("/api/auth/me", (c) => {
    const u = c.get("user");
    return c.json({ user: u ? presentUser(u) : null, csrfToken: c.get("csrf") });
  });

  // --- account management: the admin only (planning manages data, not people)
  const accountId = (c: Context) => parse(z.string().min(1).max(100), c.req.param("id"));
  const loadAccount = async (c: Context) => {
    const a = await store.account(accountId(c));
    if (!a) throw new SoseiError("not_found", "ユーザーが見つかりません");
    return a;
  };
  app.get("/api/users", async (c) => {
    requireUser(c, ["admin"]);
    const [accounts, audit] = await Promise.all([store.listAccounts(), store.accountAudit(50)]);
    return c.json({ users: accounts.map(presentAccount), audit: audit.map(presentAccountAudit) });
  });
  app.post("/api/users", async (c) => {
    const u = requireUser(c, ["admin"]);
    const body = parse(
      z
        .object({
          username: z
            .string()
            .regex(LOGIN_ID, "ログインIDは半角英数字と . _ - で2〜32文字、英数字で始めてください"),
          displayName: z.string().trim().min(1).max(100),
          role: z.enum(MANAGED_ROLES),
          department: z.string().trim().max(100).nullable().optional(),
          password: z
            .string()
            .min(MIN_PASSWORD_LENGTH, `パスワードは${MIN_PASSWORD_LENGTH}文字以上にしてください`)
            .max(200)
            .optional(),
        })
        .refine((b) => b.role !== "department" || Boolean(b.department), {
          message: "担当課ユーザーには担当課が必要です",
          path: ["department"],
        }),
      await jsonBody(c),
    );
    const password = body.password ?? generatePassword();
    const created = await store.createUser(
      {
        username: body.username,
        password,
        role: body.role,
        department: body.role === "department" ? (body.department ?? null) : null,
        displayName: body.displayName,
      },
      u.id,
    );
    const account = (await store.account(created.id))!;
    // A generated password is returned this once; one the admin typed is not echoed back.
    return c.json({ user: presentAccount(account), ...(body.password ? {} : { password }) }, 201);
  });
  app.post("/api/users/:id/password", async (c) => {
    const u = requireUser(c, ["admin"]);
    const a = await loadAccount(c);
    const password = generatePassword();
    await store.resetPassword(a.id, password, true, u.id);
    return c.json({ user: presentAccount(a), password });
  });
  app.post("/api/users/:id/active", async (c) => {
    const u = requireUser(c, ["admin"]);
    const a = await loadAccount(c);
    const body = parse(z.object({ active: z.boolean() }), await jsonBody(c));
    if (!body.active && a.id === u.id)
      throw new SoseiError(
        "cannot_deactivate_self",
        "自分のアカウントは無効にできません（別の管理者に依頼してください）",
      );
    const saved = await store.setActive(a.id, body.active, u.id);
    return c.json({ user: presentAccount(saved) });
  });

  // --- years, dashboard, sheet rows
  app.get(
    "/api/years",
    cachedJson(async (c) => {
      const years = await store.listYears();
      const visible = c.get("user") ? years : years.filter((y) => y.published);
      return c.json({ years: visible.map(presentYear) });
    }),
  );

  app.get(
    "/api/years/:year/dashboard",
    cachedJson(async (c) => {
      const y = await visibleYear(c, yearParam(c));
      const rows = await store.kpisOfYear(y.fiscalYear);
      return c.json(buildDashboard(y, rows, services.computeCategory, Boolean(c.get("user"))));
    }),
  );

  const categoryEnum = z.enum(["on_track", "mostly_on_track", "delayed", "not_evaluable"]);
  app.get(
    "/api/years/:year/kpis",
    cachedJson(async (c) => {
      const y = await visibleYear(c, yearParam(c));
      const f = parse(
        z.object({
          goal: z.coerce.number().int().optional(),
          department: z.string().max(100).optional(),
          evaluation: categoryEnum.optional(),
          disagreement: z.enum(["1", "true", "0", "false"]).optional(),
          q: z.string().max(200).optional(),
        }),
        c.req.query(),
      );
      const q = f.q ? normaliseForSearch(f.q) : "";
      const rows = (await store.kpisOfYear(y.fiscalYear)).map(present).filter((r) => {
        const k = r.kpi;
        if (f.goal !== undefined && k.goal.no !== f.goal) return false;
        if (f.department && !k.departments.includes(f.department)) return false;
        if (f.evaluation && k.evaluation.category !== f.evaluation) return false;
        if ((f.disagreement === "1" || f.disagreement === "true") && !r.disagreement) return false;
        if (q && !searchableText(k).includes(q)) return false;
        return true;
      });
      return c.json({ year: presentYear(y), rows });
    }),
  );

  // --- KPI detail
  const loadKpi = async (c: Context<Env>) => {
    const r = await store.kpiByKey(parse(z.string().regex(/^\d{4}-\d+$/), c.req.param("id")));
    if (!r) throw new SoseiError("not_found", "指定のKPIは見つかりません");
    await visibleYear(c, r.fiscalYear);
    return r;
  };
  app.get("/api/kpis/:id", async (c) => {
    const r = await loadKpi(c);
    const loggedIn = Boolean(c.get("user"));
    const history = [];
    for (const h of await store.history(r)) {
      const y = await store.year(h.fiscalYear);
      if (!loggedIn && !y?.published) continue;
      history.push({
        id: h.id,
        fiscalYear: h.fiscalYear,
        state: h.state,
        target: h.kpi.target,
        actual: h.kpi.actual,
        finalTarget: h.kpi.finalTarget,
        evaluation: h.kpi.evaluation,
        computed: services.computeCategory(h.kpi, h.fiscalYear),
      });
    }
    return c.json({
      row: present(r),
      history,
      comments: loggedIn ? (await store.commentsOf(r)).map(presentComment) : [],
      audit: loggedIn ? (await store.auditOf(r)).map(presentAudit) : [],
    });
  });

  // --- data entry
  app.get("/api/entry", async (c) => {
    const u = requireUser(c, ["admin", "planning", "department"]);
    const years = await store.listYears();
    const open = years.find((y) => y.open);
    if (!open) return c.json({ year: null, rows: [] });
    const rows = (await store.kpisOfYear(open.fiscalYear)).filter((r) => mayEditKpi(u, r.kpi.departments));
    return c.json({ year: presentYear(open), rows: rows.map(present) });
  });

  const textField = z.string().max(4000).nullable();
  app.put("/api/kpis/:id", async (c) => {
    const u = requireUser(c, ["admin", "planning", "department"]);
    const r = await loadKpi(c);
    if (!mayEditKpi(u, r.kpi.departments))
      throw new SoseiError("forbidden", "他の担当課のKPIは編集できません");
    const body = parse(
      z.object({
        version: z.number().int(),
        actualText: z.string().max(200).optional(),
        reason: textField.optional(),
        challenge: textField.optional(),
        nextSteps: textField.optional(),
        status: textField.optional(),
        evaluation: z
          .object({ category: categoryEnum, covid: z.boolean(), label: z.string().max(50).optional() })
          .optional(),
      }),
      await jsonBody(c),
    );
    if (!EDITABLE_STATES.includes(r.state))
      throw new SoseiError(
        "invalid_transition",
        "提出後・承認後のKPIは編集できません（差し戻されると編集できます）",
        {
          state: r.state,
        },
      );
    const changes: KpiYearChanges = {};
    if (body.actualText !== undefined) {
      const period = columnPeriod(r.kpi, r.fiscalYear);
      if (body.actualText.trim() === "") changes.actual = { kind: "missing", raw: "" };
      else {
        const pv = parseValue(body.actualText, period);
        if (!pv.ok)
          throw new SoseiError("invalid_value", `実績値を読み取れません: ${pv.problem.message}`, {
            field: "actualText",
            problem: pv.problem,
          });
        changes.actual = pv.value;
      }
    }
    if (body.reason !== undefined) changes.reason = body.reason;
    if (body.challenge !== undefined) changes.challenge = body.challenge;
    if (body.nextSteps !== undefined) changes.nextSteps = body.nextSteps;
    if (body.status !== undefined) changes.status = body.status;
    if (body.evaluation) changes.evaluation = body.evaluation;
    const saved = await store.updateKpi(r, body.version, changes, u.id).catch(presentConflict);
    return c.json({ row: present(saved) });
  });

  app.post("/api/parse-value", async (c) => {
    requireUser(c);
    const body = parse(
      z.object({
        text: z.string().max(200),
        year: z.number().int(),
        basis: z.enum(["fiscal", "calendar"]).default("fiscal"),
      }),
      await jsonBody(c),
    );
    return c.json(parseValue(body.text, { year: body.year, basis: body.basis }));
  });

  // --- review
  app.get("/api/review", async (c) => {
    requireUser(c, ["admin", "planning", "committee"]);
    const years = await store.listYears();
    const yq = c.req.query("year");
    const year = yq
      ? parse(z.coerce.number().int().min(1900).max(2200), yq)
      : (years.find((y) => y.open) ?? years.at(-1))?.fiscalYear;
    const y = year === undefined ? undefined : years.find((x) => x.fiscalYear === year);
    if (!y) return c.json({ year: null, rows: [] });
    const rows = await store.kpisOfYear(y.fiscalYear);
    return c.json({ year: presentYear(y), rows: rows.map(present) });
  });

  app.post("/api/kpis/:id/transitions", async (c) => {
    const u = requireUser(c, ["admin", "planning", "department"]);
    const r = await loadKpi(c);
    const body = parse(
      z.object({
        action: z.enum(["submit", "return", "approve"]),
        version: z.number().int(),
        comment: z.string().max(4000).optional(),
      }),
      await jsonBody(c),
    );
    if (!mayTransition(u, body.action, r.kpi.departments))
      throw new SoseiError("forbidden", "この操作の権限がありません");
    const rule = TRANSITIONS[body.action];
    if (!rule.from.includes(r.state))
      throw new SoseiError("invalid_transition", `現在の状態（${r.state}）からはこの操作はできません`, {
        state: r.state,
        action: body.action,
      });
    if (body.action === "return" && !body.comment?.trim())
      throw new SoseiError("validation_failed", "差し戻すときはコメントを書いてください", {
        field: "comment",
      });
    const saved = await store
      .transition(r, body.version, rule.to, body.comment?.trim() || undefined, u.id)
      .catch(presentConflict);
    return c.json({ row: present(saved) });
  });

  app.post("/api/years/:year/publish", async (c) => {
    const u = requireUser(c, ["admin", "planning"]);
    const year = yearParam(c);
    if (!(await store.year(year))) throw new SoseiError("not_found", `${year}年度のデータがありません`);
    await store.publishYear(year, u.username);
    return c.json({ year: presentYear((await store.year(year))!) });
  });

  // --- comments
  app.get("/api/kpis/:id/comments", async (c) => {
    requireUser(c);
    const r = await loadKpi(c);
    return c.json({ comments: (await store.commentsOf(r)).map(presentComment) });
  });
  app.post("/api/kpis/:id/comments", async (c) => {
    const u = requireUser(c, ["admin", "planning", "committee"]);
    const r = await loadKpi(c);
    const body = parse(z.object({ body: z.string().trim().min(1).max(4000) }), await jsonBody(c));
    const saved = await store.addComment(r, body.body, u.id);
    return c.json({ comment: presentComment(saved) }, 201);
  });

  // --- import (two steps) and export
  app.post(
    "/api/imports",
    bodyLimit({
      maxSize: MAX_UPLOAD_BYTES,
      onError: () => {
        throw new SoseiError("payload_too_large", "ファイルが大きすぎます（10MBまで）");
      },
    }),
    async (c) => {
      const u = requireUser(c, ["admin", "planning"]);
      if (!(c.req.header("content-type") ?? "").startsWith("multipart/form-data"))
        throw new SoseiError("invalid_upload", "ファイルを multipart/form-data の file 欄で送ってください");
      const form = await c.req.parseBody().catch(() => {
        throw new SoseiError("invalid_upload", "アップロードを読み取れません");
      });
      const file = form.file;
      if (!(file instanceof File) || file.size === 0)
        throw new SoseiError("invalid_upload", "ファイルが選ばれていないか、空のファイルです");
      // The browser's file name is only a label: keep no directory part (either slash), ever.
      const fileName = path.basename(file.name.replaceAll("\\", "/"));
      const outcome = await services.importSheet(new Uint8Array(await file.arrayBuffer()), fileName);
      if (!outcome.ok || !outcome.sheet)
        throw new SoseiError(
          "import_failed",
          `${fileName} を読み込めませんでした: ${outcome.report.problems[0]?.message ?? "原因不明"}`,
          {
            report: outcome.report,
          },
        );
      const token = services.newToken();
      for (const [k, v] of services.pendingImports)
        if (v.expires < Date.now()) services.pendingImports.delete(k);
      services.pendingImports.set(token, {
        sheet: outcome.sheet,
        fileName,
        expires: Date.now() + 30 * 60 * 1000,
        userId: u.id,
      });
      const existing = await store.year(outcome.sheet.fiscalYear);
      return c.json({
        token,
        fileName,
        fiscalYear: outcome.sheet.fiscalYear,
        municipality: outcome.sheet.municipality ?? null,
        kpiCount: outcome.sheet.kpis.length,
        replaces: existing ? presentYear(existing) : null,
        report: outcome.report,
      });
    },
  );
  app.post("/api/imports/:token/confirm", async (c) => {
    const u = requireUser(c, ["admin", "planning"]);
    const p = services.pendingImports.get(c.req.param("token"));
    if (!p || p.userId !== u.id || p.expires < Date.now())
      throw new SoseiError(
        "not_found",
        "確認待ちの取り込みが見つかりません。もう一度ファイルを選んでください",
      );
    const existing = await store.year(p.sheet.fiscalYear);
    if (existing?.published)
      throw new SoseiError("year_published", `${p.sheet.fiscalYear}年度は公表済みのため置き換えできません`);
    await store.saveSheet(p.sheet, u.id);
    services.pendingImports.delete(c.req.param("token"));
    return c.json({ year: presentYear((await store.year(p.sheet.fiscalYear))!) }, 201);
  });

  app.get("/api/years/:year/export.json", async (c) => {
    const y = await visibleYear(c, yearParam(c));
    const sheet = await store.exportSheet(y.fiscalYear);
    c.header("content-disposition", `attachment; filename="sheet-${y.fiscalYear}.json"`);
    return c.json(sheet);
  });
  app.get("/api/years/:year/export.csv", async (c) => {
    const y = await visibleYear(c, yearParam(c));
    const rows = await store.kpisOfYear(y.fiscalYear);
    c.header("content-type", "text/csv; charset=utf-8");
    c.header("content-disposition", `attachment; filename="sheet-${y.fiscalYear}.csv"`);
    return c.body(sheetCsv(rows));
  });

  app.all("/api/*", (c) =>
    c.json({ error: { code: "not_found", message: "見つかりません", messageEn: "Not found." } }, 404),
  );

  if (options.staticDir) mountStatic(app, options.staticDir);
  return app;
}

/** The period of the "actual" column for a fiscal year: the target's own period when it names one. */
function columnPeriod(kpi: Kpi, fiscalYear: number) {
  const t = kpi.target;
  if (t.kind === "number" || t.kind === "segmented") return t.period;
  return { year: fiscalYear, basis: "fiscal" as const };
}

const MIME: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".json": "application/json",
  ".ico": "image/x-icon",
  ".woff2": "font/woff2",
};

function mountStatic(app: Hono<Env>, dir: string) {
  const root = path.resolve(dir);
  app.get("*", (c) => {
    let rel: string;
    try {
      rel = decodeURIComponent(new URL(c.req.url).pathname);
    } catch {
      return c.text("Bad Request", 400);
    }
    // Resolved inside the UI folder or not served at all: `..`, encoded or not, cannot climb out.
    let file = path.resolve(root, `.${rel}`);
    if (!file.startsWith(root + path.sep) || !existsSync(file) || !statSync(file).isFile())
      file = path.join(root, "index.html");
    if (!existsSync(file)) return c.text("UI not built", 404);
    const ext = path.extname(file);
    const immutable = rel.startsWith("/assets/");
    return c.body(readFileSync(file), 200, {
      "content-type": MIME[ext] ?? "application/octet-stream",
      "cache-control": immutable ? "public, max-age=31536000, immutable" : "no-cache",
    });
  });
}

export type { Category };
