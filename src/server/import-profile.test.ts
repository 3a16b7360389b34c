/**
 * The saved import mapping as planning sees and forgets it (GET / DELETE /api/import-profile): after a
 * confirmed import with a corrected column, the page shows each column's field, the scale, the file and
 * who confirmed it; forgetting it makes next year's file read as recognised again.
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
    expect(await res.json()).toEqual({ forgotten: true });
    expect(await saved()).toBeNull();
    expect(await (await planning.request("DELETE", "/api/import-profile")).json()).toEqual({
      forgotten: false,
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
});
