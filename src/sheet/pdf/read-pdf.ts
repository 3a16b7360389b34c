/**
 * A published PDF → the source table the other readers produce: every ruled table row with its
 * cell texts (in page order, tables continued across pages kept as one block), the free lines
 * (titles, page numbers, legends) as text outside the table, and where each row and cell was
 * printed. pdfjs is loaded only here, when a PDF is imported, and pages are read one at a time
 * and released, so memory does not grow with the page count.
 */
import { checkRowCount } from "../input-limits.ts";
import { NotASheet, type SourceLocation, type SourceRow, type SourceTable } from "../types.ts";
import { UnsureRow } from "./aligned-rows.ts";
import { readPageContent, type TextRun } from "./page-content.ts";
import { type PageLine, type PageRow, readPageTable } from "./page-table.ts";
import { headerToDrop, repeatedHeader } from "./repeated-header.ts";
import { type JoinedRow, joinSplitColumns, type PrintedPage } from "./split-columns.ts";
import { joinSplitRows } from "./split-rows.ts";
import { joinWrappedLines } from "./wrapped-lines.ts";

/** More pages than any evaluation sheet has; a document declaring more is refused before reading. */
export const MAX_PDF_PAGES = 2000;
const PAGES_PER_OPENING = 25;

export interface PdfTable extends SourceTable {
  locations: SourceLocation[];
  pages: number;
}

type Pdfjs = typeof import("pdfjs-dist/legacy/build/pdf.mjs");
let pdfjs: Promise<Pdfjs> | null = null;
/**
 * pdfjs and its worker's handler, loaded once and run in this thread (the "fake worker", found on
 * globalThis.pdfjsWorker instead of imported per document). The legacy build's core-js replaces
 * Array.prototype.push for the whole process (Node 20 fails its check for arrays longer than 2³²
 * elements, which no PDF has): ten times slower, and a third of a PDF's reading was spent in it, as
 * was every push of the importer after it. The engine's own push is put back.
 */
const loadPdfjs = () => {
  pdfjs ??= (async () => {
    const push = Array.prototype.push;
    try {
      const api = await import("pdfjs-dist/legacy/build/pdf.mjs");
      const holder = globalThis as { pdfjsWorker?: unknown };
      // (no type declarations ship for the worker's module: named by a variable)
      const worker = "pdfjs-dist/legacy/build/pdf.worker.mjs";
      holder.pdfjsWorker ??= await import(worker);
      return api;
    } finally {
      if (Array.prototype.push !== push)
        Object.defineProperty(Array.prototype, "push", {
          value: push,
          writable: true,
          configurable: true,
          enumerable: false,
        });
    }
  })();
  return pdfjs;
};

/** pdfjs's own folders (character maps for fonts that are not embedded, standard font metrics). */
async function dataFolders(): Promise<{ cMapUrl: string; standardFontDataUrl: string }> {
  const { createRequire } = await import("node:module");
  const { dirname, join } = await import("node:path");
  const root = dirname(createRequire(import.meta.url).resolve("pdfjs-dist/package.json"));
  return { cMapUrl: `${join(root, "cmaps")}/`, standardFontDataUrl: `${join(root, "standard_fonts")}/` };
}

/** Points (1/72 inch) as whole millimetres, for a message that names a place on the page. */
const mm = (pt: number) => Math.round((pt * 25.4) / 72);

const oneLine = (e: unknown) =>
  String((e as Error)?.message ?? e)
    .split("\n")[0]!
    .slice(0, 200);

/** Column boundaries within this of each other are the same columns (ruled: exact; aligned: from text). */
const sameColumns = (a: readonly number[], b: readonly number[], ruled: boolean) =>
  a.length === b.length && a.every((x, i) => Math.abs(x - b[i]!) < (ruled ? 2 : 8));

/** Text that can label a row (a number cannot). */
const LABEL = /[^\d\s.,%\-−▲△()]/;

/**
 * Whether a page's table is the form of the block before printed again (a card per page, same
 * columns): three or more of its distinct row labels, and half of them, begin rows of that block.
 * A table going on down the page repeats its column names, and the group it was in, only.
 */
function formAgain(
  blockLabels: ReadonlySet<string>,
  items: readonly { kind: string; cells?: string[] }[],
): boolean {
  const firsts = new Set(
    items.flatMap((i) => (i.kind === "row" && i.cells?.[0] && LABEL.test(i.cells[0]) ? [i.cells[0]] : [])),
  );
  const repeated = [...firsts].filter((c) => blockLabels.has(c)).length;
  return repeated >= 3 && repeated * 2 >= firsts.size;
}

