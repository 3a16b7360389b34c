import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { main } from "../main.ts";
import { capture, fixturePath, heldDataDirForBlock } from "../test-io.ts";

const { root: dir, dataDir } = heldDataDirForBlock("sosei-year-");

describe("sosei year", () => {
  it("opens the next year from the plan, refuses it twice and outside the plan (exit 2), lists who has not submitted", async () => {
    const run = async (...args: string[]) => {
      const io = capture();
      const status = await main([...args, "--data-dir", dataDir], io);
      return { status, out: io.out, err: io.err };
    };
    // A sheet naming no municipality into an empty database: refused, never a 「未設定」 city.
    const unnamed = path.join(dir, "unnamed.json");
    const sheet = JSON.parse(readFileSync(fixturePath("store/kakuu-2022.json"), "utf8"));
    delete sheet.municipality;
    writeFileSync(unnamed, JSON.stringify(sheet));
    const refused = await run("import", unnamed, "--save");
    expect(refused.status).toBe(2);
    expect(refused.err).toContain("[invalid_municipality]");
    expect((await run("import", fixturePath("store/kakuu-2022.json"), "--save")).status).toBe(0);
    // Now the sheet naming none goes into 架空市 (the only one).
    const into = await run("import", unnamed, "--save");
    expect(into.status).toBe(0);

    const opened = await run("year", "open", "2023", "--deadline", "2024-06-30");
    expect(opened.status).toBe(0);
    expect(opened.out).toContain("架空市 令和5年度（2023年度）を開始しました");
    expect(opened.out).toContain("7件");
    const twice = await run("year", "open", "2023");
    expect(twice.status).toBe(2);
    expect(twice.err).toContain("[year_exists]");
    expect(twice.err.trim().split("\n")).toHaveLength(1);
    const outside = await run("year", "open", "2031");
    expect(outside.status).toBe(2);
    expect(outside.err).toContain("計画期間の外");
    expect((await run("year", "open")).status).toBe(2);

    const status = await run("year", "status", "2023");
    expect(status.status).toBe(0);
    expect(status.out).toContain("入力期限: 2024-06-30");
    expect(status.out).toMatch(/商工労働課: 0\/1 未提出 1件/);
    const listed = await run("export", "--year", "2023");
    expect(JSON.parse(listed.out).kpis).toHaveLength(7);
  }, 300_000);
});
