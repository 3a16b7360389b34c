import { readFileSync } from "node:fs";
import path from "node:path";
import JSZip from "jszip";
import { describe, expect, it } from "vitest";
import { importSheet } from "./index.ts";
import { parse, xlsx } from "./test-layout-forms.ts";
import { fixturesDir } from "./test-paths.ts";
import { readTextBoxes } from "./xlsx-text-boxes.ts";

const table = readFileSync(path.join(fixturesDir, "profile/kpi-table-2023.md"), "utf8");
const LEGEND = "評価 A:目標達成(100%以上) B:概ね順調(80%以上100%未満) C:遅れ(80%未満)";

/**
 * The workbook with a text box drawn on its first worksheet, anchored at (row, col) 0-based, as Excel
 * writes one (「挿入 → テキストボックス」): a drawing part, its relationship from the sheet, a
 * <drawing> element in the sheet and its content type.
 */
async function withTextBox(
  book: Buffer,
  row: number,
  col: number,
  paragraphs: string[],
): Promise<Uint8Array> {
  const zip = await JSZip.loadAsync(book);
  const esc = (t: string) => t.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
  const runs = paragraphs
    .map((p) => `<a:p><a:r><a:rPr lang="ja-JP" altLang="en-US" sz="1100"/><a:t>${esc(p)}</a:t></a:r></a:p>`)
    .join("");
  zip.file(
    "xl/drawings/drawing1.xml",
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<xdr:wsDr xmlns:xdr="http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"><xdr:twoCellAnchor><xdr:from><xdr:col>${col}</xdr:col><xdr:colOff>95250</xdr:colOff><xdr:row>${row}</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:from><xdr:to><xdr:col>${col + 6}</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>${row + 3}</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:to><xdr:sp macro="" textlink=""><xdr:nvSpPr><xdr:cNvPr id="2" name="テキスト ボックス 1"/><xdr:cNvSpPr txBox="1"/></xdr:nvSpPr><xdr:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="5000000" cy="600000"/></a:xfrm><a:prstGeom prst="rect"><a:avLst/></a:prstGeom></xdr:spPr><xdr:txBody><a:bodyPr vertOverflow="clip" wrap="square" rtlCol="0" anchor="t"/><a:lstStyle/>${runs}</xdr:txBody></xdr:sp><xdr:clientData/></xdr:twoCellAnchor></xdr:wsDr>`,
  );
  const relsPath = "xl/worksheets/_rels/sheet1.xml.rels";
  const rels =
    (await zip.file(relsPath)?.async("string")) ??
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"></Relationships>';
  zip.file(
    relsPath,
    rels.replace(
      "</Relationships>",
      '<Relationship Id="rIdTb1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/drawing" Target="../drawings/drawing1.xml"/></Relationships>',
    ),
  );
  const sheet = await zip.file("xl/worksheets/sheet1.xml")!.async("string");
  zip.file(
    "xl/worksheets/sheet1.xml",
    sheet.replace(
      "</worksheet>",
      '<drawing xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" r:id="rIdTb1"/></worksheet>',
    ),
  );
  const types = await zip.file("[Content_Types].xml")!.async("string");
  zip.file(
    "[Content_Types].xml",
    types.replace(
      "</Types>",
      '<Override PartName="/xl/drawings/drawing1.xml" ContentType="application/vnd.openxmlformats-officedocument.drawing+xml"/></Types>',
    ),
  );
  return zip.generateAsync({ type: "uint8array" });
}

const withoutLegend = table.replace(/\n評価 A:.*\n?/, "\n");

describe("a legend in a text box (not in cells)", () => {
  it("is read with its worksheet and anchor cell, paragraphs as lines", async () => {
    const book = await withTextBox(await xlsx(parse(withoutLegend), false), 8, 0, ["評価基準", LEGEND]);
    const boxes = await readTextBoxes(await JSZip.loadAsync(book));
    expect(boxes).toEqual([{ sheet: expect.any(String), row: 9, col: 1, text: `評価基準\n${LEGEND}` }]);
  });

  it("gives the ratings their meaning, as the same legend typed in cells does", async () => {
    const book = await withTextBox(await xlsx(parse(withoutLegend), false), 8, 0, [LEGEND]);
    const r = await importSheet(book, "kpi.xlsx");
    if (!r.ok) throw new Error(r.error.message);
    expect(r.sheet.kpis.map((k) => k.evaluation.category)).toEqual([
      "mostly_on_track",
      "on_track",
      "delayed",
    ]);
    expect(r.sheet.scale?.bands.map((b) => [b.label, b.min])).toEqual([
      ["A", 1],
      ["B", 0.8],
      ["C", null],
    ]);
    // Drawn over the table (anchored on a row with cells): read after the table's last row.
    const over = await withTextBox(await xlsx(parse(withoutLegend), false), 4, 3, [LEGEND]);
    const o = await importSheet(over, "kpi.xlsx");
    expect(o.ok ? o.sheet.kpis.map((k) => k.evaluation.category) : o.error.message).toEqual([
      "mostly_on_track",
      "on_track",
      "delayed",
    ]);
  });

  it("without it, the marks are refused as unexplained (the workbook's cells alone)", async () => {
    const r = await importSheet(await xlsx(parse(withoutLegend), false), "kpi.xlsx");
    expect(r.ok ? "read" : r.error.code).toBe("scale_unknown");
  });
});
