/**
 * What other cities' sheets print beyond the KPIs, through the API (issue 14's leftovers): a year's
 * sheet answers with its 数値目標 and scale (empty and null for a sheet that printed none, an
 * unpublished year still hidden from the public), and a KPI's page with the earlier years its sheet
 * printed in year columns — values at their own periods, never rows of their own.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import type { Sheet } from "../core/sheet.ts";
import { saveImportedSheet } from "./services.ts";
import { anonymous, freshApp, login, repoRoot } from "./test-helpers.ts";

const at = (value: number, year: number) => ({
  kind: "number" as const,
  value,
  unit: "件",
  period: { year, basis: "fiscal" as const },
});

/** The store fixture of a sheet with baseline, years, 数値目標 and scale, as みなと市's FY2023. */
function extendedSheet(): Sheet {
  const s = JSON.parse(
    readFileSync(path.join(repoRoot, "fixtures/store/kakuu-table-2023.json"), "utf8"),
  ) as Sheet;
  s.municipality = "みなと市";
  const k = s.kpis[0]!;
  k.years = [{ year: 2021, target: { kind: "missing" }, actual: at(30, 2021) }, ...(k.years ?? [])];
  return s;
}

describe("sheet extensions in the API", () => {
  it("serves a year's 数値目標 and scale with its rows; none for a sheet that printed none", async () => {
    const { app, services } = await freshApp();
    await saveImportedSheet(services, extendedSheet(), { actor: "cli:test" });
    const admin = await login(app, "admin");
    const res = await admin.request("GET", "/api/years/2023/kpis");
    expect(res.status).toBe(200);
    const body = (await res.json()) as {
      rows: unknown[];
      numericGoals: { goal: { no: number }; indicator: string; baseline: unknown; actual: unknown }[];
      scale: { bands: { label: string }[] } | null;
    };
    expect(body.rows).toHaveLength(3);
    expect(body.numericGoals).toEqual([
      expect.objectContaining({
        goal: { no: 1, title: "しごとをつくる" },
        indicator: "市内従業者数",
        baseline: expect.objectContaining({ value: 68000, period: { year: 2019, basis: "fiscal" } }),
        actual: expect.objectContaining({ value: 68900 }),
      }),
    ]);
    expect(body.scale?.bands.map((b) => b.label)).toEqual(["A", "B", "C"]);
    // A filter narrows the rows, never the sheet's 数値目標.
    const filtered = (await (await admin.request("GET", "/api/years/2023/kpis?q=存在しない語")).json()) as {
      rows: unknown[];
      numericGoals: unknown[];
    };
    expect([filtered.rows.length, filtered.numericGoals.length]).toEqual([0, 1]);
    // The demo's published year printed none; the public sees it, and not the unpublished 2023.
    const pub = anonymous(app);
    const y21 = await pub.request("GET", "/api/years/2021/kpis");
    expect(y21.status).toBe(200);
    const { numericGoals, scale } = (await y21.json()) as Record<string, unknown>;
    expect([numericGoals, scale]).toEqual([[], null]);
    expect((await pub.request("GET", "/api/years/2023/kpis")).status).toBe(404);
  }, 400_000);

  it("gives a KPI's earlier printed years at their own periods, apart from its stored history", async () => {
    const { app, services } = await freshApp();
    await saveImportedSheet(services, extendedSheet(), { actor: "cli:test" });
    const admin = await login(app, "admin");
    const res = await admin.request("GET", "/api/kpis/2023-1");
    expect(res.status).toBe(200);
    const d = (await res.json()) as {
      history: { fiscalYear: number }[];
      printedYears: { year: number; actual: unknown; printedIn: number }[];
    };
    expect(d.history.map((h) => h.fiscalYear)).toEqual([2023]);
    expect(d.printedYears).toEqual([
      { year: 2021, target: { kind: "missing" }, actual: at(30, 2021), printedIn: 2023 },
    ]);
    // A demo KPI whose sheets print no year columns has none.
    const demo = (await (await admin.request("GET", "/api/kpis/2022-1")).json()) as {
      printedYears: unknown[];
    };
    expect(demo.printedYears).toEqual([]);
  }, 400_000);
});
