/**
 * Imports read and shown but not yet saved (step 1 of the two-step import), by token, for 30 minutes.
 * Only the user who uploaded may confirm. In memory, per server process, and bounded (issue #16
 * F18: each can hold a ~10 MB upload's sheet): at most MAX_PER_USER per user and MAX_TOTAL in all;
 * a new one pushes out the oldest (its user re-uploads), so nobody is ever refused an upload.
 */
import type { Clock } from "../core/clock.ts";
import type { Sheet } from "../core/sheet.ts";
import type { Recognised } from "./importer.ts";

export interface PendingImport {
  sheet: Sheet;
  fileName: string;
  userId: string;
  expires: number;
  /** The upload, kept to read it again with a corrected mapping (no second upload). */
  bytes?: Uint8Array;
  /** What the reader recognised: saved as the municipality's profile on confirmation. */
  recognised?: Recognised;
}

export const MAX_PENDING_PER_USER = 3;
export const MAX_PENDING_TOTAL = 50;

/** `T`: what is kept per token (an import's sheet; a department workbook's rows, routes/workbooks.ts). */
export class PendingImports<T extends { userId: string } = Omit<PendingImport, "expires">> {
  readonly #items = new Map<string, T & { expires: number }>();

  constructor(
    private readonly clock: Clock,
    private readonly ttlMs = 30 * 60_000,
    private readonly maxPerUser = MAX_PENDING_PER_USER,
    private readonly maxTotal = MAX_PENDING_TOTAL,
  ) {}

  get size(): number {
    return this.#items.size;
  }

  #now = () => this.clock.now().getTime();

  add(token: string, item: T): void {
    const now = this.#now();
    for (const [k, v] of this.#items) if (v.expires < now) this.#items.delete(k);
    // The map keeps insertion order: the first entries are the oldest.
    const mine = [...this.#items].filter(([, v]) => v.userId === item.userId).map(([k]) => k);
    for (const k of mine.slice(0, Math.max(0, mine.length - (this.maxPerUser - 1)))) this.#items.delete(k);
    for (const k of [...this.#items.keys()].slice(0, Math.max(0, this.#items.size - (this.maxTotal - 1))))
      this.#items.delete(k);
    this.#items.set(token, { ...item, expires: now + this.ttlMs });
  }

  /** The pending import of this user, if it exists and has not expired. */
  get(token: string, userId: string): (T & { expires: number }) | undefined {
    const p = this.#items.get(token);
    return p && p.userId === userId && p.expires >= this.#now() ? p : undefined;
  }

  delete(token: string): void {
    this.#items.delete(token);
  }
}
