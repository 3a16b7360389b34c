import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { Period } from "../period.ts";
import type { Value } from "../sheet.ts";
import { type ParseValueResult, parseValue } from "./parse-value.ts";

const FY2022: Period = { year: 2022, basis: "fiscal" };

function ok(text: string, column: Period = FY2022): Value {
  const r = parseValue(text, column);
  if (!r.ok) throw new Error(`expected ${text} to parse: ${r.problem.messageEn}`);
  return r.value;
}

function refused(text: string): Extract<ParseValueResult, { ok: false }>["problem"] {
  const r = parseValue(text, FY2022);
  if (r.ok) throw new Error(`expected ${text} to be refused, got ${JSON.stringify(r.value)}`);
  return r.problem;
}

const num = (value: number, unit: string | null, period: Period = FY2022, extra: object = {}) => ({
  kind: "number",
  value,
  unit,
  period,
  ...extra,
});

describe("parseValue: numbers", () => {
  it("reads plain numbers with units, keeping raw as given", () => {
    expect(ok("10件")).toEqual(num(10, "件", FY2022, { raw: "10件" }));
    expect(ok("3,931ha")).toMatchObject(num(3931, "ha"));
    expect(ok("365日")).toMatchObject(num(365, "日"));
    expect(ok("82.0%")).toMatchObject(num(82, "%"));
    expect(ok("42")).toMatchObject(num(42, null));
  });

  it("keeps percent as printed, folding ％ to %", () => {
    expect(ok("93.5％")).toMatchObject(num(93.5, "%"));
  });

  it("folds full-width digits and punctuation", () => {
    expect(ok("１２，０００円")).toMatchObject(num(12000, "円", FY2022, { raw: "１２，０００円" }));
    expect(ok("７９．５万人")).toMatchObject(num(795000, "人"));
  });

  it("folds 万, 億 and 兆 groups exactly", () => {
    expect(ok("1万8225人")).toMatchObject(num(18225, "人"));
    expect(ok("2億396万円")).toMatchObject(num(203960000, "円"));
    expect(ok("491.5万人")).toMatchObject(num(4915000, "人"));
    expect(ok("395.8万人")).toMatchObject(num(3958000, "人"));
    expect(ok("33万人")).toMatchObject(num(330000, "人"));
    expect(ok("12,025億円")).toMatchObject(num(1202500000000, "円"));
    expect(ok("1兆2,025億円")).toMatchObject(num(1202500000000, "円"));
    expect(ok("1億2,000万円")).toMatchObject(num(120000000, "円"));
  });

  it("folds a 千 prefix on the unit, also after a space and in compound units", () => {
    expect(ok("20,000千円")).toMatchObject(num(20000000, "円"));
    expect(ok("2,584 千人")).toMatchObject(num(2584000, "人"));
    expect(ok("15千円/人")).toMatchObject(num(15000, "円/人"));
    expect(ok("1万5千人")).toMatchObject(num(15000, "人"));
    // 百万 is a prefix on the unit as 千 is (round 34: 百万円 in a 単位 column).
    expect(ok("8,357百万円")).toMatchObject(num(8357000000, "円"));
    expect(ok("100,000\n百万円")).toMatchObject(num(100000000000, "円"));
    expect(ok("1億5千万円")).toMatchObject(num(150000000, "円"));
    expect(ok("3千万人")).toMatchObject(num(30000000, "人"));
    expect(ok("3百人")).toMatchObject({ kind: "text" });
  });

  it("reads negatives written ▲, △, - and − directly before digits", () => {
    expect(ok("▲5")).toMatchObject(num(-5, null));
    expect(ok("△1.5%")).toMatchObject(num(-1.5, "%"));
    expect(ok("-3人")).toMatchObject(num(-3, "人"));
    expect(ok("−3人")).toMatchObject(num(-3, "人"));
    expect(ok("▲ 2億円")).toMatchObject(num(-200000000, "円"));
  });

  it("keeps qualifiers beside the number", () => {
    expect(ok("約1,000人")).toMatchObject(num(1000, "人", FY2022, { qualifiers: ["約"] }));
    expect(ok("延べ3万人")).toMatchObject(num(30000, "人", FY2022, { qualifiers: ["延べ"] }));
    expect(ok("累計120件")).toMatchObject({ qualifiers: ["累計"] });
    expect(ok("100人以上")).toMatchObject(num(100, "人", FY2022, { qualifiers: ["以上"] }));
    expect(ok("5%未満")).toMatchObject({ value: 5, unit: "%", qualifiers: ["未満"] });
    expect(ok("3倍超")).toMatchObject({ value: 3, unit: "倍", qualifiers: ["超"] });
    expect(ok("10以下")).toMatchObject({ value: 10, unit: null, qualifiers: ["以下"] });
    expect(ok("約1,000人以上")).toMatchObject({ qualifiers: ["約", "以上"] });
    expect(ok("30件(累計)")).toMatchObject({ value: 30, unit: "件", qualifiers: ["累計"] });
    expect(ok("300人(見込み)")).toMatchObject({ value: 300, qualifiers: ["見込み"] });
  });

  it("accepts the units of the sheets, kept as printed", () => {
    for (const unit of [
      "円",
      "人",
      "件",
      "%",
      "歳",
      "ha",
      "回",
      "カ所",
      "箇所",
      "か所",
      "事業所",
      "教室",
      "日",
      "基",
      "校",
      "団体",
      "社",
      "t",
      "km",
      "m",
      "世帯",
      "戸",
      "台",
      "本",
      "点",
      "倍",
      "ポイント",
      "人/年",
      "m2",
    ]) {
      expect(ok(`12${unit}`), unit).toMatchObject(num(12, unit));
    }
    expect(ok("12㎡")).toMatchObject(num(12, "m2"));
    expect(ok("100 人 / 年")).toMatchObject(num(100, "人/年"));
  });
});

