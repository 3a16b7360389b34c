/**
 * Test support: opens a PGlite data directory and holds it until killed, printing "READY <pid>".
 * Used by lock.test.ts to hold the lock from a real second process:
 *   node --import tsx src/store/hold-data-dir.ts DIR [--share]   (lock.test.ts runs it bundled: test-child.ts)
 * With --share it serves the directory to other processes as `sosei serve` does.
 */
import { openDatabase } from "./db.ts";

const dir = process.argv[2];
if (!dir) {
  process.stderr.write("usage: hold-data-dir.ts DIR\n");
  process.exit(2);
}
const database = await openDatabase({ dataDir: dir, share: process.argv.includes("--share") });
process.stdout.write(`READY ${process.pid}\n`);
setInterval(() => {}, 1 << 30);
process.on("SIGTERM", () => {
  void database.close().then(() => process.exit(0));
});
