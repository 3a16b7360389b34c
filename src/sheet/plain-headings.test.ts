// 小矢部市 (round 25: oyabe-seika): a plain line over each copy of the same header names the part of the plan
// its table lists (the measure); one line over a table printed once stays a title.
import { describe, expect, it } from "vitest";
import { importSheet } from "./import-sheet.ts";
import { plainHeading } from "./plain-headings.ts";

const read = async (lines: string[]) => importSheet(new TextEncoder().encode(lines.join("\n")), "sheet.md");
const HEAD = ["| 成果指標 | 平成13年実績 | 平成14年実績 | 目標値 |", "| --- | --- | --- | --- |"];

describe("plain heading lines over a repeated header", () => {
  it.each([
    ["生涯学習の促進", true],
    ["生涯スポーツの促進", true],
    ["総合計画成果指標 2 成果指標達成状況", false],
    ["出典:市民意識調査", false],
    ["※平成15年9月30日現在", false],
    ["平成15年度 施策評価一覧", false],
  ])("「%s」 may be a heading: %s", (t, yes) => expect(plainHeading(t) !== null).toBe(yes));

  it("gives each table's rows the line above it as their measure", async () => {
    const r = await read([
      "総合計画成果指標 2 成果指標達成状況",
      "",
      "生涯学習の促進",
      "",
      ...HEAD,
      "| 図書館入館者数 | 105,757人 | 117,857人 | 120,000人 |",
      "",
      "生涯スポーツの促進",
      "",
      ...HEAD,
      "| 総合型地域スポーツクラブ加入者数 | 778人 | 967人 | 500人 |",
    ]);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.sheet.kpis.map((k) => k.measure.title)).toEqual(["生涯学習の促進", "生涯スポーツの促進"]);
  });

  it("leaves a line over a table printed once alone (no measure)", async () => {
    const r = await read([
      "総合計画成果指標 2 成果指標達成状況",
      "",
      "生涯学習の促進",
      "",
      ...HEAD,
      "| 図書館入館者数 | 105,757人 | 117,857人 | 120,000人 |",
      "| 総合型地域スポーツクラブ加入者数 | 778人 | 967人 | 500人 |",
    ]);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.sheet.kpis.map((k) => k.measure.title)).toEqual(["", ""]);
  });
});
