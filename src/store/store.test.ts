/**
 * The repository suite, run against PGlite (in memory) and PostgreSQL alike: one database per
 * backend per file, emptied (TRUNCATE) before each test.
 */
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { beforeEach, expect, it } from "vitest";
import { fixedClock } from "../core/clock.ts";
import { SoseiError } from "../core/errors.ts";
import { kpiId, sequentialIds } from "../core/ids.ts";
import type { Sheet } from "../core/sheet.ts";
import { createBackup, decodeBackup, encodeBackup, restoreBackup } from "./backup.ts";
import { auditOf } from "./repositories/audit.ts";
import { addComment, commentsOf } from "./repositories/comments.ts";
import { listDepartments } from "./repositories/departments.ts";
import {
  getKpiYear,
  listKpiYears,
  publishYear,
  transitionReview,
  updateKpiYear,
} from "./repositories/kpi-years.ts";
import { listPlans, setKpiAttributes } from "./repositories/kpis.ts";
import { searchKpis } from "./repositories/search.ts";
import {
  authenticate,
  createSession,
  createUser,
  deleteSession,
  sessionByToken,
} from "./repositories/users.ts";
import { describeOnBackends } from "./test-backends.ts";
import { exportSheet } from "./use-cases/export-sheet.ts";
import { kpiHistory } from "./use-cases/history.ts";
import { rematch } from "./use-cases/rematch.ts";
import { saveSheet } from "./use-cases/save-sheet.ts";

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const fixture = (name: string): Sheet =>
  JSON.parse(readFileSync(path.join(repoRoot, "fixtures/store", name), "utf8")) as Sheet;

