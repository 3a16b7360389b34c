import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import type { Period } from "../../src/core/period.ts";
import type { Value } from "../../src/core/sheet.ts";
import { ValueCell } from "./components.tsx";

const FY2022: Period = { year: 2022, basis: "fiscal" };

/** What the sheet page shows in a value cell (the <td>'s text). */
const shown = (value: Value, column: Period | null = FY2022) =>
  renderToStaticMarkup(<ValueCell value={value} column={column} />).replace(/<[^>]+>/g, "");

describe("the sheet page's value cells show values as the sheet prints them", () => {
  it("491.5万人, not 4,915,000人", () => {
    expect(shown({ kind: "number", value: 4_915_000, unit: "人", period: FY2022, raw: "491.5万人" })).toBe(
      "491.5万人",
    );
  });

  it("▲5%, not -5%", () => {
    expect(shown({ kind: "number", value: -5, unit: "%", period: FY2022, raw: "▲5%" })).toBe("▲5%");
  });

  it("約1,000人以上, not 1,000人 (the qualifiers stay)", () => {
    expect(
      shown({ kind: "number", value: 1000, unit: "人", qualifiers: ["約", "以上"], period: FY2022 }),
    ).toBe("約1,000人以上");
  });

  it("12,025億円 with its own period when it is not the column's", () => {
    const v: Value = {
      kind: "number",
      value: 1_202_500_000_000,
      unit: "円",
      period: { year: 2020, basis: "calendar" },
    };
    expect(shown(v)).toBe("12,025億円（令和2年）");
    expect(shown({ ...v, period: FY2022 })).toBe("12,025億円");
  });

  it("segments, text and missing values", () => {
    expect(
      shown({
        kind: "segmented",
        segments: [
          { label: "男性", value: 78.46, unit: "歳" },
          { label: "女性", value: 80.66, unit: "歳" },
        ],
        period: FY2022,
      }),
    ).toBe("男性78.46歳、女性80.66歳");
    expect(shown({ kind: "text", text: "待機児童なし" })).toBe("待機児童なし");
    expect(shown({ kind: "missing" })).toBe("－");
  });
});
