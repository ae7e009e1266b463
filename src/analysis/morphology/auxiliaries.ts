/**
 * The auxiliaries that build periphrastic verb forms (Lazard §§ 160–170): the future with خواستن
 * (خواهد رفت), the perfect with the enclitic copula (رفته است), the passive with شدن (گفته شد)
 * and the pluperfect/subjunctive perfect with بودن (رفته بود، رفته باشد).
 */
import { bestVerbReading, verbReadings } from './verb-analyzer.js';

const PERSONS = ['م', 'ی', 'د', 'یم', 'ید', 'ند'] as const;

/** Forms of the future auxiliary (خواهم … خواهند, negated نخواهم …), joined spelling. */
export const FUTURE_AUXILIARY: ReadonlySet<string> = new Set(
  PERSONS.flatMap((p) => ['خواه' + p, 'نخواه' + p]),
);

/** The enclitic copula written as its own token after a participle (رفته است، رفته اند). */
const COPULA_TOKENS: ReadonlySet<string> = new Set(['ام', 'ای', 'است', 'ایم', 'اید', 'اند', 'ست']);

/** Verbs whose finite forms serve as auxiliaries after a participle: بودن (بود/باش) and شدن (شد/شو). */
const AUX_PAST_STEMS: ReadonlySet<string> = new Set(['بود', 'شد']);

/**
 * True when `token` (possibly already joined with `_`) is an auxiliary group that can follow a past
 * participle: است, بود, باشد, شد, می‌شود, شده_است, خواهد_شد …
 */
export function isAuxiliaryGroup(token: string): boolean {
  const parts = token.replaceAll('\u200c', '').split('_');
  const head = parts[0] ?? '';
  if (parts.length === 1) return isFiniteAuxiliary(head);
  const rest = parts.slice(1).join('_');
  if (FUTURE_AUXILIARY.has(head)) return parts.length === 2 && (rest === 'شد' || rest === 'بود');
  if (head === 'شده' || head === 'نشده' || head === 'بوده' || head === 'نبوده') return isAuxiliaryGroup(rest);
  return false;
}

function isFiniteAuxiliary(w: string): boolean {
  if (COPULA_TOKENS.has(w)) return true;
  const r = bestVerbReading(w);
  return r !== undefined && !r.participle && r.strength >= 1 && !r.preverb && AUX_PAST_STEMS.has(r.past);
}

/** True when `token` is a past participle (رفته، نچشیده، خسته) that an auxiliary may follow. */
export function isPastParticiple(token: string): boolean {
  return verbReadings(token.replaceAll('\u200c', '')).some((r) => r.participle && r.ending === '' && !r.preverb);
}
