/**
 * Recognises inflected verb forms: strips the inflectional prefix (می/نمی/ب/ن) and personal ending,
 * and looks the stem up in the lexicon's table of past#present pairs. Works on the joined spelling.
 */
import { getLexicon, type VerbStems } from '../lexicon/index.js';
import { lookup } from './lexicon-lookup.js';
import { COMMON_VERB_PAIRS } from './common-verbs.js';
import {
  GLIDE_PRESENT_ENDINGS, PARTICIPLE_ENDINGS, PAST_ENDINGS, PRESENT_ENDINGS, PREVERBS, VERB_PREFIXES,
} from './verb-endings.js';

/** One way to read a spelling as a verb form. */
export interface VerbReading {
  /** Past stem of the simple verb (گشت for برمی‌گشت). */
  readonly past: string;
  /** Present stem of the simple verb. */
  readonly present: string;
  /** Preverb of a compound verb (بر in برمی‌گشت), or ''. */
  readonly preverb: string;
  /**
   * How sure the form makes us that this is a verb: 3 = inflectional prefix or perfect ending
   * (می‌کند، کرده‌اند، بکند); 2 = personal ending or negation (کنند، نکرد); 1 = bare past stem or
   * participle (کرد، کرده), which many nouns share; 0 = bare present stem (کار), almost always a noun.
   */
  readonly strength: 0 | 1 | 2 | 3;
  /** True when the form carries the durative prefix می/نمی. */
  readonly durative: boolean;
  /** True when read as a past participle (stem + ه). */
  readonly participle: boolean;
  /** The personal ending matched ('' for none). */
  readonly ending: string;
  /** Frequency class of the infinitive (past stem + ن) in the lexicon: how common the verb is. */
  readonly verbFreq: number;
  /** `verbFreq` raised for the common verbs of `common-verbs.ts`; ranks readings of one spelling. */
  readonly rank: number;
}

interface VerbTables {
  byPast: Map<string, VerbStems[]>;
  byPresent: Map<string, VerbStems[]>;
  freq: Map<VerbStems, number>;
  rank: Map<VerbStems, number>;
}

let tables: VerbTables | undefined;

/**
 * The lexicon's verb pairs, cleaned: a Persian past stem always ends in د or ت, so rows such as
 * داویدن#داو are dropped; the copula pairs (#هست, بود#است) are left to the closed-class table.
 */
function getTables(): VerbTables {
  if (tables) return tables;
  const lex = getLexicon();
  const byPast = new Map<string, VerbStems[]>();
  const byPresent = new Map<string, VerbStems[]>();
  const freq = new Map<VerbStems, number>();
  const rank = new Map<VerbStems, number>();
  for (const v of lex.verbs) {
    if (!/[دت]$/.test(v.past) || !v.present || /\s/.test(v.present) || v.present === 'است') continue;
    const f = lookup(v.past + 'ن', v.past + 'ن')?.entry.freqClass ?? 0;
    freq.set(v, f);
    rank.set(v, COMMON_VERB_PAIRS.has(v.past + '#' + v.present) ? Math.max(f, COMMON_VERB_RANK) : f);
    add(byPast, v.past, v);
    add(byPresent, v.present, v);
  }
  tables = { byPast, byPresent, freq, rank };
  return tables;
}

/**
 * Rank given to the common verbs of {@link COMMON_VERB_PAIRS} when choosing among the pairs a
 * spelling fits: the word list misses some infinitives (گذاشتن) and counts homographs with others
 * (کندن "to dig" shares کن with کردن).
 */
const COMMON_VERB_RANK = 24;

function add(m: Map<string, VerbStems[]>, k: string, v: VerbStems): void {
  const l = m.get(k);
  if (l) l.push(v);
  else m.set(k, [v]);
}

/**
 * Every verb reading of a joined spelling, unsorted. Empty when none. Compound stems in the table
 * (برگشت#برگرد) are split into preverb + simple verb.
 */
export function verbReadings(joined: string): VerbReading[] {
  const out: VerbReading[] = [];
  readCore(joined, '', out);
  // A preverb before می/نمی (برمی‌گردد) or before the future auxiliary (برخواهد گشت).
  for (const pv of PREVERBS) {
    if (joined.length > pv.length + 2 && joined.startsWith(pv)) {
      const rest = joined.slice(pv.length);
      const marked = rest.startsWith('می') || rest.startsWith('نمی') || rest.startsWith('خواه') || rest.startsWith('نخواه');
      const found: VerbReading[] = [];
      readCore(rest, pv, found);
      for (const r of found) {
        // Without an inflectional marker after it, the preverb must make a compound the lexicon
        // knows (درآوردن, برخاستن), or بر+د would read every word in بر as a verb.
        const compoundFreq = lookup(pv + r.past + 'ن', pv + r.past + 'ن')?.entry.freqClass ?? -1;
        if (marked || compoundFreq > 0) out.push({ ...r, verbFreq: Math.max(compoundFreq, marked ? r.verbFreq : 0), rank: Math.max(compoundFreq, marked ? r.rank : 0) });
      }
    }
  }
  return out;
}

