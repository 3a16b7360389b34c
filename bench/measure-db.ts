/**
 * The database side: load the national data set (bulk loader) into PGlite or PostgreSQL, its size on
 * disk, the per-sheet path (saveSheet) on a sample beside it, then the API under a fixed-rate load
 * and the dashboard's first page load, with the national data in that database.
 */
import { execFileSync, spawn } from "node:child_process";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { serve } from "@hono/node-server";
import { fixedClock } from "../src/core/clock.ts";
import { sequentialIds } from "../src/core/ids.ts";
import { type Database, openDatabase, saveSheet } from "../src/store/index.ts";
import type { LoadOptions, LoadResult } from "./load-client.ts";
import { bulkLoad, citySheets, type LoadCounts, type NationalScale } from "./national.ts";
import { nationalFetch } from "./national-web.ts";
import { measurePageLoads } from "./page-load.ts";
import { profile } from "./profile.ts";
import { median } from "./stats.ts";

export interface Backend {
  kind: "pglite" | "postgres";
  /** Opens the (fresh, at first) database. */
  open(): Promise<Database>;
  /** Bytes on disk. */
  size(): Promise<number>;
}

export interface LoadFigure {
  openMs: number;
  loadMs: number;
  counts: LoadCounts;
  bytes: number;
  perSheet: { sheetsMs: number[]; sheetsPerRun: number; kpisPerSheet: number };
}

/** Loads the national data set and then saves a sample through saveSheet (cities beyond the data set). */
export async function loadNational(
  backend: Backend,
  scale: NationalScale,
  sample: { runs: number; sheetsPerRun: number },
  log: (line: string) => void,
): Promise<{ figure: LoadFigure; database: Database }> {
  let t = performance.now();
  const database = await backend.open();
  const openMs = performance.now() - t;
  t = performance.now();
  const counts = await bulkLoad(database.db, scale, (n) => {
    if (n % 250 === 0) log(`    ${backend.kind}: ${n} cities generated`);
  });
  const loadMs = performance.now() - t;
  const bytes = await backend.size();
  const sheetsMs: number[] = [];
  const ids = sequentialIds(`bench-${backend.kind}`);
  const clock = fixedClock("2026-04-01T00:00:00Z");
  for (let r = 0; r < sample.runs; r++) {
    const sheets = citySheets(scale.municipalities + 1000 + r, { ...scale, years: sample.sheetsPerRun });
    const t0 = performance.now();
    for (const s of sheets) await saveSheet(database.db, s, { actor: "bench:per-sheet", clock, ids });
    sheetsMs.push(performance.now() - t0);
  }
  return {
    figure: {
      openMs,
      loadMs,
      counts,
      bytes,
      perSheet: { sheetsMs, sheetsPerRun: sample.sheetsPerRun, kpisPerSheet: scale.kpisPerSheet },
    },
    database,
  };
}

export function duBytes(dir: string): number {
  return Number(execFileSync("du", ["-sb", dir], { encoding: "utf8" }).split(/\s/)[0]);
}

function runLoadClient(repoRoot: string, o: LoadOptions): Promise<LoadResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      ["--import", "tsx", path.join(repoRoot, "bench/load-client.ts"), JSON.stringify(o)],
      {
        cwd: repoRoot,
        stdio: ["ignore", "pipe", "pipe"],
      },
    );
    let out = "";
    let err = "";
    child.stdout.on("data", (d) => {
      out += d;
    });
    child.stderr.on("data", (d) => {
      err += d;
    });
    child.on("error", reject);
    child.on("close", (code) => {
      const line = out.trim().split("\n").at(-1) ?? "";
      if (code !== 0 || !line.startsWith("{"))
        reject(new Error(`load client failed (${code}): ${err.slice(0, 500)}`));
      else resolve(JSON.parse(line) as LoadResult);
    });
  });
}

export interface ApiFigure {
  endpoint: string;
  path: string;
  runs: LoadResult[];
  /** One request at a time, no load: each request's milliseconds. */
  unloadedMs: number[];
}

export interface ServeFigure {
  api: ApiFigure[];
  pageLoadsMs: number[];
  /** Top functions of the server while under load, when asked for. */
  profile?: string[];
}

export interface ServeOptions {
  repoRoot: string;
  scale: NationalScale;
  fiscalYear: number;
  rate: number;
  seconds: number;
  runs: number;
  pageLoads: number;
  /** Profile the server under the worst endpoint's load when its median p99 is above this (ms). */
  profileIfP99Above?: number | undefined;
}

