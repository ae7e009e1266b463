/**
 * Restoration evaluation of the editorial normalizer on modern ISNA copy: take correctly written
 * sentences, damage them the way wire copy arrives (ZWNJ as space or missing, Arabic yeh/kaf, ASCII
 * digits), normalize, and score whitespace-token accuracy against the original. A control row
 * normalizes the untouched sentences: every change there is a rewrite of correct text.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { normalize } from '../../src/analysis/normalize/index.js';

/** One degradation's score. */
export interface RestorationRow {
  /** What was done to the sentences. */
  name: string;
  sentences: number;
  /** Tokens in the original sentences. */
  tokens: number;
  /** Aligned equal tokens / original tokens, 0–1. */
  accuracy: number;
  /** Share of sentences whose normalized form differs from the original, 0–1. */
  changed: number;
  /** Most frequent remaining differences, `original → normalized`, with counts. */
  topErrors: [string, number][];
}

const SERVICES = ['cinema', 'economics', 'politics', 'sport', 'tech'];

const DEGRADATIONS: [string, (s: string) => string][] = [
  ['(a) ZWNJ → space', (s) => s.replace(/\u200C/g, ' ')],
  ['(b) ZWNJ deleted', (s) => s.replace(/\u200C/g, '')],
  ['(c) ی ک → ي ك', (s) => s.replace(/ی/g, 'ي').replace(/ک/g, 'ك')],
  ['(d) Persian → ASCII digits', (s) => s.replace(/[۰-۹]/g, (d) => String(d.charCodeAt(0) - 0x6f0))],
  [
    '(e) all together',
    (s) =>
      s.replace(/\u200C/g, ' ').replace(/ی/g, 'ي').replace(/ک/g, 'ك').replace(/[۰-۹]/g, (d) => String(d.charCodeAt(0) - 0x6f0)),
  ],
  ['(f) control (original)', (s) => s],
];

/**
 * True for a sentence already in modern Persian orthography by surface checks that do not use the
 * normalizer's own lexicon decisions: Persian yeh/kaf and digits only, no straight quotes, ASCII , ; ? or
 * "...", no kashida, single spaces, ZWNJ only between letters, punctuation spaced as Persian typography
 * wants, digits apart from letters, and no affix standing alone as a word (ها, های, تر, ترین, می, نمی). ISNA's copy is mostly modern but not uniformly so; a control row over
 * sentences that break these rules would count the normalizer's intended corrections as damage.
 */
