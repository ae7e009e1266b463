import { describe, expect, it } from 'vitest';
import { LOGIN_THROTTLE, assertLoginAllowed, loginThrottle, loginThrottleKeys, loginWindowStart } from './login-throttle.js';

describe('login throttle', () => {
  it('allows up to 4 username failures and 19 address failures; refuses at 5 and 20 for the whole window', () => {
    expect(LOGIN_THROTTLE).toEqual({ windowSeconds: 900, maxFailuresPerUsername: 5, maxFailuresPerAddress: 20 });
    expect(loginThrottle({ username: 0, address: 0 })).toEqual({ allowed: true });
    expect(loginThrottle({ username: 4, address: 19 })).toEqual({ allowed: true });
    expect(loginThrottle({ username: 5, address: 0 })).toEqual({ allowed: false, limitedBy: 'username', failures: 5, retryAfterSeconds: 900 });
    expect(loginThrottle({ username: 0, address: 20 })).toEqual({ allowed: false, limitedBy: 'address', failures: 20, retryAfterSeconds: 900 });
    expect(loginThrottle({ username: 9, address: 40 })).toMatchObject({ limitedBy: 'username' });
  });

  it('assertLoginAllowed throws TOO_MANY_REQUESTS with the wait', () => {
    expect(() => assertLoginAllowed({ username: 1, address: 1 })).not.toThrow();
    expect(() => assertLoginAllowed({ username: 5, address: 5 })).toThrow(expect.objectContaining({
      code: 'TOO_MANY_REQUESTS',
      message: 'too many failed logins for this username (5 in 15 minutes); try again in 900 seconds',
      details: { retryAfterSeconds: 900, limitedBy: 'username' },
    }));
    expect(() => assertLoginAllowed({ username: 0, address: 3 }, { windowSeconds: 3600, maxFailuresPerUsername: 3, maxFailuresPerAddress: 3 }))
      .toThrow('too many failed logins for this address (3 in 1 hour); try again in 3600 seconds');
  });

  it('refuses bad counts and policies', () => {
    for (const bad of [{ username: -1, address: 0 }, { username: 1.5, address: 0 }, { username: 0, address: Number.NaN }, { username: 0 }]) {
      expect(() => loginThrottle(bad as never)).toThrow(expect.objectContaining({ code: 'INVALID_INPUT' }));
    }
    expect(() => loginThrottle({ username: 0, address: 0 }, { ...LOGIN_THROTTLE, windowSeconds: 0 })).toThrow(expect.objectContaining({ code: 'INVALID_INPUT' }));
  });

  it('the window start and store keys', () => {
    expect(loginWindowStart('2025-09-05T09:26:00Z')).toBe('2025-09-05T09:11:00.000Z');
    expect(loginWindowStart(new Date('2025-09-05T09:26:00Z'), { ...LOGIN_THROTTLE, windowSeconds: 60 })).toBe('2025-09-05T09:25:00.000Z');
    expect(() => loginWindowStart('دیروز')).toThrow(expect.objectContaining({ code: 'INVALID_INPUT' }));
    expect(loginThrottleKeys('10.0.0.1', '10.0.0.1')).toEqual({ username: 'user:10.0.0.1', address: 'addr:10.0.0.1' });
  });
});
