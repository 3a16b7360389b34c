/** Import: the PDF-table reader (importSheet) against the floor (split into cells only), side by side. */
import { importSheet } from "../src/sheet/index.ts";
import { splitCells } from "./floor.ts";
import { median } from "./stats.ts";

export interface ImportInput {
  label: string;
  fileName: string;
  bytes: Uint8Array;
}

export interface ImportFigure {
  label: string;
  bytes: number;
  kpis: number;
  importer: { mbPerS: number; kpisPerS: number; msPerFile: number };
  floor: { mbPerS: number; kpisPerS: number; msPerFile: number; cells: number };
  ratio: number;
}

/** Repeats `fn` for at least `minMs` (and 3 times); returns ms per call. */
async function perCall(fn: () => unknown, minMs: number): Promise<number> {
  let n = 0;
  const t0 = performance.now();
  let t = t0;
  while (n < 3 || t - t0 < minMs) {
    await fn();
    n++;
    t = performance.now();
  }
  return (t - t0) / n;
}

export async function measureImport(input: ImportInput, runs: number, minMs: number): Promise<ImportFigure> {
  const first = await importSheet(input.bytes, input.fileName);
  if (!first.ok) throw new Error(`the importer refused ${input.label}: ${first.error.message}`);
  const kpis = first.sheet.kpis.length;
  const cells = splitCells(input.bytes).cells;
  const imp: number[] = [];
  const flo: number[] = [];
  // Interleaved, so that both see the same machine.
  for (let r = 0; r < runs; r++) {
    imp.push(await perCall(() => importSheet(input.bytes, input.fileName), minMs));
    flo.push(await perCall(() => splitCells(input.bytes), minMs));
  }
  const mb = input.bytes.length / 1e6;
  const i = median(imp);
  const f = median(flo);
  return {
    label: input.label,
    bytes: input.bytes.length,
    kpis,
    importer: { mbPerS: mb / (i / 1000), kpisPerS: kpis / (i / 1000), msPerFile: i },
    floor: { mbPerS: mb / (f / 1000), kpisPerS: kpis / (f / 1000), msPerFile: f, cells },
    ratio: f / i,
  };
}
