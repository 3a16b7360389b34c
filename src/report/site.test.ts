import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { evaluateSheet } from "../core/evaluation/evaluate.ts";
import { buildSite, kpiKeys, type SiteFile } from "./site.ts";
import { chromiumForBlock } from "./test-chromium.ts";
import { loadFixture, readCsv } from "./test-support.ts";

const s2024 = loadFixture("sample-city-2024.json");
const s2023 = loadFixture("sample-city-2023.json");
const files = buildSite([
  { sheet: s2023, evaluation: evaluateSheet(s2023) },
  { sheet: s2024, evaluation: evaluateSheet(s2024) },
]);
const byPath = new Map(files.map((f) => [f.path, f]));
const pages = files.filter((f) => f.path.endsWith(".html"));

const links = (f: SiteFile) => [...f.content.matchAll(/\s(?:href|src)="([^"]*)"/g)].map((m) => m[1]!);

describe("buildSite (files)", () => {
  it("writes the index, a sheet page per year, a page per KPI and the downloads", () => {
    expect(byPath.has("index.html")).toBe(true);
    expect(byPath.has("sheet-2024.html")).toBe(true);
    expect(byPath.has("sheet-2023.html")).toBe(true);
    for (const p of [
      "data/sosei-all.csv",
      "data/sosei-all.json",
      "data/sheet-2024.csv",
      "data/sheet-2023.json",
    ])
      expect(byPath.has(p)).toBe(true);
    // 11 indicators in 2024; the 2023 ones are the same KPIs (one page each, both years on it).
    expect(files.filter((f) => f.path.startsWith("kpi/"))).toHaveLength(11);
    const key = kpiKeys(s2024).get(s2024.kpis[0]!)!;
    const kpiPage = byPath.get(`kpi/${key}.html`)!.content;
    expect(kpiPage).toContain("令和6年度（2024年度）");
    expect(kpiPage).toContain("令和5年度（2023年度）");
    expect(kpiPage).toMatch(/<svg [^>]*role="img"[\s\S]*<circle [\s\S]*<\/svg>/);
    // Two years: an actual line, a dashed target line and the final target marker.
    expect(kpiPage).toMatch(/<path d="M[^"]+ L[^"]+" fill="none" stroke="#0550ae"/);
    expect(kpiPage).toMatch(
      /<path d="M[^"]+ L[^"]+" fill="none" stroke="#8250df" stroke-width="2" stroke-dasharray/,
    );
    expect(kpiPage).toContain("<title>最終目標値 5,000億円(令和7年)</title>");
  });

  it("links only relatively, to files that exist, with no script and no external request", () => {
    for (const f of pages) {
      expect(f.content).not.toMatch(/<script/i);
      // The only <link> is the empty icon (it stops the browser asking the server for /favicon.ico).
      expect(f.content.match(/<link [^>]*>/gi)).toEqual(['<link rel="icon" href="data:,">']);
      expect(f.content).toMatch(/^<!DOCTYPE html>\n<html lang="ja">/);
      for (const href of links(f)) {
        expect(href, `${f.path}: ${href}`).not.toMatch(/^(https?:|\/\/|\/)/);
        const target = href.split("#")[0]!;
        if (target === "" || target === "data:,") continue;
        const resolved = path.posix.normalize(path.posix.join(path.posix.dirname(f.path), target));
        expect(byPath.has(resolved), `${f.path} → ${href}`).toBe(true);
      }
    }
  });

  it("escapes data and keeps tables accessible", () => {
    const sheetPage = byPath.get("sheet-2024.html")!.content;
    expect(sheetPage).toContain("&lt;script&gt;alert(1)&lt;/script&gt;");
    expect(sheetPage).toContain("<caption>");
    expect(sheetPage).toMatch(/<th scope="col"/);
    expect(sheetPage).toMatch(/<th scope="row"/);
    const index = byPath.get("index.html")!.content;
    expect(index).toContain("進捗が遅れている指標");
    expect(index).toMatch(/<h1>[^<]*架空市/);
  });

  it("ships the same rows in the downloads as on the pages", () => {
    const all = readCsv(byPath.get("data/sosei-all.csv")!.content.slice(1));
    expect(all).toHaveLength(1 + 11 + 10);
    const json = JSON.parse(byPath.get("data/sheet-2024.json")!.content);
    expect(json.sheets[0].kpis).toHaveLength(11);
    expect(json.sheets[0].evaluation.kpis).toHaveLength(11);
  });
});

