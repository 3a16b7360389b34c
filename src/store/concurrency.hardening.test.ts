/**
 * Concurrent edits of one KPI-year (issue #9), on PGlite and PostgreSQL: everyone read version v,
 * the first save wins, every other gets `version_conflict` with the current row, nothing is lost.
 * On PostgreSQL the savers are separate connections (a second pool on the same database) racing
 * for real; PGlite has one connection, so there the saves interleave on it.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { fixedClock } from "../core/clock.ts";
import { isSoseiError, type SoseiError } from "../core/errors.ts";
import { sequentialIds } from "../core/ids.ts";
import type { Sheet } from "../core/sheet.ts";
import { type Database, openDatabase } from "./db.ts";
import { auditOf } from "./repositories/audit.ts";
import {
  getKpiYear,
  type KpiYearRecord,
  listKpiYears,
  transitionReview,
  updateKpiYear,
} from "./repositories/kpi-years.ts";
import { backendsForTests, openTestDatabase, type TestDatabase } from "./test-backends.ts";
import { saveSheet } from "./use-cases/save-sheet.ts";

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const sheet = JSON.parse(
  readFileSync(path.join(repoRoot, "fixtures/store/kakuu-2022.json"), "utf8"),
) as Sheet;

const backends = await backendsForTests();

describe.each(backends)("concurrent edits on %s", (backend, skipReason) => {
  let t: TestDatabase;
  /** A second, independent connection pool on the same database (PostgreSQL), else the same one. */
  let other: Database;
  const clock = fixedClock("2026-04-01T00:00:00Z");
  const ctx = (actor: string) => ({ actor, clock, ids: sequentialIds(actor) });

  describe.skipIf(skipReason !== null)(
    skipReason ? `skipped: ${skipReason}` : "optimistic concurrency",
    () => {
      beforeAll(async () => {
        t = await openTestDatabase(backend);
        other = t.url ? await openDatabase({ databaseUrl: t.url }) : t;
      });
      afterAll(async () => {
        if (other && other !== t) await other.close();
        await t?.destroy();
      });
      let row: KpiYearRecord;
      beforeEach(async () => {
        await t.reset();
        await saveSheet(t.db, sheet, ctx("cli:importer"));
        row = (await listKpiYears(t.db, { fiscalYear: 2022 }))[0]!;
      });

      it("two users save from the same version at once: one wins, the other gets the winner's row", async () => {
        const v = row.version;
        const results = await Promise.allSettled([
          updateKpiYear(t.db, { id: row.id, version: v, changes: { challenge: "Aさんの課題" } }, ctx("u-a")),
          updateKpiYear(
            other.db,
            { id: row.id, version: v, changes: { challenge: "Bさんの課題" } },
            ctx("u-b"),
          ),
        ]);
        const won = results.filter((r) => r.status === "fulfilled");
        const lost = results.filter((r): r is PromiseRejectedResult => r.status === "rejected");
        expect(won).toHaveLength(1);
        expect(lost).toHaveLength(1);
        const err = lost[0]!.reason as SoseiError;
        expect(isSoseiError(err) && err.code).toBe("version_conflict");
        const winner = (won[0] as PromiseFulfilledResult<KpiYearRecord>).value;
        expect(winner.version).toBe(v + 1);
        const current = err.details?.current as KpiYearRecord;
        expect(current.version).toBe(v + 1);
        expect(current.kpi.challenge).toBe(winner.kpi.challenge);
        expect(current.updatedBy).toBe(winner.updatedBy);
        // The stored row is the winner's, and only the winner's change is in the audit log.
        const stored = await getKpiYear(t.db, row.id);
        expect(stored.kpi.challenge).toBe(winner.kpi.challenge);
        const updates = (await auditOf(t.db, "kpi_year", row.id)).filter((a) => a.action === "update");
        expect(updates).toHaveLength(1);
        expect(updates[0]!.actor).toBe(winner.updatedBy);
      });

      it("eight savers on one version: exactly one succeeds, seven conflicts, version + 1", async () => {
        const v = row.version;
        const results = await Promise.allSettled(
          Array.from({ length: 8 }, (_, i) =>
            updateKpiYear(
              (i % 2 ? other : t).db,
              { id: row.id, version: v, changes: { nextSteps: `方策${i}` } },
              ctx(`u-${i}`),
            ),
          ),
        );
        expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
        const codes = results
          .filter((r): r is PromiseRejectedResult => r.status === "rejected")
          .map((r) => (r.reason as SoseiError).code);
        expect(codes).toEqual(Array(7).fill("version_conflict"));
        expect((await getKpiYear(t.db, row.id)).version).toBe(v + 1);
      });

      it("the loser re-reads, merges and saves: both changes are kept (no lost update)", async () => {
        const v = row.version;
        await updateKpiYear(t.db, { id: row.id, version: v, changes: { reason: "Aの理由" } }, ctx("u-a"));
        const conflict = await updateKpiYear(
          other.db,
          { id: row.id, version: v, changes: { challenge: "Bの課題" } },
          ctx("u-b"),
        ).catch((e: unknown) => e as SoseiError);
        expect((conflict as SoseiError).code).toBe("version_conflict");
        const current = (conflict as SoseiError).details?.current as KpiYearRecord;
        const saved = await updateKpiYear(
          other.db,
          { id: row.id, version: current.version, changes: { challenge: "Bの課題" } },
          ctx("u-b"),
        );
        expect(saved.kpi.reason).toBe("Aの理由");
        expect(saved.kpi.challenge).toBe("Bの課題");
        expect(saved.version).toBe(v + 2);
      });

      it("an edit racing a review transition: one wins, the other conflicts", async () => {
        const v = row.version;
        const results = await Promise.allSettled([
          transitionReview(t.db, { id: row.id, version: v, to: "submitted" }, ctx("u-dept")),
          updateKpiYear(other.db, { id: row.id, version: v, changes: { status: "追記" } }, ctx("u-b")),
        ]);
        expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
        const rejected = results.find((r): r is PromiseRejectedResult => r.status === "rejected")!;
        expect((rejected.reason as SoseiError).code).toBe("version_conflict");
        expect((await getKpiYear(t.db, row.id)).version).toBe(v + 1);
      });
    },
  );
});
