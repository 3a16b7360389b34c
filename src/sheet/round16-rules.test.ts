// Round 16's general rules (fixtures/layouts/README.md), each on a small table of its own.
import { describe, expect, it } from "vitest";
import { unnumberList } from "./card-parts.ts";
import { type Field, recogniseHeader } from "./column-fields.ts";
import { importSheet } from "./index.ts";
import { readOrdinal } from "./read-ordinal.ts";
import { headingsIn } from "./section-headings.ts";

const bytes = (lines: string[]) => new TextEncoder().encode(lines.join("\n"));
const HEAD =
  "| 社会目標(指標) | 計画策定時の値 | 目安値(29年度) | 実績値(29年度) | 目標(32年度) |\n|---|---|---|---|---|";

describe("round 16", () => {
  it("a Roman numeral code 「Ⅰ-1-1 …」 (after a level word or none) is numbered by its last part", () => {
    expect(readOrdinal("Ⅰ-1-1 ものづくり産業の振興")).toEqual({ no: 1, title: "ものづくり産業の振興" });
    expect(readOrdinal("政策分野Ⅲ-2 観光立県ちばの推進")).toEqual({ no: 2, title: "観光立県ちばの推進" });
    expect(readOrdinal("Ⅱ 安心して暮らせるしまね")).toEqual({ no: 2, title: "安心して暮らせるしまね" });
  });

  it("unmarked lines 「Ⅲ …」 and 「政策分野Ⅲ-2 …」 between tables are the goal and the measure of the rows below", async () => {
    expect(
      headingsIn(
        [{ text: "Ⅲ 経済の活性化と交流基盤の整備" }, { text: "政策分野Ⅲ-2 観光立県ちばの推進" }],
        {},
      ),
    ).toEqual({
      goal: { no: 3, title: "経済の活性化と交流基盤の整備" },
      measure: { no: 2, title: "観光立県ちばの推進" },
    });
    // A sentence starting with a numeral is no heading.
    expect(headingsIn([{ text: "Ⅰ 目安値は、平成29年度に到達していると想定される値。" }], {})).toEqual({});
    const r = await importSheet(
      bytes([
        "平成29年度 政策評価 社会目標の進捗状況",
        "Ⅰ 安全で豊かなくらしの実現",
        "政策分野Ⅰ-1 自助・共助・公助が連携した防災先進県づくり",
        "",
        HEAD,
        "| 自主防災組織の活動カバー率 | 60.2%(平成28年度) | 65.4% | 63.8% | 81.0% |",
        "",
        "Ⅲ 経済の活性化と交流基盤の整備",
        "政策分野Ⅲ-2 観光立県ちばの推進",
        "",
        HEAD,
        "| 県内への企業立地件数 | 48件(平成28年) | 55件 | 51件 | 70件 |",
        "",
      ]),
      "t.md",
    );
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.sheet.kpis.map((k) => [k.goal, k.measure])).toEqual([
      [
        { no: 1, title: "安全で豊かなくらしの実現" },
        { no: 1, title: "自助・共助・公助が連携した防災先進県づくり" },
      ],
      [
        { no: 3, title: "経済の活性化と交流基盤の整備" },
        { no: 2, title: "観光立県ちばの推進" },
      ],
    ]);
  });

  it("「目標(32年度)」: a role's bracketed year without an era takes the title's (平成), so the final target is 2020's", async () => {
    const r = await importSheet(
      bytes([
        "平成29年度 政策評価 社会目標の進捗状況",
        "",
        HEAD,
        "| 交通事故死者数 | 185人(平成28年) | 170人 | 154人 | 150人 |",
        "",
      ]),
      "t.md",
    );
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const k = r.sheet.kpis[0]!;
    expect(
      [k.target, k.actual, k.finalTarget].map((v) => (v.kind === "number" ? v.period.year : null)),
    ).toEqual([2017, 2017, 2020]);
  });

  it("a row holding only 「Ⅲ …」 or 「政策分野Ⅲ-2 …」 (a heading merged across an Excel sheet) heads the rows below", async () => {
    const r = await importSheet(
      bytes([
        "平成29年度 政策評価 社会目標の進捗状況",
        "",
        HEAD,
        "| Ⅲ 経済の活性化と交流基盤の整備 | | | | |",
        "| 政策分野Ⅲ-2 観光立県ちばの推進 | | | | |",
        "| 県内への企業立地件数 | 48件(平成28年) | 55件 | 51件 | 70件 |",
        "",
      ]),
      "t.md",
    );
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.sheet.kpis.map((k) => [k.indicator, k.goal.no, k.measure.no])).toEqual([
      ["県内への企業立地件数", 3, 2],
    ]);
  });

  it("the sentence defining an indicator on the lines under its name is no part of the name (kept as an extra)", async () => {
    const r = await importSheet(
      bytes([
        "平成29年度 政策評価 社会目標の進捗状況",
        "",
        HEAD,
        "| 災害対策コーディネーター<br>の登録者数<br>養成講座を修了し、市町村<br>や社会福祉協議会等への名<br>簿提供に同意した者の数 | 974人(平成28年度) | 1,038人 | 1,102人 | 1,230人 |",
        "| 交通事故死者数<br>交通事故発生から24時間以内に死亡した人の数 | 185人(平成28年) | 170人 | 154人 | 150人 |",
        "| 木の駅プロジェクトに参加<br>した新規兼業農林家数 | 12人(平成28年度) | 20人 | 57人 | 100人 |",
        "",
      ]),
      "t.md",
    );
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.sheet.kpis.map((k) => k.indicator)).toEqual([
      "災害対策コーディネーターの登録者数",
      "交通事故死者数",
      "木の駅プロジェクトに参加した新規兼業農林家数",
    ]);
    expect(r.sheet.kpis[1]!.extras).toEqual([
      { header: "社会目標(指標)(説明)", text: "交通事故発生から24時間以内に死亡した人の数" },
    ]);
  });

  it("達成度 「B / 90.5%」: the letter is the KPI's evaluation and the percentage its rate; 評価原案 printed once per 施策 is kept as an extra; 計画期間目標値 is the final target", async () => {
    const r = await importSheet(
      bytes([
        "平成27年度 政策評価・施策評価基本票(平成26年度の取組)",
        "",
        "| 施策 | 目標指標等 | 目標値 | 実績値 | 達成度 | 計画期間目標値 | 評価原案 |",
        "|---|---|---|---|---|---|---|",
        "| 1 ものづくり産業の振興 | 企業立地件数(件) | 60件<br>(平成26年度) | 71件<br>(平成26年度) | A<br>118.3% | 80件<br>(平成28年度) | 概ね順調 |",
        "| | 観光客入込数(万人) | 6,300万人<br>(平成26年) | 5,796万人<br>(平成26年) | B<br>92.0% | 6,500万人<br>(平成28年) | |",
        "",
        "達成度 A:目標値を達成している。 B:目標値を達成していないが、達成率が80%以上である。 C:達成率が80%未満である。",
      ]),
      "t.md",
    );
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(
      r.sheet.kpis.map((k) => [
        k.evaluation.category,
        k.evaluation.label,
        k.printedRate,
        k.finalTarget.kind === "number" ? k.finalTarget.value : null,
      ]),
    ).toEqual([
      ["on_track", "A", 1.183, 80],
      ["mostly_on_track", "B", 0.92, 65000000],
    ]);
    expect(r.sheet.kpis[0]!.extras).toEqual([{ header: "評価原案", text: "概ね順調" }]);
  });

  it("a card's indicator on 目標値 / 実績値 / 達成率 rows, 「単年度値」 under its name and 「1 」 before it; 幹事部局 and 「課題解決に向けての今後の取組の方向性」 as keys", async () => {
    expect(recogniseHeader("幹事部局").field).toBe("departments");
    expect(recogniseHeader("課題解決に向けての今後の取組の方向性").field).toBe("nextSteps");
    expect(recogniseHeader("施策の目的達成に向けての課題").field).toBe("challenge");
    const row = (...c: string[]) => `| ${[...c, ...Array(8 - c.length).fill("")].join(" | ")} |`;
    const r = await importSheet(
      bytes([
        "平成27年度 施策評価シート",
        "",
        row("施策", "Ⅰ-1-1 ものづくり産業の振興"),
        "|---|---|---|---|---|---|---|---|",
        row("幹事部局", "商工労働部"),
        row("成果参考指標名", "単位", "", "24年度", "25年度", "26年度", "27年度"),
        row("1 製造品出荷額等", "億円", "目標値", "10,800", "11,000", "11,200", "11,400"),
        row("単年度値", "", "実績値", "10,352", "10,587", "10,901", ""),
        row("", "", "達成率", "95.9%", "96.2%", "97.3%", "-"),
        row("課題解決に向けての今後の取組の方向性", "技術支援を重点化する。"),
        "",
      ]),
      "t.md",
    );
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.sheet.fiscalYear).toBe(2014);
    const k = r.sheet.kpis;
    expect(k.map((x) => [x.indicator, x.measure.no, x.printedRate, x.departments, x.nextSteps])).toEqual([
      ["製造品出荷額等", 1, 0.973, ["商工労働部"], "技術支援を重点化する。"],
    ]);
  });

  it("a PDF's text that lost the space after a code or a list number: 「Ⅰ-1-1ものづくり…」, a card's 「1製造品…」「2企業…」", () => {
    expect(readOrdinal("Ⅰ-1-1ものづくり産業の振興")).toEqual({ no: 1, title: "ものづくり産業の振興" });
    expect(readOrdinal("政策分野Ⅰ-2くらしの安全・安心")).toEqual({ no: 2, title: "くらしの安全・安心" });
    const keys = (...names: string[]) => names.map((n) => new Map<Field, string>([["indicator", n]]));
    const listed = keys("1製造品出荷額等", "2企業立地件数(累計)");
    unnumberList(listed);
    expect(listed.map((k) => k.get("indicator"))).toEqual(["製造品出荷額等", "企業立地件数(累計)"]);
    // Numbers that do not count 1, 2, … are the names' own.
    const own = keys("1人当たり県民所得", "3世代同居率");
    unnumberList(own);
    expect(own.map((k) => k.get("indicator"))).toEqual(["1人当たり県民所得", "3世代同居率"]);
  });
});
