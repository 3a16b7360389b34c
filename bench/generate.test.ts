import { describe, expect, it } from "vitest";
import { generateSheet, renderMarkdownSheet } from "./generate.ts";

const options = { municipality: "架空市", fiscalYear: 2023, finalYear: 2027, kpiCount: 30 };

describe("generateSheet", () => {
  it("is deterministic for a seed and differs across seeds", () => {
    expect(generateSheet(1, options)).toEqual(generateSheet(1, options));
    expect(generateSheet(1, options)).not.toEqual(generateSheet(2, options));
  });

  it("numbers rows 1..n and folds printed units into the base unit", () => {
    const sheet = generateSheet(3, options);
    expect(sheet.kpis.map((k) => k.row)).toEqual(Array.from({ length: 30 }, (_, i) => i + 1));
    const numbers = sheet.kpis.flatMap((k) => (k.target.kind === "number" ? [k.target] : []));
    const man = numbers.filter((t) => t.raw?.includes("万"));
    // The rule below must be checked on some targets, not vacuously on none.
    expect(man.length).toBeGreaterThan(0);
    for (const t of man) expect(t.value % 1000).toBe(0);
    for (const t of numbers.filter((t) => t.raw?.includes("億"))) expect(t.value % 100_000_000).toBe(0);
  });
});

describe("renderMarkdownSheet", () => {
  it("prints every KPI's indicator and repeats the header on every page", () => {
    const sheet = generateSheet(4, options);
    const text = renderMarkdownSheet(sheet, 4, 2027);
    const flat = text.replaceAll("<br>", "");
    for (const k of sheet.kpis) expect(flat).toContain(k.indicator);
    const pages = text.split("\n").filter((l) => l.startsWith("| 基本情報")).length;
    expect(pages).toBeGreaterThanOrEqual(Math.ceil(30 / 9));
  });
});

describe("grouped", () => {
  it("prints numbers as toLocaleString('en-US') does", async () => {
    const { grouped } = await import("./generate.ts");
    for (const [n, d] of [
      [0, 0],
      [999, 0],
      [1000, 0],
      [1234567.891, 2],
      [12.5, 1],
      [100000, 1],
    ] as const)
      expect(grouped(n, d)).toBe(
        n.toLocaleString("en-US", { minimumFractionDigits: d, maximumFractionDigits: d }),
      );
  });
});
