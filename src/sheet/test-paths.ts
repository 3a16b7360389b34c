/** Paths the importer's tests use: the repository's fixtures and the shared seed (../shared). */
import { existsSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
export const fixturesDir = path.join(repoRoot, "fixtures");
export const sharedDir = path.resolve(repoRoot, "../shared");
export const seedDir = path.join(sharedDir, "seed");
export const seedFile = path.join(seedDir, "000_291d4d894f3c6cbd.txt");
export const hasSeed = existsSync(seedDir);
