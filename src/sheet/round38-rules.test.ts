import { describe, expect, it } from "vitest";
import type { Kpi, Sheet } from "../core/sheet.ts";
import { recogniseHeader } from "./column-fields.ts";
import { importSheet } from "./import-sheet.ts";
import { splitDefinition } from "./indicator-definition.ts";
import { checkJoinedRows } from "./joined-rows.ts";
import { realignRow } from "./realign-general-row.ts";
import { round38Refusal } from "./round38-guards.ts";
import { labelledHeading, numberedLevelLine } from "./section-headings.ts";
import { unreadLevelColumn } from "./unread-level-guards.ts";

const md = (lines: string[]) => new TextEncoder().encode(lines.join("\n"));
const outcome = (lines: string[]) => importSheet(md(lines), "kpi.md");
const read = async (lines: string[]) => {
  const r = await outcome(lines);
  if (!r.ok) throw new Error(r.error.message);
  return r.sheet;
};

describe("round 38: プロジェクト名 and 取組名 are levels", () => {
  it("names the project the goal and the 取組 the measure; what was done stays initiatives", () => {
    expect(recogniseHeader("プロジェクト名").field).toBe("goal");
    expect(recogniseHeader("重点プロジェクト").field).toBe("goal");
    expect(recogniseHeader("取組名").field).toBe("measure");
    expect(recogniseHeader("取組みの名称").field).not.toBe("measure");
    expect(recogniseHeader("取組名称").field).toBe("measure");
    // 「重点プロジェクト事業名」 names a project (事業), 「主な取組」 / 「取組内容」 what was done.
    expect(recogniseHeader("重点プロジェクト事業名").field).toBe("initiatives");
    expect(recogniseHeader("主な取組").field).toBe("initiatives");
    expect(recogniseHeader("取組内容").field).toBe("initiatives");
  });

  it("reads each KPI under its project and 取組; a 取組 with no KPI is no continuation of the row above", async () => {
    const sheet = await read([
      "総合戦略 H27年度事業効果検証結果",
      "",
      "| No | プロジェクト名 | 取組名 | 指標内容 | 基準値 | 実績値(H27) | 目標値(年度) | 外部有識者の意見 |",
      "|---|---|---|---|---|---|---|---|",
      "| 1 | まちづくりプロジェクト | 条例の啓発 | 条例を学習した市民の数 | なし | 90人(H27) | 8,450人(H31) | 取組の継続が期待される。 |",
      "| 2 | まちづくりプロジェクト | 中核市への移行 | | | | | 着実に取組を進める。 |",
      "| 3 | 子育て支援プロジェクト | 保育環境の整備 | 保育所待機児童数 | 38人(H26) | 21人(H27) | 0人(H31) | 保育士の確保に取り組まれたい。 |",
    ]);
    expect(sheet.kpis.map((k) => [k.goal.title, k.measure.title, k.indicator, k.comments])).toEqual([
      ["まちづくりプロジェクト", "条例の啓発", "条例を学習した市民の数", "取組の継続が期待される。"],
      ["子育て支援プロジェクト", "保育環境の整備", "保育所待機児童数", "保育士の確保に取り組まれたい。"],
    ]);
  });
});

describe("round 38: a bracketed note under an indicator's name", () => {
  it("keeps a sentence in brackets out of the name", () => {
    expect(
      splitDefinition(
        "市民の満足度<br>(市民意識調査の数値を指標として活用。満足度とは、満足率から不満率を差し引いた数値。)",
      ),
    ).toEqual({
      name: "市民の満足度",
      definition: "(市民意識調査の数値を指標として活用。満足度とは、満足率から不満率を差し引いた数値。)",
    });
    expect(splitDefinition("観光入込客数\n(県の観光統計による。)").name).toBe("観光入込客数");
  });

  it("leaves a qualifier, two brackets side by side and a short name whole", () => {
    expect(splitDefinition("観光入込客数<br>(延べ)").definition).toBeNull();
    expect(splitDefinition("観光入込客数<br>(延べ)(県調べ。)").definition).toBeNull();
    expect(splitDefinition("人口<br>(住民基本台帳による。)").definition).toBeNull();
  });
});

