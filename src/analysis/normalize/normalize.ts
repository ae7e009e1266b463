/**
 * The editorial normalizer («ویراستار»): display text in, corrected display text out.
 *
 * Two passes over char codes: {@link mapChars} (table-driven letter mappings), then one scan that
 * cuts the text into words, Latin runs, numbers, punctuation and white space and writes each out
 * corrected. Unchanged stretches are emitted as slices of the source, so clean modern copy costs a
 * few array pushes per line rather than a string per character. Lexicon lookups happen only inside
 * the word rules, and their answers are cached per distinct word.
 */
import { KhabarError, describeType } from '../../errors/index.js';
import { CharClass, charClass } from '../chars.js';
import { mapChars } from './char-map.js';
import { convertNumber, scanNumber } from './digits.js';
import { type NormalizeOptions, type ResolvedNormalizeOptions, optionsKey, resolveNormalizeOptions } from './options.js';
import { ELLIPSIS, PunctRole, persianPunct, punctRole } from './punctuation.js';
import { HASH_SEED, type WordEntry, WordTable, hashStep } from './word-table.js';
import { type ZwnjFlags, fixWord, joinRoles, joinWords, mayJoin } from './zwnj-rules.js';

/** What was emitted last, for spacing decisions. */
const enum Kind {
  Start = 0,
  WordFa = 1,
  WordLat = 2,
  Num = 3,
  Open = 4,
  Close = 5,
  Other = 6,
  LineStart = 7,
  Ellipsis = 8,
}

/** Words that follow a number without a space: ordinals and plurals (۲۰ام، ۱۰ها). */
const NUMBER_SUFFIXES = new Set(['ام', 'امین', 'م', 'مین', 'ها', 'های', 'ای', 'ی', 'ین', 'ے']);

/** A corrected word and its join roles. */
interface WordInfo {
  readonly w: string;
  readonly roles: number;
  /** The corrected word equals the source word, so it can be emitted as a slice of the source. */
  readonly same: boolean;
  /** The word is one that follows a number without a space (۲۰ام). */
  readonly numberSuffix: boolean;
}

/** Per option set: raw word → corrected word (words repeat heavily in news text), and pair → join. */
interface Caches {
  words: WordTable<WordInfo>;
}
const caches = new Map<number, Caches>();
const WORD_CACHE_LIMIT = 200_000;
/** Pair decisions kept per left word; a word rarely meets more distinct right neighbours in one run. */
const PAIRS_PER_WORD = 256;

function isWordClass(k: CharClass): boolean {
  return k === CharClass.ArabicLetter || k === CharClass.Mark || k === CharClass.Zwnj || k === CharClass.Joiner ||
    k === CharClass.Tatweel;
}

/**
 * Normalize Persian display text the way an agency copy desk would: Persian yeh/kaf, ZWNJ where
 * orthography wants it, Persian digits and punctuation in Persian context, clean spacing. See
 * {@link NormalizeOptions} for every rule and its default. Idempotent; letters of words change only by
 * the listed mappings.
 * @throws KhabarError INVALID_INPUT when `text` is not a string, INVALID_OPTION for an unknown option.
 */
export function normalize(text: string, options?: NormalizeOptions): string {
  if (typeof text !== 'string') {
    throw new KhabarError('INVALID_INPUT', `normalize expects text as a string, got ${describeType(text)}`);
  }
  const o = resolveNormalizeOptions(options);
  const mapped = mapChars(text, o);
  return new Pass(mapped, o).run();
}

class Pass {
  private readonly n: number;
  private readonly flags: ZwnjFlags;
  private readonly cache: Caches;
  /** The word the join look-ahead already read, reused when the scan reaches it. */
  private aheadStart = -1;
  private aheadEnd = -1;
  private aheadInfo: WordEntry<WordInfo> | undefined;
  private readonly parts: string[] = [];
  private spanStart = -1;
  private spanEnd = -1;
  private outEmpty = true;
  private prev: Kind = Kind.Start;
  private prevPersian = true;
  /** Script of the last letter-bearing token on this line: 0 none, 1 Arabic, 2 Latin. */
  private lastScript = 0;
  private lastWord = '';
  /** False after an abbreviation dot (ج.ا.ا) so that no space is forced after it. */
  private spaceAfterClose = true;
  private wsStart = -1;
  private wsEnd = -1;
  private wsNl = 0;
  private quoteClose = -1;

