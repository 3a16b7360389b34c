// The same sheet as another city's office types it: full-width letters and digits (「Ａ」, 「１２回」,
// 「ＫＰＩ①」), words spaced to fill their cell (「備　考」). Found by rewriting every layout fixture so
// (scripts/mutate-layouts.mts): each reading must be the same as of the half-width sheet, or refused.
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { foldAlphanumerics, joinSpacedLetters } from "./columns.ts";
import { foldKanjiEraYears } from "./fold-widths.ts";
import { importSheet } from "./index.ts";
import { compareWithGolden } from "./layout-golden.ts";
import { parse, xlsx } from "./test-layout-forms.ts";
import { markdownTable } from "./test-markdown.ts";
import { fixturesDir } from "./test-paths.ts";

const read = async (bytes: Uint8Array) => {
  const r = await importSheet(bytes, "sheet.md");
  if (!r.ok) throw new Error(r.error.message);
  return r.sheet;
};
const legend = "評価基準 A:目標を達成した B:目標の80%以上を達成した C:目標の80%未満";
const header = ["施策", "指標名", "単位", "基準値(R1)", "R5実績値", "目標値(R6)", "評価", "担当課"];

describe("full-width labels and a half-width legend (and the other way round)", () => {
  it.each([
    ["full-width labels, half-width legend", ["Ａ", "Ｂ", "Ｃ"], legend],
    [
      "half-width labels, full-width legend",
      ["A", "B", "C"],
      "評価基準 Ａ：目標を達成した Ｂ：目標の８０％以上を達成した Ｃ：目標の８０％未満",
    ],
  ])("%s: each label has the legend's category", async (_, labels, legendLine) => {
    const sheet = await read(
      markdownTable(
        ["令和5年度 総合戦略 KPI 評価"],
        [
          header,
          ["1 移住の促進", "移住相談件数", "件", "100", "130", "120", "", "企画課"],
          ["2 観光の振興", "観光客数", "人", "5,000", "5,400", "6,000", "", "観光課"],
          ["3 子育て支援", "保育所の定員", "人", "800", "810", "1,000", "", "子育て支援課"],
        ].map((r, i) => (i === 0 ? r : r.map((c, j) => (j === 6 ? labels[i - 1]! : c)))),
        [legendLine],
      ),
    );
    expect(sheet.kpis.map((k) => k.evaluation?.category)).toEqual(["on_track", "mostly_on_track", "delayed"]);
    // The label as every reader compares it: one width (the report says the cells were folded).
    expect(sheet.kpis.map((k) => k.evaluation?.label)).toEqual(["A", "B", "C"]);
  });
});

describe("letters and digits typed full-width, words spaced to fill their cell", () => {
  const rows = [
    ["施策", "指標名", "単位", "基準値（Ｈ２６）", "Ｈ２７実績値", "目標値（Ｈ３１）", "評価", "備　考"],
    ["１ 移住の促進", "ＫＰＩ① 移住相談件数", "件", "１，２００", "１，３５０", "１，５００", "Ａ", "累計"],
    ["２ 観光の振興", "観光消費額", "％", "３８．２", "４０．１", "４５．０", "Ｂ", ""],
  ];
  it("reads them as the half-width sheet, reports the folding once, and names the extra as the word", async () => {
    const r = await importSheet(
      markdownTable(["平成２７年度 総合戦略 KPI 評価"], rows, [legend]),
      "sheet.md",
    );
    if (!r.ok) throw new Error(r.error.message);
    const [a, b] = r.sheet.kpis;
    expect(r.sheet.fiscalYear).toBe(2015);
    expect(a?.indicator).toBe("移住相談件数");
    expect(a?.actual).toMatchObject({ kind: "number", value: 1350, period: { year: 2015 } });
    expect(a?.baseline).toMatchObject({ value: 1200, period: { year: 2014 } });
    expect(a?.evaluation).toMatchObject({ category: "on_track", label: "A" });
    expect(a?.extras).toEqual([{ header: "備考", text: "累計" }]);
    expect(b?.unit).toBe("%");
    expect(b?.actual).toMatchObject({ value: 40.1 });
    expect(r.report.issues.filter((i) => i.kind === "width_folded")).toHaveLength(1);
  });
});

describe("a title counting years in the Gregorian calendar over a grid of bare years", () => {
  it("reads 「27年度」 in the era of the title's 2015年度 (平成), not as 令和27年度 (2045)", async () => {
    const card = readFileSync(path.join(fixturesDir, "layouts/kitami-jimu/source.md"), "utf8");
    const gregorian = card.replace(/平成27年度/g, "2015年度");
    expect(gregorian).not.toEqual(card);
    const sheet = await read(new TextEncoder().encode(gregorian));
    expect(sheet.fiscalYear).toBe(2015);
    expect(sheet.kpis[0]?.actual).toMatchObject({ value: 11, period: { year: 2015 } });
  });
});

