import { describe, expect, it } from "vitest";
import type { Kpi, Sheet } from "../core/sheet.ts";
import { figureAsKeyRefusal } from "./figure-keys.ts";

const sheetWith = (extras: { header: string; text: string }[]) =>
  ({ kpis: [{ indicator: "市内企業への就職者数", extras } as unknown as Kpi] }) as unknown as Sheet;
const name = (k: Kpi) => `指標「${k.indicator}」`;

describe("an indicator's row read as key–value pairs", () => {
  it("is refused when a figure names a unit after a name over a figure", () => {
    expect(
      figureAsKeyRefusal(
        sheetWith([
          { header: "企業説明会の参加者数", text: "300" },
          { header: "212", text: "人" },
        ]),
        name,
      ),
    ).toMatch(/項目「212」/);
  });

  it("leaves a card's own pairs, a schedule's years and sums alone", () => {
    for (const extras of [
      [
        { header: "予算額", text: "6,924,000" },
        { header: "6,924,000", text: "7,500,000" },
      ],
      [
        { header: "No", text: "1" },
        { header: "2015", text: "→" },
      ],
      [{ header: "212", text: "人" }],
    ])
      expect(figureAsKeyRefusal(sheetWith(extras), name)).toBeNull();
  });
});
