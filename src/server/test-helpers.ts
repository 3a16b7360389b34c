/** Test helpers: a fresh in-memory app with the demo data and known passwords; logged-in clients. */
import path from "node:path";
import { fileURLToPath } from "node:url";
import { createApp } from "./app.ts";
import { seedDemo } from "./demo.ts";
import { createServices, type ServicesConfig } from "./services.ts";

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
export const demoDir = path.join(repoRoot, "fixtures/demo");
export const testPassword = (u: string) => `pw-${u}-0000`;

/**
 * The demo database, seeded once per test file and kept as a PGlite tarball: seeding (8 scrypt
 * hashes, two years through the review) costs more than most tests, and each test then gets its own
 * copy to change.
 */
let seededDemo: Promise<Blob> | null = null;

async function seededDemoTemplate(): Promise<Blob> {
  seededDemo ??= (async () => {
    const services = await createServices({ dataDir: "memory://", readCache: false });
    try {
      await seedDemo(services, { fixturesDir: demoDir, password: testPassword });
      return await services.database.dumpDataDir!();
    } finally {
      await services.close();
    }
  })();
  return seededDemo;
}

/** A new app on its own in-memory copy of the demo database (or on `config`'s database, seeded there). */
export async function freshApp(config: ServicesConfig = {}) {
  const inMemory = !config.databaseUrl && (!config.dataDir || config.dataDir.startsWith("memory://"));
  const template = inMemory && !config.template ? await seededDemoTemplate() : config.template;
  const services = await createServices({ dataDir: "memory://", ...config, template });
  // A no-op on the seeded copy (users and years exist); seeds a database given by `config`.
  await seedDemo(services, { fixturesDir: demoDir, password: testPassword });
  const app = createApp(services);
  return { app, services };
}

type App = ReturnType<typeof createApp>;

export interface Client {
  cookie: string;
  csrf: string;
  request: (
    method: string,
    url: string,
    body?: unknown,
    headers?: Record<string, string>,
  ) => Promise<Response>;
}

const BASE = "http://localhost";

export async function login(app: App, username: string): Promise<Client> {
  const res = await app.request(`${BASE}/api/auth/login`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ username, password: testPassword(username) }),
  });
  if (res.status !== 200) throw new Error(`login ${username}: ${res.status} ${await res.text()}`);
  const setCookie = res.headers.get("set-cookie") ?? "";
  const cookie = setCookie.split(";")[0]!;
  const { csrfToken } = (await res.json()) as { csrfToken: string };
  return {
    cookie,
    csrf: csrfToken,
    request: async (method, url, body, headers = {}) =>
      app.request(`${BASE}${url}`, {
        method,
        headers: {
          cookie,
          "x-csrf-token": csrfToken,
          ...(body !== undefined && !(body instanceof FormData)
            ? { "content-type": "application/json" }
            : {}),
          ...headers,
        },
        body: body === undefined ? undefined : body instanceof FormData ? body : JSON.stringify(body),
      }),
  };
}

export const anonymous = (app: App): Client => ({
  cookie: "",
  csrf: "",
  request: async (method, url, body, headers = {}) =>
    app.request(`${BASE}${url}`, {
      method,
      headers: { ...(body !== undefined ? { "content-type": "application/json" } : {}), ...headers },
      body: body === undefined ? undefined : JSON.stringify(body),
    }),
});
