/**
 * Login throttling as a pure decision (issue #6): given how many logins failed in the last window for
 * the username and for the client's address, may this attempt go ahead? The per-username limit stops
 * guessing one account's password; the per-address limit, higher because a newsroom shares one office
 * address, stops one client from trying many accounts. Failures are counted by the store
 * (`recordLoginFailure(key, at, since)`, keys from {@link loginThrottleKeys}, `since` from
 * {@link loginWindowStart}); a successful login clears the username's count.
 *
 * The store reports counts, not times, so the wait asked for is the whole window: an upper bound,
 * after which every failure counted now has certainly left the window.
 */
import { KhabarError } from '../../errors/index.js';

/** Limits on failed logins. */
export interface LoginThrottlePolicy {
  /** The window failures are counted over, in seconds. */
  windowSeconds: number;
  /** Failures per username in the window after which further attempts are refused. */
  maxFailuresPerUsername: number;
  /** Failures per client address in the window after which further attempts are refused. */
  maxFailuresPerAddress: number;
}

/** 5 failures per username and 20 per address in 15 minutes. */
export const LOGIN_THROTTLE: Readonly<LoginThrottlePolicy> = {
  windowSeconds: 15 * 60,
  maxFailuresPerUsername: 5,
  maxFailuresPerAddress: 20,
};

/** Failed logins in the current window, before this attempt. */
export interface LoginFailures {
  username: number;
  address: number;
}

/** Go ahead, or wait `retryAfterSeconds` (the Retry-After header's value). */
export type LoginThrottleDecision =
  | { allowed: true }
  | { allowed: false; limitedBy: 'username' | 'address'; failures: number; retryAfterSeconds: number };

/**
 * Decides whether a login attempt may go ahead.
 * @throws KhabarError INVALID_INPUT when a count is not a non-negative integer or the policy is bad.
 */
export function loginThrottle(failures: LoginFailures, policy: LoginThrottlePolicy = LOGIN_THROTTLE): LoginThrottleDecision {
  checkPolicy(policy);
  for (const key of ['username', 'address'] as const) {
    const n = failures?.[key];
    if (!Number.isSafeInteger(n) || n < 0) {
      throw new KhabarError('INVALID_INPUT', `login failures for ${key} must be a non-negative integer, got ${String(n)}`, { field: key });
    }
  }
  if (failures.username >= policy.maxFailuresPerUsername) {
    return { allowed: false, limitedBy: 'username', failures: failures.username, retryAfterSeconds: policy.windowSeconds };
  }
  if (failures.address >= policy.maxFailuresPerAddress) {
    return { allowed: false, limitedBy: 'address', failures: failures.address, retryAfterSeconds: policy.windowSeconds };
  }
  return { allowed: true };
}

/**
 * Refuses a login attempt the throttle does not allow.
 * @throws KhabarError TOO_MANY_REQUESTS with details `{ retryAfterSeconds, limitedBy }`, e.g. "too many
 *   failed logins for this username (5 in 15 minutes); try again in 900 seconds".
 */
export function assertLoginAllowed(failures: LoginFailures, policy: LoginThrottlePolicy = LOGIN_THROTTLE): void {
  const d = loginThrottle(failures, policy);
  if (d.allowed) return;
  const what = d.limitedBy === 'username' ? 'this username' : 'this address';
  throw new KhabarError('TOO_MANY_REQUESTS',
    `too many failed logins for ${what} (${d.failures} in ${describeSeconds(policy.windowSeconds)}); try again in ${d.retryAfterSeconds} seconds`,
    { retryAfterSeconds: d.retryAfterSeconds, limitedBy: d.limitedBy });
}

/** The start of the window ending at `now`, as an ISO instant (the store's `since`). */
export function loginWindowStart(now: Date | string, policy: LoginThrottlePolicy = LOGIN_THROTTLE): string {
  const t = typeof now === 'string' ? Date.parse(now) : now.getTime();
  if (Number.isNaN(t)) throw new KhabarError('INVALID_INPUT', `now is not a valid time: ${String(now)}`, { field: 'now' });
  return new Date(t - policy.windowSeconds * 1000).toISOString();
}

/**
 * The store keys failures are counted under, prefixed so that a username can never collide with an
 * address (someone naming themselves `10.0.0.1`).
 */
export function loginThrottleKeys(username: string, address: string): { username: string; address: string } {
  return { username: `user:${username}`, address: `addr:${address}` };
}

function checkPolicy(p: LoginThrottlePolicy): void {
  const ok = [p.windowSeconds, p.maxFailuresPerUsername, p.maxFailuresPerAddress].every((n) => Number.isSafeInteger(n) && n > 0);
  if (!ok) throw new KhabarError('INVALID_INPUT', 'login throttle policy values must be positive integers');
}

function describeSeconds(s: number): string {
  if (s % 3600 === 0) return s === 3600 ? '1 hour' : `${s / 3600} hours`;
  if (s % 60 === 0) return s === 60 ? '1 minute' : `${s / 60} minutes`;
  return `${s} seconds`;
}
