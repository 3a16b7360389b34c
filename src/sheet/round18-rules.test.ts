// Round 18's general rules (fixtures/layouts/README.md), each on a small table of its own.
import { describe, expect, it } from "vitest";
import type { Kpi, Sheet } from "../core/sheet.ts";
import { recogniseHeader } from "./column-fields.ts";
import { findHeader } from "./find-header.ts";
import { cleanValueText, headingLevel, readUnitValue } from "./general-values.ts";
import { importSheet } from "./index.ts";
import { nameAndFigure } from "./named-value-cells.ts";
import { readOrdinal } from "./read-ordinal.ts";
import { checkReading } from "./reading-plausibility.ts";
import { headingsIn, isLoneSentence, LEVEL_DIVIDER, numberedLevelLine } from "./section-headings.ts";

const bytes = (lines: string[]) => new TextEncoder().encode(lines.join("\n"));
const fy = (year: number) => ({ year, basis: "fiscal" as const });
const yearsOf = (k: Kpi) =>
  [k.actual, k.finalTarget].map((v) => (v.kind === "number" ? `${v.value}@${v.period.year}` : v.kind));

const PROGRESS = [
  "資料2 KPI達成状況 (平成28年度末時点)",
  "政策目標1 ものづくりをさらに磨きあげる",
  "基本戦略① 新規就農者、農業後継者への支援",
  "",
  "| 成果指標名 | 単位 | 施策目標 | 施策目標の達成状況 | | |",
  "| | | 平成31年度 | 平成27年度 | 平成28年度 | 平成29年度 |",
  "|---|---|---|---|---|---|",
];

