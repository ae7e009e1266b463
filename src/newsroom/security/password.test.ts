import { describe, expect, it } from 'vitest';
import { KEY_BYTES, SALT_BYTES, SCRYPT_PARAMS, hashPassword, needsRehash, verifyPassword } from './password.js';
import { PASSWORD_POLICY, checkPasswordPolicy } from './password-policy.js';

const PASSWORD = 'رمز عبور خوب ۱۴۰۴';

describe('hashPassword / verifyPassword', () => {
  it('round trip; a wrong password is false; the encoding carries the parameters', async () => {
    const h = await hashPassword(PASSWORD);
    expect(h).toMatch(/^scrypt\$32768\$8\$1\$[A-Za-z0-9_-]{22}\$[A-Za-z0-9_-]{43}$/);
    const [, , , , salt, key] = h.split('$');
    expect(Buffer.from(salt!, 'base64url')).toHaveLength(SALT_BYTES);
    expect(Buffer.from(key!, 'base64url')).toHaveLength(KEY_BYTES);
    expect(await verifyPassword(PASSWORD, h)).toBe(true);
    expect(await verifyPassword('رمز عبور خوب ۱۴۰۵', h)).toBe(false);
    expect(await verifyPassword('', h)).toBe(false);
    expect(needsRehash(h)).toBe(false);
  });

  it('two hashes of one password differ (random salt) and both verify', async () => {
    const [a, b] = await Promise.all([hashPassword(PASSWORD), hashPassword(PASSWORD)]);
    expect(a).not.toBe(b);
    expect(a.split('$')[4]).not.toBe(b.split('$')[4]);
    expect(await verifyPassword(PASSWORD, a)).toBe(true);
    expect(await verifyPassword(PASSWORD, b)).toBe(true);
  });

  it('a tampered hash is false: changed key, changed salt, swapped salt', async () => {
    const h = await hashPassword(PASSWORD);
    const parts = h.split('$');
    const flip = (s: string): string => {
      const bytes = Buffer.from(s, 'base64url');
      bytes[0] = bytes[0]! ^ 1;
      return bytes.toString('base64url');
    };
    expect(await verifyPassword(PASSWORD, [...parts.slice(0, 5), flip(parts[5]!)].join('$'))).toBe(false);
    expect(await verifyPassword(PASSWORD, [...parts.slice(0, 4), flip(parts[4]!), parts[5]].join('$'))).toBe(false);
    const other = (await hashPassword(PASSWORD)).split('$');
    expect(await verifyPassword(PASSWORD, [...parts.slice(0, 4), other[4], parts[5]].join('$'))).toBe(false);
  });

  it('other parameters are read from the hash (raising them keeps old hashes valid)', async () => {
    const weak = await hashPassword(PASSWORD, { N: 2 ** 14, r: 8, p: 1 });
    expect(weak.startsWith('scrypt$16384$8$1$')).toBe(true);
    expect(await verifyPassword(PASSWORD, weak)).toBe(true);
    expect(needsRehash(weak)).toBe(true);
    // The same key under other parameters does not verify.
    expect(await verifyPassword(PASSWORD, weak.replace('$16384$', '$32768$'))).toBe(false);
  });

  it('unknown formats and parameters out of bounds are refused with INVALID_INPUT, without echoing the hash', async () => {
    const h = await hashPassword(PASSWORD);
    const bad = [
      '', 'plaintext', h.replace('scrypt$', 'bcrypt$'), `$2b$10$${'a'.repeat(53)}`, h.slice(0, -1) + '=',
      h.replace('$32768$', '$1024$'), h.replace('$32768$', '$30000$'), h.replace('$32768$', '$2097152$'),
      h.replace('$8$1$', '$64$1$'), h.replace('$8$1$', '$8$0$'), `${h}$extra`, h.split('$').slice(0, 5).join('$'),
      h.replace(/\$[^$]+$/, '$AAAA'),
    ];
    for (const encoded of bad) {
      const err = await verifyPassword(PASSWORD, encoded).then(() => undefined, (e: unknown) => e);
      expect(err, encoded).toMatchObject({ code: 'INVALID_INPUT' });
      expect((err as Error).message).not.toContain(h.split('$')[5]!);
    }
    await expect(verifyPassword(PASSWORD, 42 as unknown as string)).rejects.toMatchObject({ code: 'INVALID_INPUT' });
    await expect(hashPassword(PASSWORD, { ...SCRYPT_PARAMS, N: 1000 })).rejects.toMatchObject({ code: 'INVALID_INPUT' });
    await expect(hashPassword(5 as unknown as string)).rejects.toMatchObject({ code: 'INVALID_INPUT' });
  });

  it('no stored hash (unknown user): false, after a hash\'s worth of work', async () => {
    const t = performance.now();
    expect(await verifyPassword(PASSWORD, undefined)).toBe(false);
    expect(performance.now() - t).toBeGreaterThan(5);
  });

  it('NFC: composed and decomposed spellings are one password', async () => {
    const h = await hashPassword('caf\u00e9-password');
    expect(await verifyPassword('cafe\u0301-password', h)).toBe(true);
  });
});

describe('checkPasswordPolicy', () => {
  const refusal = (p: unknown, username?: string): string => {
    try {
      checkPasswordPolicy(p, { username });
    } catch (e) {
      expect(e).toMatchObject({ code: 'INVALID_INPUT', details: { field: 'password' } });
      return (e as Error).message;
    }
    return 'accepted';
  };
  it('accepts ten characters or more, Persian counted by characters', () => {
    expect(refusal('abcdefghij')).toBe('accepted');
    expect(refusal('خبرگزاری‌آران')).toBe('accepted');
    expect(refusal('x'.repeat(9) + 'y'.repeat(PASSWORD_POLICY.maxLength - 9))).toBe('accepted');
  });
  it('refuses with a message naming the rule', () => {
    expect(refusal('kotah')).toBe('password must be at least 10 characters (it has 5)');
    expect(refusal('🔑🔑🔑🔑🔑🔑🔑🔑🔑')).toBe('password must be at least 10 characters (it has 9)');
    expect(refusal('a'.repeat(201))).toBe('password must be at most 200 characters (it has 201)');
    expect(refusal('aaaaaaaaaaaa')).toBe('password must not be one character repeated');
    expect(refusal('۱۱۱۱۱۱۱۱۱۱۱۱')).toBe('password must not be one character repeated');
    expect(refusal('Reporter.Tabriz', 'reporter.tabriz')).toBe('password must not be the username');
    expect(refusal(undefined)).toBe('password must be a string, got undefined');
    expect(refusal(null)).toBe('password must be a string, got null');
  });
});
