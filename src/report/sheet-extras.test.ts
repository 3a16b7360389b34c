/**
 * Another city's sheet printed: the 基準値 column (with its period) when the year's KPIs carry
 * baselines, the 数値目標 table and the scale legend — in the PDF's HTML and the public site (the XLSX: src/sheet/xlsx-extras.test.ts).
 * The seed's layout has none of them and prints as before.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { evaluateSheet } from "../core/evaluation/evaluate.ts";
import type { Sheet } from "../core/sheet.ts";
import { sheetPrintHtml } from "./print-html.ts";
import { buildSite } from "./site.ts";
import { loadFixture, repoRoot } from "./test-support.ts";

const extended = JSON.parse(
  readFileSync(path.join(repoRoot, "fixtures/store/kakuu-table-2023.json"), "utf8"),
) as Sheet;
const heads = (html: string) => {
  const table = html.slice(html.indexOf('<table class="sheet'));
  return [...table.matchAll(/<th scope="col"[^>]*>([^<]*)<\/th>/g)].map((m) => m[1]);
};
const text = (html: string) => html.replace(/<[^>]+>/g, " ").replace(/\s+/g, " ");

describe("what another city's sheet prints beyond the 14 columns", () => {
  const html = sheetPrintHtml(extended, evaluateSheet(extended));

  it("prints a 基準値 column after 指標名, each baseline with its period", () => {
    expect(heads(html).slice(6, 9)).toEqual(["指標名", "基準値", "令和5年度目標値"]);
    expect(html).toContain('<td class="c-base num">20件（令和元年度）</td>');
    expect(html).toContain('<th scope="colgroup" colspan="6">KPIの達成状況</th>');
  });

  it("prints the 数値目標 per 基本目標 and the city's legend", () => {
    const t = text(html);
    expect(t).toContain("数値目標（基本目標ごと）");
    expect(t).toContain(
      "1 しごとをつくる 市内従業者数 68,000人（令和元年度） 68,900人 70,000人（令和6年度）",
    );
    expect(t).toContain("評価の基準 A：目標達成(100%以上) B：概ね順調(80%以上100%未満) C：遅れ(80%未満)");
  });

  it("leaves the seed's layout as it was: 14 columns, no 数値目標, no legend, no extra CSS", () => {
    const seed = loadFixture("sample-city-2024.json");
    const plain = sheetPrintHtml(seed, evaluateSheet(seed));
    expect(heads(plain)).toHaveLength(14);
    expect(plain).toContain('<table class="sheet">');
    for (const word of ["基準値", "数値目標", "評価の基準", "with-baseline"])
      expect(plain).not.toContain(word);
  });

  it("shows them on the public site's sheet page, and earlier printed years on the KPI's chart", () => {
    const s: Sheet = structuredClone(extended);
    s.kpis[0]!.years = [
      {
        year: 2021,
        target: { kind: "missing" },
        actual: { kind: "number", value: 33, unit: "件", period: { year: 2021, basis: "fiscal" } },
      },
      ...(s.kpis[0]!.years ?? []),
    ];
    const files = buildSite([{ sheet: s, evaluation: evaluateSheet(s) }]);
    const page = files.find((f) => f.path === "sheet-2023.html")!.content;
    expect(page).toContain("数値目標（基本目標ごと）");
    expect(page).toContain("評価の基準");
    expect(page).toContain('<td class="c-base num">20件（令和元年度）</td>');
    const kpi = files.find((f) => f.path.startsWith("kpi/") && f.content.includes("創業支援件数"))!.content;
    expect(kpi).toContain("33件");
  });
});
