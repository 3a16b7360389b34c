import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { importSheet, parseScale } from "./index.ts";

/** A table of three KPIs rated with `marks`, and the lines printed under it. */
const sheet = (marks: string[], below: string[] = [], actuals = ["120", "95", "60"]) =>
  new TextEncoder().encode(
    [
      "令和4年度 総合戦略 KPIの検証",
      "",
      "| 施策 | KPI | 目標値(R4) | 実績値(R4) | 評価 | 担当課 |",
      "|---|---|---|---|---|---|",
      `| 1 観光の振興 | 観光客数(千人) | 100 | ${actuals[0]} | ${marks[0]} | 観光課 |`,
      `| 2 子育て支援 | 保育所定員(人) | 100 | ${actuals[1]} | ${marks[1]} | 子育て支援課 |`,
      `| 3 移住の促進 | 移住者数(人) | 100 | ${actuals[2]} | ${marks[2]} | 企画課 |`,
      "",
      ...below,
    ].join("\n"),
  );

describe("rating marks no legend explains", () => {
  it("are refused, naming the column and the marks, not written 評価不可 with exit 0", async () => {
    const r = await importSheet(sheet(["A", "B", "C"]), "kpi.md");
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.code).toBe("scale_unknown");
    expect(r.error.message).toContain("5列目「評価」");
    expect(r.error.message).toContain("「A」「B」「C」");
    expect(r.error.message).toContain("--scale");
  });

  it("symbols and circled numbers alike (◎ is the best in one city, ○ in another)", async () => {
    for (const marks of [
      ["◎", "○", "△"],
      ["①", "②", "③"],
    ]) {
      const r = await importSheet(sheet(marks), "kpi.md");
      expect(r.ok ? "read" : r.error.code).toBe("scale_unknown");
    }
  });

  it("read by the legend printed under the table", async () => {
    const r = await importSheet(
      sheet(["A", "B", "C"], ["評価 A:目標を達成 B:目標の8割以上 C:目標の8割未満"]),
      "kpi.md",
    );
    if (!r.ok) throw new Error(r.error.message);
    expect(r.sheet.kpis.map((k) => k.evaluation.category)).toEqual([
      "on_track",
      "mostly_on_track",
      "delayed",
    ]);
  });

  it("read by a scale given with the import (--scale, the municipality's saved scale)", async () => {
    const scale = parseScale({
      bands: [
        { label: "A", category: "on_track" },
        { label: "B", category: "mostly_on_track" },
        { label: "C", category: "delayed" },
      ],
    });
    const r = await importSheet(sheet(["A", "B", "C"]), "kpi.md", { scale });
    if (!r.ok) throw new Error(r.error.message);
    expect(r.sheet.kpis.map((k) => k.evaluation.label)).toEqual(["A", "B", "C"]);
  });

  it("a mark the legend leaves out on a KPI with no actual is 評価不可 (nothing to rate), with an issue", async () => {
    const r = await importSheet(
      sheet(["A", "B", "N"], ["評価 A:目標を達成 B:目標未達成"], ["120", "95", "―"]),
      "kpi.md",
    );
    if (!r.ok) throw new Error(r.error.message);
    expect(r.sheet.kpis[2]!.evaluation).toMatchObject({ category: "not_evaluable", label: "N" });
    expect(r.report.issues.some((i) => i.message.includes("「N」"))).toBe(true);
    // …nor a mark that does not say 「no data」 by itself (「D」 may be 遅れ: a KPI never started).
    const d = await importSheet(
      sheet(["A", "B", "D"], ["評価 A:目標を達成 B:目標未達成"], ["120", "95", "―"]),
      "kpi.md",
    );
    expect(d.ok ? "read" : d.error.code).toBe("scale_unknown");
    // …but not on a KPI that has its actual: then the mark meant something the legend did not say.
    const rated = await importSheet(sheet(["A", "B", "N"], ["評価 A:目標を達成 B:目標未達成"]), "kpi.md");
    expect(rated.ok ? "read" : rated.error.code).toBe("scale_unknown");
  });

  it("words that say what they mean, and the national form's numbered labels, need no legend", async () => {
    const r = await importSheet(sheet(["順調", "概ね順調", "遅れ"]), "kpi.md");
    expect(r.ok ? r.sheet.kpis.map((k) => k.evaluation.category) : r.error.message).toEqual([
      "on_track",
      "mostly_on_track",
      "delayed",
    ]);
    const national = await importSheet(
      sheet([
        "①地方創生に非常に効果的であった",
        "②地方創生に相当程度効果があった",
        "③地方創生に効果があった",
      ]),
      "kpi.md",
    );
    expect(
      national.ok ? national.sheet.kpis.map((k) => k.evaluation.category) : national.error.message,
    ).toEqual(["on_track", "mostly_on_track", "delayed"]);
  });

  it("a word no rule reads is refused like a mark (not 評価不可 with exit 0), and read once its meaning is given", async () => {
    const legend = ["評価 A:目標を達成 B:目標の8割以上"];
    const r = await importSheet(sheet(["A", "B", "様子見"], legend), "kpi.md");
    expect(r.ok ? "read" : r.error.code).toBe("scale_unknown");
    if (r.ok) return;
    expect(r.error.message).toContain("「様子見」");
    expect(r.error.labels).toEqual(["様子見"]);
    // The meaning asked for (the import page's form, --scale) names only that word: the legend still
    // says what A and B mean.
    const scale = parseScale({ bands: [{ label: "様子見", category: "delayed" }] });
    const read = await importSheet(sheet(["A", "B", "様子見"], legend), "kpi.md", { scale });
    expect(read.ok ? read.sheet.kpis.map((k) => k.evaluation.category) : read.error.message).toEqual([
      "on_track",
      "mostly_on_track",
      "delayed",
    ]);
    // A dash or an empty cell is no label; words that say 評価できない are read as such.
    const none = await importSheet(sheet(["A", "―", "評価不能"], legend), "kpi.md");
    expect(none.ok ? none.sheet.kpis.map((k) => k.evaluation.category) : none.error.message).toEqual([
      "on_track",
      "not_evaluable",
      "not_evaluable",
    ]);
  });
});

