import { describe, expect, it } from "vitest";
import type { Kpi, Sheet } from "../core/sheet.ts";
import { stripHeadingMark } from "./heading-levels.ts";
import { readOrdinal } from "./read-ordinal.ts";
import { round49Refusal } from "./round49-guards.ts";
import { implicitPace } from "./round49-implicit-pace.ts";
import { fitsAtOrShifted } from "./round49-shifted-cells.ts";
import { spanBeforeFigure } from "./round49-target-span.ts";
import { read } from "./test-read-lines.ts";
import type { SourceTable } from "./types.ts";

// A 北海道 town's 効果検証 in another town's words: 〈基本目標Ⅱ〉 with a Roman numeral, bulleted 施策の方向, targets worded
// with their span, a 進捗率 legend whose best band is the pace.
const HEADER = "| 基本的な方向 | KPI | 基準値 | 目標値(R6) | 実績値(R3) | 進捗率 | 評価 | 担当課 |";
const town = [
  "まち・ひと・しごと創生総合戦略 効果検証(令和4年度)",
  "",
  "〈基本目標Ⅰ〉 地域の産業を育て、雇用をつくる",
  "",
  HEADER,
  "|---|---|---|---|---|---|---|---|",
  "| ○農業の担い手の確保 | 新規就農者数 | 2人(H30) | 5か年で20人 | 9人 | 45.0% | A | 農林課 |",
  "| | 農産物直売所の売上額 | 80百万円(H30) | 100百万円 | 70百万円 | 70.0% | A | 農林課 |",
  "",
  "〈基本目標Ⅱ〉 ひとの流れをつくる",
  "",
  HEADER,
  "|---|---|---|---|---|---|---|---|",
  "| ○移住の促進 | 移住者数 | 10人(H30) | 5年後に年30人 | 8人 | 26.7% | C | 企画課 |",
  "| | 移住体験住宅の利用者数 | 12人(H30) | 3年後には50人 | 15人 | 30.0% | B | 企画課 |",
  "",
  "評価 A:進捗率40%以上 B:進捗率30%以上40%未満 C:進捗率30%未満",
  "※進捗率は、最終目標(R6)に対する実績値の割合",
];

describe("round 49 rules", () => {
  it("reads a level's number in angle brackets as a Roman numeral (〈基本目標Ⅱ〉, <基本目標Ⅳ>)", () => {
    expect(stripHeadingMark("〈基本目標Ⅱ〉 ひとの流れをつくる")).toBe("基本目標Ⅱ ひとの流れをつくる");
    expect(readOrdinal("<基本目標Ⅳ> 安心なくらしを守る")).toEqual({ no: 4, title: "安心なくらしを守る" });
  });

  it("takes a list's bullet off an unnumbered level's title, not a 〇 that is part of a word", () => {
    expect(readOrdinal("○移住を希望する方への支援体制の構築")).toEqual({
      no: 0,
      title: "移住を希望する方への支援体制の構築",
    });
    expect(readOrdinal("◯ 観光資源を活かした交流人口の拡大").title).toBe("観光資源を活かした交流人口の拡大");
    expect(readOrdinal("農業の担い手の確保").title).toBe("農業の担い手の確保");
  });

  it("reads the span before a figure as a note (5年間で, 5か年で, 5年後に年, 3年後には, 計画期間で)", () => {
    expect(spanBeforeFigure("5年間で15件")).toBe("5年間で");
    expect(spanBeforeFigure("5か年で20人")).toBe("5か年で");
    expect(spanBeforeFigure("5年後に年146人")).toBe("5年後に年");
    expect(spanBeforeFigure("3年後には50人")).toBe("3年後には");
    expect(spanBeforeFigure("計画期間で100件")).toBe("計画期間で");
    // Not a span: a year (「5年度」), a sentence, a figure alone.
    expect(spanBeforeFigure("5年度に完了")).toBeNull();
    expect(spanBeforeFigure("5年間で増加させる")).toBeNull();
    expect(spanBeforeFigure("15件")).toBeNull();
  });

  it("reads a pace no line states: the best band of a 進捗率 against the final target", () => {
    const bands = [
      { label: "A", meaning: "進捗率40%以上" },
      { label: "B", meaning: "進捗率30%以上40%未満" },
      { label: "C", meaning: "進捗率30%未満" },
    ];
    expect(implicitPace(bands, ["※進捗率は、最終目標(R6)に対する実績値の割合"])).toEqual({
      label: "A",
      share: 0.4,
    });
    expect(implicitPace(bands, ["※進捗率は、目標値(H31)に対する実績値(H28)の割合"])).toEqual({
      label: "A",
      share: 0.4,
    });
    // No note that the rate is against the final target, a band reaching 100%, or words that say: no pace.
    expect(implicitPace(bands, [])).toBeNull();
    expect(
      implicitPace(
        [{ label: "A", meaning: "進捗率100%以上" }, ...bands.slice(1)],
        ["進捗率は最終目標に対する割合"],
      ),
    ).toBeNull();
    expect(
      implicitPace(
        [{ label: "A", meaning: "順調(進捗率40%以上)" }, ...bands.slice(1)],
        ["進捗率は最終目標に対する割合"],
      ),
    ).toBeNull();
  });

  it("counts a shifted row's label one place left as the column's (a Markdown row that lost a cell)", () => {
    const label = (t: string) => /^[A-C◎○△]$/.test(t);
    const row = (cells: string[]) => ({ row: 3, cells });
    expect(fitsAtOrShifted(row(["", "出生数", "○", "人", "52", "△", "健康福祉課"]), 6, 8, label)).toBe(true);
    expect(fitsAtOrShifted(row(["", "出生数", "○", "人", "52", "45", "健康福祉課", "x"]), 6, 8, label)).toBe(
      false,
    );
    expect(fitsAtOrShifted({ ...row(["", "出生数", "△", "健康福祉課"]), sheet: "S" }, 3, 8, label)).toBe(
      false,
    );
  });

  it.each(["kpi.md", "kpi.xlsx"])("reads another town's 効果検証 with these shapes (%s)", async (file) => {
    const s = await read(town, file);
    expect(s.fiscalYear).toBe(2021);
    expect(s.kpis.map((k) => [k.goal.no, k.goal.title, k.measure.title])).toEqual([
      [1, "地域の産業を育て、雇用をつくる", "農業の担い手の確保"],
      [1, "地域の産業を育て、雇用をつくる", "農業の担い手の確保"],
      [2, "ひとの流れをつくる", "移住の促進"],
      [2, "ひとの流れをつくる", "移住の促進"],
    ]);
    const fin = s.kpis.map((k) =>
      k.finalTarget?.kind === "number" ? k.finalTarget.value : k.finalTarget?.kind,
    );
    expect(fin).toEqual([20, 100000000, 30, 50]);
    expect(s.kpis.map((k) => k.evaluation?.category)).toEqual([
      "on_track",
      "on_track",
      "delayed",
      "mostly_on_track",
    ]);
  });

  it("reads a 達成度 column of marks though a Markdown row that lost a cell prints a department under it", async () => {
    const s = await read([
      "デジタル田園都市国家構想総合戦略 KPI検証シート(令和6年度実績)",
      "",
      "| 基本目標 | 施策 | KPI | 継続 | 単位 | 基準値 | R6実績 | 目標値(R9) | 達成度 | 所管課 |",
      "|---|---|---|---|---|---|---|---|---|---|",
      "| 1 しごとをつくる | ① 創業支援 | 創業件数 | | 件 | 3(R4) | 5 | 10 | ○ | 商工課 |",
      "| | 移住者数 | ○ | 人 | 40(R元) | 35 | 60 | △ | 企画課 |",
      "| | ② 観光振興 | 観光客数 | ○ | 人 | 900(R元) | 1,200 | 1,000 | ◎ | 観光課 |",
      "",
      "達成度 ◎:目標値を達成 ○:基準値から改善 △:基準値と同水準または悪化",
    ]);
    expect(s.kpis.map((k) => [k.indicator, k.evaluation?.label, k.departments])).toEqual([
      ["創業件数", "○", ["商工課"]],
      ["移住者数", "△", ["企画課"]],
      ["観光客数", "◎", ["観光課"]],
    ]);
  });
});

