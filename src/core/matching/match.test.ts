import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { kpiId } from "../ids.ts";
import {
  type IncomingKpi,
  type MatchCandidate,
  matchKpis,
  overridesFromFlags,
  parseOverrides,
} from "./match.ts";
import { diceSimilarity, normalizeKey } from "./normalize.ts";

const cand = (id: string, indicator: string, over: Partial<MatchCandidate> = {}): MatchCandidate => ({
  kpiId: kpiId(id),
  path: { goal: 1, subgoal: 1, measure: 1 },
  indicator,
  departments: ["企画課"],
  lastRow: 1,
  lastYear: 2022,
  expected: true,
  ...over,
});
const inc = (row: number, indicator: string, over: Partial<IncomingKpi> = {}): IncomingKpi => ({
  row,
  path: { goal: 1, subgoal: 1, measure: 1 },
  indicator,
  departments: ["企画課"],
  ...over,
});

describe("normalizeKey and diceSimilarity", () => {
  it("ignores width, spaces and the extractor's <br> wraps", () => {
    expect(normalizeKey("観光 入込<br>客数（延べ）")).toBe("観光入込客数(延べ)");
    expect(normalizeKey("ＫＰＩ　１２")).toBe("KPI12");
    expect(diceSimilarity("合計特殊<br>出生率", "合計 特殊出生率")).toBe(1);
  });

  it("is symmetric, within 0..1, and 1 for the same key", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 12 }), fc.string({ maxLength: 12 }), (a, b) => {
        const s = diceSimilarity(a, b);
        expect(s).toBeGreaterThanOrEqual(0);
        expect(s).toBeLessThanOrEqual(1);
        expect(diceSimilarity(b, a)).toBeCloseTo(s, 10);
        expect(diceSimilarity(a, `${a} `)).toBe(1);
      }),
      { numRuns: 100 },
    );
  });
});

describe("matchKpis", () => {
  it("matches exact keys, takes a close rename, and reports new and dropped ones", () => {
    const r = matchKpis(
      2023,
      [inc(1, "移住 相談件数"), inc(2, "観光入込客数（延べ）"), inc(3, "まったく別の指標")],
      [
        cand("a", "移住相談件数"),
        cand("b", "観光入込客数", { lastRow: 2 }),
        cand("c", "空き家の数", { lastRow: 3 }),
      ],
    );
    expect(r.entries.map((e) => [e.row, e.kind, e.kpiId])).toEqual([
      [1, "exact", "a"],
      [2, "renamed", "b"],
      [3, "new", null],
    ]);
    expect(r.entries[1]!.similarity).toBeGreaterThanOrEqual(0.6);
    expect(r.dropped.map((d) => d.kpiId)).toEqual(["c"]);
  });

  it("never matches silently when unsure: a middling score is uncertain and stays new", () => {
    const r = matchKpis(2023, [inc(1, "移住に関する相談の総数")], [cand("a", "移住相談件数")]);
    expect(r.entries[0]).toMatchObject({ kind: "uncertain", kpiId: null, candidate: { kpiId: "a" } });
    expect(r.dropped).toHaveLength(1);
    const ok = matchKpis(2023, [inc(1, "移住に関する相談の総数")], [cand("a", "移住相談件数")], {
      acceptUncertain: true,
    });
    expect(ok.entries[0]).toMatchObject({ kind: "manual", kpiId: "a" });
  });

  it("does not rename across 施策 numbers; an identical indicator elsewhere is `moved`", () => {
    const elsewhere = { path: { goal: 1, subgoal: 2, measure: 1 } };
    const r = matchKpis(
      2023,
      [inc(1, "観光入込客数（延べ）", elsewhere), inc(2, "移住相談件数", elsewhere)],
      [cand("b", "観光入込客数"), cand("a", "移住相談件数")],
    );
    expect(r.entries.map((e) => e.kind)).toEqual(["new", "moved"]);
  });

  it("pairs duplicates of one indicator in row order, and lets departments break a near tie", () => {
    const r = matchKpis(
      2023,
      [inc(1, "参加者数"), inc(2, "参加者数")],
      [cand("x", "参加者数", { lastRow: 5 }), cand("y", "参加者数", { lastRow: 4 })],
    );
    expect(r.entries.map((e) => e.kpiId)).toEqual(["y", "x"]);
    const d = matchKpis(
      2023,
      [inc(1, "講座の参加者数", { departments: ["生涯学習課"] })],
      [
        cand("p", "講座参加者数", { departments: ["スポーツ課"] }),
        cand("q", "講座参加者数", { departments: ["生涯学習課"] }),
      ],
    );
    expect(d.entries[0]?.kpiId).toBe("q");
  });

  it("applies overrides first and refuses bad ones", () => {
    const o = parseOverrides({ "row 1": "c", 行2: "new" });
    const r = matchKpis(
      2023,
      [inc(1, "何か"), inc(2, "移住相談件数")],
      [cand("a", "移住相談件数"), cand("c", "空き家の数")],
      {
        overrides: o,
      },
    );
    expect(r.entries.map((e) => [e.kind, e.kpiId])).toEqual([
      ["manual", "c"],
      ["new", null],
    ]);
    expect(overridesFromFlags(["row 12=abc", " 7 = new ", '{"行3":"k"}'])).toEqual({
      "row 12": "abc",
      "7": "new",
      行3: "k",
    });
    expect(() => overridesFromFlags(["12"])).toThrow(
      expect.objectContaining({ code: "invalid_match_override" }),
    );
    expect(() => parseOverrides({ twelve: "a" })).toThrow(
      expect.objectContaining({ code: "invalid_match_override" }),
    );
    expect(() => matchKpis(2023, [inc(1, "x")], [], { overrides: parseOverrides({ "1": "zz" }) })).toThrow(
      expect.objectContaining({ code: "invalid_match_override" }),
    );
    expect(() => matchKpis(2023, [inc(1, "x")], [], { overrides: parseOverrides({ "9": "new" }) })).toThrow(
      /行9/,
    );
  });
});
