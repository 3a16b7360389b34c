/**
 * Strategy editing over HTTP (issue 13): the tree and its KPIs, targets per year, departments from
 * the master list (a typo such as 「商工労働」 refused, naming it), every change in the audit log, and
 * a department user's department from the list.
 */
import { describe, expect, it } from "vitest";
import type { Strategy } from "../core/api/index.ts";
import { audit } from "../store/index.ts";
import { freshApp, login } from "./test-helpers.ts";

type Err = { error: { code: string; message: string; details?: { field?: string } } };

const firstKpi = (s: Strategy) => s.goals[0]!.subgoals[0]!.measures[0]!.kpis[0]!;

describe("strategy editing", () => {
  it("shows the plan's tree with KPIs, targets per year and the department list", async () => {
    const { app, services } = await freshApp();
    const planning = await login(app, "planning");
    const res = await planning.request("GET", "/api/strategy");
    expect(res.status).toBe(200);
    const s = (await res.json()) as Strategy;
    expect(s.plan).toMatchObject({ startYear: 2021, endYear: 2024 });
    expect(s.years).toEqual([2021, 2022]);
    const k = firstKpi(s);
    expect(k.indicator).toBe("市内製造業の製造品出荷額等");
    expect(k.departments).toEqual(["商工振興課"]);
    expect(k.targets.map((t) => t.fiscalYear)).toEqual([2021, 2022]);
    expect(s.departments.map((d) => d.name)).toContain("観光課");
    // A department user may not edit the strategy.
    expect((await (await login(app, "shoko")).request("GET", "/api/strategy")).status).toBe(403);
    await services.close();
  }, 120_000);

  it("adds a KPI with departments from the list; 「商工労働」 is refused at the field, naming it", async () => {
    const { app, services } = await freshApp();
    const planning = await login(app, "planning");
    const s = (await (await planning.request("GET", "/api/strategy")).json()) as Strategy;
    const measure = s.goals[0]!.subgoals[0]!.measures[0]!;
    const kpi = {
      planId: s.plan!.id,
      fromYear: 2023,
      measureId: measure.id,
      indicator: "中心市街地整備事業の進捗率",
      unit: "%",
      direction: "increase",
      baseline: { text: "20%", year: 2020, basis: "fiscal" },
      finalTarget: { text: "100%", year: 2024, basis: "fiscal" },
      departments: ["商工振興課", "商工労働"],
    };
    let res = await planning.request("POST", "/api/strategy/kpis", kpi);
    expect(res.status).toBe(400);
    const err = (await res.json()) as Err;
    expect(err.error.code).toBe("unknown_department");
    expect(err.error.message).toContain("「商工労働」");
    expect(err.error.details?.field).toBe("departments");

    res = await planning.request("POST", "/api/strategy/kpis", {
      ...kpi,
      finalTarget: { text: "", year: 2024 },
      departments: ["商工振興課"],
    });
    expect(res.status).toBe(400);
    expect(((await res.json()) as Err).error).toMatchObject({
      message: "最終目標値を入力してください",
      details: { field: "finalTarget" },
    });

    res = await planning.request("POST", "/api/strategy/kpis", {
      ...kpi,
      departments: ["商工振興課", "観光課"],
    });
    expect(res.status).toBe(201);
    const { kpiId } = (await res.json()) as { kpiId: string };
    const after = (await (await planning.request("GET", "/api/strategy?year=2023")).json()) as Strategy;
    const added = after.goals[0]!.subgoals[0]!.measures[0]!.kpis.find((k) => k.id === kpiId)!;
    expect(added).toMatchObject({
      indicator: "中心市街地整備事業の進捗率",
      direction: "increase",
      departments: ["商工振興課", "観光課"],
      finalTarget: { kind: "number", value: 100, unit: "%", period: { year: 2024, basis: "fiscal" } },
      baseline: { kind: "number", value: 20, period: { year: 2020 } },
    });
    const trail = await audit.auditOf(services.db, "kpi", kpiId);
    expect(trail.map((a) => a.action)).toEqual(["create"]);
    expect(trail[0]!.actor).not.toBe("");
    await services.close();
  }, 120_000);

  it("sets next year's target, which the opened year takes; all years or none", async () => {
    const { app, services } = await freshApp();
    const planning = await login(app, "planning");
    const s = (await (await planning.request("GET", "/api/strategy")).json()) as Strategy;
    const k = firstKpi(s);
    let res = await planning.request("PUT", `/api/strategy/kpis/${k.id}/targets`, {
      targets: [
        { fiscalYear: 2023, text: "3,300億円" },
        { fiscalYear: 2030, text: "3,500億円" },
      ],
    });
    expect(res.status).toBe(400);
    expect(((await res.json()) as Err).error.message).toContain("2030年度は");
    // Nothing of the refused request was kept.
    expect(await audit.auditOf(services.db, "kpi_target", `${k.id}:2023`)).toEqual([]);
    res = await planning.request("PUT", `/api/strategy/kpis/${k.id}/targets`, {
      targets: [{ fiscalYear: 2023, text: "3,300億円" }],
    });
    expect(res.status).toBe(200);
    expect((await audit.auditOf(services.db, "kpi_target", `${k.id}:2023`)).map((a) => a.action)).toEqual([
      "set",
    ]);
    // 2022 is open (drafts): publish it first, as the cycle does; then open 2023.
    await services.db.execute(
      "update kpi_years set review_state = 'published' where fiscal_year = 2022" as never,
    );
    res = await planning.request("POST", "/api/years/2023/open", { entryDeadline: "2024-06-30" });
    expect(res.status).toBe(201);
    const rows = (await (await planning.request("GET", "/api/years/2023/kpis")).json()) as {
      rows: { row: number; kpi: { target: { raw?: string; value?: number } } }[];
    };
    expect(rows.rows.find((r) => r.row === 1)?.kpi.target).toMatchObject({ value: 330_000_000_000 });
    // A year already submitted locks its target.
    res = await planning.request("PUT", `/api/strategy/kpis/${k.id}/targets`, {
      targets: [{ fiscalYear: 2022, text: "1億円" }],
    });
    expect(res.status).toBe(409);
    await services.close();
  }, 120_000);

  it("renames a department (users and KPIs follow), retitles a node, adds one, retires a KPI", async () => {
    const { app, services } = await freshApp();
    const planning = await login(app, "planning");
    const s = (await (await planning.request("GET", "/api/strategy")).json()) as Strategy;
    const kanko = s.departments.find((d) => d.name === "観光課")!;
    let res = await planning.request("PUT", `/api/departments/${kanko.id}`, {
      name: "観光交流課",
      position: 1,
    });
    expect(res.status).toBe(200);
    const shoko = s.departments.find((d) => d.name === "商工振興課")!;
    res = await planning.request("PUT", `/api/departments/${shoko.id}`, { name: "観光交流課" });
    expect(res.status).toBe(409);
    const goal = s.goals[0]!;
    res = await planning.request("PUT", `/api/strategy/nodes/${goal.id}`, {
      level: "goal",
      title: "  ",
      fiscalYear: 2023,
    });
    expect(((await res.json()) as Err).error.details?.field).toBe("title");
    res = await planning.request("PUT", `/api/strategy/nodes/${goal.id}`, {
      level: "goal",
      title: "新しい見出し",
      fiscalYear: 2023,
    });
    expect(res.status).toBe(200);
    res = await planning.request("POST", "/api/strategy/nodes", {
      planId: s.plan!.id,
      level: "subgoal",
      parentId: goal.id,
      no: 9,
      title: "新しい小基本目標",
      fiscalYear: 2023,
    });
    expect(res.status).toBe(201);
    const k = firstKpi(s);
    expect(
      (await planning.request("POST", `/api/strategy/kpis/${k.id}/retire`, { fromYear: 2023 })).status,
    ).toBe(200);
    const after = (await (await planning.request("GET", "/api/strategy?year=2023")).json()) as Strategy;
    expect(after.goals[0]!.title).toBe("新しい見出し");
    expect(after.goals[0]!.subgoals.map((x) => x.title)).toContain("新しい小基本目標");
    expect(firstKpi(after).retiredFrom).toBe(2023);
    expect(after.departments.map((d) => d.name)).toContain("観光交流課");
    // The earlier year keeps its printed title; the kanko user follows the rename.
    const before = (await (await planning.request("GET", "/api/strategy?year=2022")).json()) as Strategy;
    expect(before.goals[0]!.title).not.toBe("新しい見出し");
    const me = (await (await login(app, "kanko")).request("GET", "/api/auth/me").then((r) => r.json())) as {
      user: { department: string };
    };
    expect(me.user.department).toBe("観光交流課");
    await services.close();
  }, 120_000);

  it("revises the plan into the next one, carrying KPIs over except those retired", async () => {
    const { app, services } = await freshApp();
    const planning = await login(app, "planning");
    const s = (await (await planning.request("GET", "/api/strategy")).json()) as Strategy;
    const count = s.goals.flatMap((g) => g.subgoals.flatMap((x) => x.measures.flatMap((m) => m.kpis))).length;
    let res = await planning.request("POST", "/api/plans", { name: "第3期", startYear: 2024, endYear: 2029 });
    expect(res.status).toBe(400);
    expect(((await res.json()) as Err).error.details?.field).toBe("startYear");
    res = await planning.request("POST", "/api/plans", {
      name: "第3期総合戦略",
      startYear: 2025,
      endYear: 2029,
      retire: [firstKpi(s).id],
    });
    expect(res.status).toBe(201);
    expect(await res.json()).toMatchObject({ carried: count - 1, retired: 1 });
    const next = (await (await planning.request("GET", "/api/strategy?year=2025")).json()) as Strategy;
    expect(next.plan).toMatchObject({ name: "第3期総合戦略", previousPlanId: s.plan!.id });
    expect(next.plans).toHaveLength(2);
    await services.close();
  }, 120_000);
});

describe("user creation takes departments from the list", () => {
  it("refuses a department user of 「商工労働」, naming it at the field; accepts a listed one", async () => {
    const { app, services } = await freshApp();
    const admin = await login(app, "admin");
    const user = { username: "rodo", displayName: "労働", role: "department", department: "商工労働" };
    let res = await admin.request("POST", "/api/users", user);
    expect(res.status).toBe(400);
    const err = (await res.json()) as Err;
    expect(err.error.code).toBe("unknown_department");
    expect(err.error.message).toContain("「商工労働」");
    expect(err.error.details?.field).toBe("department");
    res = await admin.request("POST", "/api/users", { ...user, department: "商工振興課" });
    expect(res.status).toBe(201);
    await services.close();
  }, 120_000);
});
