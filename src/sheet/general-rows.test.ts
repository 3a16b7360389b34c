import { describe, expect, it } from "vitest";
import { importSheet } from "./index.ts";

const read = (md: string) => importSheet(new TextEncoder().encode(md), "sheet.md");

describe("a KPI's unit", () => {
  it("is its 単位 cell; where that cell is left empty, the unit its figures print (not none)", async () => {
    const r = await read(
      [
        "令和4年度 KPI検証",
        "",
        "| 指標名 | 単位 | 目標値(R4) | 実績値(R4) | 担当課 |",
        "|---|---|---|---|---|",
        "| 転入者数 | 人 | 120 | 110 | 企画課 |",
        "| 観光客数 | | 35万人 | 36万人 | 観光課 |",
        "| 相談件数 | | 50 | 41 | 福祉課 |",
      ].join("\n"),
    );
    if (!r.ok) throw new Error(r.error.message);
    expect(r.sheet.kpis.map((k) => k.unit)).toEqual(["人", "万人", null]);
  });
});
