// Rows with fewer cells than the header (general-checks.ts realignRow): a Markdown writer leaves the
// trailing empty cells out (GFM reads them as empty), an extractor drops an empty cell inside the
// row, a row can show both. Each read as the city printed it, or refused — and every layout fixture
// with its rows so written reads to its golden (test-office-variants.ts 「trailing-trimmed」, in the
// three forms).
import { existsSync, readdirSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { importSheet } from "./index.ts";
import { readVariant, VARIANTS } from "./test-office-variants.ts";
import { fixturesDir } from "./test-paths.ts";

const read = (md: string) => importSheet(new TextEncoder().encode(md), "sheet.md");

const HEAD =
  "| No. | 指標名 | 基準値 | 目標値 | 実績値 | 評価 | 増減 | 委員会意見 |\n|---|---|---|---|---|---|---|---|";
const LEGEND = "評価 A:達成 B:概ね順調 C:遅れ";

describe("a row shorter than its header", () => {
  it("reads a row without its trailing empty cells as the end left empty, and says so", async () => {
    const r = await read(
      `令和4年度 評価シート\n\n${HEAD}\n| 1 | 転入者数 | 100人 | 120人 | 110人 | B | 増 | 周知を強化されたい。 |\n| 2 | 観光客数 | 30万人 | 35万人 | 36万人 | A | 増 |\n| 3 | 出生数 | 500人 | 520人 | 480人 | C |\n\n${LEGEND}\n`,
    );
    if (!r.ok) throw new Error(r.error.message);
    expect(r.sheet.kpis.map((k) => [k.indicator, k.evaluation?.label ?? null])).toEqual([
      ["転入者数", "B"],
      ["観光客数", "A"],
      ["出生数", "C"],
    ]);
    expect(r.sheet.kpis[2]!.comments ?? null).toBeNull();
  });

  it("keeps a rating with a note in brackets (「C<br>(A※1)」) under the evaluation when the row lost its end", async () => {
    // (a column of last year's ratings after it, then remarks: the label fits the evaluation, not last year's)
    const head = "| 指標名 | 目標値 | 実績値 | 評価 | 前年度 | 特記事項 |\n|---|---|---|---|---|---|";
    const r = await read(
      `令和4年度 評価\n\n${head}\n| 転入者数(人) | 120 | 110 | B | A | 周知を強化した。 |\n| 労働生産性(千円) | 8,137 | 7,612 | C<br>(A※1) | B |\n| 出生数(人) | 520 | 530 | A | A | 相談会を開いた。 |\n\n評価 A:達成 B:概ね順調 C:遅れ\n`,
    );
    if (!r.ok) throw new Error(r.error.message);
    expect(r.sheet.kpis[1]!.evaluation).toMatchObject({ label: "C", category: "delayed" });
    expect(r.sheet.kpis[1]!.extras).toEqual([{ header: "前年度", text: "B" }]);
  });

  it("places a digit rating the legend names (「3:…」) under the evaluation, not the remark after it", async () => {
    const head =
      "| No. | 事業名 | 指標 | 目標値 | 実績値 | 評価 | 推進会議での意見 |\n|---|---|---|---|---|---|---|";
    const r = await read(
      `平成30年度 事業検証\n\n${head}\n| 1 | 就農支援 | 新規就農者数 | 5人 | 4人 | 4 | 定着支援を充実されたい。 |\n| 2 | 住宅補助 | 転入世帯数 | 40世帯 | 41世帯 | 5 | 加算を検討されたい。 |\n| 3 | 応援券 | 町内利用率 | 90% | 78% | 3 |\n\n評価 5:目標を達成した 4:順調に推移している 3:概ね順調に推移している 2:遅れている 1:着手していない\n`,
    );
    if (!r.ok) throw new Error(r.error.message);
    expect(r.sheet.kpis[2]!.evaluation).toMatchObject({ label: "3", category: "mostly_on_track" });
  });

  it("places a unit in Latin letters and digits (「t-CO2」) under 単位 when the row lost its empty 意見 before the name", async () => {
    const head = "| 政策 | 意見 | 指標名 | 単位 | 基準値 | 実績値 | 評価 |\n|---|---|---|---|---|---|---|";
    const r = await read(
      `令和2年度 政策評価\n\n${head}\n| 1 子育て家庭を地域で支える | 相談を広げられたい。 | (1) ひろばの利用者数 | 人 | 182,400 | 201,800 | A |\n| 2 地域の産業を支える | 継続状況も把握されたい。 | (2) 創業した件数 | 件 | 85 | 118 | B |\n| 3 環境に配慮したまちをつくる | (3) 区有施設の温室効果ガス排出量 | t-CO2 | 56,200 | 52,100 | A |\n\n${LEGEND}\n`,
    );
    if (!r.ok) throw new Error(r.error.message);
    expect(r.sheet.kpis[2]).toMatchObject({ indicator: "区有施設の温室効果ガス排出量", unit: "t-CO2" });
  });

  it("reads a row that lost a cell inside and its trailing cells", async () => {
    // Row 3 printed no 担当課 (dropped by the extractor) and no 意見 (left out at its end).
    const head = "| No. | 指標名 | 担当課 | 目標値 | 実績値 | 評価 | 意見 |\n|---|---|---|---|---|---|---|";
    const r = await read(
      `令和4年度 評価シート\n\n${head}\n| 1 | 転入者数 | 企画課 | 120人 | 110人 | B | 周知を強化されたい。 |\n| 2 | 観光客数 | 観光課 | 35万人 | 36万人 | A | 継続されたい。 |\n| 3 | 出生数 | 520人 | 480人 | C |\n\n${LEGEND}\n`,
    );
    if (!r.ok) throw new Error(r.error.message);
    const k = r.sheet.kpis[2]!;
    expect([k.indicator, k.evaluation?.label, k.departments]).toEqual(["出生数", "C", []]);
    // 目標値 with no year of its own is the plan's final target.
    expect(k.finalTarget).toMatchObject({ kind: "number", value: 520 });
    expect(k.actual).toMatchObject({ kind: "number", value: 480 });
  });

  it("places a committee's request (「…検討願う。」) under the opinions, not the city's remarks beside them", async () => {
    // Row 3 lost its last, empty cell (特記事項): its request goes under 推進会議での意見, where requests are.
    const head =
      "| No. | 指標名 | 目標値 | 実績値 | 評価 | 推進会議での意見 | 特記事項 |\n|---|---|---|---|---|---|---|";
    const r = await read(
      `令和4年度 評価シート\n\n${head}\n| 1 | 転入者数 | 120人 | 110人 | B | 対象の拡大を検討願う。 | 関係機関と連携して実施した。 |\n| 2 | 観光客数 | 35万人 | 36万人 | A | 定着支援も充実されたい。 | 関係機関と連携して実施した。 |\n| 3 | 出生数 | 520人 | 480人 | C | 子育て世帯への加算を検討願う。 |\n\n${LEGEND}\n`,
    );
    if (!r.ok) throw new Error(r.error.message);
    expect(r.sheet.kpis[2]!.comments).toBe("子育て世帯への加算を検討願う。");
  });

  it("refuses a row whose lost cell could be any of its figures", async () => {
    // 基準値, 目標値 or 実績値: each reads as well, and each gives another reading.
    const r = await read(
      `令和4年度 評価シート\n\n${HEAD}\n| 1 | 転入者数 | 100人 | 120人 | 110人 | B | 増 | 周知を強化されたい。 |\n| 2 | 観光客数 | 30万人 | 35万人 | 36万人 | A | 増 | 継続されたい。 |\n| 3 | 出生数 | 520人 | 480人 | C |\n\n${LEGEND}\n`,
    );
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.message).toMatch(/7行目: セルが3つ足りず、どの列が欠けたか決められません/);
  });
});

const root = path.join(fixturesDir, "layouts");
const layouts = readdirSync(root).filter((n) => existsSync(path.join(root, n, "golden.json")));
const trimmed = VARIANTS.find((v) => v.name === "trailing-trimmed")!;

describe.each(["clean", "extracted", "xlsx"] as const)(
  "layouts with trailing empty cells left out, %s",
  (form) => {
    it("read to the golden (none refused, none wrong)", async () => {
      const outcomes: string[] = [];
      let read = 0;
      for (const name of layouts) {
        const o = await readVariant(path.join(root, name), trimmed, form);
        if (!o) continue;
        read++;
        if (o.kind !== "right")
          outcomes.push(`${name}: ${o.kind === "refused" ? o.message.slice(0, 120) : `${o.right}/${o.all}`}`);
      }
      // The variant changes most layouts (those whose rows end in empty cells).
      expect(read).toBeGreaterThanOrEqual(15);
      expect(outcomes).toEqual([]);
    }, 120_000);
  },
);
