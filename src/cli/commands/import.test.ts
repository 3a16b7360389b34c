import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { main } from "../main.ts";
import { capture, holdDataDirForTest } from "../test-io.ts";

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../..");
const fixture = (...p: string[]) => path.join(repoRoot, "fixtures", ...p);
const dir = mkdtempSync(path.join(tmpdir(), "sosei-import-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("sosei import", () => {
  it("writes sheet/1 JSON to -o and the report to stderr and --report", async () => {
    const io = capture();
    const out = path.join(dir, "sakura.json");
    const report = path.join(dir, "report.json");
    expect(await main(["import", fixture("markdown/sakura-r5.md"), "-o", out, "--report", report], io)).toBe(
      0,
    );
    expect(io.out).toBe("");
    const sheet = JSON.parse(readFileSync(out, "utf8"));
    expect(sheet).toEqual(JSON.parse(readFileSync(fixture("markdown/sakura-r5.expected.json"), "utf8")));
    expect(io.err).toContain("指標 10 件");
    expect(io.err).toContain("row_realigned");
    expect(JSON.parse(readFileSync(report, "utf8"))).toMatchObject({ format: "markdown", kpiCount: 10 });
  });

  it("reads a published PDF: the sheet, and each row's page in the report", async () => {
    const io = capture();
    const out = path.join(dir, "minato-pdf.json");
    const report = path.join(dir, "minato-pdf-report.json");
    expect(await main(["import", fixture("pdf/minato-2023.lo.pdf"), "-o", out, "--report", report], io)).toBe(
      0,
    );
    expect(JSON.parse(readFileSync(out, "utf8")).kpis).toHaveLength(11);
    const r = JSON.parse(readFileSync(report, "utf8"));
    expect(r.format).toBe("pdf");
    expect(r.locations[0].page).toBe(1);
    expect(r.locations[0].cells[0]).toMatchObject({
      column: 0,
      x: expect.any(Number),
      y: expect.any(Number),
    });
  });

  it("writes to stdout without -o", async () => {
    const io = capture();
    expect(await main(["import", fixture("sheet/minato-2023.sjis.csv")], io)).toBe(0);
    expect(JSON.parse(io.out).kpis).toHaveLength(11);
  });

  it.each([
    ["prose", fixture("not-a-sheet/prose.txt"), "not_a_sheet"],
    ["a table with other columns", fixture("not-a-sheet/other-columns.md"), "unrecognised_columns"],
    ["binary bytes", "binary", "binary_input"],
    ["an empty file", "empty", "empty_input"],
    ["a missing file", path.join(dir, "missing.md"), "file_unreadable"],
    ["a scanned PDF (no text layer)", fixture("pdf/scan.pdf"), "pdf_no_text"],
    ["a PDF whose text has no Unicode mapping", fixture("pdf/no-tounicode.pdf"), "pdf_unreadable_text"],
  ])("refuses %s with status 2, one line, and no output file", async (_name, input, code) => {
    let file = input;
    if (input === "binary") {
      file = path.join(dir, "bytes.md");
      writeFileSync(
        file,
        Uint8Array.from({ length: 300 }, (_, i) => (i * 89) % 256),
      );
    } else if (input === "empty") {
      file = path.join(dir, "empty.csv");
      writeFileSync(file, "");
    }
    const io = capture();
    const out = path.join(dir, `out-${code}.json`);
    expect(await main(["import", file, "-o", out], io)).toBe(2);
    expect(io.err.trim().split("\n")).toHaveLength(1);
    expect(io.err).toContain(`[${code}]`);
    expect(existsSync(out)).toBe(false);
    expect(io.out).toBe("");
  });

  it("refuses bad usage with status 2", async () => {
    expect(await main(["import"], capture())).toBe(2);
    expect(await main(["import", "a.md", "--bogus"], capture())).toBe(2);
  });
});

