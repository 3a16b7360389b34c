import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { evaluateKpi, evaluateSheet } from "../../core/evaluation/evaluate.ts";
import { parseRules } from "../../core/evaluation/rules.ts";
import { makeKpi, num, SEED_CASES } from "../../core/evaluation/test-kpis.ts";
import type { SheetEvaluation } from "../../core/evaluation/types.ts";
import { importSheetFile } from "../../sheet/index.ts";
import { main } from "../main.ts";
import { capture } from "../test-io.ts";

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../..");
const seedDir = path.resolve(repoRoot, "../shared/seed");
const fixture = (...p: string[]) => path.join(repoRoot, "fixtures", ...p);
const rulesFile = (name: string) => parseRules(JSON.parse(readFileSync(fixture("rules", name), "utf8")));

describe("fixtures/rules: each example scale", () => {
  const FY = 2022;
  const cases = Object.values(SEED_CASES);
  const labels = (file: string) => cases.map((k) => evaluateKpi(k, rulesFile(file), FY).computedLabel);

  it("default.json is the default scale", () => {
    expect(rulesFile("default.json")).toEqual(parseRules({}));
    expect(labels("default.json")).toEqual(["順調に進捗", "概ね順調に進捗", "概ね順調に進捗", "評価不可"]);
  });

  it("abcd.json grades A/B/C/D and E where not evaluable", () => {
    // 106.7% A, 90.1% B, 81.5% B, none E
    expect(labels("abcd.json")).toEqual(["A", "B", "B", "E"]);
    const half = makeKpi({
      indicator: "参加者数",
      target: num(100, "人"),
      actual: num(50, "人"),
      stated: "delayed",
    });
    const low = makeKpi({
      indicator: "参加者数",
      target: num(100, "人"),
      actual: num(49, "人"),
      stated: "delayed",
    });
    expect(evaluateKpi(half, rulesFile("abcd.json"), FY).computedLabel).toBe("C");
    expect(evaluateKpi(low, rulesFile("abcd.json"), FY).computedLabel).toBe("D");
  });

  it("marks.json grades ◎○△× and sets a direction by name", () => {
    // 106.7% ◎, 90.1% ○, 81.5% △, none －
    expect(labels("marks.json")).toEqual(["◎", "○", "△", "－"]);
    const clubs = makeKpi({
      indicator: "放課後児童クラブ数",
      target: num(92, "カ所"),
      actual: num(95, "カ所"),
      stated: "on_track",
    });
    const e = evaluateKpi(clubs, rulesFile("marks.json"), FY);
    expect(e).toMatchObject({
      direction: "maintain",
      directionInferred: false,
      achievementRate: 1,
      computedLabel: "◎",
    });
  });

  it("sabc-baseline.json grades progress from the baseline, − without one", () => {
    const r = rulesFile("sabc-baseline.json");
    expect(r.formula).toBe("progress_from_baseline");
    const got = cases.map((k) => evaluateKpi(k, r, FY));
    // accidents: (1143 − 1400) ÷ (1220 − 1400) = 142.8% → S
    expect(got[0]?.achievementRate).toBeCloseTo(257 / 180, 10);
    expect(got[0]?.computedLabel).toBe("S");
    // check-ups: (43.2 − 45) ÷ (53 − 45) < 0 → C (worse than the baseline)
    expect(got[2]?.achievementRate).toBeCloseTo(-1.8 / 8, 10);
    expect(got[2]?.computedLabel).toBe("C");
    // no baseline for the English segments → −
    expect(got[1]?.notes).toContain("no_baseline");
    expect(got[1]?.computedLabel).toBe("−");
    const b = makeKpi({
      indicator: "特定健康診査実施率",
      target: num(53, "%"),
      actual: num(47, "%"),
      stated: "delayed",
    });
    expect(evaluateKpi(b, r, FY).computedLabel).toBe("B");
    const a = makeKpi({
      indicator: "特定健康診査実施率",
      target: num(53, "%"),
      actual: num(50, "%"),
      stated: "delayed",
    });
    expect(evaluateKpi(a, r, FY).computedLabel).toBe("A");
  });

  it("prorated.json rates against the pro-rated target", () => {
    const e = evaluateKpi(SEED_CASES.trafficAccidents, rulesFile("prorated.json"), FY);
    expect(e.achievementRate).toBeCloseTo(1256 / 1143, 10);
    expect(e.computed).toBe("on_track");
  });
});

