/**
 * The load generator, run as its own process so that it does not share the server's event loop:
 * `node --import tsx bench/load-client.ts '<json options>'` prints one JSON line of results.
 * autocannon's programmatic API at a fixed overall rate; each request asks for a random city.
 */
import autocannon from "autocannon";
import { createRandom } from "./random.ts";

export interface LoadOptions {
  url: string;
  /** Path template; `{city}` becomes a random city index below `cities`. */
  path: string;
  cities: number;
  rate: number;
  seconds: number;
  connections: number;
  seed: number;
}

export interface LoadResult {
  p50: number;
  p90: number;
  p99: number;
  max: number;
  mean: number;
  requests: number;
  non2xx: number;
  errors: number;
  timeouts: number;
}

async function main(): Promise<void> {
  const o = JSON.parse(process.argv[2] ?? "{}") as LoadOptions;
  const rng = createRandom(o.seed);
  const result = await autocannon({
    url: o.url,
    connections: o.connections,
    overallRate: o.rate,
    duration: o.seconds,
    timeout: 10,
    requests: [
      {
        setupRequest: (req: Record<string, unknown>) => ({
          ...req,
          path: o.path.replace("{city}", String(rng.int(0, o.cities - 1))),
        }),
      },
    ],
  } as autocannon.Options);
  const out: LoadResult = {
    p50: result.latency.p50,
    p90: result.latency.p90,
    p99: result.latency.p99,
    max: result.latency.max,
    mean: result.latency.average,
    requests: result.requests.total,
    non2xx: result.non2xx,
    errors: result.errors,
    timeouts: result.timeouts,
  };
  process.stdout.write(`${JSON.stringify(out)}\n`);
}

await main();
