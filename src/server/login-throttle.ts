/**
 * Slows down password guessing (issue #16 F3). Failures are kept in the database (table
 * login_failures, src/store/repositories/login-failures.ts), per account and per client address, so
 * they survive a restart and cannot be flushed by flooding made-up names. An account gets a growing
 * delay (2, 4 … 60 s after its last failure), never a lockout a stranger could impose; an address that
 * fails too often across names waits out the window.
 */
import type { Clock } from "../core/clock.ts";
import type { IdGenerator } from "../core/ids.ts";
import type { Db } from "../store/db.ts";
import {
  clearAccountFailures,
  type LoginAttempt,
  loginWaitMs,
  recordLoginFailure,
} from "../store/repositories/login-failures.ts";

export type { LoginAttempt };

export class LoginThrottle {
  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly ids: IdGenerator,
  ) {}

  /** Milliseconds this attempt must still wait (0: it may try). */
  waitMs(attempt: LoginAttempt): Promise<number> {
    return loginWaitMs(this.db, attempt, this.clock);
  }

  failed(attempt: LoginAttempt): Promise<void> {
    return recordLoginFailure(this.db, attempt, { clock: this.clock, ids: this.ids });
  }

  succeeded(attempt: LoginAttempt): Promise<void> {
    return clearAccountFailures(this.db, attempt.loginId);
  }
}
