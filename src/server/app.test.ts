import { readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, afterEach, describe, expect, it } from "vitest";
import { fixedClock } from "../core/clock.ts";
import { anonymous, demoDir, freshApp, login } from "./test-helpers.ts";

type Ctx = Awaited<ReturnType<typeof freshApp>>;
let ctx: Ctx | null = null;
afterEach(async () => {
  if (ctx !== sharedCtx) await ctx?.services.close();
  ctx = null;
});
// Tests that change nothing another test looks at share one app (a fresh one costs seconds).
let sharedCtx: Ctx | null = null;
const shared = async () => {
  sharedCtx ??= await freshApp();
  return sharedCtx;
};
afterAll(async () => {
  await sharedCtx?.services.close();
});

const errorOf = async (res: Response) =>
  ((await res.json()) as { error: { code: string; message: string } }).error;

describe("sessions and CSRF", () => {
  it("sets an HttpOnly SameSite=Lax cookie; Secure comes from the configuration, not the Host header", async () => {
    ctx = await shared();
    const req = (host: string) =>
      ctx!.app.request(`http://${host}/api/auth/login`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ username: "admin", password: "pw-admin-0000" }),
      });
    const local = (await req("localhost")).headers.get("set-cookie")!;
    expect(local).toMatch(/HttpOnly/);
    expect(local).toMatch(/SameSite=Lax/);
    expect(local).not.toMatch(/Secure/);
    // a plain-HTTP server without --public-url: the Host header alone does not make the cookie Secure
    expect((await req("sosei.example.jp")).headers.get("set-cookie")).not.toMatch(/Secure/);
  });

  it("refuses a wrong password with bad_credentials", async () => {
    ctx = await shared();
    const res = await anonymous(ctx.app).request("POST", "/api/auth/login", {
      username: "admin",
      password: "x",
    });
    expect(res.status).toBe(401);
    expect((await errorOf(res)).code).toBe("bad_credentials");
  });

  it("slows down password guessing with a growing delay, never a lockout (issue #16 F3)", async () => {
    const clock = fixedClock("2026-06-01T00:00:00Z");
    ctx = await freshApp({ now: () => clock.now() });
    const pub = anonymous(ctx.app);
    for (let i = 0; i < 5; i++)
      expect(
        (await pub.request("POST", "/api/auth/login", { username: "shoko", password: "x" })).status,
      ).toBe(401);
    const res = await pub.request("POST", "/api/auth/login", {
      username: "shoko",
      password: "pw-shoko-0000",
    });
    expect(res.status).toBe(429);
    expect(res.headers.get("retry-after")).toBe("2");
    expect((await errorOf(res)).code).toBe("too_many_attempts");
    expect(
      (await pub.request("POST", "/api/auth/login", { username: "kanko", password: "pw-kanko-0000" })).status,
    ).toBe(200);
    // The owner gets in once the delay has passed: a stranger's failures cannot lock the account.
    clock.advance(2_000);
    expect(
      (await pub.request("POST", "/api/auth/login", { username: "shoko", password: "pw-shoko-0000" })).status,
    ).toBe(200);
  });

  it("refuses state-changing requests without or with a wrong CSRF token", async () => {
    ctx = await shared();
    const c = await login(ctx.app, "committee");
    for (const token of [undefined, "wrong", ""]) {
      const headers: Record<string, string> = { cookie: c.cookie, "content-type": "application/json" };
      if (token !== undefined) headers["x-csrf-token"] = token;
      const res = await ctx.app.request("http://localhost/api/kpis/2022-1/comments", {
        method: "POST",
        headers,
        body: JSON.stringify({ body: "hi" }),
      });
      expect(res.status).toBe(403);
      expect((await errorOf(res)).code).toBe("csrf_failed");
    }
    // another session's token does not work either
    const other = await login(ctx.app, "planning");
    const res = await c.request(
      "POST",
      "/api/kpis/2022-1/comments",
      { body: "hi" },
      { "x-csrf-token": other.csrf },
    );
    expect(res.status).toBe(403);
    expect((await c.request("POST", "/api/kpis/2022-1/comments", { body: "hi" })).status).toBe(201);
  });

  it("answers 401 session_expired when the session is gone, and after it expires", async () => {
    let now = new Date("2026-04-01T09:00:00Z");
    ctx = await freshApp({ now: () => now, sessionTtlMs: 60_000 });
    const c = await login(ctx.app, "shoko");
    expect((await c.request("GET", "/api/entry")).status).toBe(200);
    now = new Date(now.getTime() + 61_000);
    const res = await c.request("PUT", "/api/kpis/2022-1", { version: 1, reason: "x" });
    expect(res.status).toBe(401);
    expect((await errorOf(res)).code).toBe("session_expired");
    const read = await c.request("GET", "/api/entry");
    expect(read.status).toBe(401);
    expect((await errorOf(read)).code).toBe("session_expired");

    const d = await login(ctx.app, "shoko");
    await d.request("POST", "/api/auth/logout");
    expect((await errorOf(await d.request("GET", "/api/entry"))).code).toBe("session_expired");
  });

  it("sends security headers with a CSP", async () => {
    ctx = await shared();
    const res = await ctx.app.request("http://localhost/api/health");
    expect(res.headers.get("content-security-policy")).toContain("default-src 'self'");
    expect(res.headers.get("x-content-type-options")).toBe("nosniff");
    expect(res.headers.get("x-frame-options")).toBe("SAMEORIGIN");
  });
});

