/**
 * The read cache through the HTTP app: same bodies as without it, every write visible on the very next
 * read, no body built for one role served to another, and writes by another process (here: straight
 * into the store, as the CLI would) seen after the TTL at the latest.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { anonymous, type Client, demoDir, freshAppForTest, login } from "./test-helpers.ts";

const get = async (c: Client, url: string) => {
  const res = await c.request("GET", url);
  return { status: res.status, body: await res.text(), type: res.headers.get("content-type") };
};
const json = async <T>(c: Client, url: string): Promise<T> => JSON.parse((await get(c, url)).body) as T;

const READS = [
  "/api/years",
  "/api/years/2021/dashboard",
  "/api/years/2022/dashboard",
  "/api/years/2021/kpis",
  "/api/years/2022/kpis",
  "/api/years/2022/kpis?department=%E5%95%86%E5%B7%A5%E6%8C%AF%E8%88%88%E8%AA%B2",
  "/api/years/2022/kpis?evaluation=delayed&q=%E5%87%BA%E7%94%9F",
  "/api/years/2022/kpis?goal=abc",
  "/api/years/1999/kpis",
];

describe("read cache", () => {
  it("answers exactly what the uncached app answers, for every role, twice", async () => {
    // one clock for both databases, so that their timestamps (updatedAt) agree
    const now = () => new Date("2026-04-01T09:00:00Z");
    const cached = await freshAppForTest({ now });
    const plain = await freshAppForTest({ now, readCache: false });
    expect(cached.services.readCache).toBeDefined();
    expect(plain.services.readCache).toBeUndefined();
    for (const who of ["public", "shoko", "committee", "planning"]) {
      const a = who === "public" ? anonymous(cached.app) : await login(cached.app, who);
      const b = who === "public" ? anonymous(plain.app) : await login(plain.app, who);
      for (const url of READS) {
        const want = await get(b, url);
        expect(await get(a, url), `${who} ${url} (miss)`).toEqual(want);
        expect(await get(a, url), `${who} ${url} (hit)`).toEqual(want);
      }
    }
    expect(cached.services.readCache!.size).toBeGreaterThan(0);
  });

  it("shows a save and each review step on the very next read", async () => {
    const { app } = await freshAppForTest();
    const shoko = await login(app, "shoko");
    const committee = await login(app, "committee");
    type Rows = { rows: { id: string; version: number; state: string; kpi: { reason: string | null } }[] };
    const row = async () =>
      (await json<Rows>(committee, "/api/years/2022/kpis")).rows.find((r) => r.id === "2022-2")!;
    const before = await row();
    expect(await row()).toEqual(before); // now cached

    let res = await shoko.request("PUT", "/api/kpis/2022-2", {
      version: before.version,
      reason: "新しい理由",
      actualText: "38件",
      evaluation: { category: "mostly_on_track", covid: false },
    });
    expect(res.status).toBe(200);
    let now = await row();
    expect(now.kpi.reason).toBe("新しい理由");
    expect(now.version).toBe(before.version + 1);

    res = await shoko.request("POST", "/api/kpis/2022-2/transitions", {
      action: "submit",
      version: now.version,
    });
    expect(res.status).toBe(200);
    now = await row();
    expect(now.state).toBe("submitted");
    const dash = await json<{ progress?: unknown }>(committee, "/api/years/2022/dashboard");
    expect(JSON.stringify(dash)).toBe(JSON.stringify(await json(committee, "/api/years/2022/dashboard")));
  });

  it("shows a publish at once, to the public too", async () => {
    const { app } = await freshAppForTest();
    const pub = anonymous(app);
    const planning = await login(app, "planning");
    type Years = { years: { fiscalYear: number; published: boolean }[] };
    expect((await json<Years>(pub, "/api/years")).years.map((y) => y.fiscalYear)).toEqual([2021]);
    expect((await get(pub, "/api/years/2022/dashboard")).status).toBe(404);
    const rows = (await json<{ rows: { id: string; version: number }[] }>(planning, "/api/years/2022/kpis"))
      .rows;
    for (const r of rows) {
      // 評価不可 with a reason from the list: the least a submit needs
      const filled = await planning.request("PUT", `/api/kpis/${r.id}`, {
        version: r.version,
        evaluation: { category: "not_evaluable", covid: false, notEvaluableReason: "statistics_pending" },
      });
      const s = await planning.request("POST", `/api/kpis/${r.id}/transitions`, {
        action: "submit",
        version: ((await filled.json()) as { row: { version: number } }).row.version,
      });
      const v = ((await s.json()) as { row: { version: number } }).row.version;
      expect(
        (await planning.request("POST", `/api/kpis/${r.id}/transitions`, { action: "approve", version: v }))
          .status,
      ).toBe(200);
    }
    expect((await json<Years>(pub, "/api/years")).years.map((y) => y.fiscalYear)).toEqual([2021]);
    expect((await planning.request("POST", "/api/years/2022/publish")).status).toBe(200);
    expect((await json<Years>(pub, "/api/years")).years.map((y) => [y.fiscalYear, y.published])).toEqual([
      [2021, true],
      [2022, true],
    ]);
    expect((await get(pub, "/api/years/2022/dashboard")).status).toBe(200);
  });

  it("shows a confirmed import on the very next read", async () => {
    const { app } = await freshAppForTest();
    const admin = await login(app, "admin");
    type Years = { years: { fiscalYear: number }[] };
    expect((await json<Years>(admin, "/api/years")).years.map((y) => y.fiscalYear)).toEqual([2021, 2022]);
    expect((await get(admin, "/api/years/2023/kpis")).status).toBe(404);
    const sheet = JSON.parse(readFileSync(path.join(demoDir, "minato-2022.json"), "utf8"));
    sheet.fiscalYear = 2023;
    const fd = new FormData();
    fd.set("file", new File([JSON.stringify(sheet)], "minato-2023.json"));
    const preview = (await (await admin.request("POST", "/api/imports", fd)).json()) as { token: string };
    // the preview writes nothing: still cached and still right
    expect((await json<Years>(admin, "/api/years")).years.map((y) => y.fiscalYear)).toEqual([2021, 2022]);
    expect((await admin.request("POST", `/api/imports/${preview.token}/confirm`, {})).status).toBe(201);
    expect((await json<Years>(admin, "/api/years")).years.map((y) => y.fiscalYear)).toEqual([
      2021, 2022, 2023,
    ]);
    expect((await get(admin, "/api/years/2023/kpis")).status).toBe(200);
  });

  it("never serves a body built for one role to another", async () => {
    const { app } = await freshAppForTest();
    const planning = await login(app, "planning");
    const shoko = await login(app, "shoko");
    const pub = anonymous(app);
    // logged-in users fill the cache with the unpublished year first
    expect((await get(planning, "/api/years/2022/dashboard")).status).toBe(200);
    expect((await get(planning, "/api/years/2022/kpis")).status).toBe(200);
    const all = await get(planning, "/api/years");
    expect(all.body).toContain("2022");
    expect((await get(shoko, "/api/years")).body).toBe(all.body);
    // the public: published years only, the unpublished one is not there
    expect((await get(pub, "/api/years")).body).not.toContain("2022");
    expect((await get(pub, "/api/years/2022/dashboard")).status).toBe(404);
    expect((await get(pub, "/api/years/2022/kpis")).status).toBe(404);
    // and the other way round: a public body is not what a logged-in user gets
    const publicDash = await get(pub, "/api/years/2021/dashboard");
    const shokoDash = await get(shoko, "/api/years/2021/dashboard");
    const plainShoko = await get(
      await login((await freshAppForTest({ readCache: false })).app, "shoko"),
      "/api/years/2021/dashboard",
    );
    expect(shokoDash).toEqual(plainShoko);
    expect(publicDash.status).toBe(200);
  });

  it("sees a write by another process within the TTL, not before (documented limit)", async () => {
    let t = 0;
    const { app, services } = await freshAppForTest({ readCache: { ttlMs: 5000, now: () => t } });
    const committee = await login(app, "committee");
    type Years = { years: { fiscalYear: number }[] };
    expect((await json<Years>(committee, "/api/years")).years.map((y) => y.fiscalYear)).toEqual([2021, 2022]);
    // another process (e.g. `sosei import` on the same PostgreSQL) writes: this server is not told
    const sheet = JSON.parse(readFileSync(path.join(demoDir, "minato-2022.json"), "utf8"));
    sheet.fiscalYear = 2024;
    await services.store.saveSheet(sheet, "cli");
    t += 4000;
    expect((await json<Years>(committee, "/api/years")).years.map((y) => y.fiscalYear)).toEqual([2021, 2022]);
    t += 1000;
    expect((await json<Years>(committee, "/api/years")).years.map((y) => y.fiscalYear)).toEqual([
      2021, 2022, 2024,
    ]);
  });
});
