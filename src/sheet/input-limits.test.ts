import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { importSheet } from "./index.ts";
import { checkZipInflatedSize, MAX_IMPORT_BYTES, MAX_ROWS } from "./input-limits.ts";

describe("input limits", () => {
  it("refuses a file over MAX_IMPORT_BYTES before reading it", async () => {
    const r = await importSheet(new Uint8Array(MAX_IMPORT_BYTES + 1), "huge.md");
    expect(r).toMatchObject({ ok: false, error: { code: "input_too_large" } });
  });

  it("refuses a table of more than MAX_ROWS rows", async () => {
    const text = `大基本目標,指標名\n${"1 まち,指標\n".repeat(MAX_ROWS + 1)}`;
    const r = await importSheet(new TextEncoder().encode(text), "rows.csv");
    expect(r).toMatchObject({ ok: false, error: { code: "input_too_large" } });
  });

  it("refuses an XLSX with a cell at the far corner of the grid, without walking the grid", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("s");
    ws.getCell("A1").value = "指標名";
    ws.getCell("XFD1048576").value = "x";
    const bytes = new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
    const r = await importSheet(bytes, "far.xlsx");
    expect(r).toMatchObject({ ok: false, error: { code: "input_too_large" } });
  });

  it("reads a zip's declared sizes from its central directory and refuses a bomb", () => {
    // One central-directory entry declaring 4 GiB uncompressed, then the end record.
    const central = Buffer.alloc(46 + 1);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt32LE(0xffffffff, 24);
    central.writeUInt16LE(1, 28);
    const end = Buffer.alloc(22);
    end.writeUInt32LE(0x06054b50, 0);
    end.writeUInt16LE(1, 10);
    end.writeUInt32LE(central.length, 12);
    end.writeUInt32LE(0, 16);
    expect(() => checkZipInflatedSize(new Uint8Array(Buffer.concat([central, end])))).toThrow(/展開後/);
    expect(() => checkZipInflatedSize(new Uint8Array([1, 2, 3]))).not.toThrow();
  });
});
