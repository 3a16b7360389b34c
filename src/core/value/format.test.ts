import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { Period } from "../period.ts";
import type { Value } from "../sheet.ts";
import {
  formatCompact,
  formatNumberJa,
  formatQuantityJa,
  formatRate,
  formatValueJa,
  formatValueWithPeriod,
  LINE_SEGMENTS,
  plainDecimal,
  printedValueInColumn,
  valueInColumnParts,
} from "./format.ts";
import { parseValue } from "./parse-value.ts";

const FY2022: Period = { year: 2022, basis: "fiscal" };

function readBack(text: string) {
  const r = parseValue(text, FY2022);
  if (!r.ok || r.value.kind !== "number") throw new Error(`${text} did not read back as a number`);
  return r.value;
}

describe("formatNumberJa", () => {
  it("groups digits by three and keeps every decimal the number carries", () => {
    expect(formatNumberJa(0)).toBe("0");
    expect(formatNumberJa(999)).toBe("999");
    expect(formatNumberJa(1000)).toBe("1,000");
    expect(formatNumberJa(1234567.5)).toBe("1,234,567.5");
    expect(formatNumberJa(-1234)).toBe("-1,234");
    expect(formatNumberJa(0.125)).toBe("0.125");
    expect(formatNumberJa(1e21)).toBe("1,000,000,000,000,000,000,000");
  });

  it("writes doubles without exponents", () => {
    expect(plainDecimal(1e-7)).toBe("0.0000001");
    expect(plainDecimal(1.5e22)).toBe("15000000000000000000000");
    expect(plainDecimal(123.456)).toBe("123.456");
  });
});

describe("formatQuantityJa", () => {
  it("writes values in sheet style: 万/億/兆 only where exact", () => {
    expect(formatQuantityJa({ value: 1202500000000, unit: "円" })).toBe("12,025億円");
    expect(formatQuantityJa({ value: 1e12, unit: "円" })).toBe("1兆円");
    expect(formatQuantityJa({ value: 203960000, unit: "円" })).toBe("2億396万円");
    expect(formatQuantityJa({ value: 120000000, unit: "円" })).toBe("1億2,000万円");
    expect(formatQuantityJa({ value: 330000, unit: "人" })).toBe("33万人");
    expect(formatQuantityJa({ value: 4915000, unit: "人" })).toBe("491.5万人");
    expect(formatQuantityJa({ value: 18225, unit: "人" })).toBe("18,225人");
    expect(formatQuantityJa({ value: 17000, unit: "基" })).toBe("17,000基");
    expect(formatQuantityJa({ value: 330001, unit: "人" })).toBe("330,001人");
    expect(formatQuantityJa({ value: 93.5, unit: "%" })).toBe("93.5%");
    expect(formatQuantityJa({ value: 12, unit: null })).toBe("12");
  });

  it("writes negatives with ▲ and keeps qualifiers in place", () => {
    expect(formatQuantityJa({ value: -1.5, unit: "%" })).toBe("▲1.5%");
    expect(formatQuantityJa({ value: 1000, unit: "人", qualifiers: ["約", "以上"] })).toBe("約1,000人以上");
    expect(formatQuantityJa({ value: 300, unit: "人", qualifiers: ["見込み"] })).toBe("300人(見込み)");
  });

  it("formats every kind of value for display", () => {
    expect(
      formatValueJa({
        kind: "segmented",
        segments: [
          { label: "男性", value: 78.46, unit: "歳" },
          { label: "女性", value: 80.66, unit: "歳" },
        ],
        period: FY2022,
      }),
    ).toBe("男性78.46歳、女性80.66歳");
    expect(formatValueJa({ kind: "text", text: "待機児童なし" })).toBe("待機児童なし");
    expect(formatValueJa({ kind: "missing" })).toBe("－");
  });

  it("property: a number formatted the Japanese way parses back to itself", () => {
    const value = fc.oneof(
      fc.integer({ min: -(2 ** 53 - 1), max: 2 ** 53 - 1 }),
      fc.integer({ min: 0, max: 99_999 }).map((n) => n * 10_000),
      fc.integer({ min: 0, max: 99_999 }).map((n) => n * 100_000_000),
      fc.integer({ min: 1000, max: 99_999 }).map((n) => n * 1000),
      fc.double({ noNaN: true, noDefaultInfinity: true }),
    );
    const unit = fc.constantFrom(null, "人", "円", "%", "件", "事業所", "人/年");
    const quals = fc.constantFrom<string[]>([], ["約"], ["以上"], ["延べ", "未満"], ["見込み"]);
    fc.assert(
      fc.property(value, unit, quals, (n, u, q) => {
        const text = formatQuantityJa({ value: n, unit: u, qualifiers: q });
        const v = readBack(text);
        expect(Object.is(v.value, n === 0 ? 0 : n), `${n} → ${text} → ${v.value}`).toBe(true);
        expect(v.unit).toBe(u);
        expect(v.qualifiers ?? []).toEqual(q);
      }),
      { numRuns: 400 },
    );
  });
});

