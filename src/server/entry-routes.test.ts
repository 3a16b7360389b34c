/**
 * Department entry over HTTP (issue 13): an empty KPI cannot be submitted; 18,225人 against a target
 * of 18,000 passes but 1,822,500人 needs a confirmation; withdraw until review starts; a reply to the
 * committee's comment on the entry card; co-owned KPIs; bulk approval with per-row results.
 */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { EntryList, Row } from "../core/api/index.ts";
import { type Client, freshApp, login } from "./test-helpers.ts";

let ctx: Awaited<ReturnType<typeof freshApp>>;
beforeEach(async () => {
  ctx = await freshApp();
});
afterEach(async () => {
  await ctx.services.close();
});

const body = async <T>(r: Response) => (await r.json()) as T;
const rowOf = async (c: Client, id: string) =>
  (await body<{ row: Row }>(await c.request("GET", `/api/kpis/${id}`))).row;
const submit = (c: Client, id: string, version: number, confirmWarnings?: boolean) =>
  c.request("POST", `/api/kpis/${id}/transitions`, { action: "submit", version, confirmWarnings });
const save = async (c: Client, id: string, patch: Record<string, unknown>) => {
  const r = await c.request("PUT", `/api/kpis/${id}`, { version: (await rowOf(c, id)).version, ...patch });
  expect(r.status).toBe(200);
  return (await body<{ row: Row }>(r)).row;
};
const onTrack = { category: "on_track", covid: false, label: "順調に進捗" };

describe("submitting a KPI-year", () => {
  it("refuses an empty KPI, naming the field; accepts 評価不可 with a reason from the list", async () => {
    const kikaku = await login(ctx.app, "kikaku");
    const r = await submit(kikaku, "2022-5", (await rowOf(kikaku, "2022-5")).version);
    expect(r.status).toBe(400);
    const e = await body<{ error: { code: string; details: { problems: { field: string }[] } } }>(r);
    expect(e.error.code).toBe("entry_incomplete");
    expect(e.error.details.problems[0]?.field).toBe("notEvaluableReason");
    const saved = await save(kikaku, "2022-5", {
      evaluation: { category: "not_evaluable", covid: false, notEvaluableReason: "statistics_pending" },
    });
    expect(saved.kpi.evaluation.notEvaluableReason).toBe("statistics_pending");
    expect((await submit(kikaku, "2022-5", saved.version)).status).toBe(200);
  });

  it("needs a reason when 進捗の遅れ", async () => {
    const kikaku = await login(ctx.app, "kikaku");
    const saved = await save(kikaku, "2022-5", {
      actualText: "17,000人",
      evaluation: { category: "delayed", covid: false },
    });
    const r = await submit(kikaku, "2022-5", saved.version);
    expect((await body<{ error: { code: string; message: string } }>(r)).error.message).toContain(
      "進捗の遅れの理由",
    );
  });

  it("asks for a confirmation when the value is far from the target, and takes it", async () => {
    const kikaku = await login(ctx.app, "kikaku");
    const saved = await save(kikaku, "2022-5", { actualText: "1,822,500人", evaluation: onTrack });
    const r = await submit(kikaku, "2022-5", saved.version);
    expect(r.status).toBe(400);
    const e = await body<{ error: { code: string; details: { warnings: { code: string }[] } } }>(r);
    expect(e.error.code).toBe("warnings_unconfirmed");
    expect(e.error.details.warnings.map((w) => w.code)).toContain("far_from_target");
    expect((await submit(kikaku, "2022-5", saved.version, true)).status).toBe(200);
  });

  it("reads a bare number in the KPI's unit (30 → 30件), so it compares with the target", async () => {
    const shoko = await login(ctx.app, "shoko");
    const saved = await save(shoko, "2022-2", { actualText: "30" });
    expect(saved.kpi.actual).toMatchObject({ kind: "number", value: 30, unit: "件" });
    expect(saved.computed).not.toBe("not_evaluable");
  });
});

