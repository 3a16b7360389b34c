/**
 * One rule table (issue 13): the browser evaluates with the rules the server serves
 * (getEvaluationRules), and those are the rules every `computed` of the API comes from.
 */
import { describe, expect, it } from "vitest";
import type { KpiDetail, YearRows } from "../core/api/index.ts";
import { evaluateKpi } from "../core/evaluation/evaluate.ts";
import { DEFAULT_RULES, parseRules } from "../core/evaluation/rules.ts";
import type { Rules } from "../core/evaluation/types.ts";
import { anonymous, freshApp } from "./test-helpers.ts";

describe("GET /api/evaluation-rules", () => {
  it("serves the rules the server computes with; the rows' computed is what they give", async () => {
    // Lenient bands (60% is 概ね順調): some demo rows compute differently than under the defaults.
    const lenient = parseRules({ name: "緩い基準", onTrack: 1, mostlyOnTrack: 0.6 });
    const { app, services } = await freshApp({ rules: lenient });
    const pub = anonymous(app);
    const res = await pub.request("GET", "/api/evaluation-rules");
    expect(res.status).toBe(200);
    const served = ((await res.json()) as { rules: Rules }).rules;
    expect(served).toEqual(lenient);
    const rows = ((await (await pub.request("GET", "/api/years/2021/kpis")).json()) as YearRows).rows;
    expect(rows.length).toBeGreaterThan(0);
    for (const r of rows) expect(r.computed).toBe(evaluateKpi(r.kpi, served, r.fiscalYear).computed);
    // The rules matter for this data: under the defaults at least one row computes otherwise.
    expect(rows.some((r) => evaluateKpi(r.kpi, DEFAULT_RULES, r.fiscalYear).computed !== r.computed)).toBe(
      true,
    );
    const detail = (await (await pub.request("GET", `/api/kpis/${rows[0]!.id}`)).json()) as KpiDetail;
    for (const h of detail.history)
      expect(h.computed).toBe(
        evaluateKpi(
          { ...detail.row.kpi, target: h.target, actual: h.actual, finalTarget: h.finalTarget },
          served,
          h.fiscalYear,
        ).computed,
      );
    await services.close();
  }, 120_000);

  it("serves the default rules when none are configured", async () => {
    const { app, services } = await freshApp();
    const res = await anonymous(app).request("GET", "/api/evaluation-rules");
    expect(((await res.json()) as { rules: Rules }).rules).toEqual(DEFAULT_RULES);
    await services.close();
  }, 120_000);
});
