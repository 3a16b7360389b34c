/** Issue #16 F11: an unexpected error is one short line, never the SQL or the data of a failed query. */
import { describe, expect, it } from "vitest";
import { unexpectedErrorLine } from "./error-line.ts";

describe("unexpected errors at the CLI edge", () => {
  it("a failed query prints the database's reason and code, not the statement or its parameters", () => {
    const params = Array.from({ length: 9000 }, (_, i) => `'secret-${i}'`).join(", ");
    const e = new Error(`Failed query: insert into "audit_log" ("id") values ($1)\nparams: ${params}`, {
      cause: Object.assign(new Error("bind message has 72000 parameter formats but 0 parameters"), {
        code: "08P01",
      }),
    });
    const line = unexpectedErrorLine(e);
    expect(line).toContain("bind message has 72000 parameter formats");
    expect(line).toContain("08P01");
    expect(line).not.toMatch(/insert|secret/);
    expect(line.length).toBeLessThan(250);
  });

  it("any other message is cut to its first line and capped", () => {
    const line = unexpectedErrorLine(new Error(`${"x".repeat(10_000)}\nsecond line`));
    expect(line.length).toBeLessThanOrEqual(240);
    expect(line).not.toContain("second");
  });
});