describe("withdrawing a submission", () => {
  it("takes a submitted row back to draft until review starts, then refuses", async () => {
    const kikaku = await login(ctx.app, "kikaku");
    const saved = await save(kikaku, "2022-5", { actualText: "18,225人", evaluation: onTrack });
    const sub = await body<{ row: Row }>(await submit(kikaku, "2022-5", saved.version));
    expect(sub.row.state).toBe("submitted");
    const kanko = await login(ctx.app, "kanko");
    expect(
      (await kanko.request("POST", "/api/kpis/2022-5/withdraw", { version: sub.row.version })).status,
    ).toBe(403);
    const w = await kikaku.request("POST", "/api/kpis/2022-5/withdraw", { version: sub.row.version });
    expect(w.status).toBe(200);
    const back = (await body<{ row: Row }>(w)).row;
    expect(back.state).toBe("draft");
    // once approved, a withdrawal is refused with the reason
    const again = await body<{ row: Row }>(await submit(kikaku, "2022-5", back.version));
    const planning = await login(ctx.app, "planning");
    const ok = await planning.request("POST", "/api/kpis/2022-5/transitions", {
      action: "approve",
      version: again.row.version,
    });
    const approved = (await body<{ row: Row }>(ok)).row;
    const late = await kikaku.request("POST", "/api/kpis/2022-5/withdraw", { version: approved.version });
    expect(late.status).toBe(409);
    expect((await body<{ error: { message: string } }>(late)).error.message).toContain("審査が始まっている");
  });
});

describe("the entry card", () => {
  it("shows last year's values, the committee's comment, and takes the department's reply", async () => {
    const committee = await login(ctx.app, "committee");
    const c = await committee.request("POST", "/api/kpis/2022-5/comments", {
      body: "前年より増えた理由は？",
    });
    const parent = (await body<{ comment: { id: string } }>(c)).comment;
    const kikaku = await login(ctx.app, "kikaku");
    const entry = await body<EntryList>(await kikaku.request("GET", "/api/entry"));
    const row = entry.rows.find((r) => r.id === "2022-5")!;
    expect(row.previous?.fiscalYear).toBe(2021);
    expect(row.previous?.actual).toMatchObject({ value: 17480, unit: "人" });
    expect(row.comments.map((x) => x.body)).toEqual(["前年より増えた理由は？"]);
    const reply = await kikaku.request("POST", "/api/kpis/2022-5/replies", {
      parentId: parent.id,
      body: "移住支援金の効果です",
    });
    expect(reply.status).toBe(201);
    expect((await body<{ comment: { parentId: string } }>(reply)).comment.parentId).toBe(parent.id);
    // another department cannot answer on this KPI; a parent of another KPI is not found
    const kanko = await login(ctx.app, "kanko");
    expect(
      (await kanko.request("POST", "/api/kpis/2022-5/replies", { parentId: parent.id, body: "x" })).status,
    ).toBe(403);
    expect(
      (await kikaku.request("POST", "/api/kpis/2022-6/replies", { parentId: parent.id, body: "x" })).status,
    ).toBe(404);
  });
});

describe("bulk review", () => {
  it("approves the selected rows and says which one could not move, and why", async () => {
    const kikaku = await login(ctx.app, "kikaku");
    const planning = await login(ctx.app, "planning");
    const a = await save(kikaku, "2022-5", { actualText: "18,225人", evaluation: onTrack });
    const sa = (await body<{ row: Row }>(await submit(kikaku, "2022-5", a.version))).row;
    const b = await save(kikaku, "2022-6", { actualText: "290件", evaluation: onTrack });
    const sb = (await body<{ row: Row }>(await submit(kikaku, "2022-6", b.version))).row;
    const draft = await rowOf(kikaku, "2022-7");
    const res = await planning.request("POST", "/api/review/transitions", {
      action: "approve",
      items: [sa, sb, draft].map((r) => ({ id: r.id, version: r.version })),
    });
    expect(res.status).toBe(200);
    const { results } = await body<{ results: { id: string; ok: boolean; error?: { code: string } }[] }>(res);
    expect(results.map((r) => [r.id, r.ok, r.error?.code])).toEqual([
      ["2022-5", true, undefined],
      ["2022-6", true, undefined],
      ["2022-7", false, "invalid_transition"],
    ]);
    expect((await rowOf(planning, "2022-6")).state).toBe("approved");
    const ret = await planning.request("POST", "/api/review/transitions", {
      action: "return",
      items: [{ id: "2022-6", version: (await rowOf(planning, "2022-6")).version }],
    });
    expect(ret.status).toBe(400); // a return needs a comment
    expect(
      (await kikaku.request("POST", "/api/review/transitions", { action: "approve", items: [] })).status,
    ).toBe(403);
  });
});
