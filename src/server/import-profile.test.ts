/**
 * The saved import mappings as planning sees and forgets them (GET / DELETE /api/import-profile): after a
 * confirmed import with a corrected column, the page shows each column's field, the scale, the file and
 * who confirmed it; forgetting it makes next year's file read as recognised again. A municipality that
 * imports two layouts keeps a mapping for each, and forgets one without the other.
 */
import { describe, expect, it } from "vitest";
import type { ImportPreview, SavedImportProfile } from "../core/api/index.ts";
import { audit, municipalities } from "../store/index.ts";
import { freshAppForTest, kpiTable2023, kpiTable2024, login, uploadForm } from "./test-helpers.ts";

describe("the saved import mapping", () => {
  it("is shown after a confirmed import, forgotten on request (audited), and then not reused", async () => {
    const { app, services } = await freshAppForTest();
    const planning = await login(app, "planning");
    const saved = async () =>
      (
        (await (await planning.request("GET", "/api/import-profile")).json()) as {
          profile: SavedImportProfile | null;
        }
      ).profile;
    expect(await saved()).toBeNull();

    let res = await planning.request("POST", "/api/imports", uploadForm("kpi-table-2023.md", kpiTable2023));
    const first = (await res.json()) as ImportPreview;
    res = await planning.request("POST", `/api/imports/${first.token}/mapping`, {
      columns: [{ table: 1, col: 9, field: "reason" }],
    });
    const fixed = (await res.json()) as ImportPreview;
    expect((await planning.request("POST", `/api/imports/${fixed.token}/confirm`, {})).status).toBe(201);

    const shown = await saved();
    expect(shown).toMatchObject({ municipality: "みなと市", source: "kpi-table-2023.md", layout: "table" });
    expect(shown?.updatedBy).toBe("企画課 総合戦略担当"); // the user's name, not an id
    expect(shown?.columns.find((c) => c.col === 9)).toMatchObject({ header: "振り返り", field: "reason" });
    expect(shown?.scale?.bands.map((b) => b.label)).toEqual(["A", "B", "C"]);
    expect(shown?.fields).toContainEqual({ field: "reason", label: expect.any(String) });

    res = await planning.request("DELETE", "/api/import-profile");
    expect(await res.json()).toEqual({ forgotten: true, count: 1 });
    expect(await saved()).toBeNull();
    expect(await (await planning.request("DELETE", "/api/import-profile")).json()).toEqual({
      forgotten: false,
      count: 0,
    });
    const [m] = await municipalities.listMunicipalities(services.db);
    const log = await audit.auditOf(services.db, "import_profile", m!.id);
    expect(log.map((a) => a.action)).toEqual(["create", "delete"]);

    // Next year's file of the same layout is read as recognised: its 振り返り column is no 理由 again.
    res = await planning.request("POST", "/api/imports", uploadForm("kpi-table-2024.md", kpiTable2024));
    const next = (await res.json()) as ImportPreview;
    expect(next.mapping.savedProfile).toBe("none");
    expect(next.mapping.columns.find((c) => c.col === 9)?.field).toBe("extra");
  }, 400_000);

  it("keeps one mapping per layout: confirming a second layout leaves the first's, and each is forgotten alone", async () => {
    const { app } = await freshAppForTest();
    const planning = await login(app, "planning");
    const list = async () =>
      (
        (await (await planning.request("GET", "/api/import-profile")).json()) as {
          profile: SavedImportProfile | null;
          profiles: SavedImportProfile[];
        }
      ).profiles;
    const confirm = async (token: string) =>
      expect((await planning.request("POST", `/api/imports/${token}/confirm`, {})).status).toBe(201);

    // The KPI table, its 振り返り column corrected to 理由.
    let res = await planning.request("POST", "/api/imports", uploadForm("kpi-table-2023.md", kpiTable2023));
    res = await planning.request(
      "POST",
      `/api/imports/${((await res.json()) as ImportPreview).token}/mapping`,
      {
        columns: [{ table: 1, col: 9, field: "reason" }],
      },
    );
    await confirm(((await res.json()) as ImportPreview).token);
    // Another layout of the same city's (other columns, in another order), confirmed as read.
    res = await planning.request("POST", "/api/imports", uploadForm("kpi-list-2023.md", otherLayout));
    const other = (await res.json()) as ImportPreview;
    expect(other.mapping.savedProfile).toBe("other_layout");
    await confirm(other.token);
    const both = await list();
    expect(both.map((p) => p.source).sort()).toEqual(["kpi-list-2023.md", "kpi-table-2023.md"]);

    // Next year's KPI table is still read with its own layout's mapping.
    res = await planning.request("POST", "/api/imports", uploadForm("kpi-table-2024.md", kpiTable2024));
    const next = (await res.json()) as ImportPreview;
    expect(next.mapping.savedProfile).toBe("applied");
    expect(next.mapping.columns.find((c) => c.col === 9)?.field).toBe("reason");

    // Forgetting the table's mapping keeps the list's.
    const table = both.find((p) => p.source === "kpi-table-2023.md")!;
    res = await planning.request(
      "DELETE",
      `/api/import-profile?fingerprint=${encodeURIComponent(table.fingerprint)}`,
    );
    expect(await res.json()).toEqual({ forgotten: true, count: 1 });
    expect((await list()).map((p) => p.source)).toEqual(["kpi-list-2023.md"]);
  }, 400_000);
});

/** The same KPIs in another city-office layout: the KPI first, the department before the figures. */
const otherLayout = `KPI 一覧(令和5年度)

| 基本目標 | 施策 | KPI | 担当課 | 基準値(令和元年度) | 目標値(令和6年度) | 令和5年度実績値 | 達成率 | 評価 | 所見 |
| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |
| 1 しごとをつくる | (1) 創業の支援 | 創業支援件数 | 商工課 | 20件 | 50件 | 41件 | 82.0% | B | 周知が進んだ。 |
| 2 ひとを呼ぶ | (1) 移住の促進 | 移住相談件数 | 企画課 | 40件 | 100件 | 52件 | 52.0% | C | 窓口を増やす。 |

評価 A:目標達成(100%以上) B:概ね順調(80%以上100%未満) C:遅れ(80%未満)
`;
