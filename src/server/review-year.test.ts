/** The review queue of any stored year (`GET /api/review?year=`), not only the open one. */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freshApp, login } from "./test-helpers.ts";

describe("GET /api/review?year=", () => {
  let ctx: Awaited<ReturnType<typeof freshApp>>;
  beforeAll(async () => {
    ctx = await freshApp();
  });
  afterAll(async () => {
    await ctx.services.close();
  });

  it("answers the open year by default, any stored year on request, 400 for a bad year", async () => {
    const committee = await login(ctx.app, "committee");
    type Body = { year: { fiscalYear: number; published: boolean } | null; rows: { state: string }[] };
    const get = async (q: string) => {
      const r = await committee.request("GET", `/api/review${q}`);
      return { status: r.status, body: (await r.json()) as Body };
    };
    const open = await get("");
    expect(open.body.year).toMatchObject({ fiscalYear: 2022, published: false });
    const past = await get("?year=2021");
    expect(past.status).toBe(200);
    expect(past.body.year).toMatchObject({ fiscalYear: 2021, published: true });
    expect(past.body.rows).toHaveLength(12);
    expect(past.body.rows.every((r) => r.state === "published")).toBe(true);
    expect((await get("?year=2030")).body).toEqual({ year: null, rows: [] });
    expect((await get("?year=abc")).status).toBe(400);
  });
});
