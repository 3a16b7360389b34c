import { it } from "vitest";
import { attempt } from "./test-read-lines.ts";
const head = "| 具体的な施策 | 重要業績評価指標(KPI) | 基準値(R1) | 実績値(R2) | 実績値(R3) | 目標値(R6) | 推移 | 担当課 |";
const rows = [
  head, "|---|---|---|---|---|---|---|---|",
  "| (1) 農林業の振興 | 新規就農者数 | 2人 | 3人 | 7人 | 15人 | ↗ | 産業観光課 |",
  "| | ジビエ処理頭数 | 310頭 | 352頭 | 298頭 | 400頭 | ↘ | 産業観光課 |",
  "| (2) 観光の振興 | 売上額 | 8,240万円 | 6,910万円 | 9,180万円 | 9,000万円 | ◎ | 産業観光課 |",
  "| | 件数 | 11件 | 12件 | 11件 | 20件 | → | 産業観光課 |",
];
const legend = "推移の見方 ◎:目標値を達成 ↗:基準値より改善 →:基準値と同程度(±5%以内) ↘:基準値より悪化 -:実績値未確定";
const variants: Record<string, string[]> = {
  above: ["○○町 効果検証資料(令和3年度実績)", legend, "基本目標1 しごとをつくる", "", ...rows],
  below: ["○○町 効果検証資料(令和3年度実績)", "基本目標1 しごとをつくる", "", ...rows, "", legend],
  belowNoCaption: ["○○町 効果検証資料(令和3年度実績)", "基本目標1 しごとをつくる", "", ...rows, "", legend.replace("推移の見方 ", "")],
};
for (const [k, lines] of Object.entries(variants))
  for (const f of ["kpi.md", "kpi.xlsx"])
    it(`${k} ${f}`, async () => {
      const r = await attempt(lines, f);
      if (!r.ok) console.log(k, f, "REFUSED", r.error.message.slice(0, 200));
      else console.log(k, f, JSON.stringify(r.sheet.kpis[0].extras), Object.keys(r), JSON.stringify((r as any).report ?? (r as any).profile ?? "").slice(0,1500), r.sheet.kpis.map((x) => `${x.evaluation?.category}:${x.evaluation?.label}`).join(" "), JSON.stringify(r.sheet.scale?.bands?.map((b) => b.label)));
    });