await describeOnBackends("store on %s", "repositories", (db) => {
  const clock = fixedClock("2026-04-01T00:00:00Z");
  let ctx: { actor: string; clock: typeof clock; ids: ReturnType<typeof sequentialIds> };

  beforeEach(async () => {
    ctx = { actor: "cli:tester", clock, ids: sequentialIds("t") };
  });

  it("exports a saved year exactly as imported (key order too)", async () => {
    const s22 = fixture("kakuu-2022.json");
    const r = await saveSheet(db().db, s22, ctx);
    expect(r.matches.entries.every((e) => e.kind === "new")).toBe(true);
    const out = await exportSheet(db().db, { fiscalYear: 2022 });
    expect(JSON.stringify(out)).toBe(JSON.stringify(s22));
    expect(await listDepartments(db().db)).toHaveLength(5);
  });

  it("keeps fields a later sheet/1 adds (header and KPI), in order", async () => {
    const s22 = fixture("kakuu-2022.json") as Sheet & Record<string, unknown>;
    s22.generator = { name: "x", version: 2 };
    const k = s22.kpis[0] as unknown as Record<string, unknown>;
    k.zNote = "追記";
    k.aFlag = true;
    await saveSheet(db().db, s22, ctx);
    expect(JSON.stringify(await exportSheet(db().db, { fiscalYear: 2022 }))).toBe(JSON.stringify(s22));
  });

  it("matches the next year: one history per KPI, the rename reported, the dropped one listed", async () => {
    const s22 = fixture("kakuu-2022.json");
    const s23 = fixture("kakuu-2023.json");
    const r22 = await saveSheet(db().db, s22, ctx);
    const r23 = await saveSheet(db().db, s23, ctx);
    const kinds = r23.matches.entries.map((e) => e.kind);
    expect(kinds.filter((k) => k === "exact")).toHaveLength(5);
    const renamed = r23.matches.entries.find((e) => e.kind === "renamed")!;
    expect(renamed).toMatchObject({
      row: 3,
      previousIndicator: "観光入込客数",
      indicator: "観光入込客数（延べ人数）",
    });
    expect(renamed.kpiId).toBe(r22.matches.entries.find((e) => e.row === 3)!.kpiId);
    expect(r23.matches.entries.find((e) => e.kind === "new")?.indicator).toBe("空き家バンク成約件数");
    expect(r23.matches.dropped.map((d) => d.indicator)).toEqual(["観光ボランティアガイド登録者数"]);

    const h = await kpiHistory(db().db, renamed.kpiId!);
    expect(h.years.map((y) => [y.fiscalYear, y.indicator, y.actualNumber])).toEqual([
      [2022, "観光入込客数", 1210000],
      [2023, "観光入込客数（延べ人数）", 1420000],
    ]);
    expect(h.definitions.map((d) => d.validFrom)).toEqual([2022, 2023]);
    expect((await listPlans(db().db)).map((p) => [p.municipality, p.startYear, p.endYear])).toEqual([
      ["架空市", 2022, 2024],
    ]);
    // Both years still export exactly (titles as printed each year).
    expect(JSON.stringify(await exportSheet(db().db, { fiscalYear: 2022 }))).toBe(JSON.stringify(s22));
    expect(JSON.stringify(await exportSheet(db().db, { fiscalYear: 2023 }))).toBe(JSON.stringify(s23));
  });

  it("keeps hand-set attributes (direction, baseline) when a later year adds a definition version", async () => {
    const r22 = await saveSheet(db().db, fixture("kakuu-2022.json"), ctx);
    const id = r22.matches.entries[2]!.kpiId!;
    await setKpiAttributes(
      db().db,
      { kpiId: id, attributes: { direction: "increase", figuresSource: "観光統計" } },
      ctx,
    );
    await saveSheet(db().db, fixture("kakuu-2023.json"), ctx);
    const defs = (await kpiHistory(db().db, id)).definitions;
    expect(defs.map((d) => [d.validFrom, d.direction, d.figuresSource])).toEqual([
      [2022, "increase", "観光統計"],
      [2023, "increase", "観光統計"],
    ]);
  });

  it("re-importing an earlier year after a later one leaves the later year's definition alone", async () => {
    const s22 = fixture("kakuu-2022.json");
    const s23 = fixture("kakuu-2023.json");
    await saveSheet(db().db, s22, ctx);
    await saveSheet(db().db, s23, ctx);
    const changed = structuredClone(s22);
    changed.kpis[0]!.departments = ["産業振興課", "企画課"];
    const again = await saveSheet(db().db, changed, ctx);
    expect(again.matches.entries.every((e) => e.kind === "exact")).toBe(true);
    expect(JSON.stringify(await exportSheet(db().db, { fiscalYear: 2022 }))).toBe(JSON.stringify(changed));
    expect(JSON.stringify(await exportSheet(db().db, { fiscalYear: 2023 }))).toBe(JSON.stringify(s23));
  });

  it("reports a doubtful match as uncertain and saves it as new; an override confirms it", async () => {
    const s22 = fixture("kakuu-2022.json");
    const r22 = await saveSheet(db().db, s22, ctx);
    const s23 = structuredClone(s22);
    s23.fiscalYear = 2023;
    s23.kpis[5]!.indicator = "移住に関する相談の総数"; // 移住相談件数, reworded
    const r23 = await saveSheet(db().db, s23, ctx);
    const e = r23.matches.entries.find((x) => x.row === 6)!;
    expect(e.kind).toBe("uncertain");
    const old = r22.matches.entries.find((x) => x.row === 6)!.kpiId!;
    expect(e.candidate?.kpiId).toBe(old);
    expect(e.kpiId).not.toBe(old);
    expect(r23.matches.dropped.map((d) => d.kpiId)).toEqual([old]);

    const fixed = await saveSheet(db().db, s23, { ...ctx, matchOverrides: { "row 6": old } });
    expect(fixed.matches.entries.find((x) => x.row === 6)).toMatchObject({ kind: "manual", kpiId: old });
    expect((await kpiHistory(db().db, old)).years.map((y) => y.fiscalYear)).toEqual([2022, 2023]);
    // the mistaken new KPI is gone
    await expect(kpiHistory(db().db, e.kpiId!)).rejects.toMatchObject({ code: "not_found" });
  });

  it("rematch moves a stored row to the KPI it belongs to", async () => {
    const s22 = fixture("kakuu-2022.json");
    const r22 = await saveSheet(db().db, s22, ctx);
    const s23 = structuredClone(s22);
    s23.fiscalYear = 2023;
    s23.kpis[5]!.indicator = "移住に関する相談の総数";
    const r23 = await saveSheet(db().db, s23, ctx);
    const old = r22.matches.entries.find((x) => x.row === 6)!.kpiId!;
    const wrong = r23.matches.entries.find((x) => x.row === 6)!.kpiId!;
    const res = await rematch(db().db, { fiscalYear: 2023, row: 6, to: old }, ctx);
    expect(res.kpiId).toBe(old);
    expect((await kpiHistory(db().db, old)).years.map((y) => y.indicator)).toEqual([
      "移住相談件数",
      "移住に関する相談の総数",
    ]);
    await expect(kpiHistory(db().db, wrong)).rejects.toMatchObject({ code: "not_found" });
    expect(JSON.stringify(await exportSheet(db().db, { fiscalYear: 2023 }))).toBe(JSON.stringify(s23));
    expect(
      (await auditOf(db().db, "kpi_year", (await listKpiYears(db().db, { fiscalYear: 2023 }))[5]!.id)).at(-1)
        ?.action,
    ).toBe("rematch");
  });

  it("is all or nothing: a failing save leaves no trace", async () => {
    const s22 = fixture("kakuu-2022.json");
    await expect(
      saveSheet(db().db, s22, { ...ctx, matchOverrides: { "row 2": "no-such-kpi" } }),
    ).rejects.toMatchObject({ code: "invalid_match_override" });
    const broken = structuredClone(s22);
    // a value the database refuses half way through (evaluation category is NOT NULL)
    (broken.kpis[4]!.evaluation as { category: unknown }).category = null;
    await expect(saveSheet(db().db, broken, ctx)).rejects.toThrow();
    await expect(exportSheet(db().db, { fiscalYear: 2022 })).rejects.toMatchObject({ code: "not_found" });
    const backup = await createBackup(db().db, clock);
    expect(backup.tables.every(([, rows]) => rows.length === 0)).toBe(true);
  });

  it("writes every change to the audit log with actor, time, before and after", async () => {
    const r = await saveSheet(db().db, fixture("kakuu-2022.json"), ctx);
    const sheetAudit = await auditOf(db().db, "sheet", r.sheetId);
    expect(sheetAudit.map((a) => a.action)).toEqual(["import"]);
    expect(sheetAudit[0]).toMatchObject({ actor: "cli:tester", at: new Date("2026-04-01T00:00:00Z") });
    const [row] = await listKpiYears(db().db, { fiscalYear: 2022 });
    clock.advance(1000);
    await updateKpiYear(
      db().db,
      { id: row!.id, version: 1, changes: { reason: "追記した理由" } },
      { ...ctx, actor: "u-1" },
    );
    const trail = await auditOf(db().db, "kpi_year", row!.id);
    expect(trail.map((a) => a.action)).toEqual(["create", "update"]);
    expect(trail[1]).toMatchObject({ actor: "u-1", at: new Date("2026-04-01T00:00:01Z") });
    expect((trail[1]!.before as { reason: string | null }).reason).toBe(null);
    expect((trail[1]!.after as { reason: string }).reason).toBe("追記した理由");
  });

  it("refuses a stale save with version_conflict and the current row", async () => {
    await saveSheet(db().db, fixture("kakuu-2022.json"), ctx);
    const [row] = await listKpiYears(db().db, { fiscalYear: 2022 });
    const a = await updateKpiYear(db().db, { id: row!.id, version: 1, changes: { challenge: "A" } }, ctx);
    expect(a.version).toBe(2);
    const err = await updateKpiYear(
      db().db,
      { id: row!.id, version: 1, changes: { challenge: "B" } },
      ctx,
    ).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(SoseiError);
    expect((err as SoseiError).code).toBe("version_conflict");
    expect((err as SoseiError).details?.current).toMatchObject({ version: 2, kpi: { challenge: "A" } });
    expect((await getKpiYear(db().db, row!.id)).kpi.challenge).toBe("A");
  });

  it("moves rows through the review and publishes a year when all are approved", async () => {
    await saveSheet(db().db, fixture("kakuu-2022.json"), ctx);
    const rows = await listKpiYears(db().db, { fiscalYear: 2022 });
    const first = rows[0]!;
    let r = await transitionReview(db().db, { id: first.id, version: 1, to: "submitted" }, ctx);
    await expect(
      transitionReview(db().db, { id: first.id, version: r.version, to: "returned" }, ctx),
    ).rejects.toMatchObject({ code: "validation_failed" });
    r = await transitionReview(
      db().db,
      { id: first.id, version: r.version, to: "returned", comment: "根拠を" },
      ctx,
    );
    expect(r.reviewState).toBe("returned");
    expect((await commentsOf(db().db, first.id)).map((c) => [c.kind, c.body])).toEqual([
      ["return", "根拠を"],
    ]);
    await expect(
      transitionReview(db().db, { id: first.id, version: r.version, to: "approved" }, ctx),
    ).rejects.toMatchObject({ code: "invalid_transition" });
    await expect(publishYear(db().db, { fiscalYear: 2022 }, ctx)).rejects.toMatchObject({
      code: "not_all_approved",
    });
    for (const row of await listKpiYears(db().db, { fiscalYear: 2022 })) {
      let v = row.version;
      let state = row.reviewState;
      if (state !== "submitted")
        v = (await transitionReview(db().db, { id: row.id, version: v, to: "submitted" }, ctx)).version;
      state = (await transitionReview(db().db, { id: row.id, version: v, to: "approved" }, ctx)).reviewState;
      expect(state).toBe("approved");
    }
    expect(await publishYear(db().db, { fiscalYear: 2022 }, ctx)).toBe(7);
    const after = await listKpiYears(db().db, { fiscalYear: 2022 });
    expect(after.every((x) => x.reviewState === "published")).toBe(true);
    await expect(
      updateKpiYear(db().db, { id: first.id, version: after[0]!.version, changes: { reason: "x" } }, ctx),
    ).rejects.toMatchObject({ code: "year_published" });
    await expect(saveSheet(db().db, fixture("kakuu-2022.json"), ctx)).rejects.toMatchObject({
      code: "year_published",
    });
    await addComment(db().db, { kpiYearId: first.id, body: "公表後のメモ" }, ctx);
    expect(await commentsOf(db().db, first.id)).toHaveLength(2);
  });

  it("finds 2-character Japanese words and treats % and _ literally", async () => {
    await saveSheet(db().db, fixture("kakuu-2022.json"), ctx);
    const hits = await searchKpis(db().db, "出生");
    expect(hits.map((h) => h.row)).toEqual([6, 7]);
    expect(hits.find((h) => h.row === 7)!.fields).toContain("indicator");
    expect(hits.find((h) => h.row === 6)!.fields).toEqual(["status"]);
    expect(await searchKpis(db().db, "観光 花火")).toHaveLength(1);
    expect(await searchKpis(db().db, "%")).toEqual([]);
    expect(await searchKpis(db().db, "_")).toEqual([]);
    expect((await searchKpis(db().db, "入込客")).map((h) => h.indicator)).toEqual(["観光入込客数"]);
  });

  it("search normalises the stored text too (NFKC): ｄｘ and ＤＸ are found by dx", async () => {
    const sheet = fixture("kakuu-2022.json");
    sheet.kpis[0]!.indicator = "ＤＸ推進件数";
    sheet.kpis[1]!.reason = "ﾎﾟﾝﾌﾟ不足";
    await saveSheet(db().db, sheet, ctx);
    expect((await searchKpis(db().db, "dx 推進")).map((h) => h.indicator)).toEqual(["ＤＸ推進件数"]);
    expect((await searchKpis(db().db, "ポンプ")).map((h) => [h.row, h.fields])).toEqual([
      [sheet.kpis[1]!.row, ["reason"]],
    ]);
    expect(await searchKpis(db().db, "dx ポンプ")).toEqual([]);
  });

  it("keeps users with scrypt hashes and sessions by token hash, expiring them", async () => {
    const u = await createUser(
      db().db,
      {
        loginId: "shoko",
        displayName: "商工 花子",
        role: "department",
        department: "産業振興課",
        password: "pw-1234",
      },
      ctx,
    );
    expect(u).not.toHaveProperty("passwordHash");
    await expect(
      createUser(db().db, { loginId: "shoko", displayName: "x", role: "planning", password: "p" }, ctx),
    ).rejects.toMatchObject({ code: "login_id_taken" });
    expect(await authenticate(db().db, "shoko", "wrong")).toBeNull();
    expect((await authenticate(db().db, "shoko", "pw-1234"))?.id).toBe(u.id);
    const s = await createSession(db().db, u.id, 60_000, clock);
    expect((await sessionByToken(db().db, s.token, clock))?.user.loginId).toBe("shoko");
    const raw = await createBackup(db().db, clock);
    const stored = raw.tables.find(([n]) => n === "sessions")![1][0]!;
    expect(stored.id).not.toBe(s.token);
    clock.advance(61_000);
    expect(await sessionByToken(db().db, s.token, clock)).toBeNull();
    const s2 = await createSession(db().db, u.id, 60_000, clock);
    await deleteSession(db().db, s2.token);
    expect(await sessionByToken(db().db, s2.token, clock)).toBeNull();
  });

  it("creating a session purges the sessions that have run out", async () => {
    const u = await createUser(
      db().db,
      { loginId: "purge", displayName: "x", role: "planning", password: "pw-1234-purge" },
      ctx,
    );
    const sessionIds = async () =>
      (await createBackup(db().db, clock)).tables.find(([n]) => n === "sessions")![1].map((r) => r.id);
    const old = await createSession(db().db, u.id, 60_000, clock);
    expect(await sessionIds()).toHaveLength(1);
    clock.advance(61_000);
    await createSession(db().db, u.id, 60_000, clock);
    const ids = await sessionIds();
    expect(ids).toHaveLength(1);
    expect(ids).not.toContain(createHash("sha256").update(old.token).digest("hex"));
  });

  it("backs up and restores into an empty database of the same backend", async () => {
    const s22 = fixture("kakuu-2022.json");
    await saveSheet(db().db, s22, ctx);
    const doc = decodeBackup(encodeBackup(await createBackup(db().db, clock)));
    await expect(restoreBackup(db().db, doc)).rejects.toMatchObject({ code: "database_not_empty" });
    await db().reset();
    await restoreBackup(db().db, doc);
    expect(JSON.stringify(await exportSheet(db().db, { fiscalYear: 2022 }))).toBe(JSON.stringify(s22));
    await restoreBackup(db().db, doc, { force: true });
    expect(JSON.stringify(await exportSheet(db().db, { fiscalYear: 2022 }))).toBe(JSON.stringify(s22));
    expect(kpiId("x")).toBe("x");
  });
});
