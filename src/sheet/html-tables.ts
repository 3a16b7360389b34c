/**
 * HTML tables inside Markdown: PDF-to-Markdown writers that keep merged cells (rowspan, colspan)
 * write a table as `<table>…</table>` instead of `| a | b |` lines. Each is turned into pipe rows
 * before the Markdown is tokenised, a merged cell's text on every row and column it covers (as a
 * merged cell of a workbook is read), `<br>` kept as the wrap it prints, `|` escaped. The header —
 * the rows of `<thead>`, else the leading rows of `<th>` cells — gets the delimiter row under it.
 */
import type { ChildNode, Element } from "domhandler";
import { parseDocument } from "htmlparser2";
import { checkColumnCount } from "./input-limits.ts";

const TABLE = /<table[\s>][\s\S]*?<\/table\s*>/gi;

const isElement = (n: ChildNode): n is Element => n.type === "tag";
const children = (n: Element, name: string): Element[] =>
  n.children.filter((c): c is Element => isElement(c) && c.name === name);

/** A cell's text: tags dropped, `<br>` kept, runs of space one space. */
function textOf(n: ChildNode): string {
  if (n.type === "text") return n.data.replace(/\s+/g, " ");
  if (!isElement(n)) return "";
  if (n.name === "br") return "<br>";
  const inner = n.children.map(textOf).join("");
  return n.name === "p" || n.name === "div" ? `${inner}<br>` : inner;
}

const span = (e: Element, name: string) =>
  Math.min(1000, Math.max(1, Number.parseInt(e.attribs[name] ?? "1", 10) || 1));

function asPipeRows(table: Element): string[] {
  const sections = table.children.filter(isElement);
  const head = sections.filter((s) => s.name === "thead").flatMap((s) => children(s, "tr"));
  const rows = [
    ...head,
    ...sections.flatMap((s) => (s.name === "tr" ? [s] : s.name === "thead" ? [] : children(s, "tr"))),
  ];
  const grid: string[][] = rows.map(() => []);
  rows.forEach((tr, r) => {
    let c = 0;
    for (const cell of tr.children.filter((x): x is Element => isElement(x) && /^t[dh]$/.test(x.name))) {
      while (grid[r]![c] !== undefined) c++;
      const text = cell.children
        .map(textOf)
        .join("")
        .replace(/(<br>\s*)+$/, "")
        .trim()
        .replace(/\|/g, "\\|");
      // A hostile colspan must not fill rows × 1000 cells before the column limit refuses the table.
      checkColumnCount(r + 1, c + span(cell, "colspan"));
      for (let dr = 0; dr < span(cell, "rowspan") && r + dr < rows.length; dr++)
        for (let dc = 0; dc < span(cell, "colspan"); dc++) grid[r + dr]![c + dc] = text;
      c += span(cell, "colspan");
    }
  });
  const width = Math.max(1, ...grid.map((g) => g.length));
  const headerRows =
    head.length > 0
      ? head.length
      : Math.max(
          1,
          rows.findIndex(
            (tr) =>
              !tr.children.some((x) => isElement(x) && x.name === "th") || children(tr, "td").length > 0,
          ),
        );
  const line = (cells: string[]) =>
    `| ${Array.from({ length: width }, (_, i) => cells[i] ?? "").join(" | ")} |`;
  return [
    ...grid.slice(0, headerRows).map(line),
    line(Array.from({ length: width }, () => "---")),
    ...grid.slice(headerRows).map(line),
  ];
}

/** The text with each `<table>` written as pipe rows between blank lines; other text as it was. */
export function htmlTablesAsPipes(text: string): string {
  if (!/<table[\s>]/i.test(text)) return text;
  return text.replace(TABLE, (html) => {
    const table = parseDocument(html).children.find((n): n is Element => isElement(n) && n.name === "table");
    return table ? `\n\n${asPipeRows(table).join("\n")}\n\n` : html;
  });
}
