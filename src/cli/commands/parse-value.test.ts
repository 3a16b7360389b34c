import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { fixedClock } from "../../core/clock.ts";
import type { Period } from "../../core/period.ts";
import type { Value } from "../../core/sheet.ts";
import { parseValue } from "../../core/value/parse-value.ts";
import { main } from "../main.ts";
import { capture } from "../test-io.ts";
import { parseValueCommand } from "./parse-value.ts";

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../..");
const seedDir = path.resolve(repoRoot, "../shared/seed");
const FY2022: Period = { year: 2022, basis: "fiscal" };

function ok(text: string): Value {
  const r = parseValue(text, FY2022);
  if (!r.ok) throw new Error(`expected ${text} to parse: ${r.problem.messageEn}`);
  return r.value;
}

const num = (value: number, unit: string | null, period: Period = FY2022) => ({
  kind: "number",
  value,
  unit,
  period,
});

describe("sosei parse-value", () => {
  it("prints the value as 2-space JSON with the cell's own period", async () => {
    const io = capture();
    expect(await main(["parse-value", "12,025億円(令和2年)", "--year", "2022"], io)).toBe(0);
    expect(io.out).toBe(
      `${JSON.stringify(
        {
          kind: "number",
          value: 1202500000000,
          unit: "円",
          period: { year: 2020, basis: "calendar" },
          raw: "12,025億円(令和2年)",
        },
        null,
        2,
      )}\n`,
    );
    expect(io.err).toBe("");
  });

  it("takes the column's period from --year (also 令和4年度, R4) and --basis", async () => {
    for (const [args, period] of [
      [["--year", "令和4年度"], { year: 2022, basis: "fiscal" }],
      [["--year", "R4"], { year: 2022, basis: "fiscal" }],
      [["--year", "2021", "--basis", "calendar"], { year: 2021, basis: "calendar" }],
      [["--year", "令和3年"], { year: 2021, basis: "calendar" }],
    ] as const) {
      const io = capture();
      expect(await main(["parse-value", "10件", ...args], io)).toBe(0);
      expect(JSON.parse(io.out).period).toEqual(period);
    }
  });

  it("uses the clock's fiscal year without --year, with a one-line note", async () => {
    const io = capture();
    const cmd = parseValueCommand(fixedClock("2023-03-31T12:00:00+09:00"));
    expect(await cmd.run(["10件"], io)).toBe(0);
    expect(JSON.parse(io.out).period).toEqual({ year: 2022, basis: "fiscal" });
    expect(io.err.trim().split("\n")).toHaveLength(1);
    expect(io.err).toContain("令和4年度（2022年度）");
  });

  it("exits 2 with one line saying what is wrong and where", async () => {
    const io = capture();
    expect(await main(["parse-value", "12,3456人", "--year", "2022"], io)).toBe(2);
    expect(io.out).toBe("");
    expect(io.err.trim().split("\n")).toHaveLength(1);
    expect(io.err).toContain("bad_digit_grouping");
    expect(io.err).toContain("3456");
  });

  it("exits 2 on bad usage", async () => {
    for (const args of [
      [],
      ["1", "2"],
      ["1", "--basis", "weekly"],
      ["1", "--year", "someday"],
      ["1", "--year", "令和4年", "--basis", "fiscal"],
    ]) {
      const io = capture();
      expect(await main(["parse-value", ...args], io), args.join(" ")).toBe(2);
      expect(io.err).toContain("usage_error");
      expect(io.err.trim().split("\n"), args.join(" ")).toHaveLength(1);
    }
  });

  it("reads text starting with '-' after --", async () => {
    const io = capture();
    expect(await main(["parse-value", "--year", "2022", "--", "-"], io)).toBe(0);
    expect(JSON.parse(io.out)).toEqual({ kind: "missing", raw: "-" });
  });
});

/** Value cells of a pipe table: the three cells before the 進捗評価 cell, header rows skipped. */
function valueCells(table: string): string[] {
  const cells: string[] = [];
  for (const line of table.split("\n")) {
    if (!line.startsWith("|")) continue;
    const row = line
      .trim()
      .replace(/^\||\|$/g, "")
      .split("|")
      .map((c) => c.trim());
    const evalAt = row.findIndex((c) => /^(順調に進捗|概ね順調に進捗|進捗の遅れ|評価不可)/.test(c));
    if (evalAt < 3) continue;
    cells.push(...row.slice(evalAt - 3, evalAt));
  }
  return cells;
}

describe("our damaged table fixture", () => {
  const table = readFileSync(path.join(repoRoot, "fixtures/values/extractor-table.txt"), "utf8");
  const cells = valueCells(table);

  it("has all value cells found, and every one reads", () => {
    expect(cells).toHaveLength(11 * 3);
    for (const c of cells) expect(parseValue(c, FY2022).ok, c).toBe(true);
  });

  it("reads each kind of damage the way a person would", () => {
    const v = Object.fromEntries(cells.map((c) => [c, ok(c)]));
    expect(v["2,987億円(令和2<br>年)"]).toMatchObject(
      num(298700000000, "円", { year: 2020, basis: "calendar" }),
    );
    expect(v["45事業<br>所<br>(令和3<br>年)"]).toMatchObject(
      num(45, "事業所", { year: 2021, basis: "calendar" }),
    );
    expect(v["1万2000人"]).toMatchObject(num(12000, "人"));
    expect(v["中学生71.5%<br>高校生64.0%"]).toMatchObject({ kind: "segmented" });
    expect(v["７９．５万人（令和３年度）"]).toMatchObject(num(795000, "人", { year: 2021, basis: "fiscal" }));
    expect(v["11,480千円"]).toMatchObject(num(11480000, "円"));
    expect(v["△1.4%"]).toMatchObject(num(-1.4, "%"));
    expect(v["<br>"]).toMatchObject({ kind: "missing" });
    expect(v["延べ1,500人以上"]).toMatchObject({ value: 1500, qualifiers: ["延べ", "以上"] });
    expect(v.全地区で毎年開催).toMatchObject({ kind: "text" });
  });
});

describe.skipIf(!existsSync(seedDir))("the seed sheet", () => {
  it("reads every value cell (目標値, 実績値, 最終目標値) without a refusal", () => {
    const seed = path.join(seedDir, "000_291d4d894f3c6cbd.txt");
    const cells = valueCells(readFileSync(seed, "utf8"));
    expect(cells).toHaveLength(41 * 3);
    for (const c of cells) {
      const r = parseValue(c, FY2022);
      expect(r.ok, `${c} → ${r.ok ? "" : r.problem.messageEn}`).toBe(true);
    }
    const kinds = cells.map((c) => ok(c).kind);
    expect(kinds.filter((k) => k === "segmented")).toHaveLength(5);
    expect(kinds.filter((k) => k === "text")).toHaveLength(4);
    expect(kinds.filter((k) => k === "missing")).toHaveLength(3);
  });
});
