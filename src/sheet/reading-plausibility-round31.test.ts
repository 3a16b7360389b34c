// The last guard (reading-plausibility.ts), continued for round 31 in a file of its own
// (reading-plausibility-rounds.test.ts is past 400 lines): the wrong reading (exit 0) the round's rules
// showed on the way, as it came out — it must be refused. (The round's first readings were refusals.)
import { describe, expect, it } from "vitest";
import { checkReading } from "./reading-plausibility.ts";
import { band, kpi, num, rated, refusal, sheet, table, tableProfile } from "./test-plausibility.ts";

describe("wrong readings (exit 0) are refused, round 31", () => {
  it("round 31 tagawa-seika (legend read, its B's words not yet known): 「遅れはあるが、値は伸びている」 read as delayed", () => {
    const t = table([
      ["施策", "成果指標", "実績値(R1)", "進捗状況判定"],
      ["(1) 子育て支援の充実", "地域子育て支援拠点の利用者数", "19,860", "B"],
    ]);
    const s = sheet(2019, [
      kpi(2, "地域子育て支援拠点の利用者数", {
        actual: num(19860, "人", 2019),
        evaluation: rated("B", "delayed"),
      }),
    ]);
    s.scale = {
      bands: [
        band("A", "on_track", "目標値に対して順調に値が伸びている"),
        band("B", "delayed", "目標値に対して遅れはあるが、値は伸びている"),
        band("C", "delayed", "現状値から値が伸びていない、又は、現状値から値が悪化した"),
      ],
      basis: "progress_from_baseline",
      source: "「進捗状況判定」の凡例 「A」…目標値に対して順調に値が伸びている 「B」…",
    };
    expect(refusal(s, t, tableProfile([1]))).toContain("遅れながらも値が伸びている");
    // Read as the step under on track, it stands.
    s.scale.bands[1] = band("B", "mostly_on_track", "目標値に対して遅れはあるが、値は伸びている");
    s.kpis[0]!.evaluation = rated("B", "mostly_on_track");
    expect(() => checkReading(s, t, tableProfile([1]))).not.toThrow();
    // A lower band saying the figure does not rise is delayed, and stands (only the step under on track is checked).
    s.scale.bands = [
      band("A", "on_track", "目標値に対して順調に値が伸びている"),
      band("B", "mostly_on_track", "概ね順調"),
      band("C", "delayed", "遅れはあるが、値は伸びている"),
    ];
    expect(() => checkReading(s, t, tableProfile([1]))).not.toThrow();
  });
});
