// Round 40's general rules (fixtures/layouts/README.md), each on a small document of its own.
import { describe, expect, it } from "vitest";
import { printedYear } from "./general-rows.ts";
import { importSheet } from "./index.ts";
import { splitLabel } from "./labelled-blocks.ts";

const bytes = (lines: string[]) => new TextEncoder().encode(lines.join("\n"));

const small = (cells: string) => ["", "| 基準値 | 目標値 | 実績値 | 評価 |", "|---|---|---|---|", cells, ""];

/** A Word 効果検証: per KPI labelled lines over a one-row table of its own. */
const word = (opts: { dropKpiLine?: boolean; twoRows?: boolean; tail?: string } = {}) =>
  bytes([
    "令和2年度 ○○町総合戦略 効果検証",
    "評価 A:目標値を達成 B:目標値の8割以上 C:目標値の8割未満",
    "",
    "【基本目標1】しごとをつくる",
    "【施策】(1)農業の振興",
    "【KPI】新規就農者数",
    ...small("| 1人(H26) | 6人(R2) | 5人(R2) | B |"),
    ...(opts.twoRows ? ["| 1人(H26) | 6人(R2) | 4人(R2) | C |", ""] : []),
    "【担当課】産業課",
    "【検証】研修の修了者が就農した。",
    "",
    "【施策】(2)観光の振興",
    ...(opts.dropKpiLine ? [] : ["【KPI】観光客数"]),
    ...small("| 5,000人(H26) | 8,000人(R2) | 8,400人(R2) | A |"),
    "【担当課】商工課",
    `【検証】${opts.tail ?? "イベントの来場者が増えた。"}`,
  ]);

describe("round 40: a KPI per block of labelled lines over a small table (labelled-blocks.ts)", () => {
  it("folds the blocks into one table: labels as columns, the levels continuing", async () => {
    const read = await importSheet(word(), "w.md");
    expect(read.ok).toBe(true);
    if (!read.ok) return;
    const [a, b] = read.sheet.kpis;
    expect(read.sheet.kpis.map((k) => k.indicator)).toEqual(["新規就農者数", "観光客数"]);
    expect(a!.goal).toEqual({ no: 1, title: "しごとをつくる" });
    expect(b!.goal).toEqual({ no: 1, title: "しごとをつくる" });
    expect(b!.measure).toEqual({ no: 2, title: "観光の振興" });
    expect(a!.departments).toEqual(["産業課"]);
    expect(b!.evaluation).toMatchObject({ category: "on_track", label: "A" });
    expect(read.report.issues.some((i) => i.kind === "labelled_blocks_folded")).toBe(true);
  });

  it("folds nothing when a block names no indicator or holds two rows (refused, nothing written)", async () => {
    for (const doc of [word({ dropKpiLine: true }), word({ twoRows: true })]) {
      const read = await importSheet(doc, "w.md");
      expect(read.ok).toBe(false);
    }
  });

  it("passes over a note under a small table to the labelled lines below it", async () => {
    const text = new TextDecoder().decode(word()).replace(/(\| B \|\n)/, "$1\n※実績値は速報値です。\n");
    const read = await importSheet(new TextEncoder().encode(text), "w.md");
    expect(read.ok).toBe(true);
    if (read.ok) expect(read.sheet.kpis[0]!.departments).toEqual(["産業課"]);
  });

  it("refuses, naming the line, a labelled line no block can take (guard)", async () => {
    // 【担当課】 printed after the next block's 【施策】 line: between two blocks' upper lines.
    const text = new TextDecoder()
      .decode(word())
      .replace("【担当課】商工課\n", "")
      .replace("【施策】(2)観光の振興\n", "【施策】(2)観光の振興\n【担当課】商工課\n");
    const read = await importSheet(new TextEncoder().encode(text), "w.md");
    expect(read.ok).toBe(false);
    if (!read.ok) expect(read.error.message).toMatch(/「【施策】\(2\)観光の振興」は指標ごとの見出し行/);
  });

  it("splits a label's number off its name", () => {
    expect(splitLabel("基本目標1")).toEqual({ name: "基本目標", no: "1" });
    expect(splitLabel("KPI")).toEqual({ name: "KPI", no: null });
    expect(splitLabel("施策②")).toEqual({ name: "施策", no: "②" });
  });
});

describe("round 40: a bare 目標値 printing the evaluated year is that year's target (general-rows.ts)", () => {
  it("reads the year a value cell prints after its figure", () => {
    expect(printedYear("10人(R1)")).toBe(2019);
    expect(printedYear("78,000人(H26)")).toBe(2014);
    expect(printedYear("10人")).toBeNull();
  });

  it("takes 「6人(R2)」 under 目標値 in a 令和2年度 sheet as the year's target, no final target", async () => {
    const read = await importSheet(word(), "w.md");
    expect(read.ok).toBe(true);
    if (!read.ok) return;
    const a = read.sheet.kpis[0]!;
    expect(read.sheet.fiscalYear).toBe(2020);
    expect(a.target).toMatchObject({ kind: "number", value: 6, period: { year: 2020 } });
    expect(a.finalTarget.kind).toBe("missing");
  });

  it("keeps a bare 目標値 printing a later year as the final target", async () => {
    const read = await importSheet(
      bytes([
        "令和2年度 KPIの進捗",
        "",
        "| KPI | 基準値 | 目標値 | 実績値 | 評価 |",
        "|---|---|---|---|---|",
        "| 新規就農者数 | 1人(H26) | 6人(R6) | 5人 | B |",
        "| 観光客数 | 5,000人(H26) | 8,000人(R6) | 8,400人 | A |",
        "",
        "評価 A:目標値を達成 B:目標値の8割以上 C:目標値の8割未満",
      ]),
      "t.md",
    );
    expect(read.ok).toBe(true);
    if (!read.ok) return;
    expect(read.sheet.kpis[0]!.target.kind).toBe("missing");
    expect(read.sheet.kpis[0]!.finalTarget).toMatchObject({
      kind: "number",
      value: 6,
      period: { year: 2024 },
    });
  });
});

describe("round 40: 「検証」 in sentences beside a rating column is the reason (settle-columns.ts)", () => {
  it("reads the 検証 sentences as why the result is what it is", async () => {
    const read = await importSheet(word(), "w.md");
    expect(read.ok).toBe(true);
    if (!read.ok) return;
    expect(read.sheet.kpis[0]!.reason).toBe("研修の修了者が就農した。");
    expect(read.sheet.kpis[0]!.status).toBeNull();
  });
});
