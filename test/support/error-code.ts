/** The KhabarError code a call throws, `undefined` when it returns, or a marker for any other throw. */
import { isKhabarError } from '../../src/errors/index.js';

export function errorCode(f: () => unknown): string | undefined {
  try {
    f();
  } catch (e) {
    return isKhabarError(e) ? e.code : `not a KhabarError: ${String(e)}`;
  }
  return undefined;
}
