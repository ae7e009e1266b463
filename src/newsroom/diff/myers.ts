/**
 * A shortest edit script between two sequences: Myers' O(ND) algorithm in its linear-space form
 * (E. W. Myers, "An O(ND) Difference Algorithm and Its Variations", Algorithmica 1986, §4b): find the
 * middle snake of an optimal path by searching from both ends at once, split there, recurse. Memory
 * is O(N+M) — two arrays of diagonals — instead of the O(D²) trace of the greedy form; the bisection
 * follows Neil Fraser's diff-match-patch (Apache-2.0), which ported the paper to practice. Common
 * prefixes and suffixes are trimmed first at every level, which is most of the work for two versions
 * of one story.
 */

/** One stretch of an edit script: `a[aStart..aEnd)` equals, is deleted from, or `b[bStart..bEnd)` is added. */
export interface SequenceEdit {
  op: 'same' | 'del' | 'add';
  aStart: number;
  aEnd: number;
  bStart: number;
  bEnd: number;
}

/**
 * Edit script turning `a` into `b`, elements compared with `===`: stretches in order, adjacent ones of
 * one kind merged; `same` and `del` cover `a` exactly, `same` and `add` cover `b`.
 */
export function diffSequences<T>(a: readonly T[], b: readonly T[], options: DiffOptions = {}): SequenceEdit[] {
  const ids = new Map<T, number>();
  const toIds = (xs: readonly T[]): Int32Array => {
    const out = new Int32Array(xs.length);
    for (let i = 0; i < xs.length; i++) {
      let id = ids.get(xs[i]!);
      if (id === undefined) ids.set(xs[i]!, (id = ids.size));
      out[i] = id;
    }
    return out;
  };
  return diffIds(toIds(a), toIds(b), options);
}

/** Options of {@link diffIds}. */
export interface DiffOptions {
  /**
   * Most diagonal steps to spend searching (default {@link DEFAULT_DIFF_COST}). The search is
   * O((N+M)·D): near-identical versions cost little, but two unrelated long texts cost up to N·M.
   * Past the budget, what is left unsearched is reported as deleted and added whole — still exact,
   * no longer minimal.
   */
  maxCost?: number;
}

/**
 * Default search budget: about 0.1 s on a 2-core machine. Two versions of a 5,000-word story with a
 * word in twenty changed need well under a tenth of it, with every other word changed most of it;
 * two unrelated 5,000-word texts would need 0.75 s for a minimal diff nobody wants to read.
 */
export const DEFAULT_DIFF_COST = 10_000_000;

/** {@link diffSequences} on integer ids (what the word diff calls after interning its tokens). */
export function diffIds(a: Int32Array, b: Int32Array, options: DiffOptions = {}): SequenceEdit[] {
  const budget = { left: options.maxCost ?? DEFAULT_DIFF_COST };
  const out: SequenceEdit[] = [];
  const emit = (op: SequenceEdit['op'], aStart: number, aEnd: number, bStart: number, bEnd: number): void => {
    if (aStart === aEnd && bStart === bEnd) return;
    const last = out[out.length - 1];
    if (last && last.op === op && last.aEnd === aStart && last.bEnd === bStart) {
      last.aEnd = aEnd;
      last.bEnd = bEnd;
    } else out.push({ op, aStart, aEnd, bStart, bEnd });
  };

  const compare = (aLo: number, aHi: number, bLo: number, bHi: number): void => {
    let p = 0;
    while (aLo + p < aHi && bLo + p < bHi && a[aLo + p] === b[bLo + p]) p++;
    emit('same', aLo, aLo + p, bLo, bLo + p);
    aLo += p;
    bLo += p;
    let s = 0;
    while (aHi - s > aLo && bHi - s > bLo && a[aHi - s - 1] === b[bHi - s - 1]) s++;
    aHi -= s;
    bHi -= s;
    if (aLo === aHi) emit('add', aLo, aLo, bLo, bHi);
    else if (bLo === bHi) emit('del', aLo, aHi, bLo, bLo);
    else {
      const split = bisect(a, b, aLo, aHi, bLo, bHi, budget);
      // After trimming, the ends differ and D ≥ 2, so the paths meet after ⌈D/2⌉ < D forward steps,
      // strictly inside the grid: both halves are smaller. The check only guards the recursion.
      if (split && split[0] + split[1] > aLo + bLo && split[0] + split[1] < aHi + bHi) {
        compare(aLo, split[0], bLo, split[1]);
        compare(split[0], aHi, split[1], bHi);
      } else {
        emit('del', aLo, aHi, bLo, bLo);
        emit('add', aHi, aHi, bLo, bHi);
      }
    }
    emit('same', aHi, aHi + s, bHi, bHi + s);
  };

  compare(0, a.length, 0, b.length);
  return out;
}