describe("round 38: 「基本目標1:…」 headings", () => {
  it("reads the number before the colon as the level's", () => {
    expect(numberedLevelLine("基本目標1:若い世代の希望をかなえる")).toBe(true);
    expect(numberedLevelLine("基本目標2 : 暮らしの安全・安心を守る")).toBe(true);
    expect(labelledHeading("基本目標1:若い世代の希望をかなえる")?.[3]).toBe("1 若い世代の希望をかなえる");
    expect(labelledHeading("施策群:民間投資の活性化")?.[3]).toBe("民間投資の活性化");
    // A legend's line is no heading.
    expect(numberedLevelLine("基本目標1:。")).toBe(false);
  });
});

const ratedTable = (note: string | null) => [
  "(2)数値目標の達成状況と今後の方向性",
  "",
  "基本目標1:若い世代の希望をかなえる",
  "",
  "| 指標 | 基準値 | 数値目標 | 達成状況 | 検証結果 |",
  "|---|---|---|---|---|",
  "| 出生数 | 2,264人 | 2,300人 | 未達成<br>(1,820人) | 出生数、婚姻数ともに年々減少しています。 |",
  "| 婚姻数 | 1,496件 | 1,500件 | 未達成<br>(1,191件) | |",
  "",
  "基本目標2:暮らしの安全・安心を守る",
  "",
  "| 指標 | 基準値 | 数値目標 | 達成状況 | 検証結果 |",
  "|---|---|---|---|---|",
  "| 刑法犯罪発生件数 | 4,462件 | 4,016件 | 達成<br>(2,408件) | 各施策の効果が着実に現れています。 |",
  "| 交通人身事故発生件数 | 1,848件 | 1,774件 | 達成<br>(1,369件) | |",
  "",
  ...(note ? [note] : []),
];

describe("round 38: a rating printing the actual in brackets", () => {
  it("splits the rating from the actual at the year the note names; 数値目標 is the target rated on", async () => {
    for (const note of [
      "※基準値は平成26(2014)年(度)の値、達成状況の( )内は令和元(2019)年(度)の実績値です。",
      "※( )内は令和元年度の実績値",
      "注:達成状況の( )内の数値は2019年度実績",
    ]) {
      const sheet = await read(ratedTable(note));
      expect(sheet.fiscalYear).toBe(2019);
      expect(
        sheet.kpis.map((k) => [
          k.goal.no,
          k.indicator,
          k.evaluation.label,
          k.actual.kind === "number" ? k.actual.value : null,
          k.target.kind === "number" ? k.target.value : null,
        ]),
      ).toEqual([
        [1, "出生数", "未達成", 1820, 2300],
        [1, "婚姻数", "未達成", 1191, 1500],
        [2, "刑法犯罪発生件数", "達成", 2408, 4016],
        [2, "交通人身事故発生件数", "達成", 1369, 1774],
      ]);
    }
  });

  it("carries a sentence merged over a goal's rows to each of its indicators", async () => {
    const sheet = await read(ratedTable("※( )内は令和元年度の実績値"));
    expect(sheet.kpis.map((k) => k.reason)).toEqual([
      "出生数、婚姻数ともに年々減少しています。",
      "出生数、婚姻数ともに年々減少しています。",
      "各施策の効果が着実に現れています。",
      "各施策の効果が着実に現れています。",
    ]);
  });

  it("leaves a sentence column some row under a group fills as each row's own", async () => {
    const lines = ratedTable("※( )内は令和元年度の実績値").map((l) =>
      l.startsWith("| 婚姻数") ? l.replace("| |", "| 婚姻数は横ばいです。 |") : l,
    );
    const sheet = await read(lines);
    expect(sheet.kpis.map((k) => k.reason)).toEqual([
      "出生数、婚姻数ともに年々減少しています。",
      "婚姻数は横ばいです。",
      "各施策の効果が着実に現れています。",
      null,
    ]);
  });

  it("refuses the brackets when no note says they hold the actuals, or a note speaks of another column", async () => {
    for (const note of [null, "※基準値の( )内は平成26年度の実績値です。"]) {
      const r = await outcome(ratedTable(note));
      expect(r.ok).toBe(false);
    }
  });
});

