import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { openDatabase } from "../src/store/index.ts";
import {
  cfg,
  lastYear,
  log,
  PG_ADMIN_URL,
  RATE,
  repoRoot,
  scale,
  sections,
  targets,
} from "./bench-context.ts";
import { type AppApiFigure, measureAppApi } from "./measure-api-cache.ts";
import {
  type Backend,
  CONNECTIONS,
  duBytes,
  loadNational,
  measureServe,
  medianP99,
  probeShippedApp,
  type ServeFigure,
  type ShippedProbe,
} from "./measure-db.ts";
import { municipalityName } from "./national.ts";
import { fmt, fmtBytes, fmtMs, median } from "./stats.ts";

export interface DbRun {
  kind: "PGlite" | "PostgreSQL";
  load?: Awaited<ReturnType<typeof loadNational>>["figure"];
  serve?: ServeFigure;
  shipped?: ShippedProbe[] | string;
  /** The shipped app, one city per server, read cache off and on (PostgreSQL only). */
  app?: AppApiFigure[] | string;
  skipped?: string;
}

async function dbRun(
  kind: DbRun["kind"],
  backend: Backend,
  cleanup: () => Promise<void>,
  shippedUrl?: string,
): Promise<DbRun> {
  log(`${kind}: loading ${fmt(scale.municipalities * scale.kpisPerSheet * scale.years)} KPI-years`);
  try {
    const { figure, database } = await loadNational(backend, scale, cfg.sample, log);
    log(`${kind}: loaded in ${fmtMs(figure.loadMs)}; API and page loads`);
    try {
      const serve = await measureServe(database, {
        repoRoot,
        scale,
        fiscalYear: lastYear,
        rate: RATE,
        seconds: cfg.apiSeconds,
        runs: cfg.runs,
        pageLoads: cfg.pageLoads,
        profileIfP99Above: kind === "PostgreSQL" ? 50 : undefined,
      });
      let shipped: DbRun["shipped"];
      let app: DbRun["app"];
      if (shippedUrl) {
        log(`${kind}: the app as shipped over the national database`);
        try {
          shipped = await probeShippedApp(shippedUrl, lastYear);
        } catch (e) {
          shipped = `failed: ${(e as Error).message.split("\n")[0]}`;
        }
        log(`${kind}: the shipped app, one city per server, read cache off and on`);
        try {
          app = await measureAppApi({
            url: shippedUrl,
            municipality: municipalityName(Math.floor(scale.municipalities / 2)),
            seconds: cfg.apiSeconds,
            runs: cfg.runs,
            paths: ["/api/years", `/api/years/${lastYear}/dashboard`, `/api/years/${lastYear}/kpis`],
          });
        } catch (e) {
          app = `failed: ${(e as Error).message.split("\n")[0]}`;
        }
      }
      return { kind, load: figure, serve, ...(shipped ? { shipped } : {}), ...(app ? { app } : {}) };
    } finally {
      await database.close();
    }
  } finally {
    await cleanup();
  }
}

export async function postgresRun(): Promise<DbRun> {
  const admin = new pg.Client(PG_ADMIN_URL);
  try {
    await admin.connect();
  } catch (e) {
    return {
      kind: "PostgreSQL",
      skipped: `skipped: PostgreSQL not reachable at ${PG_ADMIN_URL} (${(e as Error).message})`,
    };
  }
  const name = `sosei_bench_${Math.random().toString(36).slice(2, 10)}`;
  await admin.query(`create database ${name}`);
  const url = PG_ADMIN_URL.replace(/\/[^/]*$/, `/${name}`);
  const backend: Backend = {
    kind: "postgres",
    open: () => openDatabase({ databaseUrl: url }),
    size: async () => Number((await admin.query("select pg_database_size($1) as s", [name])).rows[0].s),
  };
  return dbRun(
    "PostgreSQL",
    backend,
    async () => {
      await admin.query(`drop database if exists ${name} with (force)`);
      await admin.end();
    },
    url,
  );
}

