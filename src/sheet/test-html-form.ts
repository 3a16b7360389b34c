// Test helper: a layout fixture as a PDF-to-Markdown writer that keeps merged cells leaves it — each
// table an HTML `<table>`: the header in `<thead>`, a group printed once over its columns with
// colspan, the levels (基本目標, 施策 …) printed once over their rows with rowspan, prose as <p>.
import type { Block } from "./test-layout-forms.ts";

const esc = (t: string) =>
  t
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/&lt;br>/g, "<br>");
const LEVEL = /基本目標|施策|分野|政策/;

function headerRow(cells: string[], grouped: boolean): string {
  const out: string[] = [];
  for (let c = 0; c < cells.length; c++) {
    let span = 1;
    while (grouped && cells[c] !== "" && cells[c + span] === "") span++;
    out.push(`<th${span > 1 ? ` colspan="${span}"` : ""}>${esc(cells[c]!)}</th>`);
    c += span - 1;
  }
  return `<tr>${out.join("")}</tr>`;
}

export function html(blocks: Block[], cards: boolean): string {
  const out: string[] = [];
  for (const b of blocks) {
    out.push(...b.before.map((t) => `<p>${esc(t)}</p>`), "");
    const levels = cards
      ? []
      : (b.header.at(-1) ?? []).flatMap((h, c) =>
          LEVEL.test(b.header.map((hh) => hh[c]).join("")) && !/指標|KPI/.test(h) ? [c] : [],
        );
    const rows = b.rows.map((r) => r.cells);
    const covered = new Set<string>();
    const body = rows.map((cells, r) => {
      const tds = cells.flatMap((t, c) => {
        if (covered.has(`${r},${c}`)) return [];
        let span = 1;
        if (levels.includes(c) && t !== "")
          while (r + span < rows.length && (rows[r + span]![c] ?? "") === "")
            covered.add(`${r + span++},${c}`);
        return [`<td${span > 1 ? ` rowspan="${span}"` : ""}>${esc(t)}</td>`];
      });
      return `<tr>${tds.join("")}</tr>`;
    });
    const head = b.header.map((h, i) => headerRow(h, i === 0 && b.header.length > 1));
    out.push(
      `<table>${head.length ? `<thead>${head.join("")}</thead>` : ""}<tbody>${body.join("")}</tbody></table>`,
    );
    out.push("", ...b.after.map((t) => `<p>${esc(t)}</p>`), "");
  }
  return out.join("\n");
}