  constructor(
    private readonly s: string,
    private readonly o: ResolvedNormalizeOptions,
  ) {
    this.n = s.length;
    this.flags = {
      fix: o.fixZwnj,
      clean: o.cleanZwnj,
      redundant: o.removeRedundantZwnj,
      decrease: o.decreaseRepeatedChars,
    };
    const key = optionsKey(o);
    let c = caches.get(key);
    if (!c) {
      c = { words: new WordTable<WordInfo>(WORD_CACHE_LIMIT) };
      caches.set(key, c);
    }
    this.cache = c;
  }

  run(): string {
    const s = this.s;
    const n = this.n;
    let i = 0;
    while (i < n) {
      const c = s.charCodeAt(i);
      const k = charClass(c);
      if (k === CharClass.Space) i = this.space(i);
      else if (k === CharClass.ArabicLetter || k === CharClass.Mark || k === CharClass.Tatweel) i = this.word(i);
      else if (k === CharClass.Zwnj || k === CharClass.Joiner) i = this.word(i);
      else if (k === CharClass.Digit) i = this.number(i);
      else if (k === CharClass.OtherLetter) i = this.latin(i);
      else if (k === CharClass.Punct) i = this.punct(i);
      else {
        this.sep(Kind.Other, false);
        this.src(i, i + 1);
        this.prev = Kind.Other;
        i++;
      }
    }
    if (this.wsStart >= 0 && !this.o.collapseWhitespace) this.src(this.wsStart, this.wsEnd);
    this.flush();
    const p = this.parts;
    return p.length === 0 ? '' : p.length === 1 ? p[0]! : p.join('');
  }

  // ---- output -------------------------------------------------------------------------------

  /** Emit s[a, b), extending the pending source span when contiguous. */
  private src(a: number, b: number): void {
    if (this.spanEnd === a && this.spanStart >= 0) this.spanEnd = b;
    else {
      this.flush();
      this.spanStart = a;
      this.spanEnd = b;
    }
    this.outEmpty = false;
  }

  private str(x: string): void {
    this.flush();
    this.parts.push(x);
    this.outEmpty = false;
  }

  private flush(): void {
    if (this.spanStart >= 0) {
      if (this.spanEnd > this.spanStart) this.parts.push(this.s.slice(this.spanStart, this.spanEnd));
      this.spanStart = -1;
      this.spanEnd = -1;
    }
  }

  /** Emit `x`, as a source slice when it equals s[a, b). */
  private emit(x: string, a: number, b: number): void {
    if (x.length === b - a && this.s.startsWith(x, a)) this.src(a, b);
    else this.str(x);
  }

  /** Decide and emit the separator before a token of `kind`. */
  private sep(kind: Kind, persian: boolean, noDigitSpace = false): void {
    const o = this.o;
    if (this.wsStart >= 0) {
      const a = this.wsStart;
      const b = this.wsEnd;
      const nl = this.wsNl;
      this.wsStart = -1;
      this.wsNl = 0;
      if (!o.collapseWhitespace) {
        if (nl > 0 || !this.dropSpace(kind, persian)) this.src(a, b);
      } else if (this.outEmpty) {
        // leading white space is trimmed
      } else if (nl > 0) {
        this.emit(nl >= 2 ? '\n\n' : '\n', a, b);
      } else if (!this.dropSpace(kind, persian)) {
        this.emit(' ', a, b);
      }
      if (nl > 0) this.prev = Kind.LineStart;
      return;
    }
    if (this.outEmpty) return;
    const prev = this.prev;
    if (o.punctuationSpacing) {
      if (kind === Kind.WordFa && (prev === Kind.Close || prev === Kind.Ellipsis) && this.prevPersian && this.spaceAfterClose) {
        this.str(' ');
        return;
      }
      if (kind === Kind.Open && persian && prev === Kind.WordFa) {
        this.str(' ');
        return;
      }
    }
    if (o.spaceDigits) {
      if ((kind === Kind.Num && persian && prev === Kind.WordFa) ||
        (kind === Kind.WordFa && prev === Kind.Num && this.prevPersian && !noDigitSpace)) {
        this.str(' ');
      }
    }
  }

