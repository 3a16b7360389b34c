/**
 * Bounded load test (issue #9): 50 virtual users entering and reading for N seconds against the
 * HTTP server on PostgreSQL, in-process (startServer with the demo city, real HTTP on a free port).
 *
 *   npx tsx scripts/load-test.ts --duration 10 [--users 50] [--database-url postgres://…/test]
 *
 * A fresh database `sosei_load_<random>` is created next to the given one (default
 * postgres://postgres@127.0.0.1:5432/test, or SOSEI_TEST_PG_URL) and dropped afterwards.
 * Passes (exit 0) when: no request failed (a 409 version_conflict is the expected answer to a stale
 * save, counted apart), and afterwards every KPI's stored reason and version equal the last
 * acknowledged save. Prints requests, conflicts, errors and latency percentiles.
 */
import { randomBytes } from "node:crypto";
import pg from "pg";
import { startServer } from "../src/server/index.ts";

function flag(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 && process.argv[i + 1] ? process.argv[i + 1]! : fallback;
}
const durationS = Number(flag("duration", "10"));
const userCount = Number(flag("users", "50"));
const adminUrl = flag(
  "database-url",
  process.env.SOSEI_TEST_PG_URL ?? "postgres://postgres@127.0.0.1:5432/test",
);
if (
  !Number.isFinite(durationS) ||
  durationS <= 0 ||
  durationS > 600 ||
  !Number.isInteger(userCount) ||
  userCount < 1
) {
  process.stderr.write("usage: load-test.ts --duration SECONDS(1-600) [--users N] [--database-url URL]\n");
  process.exit(2);
}

const password = (u: string) => `load-${u}-pw`;
const ACCOUNTS = ["planning", "admin", "shoko", "kanko", "kikaku", "kosodate", "gakko"];
const YEAR = 2022; // the demo's open (unpublished, draft) year

interface Row {
  id: string;
  version: number;
  state: string;
  kpi: { departments: string[]; reason: string | null };
}

const latencies: number[] = [];
let requests = 0;
let conflicts = 0;
let saves = 0;
const errors: string[] = [];
/** Last acknowledged save per KPI id: the version the server returned and the reason we sent. */
const acked = new Map<string, { version: number; reason: string }>();

