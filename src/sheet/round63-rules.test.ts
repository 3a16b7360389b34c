import { describe, expect, it } from "vitest";
import type { Kpi, Sheet } from "../core/sheet.ts";
import { recogniseHeader } from "./column-fields.ts";
import { round63Refusal } from "./round63-guards.ts";
import { read, refusal } from "./test-read-lines.ts";

const FORMS = ["kpi.md", "kpi.xlsx"];
const LEGEND =
  "評価基準 A:基本目標を達成するために非常に効果的であった B:相当程度効果があった C:効果があった D:効果がなかった E:目標の達成は困難であり、見直す必要がある";

/** Projects rated twice on one legend, once per project (its other KPIs' rows blank), `first` | `second` as printed. */
const projects = (
  first: string,
  second: string,
  marks: (l: string) => string = (l) => l,
  legend = LEGEND,
) => [
  "令和4年度 交付金関係事業 評価シート",
  "",
  `| 事業名 | 重要業績評価指標(KPI) | 単位 | 基準値(R2) | 目標値(R4) | 実績値(R4) | ${first} | ${second} | 委員会の意見 | 担当課 |`,
  "|---|---|---|---|---|---|---|---|---|---|",
  `| 観光振興事業 | 新規創業件数 | 件 | 3 | 8 | 6 | ${marks("B")} | ${marks("B")} | 支援を続けられたい。 | 産業課 |`,
  "| | 観光従事者数 | 人 | 9,850 | 10,200 | 9,420 | | | | |",
  `| 誘客事業 | 外国人宿泊者数 | 人 | 172,300 | 250,000 | 61,800 | ${marks("E")} | ${marks("D")} | KPIのみで判断せず評価した。 | 観光課 |`,
  `| 竹細工事業 | 新商品開発数 | 件 | 0 | 5 | 7 | ${marks("C")} | ${marks("A")} | 販路開拓を検討されたい。 | 産業課 |`,
  "",
  legend,
];
const labels = (s: Sheet) => s.kpis.map((k) => k.evaluation?.label ?? null);

