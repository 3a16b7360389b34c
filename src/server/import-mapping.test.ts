/**
 * The web import's mapping (issue 14): the preview shows each column with the field it was read as
 * and how sure, the legend's scale, header rows and evaluated year; a corrected column is read again
 * without a second upload; confirming saves the mapping for the municipality and the next year's
 * file of the same layout is read with it. And what the preview says saving would do (issue 13).
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import type { ImportPreview } from "../core/api/index.ts";
import { importProfiles, municipalities } from "../store/index.ts";
import { demoDir, freshAppForTest, kpiTable2023, kpiTable2024, login, uploadForm } from "./test-helpers.ts";

const column = (p: ImportPreview, col: number) => p.mapping.columns.find((c) => c.col === col)!;

describe("web import: the recognised mapping", () => {
  it("shows each column's field and how sure, the legend's scale, header rows, evaluated year and the effect", async () => {
    const { app } = await freshAppForTest();
    const planning = await login(app, "planning");
    const res = await planning.request("POST", "/api/imports", uploadForm("kpi-table-2023.md", kpiTable2023));
    expect(res.status).toBe(200);
    const p = (await res.json()) as ImportPreview;
    expect(p.mapping).toMatchObject({
      layout: "table",
      fiscalYear: 2023,
      headerRows: [3],
      savedProfile: "none",
      correctable: true,
    });
    expect(column(p, 3)).toMatchObject({ header: "KPI", field: "indicator", confidence: "high" });
    expect(column(p, 4)).toMatchObject({ field: "baseline", year: 2019 });
    expect(column(p, 9)).toMatchObject({ header: "振り返り", field: "extra", confidence: "low" });
    expect(p.mapping.scale?.bands.map((b) => [b.label, b.category, b.min])).toEqual([
      ["A", "on_track", 1],
      ["B", "mostly_on_track", 0.8],
      ["C", "delayed", null],
    ]);
    expect(p.mapping.fields).toContainEqual({ field: "extra", label: "その他(そのまま保持)" });
    // A sheet naming no municipality goes into the server's; nothing stored yet for 2023.
    expect(p.municipality).toBe("みなと市");
    expect(p.effect).toMatchObject({
      municipality: "みなと市",
      fiscalYear: 2023,
      exists: false,
      published: false,
      added: 3,
      replaced: 0,
      dropped: 0,
    });
    expect(p.effect.message).toContain("2023年度");
  }, 400_000);

  it("reads a corrected column again, saves the mapping on confirming, and reuses it for next year's file", async () => {
    const { app, services } = await freshAppForTest();
    const planning = await login(app, "planning");
    let res = await planning.request("POST", "/api/imports", uploadForm("kpi-table-2023.md", kpiTable2023));
    const first = (await res.json()) as ImportPreview;
    res = await planning.request("POST", `/api/imports/${first.token}/mapping`, {
      columns: [{ table: 1, col: 9, field: "reason" }],
    });
    expect(res.status).toBe(200);
    const fixed = (await res.json()) as ImportPreview;
    expect(fixed.mapping.savedProfile).toBe("corrected");
    expect(column(fixed, 9)).toMatchObject({ field: "reason", confidence: "certain" });
    expect(column(fixed, 3)).toMatchObject({ field: "indicator", confidence: "high" });
    expect(fixed.token).not.toBe(first.token);
    // The first token is spent: only the corrected reading can be confirmed.
    expect((await planning.request("POST", `/api/imports/${first.token}/confirm`, {})).status).toBe(404);
    expect((await planning.request("POST", `/api/imports/${fixed.token}/confirm`, {})).status).toBe(201);
    const row = (await (await planning.request("GET", "/api/years/2023/kpis")).json()) as {
      rows: { kpi: { indicator: string; reason: string | null } }[];
    };
    expect(row.rows.find((r) => r.kpi.indicator === "創業支援件数")?.kpi.reason).toBe(
      "相談窓口の周知が進んだ。",
    );

    // The sheet/1 extensions reach the API for the KPI page.
    const detail = (await (await planning.request("GET", "/api/kpis/2023-1")).json()) as {
      row: { kpi: { baseline?: { value?: number }; printedRate?: number; years?: unknown[] } };
    };
    expect(detail.row.kpi).toMatchObject({ baseline: { value: 20 }, printedRate: 0.82 });
    expect(detail.row.kpi.years).toHaveLength(2);
    const [saved, ...others] = await importProfiles.profilesOf(services.db, "みなと市");
    expect(others).toEqual([]);
    expect(saved?.source).toBe("kpi-table-2023.md");
    const savedColumns = (saved?.profile.columns ?? []) as { col: number; field: string }[];
    expect(savedColumns.find((c) => c.col === 9)?.field).toBe("reason");
    // Next year's file, same layout (other years in its headers): read with the saved mapping.
    res = await planning.request("POST", "/api/imports", uploadForm("kpi-table-2024.md", kpiTable2024));
    expect(res.status).toBe(200);
    const next = (await res.json()) as ImportPreview;
    expect(next.fiscalYear).toBe(2024);
    expect(next.mapping.savedProfile).toBe("applied");
    expect(column(next, 9)).toMatchObject({ field: "reason", confidence: "certain" });
    expect(column(next, 6)).toMatchObject({ field: "actual", year: 2024 });
    // Next year's file without its legend (in a text box, on a page not uploaded): its marks are read
    // with the scale saved from this year's legend, not refused and not written 評価不可.
    const bare = kpiTable2024.replace(/\n評価 A:.*\n?/, "\n");
    res = await planning.request("POST", "/api/imports", uploadForm("kpi-table-2024.md", bare));
    expect(res.status).toBe(200);
    const unlegended = (await res.json()) as ImportPreview;
    expect(unlegended.mapping.scale?.bands.map((b) => b.label)).toEqual(["A", "B", "C"]);
    expect(unlegended.mapping.scaleSaved).toBe(true);
    expect(unlegended.report.warnings.map((w) => w.message).join("\n")).toContain(
      "前回の取り込みで保存した評価基準で読み取りました",
    );
    // A legend printed with next year's file is read, not the saved one: the city moved B's threshold.
    const moved = kpiTable2024.replace(
      "B:概ね順調(80%以上100%未満) C:遅れ(80%未満)",
      "B:概ね順調(70%以上100%未満) C:遅れ(70%未満)",
    );
    res = await planning.request("POST", "/api/imports", uploadForm("kpi-table-2024.md", moved));
    const legended = (await res.json()) as ImportPreview;
    expect(legended.mapping.savedProfile).toBe("applied");
    expect(legended.mapping.scale?.bands.find((b) => b.label === "B")?.min).toBe(0.7);
    expect(legended.mapping.scaleSaved).toBeUndefined();
    expect(legended.report.warnings.map((w) => w.message).join("\n")).not.toContain("保存した評価基準");
    // A different layout is not read with it.
    const other = kpiTable2023.replace("| 振り返り |", "| 備考 |");
    res = await planning.request("POST", "/api/imports", uploadForm("other.md", other));
    const otherPreview = (await res.json()) as ImportPreview;
    expect(otherPreview.mapping.savedProfile).toBe("other_layout");
    expect(column(otherPreview, 9).field).not.toBe("reason");
  }, 400_000);

  it("names the marks a file without its legend rates with, and reads it with the meanings the user gives", async () => {
    const { app, services } = await freshAppForTest();
    const planning = await login(app, "planning");
    const bare = kpiTable2023.replace(/\n評価 A:.*\n?/, "\n");
    let res = await planning.request("POST", "/api/imports", uploadForm("kpi-table-2023.md", bare));
    expect(res.status).toBe(422);
    const refused = ((await res.json()) as { error: { message: string; details: { scaleLabels: string[] } } })
      .error;
    expect(refused.message).toContain("凡例が見つかりません");
    expect(refused.details.scaleLabels.sort()).toEqual(["A", "B", "C"]);
    const fd = uploadForm("kpi-table-2023.md", bare);
    fd.set(
      "scale",
      JSON.stringify({
        bands: [
          { label: "A", category: "on_track" },
          { label: "B", category: "mostly_on_track" },
          { label: "C", category: "delayed" },
        ],
      }),
    );
    res = await planning.request("POST", "/api/imports", fd);
    expect(res.status).toBe(200);
    const p = (await res.json()) as ImportPreview;
    expect(p.mapping.scale?.bands.map((b) => [b.label, b.category])).toEqual([
      ["A", "on_track"],
      ["B", "mostly_on_track"],
      ["C", "delayed"],
    ]);
    // Confirmed, the scale is the municipality's: next year's file without a legend reads with it.
    expect((await planning.request("POST", `/api/imports/${p.token}/confirm`, {})).status).toBe(201);
    expect((await importProfiles.profilesOf(services.db, "みなと市"))[0]?.profile.scale).toMatchObject({
      bands: [{ label: "A" }, { label: "B" }, { label: "C" }],
    });
    const next = kpiTable2024.replace(/\n評価 A:.*\n?/, "\n");
    res = await planning.request("POST", "/api/imports", uploadForm("kpi-table-2024.md", next));
    expect(res.status).toBe(200);
    // A scale that is not one: 400, naming what is wrong.
    const bad = uploadForm("kpi-table-2023.md", bare);
    bad.set("scale", JSON.stringify({ bands: [{ label: "A", category: "great" }] }));
    res = await planning.request("POST", "/api/imports", bad);
    expect(res.status).toBe(400);
  }, 400_000);

  it("refuses a correction to an unknown field or a column the sheet lacks, naming it", async () => {
    const { app } = await freshAppForTest();
    const planning = await login(app, "planning");
    const p = (await (
      await planning.request("POST", "/api/imports", uploadForm("kpi-table-2023.md", kpiTable2023))
    ).json()) as ImportPreview;
    let res = await planning.request("POST", `/api/imports/${p.token}/mapping`, {
      columns: [{ col: 9, field: "shoe_size" }],
    });
    expect(res.status).toBe(400);
    expect(((await res.json()) as { error: { message: string } }).error.message).toContain("9列目");
    res = await planning.request("POST", `/api/imports/${p.token}/mapping`, {
      columns: [{ col: 42, field: "reason" }],
    });
    expect(res.status).toBe(400);
    expect(((await res.json()) as { error: { message: string } }).error.message).toContain("42列目");
    // The department may not import at all.
    const kanko = await login(app, "kanko");
    res = await kanko.request("POST", `/api/imports/${p.token}/mapping`, { columns: [] });
    expect(res.status).toBe(403);
  }, 400_000);

  it("says a published year is not replaced and points to 訂正; refuses another city's sheet at the preview, naming both", async () => {
    const { app, services } = await freshAppForTest();
    const admin = await login(app, "admin");
    const published = readFileSync(path.join(demoDir, "minato-2021.json"), "utf8");
    let res = await admin.request("POST", "/api/imports", uploadForm("minato-2021.json", published));
    expect(res.status).toBe(200);
    const p = (await res.json()) as ImportPreview;
    expect(p.effect).toMatchObject({ fiscalYear: 2021, published: true, replaced: 0 });
    expect(p.effect.message).toContain("訂正");
    expect((await admin.request("POST", `/api/imports/${p.token}/confirm`, {})).status).toBe(409);

    const sheet = JSON.parse(readFileSync(path.join(demoDir, "minato-2022.json"), "utf8"));
    sheet.municipality = "伊勢崎市";
    res = await admin.request("POST", "/api/imports", uploadForm("isesaki.json", JSON.stringify(sheet)));
    expect(res.status).toBe(422);
    const e = ((await res.json()) as { error: { code: string; message: string } }).error;
    expect(e.code).toBe("invalid_municipality");
    expect(e.message).toMatch(/伊勢崎市.*みなと市/);
    expect((await municipalities.listMunicipalities(services.db)).map((m) => m.name)).toEqual(["みなと市"]);
  }, 400_000);

  it("counts the rows a re-import replaces, adds and drops", async () => {
    const { app } = await freshAppForTest();
    const planning = await login(app, "planning");
    const sheet = JSON.parse(readFileSync(path.join(demoDir, "minato-2022.json"), "utf8"));
    const n = sheet.kpis.length;
    sheet.kpis = sheet.kpis.slice(0, n - 1);
    const res = await planning.request(
      "POST",
      "/api/imports",
      uploadForm("fewer.json", JSON.stringify(sheet)),
    );
    const p = (await res.json()) as ImportPreview;
    expect(p.effect).toMatchObject({ fiscalYear: 2022, exists: true, replaced: n - 1, added: 0, dropped: 1 });
    expect(p.mapping).toMatchObject({ layout: "json", columns: [], correctable: false });
  }, 400_000);
});
