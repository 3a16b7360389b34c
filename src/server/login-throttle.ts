/**
 * Slows down password guessing: after `maxFailures` failed logins for one user name within `windowMs`,
 * that name is refused (429) until the window has passed. In memory, per server process.
 */
import type { Clock } from "../core/clock.ts";

export interface LoginThrottleOptions {
  maxFailures?: number;
  windowMs?: number;
  /** Names remembered at most (oldest forgotten first), so that made-up names cannot grow memory. */
  maxNames?: number;
}

export class LoginThrottle {
  readonly #failures = new Map<string, number[]>();
  readonly #max: number;
  readonly #window: number;
  readonly #maxNames: number;

  constructor(
    private readonly clock: Clock,
    options: LoginThrottleOptions = {},
  ) {
    this.#max = options.maxFailures ?? 10;
    this.#window = options.windowMs ?? 5 * 60_000;
    this.#maxNames = options.maxNames ?? 10_000;
  }

  #recent(name: string): number[] {
    const now = this.clock.now().getTime();
    return (this.#failures.get(name) ?? []).filter((t) => now - t < this.#window);
  }

  /** True while this name has failed too often. */
  locked(name: string): boolean {
    return this.#recent(name).length >= this.#max;
  }

  failed(name: string): void {
    const fails = this.#recent(name);
    this.#failures.delete(name); // re-insert: the map's order is the order of last failure
    this.#failures.set(name, [...fails, this.clock.now().getTime()]);
    while (this.#failures.size > this.#maxNames) {
      const oldest = this.#failures.keys().next().value as string;
      this.#failures.delete(oldest);
    }
  }

  succeeded(name: string): void {
    this.#failures.delete(name);
  }
}