describe("parseValue: periods in the cell", () => {
  it("lets a period written in the cell override the column's", () => {
    expect(ok("43.2%(令和3年度)")).toMatchObject(num(43.2, "%", { year: 2021, basis: "fiscal" }));
    expect(ok("12,025億円(令和2年)")).toMatchObject(
      num(1202500000000, "円", { year: 2020, basis: "calendar" }),
    );
    expect(ok("50%(H27年度)")).toMatchObject({ period: { year: 2015, basis: "fiscal" } });
    expect(ok("50%(2020年度)")).toMatchObject({ period: { year: 2020, basis: "fiscal" } });
    expect(ok("50%（令和3年度）")).toMatchObject({ period: { year: 2021, basis: "fiscal" } });
    expect(ok("90件(令和3年度末)")).toMatchObject({ period: { year: 2021, basis: "fiscal" } });
    expect(ok("(令和3年度)50%")).toMatchObject({ value: 50, period: { year: 2021, basis: "fiscal" } });
    expect(ok("100人以上(令和3年度)")).toMatchObject({ qualifiers: ["以上"], period: { year: 2021 } });
  });

  it("reads a period written after the unit without parentheses", () => {
    expect(ok("43.2%令和3年度")).toMatchObject(num(43.2, "%", { year: 2021, basis: "fiscal" }));
    expect(ok("10件 R3年度末")).toMatchObject(num(10, "件", { year: 2021, basis: "fiscal" }));
    expect(refused("10件2020年度").code).toBe("bad_number");
    expect(ok("10件R3")).toMatchObject(num(10, "件", { year: 2021, basis: "fiscal" }));
    expect(refused("30H8").code).toBe("bad_number");
  });

  it("treats notes and ranges in parentheses as text, not as bad periods", () => {
    expect(ok("10件(前年度8件)")).toMatchObject({ kind: "text" });
    expect(ok("50件(令和2～6年度)")).toMatchObject({ kind: "text" });
  });

  it("uses the column's period otherwise (fiscal or calendar)", () => {
    const c2021: Period = { year: 2021, basis: "calendar" };
    expect(ok("10件", c2021)).toMatchObject({ period: c2021 });
  });

  it("joins line wraps: 188事業<br>所<br>(令和3<br>年) = 188事業所(令和3年)", () => {
    const v = ok("188事業<br>所<br>(令和3<br>年)");
    expect(v).toEqual(
      num(188, "事業所", { year: 2021, basis: "calendar" }, { raw: "188事業<br>所<br>(令和3<br>年)" }),
    );
    expect(ok("27,940人<br>(令和3<br>年)")).toMatchObject(
      num(27940, "人", { year: 2021, basis: "calendar" }),
    );
    expect(ok("1,2<br>34人")).toMatchObject(num(1234, "人"));
    expect(ok("10件\n(令和3年度)")).toMatchObject({ value: 10, period: { year: 2021 } });
    expect(ok("10件<BR/>(令和3年度)")).toMatchObject({ value: 10, period: { year: 2021 } });
  });
});

