/**
 * Password hashing with scrypt (RFC 7914) from node:crypto: memory-hard, so a stolen user table is
 * slow to guess through even on GPUs. N=2^15, r=8, p=1 (32 MiB, ≈ 100 ms on a 2-core machine) is
 * Go x/crypto's recommendation for interactive logins (2017); OWASP's password
 * storage cheat sheet now asks for about three times the work (N=2^17, or N=2^15 with p=3, ≈ 230 ms
 * here). The encoding carries the parameters, so raising them later keeps stored hashes valid and
 * {@link needsRehash} says which to re-hash at the next login. Each hash has its own random 16-byte salt:
 *
 *   scrypt$<N>$<r>$<p>$<salt, base64url>$<32-byte key, base64url>
 *
 * Passwords are NFC-normalized first (as RFC 8265's OpaqueString profile does), so a password typed
 * with composed or decomposed characters on different keyboards is the same password.
 */
import { randomBytes, scrypt, timingSafeEqual } from 'node:crypto';
import type { ScryptOptions } from 'node:crypto';
import { KhabarError } from '../../errors/index.js';

/** scrypt cost parameters. */
export interface ScryptParams {
  /** CPU/memory cost, a power of two. */
  N: number;
  /** Block size. */
  r: number;
  /** Parallelization. */
  p: number;
}

/** The parameters new hashes use. */
export const SCRYPT_PARAMS: Readonly<ScryptParams> = { N: 2 ** 15, r: 8, p: 1 };
/** Salt length in bytes. */
export const SALT_BYTES = 16;
/** Derived key length in bytes. */
export const KEY_BYTES = 32;

/**
 * Bounds on parameters read from a stored hash, so that a corrupted or planted row can neither make
 * verification trivially cheap nor ask for gigabytes of memory.
 */
const LIMITS = { minN: 2 ** 14, maxN: 2 ** 20, maxR: 32, maxP: 16, maxMemory: 256 * 1024 * 1024 } as const;
const ENCODED = /^scrypt\$([1-9]\d{0,7})\$([1-9]\d{0,2})\$([1-9]\d{0,2})\$([A-Za-z0-9_-]{22,88})\$([A-Za-z0-9_-]{43,88})$/;

/**
 * Hashes a password for storage (the password policy is checked by {@link checkPasswordPolicy}, not
 * here, so that existing passwords can always be re-hashed).
 * @returns `scrypt$N$r$p$salt$hash`.
 * @throws KhabarError INVALID_INPUT when `password` is not a string or `params` are out of bounds.
 */
export async function hashPassword(password: string, params: ScryptParams = SCRYPT_PARAMS): Promise<string> {
  if (typeof password !== 'string') throw new KhabarError('INVALID_INPUT', 'password must be a string', { field: 'password' });
  checkParams(params);
  const salt = randomBytes(SALT_BYTES);
  const key = await derive(password, salt, KEY_BYTES, params);
  return ['scrypt', params.N, params.r, params.p, salt.toString('base64url'), key.toString('base64url')].join('$');
}

/**
 * Checks a password against a stored hash, comparing in constant time. With `encoded` undefined (no
 * such user) it still spends one hash's time and answers false, so that the answer's timing does not
 * tell which usernames exist.
 * @throws KhabarError INVALID_INPUT when `encoded` is not a hash this code wrote (unknown scheme, bad
 *   encoding, parameters out of bounds); the message does not repeat the hash.
 */
export async function verifyPassword(password: string, encoded: string | undefined): Promise<boolean> {
  if (encoded === undefined) {
    await derive(typeof password === 'string' ? password : '', DUMMY_SALT, KEY_BYTES, SCRYPT_PARAMS);
    return false;
  }
  const parsed = parseHash(encoded);
  if (typeof password !== 'string') return false;
  const key = await derive(password, parsed.salt, parsed.key.length, parsed.params);
  return timingSafeEqual(key, parsed.key);
}

/** True when a stored hash uses weaker parameters than {@link SCRYPT_PARAMS}: re-hash at the next login. */
export function needsRehash(encoded: string): boolean {
  const { params, salt, key } = parseHash(encoded);
  return params.N < SCRYPT_PARAMS.N || params.r < SCRYPT_PARAMS.r || params.p < SCRYPT_PARAMS.p ||
    salt.length < SALT_BYTES || key.length < KEY_BYTES;
}

const DUMMY_SALT = randomBytes(SALT_BYTES);

function parseHash(encoded: string): { params: ScryptParams; salt: Buffer; key: Buffer } {
  const m = typeof encoded === 'string' ? ENCODED.exec(encoded) : null;
  if (!m) {
    throw new KhabarError('INVALID_INPUT', 'stored password hash has an unknown format (expected scrypt$N$r$p$salt$hash)');
  }
  const params = { N: Number(m[1]), r: Number(m[2]), p: Number(m[3]) };
  try {
    checkParams(params);
  } catch {
    throw new KhabarError('INVALID_INPUT', 'stored password hash has scrypt parameters out of bounds');
  }
  const salt = Buffer.from(m[4]!, 'base64url');
  const key = Buffer.from(m[5]!, 'base64url');
  // base64url decoding skips what it cannot read; re-encoding shows whether the text was canonical.
  if (salt.length < SALT_BYTES || key.length < KEY_BYTES || salt.toString('base64url') !== m[4] || key.toString('base64url') !== m[5]) {
    throw new KhabarError('INVALID_INPUT', 'stored password hash has a malformed salt or key');
  }
  return { params, salt, key };
}

function checkParams({ N, r, p }: ScryptParams): void {
  const ok = Number.isInteger(N) && Number.isInteger(r) && Number.isInteger(p) &&
    N >= LIMITS.minN && N <= LIMITS.maxN && (N & (N - 1)) === 0 &&
    r >= 1 && r <= LIMITS.maxR && p >= 1 && p <= LIMITS.maxP && memoryOf({ N, r, p }) <= LIMITS.maxMemory;
  if (!ok) {
    throw new KhabarError('INVALID_INPUT',
      `scrypt parameters N=${N} r=${r} p=${p} are out of bounds (N a power of two in 2^14..2^20, r ≤ 32, p ≤ 16)`);
  }
}

/** scrypt's working memory (RFC 7914 §5: V is 128·r·N bytes, B is 128·r·p bytes). */
function memoryOf({ N, r, p }: ScryptParams): number {
  return 128 * r * (N + 2) + 128 * r * p;
}

function derive(password: string, salt: Buffer, keyLength: number, params: ScryptParams): Promise<Buffer> {
  // Node's default maxmem (32 MiB) is just below what N=2^15, r=8 needs; allow what the params need.
  const options: ScryptOptions = { N: params.N, r: params.r, p: params.p, maxmem: memoryOf(params) + 1024 * 1024 };
  return new Promise((resolve, reject) => {
    scrypt(password.normalize('NFC'), salt, keyLength, options, (err, key) => (err ? reject(err) : resolve(key)));
  });
}
