import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { main } from "../main.ts";
import { capture, fixturePath, holdDataDirForTest } from "../test-io.ts";

const dir = mkdtempSync(path.join(tmpdir(), "sosei-profile-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const table = fixturePath("profile/kpi-table-2023.md");

/**
 * A data dir of its own with the KPI table imported and saved, its 振り返り column given as 理由 (a
 * mapping saved for the municipality); `run` runs sosei against it.
 */
async function withTableSaved(name: string) {
  const dataDir = await holdDataDirForTest(path.join(dir, name));
  const run = async (...args: string[]) => {
    const io = capture();
    const status = await main([...args, "--data-dir", dataDir], io);
    return { status, out: io.out, err: io.err };
  };
  const given = path.join(dir, `${name}-given.json`);
  writeFileSync(given, JSON.stringify({ columns: [{ col: 9, field: "reason" }] }));
  const saved = await run("import", table, "--save", "--municipality", "架空市", "--profile", given);
  expect(saved.status).toBe(0);
  return run;
}

describe("sosei profile", () => {
  it("shows the saved mapping, prints it as a --profile file that reads the next year, and forgets it", async () => {
    const run = await withTableSaved("data");

    const shown = await run("profile", "show");
    expect(shown.status).toBe(0);
    expect(shown.out).toContain("架空市の取り込み設定（「kpi-table-2023.md」");
    expect(shown.out).toContain("9列目 「振り返り」 → 理由");
    expect(shown.out).toMatch(/A → 順調に進捗（100%以上）/);

    // As a file sosei import --profile takes: next year's file read with it.
    const asJson = await run("profile", "show", "--json");
    const saved = path.join(dir, "saved.json");
    writeFileSync(saved, asJson.out);
    expect(JSON.parse(asJson.out).columns).toContainEqual({
      table: 1,
      col: 9,
      header: "振り返り",
      field: "reason",
    });
    const y2024 = path.join(dir, "kpi-table-2024.md");
    writeFileSync(y2024, readFileSync(table, "utf8").replaceAll("令和5年度", "令和6年度"));
    const out = path.join(dir, "2024.json");
    expect((await run("import", y2024, "-o", out, "--profile", saved)).status).toBe(0);
    expect(JSON.parse(readFileSync(out, "utf8")).kpis[0].reason).toBe("相談窓口の周知が進んだ。");

    const forgotten = await run("profile", "forget");
    expect(forgotten.out).toContain("取り込み設定を1件削除しました");
    expect((await run("profile", "show")).out).toContain("保存された取り込み設定はありません");
    expect((await run("profile", "show", "--json")).out.trim()).toBe("null");
    expect((await run("profile", "forget")).out).toContain("保存された取り込み設定はありません");
    const bad = await run("profile", "edit");
    expect(bad.status).toBe(2);
    expect(bad.err).toContain("sosei profile show|forget");
  });

  it("keeps a mapping per layout: lists them numbered, asks which one for --json and forget", async () => {
    const run = await withTableSaved("data-two");
    // The same KPIs in another layout (the department before the figures), its mapping given too.
    const list = path.join(dir, "kpi-list-2023.md");
    writeFileSync(
      list,
      readFileSync(table, "utf8")
        .split("\n")
        .map((line) => {
          const cells = line.split("|");
          if (cells.length < 12) return line;
          const dept = cells.splice(10, 1)[0]!;
          cells.splice(4, 0, dept);
          return cells.join("|");
        })
        .join("\n"),
    );
    const givenList = path.join(dir, "given-list.json");
    writeFileSync(givenList, JSON.stringify({ columns: [{ col: 10, field: "reason" }] }));
    const second = await run("import", list, "--save", "--municipality", "架空市", "--profile", givenList);
    expect(second.err).toContain("列の対応付けを架空市の分として保存");
    expect(second.status).toBe(0);

    const shown = await run("profile", "show");
    expect(shown.out).toMatch(/^1\. 架空市の取り込み設定（「kpi-list-2023\.md」/m);
    expect(shown.out).toMatch(/^2\. 架空市の取り込み設定（「kpi-table-2023\.md」/m);
    const ambiguous = await run("profile", "show", "--json");
    expect(ambiguous.status).toBe(2);
    expect(ambiguous.err).toContain("取り込み設定が2件保存されています");
    expect(JSON.parse((await run("profile", "show", "2", "--json")).out).columns).toContainEqual({
      table: 1,
      col: 9,
      header: "振り返り",
      field: "reason",
    });
    expect((await run("profile", "forget")).status).toBe(2);
    expect((await run("profile", "forget", "3")).err).toContain("番号「3」の取り込み設定はありません");
    expect((await run("profile", "forget", "1")).out).toContain("取り込み設定を1件削除しました");
    const left = await run("profile", "show");
    expect(left.out).toContain("架空市の取り込み設定（「kpi-table-2023.md」");
    expect(left.out).not.toContain("kpi-list-2023.md");
    expect((await run("profile", "forget", "--all")).out).toContain("1件削除しました");
    expect((await run("profile", "show")).out).toContain("保存された取り込み設定はありません");
  });
});
