/**
 * parseWire on random and mutated wire text (fast-check): it returns or throws a KhabarError, never
 * anything else, and every non-empty input line is found again in the story (as written back) or in
 * a warning — nothing is dropped silently.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isKhabarError } from '../../errors/index.js';
import { parseWire, writeWire } from './index.js';

const headline = fc.constantFrom('وزیر اقتصاد با هیئت تجاری دیدار کرد', 'تیتر کوتاه', 'iPhone جدید در بازار', '۱۲۳', '<b>تیتر</b> & «نقل»');
const sentence = fc.constantFrom(
  'در این دیدار طرفین در مورد همکاریهای دو کشور گفتگو کردند.', 'وی افزود: این روند ادامه می یابد.',
  'قیمت ها ۳ درصد افزایش یافت', "سردار 'احمد' گفت", 'متن با / خط مورب', 'https://example.com/a?b=1 و 42 درصد',
);
const slug = fc.constantFrom('سرویس اقتصادی / خبرگزاری آران', 'خبرگزاری آران/سرویس اقتصادی', 'گروه ورزشی / خبرگزاری سپهر', 'سرویس / خبرگزاری');
const credit = fc.constantFrom('خبرگزاری آران / سرویس اقتصادی : ', 'سرویس اقتصادی / خبرگزاری آران: ', 'خبرگزاری آران / سرویس اقتصادی - ', 'خبرگزاری آران / سرویس اقتصادی ', '');
const marker = fc.constantFrom('پایان پیام.', 'انتهای پیام/', 'انتهای پیام/ ۴۲۱۳', 'پايان پيام', '  پایان پیام . کد ۱۲');
const junk = fc.string({ unit: fc.constantFrom(...'ابپ تث۱۲3 /:.-\u200C\u00A0\t\r\n\uFEFF\u0000\u0007😀\uD800«»'.split('')), maxLength: 30 });

/** A plausible story, then mutated: blocks dropped, duplicated, reordered, junk inserted, line ends changed. */
const wireText = fc
  .tuple(headline, fc.option(sentence), fc.option(slug), credit, fc.array(sentence, { maxLength: 6 }), fc.option(marker),
    fc.array(fc.tuple(fc.nat(12), fc.constantFrom('drop', 'dup', 'swap', 'junk', 'join'), junk), { maxLength: 4 }),
    fc.constantFrom('\n', '\r\n', '\r'), fc.boolean())
  .map(([h, lead, sl, cr, body, mk, mutations, eol, bom]) => {
    const blocks = [h, ...(lead ? [lead] : []), ...(sl ? [sl] : []), ...body.map((p, i) => (i === 0 ? cr + p : p)), ...(mk ? [mk] : [])];
    for (const [at, op, text] of mutations) {
      const i = blocks.length ? at % blocks.length : 0;
      if (op === 'drop') blocks.splice(i, 1);
      else if (op === 'dup' && blocks[i] !== undefined) blocks.splice(i, 0, blocks[i]!);
      else if (op === 'swap' && blocks.length > 1) [blocks[i], blocks[0]] = [blocks[0]!, blocks[i]!];
      else if (op === 'junk') blocks.splice(i, 0, text);
      else if (op === 'join' && i + 1 < blocks.length) blocks.splice(i, 2, `${blocks[i]}\n${blocks[i + 1]}`);
    }
    return (bom ? '\uFEFF' : '') + blocks.join(eol + eol);
  });

const squash = (s: string) => s.replace(/[\s\u200B-\u200F\u2060\uFEFF]+/g, '');

function checkNothingDropped(text: string): void {
  let parsed;
  try {
    parsed = parseWire(text);
  } catch (e) {
    expect(isKhabarError(e), String(e)).toBe(true);
    return;
  }
  const found = squash(writeWire(parsed.story) + parsed.warnings.map((w) => w.text ?? '').join(''));
  const lines = text.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/).map((l) => l.trimEnd()).filter((l) => squash(l) !== '');
  for (const line of lines) expect(found, `line «${line}» is in the story or a warning`).toContain(squash(line));
}

describe('parseWire properties', () => {
  const runs = Number(process.env.KHABAR_PROPERTY_RUNS ?? 3000);
  it('returns or throws KhabarError on mutated wire text, and drops no line', () => {
    fc.assert(fc.property(wireText, checkNothingDropped), { numRuns: runs });
  });
  it('returns or throws KhabarError on arbitrary strings, and drops no line', () => {
    fc.assert(fc.property(fc.oneof(fc.string({ unit: 'binary', maxLength: 300 }), junk), checkNothingDropped), { numRuns: runs });
  });
  it('round-trips: parse(write(parse(x))) gives the same story', () => {
    fc.assert(
      fc.property(wireText, (text) => {
        let first;
        try {
          first = parseWire(text).story;
        } catch {
          return;
        }
        expect(parseWire(writeWire(first)).story).toEqual(first);
      }),
      { numRuns: runs },
    );
  });
});
