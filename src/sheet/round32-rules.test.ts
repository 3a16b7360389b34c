// Round 32's general rules (fixtures/layouts/README.md: kamikawa-hyoka), each on a small table of its own.
import { describe, expect, it } from "vitest";
import { recogniseHeader } from "./column-fields.ts";
import { importSheet } from "./index.ts";

const bytes = (lines: string[]) => new TextEncoder().encode(lines.join("\n"));

describe("round 32: a column analysing the year's work is words, not a value", () => {
  it("「…の取組と実績値の分析」 is the status, 「実績値の分析」 alone the reason — neither an actual", () => {
    expect(recogniseHeader("平成27年度の取組と実績値の分析").field).toBe("status");
    expect(recogniseHeader("事業の実施と成果の分析").field).toBe("status");
    expect(recogniseHeader("実績値の分析").field).toBe("reason");
    expect(recogniseHeader("KPIの分析").field).toBe("reason");
    // The rules around it are unchanged: a cause's analysis is its reason, a plain 実績値 the actual.
    expect(recogniseHeader("要因分析").field).toBe("reason");
    expect(recogniseHeader("実績値(H28年3月末)").field).toBe("actual");
  });

  it("reads the sheet: the actual from 実績値(H28年3月末) (FY2015), the analysis as the status", async () => {
    const r = await importSheet(
      bytes([
        "総合戦略評価シート",
        "",
        "基本目標1 地域における安定した雇用の創出",
        "",
        "| 施策名 | KPI | 目標値(H31年度) | 実績値(H28年3月末) | 平成27年度の取組と実績値の分析 | 今後の展開 |",
        "|---|---|---|---|---|---|",
        "| ①地域資源を活かした産業の創出 | 特産品の開発 | 3品以上 | 0品 | 研修事業を実施したが、商品化には至らなかった。 | 研修事業を続ける。 |",
        "| | 新規開業者数 | 10件 | 1件 | 創業支援事業による支援で1事業の開業があった。 | 創業支援体制を整える。 |",
      ]),
      "t.md",
    );
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.sheet.fiscalYear).toBe(2015);
    expect(
      r.sheet.kpis.map((k) => [
        k.indicator,
        k.actual.kind === "number"
          ? `${k.actual.value}${k.actual.unit} @${k.actual.period.year}`
          : k.actual.kind,
        k.status,
        k.nextSteps,
      ]),
    ).toEqual([
      ["特産品の開発", "0品 @2015", "研修事業を実施したが、商品化には至らなかった。", "研修事業を続ける。"],
      [
        "新規開業者数",
        "1件 @2015",
        "創業支援事業による支援で1事業の開業があった。",
        "創業支援体制を整える。",
      ],
    ]);
  });
});
