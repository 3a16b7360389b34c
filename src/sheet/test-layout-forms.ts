/**
 * A layout fixture's printed forms from its clean source (fixtures/layouts/<name>/source.md), for
 * scripts/build-layout-fixtures.ts (which writes them) and the tests that build them from a variant:
 * - `markdown`: as a PDF extractor leaves it — the header repeated after every 4 data rows (a page
 *   break), long text cells wrapped with <br> every 12 characters, and the row marked `<!--shift-->`
 *   printed with its first empty cell lost (one column to the left);
 * - `csv`: the city's worksheet saved as CSV by Excel (below);
 * - `xlsx`: as the city's Excel file — the title row merged across the table, the hierarchy merged
 *   down over its rows, numbers typed (3桁区切り, %, decimals), legends below the table; a source of
 *   several blank-line-separated tables (cards) becomes one worksheet per card.
 */
import { stringify } from "csv-stringify/sync";
import ExcelJS from "exceljs";

const split = (line: string) =>
  line
    .trim()
    .replace(/^\||\|$/g, "")
    .split("|")
    .map((c) => c.trim());
const isSep = (cells: string[]) => cells.every((c) => /^:?-*:?$/.test(c));

export interface Block {
  before: string[];
  header: string[][];
  rows: { cells: string[]; shift: boolean }[];
  after: string[];
}

/** Parses source.md into blocks: prose before, header rows (up to the separator), data rows, prose after. */
export function parse(text: string): Block[] {
  const blocks: Block[] = [];
  let cur: Block = { before: [], header: [], rows: [], after: [] };
  let state: "before" | "header" | "rows" = "before";
  for (const raw of text.split("\n")) {
    const line = raw.trimEnd();
    if (line.startsWith("|")) {
      if (state === "rows" && cur.after.length > 0) {
        blocks.push(cur);
        cur = { before: cur.after, header: [], rows: [], after: [] };
        state = "before";
      }
      const shift = line.includes("<!--shift-->");
      const cells = split(line.replace("<!--shift-->", ""));
      if (state === "before") state = "header";
      if (state === "header") {
        if (isSep(cells)) state = "rows";
        else cur.header.push(cells);
      } else cur.rows.push({ cells, shift });
    } else if (line.trim() !== "" && !line.trim().startsWith("<!--")) {
      if (state === "before") cur.before.push(line.trim());
      else cur.after.push(line.trim());
    } else if (state === "rows" && cur.rows.length > 0 && cur.after.length === 0) {
      blocks.push(cur);
      cur = { before: [], header: [], rows: [], after: [] };
      state = "before";
    }
  }
  if (cur.header.length > 0 || cur.rows.length > 0) blocks.push(cur);
  else if (cur.before.length > 0 && blocks.length > 0) blocks.at(-1)!.after.push(...cur.before);
  return blocks;
}

// Line breaks already in the source (`<br>`) are kept; each line is wrapped on its own.
const wrap = (t: string): string => {
  if (t.includes("<br>")) return t.split("<br>").map(wrap).join("<br>");
  if ([...t].length <= 14 || /^[\d,.%▲△-]+$/.test(t)) return t;
  const chars = [...t];
  const parts: string[] = [];
  for (let i = 0; i < chars.length; i += 12) parts.push(chars.slice(i, i + 12).join(""));
  return parts.join("<br>");
};
const row = (cells: string[]) => `| ${cells.join(" | ")} |`;

export function markdown(blocks: Block[], cards: boolean): string {
  const out: string[] = [];
  for (const b of blocks) {
    out.push(...b.before, "");
    const width = b.header[0]?.length ?? b.rows[0]?.cells.length ?? 0;
    const printHeader = () => {
      for (const h of b.header) out.push(row(h));
      out.push(row(Array(width).fill("---")));
    };
    if (b.header.length > 0) printHeader();
    else out.push(row(Array(width).fill("---")));
    b.rows.forEach((r, i) => {
      if (!cards && i > 0 && i % 4 === 0 && b.header.length > 0) {
        out.push("");
        printHeader();
      }
      let cells = r.cells.map(wrap);
      if (r.shift) {
        const k = cells.findIndex((c, j) => j > 0 && c === "");
        if (k >= 0) cells = [...cells.slice(0, k), ...cells.slice(k + 1)];
      }
      out.push(row(cells));
    });
    out.push("", ...b.after, "");
  }
  return `${out
    .join("\n")
    .replace(/\n{3,}/g, "\n\n")
    .trim()}\n`;
}

