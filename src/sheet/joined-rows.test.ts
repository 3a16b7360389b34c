// Two rows an extractor joined into one (joined-rows.ts): refused, naming the row; a figure wrapped
// in its cell, a figure over its year and a layout that stacks two figures in every row are not.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { importSheet } from "./index.ts";
import { checkJoinedRows } from "./joined-rows.ts";
import { type Block, markdown, parse } from "./test-layout-forms.ts";
import { fixturesDir } from "./test-paths.ts";
import type { SourceTable } from "./types.ts";

const table = (...rows: string[][]): SourceTable => ({
  rows: rows.map((cells, i) => ({ row: i + 1, cells })),
  outside: [],
});

describe("checkJoinedRows", () => {
  it("refuses a row whose value cells hold two figures one over the other", () => {
    const t = table(
      ["指標", "基準値", "実績値", "単位"],
      ["観光客数<br>宿泊者数", "120<br>35", "130<br>40", "万人<br>千人"],
      ["転入者数", "9,800", "9,850", "人"],
    );
    expect(() => checkJoinedRows(t)).toThrow(/2行目: 2列目「120 \/ 35」など2つのセル/);
  });

  it("passes a wrapped figure, a figure over its year, and one odd cell", () => {
    const t = table(
      ["指標", "基準値", "実績値", "目標値"],
      ["観光消費額", "123,45<br>6", "62.1%<br>(H30)", "10<br>20"],
      ["転入者数", "9,800", "9,850", "10,000"],
    );
    expect(() => checkJoinedRows(t)).not.toThrow();
  });

  it("passes a layout that stacks 目標 over 実績 in every row", () => {
    const t = table(
      ["指標", "R3 目標<br>実績", "R4 目標<br>実績"],
      ["観光客数", "120<br>118", "125<br>130"],
      ["転入者数", "9,800<br>9,700", "9,900<br>9,850"],
    );
    expect(() => checkJoinedRows(t)).not.toThrow();
  });
});

const root = path.join(fixturesDir, "layouts");

/** A table layout's blocks with two full data rows joined cell by cell; null if it has no such pair. */
function joined(name: string): Block[] | null {
  const source = readFileSync(path.join(root, name, "source.md"), "utf8");
  if (source.includes("<!--cards-->")) return null;
  const blocks = parse(source);
  const b = blocks.reduce((a, x) => (x.rows.length > a.rows.length ? x : a));
  // (A row of survey times, 「調査時点 | H26年 | H27年」, dates the figures above it: no data row of its own —
  // joined to them it is a figure over its year, read so: survey-time-rows.ts.)
  const times = (i: number) => b.rows[i]?.cells.some((t) => /^(調査|測定)?時点$/.test(t.trim())) ?? false;
  const full = (i: number) =>
    (b.rows[i]?.cells.filter(Boolean).length ?? 0) >= 3 && !b.rows[i]!.shift && !times(i);
  const k = b.rows.findIndex((_, i) => full(i) && full(i + 1));
  if (k < 0) return null;
  const [x, y] = [b.rows[k]!, b.rows[k + 1]!];
  const cells = x.cells.map((t, i) => [t, y.cells[i] ?? ""].filter(Boolean).join("<br>"));
  b.rows.splice(k, 2, { cells, shift: false });
  return blocks;
}

const layouts = readdirSync(root).filter((n) => existsSync(path.join(root, n, "golden.json")) && joined(n));

describe.each(layouts)("layout %s", (name) => {
  it("refuses its extracted Markdown with two data rows joined cell by cell", async () => {
    const r = await importSheet(new TextEncoder().encode(markdown(joined(name)!, false)), "sheet.md");
    // Refused, by this check or by another the joined cells trip first: never read with exit 0.
    expect(r.ok ? "read" : r.error.code).not.toBe("read");
  });
});
