/** Which format a file is, from its content (the extension is only a hint), and its text. */

import iconv from "iconv-lite";
import { GFM_DELIMITER } from "./read-markdown-table.ts";
import type { ImportFormat } from "./types.ts";
import { NotASheet } from "./types.ts";

const ZIP = [0x50, 0x4b, 0x03, 0x04];
const startsWith = (bytes: Uint8Array, magic: string) =>
  Array.from(magic).every((ch, i) => bytes[i] === ch.charCodeAt(0));

/** UTF-16 with a BOM: Excel's 「Unicode テキスト」 (tab-separated, little-endian). */
const utf16 = (bytes: Uint8Array): "utf-16le" | "utf-16be" | null =>
  bytes[0] === 0xff && bytes[1] === 0xfe
    ? "utf-16le"
    : bytes[0] === 0xfe && bytes[1] === 0xff
      ? "utf-16be"
      : null;

/** UTF-16 with a BOM, UTF-8 (with or without BOM) or, failing that, Shift_JIS (CP932). */
export function decodeText(bytes: Uint8Array): {
  text: string;
  encoding: "utf-8" | "shift_jis" | "utf-16le" | "utf-16be";
} {
  const wide = utf16(bytes);
  if (wide) return { text: new TextDecoder(wide).decode(bytes.subarray(2)), encoding: wide };
  const body = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? bytes.subarray(3) : bytes;
  try {
    return { text: new TextDecoder("utf-8", { fatal: true }).decode(body), encoding: "utf-8" };
  } catch {
    return { text: iconv.decode(Buffer.from(body), "cp932"), encoding: "shift_jis" };
  }
}

function isBinary(bytes: Uint8Array, text: string): boolean {
  if (bytes.includes(0)) return true;
  let control = 0;
  // UTF-16 units, not code points: the characters counted are all in the BMP, and a surrogate is
  // neither (same count, without iterating code points over the whole file).
  for (let i = 0; i < text.length; i++) {
    const cp = text.charCodeAt(i);
    if ((cp < 0x20 && cp !== 0x09 && cp !== 0x0a && cp !== 0x0d) || cp === 0xfffd) control++;
  }
  return control > Math.max(2, text.length * 0.01);
}

export function sniffFormat(
  bytes: Uint8Array,
  fileName: string,
): { format: ImportFormat; text: string | null } {
  const wide = utf16(bytes);
  if (
    bytes.length === 0 ||
    (/^\s*$/.test(wide ? decodeText(bytes).text : new TextDecoder().decode(bytes.subarray(0, 4096))) &&
      bytes.length < 4096)
  )
    throw new NotASheet("empty_input", "ファイルが空です");
  if (ZIP.every((b, i) => bytes[i] === b)) {
    // An OpenDocument file (LibreOffice Calc's .ods) is a ZIP too, its type stored first: exceljs
    // read it as a workbook of no cells, refused as a sheet without column names.
    if (
      new TextDecoder("latin1").decode(bytes.subarray(0, 100)).includes("application/vnd.oasis.opendocument")
    )
      throw new NotASheet(
        "ods_unsupported",
        "OpenDocument 形式 (.ods) は読めません(LibreOffice Calc などで Excel 形式 .xlsx に保存し直してください)",
      );
    return { format: "xlsx", text: null };
  }
  // A PDF's header may follow some junk (the specification allows 1024 bytes).
  if (
    startsWith(bytes, "%PDF") ||
    /%PDF-[12]\.\d/.test(new TextDecoder("latin1").decode(bytes.subarray(0, 1024)))
  )
    return { format: "pdf", text: null };
  if (startsWith(bytes, "\xD0\xCF\x11\xE0"))
    throw new NotASheet(
      "xls_unsupported",
      "旧形式の Excel (.xls) は読めません(.xlsx で保存し直してください)",
    );
  const { text } = decodeText(bytes);
  // UTF-16 has a NUL in every ASCII character: only its decoded text is checked.
  if (isBinary(wide ? new TextEncoder().encode(text) : bytes, text))
    throw new NotASheet("binary_input", "テキストでも Excel (xlsx) でもないバイナリファイルです");
  const t = text.trimStart();
  if (t.startsWith("{") || t.startsWith("[")) return { format: "json", text };
  const lines = text.split(/\r\n|\r|\n/).filter((l) => l.trim() !== "");
  const pipes = lines.filter((l) => l.trim().startsWith("|")).length;
  if (pipes > 0 && pipes >= lines.length * 0.5) return { format: "markdown", text };
  // Markdown as other writers leave it: a table without outer pipes (a GFM delimiter row), or HTML tables.
  if (/<table[\s>]/i.test(text) || lines.some((l) => GFM_DELIMITER.test(l.trim())))
    return { format: "markdown", text };
  const ext = fileName.toLowerCase().split(".").at(-1) ?? "";
  if (ext === "md" || ext === "markdown") return { format: "markdown", text };
  if (/[,\t]/.test(lines[0] ?? "") || ext === "csv" || ext === "tsv") return { format: "csv", text };
  throw new NotASheet(
    "not_a_sheet",
    "表が見つかりません(Markdown の表、CSV、xlsx、sheet/1 JSON のいずれでもありません)",
  );
}