describe("parseValue: segmented, text, missing", () => {
  it("reads labelled values on separate lines as segments", () => {
    expect(ok("小学校93.5%<br>中学校85.0%")).toEqual({
      kind: "segmented",
      segments: [
        { label: "小学校", value: 93.5, unit: "%" },
        { label: "中学校", value: 85, unit: "%" },
      ],
      period: FY2022,
      raw: "小学校93.5%<br>中学校85.0%",
    });
    expect(ok("男性78.46歳<br>女性80.66歳")).toMatchObject({
      kind: "segmented",
      segments: [
        { label: "男性", value: 78.46, unit: "歳" },
        { label: "女性", value: 80.66, unit: "歳" },
      ],
    });
  });

  it("reads labelled values on one line separated by spaces, 、 or ／", () => {
    for (const t of ["小学校93.5% 中学校85.0%", "小学校93.5%、中学校85.0%", "小学校93.5%／中学校85.0%"]) {
      expect(ok(t), t).toMatchObject({
        kind: "segmented",
        segments: [
          { label: "小学校", value: 93.5 },
          { label: "中学校", value: 85 },
        ],
      });
    }
  });

  it("mends a wrap inside a segment and takes a period line under the segments", () => {
    expect(ok("小学<br>校93.5%<br>中学校85.<br>0%")).toMatchObject({
      kind: "segmented",
      segments: [
        { label: "小学校", value: 93.5, unit: "%" },
        { label: "中学校", value: 85, unit: "%" },
      ],
    });
    expect(ok("男性78.5歳<br>女性80.7歳<br>(令和2年)")).toMatchObject({
      kind: "segmented",
      period: { year: 2020, basis: "calendar" },
    });
  });

  it("reads qualitative cells as text, wraps removed", () => {
    expect(ok("待機児童なし")).toEqual({ kind: "text", text: "待機児童なし", raw: "待機児童なし" });
    expect(ok("全中学校区において1校以上の小学校で実施")).toMatchObject({ kind: "text" });
    expect(ok("全地区で<br>毎年開催")).toEqual({
      kind: "text",
      text: "全地区で毎年開催",
      raw: "全地区で<br>毎年開催",
    });
    expect(ok("令和4年度")).toMatchObject({ kind: "text" });
    expect(ok("年間1,000人")).toMatchObject({ kind: "text" });
    expect(ok("3回(うち1回はオンライン)")).toMatchObject({ kind: "text" });
  });

  it("reads dashes, blanks and <br>-only cells as missing", () => {
    for (const t of ["-", "―", "−", "－", "ー", "", "  ", "<br>", "<br><br>", " - "]) {
      expect(ok(t), JSON.stringify(t)).toEqual({ kind: "missing", raw: t });
    }
  });
});

