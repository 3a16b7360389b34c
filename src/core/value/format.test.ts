import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { Period } from "../period.ts";
import { formatNumberJa, formatQuantityJa, formatValueJa, plainDecimal } from "./format.ts";
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