  /** Spacing rules that remove a written space. */
  private dropSpace(kind: Kind, persian: boolean): boolean {
    if (!this.o.punctuationSpacing) return false;
    const prev = this.prev;
    if (kind === Kind.Close && persian && (prev === Kind.WordFa || prev === Kind.Num || prev === Kind.Close)) return true;
    if (prev === Kind.Open && this.prevPersian && kind !== Kind.WordLat) return true;
    return false;
  }

  /** Persian context at `i`: the last letters on this line were Persian, or (at line start) the next ones are. */
  private persianCtx(i: number): boolean {
    if (this.lastScript !== 0) return this.lastScript === 1;
    const s = this.s;
    const end = Math.min(this.n, i + 200);
    for (let j = i + 1; j < end; j++) {
      const c = s.charCodeAt(j);
      if (c === 10 || c === 13) break;
      const k = charClass(c);
      if (k === CharClass.ArabicLetter) return true;
      if (k === CharClass.OtherLetter) return false;
    }
    return true;
  }

  // ---- tokens -------------------------------------------------------------------------------

  private space(i: number): number {
    const s = this.s;
    const n = this.n;
    const eatZwnj = this.o.cleanZwnj;
    let j = i;
    let nl = 0;
    while (j < n) {
      const c = s.charCodeAt(j);
      if (c === 10 || c === 0x2028 || c === 0x2029) nl++;
      else if (c === 13) {
        if (s.charCodeAt(j + 1) !== 10) nl++;
      } else if (!(charClass(c) === CharClass.Space || (eatZwnj && c === 0x200c))) break;
      j++;
    }
    if (this.wsStart < 0) this.wsStart = i;
    this.wsEnd = j;
    this.wsNl += nl;
    if (nl > 0) this.lastScript = 0;
    return j;
  }

  private readonly makeInfo = (raw: string): WordInfo => {
    const fixed = fixWord(raw, this.flags);
    return { w: fixed, roles: this.flags.fix ? joinRoles(fixed) : 0, same: fixed === raw, numberSuffix: NUMBER_SUFFIXES.has(fixed) };
  };

  /** The corrected form of the source word s[i, j) whose hash {@link scanWord} left in `wordHash`. */
  private fix(i: number, j: number): WordEntry<WordInfo> {
    return this.cache.words.get(this.s, i, j, this.wordHash, this.makeInfo);
  }

  /** joinWords for two cached words, itself cached on the left word by the right word's id. */
  private joinCached(a: WordEntry<WordInfo>, b: WordEntry<WordInfo>): string | undefined {
    let pairs = a.pairs;
    if (pairs === undefined) a.pairs = pairs = new Map();
    let joined = pairs.get(b.id);
    if (joined === undefined) {
      joined = joinWords(a.value.w, b.value.w, this.flags) ?? null;
      if (pairs.size >= PAIRS_PER_WORD) pairs.clear();
      pairs.set(b.id, joined);
    }
    return joined ?? undefined;
  }

  /**
   * ZWNJs and marks before a word's first letter, handled apart from the word so that the word's own
   * decisions see only its letters. Returns the index of the first letter, or `i` when no letter
   * follows (then the run is handled as a word of its own).
   */
  private leadingMarks(i: number): number {
    const s = this.s;
    let f = i;
    while (f < this.n) {
      const k = charClass(s.charCodeAt(f));
      if (k === CharClass.Mark || k === CharClass.Zwnj || k === CharClass.Joiner || k === CharClass.Tatweel) f++;
      else break;
    }
    if (f >= this.n || charClass(s.charCodeAt(f)) !== CharClass.ArabicLetter) return i;
    let hasMark = false;
    for (let k = i; k < f && !hasMark; k++) hasMark = charClass(s.charCodeAt(k)) === CharClass.Mark;
    // Marks with no letter before them are debris (a tanwin after a Latin word…): kept verbatim, ZWNJs
    // and all, so that a second pass segments the text exactly as this one did. A plain run of ZWNJs
    // before a word is an edge ZWNJ and goes.
    if (hasMark || !this.o.cleanZwnj) {
      this.sep(Kind.Other, true);
      this.src(i, f);
      this.prev = Kind.Other;
    }
    return f;
  }

  /** Hash of the last word {@link scanWord} read, for the word table. */
  private wordHash = HASH_SEED;

  /** End of the word starting at i; hashes it on the way. */
  private scanWord(i: number): number {
    const s = this.s;
    const n = this.n;
    let h = HASH_SEED;
    for (; i < n; i++) {
      const c = s.charCodeAt(i);
      if (!isWordClass(charClass(c))) break;
      h = hashStep(h, c);
    }
    this.wordHash = h;
    return i;
  }

