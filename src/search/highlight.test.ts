import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fold, getLexicon, isStopword } from '../analysis/index.js';
import type { Story } from '../story/index.js';
import { highlight } from './highlight.js';
import { highlightHtml } from './highlight-html.js';
import { compileQuery } from './query-analyze.js';
import type { Highlight } from './search-types.js';
import { SNIPPET_LENGTH } from './snippet.js';

type Parts = Pick<Story, 'headline' | 'lead' | 'body'>;

function fieldText(story: Parts, h: Highlight): string {
  if (h.field === 'headline') return story.headline;
  if (h.field === 'lead') return story.lead ?? '';
  return story.body[h.paragraph!]!;
}

/** The invariants every highlight keeps. */
function checkInvariants(story: Parts, hs: Highlight[]): void {
  expect(hs[0]!.field).toBe('headline');
  expect(hs[0]!.text).toBe(story.headline);
  for (const h of hs) {
    const f = fieldText(story, h);
    expect(f.slice(h.offset, h.offset + h.text.length)).toBe(h.text);
    let prev = 0;
    for (const [s, e] of h.spans) {
      expect(s).toBeGreaterThanOrEqual(prev);
      expect(e).toBeGreaterThan(s);
      expect(e).toBeLessThanOrEqual(h.text.length);
      prev = e;
    }
  }
}

const marked = (h: Highlight) => h.spans.map(([s, e]) => h.text.slice(s, e));

describe('highlight', () => {
  it('marks fa-term matches in any written variant, on the original text', () => {
    const story = { headline: 'همكاري‌هاي اقتصادی ايران و چين', lead: 'کتاب‌ها و کتابها و «کتاب ها» منتشر شد.', body: [] };
    const hs = highlight(story, compileQuery('همکاری کتاب ایران'));
    checkInvariants(story, hs);
    expect(marked(hs[0]!)).toEqual(['همكاري‌هاي', 'ايران']);
    expect(marked(hs[1]!)).toEqual(['کتاب‌ها', 'کتابها', 'کتاب ها']);
  });
  it('marks phrases as one span, prefixes, +stopwords; never exclusions', () => {
    const story = { headline: 'نشست سازمان ملل متحد', lead: 'همکاران سازمان در ملل دیگر از نفت گفتند', body: [] };
    const hs = highlight(story, compileQuery('"سازمان ملل" همکار* -نفت +از'));
    expect(marked(hs[0]!)).toEqual(['سازمان ملل']);
    expect(marked(hs[1]!)).toEqual(['همکاران', 'از']);
  });
  it('marks verbs with a detached prefix whole', () => {
    const story = { headline: 'او می داند', lead: undefined, body: ['وزیر نمی‌داند'] };
    const hs = highlight(story, compileQuery('می‌دانند'));
    expect(marked(hs[0]!)).toEqual(['می داند']);
  });
  it('picks the window with most distinct terms, cut at word boundaries, 160–240 characters', () => {
    const filler = 'واژه '.repeat(120);
    const body = [`${filler}نفت ${filler}`, `${filler}نفت و گاز و برق ایران ${filler}`];
    const story = { headline: 'تیتر', body };
    const hs = highlight(story, compileQuery('نفت گاز برق'), { snippets: 1 });
    expect(hs).toHaveLength(2);
    const s = hs[1]!;
    expect(s.paragraph).toBe(1);
    expect(marked(s)).toEqual(['نفت', 'گاز', 'برق']);
    expect(s.text.length).toBeGreaterThanOrEqual(SNIPPET_LENGTH.min);
    expect(s.text.length).toBeLessThanOrEqual(SNIPPET_LENGTH.max);
    expect(s.text.startsWith('واژه')).toBe(true);
    expect(s.text.endsWith('واژه')).toBe(true);
    checkInvariants(story, hs);
  });
  it('returns up to n non-overlapping snippets in reading order; the start of the text when nothing matches', () => {
    const filler = 'متن '.repeat(100);
    const story = { headline: 'تیتر', lead: `نفت ${filler}`, body: [`${filler} گاز ${filler}`, `${filler}نفت گاز`] };
    const hs = highlight(story, compileQuery('نفت گاز'), { snippets: 3 });
    checkInvariants(story, hs);
    expect(hs.map((h) => [h.field, h.paragraph])).toEqual([['headline', undefined], ['lead', undefined], ['body', 0], ['body', 1]]);
    const none = highlight(story, compileQuery('زلزله'));
    expect(none).toHaveLength(2);
    expect(none[1]!.field).toBe('lead');
    expect(none[1]!.offset).toBe(0);
    expect(none[1]!.spans).toEqual([]);
    expect(highlight(story, compileQuery('نفت'), { snippets: 0 })).toHaveLength(1);
    expect(() => highlight(story, compileQuery('نفت'), { snippets: 4 })).toThrow(/snippets must be an integer 0–3/);
  });
  it('survives hostile text: one huge word, surrogate pairs, controls, only punctuation, thousands of matches', () => {
    const stories: Parts[] = [
      { headline: '<script>&"\'', lead: `${'ب'.repeat(5000)}نفت`, body: ['😀'.repeat(300) + ' نفت ' + '😀'.repeat(300)] },
      { headline: '\u200F\u200C\u0000', lead: '؟!'.repeat(500), body: ['', ' ', 'نفت '.repeat(20000)] },
      { headline: 'نفت', lead: '\u064Eنِفت\u0640 ' + 'x'.repeat(1000), body: ['نفت'] },
    ];
    for (const story of stories) {
      const t0 = Date.now();
      const hs = highlight(story, compileQuery('نفت "نفت نفت" نف*'), { snippets: 3 });
      expect(Date.now() - t0).toBeLessThan(3000);
      checkInvariants(story, hs);
      for (const h of hs) {
        expect(h.text.length).toBeLessThanOrEqual(Math.max(SNIPPET_LENGTH.max, h.field === 'headline' ? h.text.length : 0));
        const c = h.text.charCodeAt(h.text.length - 1);
        expect(c >= 0xd800 && c <= 0xdbff).toBe(false);
      }
    }
  });
});

