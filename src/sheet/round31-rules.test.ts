// Round 31's general rules (fixtures/layouts/README.md), each on a small table of its own.
import { describe, expect, it } from "vitest";
import { importSheet } from "./index.ts";
import { headedLegendBlocks, isOtherColumnsLegend, legendHeading } from "./legend-blocks.ts";
import { categoryOf } from "./legend-categories.ts";
import { isPairedLegendLine, readLegend } from "./read-legend.ts";

const bytes = (lines: string[]) => new TextEncoder().encode(lines.join("\n"));

/** A plan's progress table with two legends of the same letters above it, each under its heading. */
const twoLegends = (
  order: "rating-first" | "course-first",
  dashRow = "| | - | - | - | - | 成果あり。 | B | 検討する。 | A |",
) => {
  const rating = [
    "【達成度】",
    "A:取り組みが十分に達成できている",
    "B:取り組みがまあまあ達成できている",
    "C:取り組みがあまり達成できていない",
    "D:取り組みがほとんど達成できていない",
  ];
  const course = ["【方向性】", "A:拡充・発展", "B:現状維持", "C:縮小", "D:廃止・見直し"];
  return bytes([
    "施策目標指標の進捗状況",
    "",
    ...(order === "rating-first" ? [...rating, ...course] : [...course, ...rating]),
    "",
    "| 基本施策 | 目標指標 | 基準値(H22) | 現状値(H27) | 目標値(H28) | 進捗状況(成果と積み残し) | 達成度 | 今後の展望 | 方向性 |",
    "|---|---|---|---|---|---|---|---|---|",
    "| 農業の振興 | 組織数 | 14箇所 | 33箇所 | 20箇所 | 一定の成果あり。 | B | 環境づくりを目指す。 | A |",
    dashRow,
    "| | 認定農業者数 | 83人 | 94人 | 85人 | 14名以上を確保した。 | C | 担い手を育成する。 | D |",
    "| 商工業の振興 | 新規創業者数 | 2件 | 9件 | 10件 | 創業につながった。 | A | 支援を続ける。 | B |",
  ]);
};

