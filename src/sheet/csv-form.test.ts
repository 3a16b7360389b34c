// Every layout's worksheet saved as CSV by Excel reads as its golden: UTF-8 with a BOM (「CSV UTF-8」)
// and Shift_JIS (「CSV (コンマ区切り)」, CP932: a character it lacks written as Windows writes it,
// 「−」 as 「－」 — the golden's labels so written too, since the file prints them so).
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import iconv from "iconv-lite";
import { describe, expect, it } from "vitest";
import { importSheet } from "./index.ts";
import { compareWithGolden } from "./layout-golden.ts";
import { csv, parse } from "./test-layout-forms.ts";
import { fixturesDir } from "./test-paths.ts";

const root = path.join(fixturesDir, "layouts");
const layouts = readdirSync(root).filter((n) => existsSync(path.join(root, n, "golden.json")));
const asCp932 = (t: string) => t.replace(/\u2212/g, "\uff0d").replace(/\u301c/g, "\uff5e");
const lossyInCp932 = (t: string) => iconv.decode(iconv.encode(asCp932(t), "cp932"), "cp932") !== asCp932(t);

describe.each(layouts)("layout %s", (name) => {
  const source = readFileSync(path.join(root, name, "source.md"), "utf8");
  const golden = readFileSync(path.join(root, name, "golden.json"), "utf8");
  const text = csv(parse(source));
  it.each([
    ["UTF-8", new TextEncoder().encode(`\ufeff${text}`), golden],
    ["Shift_JIS", new Uint8Array(iconv.encode(asCp932(text), "cp932")), asCp932(golden)],
  ])("reads as CSV (%s)", async (enc, bytes, expected) => {
    const r = await importSheet(bytes, "sheet.csv");
    // A character CP932 cannot write (「㉓」, a circled year of tokushima-shuyo's targets) is saved as 「?」:
    // the file no longer says what the sheet said, so a refusal is right there — a reading must still be right.
    if (enc === "Shift_JIS" && !r.ok && lossyInCp932(text)) {
      expect(r.error.message).not.toBe("");
      return;
    }
    expect(r.ok ? "read" : r.error.message).toBe("read");
    if (!r.ok) return;
    const wrong = compareWithGolden(r.sheet, JSON.parse(expected)).filter((x) => !x.ok);
    expect(wrong.map((w) => `${w.kpi} ${w.field}: ${JSON.stringify(w.actual)}`)).toEqual([]);
  });
});