describe("the site in Chromium", () => {
  const dir = mkdtempSync(path.join(tmpdir(), "sosei-site-"));
  const shots = process.env.SOSEI_SHOTS_DIR ?? path.join(dir, "_shots");
  const browser = chromiumForBlock();
  let server: Server;
  let base = "";

  beforeAll(async () => {
    for (const f of files) {
      const p = path.join(dir, ...f.path.split("/"));
      mkdirSync(path.dirname(p), { recursive: true });
      writeFileSync(p, f.content);
    }
    mkdirSync(shots, { recursive: true });
    // A tiny static server: files only, 404 otherwise.
    server = createServer((req, res) => {
      const rel = decodeURIComponent(new URL(req.url ?? "/", "http://x").pathname).replace(/^\/+/, "");
      const file = path.join(dir, rel === "" ? "index.html" : rel);
      try {
        if (!file.startsWith(dir)) throw new Error("outside");
        const body = readFileSync(file);
        const type = file.endsWith(".html")
          ? "text/html; charset=utf-8"
          : file.endsWith(".csv")
            ? "text/csv; charset=utf-8"
            : "application/json";
        res.writeHead(200, { "content-type": type }).end(body);
      } catch {
        res.writeHead(404).end();
      }
    });
    await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });

  afterAll(async () => {
    await new Promise((r) => server?.close(r));
    rmSync(dir, { recursive: true, force: true });
  });

  for (const via of ["file", "http"] as const) {
    it(`loads every page via ${via} with no failed request and no console error`, async () => {
      const page = await browser().newPage();
      const problems: string[] = [];
      page.on("console", (m) => {
        if (m.type() === "error") problems.push(`console: ${m.text()}`);
      });
      page.on("pageerror", (e) => problems.push(`pageerror: ${e.message}`));
      page.on("requestfailed", (r) => problems.push(`failed: ${r.url()}`));
      page.on("response", (r) => {
        if (r.status() >= 400) problems.push(`${r.status()}: ${r.url()}`);
      });
      const requested = new Set<string>();
      page.on("request", (r) => requested.add(r.url()));
      for (const f of pages) {
        const url = via === "file" ? pathToFileURL(path.join(dir, f.path)).href : `${base}/${f.path}`;
        const res = await page.goto(url);
        if (via === "http") expect(res?.status()).toBe(200);
        expect(await page.locator("h1").count()).toBe(1);
      }
      await page.close();
      expect(problems).toEqual([]);
      // Only the pages themselves were requested: no CSS, script, font or image from elsewhere.
      expect(requested.size).toBe(pages.length);
    });
  }

  it("is readable at 1280 and 390 px (screenshots; the sheet table scrolls, the page does not)", async () => {
    const key = kpiKeys(s2024).get(s2024.kpis[6]!)!;
    for (const width of [1280, 390]) {
      const ctx = await browser().newContext({ viewport: { width, height: 900 } });
      const page = await ctx.newPage();
      for (const name of ["index.html", `kpi/${key}.html`, "sheet-2024.html"]) {
        await page.goto(pathToFileURL(path.join(dir, name)).href);
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
        expect(overflow, `${name} at ${width}px scrolls sideways`).toBeLessThanOrEqual(0);
        // For people to look at (`npm run screenshots`), not an assertion: skipped in `npm test`.
        if (process.env.SOSEI_SCREENSHOTS === "1")
          await page.screenshot({
            path: path.join(shots, `${width}-${name.replace("/", "_")}.png`),
            fullPage: true,
          });
      }
      await ctx.close();
    }
  });
});
