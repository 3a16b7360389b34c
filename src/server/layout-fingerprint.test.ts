// A saved mapping is used for the layout it was confirmed on: the fingerprint names each named
// column's header without its years; columns without a name (a workbook row padded to 14 cells)
// are no part of it, also in a fingerprint saved when readings still listed them.
import { describe, expect, it } from "vitest";
import { layoutFingerprint, savedProfileUse } from "./import-mapping.ts";
import type { Recognised } from "./importer.ts";

const reading = (headers: string[]): Recognised => ({
  layout: "table",
  fiscalYear: 2023,
  headerRows: [2],
  columns: headers.map((header, i) => ({ table: 1, col: i + 1, header, field: "extra", confidence: "high" })),
});

describe("layoutFingerprint", () => {
  it("leaves years and unnamed columns out", () => {
    expect(layoutFingerprint(reading(["KPI", "令和5年度実績値", ""]))).toBe(
      layoutFingerprint(reading(["KPI", "令和6年度実績値"])),
    );
  });

  it("matches a fingerprint saved with the unnamed columns listed, and not another layout", () => {
    const saved = (fingerprint: string) => [{ profile: { columns: [] }, fingerprint }];
    const now = reading(["KPI", "令和6年度実績値"]);
    expect(savedProfileUse(saved("table|1:1=KPI|1:2=#実績値|1:3=|1:4="), now).state).toBe("applied");
    expect(savedProfileUse(saved("table|1:1=KPI|1:2=#目標値|1:3="), now).state).toBe("other_layout");
    expect(savedProfileUse([], now).state).toBe("none");
  });

  it("picks, of the profiles saved for several layouts, the one of the file's layout", () => {
    const columns = (field: string) => ({ columns: [{ table: 1, col: 1, header: "KPI", field }] });
    const cards = { profile: columns("extra"), fingerprint: "cards|1:1=KPI" };
    const table = { profile: columns("indicator"), fingerprint: layoutFingerprint(reading(["KPI"])) };
    const use = savedProfileUse([cards, table], reading(["KPI"]));
    expect(use.state).toBe("applied");
    expect(use.reread?.columns).toEqual([{ table: 1, col: 1, header: "KPI", field: "indicator" }]);
  });
});