async function main() {
  const dbName = `sosei_load_${randomBytes(5).toString("hex")}`;
  const admin = new pg.Client({ connectionString: adminUrl, connectionTimeoutMillis: 5000 });
  await admin.connect();
  await admin.query(`create database ${dbName}`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${dbName}`;
  const server = await startServer({
    port: 0,
    hostname: "127.0.0.1",
    databaseUrl: url.toString(),
    buildUi: false,
    demo: true,
    demoPassword: password,
    log: () => {},
  });
  const base = `http://127.0.0.1:${server.port}`;
  process.stdout.write(`server ${base} on PostgreSQL ${dbName}; ${userCount} users for ${durationS} s\n`);

  async function call(
    session: { cookie: string; csrf: string } | null,
    method: string,
    path: string,
    body?: unknown,
  ): Promise<Response> {
    const started = performance.now();
    const res = await fetch(`${base}${path}`, {
      method,
      headers: {
        ...(session ? { cookie: session.cookie, "x-csrf-token": session.csrf } : {}),
        ...(body !== undefined ? { "content-type": "application/json" } : {}),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    latencies.push(performance.now() - started);
    requests++;
    return res;
  }

  /** Logs in (before the clock starts: 50 scrypt checks are a burst of their own, not the load). */
  async function signIn(n: number) {
    const username = ACCOUNTS[n % ACCOUNTS.length]!;
    const res = await call(null, "POST", "/api/auth/login", { username, password: password(username) });
    if (res.status !== 200) throw new Error(`login ${username}: ${res.status} ${await res.text()}`);
    const cookie = (res.headers.get("set-cookie") ?? "").split(";")[0]!;
    const { csrfToken, user } = (await res.json()) as {
      csrfToken: string;
      user: { department: string | null };
    };
    return { session: { cookie, csrf: csrfToken }, user };
  }

  async function virtualUser(
    n: number,
    { session, user }: Awaited<ReturnType<typeof signIn>>,
    deadline: number,
  ) {
    let k = 0;
    while (Date.now() < deadline) {
      k++;
      const list = await call(session, "GET", `/api/years/${YEAR}/kpis`);
      if (list.status !== 200) {
        errors.push(`list: ${list.status} ${await list.text()}`);
        continue;
      }
      const rows = ((await list.json()) as { rows: Row[] }).rows.filter(
        (r) => r.state === "draft" && (!user.department || r.kpi.departments.includes(user.department)),
      );
      if (rows.length === 0) continue;
      const row = rows[(n * 7 + k) % rows.length]!;
      const detail = await call(session, "GET", `/api/kpis/${row.id}`);
      if (detail.status !== 200) {
        errors.push(`detail ${row.id}: ${detail.status}`);
        continue;
      }
      const current = ((await detail.json()) as { row: Row }).row;
      if (k % 3 !== 0) continue; // two reads for every write
      const reason = `負荷試験 vu${n} 回${k}`;
      const put = await call(session, "PUT", `/api/kpis/${row.id}`, { version: current.version, reason });
      if (put.status === 200) {
        saves++;
        const saved = ((await put.json()) as { row: Row }).row;
        const prev = acked.get(row.id);
        if (!prev || saved.version > prev.version) acked.set(row.id, { version: saved.version, reason });
        if (saved.kpi.reason !== reason) errors.push(`save ${row.id}: answered reason ${saved.kpi.reason}`);
      } else if (put.status === 409) {
        conflicts++;
        await put.text();
      } else errors.push(`save ${row.id}: ${put.status} ${await put.text()}`);
    }
  }

  const signedIn = [];
  for (let n = 0; n < userCount; n += 10)
    signedIn.push(
      ...(await Promise.all(Array.from({ length: Math.min(10, userCount - n) }, (_, i) => signIn(n + i)))),
    );
  latencies.length = 0;
  requests = 0;
  const started = Date.now();
  const deadline = started + durationS * 1000;
  await Promise.all(signedIn.map((s, n) => virtualUser(n, s, deadline)));
  const elapsed = (Date.now() - started) / 1000;

  // Afterwards: the data equals exactly what was acknowledged.
  const check = await call(null, "POST", "/api/auth/login", {
    username: "admin",
    password: password("admin"),
  });
  const session = { cookie: (check.headers.get("set-cookie") ?? "").split(";")[0]!, csrf: "" };
  let mismatches = 0;
  for (const [id, want] of acked) {
    const res = await call(session, "GET", `/api/kpis/${id}`);
    const row = ((await res.json()) as { row: Row }).row;
    if (row.version !== want.version || row.kpi.reason !== want.reason) {
      mismatches++;
      errors.push(
        `${id}: stored v${row.version} ${row.kpi.reason} ≠ acknowledged v${want.version} ${want.reason}`,
      );
    }
  }
  await server.close();
  const drop = new pg.Client({ connectionString: adminUrl });
  await drop.connect();
  await drop.query(`drop database if exists ${dbName} with (force)`);
  await drop.end();

  latencies.sort((a, b) => a - b);
  const pct = (p: number) =>
    latencies[Math.min(latencies.length - 1, Math.floor((p / 100) * latencies.length))] ?? 0;
  process.stdout.write(
    `${[
      `requests ${requests} in ${elapsed.toFixed(1)} s (${(requests / elapsed).toFixed(0)}/s)`,
      `latency ms p50 ${pct(50).toFixed(1)} p95 ${pct(95).toFixed(1)} p99 ${pct(99).toFixed(1)} max ${pct(100).toFixed(1)}`,
      `saves acknowledged ${saves} on ${acked.size} KPIs, version conflicts ${conflicts} (the expected answer to a stale save)`,
      `stored = acknowledged: ${mismatches === 0 ? "yes" : `NO (${mismatches} differ)`}`,
      `errors ${errors.length}`,
      ...errors.slice(0, 10).map((e) => `  ${e}`),
    ].join("\n")}\n`,
  );
  process.exitCode = errors.length === 0 && acked.size > 0 ? 0 : 1;
}

await main();
