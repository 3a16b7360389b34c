// Issue 16 F10: an impossible era year in a column name (令和0年度) is bad input, not a crash.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { importSheet } from "./index.ts";
import { fixturesDir } from "./test-paths.ts";

describe("a header year that does not exist", () => {
  it.each(["令和0年度", "平成0年度", "令和00年度"])("%s is a one-line import error", async (year) => {
    const md = readFileSync(`${fixturesDir}/markdown/sakura-r5.md`, "utf8").replaceAll(/令和\d+年度/g, year);
    const r = await importSheet(new TextEncoder().encode(md), "x.md");
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.code).toBe("invalid_header_year");
    expect(r.error.message).toContain(year);
    expect(r.error.message).not.toContain("\n");
  });
});
