/**
 * Bounded load test (issue #9): 50 virtual users entering and reading for N seconds against the
 * HTTP server on PostgreSQL, in-process (startServer with the demo city, real HTTP on a free port).
 *
 *   npx tsx scripts/load-test.ts --duration 10 [--users 50] [--database-url postgres://…/test]
 *
 * A fresh database `sosei_load_<random>` is created next to the given one (default
 * postgres://postgres@127.0.0.1:5432/test, or SOSEI_TEST_PG_URL) and dropped afterwards.
 * Passes (exit 0) when: no request failed (a 409 version_conflict is the expected answer to a stale
 * save, counted apart), and afterwards (issue #16):
 * - every KPI's stored reason and version equal the last acknowledged save;
 * - the audit trail's KPI updates are exactly the acknowledged saves (same KPI, version and reason),
 *   so a save answered 409 wrote nothing, not even an audit row;
 * - review transitions raced against saves: a few users submit rows others are editing; no save
 *   changed a row that was no longer editable (every audited update's "before" state is editable)
 *   and every acknowledged submit left its row submitted.
 * Prints requests, conflicts, errors and latency percentiles.
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
/** Every acknowledged save ("id v<version> <reason>"), every save answered 409, every acknowledged submit. */
const ackedSaves = new Set<string>();
const refusedReasons = new Set<string>();
const submitted = new Map<string, number>();
let submits = 0;

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
      if (n % 10 === 0 && k % 9 === 0) {
        // A few users submit a row that others are editing at the same time. A submit needs an
        // actual or 評価不可 with a reason (the entry checks): state the reason first.
        const fill = await call(session, "PUT", `/api/kpis/${row.id}`, {
          version: current.version,
          evaluation: { category: "not_evaluable", covid: false, notEvaluableReason: "statistics_pending" },
        });
        if (fill.status !== 200) {
          if (fill.status === 409) conflicts++;
          else errors.push(`fill ${row.id}: ${fill.status}`);
          await fill.text();
          continue;
        }
        const filledRow = ((await fill.json()) as { row: Row }).row;
        const filled = filledRow.version;
        ackedSaves.add(`v${filled} ${filledRow.kpi.reason}`); // an acknowledged save like any other
        // Stating the evaluation moves the version on without changing the reason.
        const before = acked.get(row.id);
        if (before && filled > before.version) acked.set(row.id, { ...before, version: filled });
        const sub = await call(session, "POST", `/api/kpis/${row.id}/transitions`, {
          action: "submit",
          version: filled,
        });
        if (sub.status === 200) {
          submits++;
          const version = ((await sub.json()) as { row: Row }).row.version;
          submitted.set(row.id, version);
          // A submit moves the version on without changing the reason.
          const prev = acked.get(row.id);
          if (prev && version > prev.version) acked.set(row.id, { ...prev, version });
        } else if (sub.status === 409) {
          conflicts++;
          await sub.text();
        } else errors.push(`submit ${row.id}: ${sub.status} ${await sub.text()}`);
        continue;
      }
      const reason = `負荷試験 vu${n} 回${k}`;
      const put = await call(session, "PUT", `/api/kpis/${row.id}`, { version: current.version, reason });
      if (put.status === 200) {
        saves++;
        const saved = ((await put.json()) as { row: Row }).row;
        const prev = acked.get(row.id);
        if (!prev || saved.version > prev.version) acked.set(row.id, { version: saved.version, reason });
        ackedSaves.add(`v${saved.version} ${reason}`); // reasons are unique per save; API ids are not the store's
        if (saved.kpi.reason !== reason) errors.push(`save ${row.id}: answered reason ${saved.kpi.reason}`);
      } else if (put.status === 409) {
        conflicts++;
        refusedReasons.add(reason);
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
  for (const [id, version] of submitted) {
    const res = await call(session, "GET", `/api/kpis/${id}`);
    const row = ((await res.json()) as { row: Row }).row;
    if (row.state !== "submitted" || row.version < version)
      errors.push(`${id}: submitted at v${version} but stored ${row.state} v${row.version}`);
  }
  await server.close();
  const auditMismatches = await checkAudit(url.toString());
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
      `audit trail = acknowledged saves (${ackedSaves.size}), 409s wrote nothing (${refusedReasons.size}): ${auditMismatches === 0 ? "yes" : `NO (${auditMismatches})`}`,
      `submits acknowledged ${submits}, rows still submitted, no save after a submit: ${errors.some((e) => e.includes("submit")) ? "NO" : "yes"}`,
      `errors ${errors.length}`,
      ...errors.slice(0, 10).map((e) => `  ${e}`),
    ].join("\n")}\n`,
  );
  process.exitCode = errors.length === 0 && acked.size > 0 ? 0 : 1;
}

/**
 * Reads the audit log straight from the database: its KPI updates must be exactly the acknowledged
 * saves, none may carry the reason of a save answered 409, and none may start from a state that
 * was not editable (a save that raced a submit and won after it).
 */
async function checkAudit(databaseUrl: string): Promise<number> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ id: string; version: number; reason: string; state: string }>(
      `select entity_id as id, (after->>'version')::int as version, after->>'reason' as reason,
              before->>'reviewState' as state
         from audit_log where entity = 'kpi_year' and action = 'update'`,
    );
    let bad = 0;
    const fail = (message: string) => {
      bad++;
      errors.push(message);
    };
    const audited = new Set(rows.map((r) => `v${r.version} ${r.reason}`));
    for (const r of rows) {
      const key = `v${r.version} ${r.reason}`;
      if (!ackedSaves.has(key)) fail(`audit has an unacknowledged update: ${key}`);
      if (refusedReasons.has(r.reason)) fail(`a save answered 409 wrote: ${key}`);
      if (r.state !== "draft" && r.state !== "returned") fail(`a save changed a ${r.state} row: ${key}`);
    }
    for (const key of ackedSaves)
      if (!audited.has(key)) fail(`acknowledged save missing from the audit: ${key}`);
    if (rows.length !== ackedSaves.size)
      fail(`audit updates ${rows.length} ≠ acknowledged saves ${ackedSaves.size}`);
    return bad;
  } finally {
    await client.end();
  }
}

await main();
