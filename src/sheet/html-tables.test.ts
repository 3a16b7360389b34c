// HTML tables inside Markdown (a writer that keeps merged cells): every layout fixture so written
// reads as its golden, and the conversion keeps spans, breaks and escaped pipes.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { htmlTablesAsPipes } from "./html-tables.ts";
import { importSheet } from "./index.ts";
import { compareWithGolden } from "./layout-golden.ts";
import { html } from "./test-html-form.ts";
import { parse } from "./test-layout-forms.ts";
import { fixturesDir } from "./test-paths.ts";

describe("htmlTablesAsPipes", () => {
  it("writes spans on every cell they cover, the header over a delimiter, <br> kept", () => {
    const text = [
      "<p>KPI</p>",
      '<table><thead><tr><th rowspan="2">指標名</th><th colspan="2">実績値</th></tr><tr><th>R3</th><th>R4</th></tr></thead>',
      '<tbody><tr><td>観光客数<br/>(万人)</td><td>9</td><td>10</td></tr><tr><td>a|b</td><td colspan="2"><p>未</p><p>集計</p></td></tr></tbody></table>',
    ].join("\n");
    expect(
      htmlTablesAsPipes(text)
        .split("\n")
        .filter((l) => l !== ""),
    ).toEqual([
      "<p>KPI</p>",
      "| 指標名 | 実績値 | 実績値 |",
      "| 指標名 | R3 | R4 |",
      "| --- | --- | --- |",
      "| 観光客数<br>(万人) | 9 | 10 |",
      "| a\\|b | 未<br>集計 | 未<br>集計 |",
    ]);
  });

  it("refuses a colspan wider than the column limit before filling it", () => {
    const cells = '<td colspan="1000">x</td>'.repeat(3);
    expect(() => htmlTablesAsPipes(`<table><tr>${cells}</tr></table>`)).toThrow(/列が多すぎます/);
  });

  it("leaves text without a table as it was", () => {
    expect(htmlTablesAsPipes("| a | b |\n|---|---|")).toBe("| a | b |\n|---|---|");
  });
});

const root = path.join(fixturesDir, "layouts");
const layouts = readdirSync(root).filter((n) => existsSync(path.join(root, n, "golden.json")));

describe.each(layouts)("layout %s", (name) => {
  it("reads as HTML tables in Markdown", async () => {
    const source = readFileSync(path.join(root, name, "source.md"), "utf8");
    const text = html(parse(source), source.includes("<!--cards-->"));
    const golden = JSON.parse(readFileSync(path.join(root, name, "golden.json"), "utf8"));
    const r = await importSheet(new TextEncoder().encode(text), "sheet.md");
    expect(r.ok ? "read" : r.error.message).toBe("read");
    if (!r.ok) return;
    const wrong = compareWithGolden(r.sheet, golden).filter((x) => !x.ok);
    expect(wrong.map((w) => `${w.kpi} ${w.field}: ${JSON.stringify(w.actual)}`)).toEqual([]);
  });
});