function readCore(w: string, preverb: string, out: VerbReading[]): void {
  const t = getTables();
  for (const p of VERB_PREFIXES) {
    if (!w.startsWith(p.prefix)) continue;
    const bodies = [w.slice(p.prefix.length)];
    // ب/ن before a stem in آ or ا insert a glide ی: بیاید (ب+آید), نیفتاد (ن+افتاد), بیندازد.
    if ((p.prefix === 'ب' || p.prefix === 'ن') && bodies[0]!.startsWith('ی')) {
      const b = bodies[0]!;
      // The glide stands only before a vowel: dropping it must leave a stem in ا/آ (بیاندازد), never
      // a consonant stem (بیکار is بی+کار «jobless», not ب+ی+کار).
      if (b.startsWith('یا')) bodies.push('آ' + b.slice(2), b.slice(1));
      else bodies.push('ا' + b.slice(1));
    }
    for (const body of bodies) {
      if (body.length < 1) continue;
      // Past: stem + personal ending (not after ب, which marks the subjunctive of the present).
      if (!p.subjunctive) {
        for (const e of PAST_ENDINGS) {
          if (body.length > e.length && body.endsWith(e)) {
            const stem = body.slice(0, body.length - e.length);
            const strength = p.durative ? 3 : p.negative || e ? 2 : 1;
            pushStems(t, t.byPast.get(stem), preverb, strength, false, e, p.durative, out);
          }
        }
        for (const e of PARTICIPLE_ENDINGS) {
          const suffix = 'ه' + e;
          if (body.length > suffix.length && body.endsWith(suffix)) {
            const stem = body.slice(0, body.length - suffix.length);
            const strength = p.durative || e ? 3 : p.negative ? 2 : 1;
            pushStems(t, t.byPast.get(stem), preverb, strength, true, e, p.durative, out);
          }
        }
      }
      // Present: stem + ending; the bare stem is the imperative (بکن، نکن) or, with no prefix, a noun-like stem.
      for (const e of PRESENT_ENDINGS) {
        if (body.length > e.length && body.endsWith(e)) {
          const stem = body.slice(0, body.length - e.length);
          pushStems(t, t.byPresent.get(stem), preverb, presentStrength(p, e), false, e, p.durative, out);
        }
      }
      for (const e of GLIDE_PRESENT_ENDINGS) {
        if (body.length > e.length && body.endsWith(e)) {
          const stem = body.slice(0, body.length - e.length);
          if (!/[آاو]$/.test(stem)) continue;
          pushStems(t, t.byPresent.get(stem), preverb, presentStrength(p, e), false, e, p.durative, out);
        }
      }
      if (!p.durative) {
        const strength = p.subjunctive ? 2 : p.negative ? 2 : 0;
        pushStems(t, t.byPresent.get(body), preverb, strength, false, '', false, out);
      }
    }
  }
}

/**
 * Evidence from a present form. Without a prefix, only the third persons (کند، کنند) are common in
 * modern prose (the subjunctive of compound verbs); a bare stem + ی/م/یم/ید is far more often a
 * noun with the indefinite ی or a clitic (زنی، کارم).
 */
function presentStrength(p: { durative: boolean; subjunctive: boolean; negative: boolean }, ending: string): 1 | 2 | 3 {
  if (p.durative || p.subjunctive) return 3;
  if (p.negative) return 2;
  return ending.endsWith('د') && ending !== 'ید' && ending !== 'یید' ? 2 : 1;
}

function pushStems(
  t: VerbTables, stems: readonly VerbStems[] | undefined, preverb: string, strength: 0 | 1 | 2 | 3,
  participle: boolean, ending: string, durative: boolean, out: VerbReading[],
): void {
  if (!stems) return;
  for (const v of stems) {
    let { past, present } = v;
    let pv = preverb;
    // Compound stems listed whole (برگشت#برگرد): PerDT splits off the preverb.
    if (!pv) {
      for (const p of PREVERBS) {
        if (past.length > p.length + 1 && past.startsWith(p) && present.startsWith(p) && present.length > p.length) {
          const simplePast = past.slice(p.length);
          if (t.byPast.has(simplePast)) {
            pv = p;
            past = simplePast;
            present = present.slice(p.length);
          }
          break;
        }
      }
    }
    out.push({ past, present, preverb: pv, strength, durative, participle, ending, verbFreq: t.freq.get(v) ?? 0, rank: t.rank.get(v) ?? 0 });
  }
}

/**
 * The most likely verb reading: strongest evidence first, then the more common verb, then the
 * shorter present stem (آمد#آ rather than آمد#آی for می‌آید, as PerDT writes it).
 */
export function bestVerbReading(joined: string): VerbReading | undefined {
  let best: VerbReading | undefined;
  for (const r of verbReadings(joined)) {
    if (!best || better(r, best)) best = r;
  }
  return best;
}

function better(a: VerbReading, b: VerbReading): boolean {
  // A clearly commoner verb wins over formal evidence (نشسته is نشستن, not ن + شسته of شستن).
  if (Math.abs(a.rank - b.rank) >= 3) return a.rank > b.rank;
  if (a.strength !== b.strength) return a.strength > b.strength;
  if (a.rank !== b.rank) return a.rank > b.rank;
  if (a.preverb !== b.preverb) return a.preverb === '';
  return a.present.length < b.present.length;
}

/** The PerDT lemma of a verb reading: `past#present`, or `preverb#past#present`. */
export function verbLemma(r: Pick<VerbReading, 'past' | 'present' | 'preverb'>): string {
  return (r.preverb ? r.preverb + '#' : '') + r.past + '#' + r.present;
}