describe("sosei evaluate: usage and rules errors", () => {
  const sheetFile = fixture("evaluate", "sample-2022.json");

  it("refuses an unknown --format with status 2", async () => {
    const io = capture();
    expect(await main(["evaluate", sheetFile, "--format", "xml"], io)).toBe(2);
    expect(io.err).toContain("--format must be text or json");
  });

  it("refuses a missing FILE with status 2", async () => {
    const io = capture();
    expect(await main(["evaluate"], io)).toBe(2);
  });

  it("reports an invalid rules file in one line with the JSON path, status 2", async () => {
    const io = capture();
    expect(await main(["evaluate", sheetFile, "--rules", fixture("evaluate", "bad-rules.json")], io)).toBe(2);
    expect(io.err.trim().split("\n")).toHaveLength(1);
    expect(io.err).toContain("$.bands[1].min");
    expect(io.err).toContain('$.directions.byRow["3"]');
    expect(io.err).toContain("[invalid_rules]");
  });

  it("reports rules that are not JSON, and a rules file that is not there", async () => {
    const io = capture();
    expect(
      await main(["evaluate", sheetFile, "--rules", fixture("evaluate", "not-json-rules.json")], io),
    ).toBe(2);
    expect(io.err).toContain("not valid JSON");
    const io2 = capture();
    expect(await main(["evaluate", sheetFile, "--rules", fixture("evaluate", "nope.json")], io2)).toBe(2);
    expect(io2.err).toContain("cannot read the rules file");
  });
});

describe("sosei evaluate through the importer", () => {
  const sheetFile = fixture("evaluate", "sample-2022.json");

  it("prints the Japanese text report by default", async () => {
    const io = capture();
    expect(await main(["evaluate", sheetFile], io)).toBe(0);
    expect(io.out).toContain("令和4年度（2022年度）");
    expect(io.out).toMatch(/106\.7%.*✔.*交通事故発生件数/);
    expect(io.out).toContain("不一致・照合不可");
    expect(io.out).toContain("集計");
  });

  it("prints JSON with --format json, under the rules given", async () => {
    const io = capture();
    const code = await main(
      ["evaluate", sheetFile, "--format", "json", "--rules", fixture("rules", "abcd.json")],
      io,
    );
    expect(io.err).toBe("");
    expect(code).toBe(0);
    const e = JSON.parse(io.out) as SheetEvaluation;
    expect(e.fiscalYear).toBe(2022);
    expect(e.rules.name).toBe("A〜D評価");
    expect(e.kpis).toHaveLength(7);
    expect(e.kpis[0]).toMatchObject({
      row: 1,
      direction: "decrease",
      directionInferred: true,
      computedLabel: "A",
    });
    expect(e.summary.all.total).toBe(7);
  });

  it("exits 2 with one line when the file cannot be read", async () => {
    const io = capture();
    expect(await main(["evaluate", fixture("evaluate", "no-such-sheet.json")], io)).toBe(2);
    expect(io.err.trim().split("\n")).toHaveLength(1);
  });
});

describe.skipIf(!existsSync(seedDir))("the seed sheet, evaluated", () => {
  it("rates the four KPIs of issue #4 as the literal cases do", async () => {
    const result = await importSheetFile(path.join(seedDir, "000_291d4d894f3c6cbd.txt"));
    if (!result.ok) throw new Error(result.error.message);
    const e = evaluateSheet(result.sheet);
    expect(e.fiscalYear).toBe(2022);
    const find = (name: string) => {
      const k = e.kpis.find((x) => x.indicator === name);
      if (!k) throw new Error(`${name} not in the seed's evaluation`);
      return k;
    };
    const accidents = find("交通事故発生件数");
    expect(accidents).toMatchObject({ direction: "decrease", computed: "on_track", agrees: true });
    expect(accidents.achievementRate).toBeCloseTo(1220 / 1143, 6);
    const english = find("英語の学習が楽しいと感じている児童・生徒の割合");
    expect(english.worstSegment).toBe("中学校");
    expect(english.achievementRate).toBeCloseTo(76.6 / 85.0, 6);
    const checkups = find("特定健康診査実施率");
    expect(checkups.notes).toContain("period_mismatch");
    expect(checkups.achievementRate).toBeCloseTo(43.2 / 53.0, 6);
    const waiting = find("保育施設待機児童数");
    expect(waiting.achievementRate).toBeNull();
    expect(waiting.computed).not.toBe("delayed");
    expect(waiting.agrees).toBeNull();
    expect(e.summary.all.total).toBe(e.kpis.length);
  });
});
