import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { TOKEN_BYTES, createCsrfToken, createSessionToken, hashSessionToken, isTokenShaped, tokensEqual } from './tokens.js';

describe('session and CSRF tokens', () => {
  it('are 32 random bytes in base64url (256 bits), all different', () => {
    const tokens = new Set<string>();
    for (let i = 0; i < 1000; i++) {
      for (const t of [createSessionToken(), createCsrfToken()]) {
        expect(t).toMatch(/^[A-Za-z0-9_-]{43}$/);
        expect(Buffer.from(t, 'base64url')).toHaveLength(TOKEN_BYTES);
        expect(isTokenShaped(t)).toBe(true);
        tokens.add(t);
      }
    }
    expect(tokens.size).toBe(2000);
    // Every base64url character shows up across many tokens: nothing is fixed or biased to a few values.
    expect(new Set([...tokens].join('')).size).toBe(64);
  });

  it('the stored hash is SHA-256 hex, stable, and differs per token', () => {
    const t = createSessionToken();
    const h = hashSessionToken(t);
    expect(h).toMatch(/^[0-9a-f]{64}$/);
    expect(hashSessionToken(t)).toBe(h);
    expect(h).toBe(createHash('sha256').update(t).digest('hex'));
    expect(hashSessionToken(createSessionToken())).not.toBe(h);
    // A known vector, so the stored form never changes by accident (SHA-256 of "abc", FIPS 180-2 B.1).
    expect(hashSessionToken('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  });

  it('isTokenShaped refuses what this module never makes', () => {
    for (const v of ['', 'short', `${createSessionToken()}x`, `${createSessionToken().slice(1)}=`, `${createSessionToken().slice(1)}+`, 5, undefined]) {
      expect(isTokenShaped(v)).toBe(false);
    }
  });

  it('tokensEqual: equal strings only; lengths, non-strings and an empty expected token never match', () => {
    const t = createCsrfToken();
    expect(tokensEqual(t, `${t}`)).toBe(true);
    expect(tokensEqual(t, createCsrfToken())).toBe(false);
    expect(tokensEqual(t, t.slice(0, -1))).toBe(false);
    expect(tokensEqual(t, `${t}a`)).toBe(false);
    expect(tokensEqual(t, undefined)).toBe(false);
    expect(tokensEqual(undefined, undefined)).toBe(false);
    expect(tokensEqual('', '')).toBe(false);
  });
});
