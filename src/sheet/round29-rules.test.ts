// Round 29's general rules (fixtures/layouts/README.md), each on a small table of its own.
import { describe, expect, it } from "vitest";
import { recogniseHeader } from "./column-fields.ts";
import { namesUnderGroups } from "./group-sub-names.ts";
import { noteUnderIndicator } from "./heading-levels.ts";
import { importSheet } from "./index.ts";
import { categoryOf } from "./legend-categories.ts";
import { readLegend } from "./read-legend.ts";
import { targetByDeadline } from "./target-in-name.ts";

const bytes = (lines: string[]) => new TextEncoder().encode(lines.join("\n"));

describe("round 29", () => {
  const top = [
    "施策名",
    "指標",
    "実績値(H29)",
    "【1次評価】内部での評価",
    "",
    "策定委員会の評価【2次評価】",
    "",
    "",
  ];
  const bottom = [
    "",
    "",
    "",
    "評価",
    "評価の理由",
    "KPI達成に有効であったと評価した委員数",
    "有効とは言えなかった委員数",
    "意見",
  ];

  it("a second header row naming the columns of the groups above, however long its names, completes the header", () => {
    expect(namesUnderGroups(top, bottom)).toBe(true);
    // Excel repeats each merged group over its columns, and may end the worksheet after the table.
    const repeated = top.map((t, i) => (t === "" && i >= 4 ? (i === 4 ? top[3]! : top[5]!) : t));
    expect(namesUnderGroups([...repeated, "", ""], [...bottom, "", ""])).toBe(true);
    // A name under a column the row above names alone is no group's: a data row, not names.
    expect(
      namesUnderGroups(top, ["", "新規就農者数", "", "評価", "評価の理由", "委員数", "委員数", "意見"]),
    ).toBe(false);
    // A group left half named, figures or sentences: not a row of names.
    expect(namesUnderGroups(top, ["", "", "", "評価", "", "委員数", "委員数", "意見"])).toBe(false);
    expect(namesUnderGroups(top, ["", "", "", "A", "理由", "7", "2", "意見"])).toBe(false);
    expect(namesUnderGroups(top, ["", "", "", "A", "増えた。", "多い", "少ない", "意見"])).toBe(false);
  });

  it("「…と評価した委員数」 is a tally of a committee's votes: an extra, not an indicator", () => {
    expect(recogniseHeader("KPI達成に有効であったと評価した委員数").field).toBe("extra");
    expect(recogniseHeader("KPI達成に有効とは言えなかったと評価した委員の数").field).toBe("extra");
    expect(recogniseHeader("重要業績評価指標(KPI)").field).toBe("indicator");
  });

  it("「…数(H31まで):28世帯」: the figure after the year the plan runs to is the final target at that year", () => {
    expect(targetByDeadline("子育て世帯の新規定住世帯(U・Iターン)数(H31まで):28世帯")).toEqual({
      name: "子育て世帯の新規定住世帯(U・Iターン)数",
      figure: "28世帯",
      period: { year: 2019, basis: "fiscal" },
    });
    expect(targetByDeadline("不登校児童数(H31まで):0人を維持")?.figure).toBe("0人");
    expect(targetByDeadline("見守り協力事業所数(令和6年度まで)40事業所")?.period.year).toBe(2024);
    expect(targetByDeadline("新規就農者数")).toBeNull();
    expect(targetByDeadline("新規就農者数(累計)")).toBeNull();
  });

  it("legend words: reached 「(達成見込み)」 is still reached; 「未達成だが一定の効果」 the step under it; 「- 次年度以降の取組」 nothing to judge yet", () => {
    expect(categoryOf("A", "KPIを達成した(達成見込み)")).toBe("on_track");
    expect(categoryOf("B", "達成見込み")).toBe("mostly_on_track");
    expect(categoryOf("B", "KPIは未達成だが一定の効果があった")).toBe("mostly_on_track");
    expect(categoryOf("C", "KPIは未達成で効果が十分でなかった")).toBe("delayed");
    expect(categoryOf("-", "次年度以降の取組")).toBe("not_evaluable");
  });

  it("a spaced legend's dash label (「- 次年度以降の取組」) is a band; a legend headed by another column's name (…の意見) is read as spaced too", () => {
    const scale = readLegend(
      ["KPIの評価 A 十分に達成されている B 概ね達成されている C あまり達成されていない - 次年度以降の取組"],
      new Set(["A", "B", "C", "-"]),
    );
    expect(scale?.bands.map((b) => `${b.label} ${b.category}`)).toEqual([
      "A on_track",
      "B mostly_on_track",
      "C delayed",
      "- not_evaluable",
    ]);
  });

  it("a spaced legend whose spaces a Word print lost (「KPIの評価A十分に…B概ね…」) is read by its capital letters", () => {
    const scale = readLegend(
      ["KPIの評価A十分に達成されているB概ね達成されているCあまり達成されていない - 次年度以降の取組"],
      new Set(["A", "B", "C", "-"]),
    );
    expect(scale?.bands.map((b) => `${b.label} ${b.meaning}`)).toEqual([
      "A 十分に達成されている",
      "B 概ね達成されている",
      "C あまり達成されていない",
      "- 次年度以降の取組",
    ]);
    // Letters inside a Latin word (KPI) or a figure stay where they are.
    expect(readLegend(["KPIの評価は年度末に行う"], new Set(["A", "B"]))).toBeNull();
  });

  it("a legend line opening with a bracketed name (「【1次評価】の評価 A:…」) is no note under the indicator", () => {
    expect(noteUnderIndicator("【1次評価】の評価 A:KPIを達成した B:一定の効果があった")).toBe(false);
    expect(noteUnderIndicator("≪成果と見直し≫ 参加者は増えた")).toBe(true);
    expect(noteUnderIndicator("【参考】A:は前年度の評価")).toBe(true);
  });

  const kagoshima = (legend: string[]) =>
    bytes([
      "効果検証結果 平成27年度実績",
      "",
      "| 基本目標 | KPI | 単位 | 目標値(H31) | H27実績 | KPIの評価 | 検証会議の意見 |",
      "|---|---|---|---|---|---|---|",
      "| 1 しごと | 創業者数 | 人 | 150 | 128 | A | A |",
      "| | 企業立地件数 | 件 | 30 | 17 | B | B |",
      "| 2 子育て | 利用者数 | 人 | 2000 | 1500 | C | A |",
      "",
      "KPIの評価 A 十分に達成されている B 概ね達成されている C あまり達成されていない",
      ...legend,
    ]);

  it("a committee's opinion as letters its own legend explains is kept as an extra, reported; with no such legend it is refused", async () => {
    const read = await importSheet(
      kagoshima([
        "検証会議の意見 A 引き続き、現状の取組を推進すべき B 一部を改善すべき C 見直しを検討すべき",
      ]),
      "k.md",
    );
    if (!read.ok) throw new Error(read.error.message);
    expect(read.sheet.kpis.map((k) => [k.evaluation.label, k.comments ?? null])).toEqual([
      ["A", null],
      ["B", null],
      ["C", null],
    ]);
    expect(read.sheet.kpis[0]!.extras).toContainEqual({ header: "検証会議の意見", text: "A" });
    expect(read.sheet.scale?.bands.map((b) => b.meaning)).not.toContain("引き続き、現状の取組を推進すべき");
    expect(read.report.issues.some((i) => i.kind === "opinion_marks_kept")).toBe(true);
    // The legend's spaces lost (a Word print): each letter still set off by the Japanese words around it.
    const glued = await importSheet(
      kagoshima(["検証会議の意見A引き続き、現状の取組を推進すべきB一部を改善すべきC見直しを検討すべき"]),
      "k.md",
    );
    expect(glued.ok ? (glued.sheet.kpis[0]!.comments ?? null) : glued.error.message).toBeNull();
    // The column's name wrapped over two lines in its cell is the same name.
    const wrapped = await importSheet(
      new TextEncoder().encode(
        new TextDecoder()
          .decode(kagoshima(["検証会議の意見 A 引き続き推進すべき B 一部を改善すべき C 見直しを検討すべき"]))
          .replace("| 検証会議の意見 |", "| 検証<br>会議の意見 |"),
      ),
      "k.md",
    );
    expect(wrapped.ok ? (wrapped.sheet.kpis[0]!.comments ?? null) : wrapped.error.message).toBeNull();
    const bare = await importSheet(kagoshima([]), "k.md");
    expect(bare.ok ? "read" : bare.error.message).toMatch(/検証会議の意見.*評価の記号/);
  });
});
