import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createStory } from '../../story/index.js';
import type { Story } from '../../story/index.js';
import { diffParagraphs, diffStories } from './story-diff.js';
import type { ParagraphDiff } from './story-diff.js';
import { diffSide } from './word-diff.js';

const ZWNJ = '\u200C';
const P1 = 'وزیر امور خارجه روز دوشنبه در نشست خبری گفت این سفر برای همکاری دو کشور مهم است.';
const P2 = `وی افزود همکاری${ZWNJ}های اقتصادی در سال آینده گسترش می${ZWNJ}یابد.`;
const P3 = 'پایان پیام.';

function story(init: Partial<Story>): Story {
  return createStory({ headline: 'سفر وزیر خارجه به آنکارا', lead: 'وزیر خارجه امروز به آنکارا رفت.', body: [P1, P2, P3], keywords: ['ترکیه', 'دیپلماسی'], urgency: 3, ...init });
}

/** Both sides of the body, rebuilt from the paragraph diffs. */
function sides(body: ParagraphDiff[]): { a: string[]; b: string[] } {
  return {
    a: body.filter((p) => p.op !== 'add').map((p) => diffSide(p.runs, 'a')),
    b: body.filter((p) => p.op !== 'del').map((p) => diffSide(p.runs, 'b')),
  };
}

describe('diffStories', () => {
  it('identical stories: nothing changed, every field all same', () => {
    const d = diffStories(story({}), story({}));
    expect(d.changed).toBe(false);
    expect(d.headline).toEqual([{ op: 'same', text: 'سفر وزیر خارجه به آنکارا' }]);
    expect(d.body.map((p) => p.op)).toEqual(['same', 'same', 'same']);
    expect(d.keywords).toEqual([{ op: 'same', text: 'ترکیه' }, { op: 'same', text: 'دیپلماسی' }]);
    expect(d.urgency).toEqual({ a: 3, b: 3, changed: false });
  });

  it('per field: headline and lead by words, keywords as a list, urgency as a value', () => {
    const d = diffStories(story({}), story({
      headline: 'سفر وزیر امور خارجه به آنکارا', lead: undefined, keywords: ['ترکیه', 'آنکارا'], urgency: 2,
    }));
    expect(d.changed).toBe(true);
    expect(d.headline).toEqual([{ op: 'same', text: 'سفر وزیر ' }, { op: 'add', text: 'امور ' }, { op: 'same', text: 'خارجه به آنکارا' }]);
    expect(d.lead).toEqual([{ op: 'del', text: 'وزیر خارجه امروز به آنکارا رفت.' }]);
    expect(d.keywords).toEqual([{ op: 'same', text: 'ترکیه' }, { op: 'del', text: 'دیپلماسی' }, { op: 'add', text: 'آنکارا' }]);
    expect(d.urgency).toEqual({ a: 3, b: 2, changed: true });
    expect(d.body.every((p) => p.op === 'same')).toBe(true);
  });

  it('an edited paragraph is a change with its word diff, even with a paragraph inserted before it', () => {
    const edited = P2.replace(`همکاری${ZWNJ}های`, 'همکاری های');
    const inserted = 'این نخستین سفر او به ترکیه است.';
    const d = diffStories(story({}), story({ body: [P1, inserted, edited, P3] }));
    expect(d.body.map((p) => p.op)).toEqual(['same', 'add', 'change', 'same']);
    expect(d.body[2]!.runs).toEqual([
      { op: 'same', text: 'وی افزود ' },
      { op: 'del', text: `همکاری${ZWNJ}های ` },
      { op: 'add', text: 'همکاری های ' },
      { op: 'same', text: `اقتصادی در سال آینده گسترش می${ZWNJ}یابد.` },
    ]);
    expect(sides(d.body)).toEqual({ a: [P1, P2, P3], b: [P1, inserted, edited, P3] });
  });

  it('an unrelated replacement is a deletion and an addition, not a change', () => {
    const other = 'در حادثه رانندگی در جاده تبریز سه نفر زخمی شدند.';
    expect(diffParagraphs([P1, P2], [P1, other]).map((p) => p.op)).toEqual(['same', 'del', 'add']);
    expect(diffParagraphs([P2, P1], [P1, P2]).map((p) => p.op)).toEqual(['del', 'same', 'add']);
    expect(diffParagraphs([], [P1])).toEqual([{ op: 'add', runs: [{ op: 'add', text: P1 }] }]);
    expect(diffParagraphs(['', P1], [P1])).toEqual([{ op: 'del', runs: [] }, { op: 'same', runs: [{ op: 'same', text: P1 }] }]);
  });

  it('property: the body diff rebuilds both bodies, and a story compared with itself is unchanged', () => {
    const sentence = fc.array(fc.constantFrom('خبر', 'وزیر', 'گفت', 'و', 'در', `همکاری${ZWNJ}های`, 'سال', '۱۴۰۳', '،', '.'), { maxLength: 12 })
      .map((w) => w.join(' '));
    const body = fc.array(sentence, { maxLength: 10 });
    fc.assert(fc.property(body, body, (a, b) => {
      const d = diffParagraphs(a, b);
      expect(sides(d)).toEqual({ a, b });
      for (const p of d) if (p.op === 'same') expect(p.runs.every((r) => r.op === 'same')).toBe(true);
      const s = story({ body: a });
      expect(diffStories(s, s).changed).toBe(false);
    }), { numRuns: 500 });
  });
});
