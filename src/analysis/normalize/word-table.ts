/**
 * A cache from a word as it stands in the source text to what the normalizer made of it, looked up by
 * the word's position in the source: the hash is computed over the code units in place and a hit
 * compares code units, so the hot path allocates no string for the ~95% of words seen before. A Map
 * keyed by `s.slice(i, j)` spent a third of normalize's time creating and hashing those slices.
 */

const HOT_SIZE = 4096;
const HOT_MASK = HOT_SIZE - 1;

/** Start value of the word hash (FNV-1a offset basis). */
export const HASH_SEED = 0x811c9dc5 | 0;

/** One FNV-1a step over a UTF-16 code unit. */
export function hashStep(h: number, code: number): number {
  return Math.imul(h ^ code, 0x01000193);
}

/** key === s.slice(i, i + len), without making the slice (a plain loop beats startsWith on short words). */
function sameRange(key: string, s: string, i: number, len: number): boolean {
  if (key.length !== len) return false;
  for (let k = 0; k < len; k++) if (key.charCodeAt(k) !== s.charCodeAt(i + k)) return false;
  return true;
}

/** A cached value and the dense id of its entry (stable until the table is cleared). */
export interface WordEntry<V> {
  readonly key: string;
  readonly value: V;
  readonly id: number;
  /** Decisions about this word followed by another entry (by the other's id), filled by the caller. */
  pairs: Map<number, string | null> | undefined;
}

/** Open-addressing hash table keyed by source ranges. Cleared wholesale when full. */
export class WordTable<V> {
  private keys: (string | undefined)[];
  private entries: (WordEntry<V> | undefined)[];
  private hashes: Int32Array;
  private hot: (WordEntry<V> | undefined)[] = new Array<WordEntry<V> | undefined>(HOT_SIZE);
  private hotHashes = new Int32Array(HOT_SIZE);
  private mask: number;
  private count = 0;
  /** Bumped on every clear, so that callers caching by entry id know their ids are stale. */
  generation = 0;

  /** @param capacity maximum number of words held before the table starts afresh (power of two × ½). */
  constructor(private readonly capacity: number) {
    let size = 1;
    while (size < capacity * 2) size <<= 1;
    this.keys = new Array<string | undefined>(size);
    this.entries = new Array<WordEntry<V> | undefined>(size);
    this.hashes = new Int32Array(size);
    this.mask = size - 1;
  }

  /**
   * The entry for s[i, j), computing it with `make` on a miss. `h` is {@link hashStep} folded over the
   * range's code units from {@link HASH_SEED}, which the caller computes while it scans the word.
   */
  get(s: string, i: number, j: number, h: number, make: (word: string) => V): WordEntry<V> {
    const len = j - i;
    // A small direct-mapped table in front: the few thousand commonest words make most of any news
    // text, and this one stays in the CPU cache where the big table's random probes do not.
    const hot = h & HOT_MASK;
    const he = this.hot[hot];
    if (he !== undefined && this.hotHashes[hot] === h && sameRange(he.key, s, i, len)) return he;
    const found = this.lookup(s, i, j, h, make);
    this.hot[hot] = found;
    this.hotHashes[hot] = h;
    return found;
  }

  private lookup(s: string, i: number, j: number, h: number, make: (word: string) => V): WordEntry<V> {
    const len = j - i;
    let slot = h & this.mask;
    for (;;) {
      const key = this.keys[slot];
      if (key === undefined) break;
      if (this.hashes[slot] === h && sameRange(key, s, i, len)) return this.entries[slot]!;
      slot = (slot + 1) & this.mask;
    }
    if (this.count >= this.capacity) {
      this.clear();
      return this.lookup(s, i, j, h, make);
    }
    const word = s.slice(i, j);
    const entry: WordEntry<V> = { key: word, value: make(word), id: this.count++, pairs: undefined };
    this.keys[slot] = word;
    this.hashes[slot] = h;
    this.entries[slot] = entry;
    return entry;
  }

  private clear(): void {
    this.keys = new Array<string | undefined>(this.keys.length);
    this.entries = new Array<WordEntry<V> | undefined>(this.entries.length);
    this.hot = new Array<WordEntry<V> | undefined>(HOT_SIZE);
    this.count = 0;
    this.generation++;
  }
}
