import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { diffIds, diffSequences } from './myers.js';
import { diffSide, diffTokens, diffWords, isUnchanged } from './word-diff.js';
import type { DiffRun } from './word-diff.js';

const ZWNJ = '\u200C';

describe('diffTokens', () => {
  it('keeps ZWNJ inside words, cuts punctuation off, keeps numbers whole', () => {
    expect(diffTokens(`همکاری${ZWNJ}های ایران، «ترکیه» و ۱۲٫۵ درصد در ۱۴۰۳/۰۵/۱۲.`)).toEqual([
      `همکاری${ZWNJ}های`, ' ', 'ایران', '،', ' ', '«', 'ترکیه', '»', ' ', 'و', ' ', '۱۲٫۵', ' ', 'درصد', ' ', 'در', ' ', '۱۴۰۳/۰۵/۱۲', '.',
    ]);
    expect(diffTokens('می\u200Cگوید:  3.14, 1,000 و U.S.\n')).toEqual(
      ['می\u200Cگوید', ':', '  ', '3.14', ',', ' ', '1,000', ' ', 'و', ' ', 'U', '.', 'S', '.', '\n']);
    expect(diffTokens('')).toEqual([]);
  });
});

describe('diffWords', () => {
  it('a ZWNJ spelling change is a changed word: «همکاری‌های» vs «همکاری های»', () => {
    expect(diffWords(`همکاری${ZWNJ}های دو کشور`, 'همکاری های دو کشور')).toEqual([
      { op: 'del', text: `همکاری${ZWNJ}های ` },
      { op: 'add', text: 'همکاری های ' },
      { op: 'same', text: 'دو کشور' },
    ]);
    expect(diffWords('می داند', `می${ZWNJ}داند`)).toEqual([{ op: 'del', text: 'می داند' }, { op: 'add', text: `می${ZWNJ}داند` }]);
  });

  it('words and marks, not spaces, are aligned; punctuation changes alone', () => {
    expect(diffWords('وزیر امور خارجه گفت، این سفر مهم است.', 'وزیر خارجه روز دوشنبه گفت: این سفر بسیار مهم است.')).toEqual([
      { op: 'same', text: 'وزیر ' },
      { op: 'del', text: 'امور ' },
      { op: 'same', text: 'خارجه ' },
      { op: 'add', text: 'روز دوشنبه ' },
      { op: 'same', text: 'گفت' },
      { op: 'del', text: '، ' },
      { op: 'add', text: ': ' },
      { op: 'same', text: 'این سفر ' },
      { op: 'add', text: 'بسیار ' },
      { op: 'same', text: 'مهم است.' },
    ]);
    expect(diffWords('پایان پیام', 'پایان پیام.')).toEqual([{ op: 'same', text: 'پایان پیام' }, { op: 'add', text: '.' }]);
  });

  it('a rewritten phrase is one deletion and one addition; changed spacing shows', () => {
    expect(diffWords('الف ب پ ت ث', 'ج چ ح ت ث')).toEqual([
      { op: 'del', text: 'الف ب پ ' }, { op: 'add', text: 'ج چ ح ' }, { op: 'same', text: 'ت ث' },
    ]);
    expect(diffWords('سلام  دنیا', 'سلام دنیا')).toEqual([
      { op: 'same', text: 'سلام' }, { op: 'del', text: '  ' }, { op: 'add', text: ' ' }, { op: 'same', text: 'دنیا' },
    ]);
    expect(diffWords(' خبر', 'خبر')).toEqual([{ op: 'del', text: ' ' }, { op: 'same', text: 'خبر' }]);
  });

  it('edges: empty sides, identical texts', () => {
    expect(diffWords('', '')).toEqual([]);
    expect(diffWords('', 'تیتر تازه')).toEqual([{ op: 'add', text: 'تیتر تازه' }]);
    expect(diffWords('تیتر کهنه', '')).toEqual([{ op: 'del', text: 'تیتر کهنه' }]);
    expect(diffWords('یک خبر', 'یک خبر')).toEqual([{ op: 'same', text: 'یک خبر' }]);
  });
});

