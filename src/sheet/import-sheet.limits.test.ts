/**
 * Limits (issue #9): very large inputs are refused with input_too_large (src/sheet/input-limits.ts),
 * or imported without crashing and without losing anything.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { importSheet } from "./import-sheet.ts";
import { MAX_CELL_CHARS, MAX_IMPORT_BYTES, MAX_ROWS, MAX_XLSX_INFLATED_BYTES } from "./input-limits.ts";
import { fixturesDir } from "./test-paths.ts";
import { xlsxCell, xlsxOf } from "./test-zip.ts";

const HANG_GUARD_MS = 20_000; // not a speed assertion: a hang guard far above normal
const header = readFileSync(path.join(fixturesDir, "sheet/minato-2023.utf8-bom.csv"), "utf8")
  .replace(/^\uFEFF/, "")
  .split(/\r?\n/, 1)[0]!;
const row = (i: number, status = "窓口での相談を受けた。") =>
  `1 まち,1 しごと,① 施策,取組,${status},指標${i},120件,98件,150件,進捗の遅れ,理由,課題,方策,企画課`;
const csv = (rows: string[]) => new TextEncoder().encode(`${header}\n${rows.join("\n")}\n`);

async function timed<T>(p: Promise<T>): Promise<T> {
  const started = Date.now();
  const r = await p;
  expect(Date.now() - started).toBeLessThan(HANG_GUARD_MS);
  return r;
}

describe("importer limits", () => {
  it("a cell just under MAX_CELL_CHARS is imported whole, nothing cut silently", async () => {
    const big = "市内の事業者を支援した。".repeat(Math.floor((MAX_CELL_CHARS - 1) / 12));
    expect(big.length).toBeGreaterThan(MAX_CELL_CHARS - 12);
    const r = await timed(importSheet(csv([row(1, big)]), "big-cell.csv"));
    if (!r.ok) throw new Error(r.error.message);
    expect(r.report.cells.used + r.report.cells.dropped.length).toBe(r.report.cells.total);
    expect(r.sheet.kpis[0]!.status).toBe(big);
  });

  it("a 1 MB cell is refused with input_too_large, naming its row and column", async () => {
    const r = await timed(
      importSheet(csv([row(1, "市内の事業者を支援した。".repeat(80_000))]), "huge-cell.csv"),
    );
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.code).toBe("input_too_large");
    expect(r.error.message).toContain("2行目 5列目");
  });

  it("a long value cell is kept as text, not read digit by digit", async () => {
    const r = await timed(
      importSheet(csv([row(1).replace("98件", "9".repeat(MAX_CELL_CHARS - 10))]), "v.csv"),
    );
    if (!r.ok) throw new Error(r.error.message);
    expect(r.sheet.kpis[0]!.actual.kind).toBe("text");
  });

  it("10,000 rows import, every cell accounted for", async () => {
    const r = await timed(importSheet(csv(Array.from({ length: 10_000 }, (_, i) => row(i))), "rows.csv"));
    if (!r.ok) throw new Error(r.error.message);
    expect(r.sheet.kpis).toHaveLength(10_000);
    expect(r.report.cells.used + r.report.cells.dropped.length).toBe(r.report.cells.total);
  });

  it("an XLSX with one far cell (XFD10, a 1.5 KB file) resolves (bounded case of the far-cell bomb)", async () => {
    const bytes = xlsxOf(
      `<row r="1">${xlsxCell("A1", "指標名")}</row><row r="10">${xlsxCell("XFD10", "x")}</row>`,
    );
    expect(bytes.length).toBeLessThan(4_000);
    const r = await timed(importSheet(bytes, "far.xlsx"));
    expect(r.ok).toBe(false);
  });

  it("a compressed XLSX (20,000 rows, ~1.4 MB of XML in a ~100 KB zip) resolves", async () => {
    const rows = Array.from(
      { length: 20_000 },
      (_, i) => `<row r="${i + 1}">${xlsxCell(`A${i + 1}`, "x")}</row>`,
    );
    const bytes = xlsxOf(rows.join(""));
    const r = await timed(importSheet(bytes, "bomb.xlsx"));
    expect(r.ok).toBe(false);
  });

  it("an XLSX with one cell at XFD1048576 (a 1.5 KB file) is refused with input_too_large at once", async () => {
    const bytes = xlsxOf(
      `<row r="1">${xlsxCell("A1", "指標名")}</row><row r="1048576">${xlsxCell("XFD1048576", "x")}</row>`,
    );
    const r = await timed(importSheet(bytes, "far.xlsx"));
    expect(r.ok ? "ok" : r.error.code).toBe("input_too_large");
  });

  it("a zip whose central directory declares more than MAX_XLSX_INFLATED_BYTES is refused before inflating", async () => {
    const bytes = xlsxOf(`<row r="1">${xlsxCell("A1", "x")}</row>`);
    // Claim a huge uncompressed size for the last entry (the check must not need to inflate).
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    const eocd = bytes.length - 22;
    let at = view.getUint32(eocd + 16, true);
    const entries = view.getUint16(eocd + 10, true);
    for (let n = 0; n < entries - 1; n++)
      at +=
        46 + view.getUint16(at + 28, true) + view.getUint16(at + 30, true) + view.getUint16(at + 32, true);
    view.setUint32(at + 24, MAX_XLSX_INFLATED_BYTES + 1, true);
    const r = await timed(importSheet(bytes, "bomb.xlsx"));
    expect(r.ok ? "ok" : r.error.code).toBe("input_too_large");
  });

  it("a table of 100,000 rows is refused with input_too_large, naming the limit", async () => {
    const r = await timed(importSheet(csv(Array.from({ length: 100_000 }, (_, i) => row(i))), "rows.csv"));
    expect(r.ok ? "ok" : r.error.code).toBe("input_too_large");
    if (!r.ok) expect(r.error.message).toContain(String(MAX_ROWS));
  });

  it("an input over MAX_IMPORT_BYTES is refused with input_too_large before it is read", async () => {
    const r = await timed(importSheet(new Uint8Array(MAX_IMPORT_BYTES + 1).fill(0x41), "huge.csv"));
    expect(r.ok ? "ok" : r.error.code).toBe("input_too_large");
  });
});
