import { describe, expect, it } from "vitest";
import { type BreakCell, createBreakResolver } from "./resolve-breaks.ts";
import type { ImportIssue } from "./types.ts";

// Columns: 3 主な取組, 4 実施状況, 6 目標値, 11 課題, 13 担当課. Page 2 is wrapped at 11 characters.
const cells: BreakCell[] = [
  { row: 1, page: 1, col: 3, text: "朝市の開催<br>案内板の多言語化" },
  { row: 1, page: 1, col: 4, text: "朝市を開いた。<br>また、案内板を直した。" },
  { row: 1, page: 1, col: 13, text: "観光課<br>港湾振興室" },
  { row: 2, page: 2, col: 3, text: "港のにぎわい創出事業の<br>推進<br>朝市の開催" },
  {
    row: 2,
    page: 2,
    col: 4,
    text: "岸壁の改修に合わせて、<br>朝市の会場を移した。<br>来場者は例年並みであっ<br>た。",
  },
  { row: 2, page: 2, col: 11, text: "出店者の高齢化が進んで<br>いる。" },
  { row: 2, page: 2, col: 6, text: "1,200人<br>(令和4<br>年)" },
  { row: 2, page: 2, col: 13, text: "みなと交流<br>センター" },
  { row: 3, page: 2, col: 3, text: "体験型観光ツアーの造成<br>朝市の開催" },
  { row: 3, page: 2, col: 4, text: "ツアーを三回実施した。" },
  { row: 3, page: 2, col: 6, text: "市内12人<br>市外3人" },
  { row: 3, page: 2, col: 11, text: "ガイドの育成が必要であ<br>る。" },
  { row: 3, page: 2, col: 13, text: "観光課<br>港湾振興室" },
];

describe("createBreakResolver", () => {
  const issues: ImportIssue[] = [];
  const r = createBreakResolver(cells, false, issues);
  const get = (i: number) => r.resolve(cells[i]!);

  it("keeps every break on a page that is not wrapped", () => {
    expect(get(0).items).toEqual(["朝市の開催", "案内板の多言語化"]);
    expect(get(1).text).toBe("朝市を開いた。\nまた、案内板を直した。");
    expect(get(2).items).toEqual(["観光課", "港湾振興室"]);
  });

  it("joins wraps on a wrapped page, keeps short-line and sentence breaks", () => {
    expect(get(3).items).toEqual(["港のにぎわい創出事業の推進", "朝市の開催"]);
    expect(get(4).text).toBe("岸壁の改修に合わせて、朝市の会場を移した。\n来場者は例年並みであった。");
    expect(get(5).text).toBe("出店者の高齢化が進んでいる。");
  });

  it("splits a full line from the next when the next is a phrase known whole elsewhere", () => {
    expect(get(8).items).toEqual(["体験型観光ツアーの造成", "朝市の開催"]);
  });

  it("joins a wrapped value and its period, keeps value segments apart", () => {
    expect(get(6).text).toBe("1,200人(令和4年)");
    expect(get(10).text).toBe("市内12人\n市外3人");
  });

  it("joins a wrapped department name, splits two departments", () => {
    expect(get(7).items).toEqual(["みなと交流センター"]);
    expect(get(12).items).toEqual(["観光課", "港湾振興室"]);
  });

  it("treats every break in authored files (CSV, XLSX) as real", () => {
    const authored = createBreakResolver(cells, true, []);
    expect(authored.resolve(cells[3]!).items).toEqual(["港のにぎわい創出事業の", "推進", "朝市の開催"]);
  });
});

describe("breaks measured by the PDF reader (HARD_BREAK after a line that ended short)", () => {
  const H = "\u2028";
  // 主な取組 printed 8 characters wide: 「観光イベントの充実」 wraps at the full width, items end short.
  const measured: BreakCell[] = [
    {
      row: 1,
      page: 1,
      col: 3,
      text: `観光イベントの充\n実${H}周遊できる観光\nルートづくり${H}情報発信の推進`,
    },
    { row: 2, page: 1, col: 3, text: "U・Jターンの推進\n雇用の場の創出" },
    { row: 3, page: 1, col: 3, text: "立地支援策の推進" },
    { row: 1, page: 1, col: 10, text: `※評価不可の理由\n出典の調査が廃止${H}されたため。` },
    { row: 2, page: 1, col: 10, text: "※評価不可の理由\n実績値が未確定の\nため。" },
    { row: 3, page: 1, col: 13, text: "保育幼稚園\n課" },
  ];
  const r = createBreakResolver(measured, false, [], true);
  const get = (i: number) => r.resolve(measured[i]!);

  it("joins a full line's wrap and keeps every certain break", () => {
    expect(get(0).items).toEqual(["観光イベントの充実", "周遊できる観光ルートづくり", "情報発信の推進"]);
  });

  it("keeps a full line that ends the way this sheet's items certainly end (…の推進)", () => {
    expect(get(1).items).toEqual(["U・Jターンの推進", "雇用の場の創出"]);
  });

  it("keeps a note's heading that opens several cells of the column, each going on differently", () => {
    expect(get(3).text).toBe("※評価不可の理由\n出典の調査が廃止\nされたため。");
    expect(get(4).text).toBe("※評価不可の理由\n実績値が未確定のため。");
  });

  it("joins a department's name wrapped at the full width", () => {
    expect(get(5).items).toEqual(["保育幼稚園課"]);
  });
});
