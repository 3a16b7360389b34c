/**
 * Department workbooks over HTTP (the demo: FY2022 open): planning downloads a department's
 * workbook and the ZIP of all; a department its own; the filled workbook uploaded → preview →
 * confirm saves drafts equal to what was typed; the same upload again changes nothing; a web edit
 * in between is a conflict; a confirm after someone saved in between saves nothing.
 */
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Row, WorkbookPreview, WorkbookSaved } from "../core/api/index.ts";
import { ENTRY_SHEET, HEADER_ROW, WB } from "../sheet/write-department-workbook.ts";
import { type Client, freshApp, login } from "./test-helpers.ts";

let ctx: Awaited<ReturnType<typeof freshApp>>;
beforeEach(async () => {
  ctx = await freshApp();
});
afterEach(async () => {
  await ctx.services.close();
});

const SHOKO = encodeURIComponent("商工振興課");

async function download(client: Client, url: string) {
  const res = await client.request("GET", url);
  expect(res.status).toBe(200);
  return { res, bytes: new Uint8Array(await res.arrayBuffer()) };
}

/** Fills rows of the workbook as a department would in Excel: by the indicator shown in the row. */
async function fill(
  bytes: Uint8Array,
  cells: Record<string, Partial<Record<keyof typeof WB, string | number>>>,
) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  const ws = wb.getWorksheet(ENTRY_SHEET)!;
  ws.eachRow((row, r) => {
    if (r <= HEADER_ROW) return;
    const want = cells[String(row.getCell(WB.indicator).value)];
    for (const [col, v] of Object.entries(want ?? {})) row.getCell(WB[col as keyof typeof WB]).value = v;
  });
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

async function upload(client: Client, bytes: Uint8Array, name = "filled.xlsx") {
  const fd = new FormData();
  fd.set("file", new File([bytes as Uint8Array<ArrayBuffer>], name));
  return client.request("POST", "/api/workbooks/uploads", fd);
}

const rowOf = async (client: Client, id: string) =>
  ((await (await client.request("GET", `/api/kpis/${id}`)).json()) as { row: Row }).row;

