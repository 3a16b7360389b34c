/**
 * Issue #16 F1: an XLSX zip bomb whose central directory lies about its size (declares 1,000 bytes,
 * inflates to far more) is refused with input_too_large after counting the bytes really inflated,
 * before exceljs inflates it. The 1 GiB version with its memory bound is run by
 * ../shared/checks/hostile-inputs (the CLI under /usr/bin/time).
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { createDeflateRaw } from "node:zlib";
import { describe, expect, it } from "vitest";
import { importSheet } from "./import-sheet.ts";
import { MAX_XLSX_INFLATED_BYTES } from "./input-limits.ts";
import { fixturesDir } from "./test-paths.ts";
import { xlsxOf, zipOf } from "./test-zip.ts";
import { checkZipInflatesWithinLimit } from "./zip-inflate-check.ts";

/** Deflates `head`, `spaceBytes` spaces and `tail` as one raw deflate stream, 1 MiB at a time. */
async function deflatedSpaces(head: string, spaceBytes: number, tail: string): Promise<Buffer> {
  const z = createDeflateRaw({ level: 9 });
  const out: Buffer[] = [];
  z.on("data", (b: Buffer) => out.push(b));
  const done = new Promise((resolve) => z.on("end", resolve));
  z.write(head);
  const mib = Buffer.alloc(1 << 20, 0x20);
  for (let left = spaceBytes; left > 0; left -= mib.length)
    z.write(left >= mib.length ? mib : mib.subarray(0, left));
  z.end(tail);
  await done;
  return Buffer.concat(out);
}

/** Replaces the last entry of a zipOf() zip (the worksheet) by `deflated`, declaring `declared` bytes. */
function withLyingSheet(zip: Uint8Array, deflated: Buffer, declared: number): Uint8Array {
  // Rebuild by hand: same first entries, then the lying worksheet entry.
  const buf = Buffer.from(zip);
  const eocd = buf.length - 22;
  const cdOffset = buf.readUInt32LE(eocd + 16);
  const count = buf.readUInt16LE(eocd + 10);
  let at = cdOffset;
  const centrals: Buffer[] = [];
  for (let n = 0; n < count; n++) {
    const len = 46 + buf.readUInt16LE(at + 28) + buf.readUInt16LE(at + 30) + buf.readUInt16LE(at + 32);
    centrals.push(Buffer.from(buf.subarray(at, at + len)));
    at += len;
  }
  const last = centrals.pop()!;
  const lastOffset = last.readUInt32LE(42);
  const name = last.subarray(46, 46 + last.readUInt16LE(28));
  const local = Buffer.from(buf.subarray(lastOffset, lastOffset + 30));
  local.writeUInt32LE(deflated.length, 18);
  local.writeUInt32LE(declared, 22);
  last.writeUInt32LE(deflated.length, 20);
  last.writeUInt32LE(declared, 24);
  const body = Buffer.concat([buf.subarray(0, lastOffset), local, name, deflated]);
  const cd = Buffer.concat([...centrals, last]);
  const end = Buffer.from(buf.subarray(eocd));
  end.writeUInt32LE(cd.length, 12);
  end.writeUInt32LE(body.length, 16);
  return new Uint8Array(Buffer.concat([body, cd, end]));
}

const SHEET_HEAD =
  '<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>指標名</t></is></c></row>';
const SHEET_TAIL = "</sheetData></worksheet>";

describe("zip bomb that lies about its size (F1)", () => {
  it("an XLSX declaring 1,000 bytes that inflates past the limit is refused with input_too_large", async () => {
    const deflated = await deflatedSpaces(SHEET_HEAD, MAX_XLSX_INFLATED_BYTES + (8 << 20), SHEET_TAIL);
    const bomb = withLyingSheet(xlsxOf(""), deflated, 1000);
    expect(bomb.length).toBeLessThan(200_000);
    const r = await importSheet(bomb, "bomb.xlsx");
    expect(r).toMatchObject({ ok: false, error: { code: "input_too_large" } });
  });

  it("an entry that inflates past the size it declares is refused even when small", async () => {
    const deflated = await deflatedSpaces(SHEET_HEAD, 5_000, SHEET_TAIL);
    const lying = withLyingSheet(xlsxOf(""), deflated, 1000);
    expect(() => checkZipInflatesWithinLimit(lying)).toThrow(/上限/);
  });

  it("a zip whose directory does not parse is refused, not handed to a more lenient reader", () => {
    const good = xlsxOf("");
    const shifted = new Uint8Array(Buffer.concat([Buffer.from("junk"), Buffer.from(good)]));
    expect(() => checkZipInflatesWithinLimit(shifted)).toThrow(/xlsx ファイルを読めません/);
  });

  it("honest workbooks pass: our fixture and a zip of exactly the declared sizes", async () => {
    checkZipInflatesWithinLimit(readFileSync(path.join(fixturesDir, "sheet/minato-2023.xlsx")));
    checkZipInflatesWithinLimit(zipOf([["a.xml", Buffer.alloc(100_000, 0x20)]]));
    const r = await importSheet(readFileSync(path.join(fixturesDir, "sheet/minato-2023.xlsx")), "m.xlsx");
    expect(r.ok).toBe(true);
  });
});
