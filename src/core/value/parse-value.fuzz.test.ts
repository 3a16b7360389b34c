/**
 * Hardening parseValue (issue #9): beyond parse-value.test.ts's properties — long and pathological
 * cells (backtracking bait for the regular expressions), every result well-formed, `at` inside the
 * text. The time guard catches a hang (catastrophic backtracking), it does not measure speed.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { fiscalYear, periodOfFiscalYear } from "../period.ts";
import { MAX_VALUE_CELL_LENGTH, parseValue } from "./parse-value.ts";

const FY2023 = periodOfFiscalYear(fiscalYear(2023));
const HANG_GUARD_MS = 3_000;

function wellFormed(text: string): void {
  const started = Date.now();
  const r = parseValue(text, FY2023);
  expect(Date.now() - started, `parseValue hung on ${JSON.stringify(text.slice(0, 80))}…`).toBeLessThan(
    HANG_GUARD_MS,
  );
  if (!r.ok) {
    expect(r.problem.code).not.toBe("internal_error");
    expect(r.problem.code).toMatch(/^[a-z][a-z0-9_]*$/);
    expect(r.problem.message).not.toMatch(/[\r\n]/);
    expect(r.problem.messageEn).not.toMatch(/[\r\n]/);
    if (r.problem.at !== null) {
      expect(r.problem.at).toBeGreaterThanOrEqual(0);
      expect(r.problem.at).toBeLessThanOrEqual(text.length);
    }
    return;
  }
  const v = r.value;
  switch (v.kind) {
    case "number":
      expect(Number.isFinite(v.value)).toBe(true);
      expect(["fiscal", "calendar"]).toContain(v.period.basis);
      break;
    case "segmented":
      expect(v.segments.length).toBeGreaterThan(0);
      for (const s of v.segments) expect(Number.isFinite(s.value)).toBe(true);
      break;
    case "text":
      expect(v.text.length).toBeGreaterThan(0);
      break;
    case "missing":
      break;
    default:
      throw new Error(`unknown kind ${JSON.stringify(v)}`);
  }
  // What we return must survive the JSON round trip of sheet/1 unchanged.
  expect(JSON.parse(JSON.stringify(v))).toEqual(v);
}

describe("parseValue hardening", () => {
  it("long cells built from the sheet's alphabet (up to ~2,000 pieces)", () => {
    const piece = fc.constantFrom(
      ..."0123456789,.()（）%-▲△約 ".split(""),
      "<br>",
      "\n",
      "令和5年度",
      "万",
      "億",
      "千円",
      "人",
      "以上",
      "累計",
      "見込み",
      "小学校：",
      "R5",
      "H30",
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 2000 }), (ps) => wellFormed(ps.join(""))),
      { numRuns: 200 },
    );
  });

  it.each([
    ["digits", "1".repeat(200_000)],
    ["grouped digits", "1,".repeat(100_000)],
    ["decimal points", "1.".repeat(100_000)],
    ["open parentheses", `${"(".repeat(50_000)}1`],
    ["close parentheses", `1${")".repeat(50_000)}`],
    ["nested notes", `${"1件(累計".repeat(20_000)}`],
    ["prefix qualifiers", `${"約".repeat(100_000)}1人`],
    ["suffix qualifiers", `1人${"以上".repeat(50_000)}`],
    ["line breaks", "1人<br>".repeat(50_000)],
    ["labelled segments", "小学校：1人\n".repeat(20_000)],
    ["dashes", "-".repeat(100_000)],
    ["spaces then a number", `${" ".repeat(200_000)}5`],
    ["1 MB of text", "あ".repeat(1_000_000)],
    ["a huge exponent", `1${"0".repeat(400)}人`],
    ["lone surrogates", "\uD800\uDC00\uD800".repeat(10_000)],
    ["prefix qualifiers up to the limit", `${"約".repeat(MAX_VALUE_CELL_LENGTH - 2)}1人`],
    ["suffix qualifiers up to the limit", `1人${"以上".repeat(MAX_VALUE_CELL_LENGTH / 2 - 1)}`],
    ["digits up to the limit", "1".repeat(MAX_VALUE_CELL_LENGTH)],
    ["grouped digits up to the limit", "1,".repeat(MAX_VALUE_CELL_LENGTH / 2)],
  ])("pathological cell: %s", (_name, text) => {
    wellFormed(text);
  });

  it("a cell longer than MAX_VALUE_CELL_LENGTH is kept whole as text, not read", () => {
    const text = `${"約".repeat(MAX_VALUE_CELL_LENGTH)}1人`;
    const r = parseValue(text, FY2023);
    expect(r).toEqual({ ok: true, value: { kind: "text", text, raw: text } });
    const digits = "1".repeat(MAX_VALUE_CELL_LENGTH + 1);
    expect(parseValue(digits, FY2023)).toEqual({
      ok: true,
      value: { kind: "text", text: digits, raw: digits },
    });
  });

  it("a long cell within the limit is read, not a call-stack overflow (was: internal_error)", () => {
    const r = parseValue("1".repeat(MAX_VALUE_CELL_LENGTH), FY2023);
    expect(r.ok ? r.value.kind : r.problem.code).not.toBe("internal_error");
    const seg = parseValue("小学校：1人\n".repeat(20), FY2023);
    expect(seg.ok && seg.value.kind).toBe("segmented");
  });

  it("numbers beyond the float range are not returned as Infinity", () => {
    const r = parseValue(`${"9".repeat(400)}円`, FY2023);
    // Refused as too large (the only honest answer); never a number that is not finite.
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.problem.code).toBe("bad_number");
      expect(r.problem.messageEn).toMatch(/too large/);
    }
  });
});