/**
 * Finds where an optimal path crosses its middle: runs the forward and reverse greedy searches
 * alternately, D-paths on diagonals k, until they overlap. Returns the point (absolute indices), or
 * undefined when the budget runs out first (they always meet for non-empty inputs whose ends differ).
 */
function bisect(
  a: Int32Array, b: Int32Array, aLo: number, aHi: number, bLo: number, bHi: number, budget: { left: number },
): [number, number] | undefined {
  const n = aHi - aLo;
  const m = bHi - bLo;
  const maxD = Math.ceil((n + m) / 2);
  const offset = maxD + 1;
  const size = 2 * maxD + 3;
  // v1[offset + k]: furthest x reached on diagonal k going forward; v2: the same from the end backwards.
  const v1 = new Int32Array(size).fill(-1);
  const v2 = new Int32Array(size).fill(-1);
  v1[offset + 1] = 0;
  v2[offset + 1] = 0;
  const delta = n - m;
  // With an odd delta the paths can first meet on a forward step, with an even one on a reverse step.
  const front = delta % 2 !== 0;
  // Diagonals that ran off the grid are skipped from then on.
  let k1start = 0;
  let k1end = 0;
  let k2start = 0;
  let k2end = 0;
  for (let d = 0; d < maxD; d++) {
    // Each d costs a step per diagonal searched, both ways.
    budget.left -= 2 * d + 2;
    if (budget.left < 0) return undefined;
    for (let k1 = -d + k1start; k1 <= d - k1end; k1 += 2) {
      const i1 = offset + k1;
      let x1 = k1 === -d || (k1 !== d && v1[i1 - 1]! < v1[i1 + 1]!) ? v1[i1 + 1]! : v1[i1 - 1]! + 1;
      let y1 = x1 - k1;
      while (x1 < n && y1 < m && a[aLo + x1] === b[bLo + y1]) {
        x1++;
        y1++;
      }
      v1[i1] = x1;
      if (x1 > n) k1end += 2;
      else if (y1 > m) k1start += 2;
      else if (front) {
        const i2 = offset + delta - k1;
        if (i2 >= 0 && i2 < size && v2[i2] !== -1 && x1 >= n - v2[i2]!) return [aLo + x1, bLo + y1];
      }
    }
    for (let k2 = -d + k2start; k2 <= d - k2end; k2 += 2) {
      const i2 = offset + k2;
      let x2 = k2 === -d || (k2 !== d && v2[i2 - 1]! < v2[i2 + 1]!) ? v2[i2 + 1]! : v2[i2 - 1]! + 1;
      let y2 = x2 - k2;
      while (x2 < n && y2 < m && a[aHi - x2 - 1] === b[bHi - y2 - 1]) {
        x2++;
        y2++;
      }
      v2[i2] = x2;
      if (x2 > n) k2end += 2;
      else if (y2 > m) k2start += 2;
      else if (!front) {
        const i1 = offset + delta - k2;
        if (i1 >= 0 && i1 < size && v1[i1] !== -1) {
          const x1 = v1[i1]!;
          const y1 = x1 - (i1 - offset);
          if (x1 >= n - x2) return [aLo + x1, bLo + y1];
        }
      }
    }
  }
  return undefined;
}