/**
 * A table cut by the paper's edge (page-table.ts `edge`) with no part of it printed on another page:
 * a table pasted into a document wider than the page. What lay past the edge was never printed, and
 * a cell cut there would read short (a department's 担当課 column read empty with exit 0): refused.
 */
function checkNotCut(pages: readonly { page: number; items: readonly (JoinedRow | PageLine)[] }[]): void {
  for (const { page, items } of pages) {
    const cut = items.find(
      (i): i is JoinedRow => i.kind === "row" && i.edge !== undefined && i.pages.every((p) => p === page),
    );
    if (cut)
      throw new NotASheet(
        "pdf_table_cut",
        `PDF の ${page} ページ目: 表が用紙の${cut.edge === "left" ? "左" : "右"}端で切れています(用紙からはみ出した列は印刷されていません)。表が用紙に収まるように(横向き、表の幅をページに合わせる)PDF を作り直すか、xlsx・CSV で取り込んでください`,
      );
  }
}

/**
 * The worker's old-generation heap (MB): the 200 pages of bench/pdf-import.ts read within 128 MB in
 * one process (importer included); what a hostile file needs beyond this ends the read, not Sosei.
 * SOSEI_PDF_HEAP_MB sets another limit.
 */
const WORKER_HEAP_MB = Number(process.env.SOSEI_PDF_HEAP_MB) || 256;

/**
 * readPdfTableHere in a worker thread with a heap limit, when Sosei runs from its bundle (dist/cli,
 * where the worker's own entry sits beside this code): pdfjs's transient garbage (fonts converted,
 * a Type 3 font's glyphs parsed into operator lists) then stays inside the worker's bounded heap, and
 * a file that needs more ends in a one-line error. From the TypeScript source (tests, tsx) there is
 * no such file and the PDF is read in this thread.
 */
export async function readPdfTable(bytes: Uint8Array): Promise<PdfTable> {
  const { existsSync } = await import("node:fs");
  const entry = new URL("./read-pdf-worker.js", import.meta.url);
  if (!existsSync(entry)) return readPdfTableHere(bytes);
  const { Worker } = await import("node:worker_threads");
  const copy = new Uint8Array(bytes);
  const worker = new Worker(entry, {
    workerData: copy,
    transferList: [copy.buffer],
    resourceLimits: { maxOldGenerationSizeMb: WORKER_HEAP_MB },
    stdout: false,
    stderr: false,
  });
  try {
    const reply = await new Promise<WorkerReply>((resolve, reject) => {
      worker.once("message", resolve);
      worker.once("error", reject);
      worker.once("exit", (code) => reject(new Error(`PDF reader exited (${code})`)));
    });
    if ("table" in reply) return reply.table;
    throw new NotASheet(reply.code, reply.message);
  } catch (e) {
    if (e instanceof NotASheet) throw e;
    if ((e as { code?: string })?.code === "ERR_WORKER_OUT_OF_MEMORY")
      throw new NotASheet(
        "input_too_large",
        `PDF を読むのに必要なメモリが上限(${WORKER_HEAP_MB} MB)を超えました。ページを分けるか、xlsx・CSV で取り込んでください`,
      );
    throw new NotASheet("pdf_unreadable", `PDF を読めません: ${oneLine(e)}`);
  } finally {
    await worker.terminate();
  }
}

/** What the worker (read-pdf-worker.ts) answers. */
export type WorkerReply = { table: PdfTable } | { code: string; message: string };

/** Reads in progress that hide DecompressionStream, and what they hid. */
let hiding = 0;
let hidden: PropertyDescriptor | undefined;

/**
 * Hides the global DecompressionStream while a PDF is read, and gives a function that shows it again.
 * pdfjs inflates every Flate stream through it when there is one: a web stream over zlib for each
 * stream, and Chromium's prints have one per glyph (Type 3 fonts, thousands per file). Without it,
 * pdfjs inflates in place, which reads Chromium's prints in less than half the CPU and the others in
 * the same. Code that looks for it (PGlite) uses node:zlib meanwhile.
 */
function hideDecompressionStream(): () => void {
  if (hiding++ === 0) {
    hidden = Object.getOwnPropertyDescriptor(globalThis, "DecompressionStream");
    if (hidden?.configurable) Reflect.deleteProperty(globalThis, "DecompressionStream");
    else hidden = undefined;
  }
  return () => {
    if (--hiding === 0 && hidden) Object.defineProperty(globalThis, "DecompressionStream", hidden);
  };
}

