import { describe, expect, it } from "vitest";
import { formatLiteralNumber, printedNumberCell } from "./number-format.ts";

describe("printedNumberCell", () => {
  it("keeps the number and puts the unit, 万/億 and the period in the format", () => {
    expect(printedNumberCell("12,025億円(令和2年)")).toEqual({
      value: 12025,
      numFmt: '#,##0"億円(令和2年)"',
    });
    expect(printedNumberCell("82.4%")).toEqual({ value: 82.4, numFmt: '#,##0.0"%"' });
    expect(printedNumberCell("約1,000人以上")).toEqual({ value: 1000, numFmt: '"約"#,##0"人以上"' });
    expect(printedNumberCell("1234件")).toEqual({ value: 1234, numFmt: '0"件"' });
    expect(printedNumberCell("23人")).toEqual({ value: 23, numFmt: '#,##0"人"' });
  });

  it("leaves text, segments, ▲ and odd groupings as text", () => {
    for (const t of ["開催済み", "男性1,652人\n女性1,590人", "▲5%", "-", "1,2345人", " 5人", '5"人'])
      expect(printedNumberCell(t)).toBeNull();
  });

  it("formats back to exactly the printed text", () => {
    for (const t of ["12,025億円(令和2年)", "82.4%", "約1,000人以上", "1234件", "0.50倍", "-3人"]) {
      const c = printedNumberCell(t);
      expect(c).not.toBeNull();
      expect(formatLiteralNumber(c!.value, c!.numFmt)).toBe(t);
    }
    expect(formatLiteralNumber(5, "0%")).toBeNull();
  });
});