describe("sosei import --save", () => {
  it("stores the sheet, reports the matches, and a later export equals the import", async () => {
    const dataDir = await holdDataDirForTest(path.join(dir, "data-save"));
    const io = capture();
    const file = fixture("markdown/sakura-r5.md");
    expect(
      await main(["import", file, "--save", "--municipality", "さくら市", "--data-dir", dataDir], io),
    ).toBe(0);
    expect(io.out).toBe("");
    expect(io.err).toContain("保存しました / saved: 2023年度 10件");
    const out = capture();
    expect(
      await main(["export", "--year", "2023", "--municipality", "さくら市", "--data-dir", dataDir], out),
    ).toBe(0);
    const expected = JSON.parse(readFileSync(fixture("markdown/sakura-r5.expected.json"), "utf8"));
    expect(expected.municipality).toBeNull();
    expect(JSON.parse(out.out)).toEqual({ ...expected, municipality: "さくら市" });
  });

  it("saves a given --profile for the municipality and reads its next file of that layout with it", async () => {
    const dataDir = await holdDataDirForTest(path.join(dir, "data-profile"));
    const table = readFileSync(fixture("profile/kpi-table-2023.md"), "utf8");
    const y2024 = path.join(dir, "kpi-table-2024.md");
    writeFileSync(y2024, table.replaceAll("令和5年度", "令和6年度"));
    const profile = path.join(dir, "reason-profile.json");
    writeFileSync(profile, JSON.stringify({ columns: [{ col: 9, field: "reason" }] }));
    const io = capture();
    const args = ["--save", "--municipality", "架空市", "--data-dir", dataDir];
    expect(
      await main(["import", fixture("profile/kpi-table-2023.md"), ...args, "--profile", profile], io),
    ).toBe(0);
    expect(io.err).toContain("列の対応付けを架空市の分として保存");
    const next = capture();
    expect(await main(["import", y2024, "--save", "--data-dir", dataDir], next)).toBe(0);
    expect(next.err).toContain("架空市の保存済みの対応付けで読み取りました");
    const out = capture();
    expect(await main(["export", "--year", "2024", "--data-dir", dataDir], out)).toBe(0);
    const sheet = JSON.parse(out.out);
    expect(sheet.kpis[0].reason).toBe("相談窓口の周知が進んだ。");
    expect(sheet.kpis[0].extras).toBeUndefined();
  });

  it("reads next year's marks with the scale saved from this year's legend, when the file prints none", async () => {
    const dataDir = await holdDataDirForTest(path.join(dir, "data-scale"));
    const table = readFileSync(fixture("profile/kpi-table-2023.md"), "utf8");
    // Next year's file without the legend under the table (it was in a text box, or on another page).
    const y2024 = path.join(dir, "kpi-table-2024-no-legend.md");
    writeFileSync(y2024, table.replaceAll("令和5年度", "令和6年度").replace(/\n評価 A:.*\n?/, "\n"));
    const alone = capture();
    expect(await main(["import", y2024, "-o", path.join(dir, "alone.json")], alone)).toBe(2);
    expect(alone.err).toContain("8列目「評価」の評価「B」「A」「C」の意味を示す凡例が見つかりません");
    expect(alone.err).toContain("[scale_unknown]");
    const profile = path.join(dir, "scale-profile.json");
    writeFileSync(profile, JSON.stringify({ columns: [{ col: 9, field: "reason" }] }));
    const args = ["--save", "--municipality", "架空市", "--data-dir", dataDir];
    expect(
      await main(["import", fixture("profile/kpi-table-2023.md"), ...args, "--profile", profile], capture()),
    ).toBe(0);
    const next = capture();
    expect(await main(["import", y2024, ...args], next)).toBe(0);
    // The report says the marks were read with the saved meanings, not this file's.
    expect(next.err).toContain("前回の取り込みで保存した評価基準で読み取りました");
    const out = capture();
    expect(await main(["export", "--year", "2024", "--data-dir", dataDir], out)).toBe(0);
    const sheet = JSON.parse(out.out);
    expect(sheet.kpis.map((k: { evaluation: { category: string } }) => k.evaluation.category)).toEqual([
      "mostly_on_track",
      "on_track",
      "delayed",
    ]);
  });

  it("stores nothing when the input is not a sheet", async () => {
    const dataDir = path.join(dir, "data-bad");
    const io = capture();
    expect(
      await main(["import", fixture("not-a-sheet/prose.txt"), "--save", "--data-dir", dataDir], io),
    ).toBe(2);
    expect(existsSync(dataDir)).toBe(false);
  });
});

