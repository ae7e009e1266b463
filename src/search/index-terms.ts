/**
 * What the full-text index stores for a story: three columns of analyzer terms, space-separated, in
 * an alphabet every engine's simple tokenizer keeps whole (SQLite FTS5 `ascii` or `unicode61` with `tokenchars`,
 * PostgreSQL `simple` tsvector). The search module owns this so that every store indexes the same way.
 */
import { CharClass, charClass, forEachToken, isStopword } from '../analysis/index.js';
import { compoundHead } from './compound-parts.js';
import type { Story } from '../story/index.js';

/** The index columns of one story. */
export interface IndexDocument {
  /** `fa` terms (lemmas, stopwords dropped) of the headline. */
  head: string;
  /** `fa` terms of the lead and body. */
  body: string;
  /** `fa-exact` terms (folded surface forms, every word) of headline, lead and body, for phrases. */
  exact: string;
}

/**
 * Characters a term may contain besides letters and digits: `#` joins a verb's two stems (کرد#کن),
 * `.` and `,` sit inside numbers (103.2). Anything else is replaced by `_` so that a tokenizer never
 * splits a term (FTS5: `tokenize = "ascii tokenchars '#.,_'"`, migrations/002-ranked-index.ts).
 */
export const TERM_TOKENCHARS = '#.,_';

/** A term in the index alphabet: letters, digits and {@link TERM_TOKENCHARS}; the rest becomes `_`. */
export function encodeTerm(term: string): string {
  // A char-code loop over the class table: a Unicode-property regex per term cost a third of indexing.
  for (let i = 0; i < term.length; i++) {
    const c = term.charCodeAt(i);
    const k = charClass(c);
    if (k !== CharClass.ArabicLetter && k !== CharClass.OtherLetter && k !== CharClass.Digit &&
      c !== 0x23 && c !== 0x2e && c !== 0x2c && c !== 0x5f) {
      return term.replace(/[^\p{L}\p{N}#.,_]/gu, '_');
    }
  }
  return term;
}

/** The text of a story that is indexed, in reading order: headline, lead, body paragraphs. */
export function storyText(story: Pick<Story, 'headline' | 'lead' | 'body'>): { head: string; rest: string } {
  return { head: story.headline, rest: [story.lead ?? '', ...story.body].filter(Boolean).join('\n\n') };
}

/** The index terms of a story as lists, before they are joined into columns. */
export interface IndexTerms {
  head: string[];
  body: string[];
  exact: string[];
}

/** Builds the index columns of a story in one analyzer pass per part. */
export function indexDocument(story: Pick<Story, 'headline' | 'lead' | 'body'>): IndexDocument {
  const t = indexTerms(story);
  return { head: t.head.join(' '), body: t.body.join(' '), exact: t.exact.join(' ') };
}

/** The terms of {@link indexDocument} as lists (for stores that count them rather than store the text). */
export function indexTerms(story: Pick<Story, 'headline' | 'lead' | 'body'>): IndexTerms {
  const { head, rest } = storyText(story);
  const headFa: string[] = [];
  const bodyFa: string[] = [];
  const exact: string[] = [];
  // One pass gives both columns: `exact` keeps every word (phrases), `fa` drops stopwords exactly as the
  // `fa` analyzer does (by folded surface form), so that queries and documents agree.
  const feed = (text: string, fa: string[]) =>
    forEachToken(text, (t) => {
      exact.push(encodeTerm(t.folded));
      if (!isStopword(t.folded)) {
        fa.push(encodeTerm(t.term));
        const head = compoundHead(t.term);
        if (head !== undefined) fa.push(encodeTerm(head));
      }
    }, { analyzer: 'fa', stopwords: false });
  feed(head, headFa);
  feed(rest, bodyFa);
  return { head: headFa, body: bodyFa, exact };
}
