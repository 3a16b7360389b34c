import { describe, expect, it } from "vitest";
import { main } from "./main.ts";
import { capture } from "./test-io.ts";

describe("sosei main", () => {
  it("lists the commands on --help", async () => {
    const io = capture();
    expect(await main(["--help"], io)).toBe(0);
    expect(io.out).toContain("Commands:");
  });

  it("refuses an unknown command with status 2 and one line", async () => {
    const io = capture();
    expect(await main(["frobnicate"], io)).toBe(2);
    expect(io.err.trim().split("\n")).toHaveLength(1);
    expect(io.err).toContain("unknown command 'frobnicate'");
  });

  it("exits 2 with usage when no command is given", async () => {
    const io = capture();
    expect(await main([], io)).toBe(2);
  });
});
