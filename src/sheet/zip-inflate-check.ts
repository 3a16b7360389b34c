/**
 * Inflates every entry of an XLSX zip with a byte counter before exceljs sees it, so that a zip
 * bomb which lies about its size in its directory is stopped after MAX_XLSX_INFLATED_BYTES of
 * real output, not after gigabytes. The declared sizes are only hints: each entry is inflated with
 * zlib's own output cap (it stops inflating as soon as the cap is passed, holding at most the cap).
 *
 * The walk reads the zip the way exceljs's reader (JSZip) does: the end-of-central-directory record
 * found from the end, the central directory at the offset it names, each entry's data after its
 * local header. Anything that does not parse that way is refused rather than left to a more lenient
 * reader, so what exceljs inflates afterwards is exactly what was counted here.
 */
import { inflateRawSync } from "node:zlib";
import { MAX_XLSX_INFLATED_BYTES } from "./input-limits.ts";
import { NotASheet } from "./types.ts";

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
const STORED = 0;
const DEFLATED = 8;
const ZIP64_MARK = 0xffffffff;

const mib = (n: number) => `${Math.round(n / 1024 / 1024)} MiB`;
const unreadable = (why: string) => new NotASheet("xlsx_unreadable", `xlsx ファイルを読めません: ${why}`);
const tooLarge = () =>
  new NotASheet("input_too_large", `xlsx の展開後の大きさが上限(${mib(MAX_XLSX_INFLATED_BYTES)})を超えます`);

interface Entry {
  method: number;
  compressedSize: number;
  declaredSize: number;
  localOffset: number;
}

/** The zip64 extended-information extra field replaces the 32-bit fields that hold 0xffffffff. */
function applyZip64(view: DataView, extraStart: number, extraEnd: number, e: Entry): void {
  let at = extraStart;
  while (at + 4 <= extraEnd) {
    const id = view.getUint16(at, true);
    const size = view.getUint16(at + 2, true);
    if (id === 0x0001) {
      let p = at + 4;
      const next = () => {
        if (p + 8 > at + 4 + size) throw unreadable("zip64 の拡張情報が壊れています");
        const v = Number(view.getBigUint64(p, true));
        p += 8;
        return v;
      };
      if (e.declaredSize === ZIP64_MARK) e.declaredSize = next();
      if (e.compressedSize === ZIP64_MARK) e.compressedSize = next();
      if (e.localOffset === ZIP64_MARK) e.localOffset = next();
      return;
    }
    at += 4 + size;
  }
}

function readEntries(bytes: Uint8Array, view: DataView): Entry[] {
  const min = Math.max(0, bytes.length - 22 - 0xffff);
  let eocd = -1;
  for (let i = bytes.length - 22; i >= min; i--)
    if (view.getUint32(i, true) === EOCD) {
      eocd = i;
      break;
    }
  if (eocd < 0) throw unreadable("zip の目次がありません");
  const count = view.getUint16(eocd + 10, true);
  let at = view.getUint32(eocd + 16, true);
  if (count === 0xffff || at === ZIP64_MARK) throw unreadable("zip64 形式の目次には対応していません");
  const entries: Entry[] = [];
  for (let n = 0; n < count; n++) {
    if (at + 46 > bytes.length || view.getUint32(at, true) !== CENTRAL)
      throw unreadable("zip の目次が壊れています");
    const nameLength = view.getUint16(at + 28, true);
    const extraLength = view.getUint16(at + 30, true);
    const commentLength = view.getUint16(at + 32, true);
    const entry: Entry = {
      method: view.getUint16(at + 10, true),
      compressedSize: view.getUint32(at + 20, true),
      declaredSize: view.getUint32(at + 24, true),
      localOffset: view.getUint32(at + 42, true),
    };
    const extraStart = at + 46 + nameLength;
    if (extraStart + extraLength > bytes.length) throw unreadable("zip の目次が壊れています");
    applyZip64(view, extraStart, extraStart + extraLength, entry);
    entries.push(entry);
    at = extraStart + extraLength + commentLength;
  }
  return entries;
}

/** The compressed bytes of one entry, located through its local header as JSZip does. */
function dataOf(bytes: Uint8Array, view: DataView, e: Entry): Uint8Array {
  const at = e.localOffset;
  if (at + 30 > bytes.length || view.getUint32(at, true) !== LOCAL)
    throw unreadable("zip の項目が壊れています");
  const start = at + 30 + view.getUint16(at + 26, true) + view.getUint16(at + 28, true);
  if (start + e.compressedSize > bytes.length) throw unreadable("zip の項目が途中で切れています");
  return bytes.subarray(start, start + e.compressedSize);
}

/**
 * Refuses (input_too_large) a zip whose entries really inflate to more than MAX_XLSX_INFLATED_BYTES
 * in total, or an entry that inflates past the size it declares; refuses (xlsx_unreadable) a zip
 * that cannot be walked. Peak memory is one entry's output, at most the remaining budget.
 */
export function checkZipInflatesWithinLimit(bytes: Uint8Array): void {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let total = 0;
  for (const e of readEntries(bytes, view)) {
    const data = dataOf(bytes, view, e);
    const budget = MAX_XLSX_INFLATED_BYTES - total;
    if (e.method === STORED) {
      total += data.length;
      if (total > MAX_XLSX_INFLATED_BYTES) throw tooLarge();
      continue;
    }
    if (e.method !== DEFLATED) throw unreadable(`未対応の圧縮方式です(${e.method})`);
    // One byte over the declared size is enough to know the directory lied.
    const cap = Math.min(budget, e.declaredSize) + 1;
    let real: number;
    try {
      real = inflateRawSync(data, { maxOutputLength: cap }).length;
    } catch (err) {
      if ((err as { code?: string }).code === "ERR_BUFFER_TOO_LARGE") throw tooLarge();
      throw unreadable("圧縮データが壊れています");
    }
    if (real >= cap) throw tooLarge();
    total += real;
  }
}