describe("sosei import: a header year that does not exist (issue 16 F10)", () => {
  it("refuses 令和0年度 with exit 2 and one line, no file written", async () => {
    const md = readFileSync(fixture("markdown/sakura-r5.md"), "utf8").replace(/令和\d+年度/, "令和0年度");
    const input = path.join(dir, "era0.md");
    writeFileSync(input, md);
    const out = path.join(dir, "era0.json");
    const io = capture();
    expect(await main(["import", input, "-o", out], io)).toBe(2);
    expect(io.err.trim().split("\n")).toHaveLength(1);
    expect(io.err).toContain("invalid_header_year");
    expect(existsSync(out)).toBe(false);
  });
});

describe("sosei import: another city's layout, --scale and --profile (issue 14)", () => {
  const layout = (name: string, file: string) => fixture("layouts", name, file);

  it("prints the recognised mapping and the scale read from the legend", async () => {
    const io = capture();
    expect(
      await main(["import", layout("kitsuki-city", "sheet.md"), "-o", path.join(dir, "k.json")], io),
    ).toBe(0);
    expect(io.err).toContain("読み取った様式");
    expect(io.err).toContain("「外部評価委員会意見」→ 委員会意見");
    expect(io.err).toContain("評価尺度: A=順調に進捗");
  });

  it("--scale maps the printed labels; a bad scale file is one line, exit 2", async () => {
    const scale = path.join(dir, "scale.json");
    writeFileSync(
      scale,
      JSON.stringify({
        bands: [
          { label: "①", category: "on_track", min: 1 },
          { label: "②", category: "mostly_on_track", min: 0.6 },
          { label: "③", category: "delayed" },
        ],
      }),
    );
    const out = path.join(dir, "tama.json");
    const io = capture();
    expect(await main(["import", layout("tama-city", "sheet.xlsx"), "-o", out, "--scale", scale], io)).toBe(
      0,
    );
    const sheet = JSON.parse(readFileSync(out, "utf8"));
    expect(sheet.numericGoals[1].evaluation).toMatchObject({ category: "delayed", label: "③" });
    writeFileSync(scale, JSON.stringify({ bands: [{ label: "A", category: "great" }] }));
    const bad = capture();
    expect(await main(["import", layout("tama-city", "sheet.xlsx"), "--scale", scale], bad)).toBe(2);
    expect(bad.err.trim().split("\n")).toHaveLength(1);
  });

  it("--profile corrects a column's meaning (a refused column, mapped by hand)", async () => {
    const md = readFileSync(layout("gotsu-city", "sheet.md"), "utf8").replaceAll("| 達成率 |", "| 評価 |");
    const input = path.join(dir, "gotsu.md");
    writeFileSync(input, md);
    const io = capture();
    expect(await main(["import", input, "-o", path.join(dir, "g0.json")], io)).toBe(2);
    expect(io.err).toContain("6列目「評価」");
    expect(io.err).toContain("百分率");
    const profile = path.join(dir, "profile.json");
    writeFileSync(profile, JSON.stringify({ columns: [{ col: 6, field: "rate" }] }));
    const out = path.join(dir, "g.json");
    const fixed = capture();
    expect(await main(["import", input, "-o", out, "--profile", profile], fixed)).toBe(0);
    const sheet = JSON.parse(readFileSync(out, "utf8"));
    expect(sheet.kpis[1].printedRate).toBe(0.225);
    expect(sheet.kpis[1].evaluation).toMatchObject({ printed: false });
  });
});
