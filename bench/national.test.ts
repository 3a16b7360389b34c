import { describe, expect, it } from "vitest";
import { exportSheet } from "../src/store/index.ts";
import { borrowTestPglite } from "../src/store/test-backends.ts";
import { bulkLoad, citySheets, municipalityName, type NationalScale } from "./national.ts";

const scale: NationalScale = { municipalities: 3, kpisPerSheet: 8, years: 2, firstYear: 2021 };

describe("citySheets", () => {
  it("keeps a city's indicators across years while its figures change", () => {
    const [a, b] = citySheets(1, scale);
    expect(a?.kpis.map((k) => k.indicator)).toEqual(b?.kpis.map((k) => k.indicator));
    expect(a?.kpis.map((k) => k.actual)).not.toEqual(b?.kpis.map((k) => k.actual));
    expect(citySheets(2, scale)[0]?.kpis.map((k) => k.indicator)).not.toEqual(
      a?.kpis.map((k) => k.indicator),
    );
  });
});

describe("bulkLoad", () => {
  it("writes rows that the store's own exportSheet reads back as the generated sheets", async () => {
    const database = await borrowTestPglite();
    try {
      const counts = await bulkLoad(database.db, scale);
      expect(counts).toMatchObject({ municipalities: 3, sheets: 6, kpis: 24, kpiYears: 48 });
      for (const city of [0, 2]) {
        const generated = citySheets(city, scale);
        for (const sheet of generated) {
          const stored = await exportSheet(database.db, {
            municipality: municipalityName(city),
            fiscalYear: sheet.fiscalYear,
          });
          expect(stored.kpis).toEqual(sheet.kpis);
        }
      }
    } finally {
      await database.close();
    }
  }, 60_000);
});
