/**
 * SQL injection and LIKE wildcards in every store filter and search (issue #9), on PGlite and
 * PostgreSQL: hostile text is matched literally, raises no error and changes nothing.
 * The oracle for search is a plain substring test over the same fields.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import fc from "fast-check";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { fixedClock } from "../core/clock.ts";
import { sequentialIds } from "../core/ids.ts";
import type { Sheet } from "../core/sheet.ts";
import { auditOf } from "./repositories/audit.ts";
import { ensureDepartment, listDepartments } from "./repositories/departments.ts";
import { listKpiYears, updateKpiYear } from "./repositories/kpi-years.ts";
import { searchKpis } from "./repositories/search.ts";
import { authenticate, createUser, sessionByToken, userByLoginId } from "./repositories/users.ts";
import { backendsForTests, openTestDatabase, type TestDatabase } from "./test-backends.ts";
import { exportSheet, findSheet } from "./use-cases/export-sheet.ts";
import { saveSheet } from "./use-cases/save-sheet.ts";

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const sheet = JSON.parse(
  readFileSync(path.join(repoRoot, "fixtures/store/kakuu-2022.json"), "utf8"),
) as Sheet;

const HOSTILE = [
  "'; drop table kpis; --",
  '"; drop table kpi_years; --',
  "' or '1'='1",
  "1 or 1=1",
  "%",
  "_",
  "%%",
  "__",
  "\\",
  "\\%",
  "\\_",
  "a%b",
  "100%",
  "x_y",
  "$1",
  "?",
  ":name",
  "' union select password_hash from users --",
  "\u0000",
  "ＳＥＬＥＣＴ",
  "％",
  "＿",
  "\u202e逆順",
  "😀",
  "子育て'",
] as const;

// Stored payloads: each contains some of the hostile substrings literally.
const PAYLOAD_STATUS = "達成率100%見込み、x_y は \\ 付き、'; drop table kpis; -- と書いた";
const PAYLOAD_REASON = "a%b の集計で ' or '1'='1 を含む理由 😀";

const backends = await backendsForTests();

describe.each(backends)("hostile text in store queries on %s", (backend, skipReason) => {
  let t: TestDatabase;
  const clock = fixedClock("2026-04-01T00:00:00Z");
  let ids = sequentialIds("h");
  const ctx = () => ({ actor: "cli:tester", clock, ids });

  describe.skipIf(skipReason !== null)(skipReason ? `skipped: ${skipReason}` : "literal matching", () => {
    let texts: { row: number; fields: (string | null)[] }[];
    let exported: string;
    beforeAll(async () => {
      t = await openTestDatabase(backend);
    });
    afterAll(async () => {
      await t?.destroy();
    });
    beforeEach(async () => {
      await t.reset();
      ids = sequentialIds("h");
      await saveSheet(t.db, sheet, ctx());
      const rows = await listKpiYears(t.db, { fiscalYear: 2022 });
      await updateKpiYear(
        t.db,
        { id: rows[0]!.id, version: rows[0]!.version, changes: { status: PAYLOAD_STATUS } },
        ctx(),
      );
      await updateKpiYear(
        t.db,
        { id: rows[1]!.id, version: rows[1]!.version, changes: { reason: PAYLOAD_REASON } },
        ctx(),
      );
      const after = await listKpiYears(t.db, { fiscalYear: 2022 });
      texts = after.map((r) => ({
        row: r.kpi.row,
        fields: [r.kpi.indicator, r.kpi.status, r.kpi.reason, r.kpi.challenge, r.kpi.nextSteps],
      }));
      exported = JSON.stringify(await exportSheet(t.db, { fiscalYear: 2022 }));
    });

    /** Rows whose fields contain every word of `query`, literally (case-insensitive ASCII). */
    const expectedRows = (query: string) => {
      const words = query.normalize("NFKC").split(/\s+/).filter(Boolean);
      if (words.length === 0) return [];
      return texts
        .filter((r) =>
          words.every((w) => r.fields.some((f) => (f ?? "").toLowerCase().includes(w.toLowerCase()))),
        )
        .map((r) => r.row);
    };

    it("search: every hostile string matches literally, no error", async () => {
      for (const q of HOSTILE) {
        if (q.includes("\u0000")) continue; // PostgreSQL text cannot hold NUL: see the next test
        const hits = await searchKpis(t.db, q);
        expect(
          hits.map((h) => h.row).sort((a, b) => a - b),
          `search ${JSON.stringify(q)}`,
        ).toEqual(expectedRows(q));
      }
      // The wildcards alone match only rows that contain them.
      expect((await searchKpis(t.db, "%")).map((h) => h.row)).toEqual([texts[0]!.row, texts[1]!.row]);
      expect((await searchKpis(t.db, "_")).map((h) => h.row)).toEqual([texts[0]!.row]);
      expect((await searchKpis(t.db, "\\")).map((h) => h.row)).toEqual([texts[0]!.row]);
    });

    it("a NUL character (PostgreSQL refuses it in a parameter) matches nothing instead of failing", async () => {
      expect(await searchKpis(t.db, "a\u0000b")).toEqual([]);
      expect(await searchKpis(t.db, "100% \u0000")).toEqual([]);
      expect(await userByLoginId(t.db, "admin\u0000")).toBeNull();
      expect(await authenticate(t.db, "admin\u0000", "x")).toBeNull();
      expect(await searchKpis(t.db, "100%")).toHaveLength(1);
    });

    it("search: random strings from a hostile alphabet agree with the substring oracle", async () => {
      const piece = fc.constantFrom(
        "%",
        "_",
        "\\",
        "'",
        '"',
        ";",
        "-",
        " ",
        "a",
        "b",
        "x",
        "y",
        "0",
        "1",
        "見込み",
        "子育て",
      );
      await fc.assert(
        fc.asyncProperty(fc.array(piece, { maxLength: 8 }), async (ps) => {
          const q = ps.join("");
          const hits = await searchKpis(t.db, q);
          expect(hits.map((h) => h.row).sort((a, b) => a - b)).toEqual(expectedRows(q));
        }),
        { numRuns: 40 },
      );
    });

    it("filters and look-ups (department, municipality, login id, session token, audit id) take hostile text literally", async () => {
      for (const s of HOSTILE) {
        if (s.includes("\u0000")) continue;
        expect(await listKpiYears(t.db, { fiscalYear: 2022, department: s })).toEqual([]);
        await expect(findSheet(t.db, { fiscalYear: 2022, municipality: s })).rejects.toMatchObject({
          code: "not_found",
        });
        expect(await userByLoginId(t.db, s)).toBeNull();
        expect(await authenticate(t.db, s, s)).toBeNull();
        expect(await sessionByToken(t.db, s, clock)).toBeNull();
        expect(await auditOf(t.db, "kpi_year", s)).toEqual([]);
      }
      // Nothing changed: the year exports as before, every table is still there.
      expect(JSON.stringify(await exportSheet(t.db, { fiscalYear: 2022 }))).toBe(exported);
    });

    it("hostile names are stored and found back exactly (department, user login id)", async () => {
      const names = HOSTILE.filter((s) => !s.includes("\u0000"));
      for (const name of names) await ensureDepartment(t.db, name, ctx());
      const stored = (await listDepartments(t.db)).map((d) => d.name);
      // The department list stores names NFKC-folded (「％」 is 「%」): as typed otherwise, exactly.
      for (const name of names) expect(stored).toContain(name.normalize("NFKC").trim());
      const login = "admin'--";
      await createUser(
        t.db,
        { loginId: login, displayName: "<b>x</b>", role: "admin", password: "pw-123456789" },
        ctx(),
      );
      expect((await userByLoginId(t.db, login))?.loginId).toBe(login);
      expect(await userByLoginId(t.db, "admin")).toBeNull();
      expect(await authenticate(t.db, "admin' or '1'='1", "x")).toBeNull();
      expect(JSON.stringify(await exportSheet(t.db, { fiscalYear: 2022 }))).toBe(exported);
    });
  });
});
