// Excel's 「Unicode テキスト」: UTF-16 little-endian with a BOM, tab-separated (issue 14 point 7).
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { importSheet } from "./index.ts";
import { parseCsv } from "./read-csv.ts";
import { fixturesDir } from "./test-paths.ts";

const utf8 = readFileSync(path.join(fixturesDir, "sheet/minato-2023.utf8-bom.csv"), "utf8");
const tsv = parseCsv(utf8)
  .map((r) => r.map((c) => (/[\t"\n]/.test(c) ? `"${c.replaceAll('"', '""')}"` : c)).join("\t"))
  .join("\r\n");

function utf16(text: string, bigEndian: boolean): Uint8Array {
  const out = new Uint8Array(2 + text.length * 2);
  out.set(bigEndian ? [0xfe, 0xff] : [0xff, 0xfe]);
  for (let i = 0; i < text.length; i++) {
    const u = text.charCodeAt(i);
    out[2 + 2 * i + (bigEndian ? 1 : 0)] = u & 0xff;
    out[2 + 2 * i + (bigEndian ? 0 : 1)] = u >> 8;
  }
  return out;
}

describe("UTF-16 with a BOM", () => {
  it.each([false, true])("reads like the UTF-8 CSV (big-endian: %s)", async (be) => {
    const a = await importSheet(new TextEncoder().encode(utf8), "minato.csv");
    const b = await importSheet(utf16(tsv, be), "minato.txt");
    if (!a.ok || !b.ok) throw new Error(`${!a.ok ? a.error.message : ""} ${!b.ok ? b.error.message : ""}`);
    expect(b.report.format).toBe("csv");
    expect({ ...b.sheet, source: null }).toEqual({ ...a.sheet, source: null });
  });
});
