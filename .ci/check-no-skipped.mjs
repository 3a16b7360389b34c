// Fails CI when the vitest run skipped or left pending any test, or ran none at all.
import { readFileSync } from "node:fs";

const report = JSON.parse(readFileSync(process.argv[2], "utf8"));
const skipped = [];
for (const file of report.testResults ?? []) {
  for (const t of file.assertionResults ?? []) {
    if (t.status !== "passed" && t.status !== "failed")
      skipped.push(`${file.name}: ${t.fullName} (${t.status})`);
  }
}
const total = report.numTotalTests ?? 0;
if (total === 0) {
  console.error("ci: no test was run");
  process.exit(1);
}
if (skipped.length > 0) {
  console.error(`ci: ${skipped.length} test(s) were skipped or pending:\n  ${skipped.join("\n  ")}`);
  process.exit(1);
}
console.log(`ci: ${report.numPassedTests} passed, ${report.numFailedTests} failed, 0 skipped`);
if (report.numFailedTests > 0) process.exit(1);
