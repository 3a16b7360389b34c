/** Test support: a small sheet written as Markdown lines, read as the CLI reads a file (read, or its refusal). */
import type { Sheet } from "../core/sheet.ts";
import { importSheet } from "./import-sheet.ts";

export const md = (lines: string[]): Uint8Array => new TextEncoder().encode(lines.join("\n"));

/** The sheet read from the lines; throws the refusal's message when refused. */
export async function read(lines: string[]): Promise<Sheet> {
  const r = await importSheet(md(lines), "kpi.md");
  if (!r.ok) throw new Error(r.error.message);
  return r.sheet;
}

/** The refusal's message, or null when the lines are read. */
export async function refusal(lines: string[]): Promise<string | null> {
  const r = await importSheet(md(lines), "kpi.md");
  return r.ok ? null : r.error.message;
}