/** Enough connections that a slow response does not hold back the fixed rate (autocannon waits per connection). */
export const CONNECTIONS = 50;

export const medianP99 = (f: ApiFigure): number => median(f.runs.map((r) => r.p99));

export const ENDPOINTS = [
  { endpoint: "dashboard", path: "/c/{city}/api/years/{year}/dashboard" },
  { endpoint: "KPI list", path: "/c/{city}/api/years/{year}/kpis" },
];

/** Serves the app over `db` on loopback and measures the API under load and the dashboard page load. */
export async function measureServe(database: Database, o: ServeOptions): Promise<ServeFigure> {
  const fetch = nationalFetch(database.db, {
    staticDir: path.join(o.repoRoot, "web/dist"),
    defaultCity: Math.floor(o.scale.municipalities / 2),
  });
  const server = await new Promise<ReturnType<typeof serve>>((resolve) => {
    const s = serve({ fetch, port: 0, hostname: "127.0.0.1" }, () => resolve(s));
  });
  const port = (server.address() as AddressInfo).port;
  const base = `http://127.0.0.1:${port}`;
  try {
    const api: ApiFigure[] = [];
    for (const e of ENDPOINTS) {
      const p = e.path.replace("{year}", String(o.fiscalYear));
      const check = await globalThis.fetch(base + p.replace("{city}", "0"));
      if (check.status !== 200) throw new Error(`${e.endpoint}: HTTP ${check.status} ${await check.text()}`);
      const unloadedMs: number[] = [];
      for (let i = 0; i < 30; i++) {
        const t = performance.now();
        const res = await globalThis.fetch(
          base + p.replace("{city}", String((i * 59) % o.scale.municipalities)),
        );
        await res.arrayBuffer();
        unloadedMs.push(performance.now() - t);
      }
      const runs: LoadResult[] = [];
      for (let r = 0; r < o.runs; r++)
        runs.push(
          await runLoadClient(o.repoRoot, {
            url: base,
            path: p,
            cities: o.scale.municipalities,
            rate: o.rate,
            seconds: o.seconds,
            connections: CONNECTIONS,
            seed: 1000 + r,
          }),
        );
      api.push({ endpoint: e.endpoint, path: p, runs, unloadedMs });
    }
    let prof: string[] | undefined;
    const worst = [...api].sort((a, b) => medianP99(b) - medianP99(a))[0];
    if (worst && o.profileIfP99Above !== undefined && medianP99(worst) > o.profileIfP99Above) {
      const p = worst.path;
      prof = await profile(
        () =>
          runLoadClient(o.repoRoot, {
            url: base,
            path: p,
            cities: o.scale.municipalities,
            rate: o.rate,
            seconds: o.seconds,
            connections: CONNECTIONS,
            seed: 99,
          }),
        o.repoRoot,
      );
    }
    const pageLoadsMs = await measurePageLoads(`${base}/?year=${o.fiscalYear}`, o.pageLoads);
    return { api, pageLoadsMs, ...(prof ? { profile: prof } : {}) };
  } finally {
    await new Promise<void>((r) => server.close(() => r()));
  }
}

export { openDatabase };

export interface ShippedProbe {
  path: string;
  status: number;
  /** The error code of a non-200 answer. */
  code: string | null;
  ms: number[];
}

/**
 * The app exactly as shipped (createWebServices + createApp, its own store adapter) over the national
 * PostgreSQL database, a few requests one at a time: what happens today when 1,741 cities share
 * one database.
 */
export async function probeShippedApp(
  databaseUrl: string,
  fiscalYear: number,
  requests = 3,
): Promise<ShippedProbe[]> {
  const { createServices } = await import("../src/server/services.ts");
  const { createApp } = await import("../src/server/app.ts");
  const services = await createServices({ databaseUrl });
  try {
    const app = createApp(services);
    const out: ShippedProbe[] = [];
    for (const p of ["/api/years", `/api/years/${fiscalYear}/dashboard`, `/api/years/${fiscalYear}/kpis`]) {
      const ms: number[] = [];
      let status = 0;
      let code: string | null = null;
      for (let i = 0; i < requests; i++) {
        const t = performance.now();
        const res = await app.request(p);
        const text = await res.text();
        ms.push(performance.now() - t);
        status = res.status;
        if (res.status !== 200) {
          try {
            code = (JSON.parse(text) as { error?: { code?: string } }).error?.code ?? null;
          } catch {
            code = null;
          }
        }
      }
      out.push({ path: p, status, code, ms });
    }
    return out;
  } finally {
    await services.close();
  }
}
