// Round 26's general rules (fixtures/layouts/README.md), each on a small table of its own.
import { describe, expect, it } from "vitest";
import type { Kpi } from "../core/sheet.ts";
import { headingLevel } from "./heading-levels.ts";
import { importSheet } from "./index.ts";
import { isRatingTally, tallyLabels } from "./rating-tally.ts";
import { standingFigure } from "./standing-figure.ts";

const bytes = (lines: string[]) => new TextEncoder().encode(lines.join("\n"));
const v = (x: Kpi["actual"] | undefined) =>
  !x ? "absent" : x.kind === "number" ? `${x.value} ${x.unit ?? ""} @${x.period.year}` : x.kind;

const LEGEND = "※進捗状況 順調:KPIの達成に向けて順調に進んでいる 遅れ:KPIの達成に向けて遅れている";

const sheet = (kpiHeader: string, title = "町総合戦略 平成28年度 事業評価調書") =>
  bytes([
    title,
    "",
    "基本目標1 安定した雇用を創出する",
    "",
    "基本的方向① 雇用支援",
    "",
    `| 数値目標項目 | 基準値 | ${kpiHeader} | 実績値 | 進捗状況 |`,
    "|---|---|---|---|---|",
    "| 空き店舗数 | H27年度現在 127件<br>H31年度予測 144件 | 139件 | 127件 | 順調 |",
    "| 町内創業件数 | 6件 | 11件 | 0件 | 遅れ |",
    "| 進捗状況割合 | | | | 順調 50%<br>遅れ 50% |",
    "",
    LEGEND,
    "",
  ]);

describe("round 26", () => {
  it("「KPI(H31年度)」 over figures beside the names under 数値目標項目 is the target of its year; a 基本的方向 line is the subgoal", async () => {
    const r = await importSheet(sheet("KPI(H31年度)"), "t.md");
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.sheet.fiscalYear).toBe(2016);
    const k = r.sheet.kpis[1]!;
    expect(k.indicator).toBe("町内創業件数");
    expect([v(k.actual), v(k.finalTarget)]).toEqual(["0 件 @2016", "11 件 @2019"]);
    expect(k.goal).toEqual({ no: 1, title: "安定した雇用を創出する" });
    expect(k.subgoal).toEqual({ no: 1, title: "雇用支援" });
  });

  it("「KPI」 over figures with no year is not given one: refused, naming the column", async () => {
    const r = await importSheet(sheet("KPI"), "t.md");
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.message).toContain("KPI");
  });

  it("a baseline cell of a standing figure and a forecast reads the standing figure at its year", async () => {
    expect(standingFigure("H27年度現在 127件<br>H31年度予測 144件")).toEqual({
      text: "127件\n(H27年度)",
      aside: ["H31年度予測 144件"],
    });
    // Two standing figures, or a forecast alone, are left as printed.
    expect(standingFigure("H27年度現在 127件<br>H28年度現在 130件")).toBeNull();
    expect(standingFigure("H31年度予測 144件")).toBeNull();
    expect(standingFigure("過去5年間実績 6件")).toBeNull();
    const r = await importSheet(sheet("KPI(H31年度)"), "t.md");
    if (!r.ok) throw new Error(r.error.message);
    expect(v(r.sheet.kpis[0]!.baseline)).toBe("127 件 @2015");
  });

  it("a row counting the ratings with their shares (進捗状況割合) is no KPI; a share of a label the table does not rate with is", async () => {
    expect(tallyLabels("遅れ 33%<br>その他 67%")).toEqual(["遅れ", "その他"]);
    expect(tallyLabels("33%")).toBeNull();
    expect(tallyLabels("達成率 33% 前年比 67% 増")).toBeNull();
    const labels = new Set(["順調", "遅れ", "その他"]);
    expect(isRatingTally(["進捗状況割合", "", "", "", "遅れ 33%<br>その他 67%"], [1, 2, 3], labels)).toBe(
      true,
    );
    // A figure in a value cell makes it a KPI's row.
    expect(isRatingTally(["x", "5件", "", "", "遅れ 33%<br>その他 67%"], [1, 2, 3], labels)).toBe(false);
    expect(isRatingTally(["x", "", "", "", "男性 40%<br>女性 60%"], [1, 2, 3], labels)).toBe(false);
    const r = await importSheet(sheet("KPI(H31年度)"), "t.md");
    if (!r.ok) throw new Error(r.error.message);
    expect(r.sheet.kpis.map((k) => k.indicator)).toEqual(["空き店舗数", "町内創業件数"]);
  });

  it("「基本的方向① …」 heads the level under the goal", () => {
    expect(headingLevel("基本的方向① 雇用支援")).toBe("subgoal");
    expect(headingLevel("基本的方向の考え方")).toBeNull();
  });

  it("a note naming where the sheet comes from is no title: its year does not date the sheet", async () => {
    const r = await importSheet(
      bytes([
        "町総合戦略 事業評価調書",
        "",
        "| 数値目標項目 | 基準値 | KPI(H31年度) | 実績値 |",
        "|---|---|---|---|",
        "| 空き店舗数 | 120件 | 139件 | 127件 |",
        "| 町内創業件数 | 6件 | 11件 | 0件 |",
        "",
        "出典の形式: 町の調書(KPI は同じ町の突合表の H31 年度の欄から)をもとに作成。",
        "",
      ]),
      "t.md",
    );
    expect(r.ok).toBe(false);
  });
  it("a row that lost its last empty cell keeps its opinion 「…につなげること。」 in the 意見 column, not the remarks of 「…実施した。」", async () => {
    const r = await importSheet(
      bytes([
        "平成27年度 KPIの達成状況",
        "",
        "| 指標 | H27実績値 | 有識者会議の意見 | 特記事項 |",
        "|---|---|---|---|",
        "| 指標a | 1人 | | 関係機関と連携して実施した。 |",
        "| 指標b | 2人 | | 関係機関と連携して実施した。 |",
        "| 指標c | 3人 | 調査の対象を広げること。 | 関係機関と連携して実施した。 |",
        "| 指標d | 4人 | 受注の拡大につなげること。 |",
        "",
      ]),
      "t.md",
    );
    if (!r.ok) throw new Error(r.error.message);
    expect(r.sheet.kpis[3]!.comments).toBe("受注の拡大につなげること。");
  });
});
