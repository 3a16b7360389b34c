// The general rules round 11's layouts showed (fixtures/layouts/README.md): a grid's baseline, final
// target and unit named without a year, years that are keys' values, a rating in digits explained by
// a legend line quoting the column's name, a question as a column's name, the indicator's number in
// its cell, and an opinion told from a reason by how its sentence ends.
import { describe, expect, it } from "vitest";
import { type CardKpi, gridYears, pairsStart, yearsOfEnds } from "./card-parts.ts";
import { recogniseHeader } from "./column-fields.ts";
import type { FoundHeader } from "./find-header.ts";
import { columnHabits, realignRow } from "./realign-general-row.ts";
import { settleByContent } from "./settle-columns.ts";
import type { ImportIssue } from "./types.ts";

describe("a card's year grid", () => {
  it("reads 従前値, a 目標値 after the years and (単位) as the baseline, final target and unit", () => {
    const g = gridYears(["", "従前値", "H27", "H28", "H29", "目標値", "(単位)"], "平成");
    expect(g?.years).toEqual([null, null, 2015, 2016, 2017, null, null]);
    expect(g?.roles).toEqual([null, "baseline", null, null, null, "finalTarget", "unit"]);
  });

  it("takes years printed as keys' values for keys, not a grid", () => {
    expect(gridYears(["数値の基準年度", "H26年度", "目標年度", "H31年度"], "平成")).toBeNull();
    expect(gridYears(["年度", "2019(R1)年度", "2020(R2)年度"], "令和")?.years).toEqual([null, 2019, 2020]);
  });

  const card = (extras: { header: string; text: string }[]): CardKpi => ({
    row: 1,
    keys: new Map(),
    extras,
    grid: new Map(),
    years: [2015, 2016, 2017],
    ends: new Map([
      ["baseline", { year: 0, text: "4" }],
      ["finalTarget", { year: 0, text: "12" }],
    ]),
  });

  it("gives a year-less baseline the card's 基準年度 and the final target its 目標年度", () => {
    const k = card([
      { header: "数値の基準年度", text: "H26年度" },
      { header: "目標年度", text: "H31年度" },
    ]);
    yearsOfEnds(k, "平成", () => {});
    expect(k.ends.get("baseline")?.year).toBe(2014);
    expect(k.ends.get("finalTarget")?.year).toBe(2019);
  });

  it("leaves out a baseline whose year nothing says (reported), the final target in the grid's last year", () => {
    const k = card([]);
    const said: string[] = [];
    yearsOfEnds(k, "平成", (m) => said.push(m));
    expect(k.ends.has("baseline")).toBe(false);
    expect(said).toHaveLength(1);
    expect(k.ends.get("finalTarget")?.year).toBe(2017);
  });
});

describe("column names", () => {
  it.each([
    ["総合戦略のKPI達成に有効であったか", "extra"],
    ["数値の基準年度", "extra"],
    ["本事業終了後における実績値", "actual"],
  ])("「%s」 → %s", (h, f) => {
    expect(recogniseHeader(h).field).toBe(f);
  });
});

const header = (names: string[]): FoundHeader => ({
  rows: [0],
  texts: names,
  columns: names.map((n) => recogniseHeader(n)),
  key: names.join("|"),
});
const rows = (cells: string[][]) => cells.map((c, i) => ({ row: i + 3, cells: c }));

describe("a rating printed as digits", () => {
  it("stays the evaluation under 事業効果 when a legend line names it (「「事業効果」 1:… 2:…」)", () => {
    const h = header(["指標", "実績値", "事業効果"]);
    const issues: ImportIssue[] = [];
    settleByContent(
      h,
      rows([
        ["a", "3", "2"],
        ["b", "4", "1"],
        ["c", "1", "4"],
      ]),
      issues,
      ["「事業効果」 1:非常に効果的であった 2:相当程度効果があった 4:効果がなかった"],
    );
    expect(h.columns[2]!.field).toBe("evaluation");
  });

  it("is a rate under 事業効果 when no legend explains the digits", () => {
    const h = header(["指標", "実績値", "事業効果"]);
    settleByContent(
      h,
      rows([
        ["a", "3", "2"],
        ["b", "4", "1"],
      ]),
      [],
      [],
    );
    expect(h.columns[2]!.field).toBe("rate");
  });
});

describe("a row that lost its last empty cell", () => {
  const h = header(["指標", "今後の方針の理由", "外部有識者からの意見"]);
  const whole = rows([
    ["創業件数", "件数は目標に近く、継続する。", "周知を強められたい。"],
    ["雇用件数", "対象を広げて見直す。", "事後の支援も必要ではないか。"],
  ]);
  const habits = columnHabits(whole, 3);

  it("places a sentence that says what the city does under the reason, not the opinion", () => {
    const cells = realignRow(
      { row: 9, cells: ["医療費助成件数", "対象年齢の拡大を検討する。"] },
      h.columns,
      [],
      {
        habits,
      },
    );
    expect(cells).toEqual(["医療費助成件数", "対象年齢の拡大を検討する。", ""]);
  });

  it("places a sentence that asks under the opinion", () => {
    const cells = realignRow(
      { row: 9, cells: ["医療費助成件数", "対象年齢の拡大を検討されたい。"] },
      h.columns,
      [],
      {
        habits,
      },
    );
    expect(cells).toEqual(["医療費助成件数", "", "対象年齢の拡大を検討されたい。"]);
  });
});

describe("a card row's pairs", () => {
  it("start after a group label when read from the first cell a labelled value would stand as a key", () => {
    expect(
      pairsStart(["評価", "有効性", "中:適切な成果", "効率性", "中:適切な費用", "総合評価", "B:継続実施"]),
    ).toBe(1);
  });

  it("start at the first cell otherwise", () => {
    expect(pairsStart(["妥当性", "A", "有効性", "B", "効率性", "B"])).toBe(0);
    expect(pairsStart(["総合評価", "A", "委員評価", "A", "", ""])).toBe(0);
  });
});
