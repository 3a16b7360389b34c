import { describe, expect, it } from "vitest";
import { recogniseHeader } from "./column-fields.ts";
import type { FoundHeader } from "./find-header.ts";
import { scaleFromFigures } from "./scale-from-figures.ts";

const header = (): FoundHeader => {
  const texts = ["数値目標", "基準値", "目標値", "実績値", "目標値", "評価区分"];
  const columns = texts.map(recogniseHeader);
  columns[2] = { ...columns[2]!, period: { year: 2019, basis: "fiscal" } };
  columns[3] = { ...columns[3]!, period: { year: 2017, basis: "fiscal" } };
  columns[4] = { ...columns[4]!, period: { year: 2017, basis: "fiscal" } };
  return { rows: [0], texts, columns, key: "" };
};
// indicator, baseline, final target, actual, year's target, label
const row = (...cells: string[]) => ({ cells });

describe("scaleFromFigures", () => {
  it("reads two letters from the figures when every row agrees, in each KPI's direction", () => {
    const rows = [
      row("a", "100", "200", "150", "140", "A"),
      row("b", "10", "20", "16", "15", "A"),
      row("c", "650", "550", "612", "580", "B"), // lower is better: 612 misses 580
      row("d", "12", "17", "9.6", "15", "B"),
    ];
    const scale = scaleFromFigures([{ header: header(), rows }], 2017, []);
    expect(scale?.bands.map((b) => [b.label, b.category])).toEqual([
      ["A", "on_track"],
      ["B", "delayed"],
    ]);
  });
  it("leaves the scale unknown when one row goes against the split, or too few rows are judged", () => {
    const against = [
      row("a", "100", "200", "150", "140", "A"),
      row("b", "10", "20", "14", "15", "A"),
      row("c", "650", "550", "612", "580", "B"),
      row("d", "12", "17", "9.6", "15", "B"),
    ];
    expect(scaleFromFigures([{ header: header(), rows: against }], 2017, [])).toBeNull();
    const few = [row("a", "100", "200", "150", "140", "A"), row("d", "12", "17", "9.6", "15", "B")];
    expect(scaleFromFigures([{ header: header(), rows: few }], 2017, [])).toBeNull();
    const three = [...against.slice(0, 1), row("e", "1", "2", "1", "1", "C")];
    expect(scaleFromFigures([{ header: header(), rows: three }], 2017, [])).toBeNull();
  });
});