function typed(cell: ExcelJS.Cell, text: string) {
  const t = text.replace(/<br>/g, "\n");
  const pct = /^(-?[\d,]+)(\.(\d+))?%$/.exec(t);
  const num = /^(-?[\d,]+)(\.(\d+))?$/.exec(t);
  if (pct) {
    cell.value = Number(`${pct[1]!.replace(/,/g, "")}${pct[2] ?? ""}`) / 100;
    cell.numFmt = pct[3] ? `0.${"0".repeat(pct[3].length)}%` : "0%";
  } else if (num && !/^0\d/.test(t)) {
    cell.value = Number(`${num[1]!.replace(/,/g, "")}${num[2] ?? ""}`);
    cell.numFmt = num[3] ? `#,##0.${"0".repeat(num[3].length)}` : "#,##0";
  } else cell.value = t;
}

export async function xlsx(blocks: Block[], cards: boolean): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  let ws: ExcelJS.Worksheet | null = null;
  let r = 0;
  blocks.forEach((b, bi) => {
    if (!ws || cards) {
      ws = wb.addWorksheet(cards ? `カード${bi + 1}` : "評価シート");
      r = 0;
    }
    const sheet = ws;
    const width = b.header[0]?.length ?? Math.max(...b.rows.map((x) => x.cells.length));
    for (const t of b.before) {
      r++;
      sheet.getCell(r, 1).value = t;
      if (width > 1) sheet.mergeCells(r, 1, r, width);
    }
    for (const h of b.header) {
      r++;
      h.forEach((t, c) => {
        typed(sheet.getCell(r, c + 1), t);
      });
      // A group printed once over the cells to its right (empty above a filled cell below) is merged.
      for (let c = 0; c < h.length; c++) {
        let end = c;
        while (
          h[c] !== "" &&
          end + 1 < h.length &&
          h[end + 1] === "" &&
          b.header.length > 1 &&
          b.header.indexOf(h) === 0
        )
          end++;
        if (end > c) sheet.mergeCells(r, c + 1, r, end + 1);
        c = end;
      }
    }
    const start = r + 1;
    const headings = new Set<number>();
    for (const x of b.rows) {
      r++;
      if (x.cells.filter((t) => t !== "").length === 1) headings.add(r);
      x.cells.forEach((t, c) => {
        if (t !== "") typed(sheet.getCell(r, c + 1), t);
      });
    }
    // Hierarchy columns (基本目標・施策 …, printed once over their rows): merged down.
    const hier = (b.header.at(-1) ?? []).flatMap((h, c) =>
      /基本目標|施策|分野|政策/.test(b.header.map((hh) => hh[c]).join("")) && !/指標|KPI/.test(h) ? [c] : [],
    );
    for (const c of cards ? [] : hier) {
      let top = start;
      for (let rr = start + 1; rr <= r + 1; rr++) {
        // A heading row (its one text in a column to the left, merged across in the city's file)
        // ends the group above as a filled cell does.
        const heading = headings.has(rr);
        const filled = rr > r || heading || sheet.getCell(rr, c + 1).value !== null;
        if (filled) {
          if (rr - 1 > top) sheet.mergeCells(top, c + 1, rr - 1, c + 1);
          top = rr;
        }
      }
    }
    for (const t of b.after) {
      r++;
      sheet.getCell(r, 1).value = t;
    }
    r++;
  });
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/**
 * `csv`: as the city's worksheet saved as CSV by Excel — every row as wide as the widest table (the
 * used range), a title or note one cell, a cell's line breaks kept inside its quotes, numbers as
 * displayed (「1,234」 quoted), tables and cards one after another with an empty row between.
 */
export function csv(blocks: Block[]): string {
  const width = Math.max(...blocks.map((b) => b.header[0]?.length ?? b.rows[0]?.cells.length ?? 1));
  const pad = (c: string[]) => [...c, ...Array<string>(Math.max(0, width - c.length)).fill("")];
  const lines = (t: string) => t.replace(/<br>/g, "\n");
  const rows = blocks.flatMap((b) => [
    ...b.before.map((t) => pad([t])),
    ...[...b.header, ...b.rows.map((r) => r.cells)].map((c) => pad(c.map(lines))),
    ...b.after.map((t) => pad([t])),
    pad([]),
  ]);
  return stringify(rows, { record_delimiter: "\r\n", quoted_match: /\n/ });
}