describe("the folds, one by one", () => {
  it.each([
    ["令和五年度", "令和5年度"],
    ["平成二十七年度実績", "平成27年度実績"],
    ["平成三十年", "平成30年"],
    ["令和元年度", "令和元年度"],
    ["昭和六十四年", "昭和64年"],
    ["五年度", "五年度"],
    ["令和十年後の姿", "令和10年後の姿"],
    // A header wrapped in its cell between the era and its year.
    ["平成<br>二十七年度目標値", "平成<br>27年度目標値"],
    ["令和\n五年度", "令和\n5年度"],
  ])("era year 「%s」 → 「%s」", (text, folded) => expect(foldKanjiEraYears(text)).toBe(folded));
  it.each([
    ["ＫＰＩ①", "KPI①"],
    ["４，３５６億円", "4,356億円"],
    ["３８．２％", "38.2%"],
    ["（仮称）Ａ：達成", "（仮称）A：達成"],
    ["東京、大阪．", "東京、大阪．"],
  ])("width 「%s」 → 「%s」", (text, folded) => expect(foldAlphanumerics(text)).toBe(folded));
  it.each([
    ["備　考", "備考"],
    ["実 績 値", "実績値"],
    ["事業費 27年度(決算)", "事業費 27年度(決算)"],
    ["目標 A", "目標 A"],
    ["H27 実 績", "H27 実績"],
  ])("spaced header 「%s」 → 「%s」", (text, joined) => expect(joinSpacedLetters(text)).toBe(joined));
});

describe("an extractor that pads every row to the table's width", () => {
  // A row that lost a cell then ends in an empty cell, its cells one column to the left: read with a
  // number as the indicator and a date as the unit (exit 0) before the padded row was looked at.
  it.each(["gyokuto-senkou", "ino-town", "nagano-pref", "sakai-city"])(
    "%s: the padded shifted row is moved back or the sheet refused, never read wrong",
    async (name) => {
      const dir = path.join(fixturesDir, "layouts", name);
      const lines = readFileSync(path.join(dir, "sheet.md"), "utf8").split("\n");
      const width = Math.max(...lines.filter((l) => l.startsWith("|")).map((l) => l.split("|").length));
      const padded = lines.map((l) =>
        l.startsWith("|") && l.split("|").length === width - 1 ? `${l} |` : l,
      );
      expect(padded).not.toEqual(lines);
      const r = await importSheet(new TextEncoder().encode(padded.join("\n")), "sheet.md");
      if (!r.ok) {
        expect(r.error.message).toMatch(/左にずれて/);
        return;
      }
      const golden = JSON.parse(readFileSync(path.join(dir, "golden.json"), "utf8"));
      expect(compareWithGolden(r.sheet, golden).filter((x) => !x.ok)).toEqual([]);
    },
  );
});

describe("cards stacked down one worksheet (not one worksheet each)", () => {
  // Read with each KPI given the levels of the card above it (exit 0) before a card's first key row
  // recurring started the next card.
  it.each([
    "hirakata-jimu",
    "ibaraki-pref",
    "ishigaki-kenshou",
    "ishinomaki-kpi",
    "kitami-jimu",
    "nagasaki-city",
    "tottori-koteihyo",
    "tsukuba-kpi",
  ])("%s reads to its golden", async (name) => {
    const dir = path.join(fixturesDir, "layouts", name);
    const source = readFileSync(path.join(dir, "source.md"), "utf8");
    expect(source).toContain("<!--cards-->");
    const oneSheet = await xlsx(parse(source), false);
    const r = await importSheet(new Uint8Array(oneSheet), "sheet.xlsx");
    if (!r.ok) throw new Error(r.error.message);
    const golden = JSON.parse(readFileSync(path.join(dir, "golden.json"), "utf8"));
    expect(compareWithGolden(r.sheet, golden).filter((x) => !x.ok)).toEqual([]);
  });
});

describe("a footnote's mark after a figure", () => {
  it.each([
    ["9,612※", 9612],
    ["41 ※1", 41],
    ["35.1%*", 35.1],
  ])("「%s」 is the figure %d, the mark kept as a note", async (cell, value) => {
    const sheet = await read(
      markdownTable(
        ["令和5年度 総合戦略 KPI 評価"],
        [
          ["施策", "指標名", "R5実績値", "目標値(R6)"],
          ["1 移住の促進", "移住相談件数", cell, "10,000"],
        ],
        ["※ 集計方法を変更した。"],
      ),
    );
    expect(sheet.kpis[0]?.actual).toMatchObject({ kind: "number", value });
  });
});

describe("bare grid years in a sheet that names no era", () => {
  // The title without its 「平成27年度」: 「25年度 | 26年度 | 27年度」 were read as 令和 (2043–2045) with exit 0.
  const untitled = (name: string) =>
    new TextEncoder().encode(
      readFileSync(path.join(fixturesDir, "layouts", name, "source.md"), "utf8").replace(
        /[(（]?(?:令和|平成)(?:元|\d{1,2})年度?[)）]?/g,
        "",
      ),
    );
  it.each(["kitami-jimu", "mie-pref", "ishigaki-kenshou"])("%s is refused, naming the year", async (name) => {
    const r = await importSheet(untitled(name), "sheet.md");
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.message).toMatch(/年度「\d+年度」に元号がなく/);
  });
  it.each([
    ["kitami-jimu", 2015],
    ["mie-pref", 2017],
  ])("%s takes the era of the fiscal year a profile gives (%d)", async (name, fiscalYear) => {
    const r = await importSheet(untitled(name), "sheet.md", { profile: { fiscalYear } });
    if (!r.ok) throw new Error(r.error.message);
    expect(r.sheet.fiscalYear).toBe(fiscalYear);
    expect(r.sheet.kpis[0]?.actual).toMatchObject({ period: { year: fiscalYear } });
  });
});
