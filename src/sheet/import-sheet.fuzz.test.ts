/**
 * Fuzzing the importer (issue #9): random bytes and mangled copies of our own fixtures in all four
 * formats. importSheet must always resolve to {ok:false} or {ok:true} (never reject), return within a
 * hang guard, and for ok results account for every non-empty source cell.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { importSheet } from "./import-sheet.ts";
import { parseCsv } from "./read-csv.ts";
import { fixturesDir, hasSeed, seedFile } from "./test-paths.ts";
import { zipOf } from "./test-zip.ts";
import type { ImportOutcome } from "./types.ts";

const read = (p: string) => new Uint8Array(readFileSync(path.join(fixturesDir, p)));
const FIXTURES = {
  markdown: [read("markdown/sakura-r5.md"), read("markdown/kawase-r6-odd-rows.md")],
  csvUtf8: read("sheet/minato-2023.utf8-bom.csv"),
  csvSjis: read("sheet/minato-2023.sjis.csv"),
  xlsx: read("sheet/minato-2023.xlsx"),
  json: read("sheet/minato-2023.json"),
};

/** A hang guard, not a speed assertion (speed is measured in bench/): far above any normal import. */
const HANG_GUARD_MS = 10_000;
const RUNS = 200;

async function guarded(bytes: Uint8Array, name: string): Promise<ImportOutcome> {
  let timer: NodeJS.Timeout | undefined;
  const started = Date.now();
  try {
    const outcome = await Promise.race([
      importSheet(bytes, name),
      new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error(`importSheet(${name}) hung`)), HANG_GUARD_MS);
      }),
    ]);
    // A synchronous hang blocks the timer; catch it afterwards.
    expect(Date.now() - started).toBeLessThan(HANG_GUARD_MS);
    return outcome;
  } finally {
    clearTimeout(timer);
  }
}

/** The outcome's own invariants: one of the two shapes; an ok report accounts for every cell. */
function checkOutcome(o: ImportOutcome): void {
  if (!o.ok) {
    expect(o.error.code).toMatch(/^[a-z][a-z0-9_]*$/);
    expect(o.error.message.length).toBeGreaterThan(0);
    expect(o.error.message).not.toMatch(/\n\s+at /); // no stack trace
    return;
  }
  const { cells } = o.report;
  expect(cells.used + cells.dropped.length).toBe(cells.total);
  expect(o.report.kpiCount).toBe(o.sheet.kpis.length);
  for (const d of cells.dropped) expect(d.reason.length).toBeGreaterThan(0);
}

/** The report's meaning of a non-empty cell: some line (split at `<br>` and newlines) has text. */
const nonEmptyCell = (c: string) => c.split(/<br\s*\/?>|\r\n|\r|\n/i).some((l) => l.trim() !== "");

const td = new TextDecoder();
const te = new TextEncoder();

/** Mutations of a text fixture. */
const textMutation = fc.oneof(
  fc.record({ kind: fc.constant("cut" as const), at: fc.nat() }),
  fc.record({
    kind: fc.constant("insert" as const),
    at: fc.nat(),
    what: fc.constantFrom("<br>", "|", "||", "<br><br>", ",", '"', "\n", "\r\n", "-", "①", "令和"),
  }),
  fc.record({ kind: fc.constant("swapCells" as const), line: fc.nat(), a: fc.nat(), b: fc.nat() }),
  fc.record({ kind: fc.constant("dropLine" as const), line: fc.nat() }),
  fc.record({ kind: fc.constant("noise" as const), at: fc.nat(), bytes: fc.uint8Array({ maxLength: 8 }) }),
);
type TextMutation = typeof textMutation extends fc.Arbitrary<infer T> ? T : never;

function mutateBytes(bytes: Uint8Array, m: TextMutation, sep: string): Uint8Array {
  switch (m.kind) {
    case "cut":
      return bytes.subarray(0, m.at % (bytes.length + 1));
    case "noise": {
      const at = m.at % (bytes.length + 1);
      return Buffer.concat([bytes.subarray(0, at), m.bytes, bytes.subarray(at)]);
    }
    default: {
      const text = td.decode(bytes);
      if (m.kind === "insert") {
        const at = m.at % (text.length + 1);
        return te.encode(text.slice(0, at) + m.what + text.slice(at));
      }
      const lines = text.split("\n");
      const li = m.line % lines.length;
      if (m.kind === "dropLine") lines.splice(li, 1);
      else {
        const cells = lines[li]!.split(sep);
        const a = m.a % cells.length;
        const b = m.b % cells.length;
        [cells[a], cells[b]] = [cells[b]!, cells[a]!];
        lines[li] = cells.join(sep);
      }
      return te.encode(lines.join("\n"));
    }
  }
}

