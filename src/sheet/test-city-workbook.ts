// Test helper: a layout's workbook rewritten the way a city's own Excel holds it — numbers with the
// unit, padding and a red negative section in the number format (`#,##0"人"_ ;[Red]\-…`),
// percentages as formulas whose cached result is shown through `0.0%_ `, months (目標年月) as dates; every table moved to start at
// B2 (column A and row 1 a margin); a worksheet 「評価基準」 after the sheets, its labels in cells.
import ExcelJS from "exceljs";

const UNIT =
  /^(-?[\d,]+)(\.(\d+))?(人|件|回|社|円|千円|万円|億円|か所|箇所|団体|戸|世帯|組|店舗|日|時間|本|歳|ha|t|km)$/;
const PERCENT = /^(-?[\d,]+)(\.(\d+))?%$/;
const ERA_MONTH = /^(H|平成|R|令和)\s?(元|\d{1,2})[.年](\d{1,2})月?$/;
const decimals = (d: string | undefined) => (d ? `.${"0".repeat(d.length)}` : "");

export async function asCityWorkbook(bytes: Buffer): Promise<{ bytes: Buffer; changed: number }> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  let changed = 0;
  wb.eachSheet((ws) =>
    ws.eachRow((row) =>
      row.eachCell((cell) => {
        if (cell.isMerged && cell.master !== cell) return;
        const v = cell.value;
        const unit = typeof v === "string" ? UNIT.exec(v) : null;
        const percent = typeof v === "string" ? PERCENT.exec(v) : null;
        const month = typeof v === "string" ? ERA_MONTH.exec(v.trim()) : null;
        if (month) {
          // 目標年月 typed as a date, shown in the era: 「H28年3月」 is 2016-03-01 under ggge"年"m"月".
          const era = /^(H|平成)$/.test(month[1]!) ? 1988 : 2018;
          const year = era + (month[2] === "元" ? 1 : Number(month[2]));
          cell.value = new Date(Date.UTC(year, Number(month[3]) - 1, 1));
          cell.numFmt = '[$-411]ggge"年"m"月"';
        } else if (unit) {
          const f = `#,##0${decimals(unit[3])}"${unit[4]}"`;
          cell.value = Number(unit[1]!.replace(/,/g, "") + (unit[2] ?? ""));
          cell.numFmt = `${f}_ ;[Red]\\-${f}\\ `;
        } else if (percent) {
          const result = Number(percent[1]!.replace(/,/g, "") + (percent[2] ?? "")) / 100;
          // exceljs drops a formula's cached result of 0 when it is assigned over a cell (it would write a
          // formula Excel never saves, with no value): a 0% stays a typed number.
          cell.value = result === 0 ? 0 : ({ formula: "1*1", result } as ExcelJS.CellFormulaValue);
          cell.numFmt = `0${decimals(percent[3])}%_ `;
        } else if (typeof v === "number" && v !== 0 && /%/.test(cell.numFmt ?? "")) {
          cell.value = { formula: "1*1", result: v } as ExcelJS.CellFormulaValue;
        } else if (typeof v === "number" && /^#,##0(\.0+)?$/.test(cell.numFmt ?? "")) {
          cell.numFmt = `${cell.numFmt}_ ;[Red]\\-${cell.numFmt}\\ `;
        } else return;
        changed++;
      }),
    ),
  );
  const moved = new ExcelJS.Workbook();
  wb.eachSheet((ws) => {
    const out = moved.addWorksheet(ws.name);
    ws.eachRow((row, r) =>
      row.eachCell((cell, c) => {
        if (cell.isMerged && cell.master !== cell) return;
        Object.assign(out.getCell(r + 1, c + 1), { value: cell.value, numFmt: cell.numFmt });
      }),
    );
    // exceljs keeps a worksheet's merged ranges in a private map; its model gives their corners.
    const merges = (ws as unknown as { _merges: Record<string, { model: Record<string, number> }> })._merges;
    for (const { model: m } of Object.values(merges))
      out.mergeCells(m.top! + 1, m.left! + 1, m.bottom! + 1, m.right! + 1);
  });
  const legend = moved.addWorksheet("評価基準");
  legend.addRows([["評価基準"], ["A", "目標を達成"], ["B", "目標の80%以上"]]);
  return { bytes: Buffer.from(await moved.xlsx.writeBuffer()), changed };
}