/* Property tests. Texts are drawn from Persian words (some with ZWNJ), punctuation, digits and
 * spaces of several kinds, so that both sides share words; and from arbitrary strings. */
const WORDS = ['خبر', 'ایران', 'همکاری', `همکاری${ZWNJ}های`, 'های', 'می', `می${ZWNJ}گوید`, 'گفت', 'و', 'در', 'سال',
  '۱۴۰۳', '۱۲٫۵', 'تهران', 'دولت', 'UN', 'report'];
const PIECES = [...WORDS, ' ', ' ', ' ', '  ', '\n', '\u00A0', '،', '.', '«', '»', '؛', '؟', ZWNJ];
const text = fc.array(fc.constantFrom(...PIECES), { maxLength: 60 }).map((xs) => xs.join(''));
const anyText = fc.oneof(text, fc.string({ unit: 'grapheme', maxLength: 40 }), fc.string({ unit: 'binary', maxLength: 40 }));
/** A text and an edit of it: some pieces dropped, some inserted. */
const pair = fc.tuple(fc.array(fc.constantFrom(...PIECES), { maxLength: 60 }), fc.array(fc.tuple(fc.nat(60), fc.constantFrom(...PIECES, '')), { maxLength: 12 }))
  .map(([xs, edits]) => {
    const ys = [...xs];
    for (const [at, piece] of edits) {
      if (piece === '') ys.splice(at % (ys.length + 1), 1);
      else ys.splice(at % (ys.length + 1), 0, piece);
    }
    return [xs.join(''), ys.join('')] as const;
  });

function wellFormed(runs: DiffRun[]): void {
  for (let i = 0; i < runs.length; i++) {
    expect(runs[i]!.text).not.toBe('');
    if (i > 0) {
      expect(runs[i]!.op).not.toBe(runs[i - 1]!.op);
      expect(runs[i - 1]!.op === 'add' && runs[i]!.op === 'del').toBe(false);
    }
  }
}

describe('diffWords properties', () => {
  it('same+del rebuilds a, same+add rebuilds b, runs are well formed', () => {
    fc.assert(fc.property(fc.oneof(pair, fc.tuple(anyText, anyText)), ([a, b]) => {
      const runs = diffWords(a, b);
      expect(diffSide(runs, 'a')).toBe(a);
      expect(diffSide(runs, 'b')).toBe(b);
      wellFormed(runs);
    }), { numRuns: 2000 });
  });

  it('identical inputs are all same', () => {
    fc.assert(fc.property(anyText, (a) => {
      const runs = diffWords(a, `${a}`);
      expect(isUnchanged(runs)).toBe(true);
      expect(runs.length).toBe(a === '' ? 0 : 1);
    }));
  });

  it('tokens concatenate to the text', () => {
    fc.assert(fc.property(anyText, (t) => {
      expect(diffTokens(t).join('')).toBe(t);
    }), { numRuns: 1000 });
  });

  it('every shared word that can be kept is kept: the unchanged words are a longest common subsequence', () => {
    fc.assert(fc.property(pair, ([a, b]) => {
      const words = (t: string): string[] => diffTokens(t).filter((w) => w.trim() !== '' && w !== '\u00A0');
      const kept = diffWords(a, b).filter((r) => r.op === 'same').flatMap((r) => words(r.text));
      expect(kept.length).toBe(lcsLength(words(a), words(b)));
    }), { numRuns: 1000 });
  });
});

