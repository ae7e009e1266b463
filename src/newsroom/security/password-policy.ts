/**
 * What a new password must be (issue #6). Length is what makes a password strong (NIST SP 800-63B
 * §5.1.1.2: at least 8, allow at least 64, no composition rules); khabar asks for 10 and refuses only
 * the passwords anyone would try first. Lengths count characters (code points after NFC), not UTF-16
 * units, so a Persian password is measured as it is typed.
 */
import { KhabarError } from '../../errors/index.js';

/** The password policy's limits. */
export const PASSWORD_POLICY = {
  /** Fewest characters. */
  minLength: 10,
  /** Most characters (a guard, not a strength rule). */
  maxLength: 200,
} as const;

/** What the policy may compare a password with. */
export interface PasswordPolicyContext {
  /** The user's login name: the password may not be it. */
  username?: string;
}

/**
 * Refuses a password that breaks the policy.
 * @throws KhabarError INVALID_INPUT (details.field `password`) saying which rule, e.g. "password must
 *   be at least 10 characters (it has 7)".
 */
export function checkPasswordPolicy(password: unknown, ctx: PasswordPolicyContext = {}): asserts password is string {
  const refuse = (why: string): never => {
    throw new KhabarError('INVALID_INPUT', `password ${why}`, { field: 'password' });
  };
  if (typeof password !== 'string') refuse(`must be a string, got ${password === null ? 'null' : typeof password}`);
  const chars = [...(password as string).normalize('NFC')];
  const { minLength, maxLength } = PASSWORD_POLICY;
  if (chars.length < minLength) refuse(`must be at least ${minLength} characters (it has ${chars.length})`);
  if (chars.length > maxLength) refuse(`must be at most ${maxLength} characters (it has ${chars.length})`);
  if (chars.every((c) => c === chars[0])) refuse('must not be one character repeated');
  if (ctx.username !== undefined && (password as string).normalize('NFC').toLowerCase() === ctx.username.normalize('NFC').toLowerCase()) {
    refuse('must not be the username');
  }
}
