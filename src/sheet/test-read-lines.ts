/** Test support: a small sheet written as Markdown lines, read as the CLI reads a file (read, or its refusal). */
import type { Sheet } from "../core/sheet.ts";
import { importSheet } from "./import-sheet.ts";
import { parse, xlsx } from "./test-layout-forms.ts";

export const md = (lines: string[]): Uint8Array => new TextEncoder().encode(lines.join("\n"));

/**
 * The lines read as a file named `name`: Markdown, or built into the city's XLSX when the name ends in .xlsx (one
 * worksheet per card when the lines start with 「<!--cards-->」).
 */
export async function attempt(lines: string[], name = "kpi.md") {
  const bytes = name.endsWith(".xlsx")
    ? new Uint8Array(await xlsx(parse(lines.join("\n")), lines[0] === "<!--cards-->"))
    : md(lines);
  return importSheet(bytes, name);
}

/** The sheet read from the lines; throws the refusal's message when refused. */
export async function read(lines: string[], name = "kpi.md"): Promise<Sheet> {
  const r = await attempt(lines, name);
  if (!r.ok) throw new Error(r.error.message);
  return r.sheet;
}

/** The refusal's message, or null when the lines are read. */
export async function refusal(lines: string[], name = "kpi.md"): Promise<string | null> {
  const r = await attempt(lines, name);
  return r.ok ? null : r.error.message;
}
