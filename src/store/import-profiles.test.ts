/**
 * The mapping profiles saved per municipality, one per layout: saved after a confirmed import,
 * replaced by the next confirmed one of the same layout (each change audit-logged), kept apart for
 * another layout, forgotten on request (one or all), never for a municipality nobody created.
 * PGlite and PostgreSQL.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { beforeEach, expect, it } from "vitest";
import { fixedClock } from "../core/clock.ts";
import { sequentialIds } from "../core/ids.ts";
import type { Sheet } from "../core/sheet.ts";
import { auditOf } from "./repositories/audit.ts";
import { deleteProfiles, profilesOf, saveProfile } from "./repositories/import-profiles.ts";
import { listMunicipalities } from "./repositories/municipalities.ts";
import { describeOnBackends } from "./test-backends.ts";
import { saveSheet } from "./use-cases/save-sheet.ts";

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const fixture = (name: string): Sheet =>
  JSON.parse(readFileSync(path.join(repoRoot, "fixtures/store", name), "utf8")) as Sheet;

const profile = {
  layout: "table",
  fiscalYear: 2022,
  headerRows: [3],
  columns: [
    { table: 1, col: 1, header: "指標名", field: "indicator" },
    { table: 1, col: 2, header: "備考欄", field: "extra" },
  ],
  scale: null,
};

await describeOnBackends("import profiles on %s", "profiles", (db) => {
  const clock = fixedClock("2026-04-01T00:00:00Z");
  let ctx: { actor: string; clock: typeof clock; ids: ReturnType<typeof sequentialIds> };

  beforeEach(async () => {
    ctx = { actor: "planner-1", clock, ids: sequentialIds("p") };
  });

  it("saves a profile for the municipality, reads it back, replaces it, and audits each change", async () => {
    await saveSheet(db().db, fixture("kakuu-2022.json"), ctx);
    expect(await profilesOf(db().db, "架空市")).toEqual([]);
    await saveProfile(
      db().db,
      { municipality: "架空市", profile, fingerprint: "table|指標名|備考欄", source: "a.md" },
      ctx,
    );
    const got = await profilesOf(db().db, "架空市");
    expect(got).toHaveLength(1);
    expect(got[0]).toMatchObject({
      profile,
      fingerprint: "table|指標名|備考欄",
      source: "a.md",
      updatedBy: "planner-1",
    });
    const corrected = {
      ...profile,
      columns: [profile.columns[0]!, { table: 1, col: 2, header: "備考欄", field: "comments" }],
    };
    await saveProfile(
      db().db,
      { municipality: "架空市", profile: corrected, fingerprint: "table|指標名|備考欄", source: "b.md" },
      { ...ctx, actor: "planner-2" },
    );
    expect((await profilesOf(db().db, "架空市")).map((p) => p.profile)).toEqual([corrected]);
    const id = (await listMunicipalities(db().db))[0]!.id;
    const log = await auditOf(db().db, "import_profile", id);
    expect(log.map((a) => [a.action, a.actor])).toEqual([
      ["create", "planner-1"],
      ["update", "planner-2"],
    ]);
    // The same profile again writes nothing.
    await saveProfile(
      db().db,
      { municipality: "架空市", profile: corrected, fingerprint: "table|指標名|備考欄", source: "c.md" },
      ctx,
    );
    expect(await auditOf(db().db, "import_profile", id)).toHaveLength(2);
  });

  it("refuses a profile for a municipality that is not stored, and creates none", async () => {
    await expect(
      saveProfile(db().db, { municipality: "幻市", profile, fingerprint: "x", source: null }, ctx),
    ).rejects.toMatchObject({ code: "not_found" });
    expect(await listMunicipalities(db().db)).toEqual([]);
    expect(await profilesOf(db().db, "幻市")).toEqual([]);
  });

  it("keeps one profile per layout: a second layout's is saved beside the first, newest first", async () => {
    await saveSheet(db().db, fixture("kakuu-2022.json"), ctx);
    const cards = { ...profile, layout: "cards", columns: [] };
    await saveProfile(
      db().db,
      { municipality: "架空市", profile, fingerprint: "table|f", source: "a.md" },
      ctx,
    );
    const later = { ...ctx, clock: fixedClock("2026-04-02T00:00:00Z") };
    await saveProfile(
      db().db,
      { municipality: "架空市", profile: cards, fingerprint: "cards|g", source: "b.xlsx" },
      later,
    );
    expect((await profilesOf(db().db, "架空市")).map((p) => [p.fingerprint, p.source])).toEqual([
      ["cards|g", "b.xlsx"],
      ["table|f", "a.md"],
    ]);
    // Forgetting one layout's keeps the other.
    expect(await deleteProfiles(db().db, "架空市", ctx, "cards|g")).toBe(1);
    expect((await profilesOf(db().db, "架空市")).map((p) => p.fingerprint)).toEqual(["table|f"]);
  });

  it("forgets every profile (each audited with what it was); forgetting none changes nothing", async () => {
    await saveSheet(db().db, fixture("kakuu-2022.json"), ctx);
    expect(await deleteProfiles(db().db, "架空市", ctx)).toBe(0);
    await saveProfile(db().db, { municipality: "架空市", profile, fingerprint: "f", source: "a.md" }, ctx);
    expect(await deleteProfiles(db().db, "架空市", { ...ctx, actor: "planner-2" }, "other")).toBe(0);
    expect(await deleteProfiles(db().db, "架空市", { ...ctx, actor: "planner-2" })).toBe(1);
    expect(await profilesOf(db().db, "架空市")).toEqual([]);
    const id = (await listMunicipalities(db().db))[0]!.id;
    const log = await auditOf(db().db, "import_profile", id);
    expect(log.map((a) => [a.action, a.actor])).toEqual([
      ["create", "planner-1"],
      ["delete", "planner-2"],
    ]);
    expect(log[1]!.before).toMatchObject({ profile, source: "a.md" });
    expect(await deleteProfiles(db().db, "幻市", ctx)).toBe(0);
  });
});
