/**
 * Test support: saves a sheet/1 file into a database, printing "BEGIN" just before the save's
 * transaction starts and "DONE <ms>" after it commits. crash.hardening.test.ts SIGKILLs it in between.
 *   node --import tsx src/store/test-save-child.ts <data dir | postgres://…> SHEET.json   (bundled by test-child.ts in the test)
 */
import { readFileSync } from "node:fs";
import { systemClock } from "../core/clock.ts";
import { randomIds } from "../core/ids.ts";
import type { Sheet } from "../core/sheet.ts";
import { openDatabase } from "./db.ts";
import { saveSheet } from "./use-cases/save-sheet.ts";

const [target, file] = process.argv.slice(2);
if (!target || !file) {
  process.stderr.write("usage: test-save-child.ts DIR|URL SHEET.json\n");
  process.exit(2);
}
const sheet = JSON.parse(readFileSync(file, "utf8")) as Sheet;
const database = await openDatabase(
  target.startsWith("postgres") ? { databaseUrl: target } : { dataDir: target },
);
const started = Date.now();
process.stdout.write("BEGIN\n");
await saveSheet(database.db, sheet, { actor: "cli:crash-test", clock: systemClock, ids: randomIds });
process.stdout.write(`DONE ${Date.now() - started}\n`);
await database.close();
