/**
 * The server's public face for the CLI (`sosei serve`) and tests: start Sosei on a port with the
 * embedded database, building the UI and loading the demo on first start.
 */
import type { AddressInfo } from "node:net";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { serve } from "@hono/node-server";
import { SoseiError } from "../core/errors.ts";
import { kpis } from "../store/index.ts";
import { createApp } from "./app.ts";
import { buildUiIfStale } from "./build-ui.ts";
import { type DemoResult, seedDemo } from "./demo.ts";
import { createServices, type ServicesConfig } from "./services.ts";

export { createApp } from "./app.ts";
export { createServices } from "./services.ts";

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");

export interface StartOptions {
  port: number;
  hostname?: string;
  /** PGlite data directory (default: in memory); `postgres://…` in databaseUrl selects PostgreSQL. */
  dataDir?: string | undefined;
  databaseUrl?: string | undefined;
  /** Build web/dist if missing or stale (default true). */
  buildUi?: boolean;
  /** Load the demo city and users into an empty database (default true). */
  demo?: boolean;
  demoPassword?: (username: string) => string;
  services?: Partial<ServicesConfig>;
  /** The municipality to show when the database holds several (`--municipality`, SOSEI_MUNICIPALITY). */
  municipality?: string | undefined;
  /** The address users type (`--public-url`): the cookie's Secure flag and login's same-origin check. */
  publicUrl?: string | undefined;
  /** Take the scheme and host from a reverse proxy's X-Forwarded-* headers (`--trust-proxy`). */
  trustProxy?: boolean | undefined;
  log?: (line: string) => void;
}

export interface RunningServer {
  url: string;
  port: number;
  demo: DemoResult | null;
  close: () => Promise<void>;
}

export async function startServer(opts: StartOptions): Promise<RunningServer> {
  const log = opts.log ?? ((l: string) => process.stdout.write(`${l}\n`));
  if (opts.buildUi !== false) await buildUiIfStale(REPO_ROOT, log);
  const services = await createServices({
    ...opts.services,
    dataDir: opts.dataDir ?? "memory://",
    databaseUrl: opts.databaseUrl,
    municipality: opts.municipality,
    share: true,
  });
  let demo: DemoResult | null;
  try {
    // Before the demo: a database that holds other cities is never seeded into an unknown one.
    await checkMunicipality(services.db, opts.municipality);
    demo =
      opts.demo === false
        ? null
        : await seedDemo(services, {
            fixturesDir: path.join(REPO_ROOT, "fixtures/demo"),
            ...(opts.demoPassword ? { password: opts.demoPassword } : {}),
          });
    await checkMunicipality(services.db, opts.municipality);
  } catch (e) {
    await services.close();
    throw e;
  }
  const app = createApp(services, {
    staticDir: path.join(REPO_ROOT, "web/dist"),
    publicUrl: opts.publicUrl,
    trustProxy: opts.trustProxy,
  });
  const hostname = opts.hostname ?? "localhost";
  const server = await new Promise<ReturnType<typeof serve>>((resolve, reject) => {
    const s = serve({ fetch: app.fetch, port: opts.port, hostname }, () => resolve(s));
    s.once("error", (e: NodeJS.ErrnoException) => {
      void services.close();
      reject(
        e.code === "EADDRINUSE"
          ? new SoseiError(
              "port_in_use",
              `ポート ${opts.port} は使用中です。--port で別の番号を指定してください / port ${opts.port} is in use`,
            )
          : e,
      );
    });
  });
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://localhost:${port}`,
    port,
    demo,
    close: async () => {
      await new Promise<void>((r) => server.close(() => r()));
      await services.close();
    },
  };
}

/**
 * The web application shows one municipality. A database that holds several (a city that imported
 * its own sheets beside the demo, or a prefecture's) needs `--municipality`; say so at start rather
 * than fail on every page.
 */
async function checkMunicipality(db: Parameters<typeof kpis.listPlans>[0], chosen: string | undefined) {
  const names = [...new Set((await kpis.listPlans(db)).map((p) => p.municipality))];
  if (chosen && names.length > 0 && !names.includes(chosen))
    throw new SoseiError(
      "not_found",
      `自治体「${chosen}」はデータベースにありません（あるのは ${names.join("、")}） / no such municipality`,
    );
  if (!chosen && names.length > 1)
    throw new SoseiError(
      "ambiguous_municipality",
      `データベースに複数の自治体があります（${names.join("、")}）。--municipality 名前 で表示する自治体を指定してください / several municipalities: choose one with --municipality`,
    );
}
