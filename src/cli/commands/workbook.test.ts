/**
 * `sosei workbook export|import`: planning writes a department's workbook (and the ZIP of all), a
 * department fills it (exceljs), import shows what changes and saves with --save; a second import
 * of the same file changes nothing.
 */
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { ENTRY_SHEET, HEADER_ROW, WB } from "../../sheet/write-department-workbook.ts";
import { main } from "../main.ts";
import { capture, fixturePath, heldDataDirForBlock } from "../test-io.ts";

const { root: dir, dataDir } = heldDataDirForBlock("sosei-workbook-");

describe("sosei workbook", () => {
  it("exports a department's workbook and the ZIP, imports a filled one (preview, --save, twice)", async () => {
    const run = async (...args: string[]) => {
      const io = capture();
      const status = await main([...args, "--data-dir", dataDir], io);
      return { status, out: io.out, err: io.err };
    };
    expect((await run("import", fixturePath("store/kakuu-2022.json"), "--save")).status).toBe(0);
    expect((await run("year", "open", "2023")).status).toBe(0);
    expect((await run("workbook", "export")).status).toBe(2);
    const file = path.join(dir, "sangyo.xlsx");
    const out = await run("workbook", "export", "--department", "産業振興課", "-o", file);
    expect(out.status).toBe(0);
    expect(out.err).toContain("書き出しました");
    const zip = path.join(dir, "all.zip");
    expect((await run("workbook", "export", "--all", "-o", zip)).status).toBe(0);
    expect(readFileSync(zip).subarray(0, 2).toString()).toBe("PK");

    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    const row = wb.getWorksheet(ENTRY_SHEET)!.getRow(HEADER_ROW + 1);
    expect(row.getCell(WB.indicator).value).toBe("創業支援による新規開業件数");
    row.getCell(WB.actual).value = 41;
    row.getCell(WB.evaluation).value = "順調に進捗";
    await wb.xlsx.writeFile(file);

    const preview = await run("workbook", "import", file);
    expect(preview.status).toBe(0);
    expect(preview.out).toContain("2023年度 産業振興課: 変更 1件・変更なし 1件・競合 0件");
    expect(preview.out).toContain("実績値: （空欄） → 41件");
    expect(preview.err).toContain("--save");
    const saved = await run("workbook", "import", file, "--save");
    expect(saved.err).toContain("下書きとして保存しました / saved as drafts: 1件");
    const exported = JSON.parse((await run("export", "--year", "2023")).out);
    expect(exported.kpis[0].actual).toMatchObject({ value: 41, unit: "件", raw: "41件" });
    const again = await run("workbook", "import", file, "--save");
    expect(again.out).toContain("変更 0件・変更なし 2件");
    expect(again.err).toContain("saved as drafts: 0件");
    writeFileSync(path.join(dir, "not.xlsx"), "nope");
    const bad = await run("workbook", "import", path.join(dir, "not.xlsx"));
    expect(bad.status).toBe(2);
    expect(bad.err).toContain("[workbook_unreadable]");
  }, 300_000);
});