const PERSIAN_ONLY = /^[\u0622-\u063A\u0641-\u064A\u067E\u0686\u0698\u06A9\u06AF\u06CC]+$/;
const words: string[] = [];
for (const [word, e] of getLexicon().entries()) {
  if (e.freqClass >= 16 && word.length >= 2 && PERSIAN_ONLY.test(word)) words.push(word);
  if (words.length >= 3000) break;
}
const contentWords = words.filter((w) => !isStopword(fold(w)));
const sep = fc.constantFrom(' ', ' ', ' ', '\u200C', '، ', '. ', ' «', '» ', '\n', '  ');
const sentence = fc.array(fc.tuple(fc.constantFrom(...words), sep), { minLength: 0, maxLength: 120 }).map((ps) => ps.map(([w, s]) => w + s).join(''));
const storyArb = fc.record({
  headline: sentence.map((s) => s || 'تیتر'),
  lead: fc.option(sentence, { nil: undefined }),
  body: fc.array(fc.oneof(sentence, fc.string({ unit: 'grapheme', maxLength: 400 })), { maxLength: 5 }),
});

describe('highlight properties', () => {
  it('every highlight is a slice of its field at its offset, spans inside and ordered', () => {
    fc.assert(
      fc.property(storyArb, fc.array(fc.constantFrom(...contentWords), { minLength: 1, maxLength: 4 }), fc.boolean(), (story, qs, phrase) => {
        const q = phrase && qs.length > 1 ? `"${qs.join(' ')}" ${qs[0]!.slice(0, 2)}*` : qs.join(' ');
        const hs = highlight(story, compileQuery(q), { snippets: 3 });
        checkInvariants(story, hs);
        expect(hs.length).toBeLessThanOrEqual(4);
        for (const h of hs.slice(1)) expect(h.text.length).toBeLessThanOrEqual(SNIPPET_LENGTH.max);
        // Marked text contains no tag after rendering except <mark>.
        for (const h of hs) expect(highlightHtml(h).replace(/<\/?mark>/g, '')).not.toMatch(/[<>]/);
      }),
      { numRuns: 150 },
    );
  });
});

describe('highlightHtml', () => {
  it('escapes everything and wraps spans in <mark>', () => {
    expect(highlightHtml({ field: 'headline', text: 'a<b>&"c\'', offset: 0, spans: [[1, 4]] })).toBe('a<mark>&lt;b&gt;</mark>&amp;&quot;c&#39;');
    expect(highlightHtml({ field: 'lead', text: 'نفت و گاز', offset: 0, spans: [[0, 3], [6, 9]] })).toBe('<mark>نفت</mark> و <mark>گاز</mark>');
  });
  it('ignores spans that are out of range, empty or overlapping', () => {
    expect(highlightHtml({ field: 'lead', text: 'abcdef', offset: 0, spans: [[4, 9], [2, 2], [0, 3], [1, 2], [-1, 1]] })).toBe('<mark>abc</mark>def');
  });
});
