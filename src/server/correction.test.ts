/**
 * Publication with confirmation and correction (訂正) over HTTP (issue 13): the preview lists what
 * becomes public; planning reopens a published KPI-year with a reason, the department fixes it,
 * planning approves and publishes again. Meanwhile the public keeps the last published value; after,
 * it sees the corrected value with a dated note, in the pages' JSON and in the open data.
 */
import { describe, expect, it } from "vitest";
import type { EntryList, KpiDetail, PublishPreview, Row, YearRows } from "../core/api/index.ts";
import type { YearStatus } from "../core/review.ts";
import { audit } from "../store/index.ts";
import { anonymous, freshApp, login } from "./test-helpers.ts";

type Err = { error: { code: string; details?: { field?: string } } };

describe("publication and correction", () => {
  it("previews, publishes, corrects and republishes; the public never sees the draft", async () => {
    const { app, services } = await freshApp();
    const { store } = services;
    const planning = await login(app, "planning");
    const shoko = await login(app, "shoko");
    const pub = anonymous(app);

    let preview = (await (
      await planning.request("GET", "/api/years/2022/publish-preview")
    ).json()) as PublishPreview;
    expect(preview).toMatchObject({ fiscalYear: 2022, total: 12, publishable: 0, canPublish: false });
    expect(preview.notApproved).toHaveLength(12);

    // The department enters row 2, everything goes through review (as the demo seeding does).
    const row2 = (await store.kpiByKey("2022-2"))!;
    await store.updateKpi(
      row2,
      row2.version,
      {
        actual: {
          kind: "number",
          value: 45,
          unit: "件",
          period: { year: 2022, basis: "fiscal" },
          raw: "45件",
        } as never,
      },
      "demo",
    );
    for (const r of await store.kpisOfYear(2022)) {
      const s = await store.transition(r, r.version, "submitted", undefined, "demo");
      await store.transition(s, s.version, "approved", undefined, "demo");
    }
    preview = (await (
      await planning.request("GET", "/api/years/2022/publish-preview")
    ).json()) as PublishPreview;
    expect(preview).toMatchObject({ publishable: 12, canPublish: true, notApproved: [] });
    expect(preview.departments).toContainEqual({ department: "商工振興課", count: 2 });
    expect((await planning.request("POST", "/api/years/2022/publish")).status).toBe(200);

    // Reopen row 2 for a correction: a reason is needed; a department may not.
    let row = ((await (await planning.request("GET", "/api/kpis/2022-2")).json()) as { row: Row }).row;
    let res = await planning.request("POST", "/api/kpis/2022-2/correction", {
      version: row.version,
      reason: " ",
    });
    expect(res.status).toBe(400);
    expect(((await res.json()) as Err).error.details?.field).toBe("reason");
    res = await shoko.request("POST", "/api/kpis/2022-2/correction", { version: row.version, reason: "x" });
    expect(res.status).toBe(403);
    res = await planning.request("POST", "/api/kpis/2022-2/correction", {
      version: row.version,
      reason: "集計誤り",
    });
    expect(res.status).toBe(200);
    row = ((await res.json()) as { row: Row }).row;
    expect(row.state).toBe("returned");
    expect(row.corrections).toMatchObject([{ reason: "集計誤り", republishedAt: null }]);

    // The department fixes the value.
    res = await shoko.request("PUT", "/api/kpis/2022-2", {
      version: row.version,
      actualText: "38件",
      evaluation: { category: "mostly_on_track", covid: false },
    });
    expect(res.status).toBe(200);
    row = ((await res.json()) as { row: Row }).row;

    // Meanwhile the public still sees the year, with the value last published (not the draft 38件).
    const publicYears = (await (await pub.request("GET", "/api/years")).json()) as {
      years: { fiscalYear: number }[];
    };
    expect(publicYears.years.map((y) => y.fiscalYear)).toContain(2022);
    const shown = async () =>
      ((await (await pub.request("GET", "/api/years/2022/kpis")).json()) as YearRows).rows.find(
        (r) => r.row === 2,
      )!;
    expect((await shown()).kpi.actual).toMatchObject({ value: 45 });
    expect((await shown()).state).toBe("published");
    expect(await (await pub.request("GET", "/api/years/2022/export.csv")).text()).not.toContain("38件");
    expect(await (await pub.request("GET", "/api/years/2022/open-data.csv")).text()).not.toContain("38件");
    const publicDetail = (await (await pub.request("GET", "/api/kpis/2022-2")).json()) as { row: Row };
    expect(publicDetail.row.kpi.actual).toMatchObject({ value: 45 });
    preview = (await (
      await planning.request("GET", "/api/years/2022/publish-preview")
    ).json()) as PublishPreview;
    expect(preview.canPublish).toBe(false);
    expect(preview.corrections).toEqual([{ id: "2022-2", indicator: row.kpi.indicator, reason: "集計誤り" }]);

    // Submitted, approved, published again: the corrected value with a dated note.
    res = await shoko.request("POST", "/api/kpis/2022-2/transitions", {
      action: "submit",
      version: row.version,
      confirmWarnings: true,
    });
    expect(res.status).toBe(200);
    row = ((await res.json()) as { row: Row }).row;
    res = await planning.request("POST", "/api/kpis/2022-2/transitions", {
      action: "approve",
      version: row.version,
    });
    expect(res.status).toBe(200);
    expect((await planning.request("POST", "/api/years/2022/publish")).status).toBe(200);
    const after = await shown();
    expect(after.kpi.actual).toMatchObject({ value: 38 });
    expect(after.corrections?.[0]?.republishedAt).toMatch(/^\d{4}-\d{2}-\d{2}T/);
    const openData = await (await pub.request("GET", "/api/years/2022/open-data.csv")).text();
    expect(openData.split("\r\n")[0]).toContain("correction_note");
    expect(openData).toMatch(/\d{4}-\d{2}-\d{2} 訂正（訂正前の実績値: 45件）: 集計誤り/);
    // The audit log says who reopened it; the corrections keep the earlier published row.
    const trail = await audit.auditOf(services.db, "kpi_year", row.id === "2022-2" ? row2.storeId : "");
    expect(trail.map((a) => a.action)).toContain("reopen_correction");
    await services.close();
  }, 300_000);

  it("a correction of an older year reaches the department while a newer year is open (訂正)", async () => {
    // The demo: FY2021 published, FY2022 open for entry.
    const { app, services } = await freshApp();
    const planning = await login(app, "planning");
    const shoko = await login(app, "shoko");
    const pub = anonymous(app);
    const target = (await services.store.kpisOfYear(2021)).find((r) =>
      r.kpi.departments.includes("商工振興課"),
    )!;
    const id = target.id;
    const before = ((await (await planning.request("GET", `/api/kpis/${id}`)).json()) as { row: Row }).row;
    let res = await planning.request("POST", `/api/kpis/${id}/correction`, {
      version: before.version,
      reason: "集計誤り",
    });
    expect(res.status).toBe(200);

    // FY2022 stays the open year; the FY2021 row reaches 商工振興課's entry page beside it.
    const years = ((await (await planning.request("GET", "/api/years")).json()) as { years: YearStatus[] })
      .years;
    expect(years.find((y) => y.fiscalYear === 2022)).toMatchObject({ open: true });
    expect(years.find((y) => y.fiscalYear === 2021)).toMatchObject({ open: false, publicVisible: true });
    let entry = (await (await shoko.request("GET", "/api/entry")).json()) as EntryList;
    expect(entry.year?.fiscalYear).toBe(2022);
    expect(entry.rows.every((r) => r.fiscalYear === 2022)).toBe(true);
    expect(entry.reopened.map((r) => [r.id, r.state])).toEqual([[id, "returned"]]);
    expect(entry.reopened[0]!.comments.at(-1)).toMatchObject({ kind: "return", body: "訂正: 集計誤り" });
    // Another department does not see it.
    const kanko = await login(app, "kanko");
    const other = (await (await kanko.request("GET", "/api/entry")).json()) as EntryList;
    expect(other.reopened.some((r) => r.id === id)).toBe(target.kpi.departments.includes("観光課"));

    // The department edits and resubmits it; planning reviews FY2021 and publishes it again.
    let row = entry.reopened[0]!;
    res = await shoko.request("PUT", `/api/kpis/${id}`, {
      version: row.version,
      actualText: "38件",
      evaluation: { category: "mostly_on_track", covid: false },
    });
    expect(res.status).toBe(200);
    row = { ...row, ...((await res.json()) as { row: Row }).row };
    res = await shoko.request("POST", `/api/kpis/${id}/transitions`, {
      action: "submit",
      version: row.version,
      confirmWarnings: true,
    });
    expect(res.status).toBe(200);
    entry = (await (await shoko.request("GET", "/api/entry")).json()) as EntryList;
    expect(entry.reopened.map((r) => [r.id, r.state])).toEqual([[id, "submitted"]]);
    const review = (await (await planning.request("GET", "/api/review?year=2021")).json()) as YearRows;
    const listed = review.rows.find((r) => r.id === id)!;
    expect(listed.state).toBe("submitted");
    res = await planning.request("POST", `/api/kpis/${id}/transitions`, {
      action: "approve",
      version: listed.version,
    });
    expect(res.status).toBe(200);
    expect((await planning.request("POST", "/api/years/2021/publish")).status).toBe(200);

    // Done: off the entry page; FY2022 still open; the public sees the corrected value, its dated
    // note and, in the KPI's history, the value published before.
    entry = (await (await shoko.request("GET", "/api/entry")).json()) as EntryList;
    expect(entry.reopened).toEqual([]);
    expect(entry.year?.fiscalYear).toBe(2022);
    const detail = (await (await pub.request("GET", `/api/kpis/${id}`)).json()) as KpiDetail;
    expect(detail.row.kpi.actual).toMatchObject({ value: 38 });
    expect(detail.row.corrections).toMatchObject([
      { reason: "集計誤り", previousActual: before.kpi.actual, republishedAt: expect.any(String) },
    ]);
    expect(detail.history.find((h) => h.fiscalYear === 2021)?.corrections).toMatchObject([
      { reason: "集計誤り", previousActual: before.kpi.actual },
    ]);
    await services.close();
  }, 300_000);

  it("keeps a year under correction in the public history, as last published", async () => {
    const { app, services } = await freshApp();
    const planning = await login(app, "planning");
    const pub = anonymous(app);
    const target = (await services.store.kpisOfYear(2021))[0]!;
    const res = await planning.request("POST", `/api/kpis/${target.id}/correction`, {
      version: target.version,
      reason: "集計誤り",
    });
    expect(res.status).toBe(200);
    await services.store.updateKpi(
      (await services.store.kpiByKey(target.id))!,
      target.version + 1,
      { actual: { kind: "text", text: "訂正中の下書き", raw: "訂正中の下書き" } as never },
      "demo",
    );
    const detail = (await (await pub.request("GET", `/api/kpis/${target.id}`)).json()) as KpiDetail;
    const y2021 = detail.history.find((h) => h.fiscalYear === 2021)!;
    expect(y2021.state).toBe("published");
    expect(y2021.actual).toEqual(target.kpi.actual);
    expect(JSON.stringify(detail)).not.toContain("訂正中の下書き");
    await services.close();
  }, 300_000);

  it("refuses a correction of a row not published", async () => {
    const { app, services } = await freshApp();
    const planning = await login(app, "planning");
    const row = ((await (await planning.request("GET", "/api/kpis/2022-1")).json()) as { row: Row }).row;
    const res = await planning.request("POST", "/api/kpis/2022-1/correction", {
      version: row.version,
      reason: "誤り",
    });
    expect(res.status).toBe(409);
    expect(((await res.json()) as Err).error.code).toBe("invalid_transition");
    await services.close();
  }, 120_000);
});