describe("round 49 guards", () => {
  const table: SourceTable = {
    rows: [],
    outside: [{ row: 2, text: "<基本目標Ⅰ> 町の産業を担う次世代へ安定した雇用を創出する" }],
  } as unknown as SourceTable;
  const kpi = (over: Partial<Kpi>): Kpi =>
    ({
      goal: { no: 1, title: "町の産業を担う次世代へ安定した雇用を創出する" },
      subgoal: { no: 0, title: "" },
      measure: { no: 0, title: "基幹産業の持続的発展" },
      indicator: "新規就農者数",
      ...over,
    }) as Kpi;
  const sheet = (kpis: Kpi[], scale?: Sheet["scale"]): Sheet =>
    ({ format: "sheet/1", municipality: null, fiscalYear: 2016, source: null, kpis, scale }) as Sheet;
  const name = (k: Kpi) => `指標「${k.indicator}」`;

  it("passes a reading that carries the bracketed goal, no bullet, figures and the pace as on track", () => {
    expect(round49Refusal(sheet([kpi({})]), table, name)).toBeNull();
  });

  it("refuses a 〈基本目標Ⅰ〉 line no KPI carries", () => {
    const lost = kpi({ goal: { no: 0, title: "○基幹産業の持続的発展" }, measure: { no: 0, title: "" } });
    expect(round49Refusal(sheet([lost]), table, name)).toMatch(
      /2行目「<基本目標Ⅰ>.*どの指標の階層にもなっていません/,
    );
  });

  it("refuses a level title still opening with the list's bullet", () => {
    const k = kpi({ measure: { no: 0, title: "○基幹産業の持続的発展" } });
    expect(round49Refusal(sheet([k]), table, name)).toMatch(/箇条書きの記号「○」/);
  });

  it("refuses a target kept as text that is a figure after its span", () => {
    const k = kpi({ finalTarget: { kind: "text", text: "5年間で15件" } as Kpi["finalTarget"] });
    expect(round49Refusal(sheet([k]), table, name)).toMatch(/目標値「5年間で15件」は期間の語/);
    // A worded target (「基準値より増加」) is text rightly.
    const worded = kpi({ finalTarget: { kind: "text", text: "5年間で増加" } as Kpi["finalTarget"] });
    expect(round49Refusal(sheet([worded]), table, name)).toBeNull();
  });

  it("refuses the best 進捗率 band read below on track under a note that the rate is against the final target", () => {
    const scale = {
      bands: [
        { label: "A", category: "mostly_on_track", min: 0.6, meaning: "進捗率60%以上" },
        { label: "B", category: "delayed", min: 0.4, meaning: "進捗率40%以上60%未満" },
        { label: "C", category: "delayed", min: null, meaning: "進捗率40%未満" },
      ],
      basis: "ratio",
      source: "評価 A:進捗率60%以上 … ※進捗率は、目標値(H31)に対する実績値(H28)の割合",
    } as unknown as Sheet["scale"];
    expect(round49Refusal(sheet([kpi({})], scale), table, name)).toMatch(
      /凡例「A」は計画の最終目標に対する進捗率/,
    );
  });
});
