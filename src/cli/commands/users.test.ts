/** `sosei users …` through main(), on a PGlite data directory of its own. */
import { describe, expect, it } from "vitest";
import { createServices } from "../../server/services.ts";
import { audit, departments, users } from "../../store/index.ts";
import type { CliIo } from "../command.ts";
import { main } from "../main.ts";
import { heldDataDirForBlock } from "../test-io.ts";

function capture(): CliIo & { out: string; err: string } {
  const io = {
    out: "",
    err: "",
    stdout: (t: string) => {
      io.out += t;
    },
    stderr: (t: string) => {
      io.err += t;
    },
  };
  return io;
}

const PASSWORD = /: ([A-Za-z0-9]{4}(?:-[A-Za-z0-9]{4}){3})\n/;

describe("sosei users", () => {
  const { dataDir: dir } = heldDataDirForBlock("sosei-users-");

  const run = async (...args: string[]) => {
    const io = capture();
    const status = await main(["users", ...args, "--data-dir", dir], io);
    return { status, ...io };
  };
  const check = async (loginId: string, password: string) => {
    const s = await createServices({ dataDir: dir });
    try {
      return await users.authenticate(s.db, loginId, password);
    } finally {
      await s.close();
    }
  };

  it("adds an admin, lists, recovers a lost password with reset-password, deactivates", async () => {
    const add = await run("add", "admin", "--role", "admin", "--name", "管理者");
    expect(add.status).toBe(0);
    const first = PASSWORD.exec(add.out)?.[1];
    expect(first, add.out).toBeDefined();
    expect(add.out).toContain("一度きり");
    // A department user's department comes from the master list, as on the web: a typo is refused.
    const typo = await run("add", "shoko", "--role", "department", "--department", "商工振興");
    expect(typo.status).toBe(2);
    expect(typo.err).toContain("[unknown_department]");
    expect(typo.err).toContain("「商工振興」");
    const setup = await createServices({ dataDir: dir });
    try {
      await departments.createDepartment(
        setup.db,
        { name: "商工振興課" },
        { actor: "cli:test", clock: setup.clock, ids: setup.ids },
      );
    } finally {
      await setup.close();
    }
    expect((await run("add", "shoko", "--role", "department", "--department", "商工振興課")).status).toBe(0);

    const list = await run("list");
    expect(list.status).toBe(0);
    expect(list.out).toContain("admin\t管理者\t管理者(admin)\t-\t有効/active");
    expect(list.out).toContain("shoko\tshoko\t担当課(department)\t商工振興課\t有効/active");
    expect(list.out).not.toContain(first!);

    // the admin lost the printed password
    const reset = await run("reset-password", "admin");
    expect(reset.status).toBe(0);
    const second = PASSWORD.exec(reset.out)?.[1];
    expect(second).toBeDefined();
    expect(second).not.toBe(first);
    expect(await check("admin", first!)).toBeNull();
    expect((await check("admin", second!))?.loginId).toBe("admin");

    expect((await run("deactivate", "shoko")).status).toBe(0);
    expect((await run("list")).out).toContain("商工振興課\t無効/inactive");
    expect((await run("activate", "shoko")).status).toBe(0);

    // every change audited under the command line's actor, without the password
    const s = await createServices({ dataDir: dir });
    try {
      const log = await audit.recentAudit(s.db, 10);
      expect(log.map((a) => a.action)).toEqual(
        expect.arrayContaining(["create", "reset_password", "disable", "enable"]),
      );
      expect(log.every((a) => a.actor.startsWith("cli:"))).toBe(true);
      expect(JSON.stringify(log)).not.toContain(second!);
    } finally {
      await s.close();
    }
  });

  it("exits 2 on bad usage and 1 for an unknown or taken login id, with one line", async () => {
    expect((await run()).status).toBe(2);
    expect((await run("frobnicate", "x")).status).toBe(2);
    expect((await run("add", "someone", "--role", "public")).status).toBe(2);
    expect((await run("add", "dept", "--role", "department")).status).toBe(2);
    expect((await run("reset-password")).status).toBe(2);
    const missing = await run("reset-password", "nobody");
    expect(missing.status).toBe(1);
    expect(missing.err).toContain("[not_found]");
    expect(missing.err.trim().split("\n")).toHaveLength(1);
    const taken = await run("add", "admin", "--role", "admin");
    expect(taken.status).toBe(1);
    expect(taken.err).toContain("[login_id_taken]");
  });
});
