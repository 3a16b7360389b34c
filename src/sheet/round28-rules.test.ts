// Round 28's general rules (fixtures/layouts/README.md), each on a small table of its own.
import { describe, expect, it } from "vitest";
import type { Kpi } from "../core/sheet.ts";
import { importSheet } from "./index.ts";
import { categoryOf } from "./legend-categories.ts";
import { currentTargetLine, twoFigureLines } from "./two-line-targets.ts";

const bytes = (lines: string[]) => new TextEncoder().encode(lines.join("\n"));
const v = (x: Kpi["actual"]) =>
  x.kind === "number" ? `${x.value} ${x.unit ?? ""} @${x.period.year}` : x.kind;

const NOTE =
  "既に目標値をクリアした成果指標について、目標値を修正した場合は、二段書きの下段に当初の目標値、上段に新たな目標値を記載しています。";
const SCALE =
  "★評価基準 A 計画を大きく上回る成果が出ている B 計画をやや上回る成果が出ている C 計画どおりの成果が出ている D 計画をやや下回る成果となっている E 計画を大きく下回る成果となっている";
const HEADER =
  "| 成果指標 | 単位 | 基準値(H28年度) | H30年度 | 目標値(2025年度) | 施策評価(1次評価) | 施策評価(2次評価) | 所管部 |";
const RULE = "|---|---|---|---|---|---|---|---|";

/** Two 施策 under their headings, each rated once on its first row (丸亀市's 行政評価, cut down). */
const twoMeasures = (opts: { note?: boolean; first?: string; second?: string } = {}) => [
  "令和元年度 行政評価(内部評価)報告書",
  ...(opts.note === false ? [] : ["", NOTE]),
  "",
  "施策15 商工業の振興",
  "",
  HEADER,
  RULE,
  `| 新規創業件数 | 件 | 28 | 36 | 40 | C | ${opts.second ?? "C"} | 産業文化部 |`,
  "| 製造品出荷額等 | 億円 | 2,415 | 2,602 | 2,650<br>2,500 | | | |",
  "",
  "施策16 観光交流の推進",
  "",
  HEADER,
  RULE,
  `| 観光客入込数 | 人 | 3,245 | 3,528 | 3,800 | ${opts.first ?? "B"} | C | 観光課 |`,
  "| 丸亀城天守入場者数 | 人 | 56,030 | 60,112 | 70,000 | | | |",
  "",
  SCALE,
  "",
];

describe("round 28", () => {
  it("legend words: better than at 策定時 is mostly on track; above the plan on track; a little under it mostly on track", () => {
    expect(categoryOf("B", "策定時より改善している")).toBe("mostly_on_track");
    expect(categoryOf("B", "初期値から向上している")).toBe("mostly_on_track");
    expect(categoryOf("B", "計画をやや上回る成果が出ている")).toBe("on_track");
    expect(categoryOf("A", "目標値を大きく上回った")).toBe("on_track");
    expect(categoryOf("D", "計画をやや下回る成果となっている")).toBe("mostly_on_track");
    expect(categoryOf("E", "計画を大きく下回る成果となっている")).toBe("delayed");
    // The national form's third label still says the target was missed.
    expect(categoryOf("3", "目標値には届かなかったが事業開始前より改善した")).toBe("delayed");
  });

  it("a cell of two figures on two lines, and the note saying which line is the current target", () => {
    expect(twoFigureLines("2,650<br>2,500")).toEqual(["2,650", "2,500"]);
    expect(twoFigureLines("380.0\n350.0")).toEqual(["380.0", "350.0"]);
    // A PDF's text joins a cell's lines with a space.
    expect(twoFigureLines("2,650 2,500")).toEqual(["2,650", "2,500"]);
    expect(twoFigureLines("45.0 %")).toBeNull();
    // A long number wrapped by the extractor is no second figure (its groups are broken).
    expect(twoFigureLines("100,000,000,00<br>0")).toBeNull();
    expect(twoFigureLines("登録件数9件<br>(達成率90%)")).toBeNull();
    expect(currentTargetLine([NOTE])).toBe("upper");
    expect(currentTargetLine(["二段書きの上段に当初の目標値、下段に修正後の目標値を記載"])).toBe("lower");
    expect(currentTargetLine(["目標値は令和7年度の値"])).toBeNull();
  });

  it("reads a 施策's two ratings (1次 / 2次), its revised target's upper line, and its rating and 所管部 printed once under its heading", async () => {
    const r = await importSheet(bytes(twoMeasures()), "t.md");
    expect(r.ok ? "read" : r.error.message).toBe("read");
    if (!r.ok) return;
    expect(r.sheet.fiscalYear).toBe(2018);
    expect(r.sheet.kpis.map((k) => [k.measure.no, k.evaluation.label, k.departments.join()])).toEqual([
      [15, "C", "産業文化部"],
      [15, "C", "産業文化部"],
      [16, "C", "観光課"],
      [16, "C", "観光課"],
    ]);
    expect(v(r.sheet.kpis[1]!.finalTarget)).toBe("265000000000 円 @2025");
    expect(r.sheet.scale?.bands.map((b) => `${b.label} ${b.category}`)).toEqual([
      "A on_track",
      "B on_track",
      "C on_track",
      "D mostly_on_track",
      "E delayed",
    ]);
  });

  it("refuses a two-line target when no note says which line is the current one, naming the cell", async () => {
    const r = await importSheet(bytes(twoMeasures({ note: false })), "t.md");
    expect(r.ok ? "read" : r.error.message).toMatch(
      /「目標値\(2025年度\)」の「2,650 \/ 2,500」は目標値が2段に書かれていて/,
    );
  });

  it("refuses two rating columns of letters that disagree when their headers do not say which is the review", async () => {
    const plain = (l: string) =>
      l.replace("施策評価(1次評価)", "評価A").replace("施策評価(2次評価)", "評価B");
    const r = await importSheet(bytes(twoMeasures().map(plain)), "t.md");
    expect(r.ok ? "read" : r.error.message).toMatch(/6列目「評価A」、7列目「評価B」がどれも評価の記号/);
    // With no legend explaining the letters the columns are not settled as ratings before the rows;
    // the guard (rival-ratings.ts) still refuses the row where they disagree.
    const bare = await importSheet(
      bytes(
        twoMeasures()
          .map(plain)
          .filter((l) => l !== SCALE),
      ),
      "t.md",
    );
    expect(bare.ok ? "read" : bare.error.message).toMatch(
      /「評価A」\(「B」\)と7列目「評価B」\(「C」\)の評価が異なります/,
    );
  });
});
