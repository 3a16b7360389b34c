// Test helper: a layout's workbook rewritten the way a city's own Excel holds its figures — numbers
// with the unit, padding and a red negative section in the number format (`#,##0"人"_ ;[Red]\-…`),
// percentages as formulas whose cached result is shown through `0.0%_ `.
import ExcelJS from "exceljs";

const UNIT =
  /^(-?[\d,]+)(\.(\d+))?(人|件|回|社|円|千円|万円|億円|か所|箇所|団体|戸|世帯|組|店舗|日|時間|本|歳|ha|t|km)$/;
const PERCENT = /^(-?[\d,]+)(\.(\d+))?%$/;
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
        if (unit) {
          const f = `#,##0${decimals(unit[3])}"${unit[4]}"`;
          cell.value = Number(unit[1]!.replace(/,/g, "") + (unit[2] ?? ""));
          cell.numFmt = `${f}_ ;[Red]\\-${f}\\ `;
        } else if (percent) {
          const result = Number(percent[1]!.replace(/,/g, "") + (percent[2] ?? "")) / 100;
          cell.value = { formula: "1*1", result } as ExcelJS.CellFormulaValue;
          cell.numFmt = `0${decimals(percent[3])}%_ `;
        } else if (typeof v === "number" && /%/.test(cell.numFmt ?? "")) {
          cell.value = { formula: "1*1", result: v } as ExcelJS.CellFormulaValue;
        } else if (typeof v === "number" && /^#,##0(\.0+)?$/.test(cell.numFmt ?? "")) {
          cell.numFmt = `${cell.numFmt}_ ;[Red]\\-${cell.numFmt}\\ `;
        } else return;
        changed++;
      }),
    ),
  );
  return { bytes: Buffer.from(await wb.xlsx.writeBuffer()), changed };
}