  private word(i: number): number {
    const s = this.s;
    const n = this.n;
    if (charClass(s.charCodeAt(i)) !== CharClass.ArabicLetter) {
      const f = this.leadingMarks(i);
      if (f > i) i = f;
    }
    let j: number;
    let entry: WordEntry<WordInfo>;
    if (i === this.aheadStart && this.aheadInfo) {
      j = this.aheadEnd;
      entry = this.aheadInfo;
    } else {
      j = this.scanWord(i);
      entry = this.fix(i, j);
    }
    let cur = entry.value.w;
    if (cur.length === 0) {
      // only ZWNJs between spaces/punctuation: it separates like a space
      if (this.wsStart < 0) this.wsStart = i;
      this.wsEnd = j;
      return j;
    }
    if (this.o.fixZwnj) {
      let roles = entry.value.roles;
      // The left word as a cache entry while it is still a source word; a joined word has none.
      let left: WordEntry<WordInfo> | undefined = entry;
      for (;;) {
        let k = j;
        while (k < n) {
          const c = s.charCodeAt(k);
          if (c === 32 || c === 0xa0 || c === 0x200c || c === 9) k++;
          else break;
        }
        if (k === j || k >= n || charClass(s.charCodeAt(k)) !== CharClass.ArabicLetter) break;
        const e = this.scanWord(k);
        const next = this.fix(k, e);
        this.aheadStart = k;
        this.aheadEnd = e;
        this.aheadInfo = next;
        if (!mayJoin(roles, next.value.roles)) break;
        // «ماه می» is the month May, never a verb prefix
        if (cur === 'می' && this.lastWord === 'ماه') break;
        const joined = left ? this.joinCached(left, next) : joinWords(cur, next.value.w, this.flags);
        if (joined === undefined) break;
        cur = joined;
        roles = joinRoles(joined);
        left = undefined;
        j = e;
      }
    }
    if (cur === entry.value.w) {
      this.sep(Kind.WordFa, true, entry.value.numberSuffix);
      if (entry.value.same) this.src(i, j);
      else this.str(cur);
    } else {
      this.sep(Kind.WordFa, true, NUMBER_SUFFIXES.has(cur));
      this.emit(cur, i, j);
    }
    this.prev = Kind.WordFa;
    this.prevPersian = true;
    this.lastScript = 1;
    this.lastWord = cur;
    return j;
  }

  private number(i: number): number {
    const s = this.s;
    const e = scanNumber(s, i);
    if (e < this.n && charClass(s.charCodeAt(e)) === CharClass.OtherLetter) return this.latin(i);
    const persian = this.persianCtx(i);
    const conv = convertNumber(s, i, e, this.o.persianDigits && persian, this.o.decimalSeparator && persian);
    this.sep(Kind.Num, persian);
    if (conv === undefined) this.src(i, e);
    else this.str(conv);
    this.prev = Kind.Num;
    this.prevPersian = persian;
    return e;
  }

  private latin(i: number): number {
    const s = this.s;
    const n = this.n;
    const url = urlEnd(s, i);
    if (url > i) {
      this.sep(Kind.WordLat, false);
      this.src(i, url);
      this.prev = Kind.WordLat;
      this.prevPersian = false;
      return url;
    }
    let j = i;
    while (j < n) {
      const c = s.charCodeAt(j);
      const k = charClass(c);
      if (k === CharClass.OtherLetter || k === CharClass.Digit || k === CharClass.Mark) j++;
      else if (isLatinInner(c) && j + 1 < n && isAlnumClass(charClass(s.charCodeAt(j + 1))) && j > i) j += 2;
      else break;
    }
    this.sep(Kind.WordLat, false);
    this.src(i, j);
    this.prev = Kind.WordLat;
    this.prevPersian = false;
    this.lastScript = 2;
    return j;
  }

