// Every layout's extracted Markdown as other PDF-to-Markdown writers leave it reads as its golden:
// bold header cells (`**指標名**`), tables without their outer pipes (valid GFM), the title as a `#`
// heading and in bold, `&amp;` for 「&」. Each is what one writer does; all at once here.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { importSheet } from "./index.ts";
import { compareWithGolden } from "./layout-golden.ts";
import { fixturesDir } from "./test-paths.ts";

const root = path.join(fixturesDir, "layouts");
const layouts = readdirSync(root).filter((n) => existsSync(path.join(root, n, "golden.json")));
const isDelimiter = (l: string | undefined) => /^\|\s*-{3}/.test(l ?? "");

/** The same Markdown as another writer leaves it. */
function otherWriter(md: string): string {
  const lines = md.split("\n");
  let titled = false;
  return lines
    .map((l, i) => {
      if (!l.startsWith("|")) {
        if (l.trim() === "") return l;
        const out = titled ? `**${l}**` : `# ${l}`;
        titled = true;
        return out.replaceAll("&", "&amp;");
      }
      // A header row: a delimiter follows it (directly, or after the header's second row).
      const header = !isDelimiter(l) && (isDelimiter(lines[i + 1]) || isDelimiter(lines[i + 2]));
      const cells = l
        .replace(/^\|/, "")
        .replace(/\|$/, "")
        .split("|")
        .map((c) => (header && c.trim() !== "" ? ` **${c.trim()}** ` : c));
      return cells.join("|").trim() === "" ? l : cells.join("|");
    })
    .join("\n");
}

describe.each(layouts)("layout %s", (name) => {
  it("reads as another Markdown writer leaves it", async () => {
    const md = otherWriter(readFileSync(path.join(root, name, "sheet.md"), "utf8"));
    const golden = JSON.parse(readFileSync(path.join(root, name, "golden.json"), "utf8"));
    const r = await importSheet(new TextEncoder().encode(md), "sheet.md");
    expect(r.ok ? "read" : r.error.message).toBe("read");
    if (!r.ok) return;
    const wrong = compareWithGolden(r.sheet, golden).filter((x) => !x.ok);
    expect(wrong.map((w) => `${w.kpi} ${w.field}: ${JSON.stringify(w.actual)}`)).toEqual([]);
  });
});
