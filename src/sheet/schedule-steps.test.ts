// 徳島県's 主要事業等評価シート (round 22: tokushima-shuyo): a 工程(年度別事業計画) group over year columns is
// the plan by year — a year's figure its target, 「推進」 / 「→」 no figure.
import { describe, expect, it } from "vitest";
import type { Kpi } from "../core/sheet.ts";
import { recogniseHeader } from "./column-fields.ts";
import { importSheet } from "./import-sheet.ts";

const v = (x: Kpi["target"]) =>
  x.kind === "number" ? `${x.value} ${x.unit ?? ""} @${x.period.year}` : x.kind;

describe("a schedule's year columns", () => {
  it.each([
    ["工程(年度別事業計画) H25", "target"],
    ["事業工程 R5", "target"],
    ["年度別事業計画 H25", "target"],
    ["工程(年度別事業計画)", "extra"], // no year: the schedule as a whole, no year's target
  ])("「%s」 → %s", (header, field) => {
    expect(recogniseHeader(header).field).toBe(field);
  });

  it("reads a year's figure as its target and a planned step as no target", async () => {
    const md = [
      "主要事業等評価シート",
      "",
      "| 番号 | 数値目標 | 工程(年度別事業計画) | | 実績値(25年度) | 評価 |",
      "| | | H24 | H25 | | |",
      "| --- | --- | --- | --- | --- | --- |",
      "| 1 | 企業立地件数(件) | 1件 | 2件 | 2件 | A |",
      "| 2 | 移住相談件数(件) | 推進 | → | 30件 | B |",
      "",
      "評価 A:順調 B:おおむね順調 C:要見直し",
    ].join("\n");
    const r = await importSheet(new TextEncoder().encode(md), "sheet.md");
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.sheet.fiscalYear).toBe(2013);
    expect(r.sheet.kpis.map((k) => [v(k.target), v(k.actual)])).toEqual([
      ["2 件 @2013", "2 件 @2013"],
      ["missing", "30 件 @2013"],
    ]);
    expect(r.report.issues.filter((i) => i.kind === "schedule_step").map((i) => i.before)).toEqual([
      "推進",
      "→",
    ]);
  });
});
