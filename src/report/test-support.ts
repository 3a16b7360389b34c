/** Shared by this folder's tests: fixture and seed locations, reading CSV back (csv-parse). */
import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parse } from "csv-parse/sync";
import type { Sheet } from "../core/sheet.ts";

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
export const fixturesDir = path.join(repoRoot, "fixtures/report");
export const seedDir = path.resolve(repoRoot, "../shared/seed");
export const seedFile = path.join(seedDir, "000_291d4d894f3c6cbd.txt");

export const loadFixture = (name: "sample-city-2024.json" | "sample-city-2023.json"): Sheet =>
  JSON.parse(readFileSync(path.join(fixturesDir, name), "utf8")) as Sheet;

/** Our CSV read back with csv-parse (BOM dropped, quotes and line breaks in cells handled). */
export const readCsv = (text: string): string[][] => parse(text, { bom: true, relaxColumnCount: false });

/** Text without any whitespace: PDF text extraction breaks lines inside table cells. */
export const squash = (s: string) => s.replace(/\s+/g, "");
