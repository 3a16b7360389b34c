/**
 * Web import in the yearly cycle (issue 13): the app's own CSV export reads back (for the next year
 * too), a sheet naming no municipality goes into the server's, one naming another city is refused
 * with both names, and nothing an import does leaves a second municipality behind.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { municipalities } from "../store/index.ts";
import { demoDir, freshAppForTest, login } from "./test-helpers.ts";

const upload = (name: string, content: string) => {
  const fd = new FormData();
  fd.set("file", new File([content], name));
  return fd;
};

describe("import in the yearly cycle", () => {
  it("re-imports its own CSV export, edited for the next year", async () => {
    const { app } = await freshAppForTest();
    const admin = await login(app, "admin");
    const csv = await (await admin.request("GET", "/api/years/2022/export.csv")).text();
    expect(csv).toContain("令和4年度実績値");
    const next = csv.replaceAll("令和4年度", "令和5年度");
    const res = await admin.request("POST", "/api/imports", upload("sheet-2023.csv", next));
    expect(res.status).toBe(200);
    const preview = (await res.json()) as { token: string; fiscalYear: number; kpiCount: number };
    expect(preview).toMatchObject({ fiscalYear: 2023, kpiCount: 12 });
    expect((await admin.request("POST", `/api/imports/${preview.token}/confirm`, {})).status).toBe(201);
    expect((await admin.request("GET", "/api/years/2023/kpis")).status).toBe(200);
  }, 400_000);

  it("saves a sheet naming no municipality into the server's; refuses another city's naming both", async () => {
    const { app, services } = await freshAppForTest();
    const admin = await login(app, "admin");
    const sheet = JSON.parse(readFileSync(path.join(demoDir, "minato-2022.json"), "utf8"));
    sheet.fiscalYear = 2023;
    delete sheet.municipality;
    let res = await admin.request("POST", "/api/imports", upload("unnamed.json", JSON.stringify(sheet)));
    const { token } = (await res.json()) as { token: string };
    expect((await admin.request("POST", `/api/imports/${token}/confirm`, {})).status).toBe(201);
    expect((await municipalities.listMunicipalities(services.db)).map((m) => m.name)).toEqual(["みなと市"]);
    // Every page still answers (no ambiguous_municipality).
    expect((await admin.request("GET", "/api/years")).status).toBe(200);

    sheet.municipality = "伊勢崎市";
    sheet.fiscalYear = 2024;
    // Refused at the preview already: nothing to confirm.
    res = await admin.request("POST", "/api/imports", upload("other.json", JSON.stringify(sheet)));
    expect(res.status).toBe(422);
    const e = ((await res.json()) as { error: { code: string; message: string } }).error;
    expect(e.code).toBe("invalid_municipality");
    expect(e.message).toMatch(/伊勢崎市.*みなと市/);
    expect((await municipalities.listMunicipalities(services.db)).map((m) => m.name)).toEqual(["みなと市"]);
  }, 400_000);

  it("opens the next year for planning (openYear), refuses it twice, lists who has not submitted", async () => {
    const { app } = await freshAppForTest();
    const planning = await login(app, "planning");
    let res = await planning.request("POST", "/api/years/2023/open", { entryDeadline: "2024-06-30" });
    expect(res.status).toBe(201);
    expect(await res.json()).toMatchObject({
      fiscalYear: 2023,
      rows: 12,
      fromYear: 2022,
      entryDeadline: "2024-06-30",
    });
    res = await planning.request("POST", "/api/years/2023/open", {});
    expect(res.status).toBe(409);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe("year_exists");
    const kanko = await login(app, "kanko");
    expect((await kanko.request("GET", "/api/years/2023/kpis")).status).toBe(200);
    res = await planning.request("GET", "/api/years/2023/missing-submissions");
    const m = (await res.json()) as {
      entryDeadline: string;
      departments: { department: string; submitted: number }[];
    };
    expect(m.entryDeadline).toBe("2024-06-30");
    expect(m.departments.find((d) => d.department === "観光課")?.submitted).toBe(0);
  }, 400_000);
});
