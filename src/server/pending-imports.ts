/**
 * Imports read and shown but not yet saved (step 1 of the two-step import), by token, for 30 minutes.
 * Only the user who uploaded may confirm. In memory, per server process.
 */
import type { Clock } from "../core/clock.ts";
import type { Sheet } from "../core/sheet.ts";

export interface PendingImport {
  sheet: Sheet;
  fileName: string;
  userId: string;
  expires: number;
}

export class PendingImports {
  readonly #items = new Map<string, PendingImport>();

  constructor(
    private readonly clock: Clock,
    private readonly ttlMs = 30 * 60_000,
  ) {}

  #now = () => this.clock.now().getTime();

  add(token: string, item: Omit<PendingImport, "expires">): void {
    const now = this.#now();
    for (const [k, v] of this.#items) if (v.expires < now) this.#items.delete(k);
    this.#items.set(token, { ...item, expires: now + this.ttlMs });
  }

  /** The pending import of this user, if it exists and has not expired. */
  get(token: string, userId: string): PendingImport | undefined {
    const p = this.#items.get(token);
    return p && p.userId === userId && p.expires >= this.#now() ? p : undefined;
  }

  delete(token: string): void {
    this.#items.delete(token);
  }
}
