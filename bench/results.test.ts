import { describe, expect, it } from "vitest";
import { type Report, renderReport } from "./results.ts";
import { fmt, fmtBytes, fmtMs, median, percentile } from "./stats.ts";

describe("stats", () => {
  it("median of odd and even counts, percentiles by nearest rank", () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(percentile([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 50)).toBe(5);
    expect(percentile([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 99)).toBe(10);
    expect(Number.isNaN(median([]))).toBe(true);
  });
  it("formats numbers, durations and sizes", () => {
    expect(fmt(1234567.8)).toBe("1,234,568");
    expect(fmtMs(850)).toBe("850 ms");
    expect(fmtMs(12_340)).toBe("12.3 s");
    expect(fmtMs(245_000)).toBe("4 min 05 s");
    expect(fmtBytes(2_500_000)).toBe("2.5 MB");
  });
});

describe("renderReport", () => {
  const report: Report = {
    title: "Sosei benchmarks",
    date: "2026-11-23",
    commit: "abc1234+dirty",
    machine: { cpu: "Test CPU", cores: 2, memoryGb: 4, node: "v20", os: "Linux" },
    scale: "quick",
    runs: "median of 3",
    totalMs: 61_000,
    targets: [
      {
        name: "evaluate",
        target: "≥ 1,000,000 KPI-years/s",
        measured: "60,000 KPI-years/s",
        pass: false,
        profile: ["50% f"],
        close: "cache it",
      },
      { name: "pdf", target: "faster", measured: "skipped: libreoffice not installed", pass: null },
      { name: "api", target: "≤ 50 ms", measured: "3 ms", pass: true },
    ],
    sections: [
      {
        title: "Evaluate",
        method: "how",
        tables: [{ head: ["a|b", "c"], rows: [["1", "2"]] }],
        notes: ["n"],
      },
    ],
  };
  it("states machine, commit, each target's verdict, and the profile of a miss", () => {
    const md = renderReport(report);
    expect(md).toContain("abc1234+dirty");
    expect(md).toContain("Test CPU, 2 cores");
    expect(md).toMatch(/\| evaluate \|.*\| MISS \|/);
    expect(md).toMatch(/\| pdf \|.*\| SKIPPED \|/);
    expect(md).toMatch(/\| api \|.*\| PASS \|/);
    expect(md).toContain("#### evaluate");
    expect(md).toContain("cache it");
    expect(md).toContain("| a\\|b | c |");
  });
});