describe("the seed's fourteen columns rated in words of the city's own", () => {
  // さくら市's sheet prints the seed's header; its ratings are the seed's four labels and 「目標未達」.
  const sakura = readFileSync(
    path.resolve(import.meta.dirname, "../../fixtures/markdown/sakura-r5.md"),
    "utf8",
  );
  const rated = (word: string) => new TextEncoder().encode(sakura.replace("目標未達", word));

  it("a word that says its category is read by it (「目標未達」: delayed), the label kept", async () => {
    const r = await importSheet(rated("目標未達"), "sakura.md");
    if (!r.ok) throw new Error(r.error.message);
    const k = r.sheet.kpis.find((x) => x.evaluation.label === "目標未達");
    expect(k?.evaluation.category).toBe("delayed");
  });

  it("a word or mark no rule reads is refused naming 進捗評価, not written 評価不可 with exit 0", async () => {
    for (const word of ["様子見", "B"]) {
      const r = await importSheet(rated(word), "sakura.md");
      expect(r.ok).toBe(false);
      if (r.ok) continue;
      expect(r.error.code).toBe("scale_unknown");
      expect(r.error.message).toContain(`10列目「進捗評価」の評価「${word}」`);
    }
  });

  it("read by a scale given with the import, which the sheet then carries", async () => {
    const scale = parseScale({ bands: [{ label: "様子見", category: "mostly_on_track" }] });
    const r = await importSheet(rated("様子見"), "sakura.md", { scale });
    if (!r.ok) throw new Error(r.error.message);
    expect(r.sheet.kpis.find((x) => x.evaluation.label === "様子見")?.evaluation.category).toBe(
      "mostly_on_track",
    );
    expect(r.sheet.scale?.bands.map((b) => b.label)).toEqual(["様子見"]);
    // The seed's own labels stay the seed's.
    expect(r.sheet.kpis[0]!.evaluation.category).toBe("on_track");
  });

  it("a scale given but not needed is not written into the sheet", async () => {
    const scale = parseScale({ bands: [{ label: "様子見", category: "mostly_on_track" }] });
    const r = await importSheet(rated("目標未達"), "sakura.md", { scale });
    if (!r.ok) throw new Error(r.error.message);
    expect(r.sheet.scale).toBeUndefined();
  });
});

describe("a long rating label its legend does not list whole", () => {
  it("is refused, not written 評価不可 with exit 0 (「取組強化・改善が必要」 beside a legend reading only 「改善が必要」)", async () => {
    const r = await importSheet(
      sheet(
        ["目標数値を達成", "順調に推移", "取組強化・改善が必要"],
        ["進捗状況 目標数値を達成:目標値以上 順調に推移:目標値の8割以上 改善が必要:目標値の8割未満"],
      ),
      "kpi.md",
    );
    expect(r.ok ? r.sheet.kpis.map((k) => k.evaluation.category) : r.error.code).toBe("scale_unknown");
  });
});
