/**
 * Failed logins kept in the database (issue #16 F3): per account and per network address, pruned by
 * age only, so a restart or a flood of made-up names does not reset anyone's counter.
 *
 * The policy is a growing delay, not a lockout: after ACCOUNT_FREE_FAILURES failures on one account
 * within WINDOW_MS, the next attempt must wait 2, 4, 8 … seconds (at most ACCOUNT_MAX_DELAY_MS) after
 * the last failure. A stranger can slow guessing on an account but cannot lock its owner out for
 * longer than a minute. One address may fail ADDRESS_MAX_FAILURES times per window across all
 * accounts (stops spraying one password over many names).
 */
import { and, count, eq, gte, lt, max } from "drizzle-orm";
import type { Clock } from "../../core/clock.ts";
import type { IdGenerator } from "../../core/ids.ts";
import type { Db } from "../db.ts";
import { loginFailures } from "../schema.ts";

export const WINDOW_MS = 15 * 60 * 1000;
export const ACCOUNT_FREE_FAILURES = 5;
export const ACCOUNT_MAX_DELAY_MS = 60 * 1000;
export const ADDRESS_MAX_FAILURES = 50;

/** Keys are cut so that a long made-up name costs no more than a short one. */
const accountKey = (loginId: string) => `account:${loginId.slice(0, 100)}`;
const addressKey = (address: string) => `address:${address.slice(0, 64)}`;

export interface LoginAttempt {
  loginId: string;
  /** The client's address as the server sees it ("unknown" when there is none). */
  address: string;
}

async function recent(db: Db, key: string, since: Date): Promise<{ n: number; last: Date | null }> {
  const [r] = await db
    .select({ n: count(), last: max(loginFailures.at) })
    .from(loginFailures)
    .where(and(eq(loginFailures.key, key), gte(loginFailures.at, since)));
  return { n: Number(r?.n ?? 0), last: r?.last ? new Date(r.last) : null };
}

/** The delay an account's next attempt must wait after its last failure, given its recent failures. */
export function accountDelayMs(failures: number): number {
  if (failures < ACCOUNT_FREE_FAILURES) return 0;
  return Math.min(ACCOUNT_MAX_DELAY_MS, 1000 * 2 ** (failures - ACCOUNT_FREE_FAILURES + 1));
}

/** Milliseconds to wait before this attempt is allowed (0: go ahead). Checked before the password. */
export async function loginWaitMs(db: Db, attempt: LoginAttempt, clock: Clock): Promise<number> {
  const now = clock.now().getTime();
  const since = new Date(now - WINDOW_MS);
  const address = await recent(db, addressKey(attempt.address), since);
  if (address.n >= ADDRESS_MAX_FAILURES && address.last)
    return Math.max(1000, address.last.getTime() + WINDOW_MS - now);
  const account = await recent(db, accountKey(attempt.loginId), since);
  const delay = accountDelayMs(account.n);
  if (delay === 0 || !account.last) return 0;
  return Math.max(0, account.last.getTime() + delay - now);
}

/** Records a failed attempt against its account and its address; prunes rows older than the window. */
export async function recordLoginFailure(
  db: Db,
  attempt: LoginAttempt,
  ctx: { clock: Clock; ids: IdGenerator },
): Promise<void> {
  const at = ctx.clock.now();
  await db.insert(loginFailures).values([
    { id: ctx.ids.next(), key: accountKey(attempt.loginId), at },
    { id: ctx.ids.next(), key: addressKey(attempt.address), at },
  ]);
  await db.delete(loginFailures).where(lt(loginFailures.at, new Date(at.getTime() - WINDOW_MS)));
}

/** A successful login clears its account's counter (not its address's: one success must not hide a spray). */
export async function clearAccountFailures(db: Db, loginId: string): Promise<void> {
  await db.delete(loginFailures).where(eq(loginFailures.key, accountKey(loginId)));
}
