/**
 * Test support: saves a sheet/1 file into a database, printing "BEGIN" just before the save's
 * transaction starts, "WRITING <n>" at its first progress report — inside the transaction, with
 * n KPIs' rows written — and "DONE <ms>" after it commits. With `--stop-inside` it stops there
 * (blocks its thread) instead of going on, so crash.hardening.test.ts SIGKILLs it in the middle
 * of the transaction every time, however fast or loaded the machine is.
 *   node --import tsx src/store/test-save-child.ts <data dir | postgres://…> SHEET.json [--stop-inside]
 *   (bundled by test-child.ts in the test)
 */
import { readFileSync, writeSync } from "node:fs";
import { systemClock } from "../core/clock.ts";
import { randomIds } from "../core/ids.ts";
import type { Sheet } from "../core/sheet.ts";
import { openDatabase } from "./db.ts";
import { saveSheet } from "./use-cases/save-sheet.ts";

const [target, file, flag] = process.argv.slice(2);
if (!target || !file) {
  process.stderr.write("usage: test-save-child.ts DIR|URL SHEET.json [--stop-inside]\n");
  process.exit(2);
}
const stopInside = flag === "--stop-inside";
const sheet = JSON.parse(readFileSync(file, "utf8")) as Sheet;
const database = await openDatabase(
  target.startsWith("postgres") ? { databaseUrl: target } : { dataDir: target },
);
const started = Date.now();
let reported = false;
writeSync(1, "BEGIN\n");
await saveSheet(database.db, sheet, {
  actor: "cli:crash-test",
  clock: systemClock,
  ids: randomIds,
  onProgress: (done) => {
    if (reported) return;
    reported = true;
    writeSync(1, `WRITING ${done}\n`); // before blocking: not left in a buffer
    // Blocks this thread (and so the transaction, PGlite's included) until the test kills it.
    if (stopInside) Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 120_000);
  },
});
writeSync(1, `DONE ${Date.now() - started}\n`);
await database.close();
