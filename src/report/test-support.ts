/** Shared by this folder's tests: fixture and seed locations, a tiny CSV reader. */
import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { Sheet } from "../core/sheet.ts";

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
export const fixturesDir = path.join(repoRoot, "fixtures/report");
export const seedDir = path.resolve(repoRoot, "../shared/seed");
export const seedFile = path.join(seedDir, "000_291d4d894f3c6cbd.txt");

export const loadFixture = (name: "sample-city-2024.json" | "sample-city-2023.json"): Sheet =>
  JSON.parse(readFileSync(path.join(fixturesDir, name), "utf8")) as Sheet;

/** RFC 4180 reader (quotes, doubled quotes, CRLF inside quotes); enough to read our own output back. */
export function readCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ",") {
      row.push(cell);
      cell = "";
    } else if (c === "\r" && text[i + 1] === "\n") {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = "";
      i++;
    } else cell += c;
  }
  if (cell !== "" || row.length > 0) {
    row.push(cell);
    rows.push(row);
  }
  return rows;
}

/** Text without any whitespace: PDF text extraction breaks lines inside table cells. */
export const squash = (s: string) => s.replace(/\s+/g, "");
