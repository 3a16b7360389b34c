import { describe, expect, it } from "vitest";
import { evaluateSheet } from "../core/evaluation/evaluate.ts";
import { sheetPrintHtml, sheetTitle } from "./print-html.ts";
import { columnHeads, sheetTableHtml } from "./sheet-table.ts";
import { loadFixture } from "./test-support.ts";

const sheet = loadFixture("sample-city-2024.json");
const html = sheetPrintHtml(sheet, evaluateSheet(sheet));

describe("sheetPrintHtml", () => {
  it("escapes every piece of data", () => {
    // The one script is Sosei's own paginator; the fixture's <script> indicator is text.
    expect(html.match(/<script/g)).toHaveLength(1);
    expect(html).toContain("<script>\nwindow.__soseiPaginate");
    expect(html).not.toContain("<b>周遊</b>");
    expect(html).toContain("&lt;script&gt;alert(1)&lt;/script&gt;");
    expect(html).toContain("&lt;b&gt;周遊&lt;/b&gt;");
  });

  it("has the 14 columns of the source, with the year in the value headers", () => {
    const table = html.slice(html.indexOf('<table class="sheet">'));
    const heads = [...table.matchAll(/<th scope="col"[^>]*>([^<]*)<\/th>/g)].map((m) => m[1]);
    expect(heads).toEqual([
      "担当課",
      "大基本目標",
      "小基本目標",
      "具体的な施策",
      "主な取組",
      "主な取組及び関連事業の実施状況",
      "指標名",
      "令和6年度目標値",
      "令和6年度実績値",
      "目標値(令和9年度)",
      "進捗評価",
      "進捗が遅れている理由",
      "課題",
      "今後の方策等",
    ]);
    expect(columnHeads(sheet).finalTarget).toBe("目標値(令和9年度)");
  });

  it("merges goal, subgoal and measure cells over their KPIs (the site's table)", () => {
    const table = sheetTableHtml(sheet, evaluateSheet(sheet));
    expect(table).toContain('<td class="c-goal grp" rowspan="4">1 働く場をつくる</td>');
    expect(table).toContain('<td class="c-subgoal grp" rowspan="2">1 地元企業の成長を支える</td>');
    expect(table).toContain('<td class="c-measure grp" rowspan="2">② 創業と事業承継の支援</td>');
    expect(table.match(/<td class="c-goal grp"/g)).toHaveLength(3);
  });

  it("gives the printed sheet the hierarchy on every row, keyed, for the paginator to merge per page", () => {
    expect(html.match(/<td class="c-goal grp" data-key="1">1 働く場をつくる<\/td>/g)).toHaveLength(4);
    expect(html).toContain('<td class="c-measure grp" data-key="1/2/2">② 創業と事業承継の支援</td>');
    expect(html.slice(html.indexOf("<tbody>", html.indexOf('<table class="sheet">')))).not.toContain(
      'rowspan="',
    );
  });

  it("prints a ticked COVID flag as 進捗の遅れ(コロナ) and an unlabelled default as 評価不可", () => {
    const k = sheet.kpis[0]!;
    const flagged = {
      ...sheet,
      kpis: [{ ...k, evaluation: { category: "delayed" as const, covid: true, label: "進捗の遅れ" } }],
    };
    expect(sheetPrintHtml(flagged, null)).toContain(">進捗の遅れ(コロナ)<");
    const blank = {
      ...sheet,
      kpis: [{ ...k, evaluation: { category: "not_evaluable" as const, covid: false, label: "" } }],
    };
    expect(sheetPrintHtml(blank, null)).toContain(">評価不可<");
  });

  it("shows values as printed, adding the period where the column does not give it", () => {
    expect(html).toContain("4,800億円(令和4年)");
    expect(html).toContain("男性1,652人<br>女性1,590人");
    const older = loadFixture("sample-city-2023.json");
    const h2 = sheetPrintHtml(older, null);
    // 2023 fixture has no raw text: formatted number, period added when it differs from the column.
    expect(h2).toContain("4,560億円（令和3年）");
    expect(h2).toContain("男性1,486人<br>女性1,431人");
    expect(h2).toContain("算定評価は未実施です");
  });

  it("repeats the header on every page and uses Japanese fonts, A4 landscape", () => {
    expect(html).toMatch(/thead \{ display: table-header-group; \}/);
    expect(html).toContain('"Sosei Noto Sans JP", "Noto Sans CJK JP", "Noto Sans JP", sans-serif');
    expect(html).toContain("src: url(https://fonts.sosei.invalid/noto-sans-jp-0-400-normal.woff2)");
    expect(html).toContain("size: A4 landscape");
    expect(html).toContain(`<title>${sheetTitle(sheet)}</title>`);
    expect(html).toMatch(/<svg [^>]*role="img"/);
  });
});