export async function pgliteRun(): Promise<DbRun> {
  const dir = mkdtempSync(path.join(tmpdir(), "sosei-bench-pglite-"));
  const backend: Backend = {
    kind: "pglite",
    open: () => openDatabase({ dataDir: dir }),
    size: async () => duBytes(dir),
  };
  return dbRun("PGlite", backend, async () => rmSync(dir, { recursive: true, force: true }));
}

export function dbSections(runs: DbRun[]): void {
  const loaded = runs.filter((r) => r.load);
  const kpiYears = scale.municipalities * scale.kpisPerSheet * scale.years;
  sections.push({
    title: "Loading the national data set",
    method: `${fmt(scale.municipalities)} cities × ${scale.kpisPerSheet} KPIs × ${scale.years} fiscal years (${scale.firstYear}–${lastYear}) from bench/national.ts into a fresh database: PGlite in a temporary data directory, PostgreSQL 127.0.0.1:5432 in a fresh database sosei_bench_<random> (dropped afterwards). Bulk path: bench/national.ts \`bulkLoad\` (one transaction, multi-row INSERTs of ~1 MB, the secondary indexes incl. the trigram GIN ones dropped and rebuilt, then ANALYZE). The national load is done once per database (a single run: repeating it would not fit the time budget); the per-sheet path (saveSheet from src/store, as \`sosei import --save\` does) is measured on a sample of new cities saved into the loaded database: median of ${cfg.sample.runs} runs of ${cfg.sample.sheetsPerRun} sheet(s).`,
    tables: [
      {
        head: [
          "Database",
          "Open + migrate",
          "Bulk load",
          "KPI-years/s (bulk)",
          "Size on disk",
          "Per-sheet path: ms/sheet",
          "KPI-years/s (per sheet)",
          "National via per-sheet path (extrapolated)",
        ],
        rows: loaded.map((r) => {
          const l = r.load!;
          const msPerSheet = median(l.perSheet.sheetsMs) / l.perSheet.sheetsPerRun;
          const perSheetRate = l.perSheet.kpisPerSheet / (msPerSheet / 1000);
          return [
            r.kind,
            fmtMs(l.openMs),
            fmtMs(l.loadMs),
            fmt(l.counts.kpiYears / (l.loadMs / 1000)),
            `${fmtBytes(l.bytes)} (${r.kind === "PGlite" ? "du of the data dir" : "pg_database_size"})`,
            fmt(msPerSheet),
            fmt(perSheetRate),
            fmtMs((kpiYears / perSheetRate) * 1000),
          ];
        }),
      },
      {
        head: ["Database", "Bulk load phases"],
        rows: loaded.map((r) => [
          r.kind,
          Object.entries(r.load!.counts.phasesMs ?? {})
            .map(([k, v]) => `${k} ${fmtMs(v)}`)
            .join("; "),
        ]),
      },
    ],
    notes: runs.filter((r) => r.skipped).map((r) => `${r.kind}: ${r.skipped}`),
  });
  const served = runs.filter((r) => r.serve);
  sections.push({
    title: "API latency under load",
    method: `createApp (src/server/app.ts) served by @hono/node-server on 127.0.0.1, national data in the database; autocannon's programmatic API in a separate process (bench/load-client.ts), fixed overall rate ${RATE} req/s, ${CONNECTIONS} connections, ${cfg.apiSeconds} s per run, ${cfg.runs} runs per endpoint (${cfg.runs * cfg.apiSeconds} s per endpoint); each request asks for a random city's ${lastYear} year. Figures: median over runs of each run's p50/p99; "unloaded": 30 requests one at a time before the load, for scale. When the achieved rate is below ${RATE} req/s the server was saturated and requests queued. The app has no municipality parameter yet, so bench/national-web.ts gives it the store's per-city reads (findSheet + loadSheetKpis) selected by a /c/<n> prefix.`,
    tables: [
      {
        head: [
          "Database",
          "Endpoint",
          "Unloaded p50 (ms)",
          "p50 (ms)",
          "p99 (ms)",
          "p99 per run",
          "Requests (achieved req/s)",
          "Non-2xx / errors",
        ],
        rows: served.flatMap((r) =>
          r.serve!.api.map((a) => [
            r.kind,
            `${a.endpoint} \`${a.path}\``,
            fmt(median(a.unloadedMs), 1),
            fmt(median(a.runs.map((x) => x.p50)), 1),
            fmt(median(a.runs.map((x) => x.p99)), 1),
            a.runs.map((x) => fmt(x.p99, 0)).join(", "),
            `${fmt(a.runs.reduce((s, x) => s + x.requests, 0))} (${fmt(a.runs.reduce((s, x) => s + x.requests, 0) / (cfg.runs * cfg.apiSeconds))})`,
            `${a.runs.reduce((s, x) => s + x.non2xx, 0)} / ${a.runs.reduce((s, x) => s + x.errors + x.timeouts, 0)}`,
          ]),
        ),
      },
    ],
  });
  sections.push({
    title: "Dashboard first page load",
    method: `Headless Chromium (playwright-core, /usr/bin/chromium, ${"--no-sandbox --disable-gpu --disable-background-networking --disable-component-update --disable-sync --no-first-run"}), a fresh browser context (empty cache) per load, from navigation start to \`#goals-h\` (the dashboard's per-goal heading, rendered once its data arrived) being visible; the built UI (web/dist) served by the app over the national database; one unmeasured warm-up load, then median of ${cfg.pageLoads}.`,
    tables: [
      {
        head: ["Database", "Median", "Loads (ms)"],
        rows: served.map((r) => [
          r.kind,
          fmtMs(median(r.serve!.pageLoadsMs)),
          r.serve!.pageLoadsMs.map((m) => fmt(m)).join(", "),
        ]),
      },
    ],
  });
  const shipped = runs.find((r) => r.shipped)?.shipped;
  if (shipped)
    sections.push({
      title: "The app as shipped, over the national database",
      method:
        "createWebServices({ databaseUrl }) + createApp (src/server, its own store adapter, no bench adapter) over the same national PostgreSQL database, 3 requests one at a time per path, no municipality given (the API has no way to name one).",
      tables:
        typeof shipped === "string"
          ? []
          : [
              {
                head: ["Path", "HTTP status", "Error code", "Median (ms)", "Requests (ms)"],
                rows: shipped.map((p) => [
                  `\`${p.path}\``,
                  String(p.status),
                  p.code ?? "",
                  fmt(median(p.ms)),
                  p.ms.map((m) => fmt(m)).join(", "),
                ]),
              },
            ],
      notes: [
        typeof shipped === "string"
          ? shipped
          : shipped.every((p) => p.status === 200 && median(p.ms) <= 50)
            ? "The app as shipped serves the national database directly."
            : "Without a municipality, the app cannot tell which city's year is meant once several share the database: `sosei serve` refuses to start on such a database unless `--municipality` names one, and the API answers 409 `ambiguous_municipality` (this probe builds the app without that check). A city runs one server for its own municipality: that is measured in the section on the shipped app, one city per server. Serving a prefecture from one server would need the municipality in the API's paths or the session.",
      ],
    });
  const appRun = runs.find((r) => r.app)?.app;
  if (appRun)
    sections.push({
      title: "API latency of the shipped app, one city per server (read cache off and on)",
      method: `createWebServices({ databaseUrl, municipality }) + createApp — the app as a city runs it (\`sosei serve --municipality\`), no bench adapter — over the same national PostgreSQL database; public requests for one city (${municipalityName(Math.floor(scale.municipalities / 2))}); autocannon in its own process, ${RATE} req/s, 50 connections, ${cfg.apiSeconds} s per run, ${cfg.runs} runs per path; first with the read cache off (\`readCache: false\`), then on (src/server/read-cache.ts: presented JSON per municipality, role and query, dropped on every write through the server, 5 s TTL).`,
      tables:
        typeof appRun === "string"
          ? []
          : [
              {
                head: [
                  "Read cache",
                  "Path",
                  "Unloaded p50 (ms)",
                  "p50 (ms)",
                  "p99 (ms)",
                  "p99 per run",
                  "Requests (achieved req/s)",
                  "Non-2xx / errors",
                ],
                rows: appRun.map((a) => [
                  a.cache ? "on" : "off",
                  `\`${a.path}\``,
                  fmt(a.unloadedP50, 1),
                  fmt(median(a.runs.map((r) => r.p50)), 1),
                  fmt(median(a.runs.map((r) => r.p99)), 1),
                  a.runs.map((r) => fmt(r.p99)).join(", "),
                  `${fmt(a.runs.reduce((n, r) => n + r.requests, 0))} (${fmt(a.runs.reduce((n, r) => n + r.requests, 0) / (cfg.runs * cfg.apiSeconds))})`,
                  `${a.runs.reduce((n, r) => n + r.non2xx, 0)} / ${a.runs.reduce((n, r) => n + r.errors + r.timeouts, 0)}`,
                ]),
              },
            ],
      notes: typeof appRun === "string" ? [appRun] : [],
    });
  if (appRun && typeof appRun !== "string") {
    const cached = appRun.filter((a) => a.cache);
    const worst = Math.max(...cached.map((a) => median(a.runs.map((r) => r.p99))));
    targets.push({
      name: "API p99, shipped app with read cache (PostgreSQL)",
      target: `≤ 50 ms at ${RATE} req/s, national data, one city per server`,
      measured: cached.map((a) => `${a.path} ${fmt(median(a.runs.map((r) => r.p99)), 1)} ms`).join("; "),
      pass: worst <= 50,
    });
  }
  const pgRun = runs.find((r) => r.kind === "PostgreSQL");
  if (pgRun?.serve) {
    const worst = Math.max(...pgRun.serve.api.map(medianP99));
    targets.push({
      name: "API p99, one server for every city (bench adapter, no cache; PostgreSQL)",
      target: `≤ 50 ms at ${RATE} req/s, national data, a random city per request`,
      measured: pgRun.serve.api.map((a) => `${a.endpoint} ${fmt(medianP99(a), 1)} ms`).join("; "),
      pass: worst <= 50,
      ...(pgRun.serve.profile
        ? {
            profile: pgRun.serve.profile,
            close: `${pgRun.serve.api
              .map(
                (a) =>
                  `${a.endpoint}: ${fmt(median(a.unloadedMs), 1)} ms per request unloaded, ${fmt(a.runs.reduce((s, x) => s + x.requests, 0) / (cfg.runs * cfg.apiSeconds))} req/s achieved of ${RATE}`,
              )
              .join(
                "; ",
              )}. When the achieved rate is below ${RATE} req/s the one Node process is saturated (on 2 cores shared with PostgreSQL, the load generator and anything else running) and requests queue: the p99 is queueing, not one slow query. Per request the server runs 7 queries through drizzle (the year, then findSheet, kpi_years, kpi_definitions, measures, subgoals, goals), maps every row (drizzle's \`is\`, pg's row parsing and the garbage collector in the profile above), evaluates every KPI of the year and serialises the JSON. What would close the gap: a municipality-scoped read in the store that returns the year's rows in one joined query; caching the presented dashboard/KPI list per (municipality, year) and invalidating on write (published years never change); and, on a machine with more cores, more than one server process.`,
          }
        : {}),
    });
    targets.push({
      name: "Dashboard usable",
      target: "≤ 1 s to the dashboard's content (PostgreSQL, national data)",
      measured: fmtMs(median(pgRun.serve.pageLoadsMs)),
      pass: median(pgRun.serve.pageLoadsMs) <= 1000,
    });
  } else {
    targets.push({
      name: "API p99, one server for every city (bench adapter, no cache; PostgreSQL)",
      target: "≤ 50 ms",
      measured: pgRun?.skipped ?? "not measured",
      pass: null,
    });
    targets.push({
      name: "Dashboard usable",
      target: "≤ 1 s",
      measured: pgRun?.skipped ?? "not measured",
      pass: null,
    });
  }
}
