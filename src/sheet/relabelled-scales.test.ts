// Scales labelled the ways other offices label theirs (scripts/relabel-scales.mts relabels every layout's scale):
// a grade's meaning is the legend's whatever its label, and a column of grades no legend explains is refused.
import { describe, expect, it } from "vitest";
import { read, refusal } from "./test-read-lines.ts";

const table = (rows: string[], legend: string[]) => [
  "令和4年度 KPIの達成状況",
  "",
  "| 施策 | 指標 | 基準値(R1) | 目標値(R4) | 実績値(R4) | 達成状況 | 担当課 |",
  "|---|---|---|---|---|---|---|",
  ...rows,
  "",
  ...legend,
];
const ROWS = [
  "| 1 移住の促進 | 移住相談件数 | 40件 | 60件 | 72件 | 1 | 企画課 |",
  "| | 空き家バンク成約件数 | 5件 | 12件 | 9件 | 2 | 建築課 |",
  "| 2 子育て支援 | 保育所待機児童数 | 12人 | 0人 | 15人 | 3 | こども課 |",
];

describe("scales labelled otherwise", () => {
  it("digits explained as 「1…目標値を達成した」 (an ellipsis where a colon would stand) are the evaluation", async () => {
    const s = await read(
      table(ROWS, [
        "【達成状況の区分】 1…目標値を達成した 2…基準値を上回った 3…基準値を下回った -…実績値が把握できない",
      ]),
    );
    expect(s.kpis.map((k) => `${k.evaluation.category} ${k.evaluation.label}`)).toEqual([
      "on_track 1",
      "mostly_on_track 2",
      "delayed 3",
    ]);
  });

  it("digits explained in quotes (「「1」…」) or with 「=」 are read the same", async () => {
    for (const legend of [
      "「達成状況」の凡例 「1」…目標値を達成した 「2」…基準値を上回った 「3」…基準値を下回った",
      "達成状況 1=目標値を達成した 2=基準値を上回った 3=基準値を下回った",
    ]) {
      const s = await read(table(ROWS, [legend]));
      expect(s.kpis.map((k) => k.evaluation.category)).toEqual(["on_track", "mostly_on_track", "delayed"]);
    }
  });

  it("single digits under a rate's name with no legend are refused, not rates of 100% and 200%", async () => {
    const lines = table(ROWS, []).map((l) => l.replace("| 達成状況 |", "| 達成度 |"));
    expect(await refusal(lines)).toMatch(/中身は1桁の数字だけです/);
  });

  it("a mark printed over the rate (「○<br>90.5%」) is the rating and the rate, as a letter is", async () => {
    const s = await read([
      "令和4年度 施策評価",
      "",
      "| 施策 | 指標 | 目標値 | 実績値 | 達成度 | 評価原案 |",
      "|---|---|---|---|---|---|",
      "| 1 産業の振興 | 企業立地件数(件) | 60件 | 71件 | ◎<br>118.3% | 概ね順調 |",
      "| | 製造品出荷額(億円) | 400億円 | 362億円 | ○<br>90.5% | |",
      "| 2 観光の振興 | 観光客入込数(万人) | 600万人 | 270万人 | △<br>45.0% | やや遅れている |",
      "| | 宿泊者数(人) | 1,000人 | 1,200人 | ◎<br>120.0% | |",
      "",
      "達成度 ◎:目標値を達成している。 ○:目標値を達成していないが、達成率が80%以上である。 △:達成率が80%未満である。",
    ]);
    expect(s.kpis.map((k) => `${k.evaluation.category} ${k.evaluation.label} ${k.printedRate}`)).toEqual([
      "on_track ◎ 1.183",
      "mostly_on_track ○ 0.905",
      "delayed △ 0.45",
      "on_track ◎ 1.2",
    ]);
  });

  it("beside KPI grades printed as digits, a program's letters on its first row only rate the program (an extra)", async () => {
    const s = await read([
      "平成28年度 政策評価 評価結果一覧",
      "",
      "| プログラム名 | 指標 | 実績値(H28) | 重点項目の評価 | 外部評価 |",
      "|---|---|---|---|---|",
      "| 1 人口問題対策 | 合計特殊出生率 | 1.71 | 2 | B |",
      "| | 移住世帯数 | 152世帯 | 1 | |",
      "| 2 人財育成 | 技能検定の合格者数 | 1,185人 | 2 | A |",
      "| | 県立図書館の貸出冊数 | 98万冊 | 3 | |",
      "",
      "重点項目の評価 1:指標の目標を達成している 2:指標の目標の達成に向けて順調に推移している 3:指標の目標の達成に向けてやや遅れている",
      "外部評価 A:プログラムは順調に進んでいる B:プログラムは概ね順調に進んでいる C:プログラムの推進に課題がある",
    ]);
    expect(s.kpis.map((k) => `${k.evaluation.category} ${k.evaluation.label}`)).toEqual([
      "mostly_on_track 2",
      "on_track 1",
      "mostly_on_track 2",
      "delayed 3",
    ]);
    expect(s.kpis[0]!.extras).toContainEqual({ header: "外部評価", text: "B" });
  });

  it("a pace named by a circled grade (「20%を①評価として」) scales the thresholds as a letter's does", async () => {
    const s = await read([
      "令和2年度 施策評価",
      "",
      "| 施策 | 指標 | 近況値(2017) | 実績値(2019) | 目標値(2023) | 進捗率 | 評価 |",
      "|---|---|---|---|---|---|---|",
      "| 1 子育て | 保育所待機児童数 | 20人 | 15人 | 0人 | 25.0% | ① |",
      "| | 子育て支援センター利用者数 | 1,000人 | 1,080人 | 1,500人 | 16.0% | ② |",
      "| 2 教育 | 図書館の貸出冊数 | 100万冊 | 101万冊 | 120万冊 | 5.0% | ④ |",
      "",
      "評価区分 5か年の計画のうち1年が経過したため、100%×1/5=20%を①評価として、以下5%刻みで5段階評価",
      "①:進捗率20%以上 ②:進捗率15%以上20%未満 ③:進捗率10%以上15%未満 ④:進捗率5%以上10%未満 ⑤:進捗率5%未満",
    ]);
    expect(s.kpis.map((k) => k.evaluation.category)).toEqual(["on_track", "mostly_on_track", "delayed"]);
  });

  it("a rate column where no cell reads as a rate (a grade over the rate in a form not split) is refused", async () => {
    const lines = table(
      ROWS.map((r, i) => r.replace(/\| [123] \|/, `| ${["Ⅰ", "Ⅱ", "Ⅲ"][i]}<br>${[120, 75, 0][i]}.0% |`)),
      [],
    ).map((l) => l.replace("| 達成状況 |", "| 達成度 |"));
    expect(await refusal(lines)).toMatch(/率として読めるセルがありません/);
  });
});
