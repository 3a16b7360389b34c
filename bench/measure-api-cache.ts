/**
 * The read cache of src/server (read-cache.ts) under load: the real app (createWebServices({
 * databaseUrl, municipality }) + createApp, no bench adapter) over a fresh PostgreSQL database
 * `sosei_bench_<random>` (created from SOSEI_BENCH_PG_URL's server, dropped after) holding
 * `SOSEI_BENCH_CITIES` (default 300) generated cities × 50 KPIs × 10 years loaded by `bulkLoad`.
 * For each endpoint, with the cache off and on: autocannon in its own process (bench/load-client.ts),
 * 200 req/s, 50 connections, `SOSEI_BENCH_SECONDS` (default 10, at most 15) seconds, loopback only.
 * `node --import tsx bench/measure-api-cache.ts` prints one JSON line per run.
 */
import { execFile } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { serve } from "@hono/node-server";
import pg from "pg";
import { createApp } from "../src/server/app.ts";
import { createServices } from "../src/server/services.ts";
import { openDatabase } from "../src/store/index.ts";
import type { LoadResult } from "./load-client.ts";
import { bulkLoad, municipalityName } from "./national.ts";

const PG_ADMIN_URL = process.env.SOSEI_BENCH_PG_URL ?? "postgres://postgres@127.0.0.1:5432/test";
const CITIES = Number(process.env.SOSEI_BENCH_CITIES ?? 300);
const SECONDS = Math.min(15, Number(process.env.SOSEI_BENCH_SECONDS ?? 10));
const here = path.dirname(fileURLToPath(import.meta.url));
const PATHS = ["/api/years", "/api/years/2025/dashboard", "/api/years/2025/kpis"];

export interface AppApiFigure {
  path: string;
  cache: boolean;
  unloadedP50: number;
  runs: LoadResult[];
}

/**
 * The shipped app (createWebServices({ databaseUrl, municipality }) + createApp) over an existing
 * database, one city per server as a city deploys it; each path with the read cache off and on.
 */
export async function measureAppApi(o: {
  url: string;
  municipality: string;
  seconds: number;
  runs: number;
  paths?: readonly string[];
}): Promise<AppApiFigure[]> {
  const figures: AppApiFigure[] = [];
  for (const cache of [false, true]) {
    const services = await createServices({
      databaseUrl: o.url,
      municipality: o.municipality,
      ...(cache ? {} : { readCache: false as const }),
    });
    const app = createApp(services);
    const server = await new Promise<ReturnType<typeof serve>>((resolve) => {
      const s = serve({ fetch: app.fetch, port: 0, hostname: "127.0.0.1" }, () => resolve(s));
    });
    const port = (server.address() as { port: number }).port;
    try {
      for (const p of o.paths ?? PATHS) {
        const unloaded: number[] = [];
        for (let i = 0; i < 20; i++) {
          const s = performance.now();
          const res = await fetch(`http://127.0.0.1:${port}${p}`);
          await res.arrayBuffer();
          if (res.status !== 200) throw new Error(`${p}: ${res.status}`);
          unloaded.push(performance.now() - s);
        }
        unloaded.sort((a, b) => a - b);
        const runs: LoadResult[] = [];
        for (let r = 0; r < o.runs; r++) {
          const opts = {
            url: `http://127.0.0.1:${port}`,
            path: p,
            cities: 1,
            rate: 200,
            seconds: o.seconds,
            connections: 50,
            seed: r + 1,
          };
          // the client runs in its own process while this one serves
          const out = await new Promise<string>((resolve, reject) => {
            execFile(
              process.execPath,
              ["--import", "tsx", path.join(here, "load-client.ts"), JSON.stringify(opts)],
              { cwd: path.join(here, "..") },
              (err, stdout) => (err ? reject(err) : resolve(stdout)),
            );
          });
          runs.push(JSON.parse(out.trim().split("\n").at(-1) ?? "{}") as LoadResult);
        }
        figures.push({ path: p, cache, unloadedP50: Number(unloaded[10]?.toFixed(1)), runs });
      }
    } finally {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await services.close();
    }
  }
  return figures;
}

async function main(): Promise<void> {
  const admin = new pg.Client(PG_ADMIN_URL);
  await admin.connect();
  const name = `sosei_bench_${Math.random().toString(36).slice(2, 10)}`;
  await admin.query(`create database ${name}`);
  const url = PG_ADMIN_URL.replace(/\/[^/]*$/, `/${name}`);
  try {
    const database = await openDatabase({ databaseUrl: url });
    const t = performance.now();
    await bulkLoad(database.db, { municipalities: CITIES, kpisPerSheet: 50, years: 10, firstYear: 2016 });
    await database.close();
    console.error(`loaded ${CITIES} cities in ${Math.round(performance.now() - t)} ms`);
    const figures = await measureAppApi({
      url,
      municipality: municipalityName(Math.floor(CITIES / 2)),
      seconds: SECONDS,
      runs: 1,
    });
    for (const f of figures)
      console.log(JSON.stringify({ cache: f.cache, path: f.path, unloadedP50: f.unloadedP50, ...f.runs[0] }));
  } finally {
    await admin.query(`drop database if exists ${name} with (force)`);
    await admin.end();
  }
}

// Run directly: `node --import tsx bench/measure-api-cache.ts`; imported by bench/run.ts.
if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) await main();