describe("department workbooks over HTTP", () => {
  it("round trip: download, fill, upload, preview, confirm; again changes nothing; a web edit is a conflict", async () => {
    const planning = await login(ctx.app, "planning");
    const list = await (await planning.request("GET", "/api/workbooks")).json();
    expect(list.fiscalYear).toBe(2022);
    expect(list.departments).toContainEqual({ name: "商工振興課", kpis: 2 });
    const { res, bytes } = await download(planning, `/api/workbooks/department.xlsx?department=${SHOKO}`);
    expect(res.headers.get("content-disposition")).toContain(
      encodeURIComponent("2022年度_商工振興課_KPI記入シート.xlsx"),
    );
    const filled = await fill(bytes, {
      市内製造業の製造品出荷額等: {
        actual: "3,050億円",
        evaluation: "概ね順調に進捗",
        challenge: "人手不足",
      },
      新規創業件数: { actual: 31, evaluation: "進捗の遅れ(コロナ)", reason: "相談会を中止した" },
    });
    const r1 = await upload(planning, filled);
    expect(r1.status).toBe(200);
    const preview = (await r1.json()) as WorkbookPreview;
    expect(preview).toMatchObject({ fiscalYear: 2022, department: "商工振興課", counts: { change: 2 } });
    expect(preview.rows.map((r) => [r.id, r.status])).toEqual([
      ["2022-1", "change"],
      ["2022-2", "change"],
    ]);
    expect(preview.rows[1]!.changes).toContainEqual({ field: "actual", before: "", after: "31件" });
    // nothing saved before the confirmation
    expect((await rowOf(planning, "2022-1")).kpi.actual.kind).toBe("missing");
    const c1 = await planning.request("POST", `/api/workbooks/uploads/${preview.token}/confirm`);
    expect(c1.status).toBe(201);
    expect(((await c1.json()) as WorkbookSaved).saved).toEqual(["2022-1", "2022-2"]);
    const saved1 = await rowOf(planning, "2022-1");
    expect(saved1).toMatchObject({ state: "draft", kpi: { challenge: "人手不足" } });
    expect(saved1.kpi.actual).toMatchObject({
      kind: "number",
      value: 305_000_000_000,
      unit: "円",
      raw: "3,050億円",
    });
    expect(saved1.kpi.evaluation).toMatchObject({ category: "mostly_on_track", covid: false });
    const saved2 = await rowOf(planning, "2022-2");
    expect(saved2.kpi.actual).toMatchObject({ value: 31, unit: "件" });
    expect(saved2.kpi.evaluation).toMatchObject({ category: "delayed", covid: true });
    expect(saved2.kpi.reason).toBe("相談会を中止した");

    // the same file again: nothing changes
    const again = (await (await upload(planning, filled)).json()) as WorkbookPreview;
    expect(again.counts).toMatchObject({ change: 0, unchanged: 2, conflict: 0 });
    const c2 = await planning.request("POST", `/api/workbooks/uploads/${again.token}/confirm`);
    expect(((await c2.json()) as WorkbookSaved).saved).toEqual([]);
    expect((await rowOf(planning, "2022-1")).version).toBe(saved1.version);

    // the department edits on the web; the old workbook, changed again, is a conflict for that KPI
    const shoko = await login(ctx.app, "shoko");
    const put = await shoko.request("PUT", "/api/kpis/2022-1", {
      version: saved1.version,
      actualText: "3,100億円",
    });
    expect(put.status).toBe(200);
    const stale = await fill(bytes, { 市内製造業の製造品出荷額等: { actual: "2,990億円" } });
    const p3 = (await (await upload(shoko, stale)).json()) as WorkbookPreview;
    expect(p3.rows[0]).toMatchObject({ id: "2022-1", status: "conflict" });
    await shoko.request("POST", `/api/workbooks/uploads/${p3.token}/confirm`);
    expect((await rowOf(shoko, "2022-1")).kpi.actual.raw).toBe("3,100億円");
  });

  it("a department gets its own workbook only; planning the ZIP of every department's", async () => {
    const shoko = await login(ctx.app, "shoko");
    const own = await download(shoko, "/api/workbooks/department.xlsx");
    expect(own.bytes.length).toBeGreaterThan(1000);
    const other = await shoko.request(
      "GET",
      `/api/workbooks/department.xlsx?department=${encodeURIComponent("観光課")}`,
    );
    expect(other.status).toBe(403);
    const planning = await login(ctx.app, "planning");
    expect((await planning.request("GET", "/api/workbooks/department.xlsx")).status).toBe(400);
    const zip = await JSZip.loadAsync((await download(planning, "/api/workbooks/all.zip")).bytes);
    expect(Object.keys(zip.files).sort()).toEqual(
      ["企画課", "商工振興課", "子育て支援課", "学校教育課", "観光課"]
        .map((d) => `2022年度_${d}_KPI記入シート.xlsx`)
        .sort(),
    );
    // another department's workbook uploaded by a department is refused whole
    const kanko = await download(
      planning,
      `/api/workbooks/department.xlsx?department=${encodeURIComponent("観光課")}`,
    );
    const res = await upload(shoko, kanko.bytes);
    expect(res.status).toBe(403);
    // a file that is not a workbook: 422 with the reason
    const sheet = await download(planning, "/api/years/2022/sheet.xlsx");
    const bad = await upload(planning, sheet.bytes);
    expect(bad.status).toBe(422);
    expect(((await bad.json()) as { error: { code: string } }).error.code).toBe("workbook_unreadable");
  });

  it("a confirmation after someone saved the same KPI in between saves nothing", async () => {
    const planning = await login(ctx.app, "planning");
    const { bytes } = await download(planning, `/api/workbooks/department.xlsx?department=${SHOKO}`);
    const filled = await fill(bytes, {
      新規創業件数: { actual: "35件" },
      市内製造業の製造品出荷額等: { actual: "3,000億円" },
    });
    const preview = (await (await upload(planning, filled)).json()) as WorkbookPreview;
    const r = await rowOf(planning, "2022-2");
    await planning.request("PUT", "/api/kpis/2022-2", { version: r.version, actualText: "36件" });
    const res = await planning.request("POST", `/api/workbooks/uploads/${preview.token}/confirm`);
    expect(res.status).toBe(409);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe("workbook_changed");
    expect((await rowOf(planning, "2022-1")).kpi.actual.kind).toBe("missing");
  });
});
