/**
 * Text boxes (図形・テキストボックス) drawn on a worksheet: Japanese offices often put the legend
 * (「評価基準 A:目標達成 …」) or a note in a text box beside or under the table rather than in cells.
 * exceljs does not read drawings, so the sheet's ratings were read with no legend. Each box's text
 * is read here with the worksheet it is drawn on and the cell its top-left corner is anchored at.
 */
import type JSZip from "jszip";

export interface TextBox {
  /** The worksheet's name. */
  sheet: string;
  /** 1-based row and column of the box's top-left anchor. */
  row: number;
  col: number;
  /** The box's paragraphs joined by line breaks. */
  text: string;
}

/** Drawings hold a few shapes; a file declaring more is not an evaluation sheet's. */
const MAX_BOXES = 500;

const ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };
const decode = (s: string) =>
  s.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (m, e: string) =>
    e.startsWith("#x")
      ? String.fromCodePoint(Number.parseInt(e.slice(2), 16))
      : e.startsWith("#")
        ? String.fromCodePoint(Number(e.slice(1)))
        : (ENTITIES[e] ?? m),
  );

/** The target of each relationship in a .rels part, by id. */
function relationships(xml: string): Map<string, { type: string; target: string }> {
  const out = new Map<string, { type: string; target: string }>();
  for (const m of xml.matchAll(/<Relationship\b([^>]*)\/?>/g)) {
    const attr = (n: string) => new RegExp(`\\b${n}="([^"]*)"`).exec(m[1]!)?.[1] ?? "";
    out.set(attr("Id"), { type: attr("Type"), target: attr("Target") });
  }
  return out;
}

/** `target` relative to the folder of `from` (xl/worksheets/sheet1.xml + ../drawings/drawing1.xml). */
function resolve(from: string, target: string): string {
  if (target.startsWith("/")) return target.slice(1);
  const parts = from.split("/").slice(0, -1);
  for (const p of target.split("/")) {
    if (p === "..") parts.pop();
    else if (p !== ".") parts.push(p);
  }
  return parts.join("/");
}

const relsOf = (part: string) => {
  const i = part.lastIndexOf("/");
  return `${part.slice(0, i)}/_rels/${part.slice(i + 1)}.rels`;
};

/** The shapes with text in one drawing part: their anchor cell and paragraphs. */
function boxesIn(xml: string): { row: number; col: number; text: string }[] {
  const out: { row: number; col: number; text: string }[] = [];
  for (const a of xml.matchAll(/<xdr:(twoCellAnchor|oneCellAnchor)\b[\s\S]*?<\/xdr:\1>/g)) {
    const from = /<xdr:from>([\s\S]*?)<\/xdr:from>/.exec(a[0])?.[1] ?? "";
    const col = Number(/<xdr:col>(\d+)<\/xdr:col>/.exec(from)?.[1] ?? Number.NaN);
    const row = Number(/<xdr:row>(\d+)<\/xdr:row>/.exec(from)?.[1] ?? Number.NaN);
    if (!Number.isInteger(col) || !Number.isInteger(row)) continue;
    const paragraphs: string[] = [];
    for (const body of a[0].matchAll(/<xdr:txBody>([\s\S]*?)<\/xdr:txBody>/g))
      for (const p of body[1]!.matchAll(/<a:p>([\s\S]*?)<\/a:p>|<a:p\b[^>]*>([\s\S]*?)<\/a:p>/g)) {
        const runs = [...(p[1] ?? p[2] ?? "").matchAll(/<a:t(?:\s[^>]*)?>([\s\S]*?)<\/a:t>/g)];
        paragraphs.push(runs.map((r) => decode(r[1]!)).join(""));
      }
    const text = paragraphs.join("\n").trim();
    if (text !== "") out.push({ row: row + 1, col: col + 1, text });
  }
  return out;
}

/** Every text box of the workbook's worksheets, in the workbook's order, then top to bottom. */
export async function readTextBoxes(zip: JSZip): Promise<TextBox[]> {
  const workbook = await zip.file("xl/workbook.xml")?.async("string");
  const workbookRels = await zip.file("xl/_rels/workbook.xml.rels")?.async("string");
  if (!workbook || !workbookRels) return [];
  const rels = relationships(workbookRels);
  const out: TextBox[] = [];
  for (const s of workbook.matchAll(/<sheet\b([^>]*)\/?>/g)) {
    const name = decode(/\bname="([^"]*)"/.exec(s[1]!)?.[1] ?? "");
    const id = /\br:id="([^"]*)"/.exec(s[1]!)?.[1] ?? "";
    const target = rels.get(id)?.target;
    if (!target) continue;
    const sheetPart = resolve("xl/workbook.xml", target);
    const sheetRels = await zip.file(relsOf(sheetPart))?.async("string");
    if (!sheetRels) continue;
    for (const r of relationships(sheetRels).values()) {
      if (!r.type.endsWith("/drawing")) continue;
      const drawing = await zip.file(resolve(sheetPart, r.target))?.async("string");
      if (!drawing) continue;
      const boxes = boxesIn(drawing).sort((a, b) => a.row - b.row || a.col - b.col);
      out.push(...boxes.map((b) => ({ sheet: name, ...b })));
      if (out.length > MAX_BOXES) return out.slice(0, MAX_BOXES);
    }
  }
  return out;
}