describe('diffSequences (Myers, linear space)', () => {
  it('is a shortest edit script: as many kept elements as the longest common subsequence', () => {
    const seq = fc.array(fc.integer({ min: 0, max: 5 }), { maxLength: 80 });
    fc.assert(fc.property(seq, seq, (a, b) => {
      const edits = diffSequences(a, b);
      const rebuiltA: number[] = [];
      const rebuiltB: number[] = [];
      let same = 0;
      for (const e of edits) {
        if (e.op !== 'add') rebuiltA.push(...a.slice(e.aStart, e.aEnd));
        if (e.op !== 'del') rebuiltB.push(...b.slice(e.bStart, e.bEnd));
        if (e.op === 'same') {
          expect(a.slice(e.aStart, e.aEnd)).toEqual(b.slice(e.bStart, e.bEnd));
          same += e.aEnd - e.aStart;
        }
      }
      expect(rebuiltA).toEqual(a);
      expect(rebuiltB).toEqual(b);
      expect(same).toBe(lcsLength(a, b));
    }), { numRuns: 3000 });
  });

  it('with a tiny budget it gives up on the middle but stays exact', () => {
    const seq = fc.array(fc.integer({ min: 0, max: 5 }), { maxLength: 80 });
    fc.assert(fc.property(seq, seq, fc.nat(50), (a, b, maxCost) => {
      const edits = diffIds(Int32Array.from(a), Int32Array.from(b), { maxCost });
      const rebuiltA = edits.flatMap((e) => (e.op === 'add' ? [] : a.slice(e.aStart, e.aEnd)));
      const rebuiltB = edits.flatMap((e) => (e.op === 'del' ? [] : b.slice(e.bStart, e.bEnd)));
      expect(rebuiltA).toEqual(a);
      expect(rebuiltB).toEqual(b);
    }), { numRuns: 1000 });
  });
});

describe('size', () => {
  // A 5,000-word story: words from a 400-word vocabulary, so that unrelated texts still share words.
  const vocab = Array.from({ length: 400 }, (_, i) => `واژه${String.fromCharCode(0x627 + (i % 20))}${i}`);
  let seed = 7;
  const rand = (n: number): number => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) % n);
  const story = (n: number): string[] => Array.from({ length: n }, () => vocab[rand(vocab.length)]!);

  it('two versions of a 5,000-word story with edits all through: fast and exact', () => {
    const a = story(5000);
    const b = a.flatMap((w, i) => (i % 50 === 0 ? [] : i % 37 === 0 ? [w, 'تازه'] : i % 41 === 0 ? ['دیگر'] : [w]));
    const t = performance.now();
    const runs = diffWords(a.join(' '), b.join(' '));
    const ms = performance.now() - t;
    expect(diffSide(runs, 'a')).toBe(a.join(' '));
    expect(diffSide(runs, 'b')).toBe(b.join(' '));
    expect(ms).toBeLessThan(500);
  });

  it('a 5,000-word story with most words changed: still minimal, in the default budget', () => {
    const a = story(5000);
    const b = a.flatMap((w, i) => (i % 5 === 0 ? [] : i % 7 === 0 ? [w, 'تازه'] : i % 3 === 0 ? ['دیگر'] : [w]));
    const t = performance.now();
    const runs = diffWords(a.join(' '), b.join(' '));
    const ms = performance.now() - t;
    const kept = runs.filter((r) => r.op === 'same').flatMap((r) => r.text.split(' ').filter(Boolean));
    expect(kept.length).toBe(lcsLength(a, b));
    expect(ms).toBeLessThan(1000);
  });

  it('two unrelated 5,000-word stories: the budget runs out, the diff is still exact, and quick', () => {
    const a = story(5000).join(' ');
    const b = story(5000).join('، ');
    const t = performance.now();
    const runs = diffWords(a, b);
    const ms = performance.now() - t;
    expect(diffSide(runs, 'a')).toBe(a);
    expect(diffSide(runs, 'b')).toBe(b);
    expect(ms).toBeLessThan(1000);
    // A budget large enough finds the words they share.
    const full = diffWords(a, b, { maxCost: 1e9 });
    expect(full.some((r) => r.op === 'same')).toBe(true);
    expect(diffSide(full, 'b')).toBe(b);
  });
});

function lcsLength<T>(a: readonly T[], b: readonly T[]): number {
  let prev = new Array<number>(b.length + 1).fill(0);
  for (let i = 1; i <= a.length; i++) {
    const cur = new Array<number>(b.length + 1).fill(0);
    for (let j = 1; j <= b.length; j++) cur[j] = a[i - 1] === b[j - 1] ? prev[j - 1]! + 1 : Math.max(prev[j]!, cur[j - 1]!);
    prev = cur;
  }
  return prev[b.length]!;
}