describe("round 31", () => {
  it("a heading alone on its line over one line per label is read as one legend under that name", () => {
    expect(legendHeading("【方向性】")).toBe("方向性");
    expect(legendHeading("<評価基準>")).toBe("評価基準");
    expect(legendHeading("【基本目標1】 産業の振興")).toBeNull();
    expect(
      headedLegendBlocks([
        "表題",
        "【達成度】",
        "A:十分",
        "B:まあまあ",
        "【方向性】",
        "A:拡充",
        "B:維持",
        "注",
      ]),
    ).toEqual(["表題", "達成度 A:十分 B:まあまあ", "方向性 A:拡充 B:維持", "注"]);
    // A heading over a single label line (or none) is left as printed.
    expect(headedLegendBlocks(["【方向性】", "A:拡充", "本文"])).toEqual(["【方向性】", "A:拡充", "本文"]);
    expect(isOtherColumnsLegend("方向性 A:拡充 B:維持", ["方向性"], ["達成度"])).toBe(true);
    expect(isOtherColumnsLegend("達成度 A:十分 B:まあまあ", ["方向性"], ["達成度"])).toBe(false);
  });

  it("two legends of one set of letters: the evaluation's scale from its own, the other column kept as an extra", async () => {
    for (const order of ["rating-first", "course-first"] as const) {
      const read = await importSheet(twoLegends(order), "k.md");
      if (!read.ok) throw new Error(read.error.message);
      expect(read.sheet.scale?.bands.map((b) => `${b.label} ${b.category}`)).toEqual([
        "A on_track",
        "B mostly_on_track",
        "C delayed",
        "D delayed",
      ]);
      expect(read.sheet.kpis.map((k) => [k.indicator, k.evaluation.label, k.direction ?? null])).toEqual([
        ["組織数", "B", null],
        ["認定農業者数", "C", null],
        ["新規創業者数", "A", null],
      ]);
      expect(read.sheet.kpis[1]!.extras).toContainEqual({ header: "方向性", text: "D" });
      // 現状値 beside 基準値 is the figure now: the actual, at the year its header prints.
      expect(read.sheet.fiscalYear).toBe(2015);
    }
  });

  it("a 方向性 column of letters with no legend of its own is still refused", async () => {
    const lines = new TextDecoder().decode(twoLegends("rating-first")).split("\n");
    const noCourse = lines.filter((l) => !/方向性】|拡充|現状維持|縮小|廃止/.test(l));
    const read = await importSheet(bytes(noCourse), "k.md");
    expect(read.ok ? "read" : read.error.message).toMatch(/方向性/);
  });

  it("a row whose indicator is a list number and a dash, every value a dash, names no KPI", async () => {
    const read = await importSheet(
      twoLegends("rating-first", "| | (2) - | - | - | - | 成果あり。 | B | 検討する。 | A |"),
      "k.md",
    );
    if (!read.ok) throw new Error(read.error.message);
    expect(read.sheet.kpis.map((k) => k.indicator)).toEqual(["組織数", "認定農業者数", "新規創業者数"]);
  });

  it("quoted labels each before an ellipsis are a legend's pairs", () => {
    const line =
      "「進捗状況判定」の凡例 「A」…目標値に対して順調に値が伸びている 「B」…目標値に対して遅れはあるが、値は伸びている 「C」…現状値から値が伸びていない、又は、現状値から値が悪化した";
    expect(isPairedLegendLine(line)).toBe(true);
    expect(
      readLegend([line], new Set(["A", "B", "C"]))?.bands.map((b) => `${b.label} ${b.category}`),
    ).toEqual(["A on_track", "B mostly_on_track", "C delayed"]);
    // An ellipsis inside a meaning, after no quoted label, splits nothing.
    expect(isPairedLegendLine("値は伸びている…今後も注視する")).toBe(false);
  });

  it("behind the target but rising is the step under on track; not rising is delayed", () => {
    expect(categoryOf("B", "目標値に対して遅れはあるが、値は伸びている")).toBe("mostly_on_track");
    expect(categoryOf("B", "目標を下回っているが、実績値は増加している")).toBe("mostly_on_track");
    expect(categoryOf("A", "目標値に対して順調に値が伸びている")).toBe("on_track");
    expect(categoryOf("C", "現状値から値が伸びていない、又は、現状値から値が悪化した")).toBe("delayed");
    expect(categoryOf("C", "遅れがあり、値も伸びていない")).toBe("delayed");
  });

  it("reads a table whose legend quotes its labels before an ellipsis, a dash rating not evaluable", async () => {
    const read = await importSheet(
      bytes([
        "総合計画 成果指標の進捗状況(令和元年度)",
        "",
        "| 施策 | 成果指標 | 単位 | 現状値(H26) | 実績値(R1) | 目標値(R2) | 進捗状況判定 | 担当課 |",
        "|---|---|---|---|---|---|---|---|",
        "| (1) 子育て支援 | 待機児童数 | 人 | 15 | 6 | 0 | A | こども課 |",
        "| | 拠点の利用者数 | 人 | 18,420 | 19,860 | 21,000 | B | こども課 |",
        "| (2) 観光 | 観光入込客数 | 人 | 1,085 | 1,032 | 1,200 | C | 観光課 |",
        "| | 健診受診率 | % | 32.4 | - | 60.0 | - | 健康課 |",
        "",
        "「進捗状況判定」の凡例 「A」…目標値に対して順調に値が伸びている 「B」…目標値に対して遅れはあるが、値は伸びている 「C」…現状値から値が伸びていない、又は、現状値から値が悪化した",
      ]),
      "t.md",
    );
    if (!read.ok) throw new Error(read.error.message);
    expect(read.sheet.fiscalYear).toBe(2019);
    expect(read.sheet.kpis.map((k) => `${k.evaluation.category} ${k.evaluation.label}`)).toEqual([
      "on_track A",
      "mostly_on_track B",
      "delayed C",
      "not_evaluable -",
    ]);
    expect(read.sheet.kpis[0]!.baseline).toMatchObject({ kind: "number", value: 15, period: { year: 2014 } });
  });

  it("a short row whose last sentence fits a sparse comment column or the remarks after it is refused, not guessed", async () => {
    const table = (remarks: string) =>
      bytes([
        "総合計画 進捗状況(令和元年度)",
        "",
        "| 施策 | 成果指標 | 現状値(H26) | 実績値(R1) | 目標値(R2) | 判定 | 所見 | 特記事項 |",
        "|---|---|---|---|---|---|---|---|",
        `| (1) 子育て | 保育所待機児童数 | 15 | 6 | 0 | A | ${remarks} | 関係機関と連携して実施した。 |`,
        `| | 拠点の利用者数 | 18,420 | 19,860 | 21,000 | B | ${remarks} | 関係機関と連携して実施した。 |`,
        "| | 学力調査の平均正答率 | 58.2 | 57.6 | 63.0 | C | | 関係機関と連携して実施した。 |",
        "| (2) 観光 | 新規雇用者数 | 120 | 310 | 400 | A | 誘致企業の操業で雇用が伸びた。 |",
        "",
        "判定 A:目標を達成 B:概ね順調 C:遅れている",
      ]);
    // 所見 shows no look of its own (no sentence in a whole row), 特記事項 one of sentences: either could have lost its cell.
    const sparse = await importSheet(table(""), "r.md");
    expect(sparse.ok ? sparse.sheet.kpis[3]!.comments : sparse.error.message).toMatch(/決められません/);
    // Both columns seen holding sentences: nothing tells them apart, and Markdown's reading (the end empty) stands.
    const seen = await importSheet(table("取組を続ける。"), "r.md");
    if (!seen.ok) throw new Error(seen.error.message);
    expect(seen.sheet.kpis[3]!.comments).toBe("誘致企業の操業で雇用が伸びた。");
  });
});