describe("round 38: a worksheet's short row", () => {
  it("ends in empty cells; no cell was lost in between", () => {
    const cols = ["No", "取組名", "指標内容", "基準値", "実績値(H27)", "目標値", "意見", "備考"].map(
      recogniseHeader,
    );
    const row = {
      row: 5,
      sheet: "評価シート",
      cells: ["2", "中核市への移行", "", "", "", "", "着実に進める。"],
    };
    expect(realignRow(row, cols, [])).toEqual([...row.cells, ""]);
  });
});

describe("round 38 guards", () => {
  const kpi = (indicator: string, extras: { header: string; text: string }[] = []) =>
    ({
      goal: { no: 0, title: "" },
      subgoal: { no: 0, title: "" },
      measure: { no: 0, title: "" },
      indicator,
      extras,
    }) as unknown as Kpi;
  const sheet = (kpis: Kpi[]) => ({ format: "sheet/1", fiscalYear: 2015, kpis }) as unknown as Sheet;

  it("refuses an indicator's name holding a sentence in brackets, not a qualifier", () => {
    const name = (k: Kpi) => `指標「${k.indicator.slice(0, 10)}」`;
    expect(
      round38Refusal(
        sheet([kpi("市民の満足度(市民意識調査の数値を指標として活用。満足度とは…数値。)")]),
        name,
      ),
    ).toContain("括弧書きの文");
    expect(round38Refusal(sheet([kpi("観光入込客数(延べ)"), kpi("出生数(人口動態統計)")]), name)).toBeNull();
  });

  it("refuses names grouping the KPIs under 「…名」 while no KPI has a level", () => {
    const p = (text: string) => [{ header: "プロジェクト名", text }];
    const grouped = [
      kpi("a", p("まちづくりプロジェクト")),
      kpi("b", p("子育て支援プロジェクト")),
      kpi("c", p("子育て支援プロジェクト")),
    ];
    expect(unreadLevelColumn(grouped)?.header).toBe("プロジェクト名");
    // Each row its own name (no group), or names that come back after another (no runs): no level.
    const own = [kpi("a", p("まちづくり事業")), kpi("b", p("子育て支援事業")), kpi("c", p("保育環境の整備"))];
    expect(unreadLevelColumn(own)).toBeNull();
    const back = [
      kpi("a", p("まちづくり事業")),
      kpi("b", p("子育て支援事業")),
      kpi("c", p("まちづくり事業")),
    ];
    expect(unreadLevelColumn(back)).toBeNull();
    // A header naming no part (「区分」) is no such column.
    const kinds = [
      kpi("a", [{ header: "区分", text: "数値目標の項目" }]),
      kpi("b", [{ header: "区分", text: "数値目標の項目" }]),
      kpi("c", [{ header: "区分", text: "KPIの項目です" }]),
    ];
    expect(unreadLevelColumn(kinds)).toBeNull();
  });
});

describe("round 38: two rows joined where one prints no figure", () => {
  const t = (cells: string[][]) => ({ rows: cells.map((c, i) => ({ row: i + 1, cells: c })), outside: [] });
  it("refuses a row numbered twice whose other cells print one text twice", () => {
    const joined = t([
      ["No", "プロジェクト名", "H27", "H28", "指標内容", "実績値(H27)"],
      [
        "1<br>2",
        "まちづくりプロジェクト<br>まちづくりプロジェクト",
        "→<br>→",
        "→<br>→",
        "条例を学習した市民の数",
        "90人",
      ],
      ["3", "子育て支援プロジェクト", "→", "→", "分娩数", "124件"],
    ]);
    expect(() => checkJoinedRows(joined)).toThrow(/2行目: 1列目「1 \/ 2」/);
  });
  it("passes a row with one text twice and no figure twice, or a layout that repeats it in every row", () => {
    const once = t([
      ["No", "プロジェクト名", "H27", "指標内容", "実績値(H27)"],
      ["1", "まちづくり<br>まちづくり", "→<br>→", "条例を学習した市民の数", "90人"],
      ["2", "子育て支援", "→", "分娩数", "124件"],
    ]);
    expect(() => checkJoinedRows(once)).not.toThrow();
  });
});