describe("values in sheet columns", () => {
  const yen = (year: number, basis: "fiscal" | "calendar") =>
    ({ kind: "number", value: 1202500000000, unit: "円", period: { year, basis } }) as const;

  it("valueInColumnParts: the period only where it differs from the column's", () => {
    expect(valueInColumnParts(yen(2022, "fiscal"), FY2022)).toEqual({ value: "12,025億円", period: null });
    expect(valueInColumnParts(yen(2020, "calendar"), FY2022)).toEqual({
      value: "12,025億円",
      period: "令和2年",
    });
    expect(valueInColumnParts(yen(2024, "fiscal"), null).period).toBe("令和6年度");
    expect(valueInColumnParts({ kind: "text", text: "待機児童なし" }, FY2022)).toEqual({
      value: "待機児童なし",
      period: null,
    });
  });

  it("printedValueInColumn: the raw text, with the period unless the text names a year", () => {
    expect(printedValueInColumn({ ...yen(2020, "calendar"), raw: "12,025億円" }, FY2022)).toBe(
      "12,025億円（令和2年）",
    );
    expect(printedValueInColumn({ ...yen(2020, "calendar"), raw: "12,025億円(令和2年)" }, FY2022)).toBe(
      "12,025億円(令和2年)",
    );
    expect(printedValueInColumn(yen(2022, "fiscal"), FY2022)).toBe("12,025億円");
    const seg: Value = {
      kind: "segmented",
      segments: [
        { label: "男性", value: 1, unit: "人" },
        { label: "女性", value: 2, unit: "人" },
      ],
      period: FY2022,
    };
    expect(printedValueInColumn(seg, FY2022, LINE_SEGMENTS)).toBe("男性1人\n女性2人");
  });

  it("formatValueWithPeriod: the UI label with the Gregorian year", () => {
    const v = { kind: "number", value: 18225, unit: "人", period: FY2022 } as const;
    expect(formatValueWithPeriod(v)).toBe("18,225人（令和4年度（2022年度））");
    expect(formatValueWithPeriod({ kind: "missing" })).toBe("－");
  });
});

describe("computed numbers", () => {
  it("formatRate: one decimal, null as a dash", () => {
    expect(formatRate(1.015)).toBe("101.5%");
    expect(formatRate(0.8)).toBe("80.0%");
    expect(formatRate(null)).toBe("—");
  });

  it("formatCompact: short axis labels with 万/億/兆 and ▲", () => {
    expect(formatCompact(1202500000000)).toBe("1兆2,025億");
    expect(formatCompact(1185000)).toBe("118.5万");
    expect(formatCompact(850)).toBe("850");
    expect(formatCompact(-850)).toBe("▲850");
    expect(formatCompact(1.234)).toBe("1.23");
  });
});
