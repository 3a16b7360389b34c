/**
 * Issue #16 F16: `sosei restore --force` refuses a dump that lacks tables (or holds a table whose
 * rows are not a list), with exit 2 and one line, and the database keeps exactly what it held.
 */
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { gunzipSync, gzipSync } from "node:zlib";
import { beforeAll, describe, expect, it } from "vitest";
import type { Sheet } from "../core/sheet.ts";
import { createServices, saveImportedSheet } from "../server/services.ts";
import { main } from "./main.ts";
import { capture, fixturePath, heldDataDirForBlock } from "./test-io.ts";

describe("restore of an incomplete dump (F16)", () => {
  // Opened once and shared (as beside `sosei serve`): every command below goes through its socket.
  const { root, dataDir } = heldDataDirForBlock("sosei-restore-");
  let dump: { tables: [string, unknown][] };
  beforeAll(async () => {
    const s = await createServices({ dataDir });
    await saveImportedSheet(
      s,
      JSON.parse(readFileSync(fixturePath("store/kakuu-2022.json"), "utf8")) as Sheet,
      {
        actor: "cli:test",
      },
    );
    await s.close();
    const file = path.join(root, "full.json.gz");
    expect(await main(["backup", file, "--data-dir", dataDir], capture())).toBe(0);
    dump = JSON.parse(gunzipSync(readFileSync(file)).toString("utf8"));
  });

  const exported = async () => {
    const io = capture();
    expect(await main(["export", "--year", "2022", "--data-dir", dataDir], io)).toBe(0);
    return io.out;
  };

  it.each([
    ["a table missing", (d: typeof dump) => ({ ...d, tables: d.tables.filter(([n]) => n !== "kpi_years") })],
    ["only one table", (d: typeof dump) => ({ ...d, tables: d.tables.slice(0, 1) })],
    [
      "a table's rows not a list",
      (d: typeof dump) => ({ ...d, tables: d.tables.map(([n, r]) => [n, n === "kpis" ? {} : r]) }),
    ],
  ])("%s: exit 2, one line, nothing changed", async (name, mangle) => {
    const before = await exported();
    const file = path.join(root, `${name.replace(/\W/g, "_")}.json.gz`);
    writeFileSync(file, gzipSync(JSON.stringify(mangle(dump))));
    const io = capture();
    expect(await main(["restore", file, "--force", "--data-dir", dataDir], io)).toBe(2);
    expect(io.err.trim().split("\n")).toHaveLength(1);
    expect(io.err).toContain("[invalid_backup]");
    expect(await exported()).toBe(before);
  });
});
