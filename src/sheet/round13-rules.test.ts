// Round 13's general rules (fixtures/layouts/README.md), each on a small table of its own.
import { describe, expect, it } from "vitest";
import { importSheet } from "./index.ts";
import { notedActualYear } from "./noted-year.ts";
import { readOrdinal } from "./read-ordinal.ts";
import { markdownTable as md } from "./test-markdown.ts";

describe("round 13", () => {
  it("a department in 【】 on its own line under the project's name: the department, the name without it", async () => {
    const r = await importSheet(
      md(
        ["事業の効果検証(平成27年度)"],
        [
          ["交付対象事業の名称", "指標", "指標値", "実績値"],
          ["ふるさとへUIJターン!応援します。<br>【商工課】", "支援金の支給件数", "200件", "164件"],
          ["子育て応援事業", "アプリの登録者数", "2,000人", "850人"],
        ],
      ),
      "k.md",
    );
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.sheet.kpis[0]!.initiatives).toEqual(["ふるさとへUIJターン!応援します。"]);
    expect(r.sheet.kpis[0]!.departments).toEqual(["商工課"]);
    expect(r.sheet.kpis[1]!.departments).toEqual([]);
  });

  it("事業の効果 over labels is the evaluation; 章 is the plan's first level (「第1章 安全・安心」)", async () => {
    const r = await importSheet(
      md(
        ["効果検証(平成27年度)"],
        [
          ["章", "指標", "指標値", "実績値", "事業の効果"],
          ["第1章 安全・安心", "受験者数", "40人", "52人", "地方創生に非常に効果的であった"],
          ["", "参加者数", "150人", "96人", "地方創生に効果があった"],
        ],
        ["地方創生に非常に効果的であった:目標値を上回った 地方創生に効果があった:事業開始前より改善した"],
      ),
      "k.md",
    );
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.sheet.kpis.map((k) => k.evaluation.label)).toEqual([
      "地方創生に非常に効果的であった",
      "地方創生に効果があった",
    ]);
    expect(r.sheet.kpis[1]!.goal).toEqual({ no: 1, title: "安全・安心" });
    expect(readOrdinal("第4節 地域福祉")).toEqual({ no: 4, title: "地域福祉" });
  });

  it("a note saying the actual is an earlier year's figure gives the actual that year", () => {
    const actual = {
      kind: "number" as const,
      value: 7318,
      unit: "億円",
      period: { year: 2015, basis: "fiscal" as const },
    };
    expect(
      notedActualYear([{ header: "備考", text: "更新数値がないため、H24の値" }], actual)?.period.year,
    ).toBe(2012);
    expect(notedActualYear([{ header: "備考", text: "令和元年度の数値" }], actual)).toBeNull();
    expect(
      notedActualYear([{ header: "備考", text: "減少を目指す指標のため、中間目標値÷実績値" }], actual),
    ).toBeNull();
    expect(notedActualYear([{ header: "事業概要", text: "H24の値" }], actual)).toBeNull();
  });
});