export function isModernOrthography(s: string): boolean {
  if (/[يكى0-9٠-٩"\u0640]|\.\.\.|[ \u00A0]{2}|\u200C[ \u00A0]|[ \u00A0]\u200C/.test(s)) return false;
  if (/[\u0600-\u06FF][,;?]|[,;?][ ]?[\u0600-\u06FF]/.test(s)) return false;
  // ZWNJ only between two letters; no soft hyphen or bidi controls standing in for it.
  if (/(^|[^\u0621-\u06FF])\u200C|\u200C($|[^\u0621-\u06FF])|[\u00AD\u200E\u200F\u202A-\u202E]/.test(s)) return false;
  // Spacing of punctuation: none before ، ؛ : . ! ؟ ) », none after ( «, one after ، ؛ and a full stop.
  if (/ [،؛:.!؟)»]|[(«] |[،؛][^ \n]|[.!؟:][\u0621-\u06FF]/.test(s)) return false;
  // Digits glued to letters (۳۳درصد) or letters to an opening bracket (تومان(دو).
  if (/[۰-۹][\u0621-\u06FF]|[\u0621-\u06FF][۰-۹(]/.test(s)) return false;
  return !/(^|[ \u00A0])(ها|های|هایی|تر|ترین|می|نمی)(?=[ \u00A0]|$)/.test(s);
}

/** Deterministic sample of modern-orthography sentences, spread evenly over each service's sorted files. */
export function sampleSentences(isnaDir: string, count: number): string[] {
  const perService = Math.ceil(count / SERVICES.length);
  const out: string[] = [];
  for (const service of SERVICES) {
    const dir = join(isnaDir, service);
    const files = readdirSync(dir).filter((f) => f.endsWith('.txt')).sort();
    if (files.length === 0) continue;
    const step = files.length / perService;
    let taken = 0;
    for (let k = 0; taken < perService && k < perService * 3; k++) {
      const fi = Math.floor((k * step) % files.length);
      const text = readFileSync(join(dir, files[fi]!), 'utf8').replace(/\r/g, '');
      const sentences = text
        .split('\n')
        .flatMap((line) => line.split(/(?<=[.!؟?])\s+/))
        .map((x) => x.trim())
        .filter((x) => x.split(/\s+/).length >= 4 && isModernOrthography(x));
      if (sentences.length === 0) continue;
      out.push(sentences[(k * 7) % sentences.length]!);
      taken++;
    }
  }
  return out.slice(0, count);
}

/** LCS alignment of two token lists: matched count and the unmatched stretches (orig → got). */
function align(a: string[], b: string[]): { equal: number; diffs: string[] } {
  const n = a.length;
  const m = b.length;
  const dp = new Uint16Array((n + 1) * (m + 1));
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      dp[i * (m + 1) + j] = a[i] === b[j] ? dp[(i + 1) * (m + 1) + j + 1]! + 1 : Math.max(dp[(i + 1) * (m + 1) + j]!, dp[i * (m + 1) + j + 1]!);
    }
  }
  const diffs: string[] = [];
  let i = 0;
  let j = 0;
  let da: string[] = [];
  let db: string[] = [];
  const close = (): void => {
    if (da.length || db.length) diffs.push(`${da.join(' ') || '∅'} → ${db.join(' ') || '∅'}`);
    da = [];
    db = [];
  };
  while (i < n || j < m) {
    if (i < n && j < m && a[i] === b[j]) {
      close();
      i++;
      j++;
    } else if (j < m && (i === n || dp[i * (m + 1) + j + 1]! >= dp[(i + 1) * (m + 1) + j]!)) db.push(b[j++]!);
    else da.push(a[i++]!);
  }
  close();
  return { equal: dp[0]!, diffs };
}

/** Run every degradation over a deterministic sample of ISNA sentences. */
export function evalRestoration(isnaDir: string, opts: { sentences?: number } = {}): RestorationRow[] {
  const sentences = sampleSentences(isnaDir, opts.sentences ?? 3000);
  const rows: RestorationRow[] = [];
  for (const [name, degrade] of DEGRADATIONS) {
    let tokens = 0;
    let equal = 0;
    let changed = 0;
    const errors = new Map<string, number>();
    for (const s of sentences) {
      const got = normalize(degrade(s));
      if (got !== s) changed++;
      const a = s.split(/\s+/).filter(Boolean);
      const b = got.split(/\s+/).filter(Boolean);
      tokens += a.length;
      if (got === s) {
        equal += a.length;
        continue;
      }
      const r = align(a, b);
      equal += r.equal;
      for (const d of r.diffs) errors.set(d, (errors.get(d) ?? 0) + 1);
    }
    const topErrors = [...errors].sort((x, y) => y[1] - x[1]).slice(0, 20);
    rows.push({ name, sentences: sentences.length, tokens, accuracy: equal / tokens, changed: changed / sentences.length, topErrors });
  }
  return rows;
}

/** A plain-text table of the rows, then each row's most frequent remaining errors. */
export function formatRestoration(rows: RestorationRow[]): string {
  const out = ['row                          sentences  tokens  accuracy  changed'];
  for (const r of rows) {
    out.push(
      `${r.name.padEnd(28)} ${String(r.sentences).padStart(9)} ${String(r.tokens).padStart(7)}  ${(r.accuracy * 100).toFixed(2).padStart(7)}%  ${(r.changed * 100).toFixed(1).padStart(6)}%`,
    );
  }
  for (const r of rows) {
    if (!r.topErrors.length) continue;
    out.push('', `Most frequent remaining errors, ${r.name}:`);
    for (const [e, c] of r.topErrors) out.push(`  ${String(c).padStart(4)}  ${e}`);
  }
  return out.join('\n');
}
