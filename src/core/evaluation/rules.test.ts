import { describe, expect, it } from "vitest";
import { isSoseiError } from "../errors.ts";
import { bandOf, DEFAULT_RULES, parseRules, safeParseRules } from "./rules.ts";

function errorOf(json: unknown): { code: string; message: string } {
  try {
    parseRules(json);
  } catch (e) {
    if (isSoseiError(e)) return { code: e.code, message: e.message };
    throw e;
  }
  throw new Error("parseRules accepted it");
}

describe("parseRules", () => {
  it("reads the shorthand into the default bands", () => {
    const r = parseRules({ onTrack: 1.0, mostlyOnTrack: 0.8 });
    expect(r).toEqual(DEFAULT_RULES);
    const strict = parseRules({ onTrack: 1.05, mostlyOnTrack: 0.9 });
    expect(strict.bands.map((b) => b.min)).toEqual([1.05, 0.9, null]);
  });

  it("accepts JSON text and an empty object (all defaults)", () => {
    expect(parseRules("{}")).toEqual(DEFAULT_RULES);
    expect(parseRules('{"formula":"ratio"}').formula).toBe("ratio");
  });

  it("reads bands with labels, a not-evaluable label, directions and baselines", () => {
    const r = parseRules({
      name: "ABCD",
      bands: [
        { min: 1, category: "on_track", label: "A" },
        { min: 0.8, category: "mostly_on_track" },
        { category: "delayed", label: "C" },
      ],
      notEvaluable: { label: "−" },
      directions: { byRow: { "12": "decrease" }, byIndicator: { 開設日数: "maintain" } },
      baselines: { byRow: { "3": 40 }, byIndicator: { 出生数: { value: 1800, year: 2019 } } },
    });
    expect(r.bands[1]?.label).toBe("概ね順調に進捗");
    expect(r.notEvaluable.label).toBe("−");
    expect(r.directions.byRow["12"]).toBe("decrease");
    expect(r.baselines.byRow["3"]).toEqual({ value: 40, year: null });
    expect(r.baselines.byIndicator.出生数).toEqual({ value: 1800, year: 2019 });
  });

  it("reports a wrong type with its JSON path, in one line", () => {
    const e = errorOf({
      bands: [
        { min: 1, category: "on_track" },
        { min: "0.8", category: "delayed" },
      ],
    });
    expect(e.code).toBe("invalid_rules");
    expect(e.message).toContain("$.bands[1].min");
    expect(e.message).not.toContain("\n");
  });

  it("refuses unknown keys, categories and directions", () => {
    expect(errorOf({ ontrack: 1 }).message).toContain("ontrack");
    expect(errorOf({ bands: [{ min: 1, category: "good" }] }).message).toContain("$.bands[0].category");
    expect(errorOf({ directions: { byRow: { "5": "up" } } }).message).toContain('$.directions.byRow["5"]');
    expect(errorOf({ directions: { byRow: { x: "increase" } } }).message).toContain("$.directions.byRow");
    expect(errorOf({ formula: "magic" }).message).toContain("$.formula");
  });

  it("refuses bands out of order, a catch-all before the end, and mixing shorthand with bands", () => {
    expect(
      errorOf({
        bands: [
          { min: 0.8, category: "mostly_on_track" },
          { min: 1, category: "on_track" },
        ],
      }).message,
    ).toContain("$.bands[1].min");
    expect(errorOf({ bands: [{ category: "delayed" }, { min: 1, category: "on_track" }] }).message).toContain(
      "$.bands[0].min",
    );
    expect(errorOf({ onTrack: 1, bands: [{ category: "delayed" }] }).message).toContain("$.bands");
    expect(errorOf({ onTrack: 0.8, mostlyOnTrack: 0.9 }).message).toContain("$.mostlyOnTrack");
  });

  it("reports text that is not JSON", () => {
    const r = safeParseRules("{onTrack: 1}");
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message).toMatch(/not valid JSON/);
  });
});

describe("bandOf", () => {
  it("takes the first band reached, the last band below all of them", () => {
    const r = parseRules({
      bands: [
        { min: 1, category: "on_track", label: "A" },
        { min: 0.5, category: "delayed", label: "C" },
      ],
    });
    expect(bandOf(1.2, r).label).toBe("A");
    expect(bandOf(0.5, r).label).toBe("C");
    expect(bandOf(0.1, r).label).toBe("C");
    expect(bandOf(0.7999999999999999, DEFAULT_RULES).category).toBe("mostly_on_track");
    expect(bandOf(0.79, DEFAULT_RULES).category).toBe("delayed");
  });
});
