import { describe, expect, it } from "vitest";
import { COMMAND_NAMES, loadAllCommands, main } from "./main.ts";
import { capture } from "./test-io.ts";

describe("sosei main", () => {
  it("lists every command with its summary on --help", async () => {
    const io = capture();
    expect(await main(["--help"], io)).toBe(0);
    expect(io.out).toContain("Commands:");
    for (const name of COMMAND_NAMES) expect(io.out).toMatch(new RegExp(`^  ${name} +\\S`, "m"));
  });

  it("loads every command module, each naming itself as the table does", async () => {
    const commands = await loadAllCommands();
    expect(commands.map((c) => c.name)).toEqual(COMMAND_NAMES);
    for (const c of commands) {
      expect(c.usage).toMatch(new RegExp(`sosei ${c.name}\\b`));
      expect(typeof c.run).toBe("function");
    }
  });

  it("prints each command's usage on `<command> --help` with status 0", async () => {
    for (const name of COMMAND_NAMES) {
      const io = capture();
      expect(await main([name, "--help"], io), name).toBe(0);
      expect(io.out, name).toContain(`sosei ${name}`);
      expect(io.err, name).toBe("");
    }
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
    expect(io.out).toContain("Commands:");
  });
});
