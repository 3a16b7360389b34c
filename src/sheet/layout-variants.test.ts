// Every layout fixture as other offices would print the same sheet (test-office-variants.ts: era
// years written out, in kanji or Gregorian, full-width digits, spaced or wrapped header words, 「－」
// for no figure, synonyms, columns moved): read right, or refused — never another reading with exit 0.
import { existsSync, readdirSync } from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { readVariant, VARIANTS } from "./test-office-variants.ts";
import { fixturesDir } from "./test-paths.ts";

const root = path.join(fixturesDir, "layouts");
const layouts = readdirSync(root).filter((n) => existsSync(path.join(root, n, "golden.json")));
const refused: string[] = [];
let right = 0;

afterAll(() => {
  console.log(`layout variants: ${right} right, ${refused.length} refused\n${refused.join("\n")}`);
});

describe.each(layouts)("layout %s", (name) => {
  it("reads every variant as the golden, or refuses it", async () => {
    for (const v of VARIANTS) {
      const o = await readVariant(path.join(root, name), v);
      if (o?.kind === "refused") refused.push(`  ${name} ${v.name}: ${o.message.slice(0, 100)}`);
      if (o?.kind === "right") right++;
      const wrong =
        o?.kind === "wrong"
          ? o.wrong.map((w) => `${v.name} ${w.kpi} ${w.field}: ${JSON.stringify(w.actual)}`)
          : [];
      expect(wrong).toEqual([]);
    }
    // A refusal is safe but is work for the city: at most two variants of a layout (matsudo-city's
    // 「平成25年」 abbreviated 「H25」 loses that its years are calendar years; its per-indicator year
    // tables with a 特記事項 column beside the years are no year tables to the reader).
    // (Marks refused for want of their legend are refused by design, not counted.)
    expect(
      refused.filter((r) => r.startsWith(`  ${name} `) && !r.startsWith(`  ${name} no-legend:`)).length,
    ).toBeLessThanOrEqual(2);
  });
});