describe("round 63: two ratings on one legend, the department's and the committee's", () => {
  it("reads a bracket naming who rated as no unit, only under a rating's name", () => {
    expect(recogniseHeader("評価(委員会)")).toMatchObject({ field: "evaluation", unit: null });
    expect(recogniseHeader("評価(市)")).toMatchObject({ field: "evaluation", unit: null });
    expect(recogniseHeader("連携自治体数(市)").unit).toBe("市");
  });

  const named: [string, string][] = [
    ["自己評価", "委員会評価"],
    ["評価(担当課)", "評価(委員会)"],
    ["自己評価", "委員評価"],
    ["市の評価", "委員会の評価"],
    ["担当課による評価", "推進会議による評価"],
  ];
  for (const form of FORMS)
    for (const [self, committee] of named)
      for (const swapped of [false, true])
        it(`reads 「${committee}」 as the evaluation, 「${self}」 kept as an extra${swapped ? " (printed first)" : ""} (${form})`, async () => {
          const lines = swapped
            ? projects(committee, self).map((l) =>
                l
                  .replace("| B | B |", "| B | B |")
                  .replace("| E | D |", "| D | E |")
                  .replace("| C | A |", "| A | C |"),
              )
            : projects(self, committee);
          const sheet = await read(lines, form);
          // (each project's rating continues down its KPIs; the 「E」 its department gave is no evaluation)
          expect(labels(sheet)).toEqual(["B", "B", "D", "A"]);
          expect(sheet.kpis[2]!.extras).toEqual([{ header: self, text: "E" }]);
          expect(sheet.scale?.bands.map((b) => `${b.label} ${b.category}`)).toEqual([
            "A on_track",
            "B mostly_on_track",
            "C delayed",
            "D delayed",
            "E delayed",
          ]);
        });

  for (const form of FORMS)
    it(`reads grades printed as digits the legend names (5 … 1) the same way (${form})`, async () => {
      const digit = (l: string) => String("EDCBA".indexOf(l) + 1);
      const legend = LEGEND.replace(/([A-E]):/g, (_, l: string) => `${digit(l)}:`);
      const sheet = await read(projects("自己評価", "委員会評価", digit, legend), form);
      expect(labels(sheet)).toEqual(["4", "4", "2", "5"]);
    });

  for (const form of FORMS)
    for (const [style, mark] of [
      ["【A】", (l: string) => `【${l}】`],
      ["(A)", (l: string) => `(${l})`],
      ["A…", (l: string) => `${l}…`],
      ["A→", (l: string) => `${l}→`],
    ] as const)
      it(`settles the two ratings by a legend setting its labels off as ${style} (${form})`, async () => {
        const legend = LEGEND.replace(/([A-E]):/g, (_, l: string) => mark(l));
        expect(
          labels(
            await read(
              projects("自己評価", "委員会評価", (l) => l, legend),
              form,
            ),
          ),
        ).toEqual(["B", "B", "D", "A"]);
      });

  for (const form of FORMS)
    it(`refuses two ratings whose names do not say which is the review (${form})`, async () => {
      expect(await refusal(projects("評価(担当課)", "評価(所管課)"), form)).toMatch(
        /「評価\(担当課\)」、8列目「評価\(所管課\)」がどれも評価の記号/,
      );
    });

  for (const form of FORMS)
    it(`refuses the department's rating read while the same legend's letters stand, as is, under another name (${form})`, async () => {
      // (the committee's column printed as 「推移」: no rating's name, kept as is — which is the verdict, unknown)
      // (Merged with main: content-columns.ts refuses it first, naming the same column as the rating's rival.)
      expect(await refusal(projects("自己評価", "推移"), form)).toMatch(
        /指標「外国人宿泊者数」\(\d+行目\)は評価「E」として読みましたが、8列目「推移」にも同じ凡例の評価「D」|8列目「推移」は凡例が意味を示す評価の記号.*7列目「自己評価」とどちらが/,
      );
    });

  it("keeps a project's last KPI's dash under 実績値 when its row left its empty cells out (Markdown)", async () => {
    const trimmed = projects("自己評価", "委員会評価").map((l) =>
      l.startsWith("| |") ? l.replace(/(\|\s*)+$/, "|") : l,
    );
    // (three rows under a project's first: the rows like it, trimmed alike, show the columns such a row leaves blank)
    trimmed.splice(
      8,
      0,
      "| | 体験教室の参加者数 | 人 | 120 | 300 | 280 |",
      "| | 新商品の販売店数 | 店 | 2 | 10 | - |",
    );
    const sheet = await read(trimmed);
    const last = sheet.kpis.at(-1)!;
    expect([last.indicator, last.actual.kind, last.evaluation?.label]).toEqual([
      "新商品の販売店数",
      "missing",
      "A",
    ]);
  });

  it("refuses a reading that keeps the committee's rating as an extra and the department's as the evaluation", async () => {
    // (the shape 「評価(委員会)」 read as a unit left, with exit 0, before round63-raters.ts)
    const lines = projects("評価(担当課)", "評価(委員会)");
    const sheet = await read(lines);
    const swap = (k: Kpi): Kpi => {
      const committee = k.evaluation?.label ?? "";
      const self = k.extras?.find((e) => e.header === "評価(担当課)")?.text;
      return self
        ? {
            ...k,
            evaluation: { ...k.evaluation, label: self },
            extras: [{ header: "評価(委員会)", text: committee }],
          }
        : k;
    };
    const wrong = { ...sheet, kpis: sheet.kpis.map(swap) };
    const table = {
      rows: lines
        .filter((l) => l.startsWith("|"))
        .map((l, i) => ({
          row: i + 3,
          cells: l
            .split("|")
            .slice(1, -1)
            .map((c) => c.trim()),
        })),
      outside: [{ row: 12, text: LEGEND }],
    };
    const name = (k: Kpi) => `指標「${k.indicator}」`;
    expect(round63Refusal(wrong, table, name)).toMatch(
      /指標「外国人宿泊者数」は評価「E」として読みましたが、8列目「評価\(委員会\)」にも同じ凡例の評価「D」/,
    );
    expect(round63Refusal(sheet, table, name)).toBeNull();
  });
});