describe("importSheet never throws, never hangs, never loses a cell silently", () => {
  it("random bytes, under every file name", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.uint8Array({ maxLength: 2048 }),
        fc.constantFrom("x.md", "x.csv", "x.xlsx", "x.json", "x.txt", "x"),
        async (bytes, name) => checkOutcome(await guarded(bytes, name)),
      ),
      { numRuns: RUNS },
    );
  });

  it("random text: pipes, commas, <br>, Japanese and value-like pieces", async () => {
    const piece = fc.constantFrom(
      "|",
      ",",
      "\t",
      "\n",
      "<br>",
      '"',
      " ",
      "-",
      "指標名",
      "令和5年度<br>実績値",
      "目標値",
      "1 まち",
      "①",
      "120件",
      "順調",
      "課",
      "{",
      "[",
    );
    await fc.assert(
      fc.asyncProperty(
        fc.array(piece, { maxLength: 200 }),
        fc.constantFrom("x.md", "x.csv", "x.txt"),
        async (ps, name) => checkOutcome(await guarded(te.encode(ps.join("")), name)),
      ),
      { numRuns: RUNS },
    );
  });

  it("mangled Markdown fixtures (cut, <br> and | inserted, cells swapped, lines dropped, noise)", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...FIXTURES.markdown),
        fc.array(textMutation, { minLength: 1, maxLength: 4 }),
        async (bytes, ms) => {
          const mangled = ms.reduce<Uint8Array>((b, m) => mutateBytes(b, m, "|"), bytes);
          checkOutcome(await guarded(mangled, "mangled.md"));
        },
      ),
      { numRuns: RUNS },
    );
  });

  it("mangled CSV fixtures (UTF-8 and Shift_JIS): report total = every non-empty CSV cell", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(FIXTURES.csvUtf8, FIXTURES.csvSjis),
        fc.array(textMutation, { minLength: 1, maxLength: 4 }),
        async (bytes, ms) => {
          const mangled = ms.reduce<Uint8Array>((b, m) => mutateBytes(b, m, ","), bytes);
          const o = await guarded(mangled, "mangled.csv");
          checkOutcome(o);
          if (o.ok && o.report.format === "csv" && bytes === FIXTURES.csvUtf8) {
            // Count the cells ourselves: nothing may vanish between the file and the report.
            let text = td.decode(mangled);
            if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
            const nonEmpty = parseCsv(text).flat().filter(nonEmptyCell).length;
            if (!text.includes("\uFFFD") && !text.split("\n", 1)[0]!.includes("\t"))
              expect(o.report.cells.total).toBe(nonEmpty);
          }
        },
      ),
      { numRuns: RUNS },
    );
  });

  it("CSV with a random number of columns per row", async () => {
    const cell = fc.oneof(
      fc.constantFrom("", "-", "120件", "令和5年度実績値", "指標名", "順調に進捗", "1 まち", "①", "企画課"),
      fc.string({ maxLength: 12 }),
    );
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.array(cell, { maxLength: 30 }), { minLength: 1, maxLength: 30 }),
        fc.boolean(),
        async (rows, withHeader) => {
          const header =
            FIXTURES.csvUtf8 &&
            td
              .decode(FIXTURES.csvUtf8)
              .replace(/^\uFEFF/, "")
              .split("\n")[0]!;
          const body = rows.map((r) => r.map((c) => `"${c.replaceAll('"', '""')}"`).join(",")).join("\n");
          const text = withHeader ? `${header}\n${body}` : body;
          const o = await guarded(te.encode(text), "cols.csv");
          checkOutcome(o);
          if (o.ok) {
            const nonEmpty = parseCsv(text).flat().filter(nonEmptyCell).length;
            expect(o.report.cells.total).toBe(nonEmpty);
          }
        },
      ),
      { numRuns: RUNS },
    );
  });

  it("corrupted XLSX: flipped bytes, truncated, a zip that is not a workbook", async () => {
    const xlsx = FIXTURES.xlsx;
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc
            .array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 })), { minLength: 1, maxLength: 16 })
            .map((flips) => {
              const b = new Uint8Array(xlsx);
              for (const [at, v] of flips) b[at % b.length] = v;
              return b;
            }),
          fc.nat({ max: xlsx.length }).map((n) => xlsx.subarray(0, Math.max(4, n))),
          fc.uint8Array({ maxLength: 512 }).map((tail) => Buffer.concat([Buffer.from("PK\x03\x04"), tail])),
        ),
        async (bytes) => checkOutcome(await guarded(bytes, "broken.xlsx")),
      ),
      { numRuns: 100 },
    );
  });

  it("mangled sheet/1 JSON: cut, inserted bytes, or a value of the wrong type", async () => {
    const json = JSON.parse(td.decode(FIXTURES.json)) as Record<string, unknown>;
    const junk = fc.oneof(
      fc.constantFrom(null, 0, -1, 1e308, "", "<script>", [], {}, true),
      fc.string({ maxLength: 20 }),
    );
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc
            .array(textMutation, { minLength: 1, maxLength: 3 })
            .map((ms) => ms.reduce<Uint8Array>((b, m) => mutateBytes(b, m, ","), FIXTURES.json)),
          fc
            .tuple(fc.constantFrom(...Object.keys(json), "kpis.0.actual", "kpis.0.row", "kpis.0.goal"), junk)
            .map(([key, v]) => {
              const copy = JSON.parse(JSON.stringify(json)) as Record<string, unknown>;
              const parts = key.split(".");
              let at: Record<string, unknown> = copy;
              for (const p of parts.slice(0, -1)) at = at[p] as Record<string, unknown>;
              at[parts.at(-1)!] = v;
              return te.encode(JSON.stringify(copy));
            }),
        ),
        async (bytes) => checkOutcome(await guarded(bytes, "mangled.json")),
      ),
      { numRuns: RUNS },
    );
  });

  it("a hand-built zip that is not a workbook is refused, not thrown", async () => {
    const o = await guarded(zipOf([["[Content_Types].xml", Buffer.from("not xml at all")]]), "fake.xlsx");
    expect(o.ok).toBe(false);
  });
});

describe.skipIf(!hasSeed)("importSheet on mangled copies of the shared seed (../shared/seed)", () => {
  it("cut, <br>/| inserted, cells swapped, lines dropped, noise: resolves, every cell accounted for", async () => {
    const seed = new Uint8Array(readFileSync(seedFile));
    await fc.assert(
      fc.asyncProperty(fc.array(textMutation, { minLength: 1, maxLength: 3 }), async (ms) => {
        const mangled = ms.reduce<Uint8Array>((b, m) => mutateBytes(b, m, "|"), seed);
        checkOutcome(await guarded(mangled, "seed-mangled.md"));
      }),
      { numRuns: 30 },
    );
  });
});