describe("data entry and review", () => {
  it("walks draft → submitted → returned → submitted → approved → published", async () => {
    ctx = await freshApp();
    const shoko = await login(ctx.app, "shoko");
    const planning = await login(ctx.app, "planning");
    const entry = (await (await shoko.request("GET", "/api/entry")).json()) as {
      rows: { id: string; version: number; department: string }[];
    };
    expect(entry.rows.map((r) => r.id)).toEqual(["2022-1", "2022-2"]);

    let res = await shoko.request("PUT", "/api/kpis/2022-2", {
      version: 1,
      actualText: "41件",
      reason: null,
    });
    expect(res.status).toBe(200);
    let row = ((await res.json()) as { row: { version: number; state: string; kpi: { actual: unknown } } })
      .row;
    expect(row.version).toBe(2);

    // another department may not touch it
    const kanko = await login(ctx.app, "kanko");
    res = await kanko.request("PUT", "/api/kpis/2022-2", { version: 2, reason: "x" });
    expect(res.status).toBe(403);

    // a stale version → 409 with the current values
    res = await shoko.request("PUT", "/api/kpis/2022-2", { version: 1, reason: "古い画面から" });
    expect(res.status).toBe(409);
    const conflict = (await res.json()) as {
      error: { code: string; details: { current: { version: number } } };
    };
    expect(conflict.error.code).toBe("version_conflict");
    expect(conflict.error.details.current.version).toBe(2);

    const step = async (who: typeof shoko, action: string, comment?: string) => {
      const r = await who.request("POST", "/api/kpis/2022-2/transitions", {
        action,
        version: row.version,
        comment,
      });
      const j = (await r.json()) as { row: typeof row };
      if (r.status === 200) row = j.row;
      return r.status;
    };
    expect(await step(shoko, "approve")).toBe(403);
    expect(await step(shoko, "submit")).toBe(400); // 評価不可 without a reason: entry_incomplete
    res = await shoko.request("PUT", "/api/kpis/2022-2", {
      version: row.version,
      evaluation: { category: "on_track", covid: false },
    });
    row = ((await res.json()) as { row: typeof row }).row;
    expect(await step(shoko, "submit")).toBe(200);
    expect(row.state).toBe("submitted");
    expect(
      (await shoko.request("PUT", "/api/kpis/2022-2", { version: row.version, reason: "x" })).status,
    ).toBe(409);
    expect(await step(planning, "return")).toBe(400); // a return needs a comment
    expect(await step(planning, "return", "実績の根拠を追記してください")).toBe(200);
    expect(row.state).toBe("returned");
    res = await shoko.request("PUT", "/api/kpis/2022-2", {
      version: row.version,
      reason: "根拠: 創業支援窓口の記録",
    });
    row = ((await res.json()) as { row: typeof row }).row;
    expect(await step(shoko, "submit")).toBe(200);
    expect(await step(planning, "approve")).toBe(200);
    expect(row.state).toBe("approved");

    const detail = (await (await planning.request("GET", "/api/kpis/2022-2")).json()) as {
      comments: { body: string; kind: string }[];
      audit: { action: string }[];
      history: { fiscalYear: number }[];
    };
    expect(detail.comments).toEqual([
      expect.objectContaining({ body: "実績の根拠を追記してください", kind: "return" }),
    ]);
    expect(detail.audit.map((a) => a.action)).toEqual([
      "create",
      "update",
      "update", // the evaluation stated before the first submit
      "review:submitted",
      "review:returned",
      "update",
      "review:submitted",
      "review:approved",
    ]);
    expect(detail.history.map((h) => h.fiscalYear)).toEqual([2021, 2022]);

    // publishing needs every KPI approved
    res = await planning.request("POST", "/api/years/2022/publish");
    expect(res.status).toBe(409);
    expect((await errorOf(res)).code).toBe("not_all_approved");
  });

  it("rejects an unreadable value with a Japanese message and keeps nothing", async () => {
    ctx = await shared();
    const shoko = await login(ctx.app, "shoko");
    const res = await shoko.request("PUT", "/api/kpis/2022-2", { version: 1, actualText: "x".repeat(300) });
    expect(res.status).toBe(400);
    expect((await errorOf(res)).code).toBe("validation_failed");
  });
});