describe("round 18", () => {
  it("「施策目標」 over a year is that year's target (a level of the plan carries no year); alone it is the level", () => {
    expect(recogniseHeader("施策目標 平成31年度").field).toBe("target");
    expect(recogniseHeader("施策目標").field).toBe("measure");
  });

  it("years under 「…の達成状況」 holding figures beside a 単位 column are each year's actual", async () => {
    const r = await importSheet(
      bytes([
        ...PROGRESS,
        "| 新規就農者数 | 人/年 | 5 | 4 | 6 | |",
        "| 認定農業者数 | 人 | 240 | 226 | 231 | |",
        "",
      ]),
      "t.md",
    );
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.sheet.fiscalYear).toBe(2016);
    expect(r.sheet.kpis.map(yearsOf)).toEqual([
      ["6@2016", "5@2019"],
      ["231@2016", "240@2019"],
    ]);
    expect(r.sheet.kpis[0]!.evaluation.printed).toBe(false);
  });

  it("ratings under the years of a 達成状況 group are no actuals: such a table is still refused, not read", async () => {
    const r = await importSheet(
      bytes([
        ...PROGRESS,
        "| 新規就農者数 | 人/年 | 5 | A | B | |",
        "| 認定農業者数 | 人 | 240 | B | C | |",
        "",
      ]),
      "t.md",
    );
    expect(r.ok).toBe(false);
  });

  it("percentages under the years are rates, not actuals, unless their row's unit is 「%」", async () => {
    const rated = await importSheet(
      bytes([
        ...PROGRESS,
        "| 新規就農者数 | 人/年 | 5 | 80% | 120% | |",
        "| 認定農業者数 | 人 | 240 | 94% | 96% | |",
        "",
      ]),
      "t.md",
    );
    expect(rated.ok && rated.sheet.kpis.some((k) => k.actual.kind === "number")).toBe(false);
    const shares = await importSheet(
      bytes([...PROGRESS, "| 地元就職率 | % | 45 | 38.2% | 39.6% | |", ""]),
      "t.md",
    );
    expect(shares.ok && shares.sheet.kpis.map(yearsOf)).toEqual([["39.6@2016", "45@2019"]]);
  });

  it("unmarked 「政策目標1 …」 / 「基本戦略① …」 lines are the goal and the measure; a sentence starting so is none", () => {
    expect(numberedLevelLine("政策目標1 鹿島への新しいひとの流れをつくる")).toBe(true);
    expect(numberedLevelLine("基本戦略① 新規就農者、農業後継者への支援")).toBe(true);
    expect(numberedLevelLine("施策1 では、目標を上回る成果があった。")).toBe(false);
    // The space after the number lost in a word processor's PDF: the number still ends before the title.
    expect(numberedLevelLine("政策目標1鹿島のものづくりをさらに磨きあげる")).toBe(true);
    expect(numberedLevelLine("施策10")).toBe(false);
    expect(headingLevel("政策目標2 鹿島への新しいひとの流れをつくる")).toBe("goal");
    expect(headingLevel("基本戦略① 移住・定住の促進")).toBe("measure");
    expect(readOrdinal("政策目標2 鹿島への新しいひとの流れをつくる")).toEqual({
      no: 2,
      title: "鹿島への新しいひとの流れをつくる",
    });
    expect(
      headingsIn([{ text: "政策目標2 鹿島への流れ" }, { text: "基本戦略① 移住・定住の促進" }], {}),
    ).toEqual({ goal: { no: 2, title: "鹿島への流れ" }, measure: { no: 1, title: "移住・定住の促進" } });
  });

  it("「〈基本目標②〉まちへの…」: a level's name and number in angle brackets, then the title, is a heading", () => {
    expect(headingsIn([{ text: "〈基本目標②〉まちへの新しいひとの流れをつくる" }], {})).toEqual({
      goal: { no: 2, title: "まちへの新しいひとの流れをつくる" },
    });
    expect(headingsIn([{ text: "\u2329基本目標②\u232aまちへの流れ" }], {})).toEqual({
      goal: { no: 2, title: "まちへの流れ" },
    });
    // 《数値目標》 names no level: no heading.
    expect(headingsIn([{ text: "《数値目標》 5年間で 100 人の雇用の創出を図ります。" }], {})).toEqual({});
  });

  it("「-政策目標1-」 is a divider and a sentence alone on a row a statement — neither is a KPI row", () => {
    expect(LEVEL_DIVIDER.test("-政策目標1-")).toBe(true);
    expect(LEVEL_DIVIDER.test("政策目標1 ものづくり")).toBe(false);
    expect(isLoneSentence("内 容 地域農業の中核を担う農家等を認定農業者として支援していきます。")).toBe(true);
    expect(isLoneSentence("新規就農者数")).toBe(false);
  });

  it("「※調査時点変更により未公表」 under a year is no value of that year; 「9,215(H26)」 takes the row's unit and its own year", () => {
    const notes: string[] = [];
    expect(readUnitValue("※調査時点変更により未公表", "人", fy(2016), (m) => notes.push(m))).toEqual({
      kind: "missing",
      raw: "※調査時点変更により未公表",
    });
    expect(notes).toHaveLength(1);
    const v = readUnitValue("9,215(H26)", "人", fy(2015), () => {});
    expect(v.kind === "number" && [v.value, v.unit, v.period.year]).toEqual([9215, "人", 2014]);
  });

  it("KPI cells holding the indicator's name and a figure: the name is the indicator, the later year's figure the target, the earlier the actual", async () => {
    expect(nameAndFigure("学校給食等における地場産<br>物利用割合<br>30%以上")).toEqual({
      name: "学校給食等における地場産物利用割合",
      figure: "30%以上",
    });
    expect(nameAndFigure("就業相談者数")).toBeNull();
    expect(nameAndFigure("観光入込客数 400,000人")).toEqual({ name: "観光入込客数", figure: "400,000人" });
    expect(nameAndFigure("UIJ ターン希望者相談者数")).toBeNull();
    const head = [
      "総合戦略に基づく各種施策の実施状況及び実績について",
      "",
      "| 具体的な施策 | 具体的な取組み | KPI(平成32年3月まで) | KPI(平成27年度) | 達成率 |",
      "|---|---|---|---|---|",
    ];
    const r = await importSheet(
      bytes([
        ...head,
        "| 新たな産業の創出 | 企業誘致の推進 | 企業立地協定締結件数<br>10件 | 企業立地協定締結件数<br>1件 | 10.0% |",
        "| | 起業支援 | 新規創業・起業件数<br>10件 | 新規創業・起業件数<br>2件 | 20.0% |",
        "",
      ]),
      "t.md",
    );
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.sheet.fiscalYear).toBe(2015);
    expect(r.sheet.kpis.map((k) => [k.indicator, ...yearsOf(k)])).toEqual([
      ["企業立地協定締結件数", "1@2015", "10@2019"],
      ["新規創業・起業件数", "2@2015", "10@2019"],
    ]);
    // Names that differ between the two cells of a row: not split, the table refused (no actual).
    const other = await importSheet(
      bytes([
        ...head,
        "| 新たな産業の創出 | 企業誘致の推進 | 企業立地協定締結件数<br>10件 | 企業誘致件数<br>1件 | 10.0% |",
        "",
      ]),
      "t.md",
    );
    expect(other.ok).toBe(false);
  });

  it("a bare 「目標」 over the goals' statements is the goal; bare years before / after the actual's the baseline / the final target", async () => {
    const lines = [
      "出雲市 総合戦略に係る平成28年度の進捗状況",
      "",
      "| 目標 | 数値目標 | H27 | H31 | H28実績値 |",
      "|---|---|---|---|---|",
      "| 住民が主体的に地域づくりを行う | 地域活動に参加している市民の割合 | 85% | 87% | 83.4%<br>(H28.6月調査結果) |",
      "| 広域連携により魅力ある圏域をつくる | 圏域の人口 | 65.4万人 | 65.5万人 | 65.1万人<br>(H29.3月住民基本台帳<br>人口) |",
      "",
    ];
    const r = await importSheet(bytes(lines), "t.md");
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.sheet.fiscalYear).toBe(2016);
    const [a, b] = r.sheet.kpis;
    expect(a!.goal).toEqual({ no: 0, title: "住民が主体的に地域づくりを行う" });
    expect(
      [a!.baseline, a!.actual, a!.finalTarget].map(
        (v) => v?.kind === "number" && `${v.value}@${v.period.year}`,
      ),
    ).toEqual(["85@2015", "83.4@2016", "87@2019"]);
    // 万人 printed in every value: the KPI's unit as printed, the values in 人.
    expect([b!.unit, b!.actual.kind === "number" && b!.actual.value]).toEqual(["万人", 651000]);
  });

  it("「累計 515人 (うちH28年度 255人)」: the part of the total in brackets, wrapped over lines, is a note — the value is the total", () => {
    expect(cleanValueText("累計 3,170人<br>(うちH28年度 1,571<br>人)").text).toBe("3,170人");
    expect(cleanValueText("83.4%<br>(H28.6月調査結果)").text).toBe("83.4%");
    // A value printed in brackets for reference is still the value.
    expect(cleanValueText("(男性80.45)").text).toBe("男性80.45");
  });

  it("a section line merged across the sheet above a header of years is no group of its columns", () => {
    const line = "1 基本目標に係る進捗状況";
    const row = (n: number, cells: string[]) => ({ row: n, cells });
    const h = findHeader([
      row(1, [line, line, line, line, line]),
      row(2, ["目標", "数値目標", "H27", "H31", "H28実績値"]),
      row(3, ["子育ての希望をかなえる", "出生数", "1,500人", "1,700人", "1,571人"]),
    ]);
    expect(h?.rows).toEqual([1]);
    expect(h?.texts).toEqual(["目標", "数値目標", "H27", "H31", "H28実績値"]);
    // The same line in the first cell alone (a CSV) is over no year: no group either.
    const csv = findHeader([
      row(1, [line, "", "", "", ""]),
      row(2, ["目標", "数値目標", "H27", "H31", "H28実績値"]),
      row(3, ["子育ての希望をかなえる", "出生数", "1,500人", "1,700人", "1,571人"]),
    ]);
    expect(csv?.rows).toEqual([1]);
    // A group printed once over some of the columns still heads them.
    const g = findHeader([
      row(1, ["", "", "", "実績値", "実績値"]),
      row(2, ["指標名", "単位", "目標値", "H27", "H28"]),
      row(3, ["出生数", "人", "1,700", "1,500", "1,571"]),
    ]);
    expect(g?.rows).toEqual([0, 1]);
  });

  it("guard: a KPI whose value is its own name (a line merged across the sheet) is refused", () => {
    const k: Kpi = {
      row: 9,
      goal: { no: 0, title: "" },
      subgoal: { no: 0, title: "" },
      measure: { no: 0, title: "" },
      initiatives: [],
      status: null,
      indicator: "-政策目標2-",
      target: { kind: "missing" },
      actual: { kind: "text", text: "-政策目標2-" },
      finalTarget: { kind: "missing" },
      evaluation: { category: "not_evaluable", covid: false, printed: false },
      reason: null,
      challenge: null,
      nextSteps: null,
      departments: [],
    };
    const s: Sheet = { format: "sheet/1", fiscalYear: 2016, kpis: [k] };
    expect(() => checkReading(s, { rows: [], outside: [] })).toThrow(/指標名と同じ文字/);
  });
});