  private punct(i: number): number {
    const s = this.s;
    const o = this.o;
    const c = s.charCodeAt(i);
    if (c === 0x2e && o.ellipsis) {
      // Three or more dots, also typed with spaces between them (". . ."), which punctuation spacing
      // would otherwise close up into "..." for the next pass to turn into "…".
      let e = i + 1;
      let dots = 1;
      for (;;) {
        if (s.charCodeAt(e) === 0x2e) e++;
        else if (o.punctuationSpacing && s.charCodeAt(e) === 0x20 && s.charCodeAt(e + 1) === 0x2e) e += 2;
        else break;
        dots++;
      }
      if (dots >= 3) return this.ellipsis(i, e, ELLIPSIS);
    }
    if (c === 0x2026) return this.ellipsis(i, i + 1, ELLIPSIS);
    if (c === 0x22 && o.persianQuotes) {
      if (i === this.quoteClose) {
        this.quoteClose = -1;
        this.sep(Kind.Close, true);
        this.str('»');
        this.afterPunct(Kind.Close, true, true);
        return i + 1;
      }
      if (this.quoteClose < i) {
        const close = persianQuoteClose(s, i);
        if (close > 0) {
          this.quoteClose = close;
          this.sep(Kind.Open, true);
          this.str('«');
          this.afterPunct(Kind.Open, true, true);
          return i + 1;
        }
      }
    }
    const persian = this.persianCtx(i);
    const role = punctRole(c);
    const kind = role === PunctRole.Close ? Kind.Close : role === PunctRole.Open ? Kind.Open : Kind.Other;
    this.sep(kind, persian);
    const p = o.persianPunctuation && persian ? persianPunct(c) : undefined;
    if (p === undefined) this.src(i, i + 1);
    else this.str(p);
    // an abbreviation dot after a one-letter word (ج.ا.ا) takes no forced space
    const abbrev = c === 0x2e && this.prev === Kind.WordFa && this.lastWord.length <= 1;
    this.afterPunct(kind, persian, !abbrev);
    return i + 1;
  }

  private ellipsis(i: number, e: number, text: string): number {
    const persian = this.persianCtx(i);
    // the space before an ellipsis is kept as written: style guides differ
    if (this.wsStart >= 0 && this.o.collapseWhitespace && !this.outEmpty && this.wsNl === 0) {
      this.wsStart = -1;
      this.str(' ');
    } else this.sep(Kind.Ellipsis, persian);
    this.emit(this.o.ellipsis ? text : this.s.slice(i, e), i, e);
    this.afterPunct(Kind.Ellipsis, persian, true);
    return e;
  }

  private afterPunct(kind: Kind, persian: boolean, spaceAfter: boolean): void {
    this.prev = kind;
    this.prevPersian = persian;
    this.spaceAfterClose = spaceAfter;
  }
}

function isAlnumClass(k: CharClass): boolean {
  return k === CharClass.OtherLetter || k === CharClass.Digit;
}

/** Joiners inside one Latin token: A-320, e.g., O'Neil, C++, C#, R&D, km/h. */
function isLatinInner(c: number): boolean {
  return c === 0x2d || c === 0x2e || c === 0x5f || c === 0x27 || c === 0x2019 || c === 0x2b || c === 0x23 ||
    c === 0x26 || c === 0x2f;
}

/**
 * End of a URL or e-mail address starting at `i` (scheme://…, www.…, local@domain.tld), or -1.
 * Trailing sentence punctuation is not part of the address.
 */
function urlEnd(s: string, i: number): number {
  const limit = Math.min(s.length, i + 2048);
  let e = i;
  while (e < limit) {
    const k = charClass(s.charCodeAt(e));
    if (k === CharClass.Space || k === CharClass.ArabicLetter) break;
    e++;
  }
  if (e - i < 5) return -1;
  const tok = s.slice(i, e);
  if (!/^(?:[a-z][a-z0-9+.-]*:\/\/|www\.)/i.test(tok) && !/^[^@]+@[^@]+\.[a-z]/i.test(tok)) return -1;
  while (e > i && '.,;:!?)»"\'،؛؟'.includes(s.charAt(e - 1))) e--;
  return e;
}

/** Position of the `"` closing a quotation that opens at `i` and starts with Persian, or -1. */
function persianQuoteClose(s: string, i: number): number {
  const limit = Math.min(s.length, i + 2000);
  let firstScript = 0;
  for (let j = i + 1; j < limit; j++) {
    const c = s.charCodeAt(j);
    if (c === 10 || c === 13) return -1;
    if (c === 0x22) return firstScript === 1 ? j : -1;
    if (firstScript === 0) {
      const k = charClass(c);
      if (k === CharClass.ArabicLetter) firstScript = 1;
      else if (k === CharClass.OtherLetter) firstScript = 2;
    }
  }
  return -1;
}
