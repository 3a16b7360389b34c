// Round 27's general rules (fixtures/layouts/README.md: ogaki-jisseki, kakamigahara-tassei), each on a small
// table of its own.
import { describe, expect, it } from "vitest";
import type { Kpi } from "../core/sheet.ts";
import { recogniseHeader } from "./column-fields.ts";
import { importSheet } from "./index.ts";
import { categoryOf } from "./legend-categories.ts";

const bytes = (lines: string[]) => new TextEncoder().encode(lines.join("\n"));
const v = (x: Kpi["actual"] | undefined) =>
  !x
    ? "absent"
    : x.kind === "number"
      ? `${x.value} ${x.unit ?? ""} @${x.period.year}`
      : x.kind === "text"
        ? `text:${x.text}`
        : x.kind;
const level = (o: Kpi["goal"]) => `${o.no} ${o.title}`;

describe("round 27: two columns of the same level", () => {
  const HEAD = "| 基本目標 | 具体的な施策 | 施策 | 目標指標 | 平成28年度目標値 | 平成28年度実績値 |";
  it("基本目標 | 具体的な施策 | 施策: the first of the two 施策 columns is the level above the second", async () => {
    const r = await importSheet(
      bytes([
        "平成28年度 総合戦略 実績報告",
        "",
        HEAD,
        "|---|---|---|---|---|---|",
        "| 1 子育てのまち | (1) 子育ての支援 | ① 保育の充実 | 延長保育実施保育所数 | 20箇所 | 21箇所 |",
        "| | | ② 家庭の支援 | 子育てアプリ登録者数 | 2,000人 | 2,315人 |",
        "| | (2) 教育の充実 | ① 学力の育成 | 授業がわかる児童の割合 | 81.0% | 79.6% |",
      ]),
      "t.md",
    );
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.sheet.kpis.map((k) => [level(k.goal), level(k.subgoal), level(k.measure)])).toEqual([
      ["1 子育てのまち", "1 子育ての支援", "1 保育の充実"],
      ["1 子育てのまち", "1 子育ての支援", "2 家庭の支援"],
      ["1 子育てのまち", "2 教育の充実", "1 学力の育成"],
    ]);
  });

  it("refuses two columns of one level when no level is free between them (a name would be lost)", async () => {
    const r = await importSheet(
      bytes([
        "平成28年度 総合戦略 実績報告",
        "",
        "| 基本目標 | 施策の柱 | 具体的な施策 | 施策 | 目標指標 | 平成28年度目標値 | 平成28年度実績値 |",
        "|---|---|---|---|---|---|---|",
        "| 1 子育てのまち | ア 支援 | (1) 子育ての支援 | ① 保育の充実 | 延長保育実施保育所数 | 20箇所 | 21箇所 |",
        "| | | | ② 家庭の支援 | 子育てアプリ登録者数 | 2,000人 | 2,315人 |",
      ]),
      "t.md",
    );
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.message).toContain("列「具体的な施策」と列「施策」");
  });
});

describe("round 27: values and headers", () => {
  it("「未発表」 where the actual goes is no figure (missing), not a text actual", async () => {
    const r = await importSheet(
      bytes([
        "平成28年度 実績報告",
        "",
        "| 目標指標 | 単位 | 基準値(平成26年度) | 平成28年度目標値 | 平成28年度実績値 |",
        "|---|---|---|---|---|",
        "| 就職者数 | 人 | 112 | 128 | 未発表 |",
        "| 創業者数 | 人 | 28 | 34 | 31 |",
      ]),
      "t.md",
    );
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.sheet.kpis.map((k) => v(k.actual))).toEqual(["missing", "31 人 @2016"]);
    expect(r.report.issues.some((i) => i.message.includes("「未発表」は数値がまだ出ていない"))).toBe(true);
  });

  it.each([
    ["総合計画開始時点(平成27年度)", "baseline"],
    ["計画開始時", "baseline"],
    ["開始時点", "baseline"],
  ])("「%s」 is %s", (h, field) => expect(recogniseHeader(h).field).toBe(field));
  it("a project's starting time (事業開始時期) is no baseline", () =>
    expect(recogniseHeader("事業開始時期").field).not.toBe("baseline"));

  it("区分 over 客観的指標 / 主観的指標 is no rating (even with a row that lost a cell); 達成状況 in words rates", async () => {
    const r = await importSheet(
      bytes([
        "総合計画 平成30年度 指標の達成状況",
        "",
        "| 政策 | 施策 | 指標 | 区分 | 総合計画開始時点(平成27年度) | 平成30年度 | 目標値(平成34年度) | 達成状況 |",
        "|---|---|---|---|---|---|---|---|",
        "| 1 子育て | (1) 子育て支援 | 子育て支援センターの利用者数 | 客観的指標 | 48,210人 | 52,634人 | 55,000人 | 順調に推移している |",
        "| | 子育てしやすいと思う市民の割合 | 主観的指標 | 61.8% | 60.2% | 70.0% | 順調に推移していない |",
        "| 2 健康 | (1) 健康づくり | 特定健康診査の受診率 | 客観的指標 | 38.5% | 41.2% | 60.0% | 順調に推移している |",
      ]),
      "t.md",
    );
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(
      r.sheet.kpis.map((k) => [v(k.baseline), v(k.actual), v(k.finalTarget), k.evaluation.category]),
    ).toEqual([
      ["48210 人 @2015", "52634 人 @2018", "55000 人 @2022", "on_track"],
      ["61.8 % @2015", "60.2 % @2018", "70 % @2022", "delayed"],
      ["38.5 % @2015", "41.2 % @2018", "60 % @2022", "on_track"],
    ]);
    expect(r.sheet.kpis[1]!.extras).toContainEqual({ header: "区分", text: "主観的指標" });
  });
});

describe("round 27: 順調 denied", () => {
  it.each([
    ["順調に推移している", "on_track"],
    ["順調に推移していない", "delayed"],
    ["順調でない", "delayed"],
    ["順調ではない", "delayed"],
    ["順調に進捗していない", "delayed"],
    ["順調には進んでいない", "delayed"],
    ["概ね順調", "mostly_on_track"],
    ["順調", "on_track"],
  ])("「%s」 → %s", (w, c) => expect(categoryOf(w, w)).toBe(c));
});