describe("sheet rows, search, dashboard, export", () => {
  it("lists only published years to the public", async () => {
    ctx = await shared();
    const years = async (c: { request: (m: string, u: string) => Promise<Response> }) =>
      (
        (await (await c.request("GET", "/api/years")).json()) as {
          years: { fiscalYear: number; open: boolean }[];
        }
      ).years;
    expect((await years(anonymous(ctx.app))).map((y) => y.fiscalYear)).toEqual([2021]);
    const planning = await years(await login(ctx.app, "planning"));
    expect(planning.map((y) => [y.fiscalYear, y.open])).toEqual([
      [2021, false],
      [2022, true],
    ]);
  });

  it("finds 2-character words such as 出生 and filters", async () => {
    ctx = await shared();
    const pub = anonymous(ctx.app);
    const get = async (q: string) =>
      (
        (await (await pub.request("GET", `/api/years/2021/kpis${q}`)).json()) as {
          rows: { kpi: { indicator: string } }[];
        }
      ).rows;
    expect((await get("?q=出生")).map((r) => r.kpi.indicator)).toEqual(["合計特殊出生率", "出生数"]);
    expect((await get("?goal=2")).length).toBe(3);
    expect((await get("?department=観光課")).length).toBe(2);
    expect((await get("?evaluation=delayed")).every((r) => r.kpi.indicator)).toBe(true);
    expect((await pub.request("GET", "/api/years/2021/kpis?evaluation=bad")).status).toBe(400);
  });

  it("summarises a year per 大基本目標", async () => {
    ctx = await shared();
    const d = (await (await anonymous(ctx.app).request("GET", "/api/years/2021/dashboard")).json()) as {
      total: number;
      goals: { no: number; total: number }[];
      entryProgress: unknown[];
    };
    expect(d.total).toBe(12);
    expect(d.goals.map((g) => [g.no, g.total])).toEqual([
      [1, 4],
      [2, 3],
      [3, 5],
    ]);
    expect(d.entryProgress).toEqual([]);
    const p = (await (
      await (await login(ctx.app, "planning")).request("GET", "/api/years/2022/dashboard")
    ).json()) as {
      entryProgress: { department: string; draft: number }[];
    };
    expect(p.entryProgress.find((e) => e.department === "観光課")?.draft).toBe(2);
  });

  it("exports CSV with a BOM and JSON as sheet/1", async () => {
    ctx = await shared();
    const pub = anonymous(ctx.app);
    const bytes = new Uint8Array(
      await (await pub.request("GET", "/api/years/2021/export.csv")).arrayBuffer(),
    );
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const csv = new TextDecoder().decode(bytes);
    expect(csv.split("\r\n").length).toBe(14);
    const json = (await (await pub.request("GET", "/api/years/2021/export.json")).json()) as {
      format: string;
    };
    expect(json.format).toBe("sheet/1");
  });
});

describe("import upload", () => {
  const upload = (name: string, content: string) => {
    const fd = new FormData();
    fd.set("file", new File([content], name));
    return fd;
  };

  it("previews, then saves only on confirm", async () => {
    ctx = await freshApp();
    const admin = await login(ctx.app, "admin");
    const sheet = JSON.parse(readFileSync(path.join(demoDir, "minato-2022.json"), "utf8"));
    sheet.fiscalYear = 2023;
    let res = await admin.request("POST", "/api/imports", upload("minato-2023.json", JSON.stringify(sheet)));
    expect(res.status).toBe(200);
    const preview = (await res.json()) as { token: string; kpiCount: number; fiscalYear: number };
    expect(preview).toMatchObject({ kpiCount: 12, fiscalYear: 2023 });
    expect((await admin.request("GET", "/api/years/2023/kpis")).status).toBe(404);
    res = await admin.request("POST", `/api/imports/${preview.token}/confirm`, {});
    expect(res.status).toBe(201);
    expect((await admin.request("GET", "/api/years/2023/kpis")).status).toBe(200);
    // a token is used once
    expect((await admin.request("POST", `/api/imports/${preview.token}/confirm`, {})).status).toBe(404);
  });

  it("says clearly what is wrong with a bad upload", async () => {
    ctx = await shared();
    const admin = await login(ctx.app, "admin");
    let res = await admin.request("POST", "/api/imports", upload("sheet.json", "{ not json"));
    expect(res.status).toBe(422);
    let e = await errorOf(res);
    expect(e.code).toBe("import_failed");
    expect(e.message).toContain("sheet.json");

    const bad = JSON.parse(readFileSync(path.join(demoDir, "minato-2022.json"), "utf8"));
    bad.kpis[2].target = { kind: "number", value: "many" };
    res = await admin.request("POST", "/api/imports", upload("bad.json", JSON.stringify(bad)));
    expect(res.status).toBe(422);
    // the importer names the place: kpis.2 is the third KPI
    expect((await errorOf(res)).message).toContain("kpis.2.target");

    res = await admin.request("POST", "/api/imports", upload("sheet.exe", "MZ"));
    expect(res.status).toBe(422);
    e = await errorOf(res);
    expect(e.message).toContain("表が見つかりません");
    expect(e.message).toContain("sheet.exe");

    res = await admin.request("POST", "/api/imports", upload("empty.json", ""));
    expect(res.status).toBe(400);
    expect((await errorOf(res)).code).toBe("invalid_upload");
  });
});
