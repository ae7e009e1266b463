/**
 * Two versions of a story compared field by field, for the version view (issue #6): headline and lead
 * word by word, the body paragraph by paragraph (unchanged, added, deleted, or changed with its word
 * diff), keywords as a list, urgency as a value.
 *
 * Paragraphs are aligned by Myers on whole paragraphs; inside a stretch where both sides changed,
 * old and new paragraphs are paired by word overlap (an order-keeping alignment that maximizes the
 * pairs' similarity), so inserting a paragraph before an edited one still shows the edit as an edit.
 */
import type { Story } from '../../story/index.js';
import { diffSequences } from './myers.js';
import { diffTokens, diffWords, isUnchanged } from './word-diff.js';
import type { DiffOp, DiffRun } from './word-diff.js';

/** One body paragraph in the comparison. */
export interface ParagraphDiff {
  /** `same`: unchanged; `add`/`del`: only in the new/old version; `change`: edited, see `runs`. */
  op: DiffOp | 'change';
  /** The paragraph's word diff (one run for same, add and del). */
  runs: DiffRun[];
}

/** A keyword kept, added or removed. */
export interface KeywordDiff {
  op: DiffOp;
  text: string;
}

/** Two versions of a story compared. */
export interface StoryDiff {
  headline: DiffRun[];
  /** The lead's word diff (a missing lead is empty text). */
  lead: DiffRun[];
  body: ParagraphDiff[];
  keywords: KeywordDiff[];
  urgency: { a: number | undefined; b: number | undefined; changed: boolean };
  /** True when any of the fields above differ. */
  changed: boolean;
}

/**
 * Paragraphs share enough words to be shown as one edited paragraph (Jaccard similarity of their
 * word sets). Below it, an old and a new paragraph are shown as one deleted and one added.
 */
export const PARAGRAPH_SIMILARITY = 0.4;
/** A changed stretch with more old × new paragraph pairs than this is paired in order instead (cost guard). */
const MAX_PAIRING_CELLS = 10_000;

/** Compares story `a` (old) with `b` (new). */
export function diffStories(a: Story, b: Story): StoryDiff {
  const headline = diffWords(a.headline, b.headline);
  const lead = diffWords(a.lead ?? '', b.lead ?? '');
  const body = diffParagraphs(a.body, b.body);
  const keywords = diffSequences(a.keywords, b.keywords).flatMap((e): KeywordDiff[] =>
    e.op === 'add' ? b.keywords.slice(e.bStart, e.bEnd).map((text) => ({ op: 'add', text }))
      : a.keywords.slice(e.aStart, e.aEnd).map((text) => ({ op: e.op, text })));
  const urgency = { a: a.urgency, b: b.urgency, changed: a.urgency !== b.urgency };
  const changed = !isUnchanged(headline) || !isUnchanged(lead) || body.some((p) => p.op !== 'same') ||
    keywords.some((k) => k.op !== 'same') || urgency.changed;
  return { headline, lead, body, keywords, urgency, changed };
}

/** Body paragraphs compared: aligned whole, then changed stretches paired by similarity. */
export function diffParagraphs(a: readonly string[], b: readonly string[]): ParagraphDiff[] {
  const out: ParagraphDiff[] = [];
  const edits = diffSequences(a, b);
  for (let i = 0; i < edits.length; i++) {
    const e = edits[i]!;
    if (e.op === 'same') {
      for (const p of a.slice(e.aStart, e.aEnd)) out.push({ op: 'same', runs: p === '' ? [] : [{ op: 'same', text: p }] });
      continue;
    }
    // A changed stretch: every deletion and addition up to the next unchanged paragraph.
    const dels: string[] = [];
    const adds: string[] = [];
    for (; i < edits.length && edits[i]!.op !== 'same'; i++) {
      const c = edits[i]!;
      if (c.op === 'del') dels.push(...a.slice(c.aStart, c.aEnd));
      else adds.push(...b.slice(c.bStart, c.bEnd));
    }
    i--;
    out.push(...pairParagraphs(dels, adds));
  }
  return out;
}

/** Old and new paragraphs of one changed stretch, in order, edited ones paired. */
function pairParagraphs(dels: readonly string[], adds: readonly string[]): ParagraphDiff[] {
  const whole = (op: 'add' | 'del', p: string): ParagraphDiff => ({ op, runs: p === '' ? [] : [{ op, text: p }] });
  if (dels.length === 0 || adds.length === 0) return [...dels.map((p) => whole('del', p)), ...adds.map((p) => whole('add', p))];
  const m = dels.length;
  const n = adds.length;
  const delWords = dels.map(wordSet);
  const addWords = adds.map(wordSet);
  const sim = (i: number, j: number): number => similarity(delWords[i]!, addWords[j]!);
  // [old, new] paragraph pairs shown as edits, in order.
  const pairs: Array<[number, number]> = [];
  if (m * n > MAX_PAIRING_CELLS) {
    for (let k = 0; k < Math.min(m, n); k++) if (sim(k, k) >= PARAGRAPH_SIMILARITY) pairs.push([k, k]);
  } else {
    // score[i][j]: best total similarity aligning dels[i..] with adds[j..] (pairs must be similar enough).
    const score = new Float64Array((m + 1) * (n + 1));
    const at = (i: number, j: number): number => i * (n + 1) + j;
    for (let i = m - 1; i >= 0; i--) {
      for (let j = n - 1; j >= 0; j--) {
        const s = sim(i, j);
        const pair = s >= PARAGRAPH_SIMILARITY ? s + score[at(i + 1, j + 1)]! : -1;
        score[at(i, j)] = Math.max(pair, score[at(i + 1, j)]!, score[at(i, j + 1)]!);
      }
    }
    for (let i = 0, j = 0; i < m && j < n;) {
      const s = sim(i, j);
      if (s >= PARAGRAPH_SIMILARITY && score[at(i, j)] === s + score[at(i + 1, j + 1)]!) {
        pairs.push([i, j]);
        i++;
        j++;
      } else if (score[at(i, j)] === score[at(i + 1, j)]) i++;
      else j++;
    }
  }
  const out: ParagraphDiff[] = [];
  let i = 0;
  let j = 0;
  for (const [pi, pj] of [...pairs, [m, n] as [number, number]]) {
    while (i < pi) out.push(whole('del', dels[i++]!));
    while (j < pj) out.push(whole('add', adds[j++]!));
    if (pi < m && pj < n) {
      out.push({ op: 'change', runs: diffWords(dels[pi]!, adds[pj]!) });
      i++;
      j++;
    }
  }
  return out;
}

function wordSet(p: string): Set<string> {
  return new Set(diffTokens(p).filter((t) => t.trim() !== ''));
}

function similarity(x: Set<string>, y: Set<string>): number {
  if (x.size === 0 && y.size === 0) return 1;
  let common = 0;
  for (const w of x) if (y.has(w)) common++;
  return common / (x.size + y.size - common);
}
