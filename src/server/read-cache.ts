/**
 * The presented JSON of the hot read endpoints (`/api/years`, `/api/years/:year/dashboard`,
 * `/api/years/:year/kpis`), kept in memory. Correctness rests on one in-process "data generation"
 * counter: every state-changing request through this server (and every write the server itself makes,
 * such as demo seeding) calls `bump()`; an entry remembers the generation it was built at and is served
 * only while that is still the current one. Writes that do not pass through this process (the CLI
 * importing into the same PostgreSQL) cannot bump it, so every entry also expires after `ttlMs`
 * (default 5 s): such a write shows up at the latest `ttlMs` after it. Size-bounded (LRU).
 */

export interface ReadCacheOptions {
  /** Most entries kept; the least recently used goes first. Default 500. */
  maxEntries?: number;
  /** How long an entry may be served at most (bounds staleness of writes by other processes). Default 5000. */
  ttlMs?: number;
  /** Milliseconds clock (tests move it). Default Date.now. */
  now?: () => number;
}

export interface CachedBody {
  body: string;
  contentType: string;
}

interface Entry extends CachedBody {
  generation: number;
  at: number;
}

export const DEFAULT_CACHE_ENTRIES = 500;
export const DEFAULT_CACHE_TTL_MS = 5000;

export class ReadCache {
  private readonly entries = new Map<string, Entry>();
  private readonly building = new Map<
    string,
    { generation: number; done: Promise<CachedBody | undefined> }
  >();
  private gen = 0;
  readonly maxEntries: number;
  readonly ttlMs: number;
  private readonly now: () => number;

  constructor(options: ReadCacheOptions = {}) {
    this.maxEntries = Math.max(1, options.maxEntries ?? DEFAULT_CACHE_ENTRIES);
    this.ttlMs = options.ttlMs ?? DEFAULT_CACHE_TTL_MS;
    this.now = options.now ?? Date.now;
  }

  /** The current data generation; take it before reading the database, hand it to `set`. */
  get generation(): number {
    return this.gen;
  }

  /** Something may have changed: nothing built before this moment is served again. */
  bump(): void {
    this.gen++;
    this.entries.clear();
  }

  get(key: string): CachedBody | undefined {
    const e = this.entries.get(key);
    if (!e) return undefined;
    if (e.generation !== this.gen || this.now() - e.at >= this.ttlMs) {
      this.entries.delete(key);
      return undefined;
    }
    // Most recently used goes to the end of the Map's order.
    this.entries.delete(key);
    this.entries.set(key, e);
    return e;
  }

  /** Stores a body built from data read at `generation`; ignored if a write happened meanwhile. */
  set(key: string, generation: number, value: CachedBody): void {
    if (generation !== this.gen) return;
    this.entries.delete(key);
    this.entries.set(key, { ...value, generation, at: this.now() });
    while (this.entries.size > this.maxEntries) {
      const oldest = this.entries.keys().next().value;
      if (oldest === undefined) break;
      this.entries.delete(oldest);
    }
  }

  /**
   * The cached body for `key`, or the one `build` makes; requests asking for the same key while it is
   * being built (at the same generation) wait for that one build instead of each running their own —
   * otherwise every expiry or write would send all waiting requests to the database at once. `build`
   * answers undefined for what must not be cached (not a 200); a failing build rejects for its caller
   * only, the waiters get undefined (and build their own answer).
   */
  async through(key: string, build: () => Promise<CachedBody | undefined>): Promise<CachedBody | undefined> {
    const hit = this.get(key);
    if (hit) return hit;
    const pending = this.building.get(key);
    if (pending && pending.generation === this.gen) return pending.done;
    const generation = this.gen;
    const promise = build();
    const done = promise.catch(() => undefined);
    this.building.set(key, { generation, done });
    try {
      const value = await promise;
      if (value) this.set(key, generation, value);
      return value;
    } finally {
      if (this.building.get(key)?.done === done) this.building.delete(key);
    }
  }

  get size(): number {
    return this.entries.size;
  }
}
