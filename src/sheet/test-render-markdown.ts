/**
 * Test helper: prints a sheet/1 sheet the way a PDF table extractor leaves it, wrapping by printed
 * width (full-width characters count 2) with Japanese line-breaking rules (、。」) never start a
 * line), unlike bench/generate.ts, which wraps by character count. Pages alternate wrapped / not;
 * every other row whose 大基本目標 cell is empty is printed one column to the left.
 */
import type { Kpi, Sheet } from "../core/sheet.ts";
import { groupRow, headerRow, kpiRow } from "./sheet-rows.ts";
import { displayWidth } from "./text-lines.ts";

const NO_LINE_START = /^[、。，．)）」』・ー]/;

export function wrapByWidth(text: string, width: number): string[] {
  const lines: string[] = [];
  let cur = "";
  for (const ch of Array.from(text)) {
    if (cur !== "" && displayWidth(cur + ch) > width && !NO_LINE_START.test(ch)) {
      lines.push(cur);
      cur = "";
    }
    cur += ch;
  }
  if (cur !== "") lines.push(cur);
  return lines;
}

const WIDTHS = [10, 10, 12, 34, 40, 14, 10, 10, 10, 12, 34, 40, 40, 12];

export function renderPdfLikeMarkdown(sheet: Sheet, pageSize = 7): string {
  const out: string[] = [];
  const line = (cells: string[]) => `| ${cells.join(" | ")} |`;
  let prev: Kpi | null = null;
  let shiftToggle = false;
  for (let start = 0, page = 0; start < sheet.kpis.length; start += pageSize, page++) {
    const wrapped = page % 2 === 1;
    const cell = (text: string, c: number) =>
      text
        .split("\n")
        .flatMap((part) => (wrapped ? wrapByWidth(part, WIDTHS[c] ?? 20) : [part]))
        .join("<br>");
    out.push("", line(groupRow()), line(groupRow().map(() => "---")), line(headerRow(sheet).map(cell)));
    for (const k of sheet.kpis.slice(start, start + pageSize)) {
      const full = kpiRow(k);
      const newGoal = prev?.goal.no !== k.goal.no;
      const newSub = newGoal || prev?.subgoal.no !== k.subgoal.no;
      const newMeasure = newSub || prev?.measure.no !== k.measure.no;
      const cells = full.map((t, c) =>
        cell(c === 0 && !newGoal ? "" : c === 1 && !newSub ? "" : c === 2 && !newMeasure ? "" : t, c),
      );
      if (cells[0] === "") shiftToggle = !shiftToggle;
      if (cells[0] === "" && shiftToggle) {
        cells.shift();
        cells.push("");
      }
      out.push(line(cells));
      prev = k;
    }
  }
  return `${out.join("\n")}\n`;
}
