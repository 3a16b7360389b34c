// The seed (Isesaki City's FY2022 sheet as a PDF extractor left it), read as a careful person reads it.
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { renderMarkdownSheet } from "../../bench/generate.ts";
import { checkSheet } from "../core/api/sheet.ts";
import type { Sheet } from "../core/sheet.ts";
import { importSheet, importSheetFile, writeSheetCsv, writeSheetXlsx } from "./index.ts";
import { hasSeed, seedFile, sharedDir } from "./test-paths.ts";
import { renderPdfLikeMarkdown } from "./test-render-markdown.ts";

describe.skipIf(!hasSeed)("seed import", async () => {
  const outcome = hasSeed ? await importSheetFile(seedFile) : null;
  const sheet = (): Sheet => {
    if (!outcome?.ok) throw new Error(`import failed: ${JSON.stringify(outcome)}`);
    return outcome.sheet;
  };
  const kpi = (row: number) => sheet().kpis[row - 1]!;

  it("reads 41 KPIs of fiscal year 2022 and validates against the schema", () => {
    expect(sheet().fiscalYear).toBe(2022);
    expect(sheet().kpis).toHaveLength(41);
    expect(sheet().kpis.map((k) => k.row)).toEqual(Array.from({ length: 41 }, (_, i) => i + 1));
    expect(checkSheet(sheet()).ok).toBe(true);
  });

  it("reads the first KPI exactly as the spec's example", () => {
    const example = JSON.parse(
      readFileSync(path.join(sharedDir, "spec/sheet-v1.example.json"), "utf8"),
    ) as Sheet;
    expect(kpi(1)).toEqual(example.kpis[0]);
    expect(sheet().source).toBe(example.source);
  });

  it("places every KPI in the hierarchy (shifted 施策 and a 小基本目標 printed as a 大基本目標 put back)", () => {
    const path3 = sheet().kpis.map((k) => `${k.goal.no}.${k.subgoal.no}.${k.measure.no}`);
    const expected = [
      ...Array(3).fill("1.1.1"),
      ...Array(3).fill("1.1.2"),
      ...Array(2).fill("1.1.3"),
      ...Array(2).fill("1.1.4"),
      ...Array(2).fill("1.2.1"),
      ...Array(2).fill("1.2.2"),
      "1.2.3",
      ...Array(4).fill("2.1.1"),
      ...Array(4).fill("2.1.2"),
      ...Array(2).fill("2.2.1"),
      "2.2.2",
      ...Array(3).fill("3.1.1"),
      ...Array(2).fill("3.1.2"),
      ...Array(3).fill("3.1.3"),
      ...Array(2).fill("3.1.4"),
      ...Array(4).fill("3.2.1"),
      "3.2.2",
    ];
    expect(path3).toEqual(expected);
    const titles = (f: (k: Sheet["kpis"][number]) => { no: number; title: string }) => [
      ...new Set(sheet().kpis.map((k) => `${f(k).no} ${f(k).title}`)),
    ];
    expect(titles((k) => k.goal)).toEqual(["1 しごとの創生", "2 ひとの創生", "3 まちの創生"]);
    expect(titles((k) => k.subgoal)).toEqual([
      "1 安定した雇用の創出",
      "2 ひとの流れの創出",
      "1 結婚・出産・子育ての希望の実現",
      "2 地域を担う人材の育成",
      "1 時代に合った地域づくり",
      "2 安心安全な暮らしの実現",
    ]);
    expect(kpi(4).measure).toEqual({ no: 2, title: "就労への総合的支援" });
    expect(kpi(7).measure).toEqual({ no: 3, title: "企業誘致の推進" });
    expect(kpi(11).measure).toEqual({ no: 1, title: "地域資源・観光資源を生かした誘客" });
    expect(kpi(30).measure.title).toBe("住み慣れた地域で安心して自立した生活を送ることができる体制の整備");
    expect(kpi(35).measure).toEqual({ no: 4, title: "交通体系の確立" });
  });

  it("splits initiatives where they are separate and joins their wraps", () => {
    expect(kpi(2).initiatives).toEqual([
      "地元産業との連携による新たな名産品の創出",
      "技術開発や製品開発への支援",
      "伊勢崎銘仙などの伝統産業の振興",
    ]);
    expect(kpi(5).initiatives).toEqual(["ワーク・ライフ・バランスの実現に向けた環境整備"]);
    expect(kpi(9).initiatives).toEqual([
      "認定農業者及び新規就農者の育成・支援",
      "耕作放棄地の解消と農地集約による利活用の促進",
      "ブランド化の推進と流通の拡大",
    ]);
    expect(kpi(11).initiatives).toEqual([
      "世界文化遺産「田島弥平旧宅」の活用",
      "観光イベントの充実",
      "周遊できる観光ルートづくり",
      "本市の魅力を生かした積極的な観光情報の発信",
    ]);
    expect(kpi(13).initiatives).toEqual([
      "市主催スポーツイベントの充実",
      "都市間交流・連携の推進",
      "市民、団体、NPOなどによる民間交流活動への支援",
    ]);
    expect(kpi(15).initiatives).toEqual([
      "U・Jターンの推進",
      "進学による転出者のUターン就職の促進",
      "市内大学の学生と市内企業との就職面接会の開催促進",
    ]);
    expect(kpi(31).initiatives).toHaveLength(3);
    expect(kpi(35).initiatives).toHaveLength(4);
  });

  it("reads departments: two on one cell, one wrapped, names not ending in 課", () => {
    expect(kpi(33).departments).toEqual(["市街地整備課", "都市開発課"]);
    expect(kpi(39).departments).toEqual(["道路維持課", "交通政策課"]);
    expect(kpi(13).departments).toEqual(["スポーツ振興課"]);
    expect(kpi(31).departments).toEqual(["地域包括支援センター"]);
    expect(kpi(4).departments).toEqual(["商工労働課"]);
    expect(sheet().kpis.every((k) => k.departments.length >= 1)).toBe(true);
  });

  it("reads titles and indicators without breaks", () => {
    expect(kpi(13).indicator).toBe("伊勢崎シティマラソンの市外参加者数");
    expect(kpi(7).indicator).toBe("製造業の事業所数");
    expect(sheet().kpis.every((k) => !/\n|<br>/.test(k.indicator + k.measure.title + k.subgoal.title))).toBe(
      true,
    );
  });

  it("reads the stated evaluations and the covid flag", () => {
    const code = sheet()
      .kpis.map((k) =>
        k.evaluation.covid
          ? "d"
          : { on_track: "O", mostly_on_track: "M", delayed: "D", not_evaluable: "N" }[k.evaluation.category],
      )
      .join("");
    expect(code).toBe("ddOddMNNOOdddOODOdDOOODOddNODddDMDddODOOM");
    expect(kpi(11).evaluation).toEqual({ category: "delayed", covid: true, label: "進捗の遅れ(コロナ)" });
    expect(kpi(7).evaluation).toEqual({ category: "not_evaluable", covid: false, label: "評価不可" });
  });

  it("reads values: periods in cells, wrapped values joined, segments kept apart, '-' missing", () => {
    expect(kpi(7).target).toMatchObject({
      kind: "number",
      value: 188,
      unit: "事業所",
      period: { year: 2021, basis: "calendar" },
    });
    expect(kpi(7).actual).toMatchObject({ kind: "missing" });
    expect(kpi(16).finalTarget).toMatchObject({
      kind: "number",
      value: 1778,
      period: { year: 2024, basis: "calendar" },
    });
    expect(kpi(12).target).toMatchObject({ kind: "number", value: 1_920_000, unit: "人" });
    expect(kpi(36).finalTarget).toMatchObject({
      kind: "number",
      value: 4_925_000,
      period: { year: 2023, basis: "fiscal" },
    });
    expect(kpi(17).finalTarget).toMatchObject({
      kind: "number",
      value: 82,
      unit: "%",
      period: { year: 2024, basis: "fiscal" },
    });
    expect(kpi(26).target).toMatchObject({
      kind: "segmented",
      segments: [
        { label: "小学校", value: 93.5, unit: "%" },
        { label: "中学校", value: 85, unit: "%" },
      ],
    });
    expect(kpi(27).target.kind).toBe("segmented");
    expect(kpi(20).actual).toMatchObject({ kind: "text", text: "待機児童なし" });
    expect(kpi(22).finalTarget).toMatchObject({ kind: "text" });
  });

  it("keeps text whole: wraps removed, '-' as null, a break between sentences as a newline", () => {
    expect(kpi(3).reason).toBeNull();
    expect(kpi(7).reason).toBe(
      "※評価不可の理由\n出典である工業統計調査が廃止となったため、目標値に対する進捗評価ができない。",
    );
    expect(kpi(7).status).toBe(
      "企業誘致事業や産業団地整備事業として、サテライトオフィス、支店・営業所等開設設置促進奨励金や企業立地促進奨励金により補助を行った。",
    );
    expect(kpi(3).challenge).toBe(
      "創業支援の体制をより多面的かつ実践的なものとして構築する必要がある。\nまた、まちなかにおける創業支援を推進する必要がある。",
    );
    expect(kpi(13).reason).toBe(
      "参加人数を通常の半分の1,000人にし、参加者を中学生以上の県内在住者に限定し、新型コロナウイルス感染症対策を徹底し開催したため。",
    );
    expect(kpi(26).status?.split("\n")).toHaveLength(4);
    for (const k of sheet().kpis)
      for (const t of [k.status, k.reason, k.challenge, k.nextSteps]) expect(t ?? "").not.toContain("<br>");
  });

  it("accounts for every non-empty cell: used, or dropped with its reason", () => {
    if (!outcome?.ok) throw new Error("import failed");
    const { cells, issues } = outcome.report;
    expect(cells.used + cells.dropped.length).toBe(cells.total);
    expect(new Set(cells.dropped.map((d) => d.reason))).toEqual(
      new Set(["区切り行", "グループ見出し行", "列見出し", "列見出しの繰り返し(改ページ)"]),
    );
    expect(issues.filter((i) => i.kind === "row_realigned").map((i) => i.row)).toHaveLength(6);
    expect(issues.find((i) => i.kind === "hierarchy_moved" && i.before?.includes("ひとの流"))).toMatchObject({
      column: "小基本目標",
      confidence: "high",
    });
  });

  it("round-trips through CSV and XLSX to the identical sheet", async () => {
    const csv = await importSheet(new TextEncoder().encode(writeSheetCsv(sheet())), "seed.csv");
    const xlsx = await importSheet(await writeSheetXlsx(sheet()), "seed.xlsx");
    for (const back of [csv, xlsx]) {
      if (!back.ok) throw new Error(JSON.stringify(back.error));
      expect({ ...back.sheet, source: sheet().source }).toEqual(sheet());
    }
  });

  it.each([5, 8])(
    "reads its own text back when printed again with other damage (PDF-like widths, %i per page)",
    async (pageSize) => {
      const md = renderPdfLikeMarkdown(sheet(), pageSize);
      const back = await importSheet(new TextEncoder().encode(md), "reprinted.md");
      if (!back.ok) throw new Error(back.error.message);
      expect(back.sheet.kpis).toEqual(sheet().kpis);
    },
  );

  it.each([3, 4])(
    "reads its own text back when printed by bench/generate.ts (render seed %i)",
    async (seed) => {
      const md = renderMarkdownSheet(sheet(), seed, 2024);
      const back = await importSheet(new TextEncoder().encode(md), "generated.md");
      if (!back.ok) throw new Error(back.error.message);
      expect(back.sheet.kpis).toEqual(sheet().kpis);
    },
  );
});
