/**
 * Joins the tokens of a periphrastic verb into one token with `_`, as Hazm's word tokenizer does:
 * ["گفته", "شده", "است"] → ["گفته_شده_است"], ["خواهد", "رفت"] → ["خواهد_رفت"].
 */
import { assertWord } from './normalize-word.js';
import { FUTURE_AUXILIARY, isAuxiliaryGroup, isPastParticiple } from './auxiliaries.js';
import { KhabarError, describeType } from '../../errors/index.js';

/**
 * Joins verb groups in a token list. Works from the right: a future auxiliary (خواهد) attaches to the
 * token after it; a past participle attaches to an auxiliary group after it (رفته + است,
 * گفته + شده_است, گفته + خواهد_شد).
 * @throws KhabarError INVALID_INPUT when `tokens` is not an array of strings.
 */
export function joinVerbParts(tokens: readonly string[]): string[] {
  if (!Array.isArray(tokens)) {
    throw new KhabarError('INVALID_INPUT', `joinVerbParts expects an array of tokens, got ${describeType(tokens)}`);
  }
  const out: string[] = [];
  for (let i = tokens.length - 1; i >= 0; i--) {
    const t = tokens[i];
    assertWord(t, 'joinVerbParts');
    const next = out[0];
    if (next !== undefined && (FUTURE_AUXILIARY.has(t.replaceAll('\u200c', '')) ||
      (isAuxiliaryGroup(next) && isPastParticiple(t)))) {
      out[0] = t + '_' + next;
    } else {
      out.unshift(t);
    }
  }
  return out;
}
