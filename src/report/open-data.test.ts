import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { evaluateSheet } from "../core/evaluation/evaluate.ts";
import type { Sheet } from "../core/sheet.ts";
import { OPEN_DATA_COLUMNS, plainNumber, toOpenDataCsv, toOpenDataJson } from "./open-data.ts";
import { loadFixture, readCsv } from "./test-support.ts";

const s2024 = loadFixture("sample-city-2024.json");
const s2023 = loadFixture("sample-city-2023.json");

function table(csv: string) {
  const [head, ...rows] = readCsv(csv.replace(/^\uFEFF/, ""));
  return rows.map((r) => Object.fromEntries(head!.map((h, i) => [h, r[i] ?? ""])));
}

describe("toOpenDataCsv", () => {
  const csv = toOpenDataCsv([s2024, s2023], [evaluateSheet(s2024), evaluateSheet(s2023)]);
  const rows = table(csv);

  it("starts with a BOM, uses CRLF and has the documented header", () => {
    expect(csv.startsWith("\uFEFFkpi_id,municipality,fiscal_year,review_state,row,")).toBe(true);
    expect(csv.endsWith("\r\n")).toBe(true);
    expect(readCsv(csv.slice(1))[0]).toEqual([...OPEN_DATA_COLUMNS]);
  });

  it("has one row per KPI and year", () => {
    expect(rows).toHaveLength(s2024.kpis.length + s2023.kpis.length);
    expect(rows.filter((r) => r.fiscal_year === "2024")).toHaveLength(11);
    expect(rows.filter((r) => r.fiscal_year === "2023")).toHaveLength(10);
  });

  it("writes numbers plainly with the unit apart, and the printed text in *_raw", () => {
    const r = rows.find((x) => x.fiscal_year === "2024" && x.row === "1")!;
    expect(r.target_value).toBe("480000000000");
    expect(r.target_unit).toBe("円");
    expect(r.target_period_year).toBe("2022");
    expect(r.target_period_basis).toBe("calendar");
    expect(r.target_raw).toBe("4,800億円(令和4年)");
    expect(r.stated_category).toBe("delayed");
    expect(r.covid).toBe("true");
    expect(r.computed_category).toMatch(/^(on_track|mostly_on_track|delayed|not_evaluable)$/);
    expect(Number(r.achievement_rate)).toBeCloseTo(452300 / 480000, 5);
    const pct = rows.find((x) => x.fiscal_year === "2024" && x.row === "10")!;
    expect(pct.actual_value).toBe("82.4");
    const q = rows.find((x) => x.fiscal_year === "2024" && x.row === "4")!;
    expect(q.target_qualifiers).toBe("以上");
  });

  it("writes segments as label=value joined with ; and leaves *_value empty", () => {
    const r = rows.find((x) => x.fiscal_year === "2024" && x.row === "7")!;
    expect(r.actual_kind).toBe("segmented");
    expect(r.actual_value).toBe("");
    expect(r.actual_segments).toBe("男性=1652;女性=1590");
    expect(r.actual_unit).toBe("人");
    expect(r.actual_raw).toBe("男性1,652人\n女性1,590人");
    expect(r.departments).toBe("企画政策課;都市計画課");
  });

  it("keeps text and missing values in *_raw only", () => {
    const t = rows.find((x) => x.fiscal_year === "2024" && x.row === "6")!;
    expect([t.target_kind, t.target_value, t.target_raw]).toEqual(["text", "", "養成講座の開催"]);
    expect(t.indicator).toBe("<script>alert(1)</script>");
    const m = rows.find((x) => x.fiscal_year === "2024" && x.row === "9")!;
    expect([m.actual_kind, m.actual_value, m.actual_raw]).toEqual(["missing", "", "－"]);
  });

  it("leaves the computed columns empty without an evaluation", () => {
    const r = table(toOpenDataCsv([s2024]))[0]!;
    expect([r.computed_category, r.achievement_rate]).toEqual(["", ""]);
  });

  it("reads back any text cell unchanged (quotes, commas, line breaks)", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 30 }), fc.string({ maxLength: 30 }), (indicator, reason) => {
        const kpi = { ...s2024.kpis[0]!, indicator, reason };
        const sheet: Sheet = { ...s2024, kpis: [kpi] };
        const r = table(toOpenDataCsv([sheet]))[0]!;
        expect([r.indicator, r.reason]).toEqual([indicator, reason]);
      }),
      { numRuns: 60 },
    );
  });
});

describe("toOpenDataCsv identity and formulas", () => {
  it("carries each KPI's stable id and review state; formula-like cells stay byte-exact", () => {
    const k = s2024.kpis[0]!;
    const sheet = { ...s2024, kpis: [{ ...k, indicator: "=1+1" }, ...s2024.kpis.slice(1)] };
    const ids = sheet.kpis.map((_, i) => `kpi-${i}`);
    const csv = toOpenDataCsv([sheet], [null], [{ kpiIds: ids, states: ids.map(() => "published") }]);
    const rows = table(csv);
    expect(rows.map((r) => r.kpi_id)).toEqual(ids);
    expect(rows.every((r) => r.review_state === "published")).toBe(true);
    expect(csv).toContain(",=1+1,");
    expect(rows[0]!.indicator).toBe("=1+1");
  });
});

describe("plainNumber", () => {
  it("never uses grouping or exponents", () => {
    expect(plainNumber(1202500000000)).toBe("1202500000000");
    expect(plainNumber(1e21)).toBe("1000000000000000000000");
    expect(plainNumber(0.5)).toBe("0.5");
    expect(plainNumber(Number.NaN)).toBe("");
  });
});

describe("toOpenDataJson", () => {
  it("wraps each sheet/1 document with its evaluation", () => {
    const ev = evaluateSheet(s2024);
    const doc = JSON.parse(toOpenDataJson([s2024, s2023], [ev]));
    expect(doc.format).toBe("sosei-open-data/1");
    const { evaluation, ...sheet } = doc.sheets[0];
    expect(sheet).toEqual(s2024);
    expect(evaluation).toEqual(ev);
    expect(doc.sheets[1].evaluation).toBeNull();
  });
});