/** Reads the PDF in this thread (see readPdfTable). */
export async function readPdfTableHere(bytes: Uint8Array): Promise<PdfTable> {
  const show = hideDecompressionStream();
  try {
    return await readDocument(bytes);
  } finally {
    show();
  }
}

/** Where a table row was printed: its page, and each non-empty cell's box (with its own page). */
const locate = (row: number, page: number, item: JoinedRow): SourceLocation => ({
  row,
  page,
  cells: item.boxes.flatMap((b, column) => {
    if (!b) return [];
    const on = item.pages[column]!;
    const box = { column, x: b.x0, y: b.y0, width: b.x1 - b.x0, height: b.y1 - b.y0 };
    return [on === page ? box : { ...box, page: on }];
  }),
});

async function readDocument(bytes: Uint8Array): Promise<PdfTable> {
  const { getDocument } = await loadPdfjs();
  const folders = await dataFolders();
  const open = async () => {
    // pdfjs takes ownership of the buffer it is given: hand it a copy.
    const task = getDocument({
      data: new Uint8Array(bytes),
      ...folders,
      isEvalSupported: false,
      disableFontFace: true,
      useSystemFonts: false,
      stopAtErrors: false,
      verbosity: 0,
    });
    try {
      return await task.promise;
    } catch (e) {
      await task.destroy();
      if ((e as Error)?.name === "PasswordException")
        throw new NotASheet(
          "pdf_encrypted",
          "パスワードで保護された PDF は読めません(保護を外して保存し直してください)",
        );
      throw new NotASheet(
        "pdf_unreadable",
        `PDF として読めません(壊れているか PDF ではありません): ${oneLine(e)}`,
      );
    }
  };
  let doc = await open();
  try {
    // A word processor's PDF (Writer, Word) sets Japanese and Latin apart by itself (cell-text.ts).
    const creator = String(
      ((await doc.getMetadata()).info as { Creator?: unknown } | undefined)?.Creator ?? "",
    );
    const autospaced = /\bWriter\b|\bWord\b/i.test(creator);
    if (doc.numPages > MAX_PDF_PAGES)
      throw new NotASheet(
        "input_too_large",
        `PDF のページ数が多すぎます(${doc.numPages} ページ、上限 ${MAX_PDF_PAGES} ページ)`,
      );
    const rows: SourceRow[] = [];
    const outside: SourceTable["outside"] = [];
    const locations: SourceLocation[] = [];
    let n = 0;
    let glyphs = 0;
    let unreadable = 0;
    let imagePages = 0;
    let block = 0;
    let lastColumns: number[] | null = null;
    let tableRows = 0;
    const printed: PrintedPage[] = [];
    const pageCount = doc.numPages;
    for (let p = 1; p <= pageCount; p++) {
      // pdfjs keeps every font it parsed until the document is closed: reopening it every few dozen
      // pages bounds memory by what those pages use, not by the document's length.
      if (p % PAGES_PER_OPENING === 1 && p > 1) {
        await doc.destroy();
        doc = await open();
      }
      let items: (PageRow | PageLine)[];
      let clipped: TextRun[];
      try {
        const page = await doc.getPage(p);
        const content = await readPageContent(page, { autospaced });
        page.cleanup();
        glyphs += content.glyphs;
        unreadable += content.unreadable;
        if (content.glyphs === 0 && content.imageArea > content.width * content.height * 0.3) imagePages++;
        items = readPageTable(content);
        clipped = content.clipped;
      } catch (e) {
        if (e instanceof NotASheet) throw e;
        if (e instanceof UnsureRow)
          throw new NotASheet(
            "pdf_ambiguous_grid",
            e.kind === "label"
              ? `PDF の ${p} ページ目、上から ${mm(e.y)} mm・左から ${mm(e.x)} mm の見出し「${e.text.slice(0, 30)}」: 罫線のない表で、この見出しがどの行のものかを決められません(上揃えでないセルを結合すると、見出しは範囲の下端や中央に印刷されます)。罫線付きで PDF にするか、xlsx・CSV で取り込んでください`
              : `PDF の ${p} ページ目、上から ${mm(e.y)} mm・左から ${mm(e.x)} mm の行「${e.text.slice(0, 30)}」: 罫線のない表で、この行が上の行の続き(セル内の改行)か新しい行かを決められません。罫線付きで PDF にするか、xlsx・CSV で取り込んでください`,
          );
        throw new NotASheet("pdf_unreadable", `PDF の ${p} ページ目を読めません: ${oneLine(e)}`);
      }
      tableRows += items.filter((i) => i.kind === "row").length;
      checkRowCount(tableRows);
      printed.push({ page: p, items, clipped });
    }
    if (glyphs === 0)
      throw new NotASheet(
        "pdf_no_text",
        imagePages > 0
          ? "この PDF には文字がありません(スキャンした画像だけの PDF です)。文字認識 (OCR) には対応していません。元の Excel / Word か、文字を選択できる PDF を使ってください"
          : "この PDF には文字がありません。元の Excel / Word か、文字を選択できる PDF を使ってください",
      );
    if (unreadable > glyphs * 0.05)
      throw new NotASheet(
        "pdf_unreadable_text",
        `この PDF の文字を読めません(${unreadable} / ${glyphs} 文字に文字コードの対応がありません。フォントに ToUnicode がない PDF です)。元の Excel / Word から PDF を作り直すか、xlsx・CSV で取り込んでください`,
      );
    // A sheet printed with its columns over several pages: the parts joined into rows first.
    // The first cells of the current block's rows, to tell one form printed again (a card per page).
    let blockLabels = new Set<string>();
    const columnParts = joinSplitColumns(printed);
    checkNotCut(columnParts);
    // Rows a word processor split over a page break (split-rows.ts), joined back.
    const parts = autospaced ? joinSplitRows(columnParts, repeatedHeader(columnParts).header) : columnParts;
    // Printed in parts (a row's cells on other pages): lines are cut at the page edge, not wrapped.
    const split = parts.some((pg) =>
      pg.items.some((i) => i.kind === "row" && i.pages.some((x) => x !== pg.page)),
    );
    const joined = split ? parts : parts.map((pg) => ({ ...pg, items: joinWrappedLines(pg.items) }));
    // The header the print repeats on each page, and whether other column names were printed since
    // it was last (the page then goes on inside another group of the table).
    const { header, columnNames } = repeatedHeader(joined);
    let otherNamesSince = false;
    const printedAgain: { row: number; text: string }[] = [];
    for (const { page: p, items } of joined) {
      // On this page: a table row was seen, then a free line (text between two tables).
      let rowSeen = false;
      let lineAfterRow = false;
      const again = formAgain(blockLabels, items);
      const dropped = otherNamesSince
        ? headerToDrop(
            items,
            header,
            (first) =>
              first.kind === "row" &&
              lastColumns !== null &&
              !again &&
              sameColumns(lastColumns, first.columns, first.ruled),
          )
        : new Set();
      for (const item of items) {
        if (item.kind === "row" && item.cells.every((c) => c === "")) continue;
        n++;
        if (item.kind === "row" && dropped.has(item)) {
          for (const text of item.cells) if (text !== "") printedAgain.push({ row: n, text });
          locations.push(locate(n, p, item));
          continue;
        }
        if (item.kind === "row") {
          const k = item.cells.join("\t");
          if (k === header[0]) otherNamesSince = false;
          else if (columnNames.has(k) && !header.includes(k)) otherNamesSince = true;
        }
        if (item.kind === "line") {
          outside.push({ row: n, text: item.text });
          const b = item.box;
          locations.push({
            row: n,
            page: p,
            cells: [{ column: 0, x: b.x0, y: b.y0, width: b.x1 - b.x0, height: b.y1 - b.y0 }],
          });
          lineAfterRow = rowSeen;
          continue;
        }
        // A new block for each table, except a table that goes on with the same columns on the
        // next page (the page number and title between the two parts do not end it).
        const continued =
          lastColumns !== null && sameColumns(lastColumns, item.columns, item.ruled) && !(again && !rowSeen);
        if (!continued || lineAfterRow) {
          block++;
          blockLabels = new Set();
        }
        blockLabels.add(item.cells[0] ?? "");
        lastColumns = item.columns;
        rowSeen = true;
        lineAfterRow = false;
        rows.push({ row: n, cells: item.cells, block });
        locations.push(locate(n, p, item));
      }
    }
    return {
      rows,
      outside,
      locations,
      pages: pageCount,
      ...(printedAgain.length > 0 ? { printedAgain } : {}),
    };
  } finally {
    await doc.destroy();
  }
}