describe("parseValue: refusals", () => {
  it("refuses bad digit grouping, never guessing", () => {
    const p = refused("12,3456人");
    expect(p.code).toBe("bad_digit_grouping");
    expect(p.at).toBe(3);
    expect(p.message).toContain("3456");
    expect(p.messageEn).toContain("3456");
    expect(refused("4億3,0000万円")).toMatchObject({ code: "bad_digit_grouping", at: 4 });
    expect(refused("1億12,345万円").code).toBe("bad_digit_grouping");
    expect(refused("1234,567円").code).toBe("bad_digit_grouping");
    expect(refused("１２，３４５６人")).toMatchObject({ code: "bad_digit_grouping", at: 3 });
  });

  it("refuses malformed numbers", () => {
    expect(refused("1.2.3")).toMatchObject({ code: "bad_number", at: 3 });
    expect(refused("12人34")).toMatchObject({ code: "bad_number", at: 3 });
    expect(refused("10件 12件").code).toBe("bad_number");
    expect(refused(".5%").code).toBe("bad_number");
    expect(refused("1.5億2000万円").code).toBe("bad_number");
    expect(refused("5万3億円").code).toBe("bad_number");
    expect(refused(`${"9".repeat(400)}人`).code).toBe("bad_number");
  });

  it("refuses unbalanced or malformed periods, pointing at them", () => {
    expect(refused("43.2%(令和3年度")).toMatchObject({ code: "bad_period", at: 5 });
    expect(refused("43.2%令和3年度)")).toMatchObject({ code: "bad_period" });
    expect(refused("43.2%(令和0年度)")).toMatchObject({ code: "bad_period", at: 5 });
    expect(refused("43.2%(令和3年度)(令和4年度)").code).toBe("bad_period");
    expect(refused("43.2%((令和3年度))").code).toBe("bad_period");
  });

  it("writes one-line messages in Japanese and English", () => {
    const p = refused("12,3456<br>人");
    expect(p.message).not.toMatch(/\n/);
    expect(p.messageEn).not.toMatch(/\n/);
    expect(p.message).toMatch(/桁区切り/);
    expect(p.messageEn).toMatch(/digit grouping/);
  });
});

describe("parseValue: properties", () => {
  const neverThrows = (s: string) => {
    const r = parseValue(s, FY2022);
    expect(typeof r.ok).toBe("boolean");
    if (!r.ok) {
      expect(r.problem.code).not.toBe("internal_error");
      expect(r.problem.message).not.toMatch(/\n/);
    } else if (r.value.kind === "number") {
      expect(Number.isFinite(r.value.value)).toBe(true);
    }
  };

  it("never throws on any string", () => {
    fc.assert(fc.property(fc.string(), neverThrows), { numRuns: 300 });
    fc.assert(fc.property(fc.string({ unit: "binary" }), neverThrows), { numRuns: 300 });
  });

  it("never throws on strings from the sheet's alphabet", () => {
    const piece = fc.constantFrom(
      ..."0123456789,.万億千円人%()令和年度-▲ ".split(""),
      "<br>",
      "平成",
      "（",
      "）",
      "１",
      "以上",
      "約",
      "小学校",
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 24 }), (ps) => neverThrows(ps.join(""))),
      { numRuns: 500 },
    );
  });

  it("a grouped integer with a unit reads back to itself", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 2 ** 53 - 1 }),
        fc.constantFrom("人", "円", "件", "%"),
        (n, u) => {
          const t = `${n.toLocaleString("en-US")}${u}`;
          expect(ok(t)).toMatchObject({ kind: "number", value: n, unit: u });
        },
      ),
      { numRuns: 200 },
    );
  });
});

// Cells read from files (our damaged-table fixture, the seed sheet) are tested in
// src/cli/commands/parse-value.test.ts: src/core stays free of node: imports, tests included.

describe("segments with qualifiers (issue 14 point 8)", () => {
  it("男性79.83歳以上 / 女性84.35歳以上 is segmented, each qualifier kept", () => {
    for (const text of ["男性79.83歳以上 / 女性84.35歳以上", "男性79.83歳以上<br>女性84.35歳以上"]) {
      const r = parseValue(text, { year: 2022, basis: "fiscal" });
      expect(r.ok && r.value).toMatchObject({
        kind: "segmented",
        segments: [
          { label: "男性", value: 79.83, unit: "歳", qualifiers: ["以上"] },
          { label: "女性", value: 84.35, unit: "歳", qualifiers: ["以上"] },
        ],
      });
    }
  });
});
