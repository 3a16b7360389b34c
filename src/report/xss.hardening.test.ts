/**
 * XSS (issue #9): hostile text in every string field of a sheet — indicator, titles, initiatives,
 * narrative, departments, value text, labels, municipality — is escaped in the printable HTML (PDF)
 * and in every page of the static site. Checked twice: in the markup (no tag or attribute made from
 * data) and in Chromium (no dialog, no <script>/<img>/on* element, the text shown literally).
 */
import { describe, expect, it } from "vitest";
import { evaluateSheet } from "../core/evaluation/evaluate.ts";
import type { Kpi, Sheet } from "../core/sheet.ts";
import { PAGINATE_SCRIPT } from "./paginate-script.ts";
import { sheetPrintHtml } from "./print-html.ts";
import { buildSite } from "./site.ts";
import { chromiumForBlock } from "./test-chromium.ts";
import { loadFixture } from "./test-support.ts";

const PAYLOADS = [
  "<script>alert(1)</script>",
  '"><img src=x onerror=alert(1)>',
  "'><svg onload=alert(1)>",
  "</title></style></textarea><script>alert(1)</script>",
  "<a href=javascript:alert(1)>x</a>",
  "&lt;b&gt;already escaped&lt;/b&gt;",
  "<!--",
  "]]><iframe src=javascript:alert(1)>",
] as const;

/** The fixture with a payload in every string field of its first KPIs and in the header. */
function hostileSheet(base: Sheet): Sheet {
  const s = structuredClone(base);
  s.municipality = `${PAYLOADS[0]}市`;
  s.source = PAYLOADS[1];
  s.kpis.forEach((k: Kpi, i) => {
    const p = (j: number) => PAYLOADS[(i + j) % PAYLOADS.length]!;
    k.indicator = `${p(0)}指標${i}`;
    k.goal.title = `${p(1)}目標`;
    k.subgoal.title = `${p(2)}小目標`;
    k.measure.title = `${p(3)}施策`;
    k.initiatives = [p(4), `取組${p(5)}`];
    k.status = `状況${p(6)}`;
    k.reason = `理由${p(7)}`;
    k.challenge = `課題\n${p(0)}`;
    k.nextSteps = `方策${p(1)}`;
    k.departments = [`${p(2)}課`];
    if (i % 2 === 0) k.actual = { kind: "text", text: p(3), raw: p(3) };
    else if (k.target.kind === "number") k.target = { ...k.target, raw: `${p(4)}` };
    if (i % 3 === 0) k.evaluation = { ...k.evaluation, label: p(5) };
  });
  return s;
}

const sheet = hostileSheet(loadFixture("sample-city-2024.json"));
const previous = hostileSheet(loadFixture("sample-city-2023.json"));
const printHtml = sheetPrintHtml(sheet, evaluateSheet(sheet));
const site = buildSite([
  { sheet, evaluation: evaluateSheet(sheet) },
  { sheet: previous, evaluation: evaluateSheet(previous) },
]);
const htmlPages: [string, string][] = [
  ["print (PDF) HTML", printHtml],
  ...site.filter((f) => f.path.endsWith(".html")).map((f): [string, string] => [f.path, f.content]),
];

describe("hostile text is escaped (markup)", () => {
  it.each(htmlPages)("%s: no tag or event attribute comes from the data", (name, page) => {
    // The print HTML carries one script of ours (whole-row pagination, a constant): it is there
    // exactly once and nowhere else; everything else must hold no script at all.
    const ours = `<script>${PAGINATE_SCRIPT}</script>`;
    expect(page.split(ours).length - 1).toBe(name === "print (PDF) HTML" ? 1 : 0);
    const html = page.replace(ours, "");
    // Data escaped never contains a raw "<", so every "<…>" below is markup we wrote.
    const tags = html.match(/<[!/]?[a-zA-Z][^>]*>/g) ?? [];
    const names = new Set(tags.map((t) => /^<[!/]?([a-zA-Z][a-zA-Z0-9-]*)/.exec(t)![1]!.toLowerCase()));
    for (const bad of ["script", "img", "iframe", "object", "embed", "textarea"])
      expect(names).not.toContain(bad);
    for (const tag of tags) {
      expect(tag).not.toMatch(/\son[a-z]+\s*=/i);
      expect(tag).not.toMatch(/javascript:/i);
    }
    expect(html).not.toContain("<!--");
    // Escaped, not dropped: the data is there as text.
    expect(html).toContain("&lt;script&gt;alert(1)&lt;/script&gt;");
    expect(html).toContain("&quot;&gt;&lt;img src=x onerror=alert(1)&gt;");
  });

  it("open data (CSV/JSON) keeps the text exactly, for the reader to escape", () => {
    const json = site.find((f) => f.path === "data/sosei-all.json")!.content;
    expect(json).toContain(JSON.stringify(PAYLOADS[1]).slice(1, -1));
  });

  it("site file names come from hashes, never from the data", () => {
    for (const f of site) expect(f.path).toMatch(/^(?:[a-z0-9-]+\/)?[A-Za-z0-9._-]+$/);
  });
});

describe("hostile text is inert in Chromium", () => {
  const browser = chromiumForBlock();

  it("no dialog, no active element, payloads shown as text (print HTML, index, a sheet page, a KPI page)", async () => {
    const picks = [
      htmlPages[0]!,
      htmlPages.find(([p]) => p === "index.html")!,
      htmlPages.find(([p]) => p.startsWith("sheet-"))!,
      htmlPages.find(([p]) => p.startsWith("kpi/"))!,
    ];
    const page = await browser().newPage();
    try {
      const dialogs: string[] = [];
      page.on("dialog", (d) => {
        dialogs.push(d.message());
        void d.dismiss();
      });
      for (const [name, html] of picks) {
        await page.setContent(html, { waitUntil: "load" });
        const found = await page.evaluate(() => ({
          scripts: document.querySelectorAll("script").length,
          bad: document.querySelectorAll("img, iframe, object, embed").length,
          handlers: [...document.querySelectorAll("*")].filter((e) =>
            [...e.attributes].some((a) => a.name.startsWith("on")),
          ).length,
          jsLinks: [...document.querySelectorAll("a")].filter((a) =>
            a.getAttribute("href")?.trim().toLowerCase().startsWith("javascript:"),
          ).length,
          text: document.body.textContent ?? "",
        }));
        expect({ name, ...found, text: undefined }).toEqual({
          name,
          // The print HTML's own pagination script (checked to be that constant above); no other.
          scripts: name === "print (PDF) HTML" ? 1 : 0,
          bad: 0,
          handlers: 0,
          jsLinks: 0,
          text: undefined,
        });
        expect(found.text).toContain("<script>alert(1)</script>");
      }
      expect(dialogs).toEqual([]);
    } finally {
      await page.close();
    }
  });
});
