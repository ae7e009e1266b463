import { readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { errorCode } from '../../../test/support/error-code.js';
import { parseWire, parseWireStream, writeWire, WIRE_TEXT_LIMIT } from './index.js';

const SEED = join(import.meta.dirname, '..', '..', '..', '..', 'shared', 'seed', '000_545843526358f5c7.txt');
const hasSeed = existsSync(SEED);


describe('parseWire: the seed story', () => {
  if (!hasSeed) console.log(`skipped: ${SEED} is absent`);
  it.skipIf(!hasSeed)('finds every field', () => {
    const text = readFileSync(SEED, 'utf8');
    const { story, warnings } = parseWire(text);
    expect(warnings).toEqual([]);
    expect(story.headline).toBe('وزیر دفاع جمهوری اسلامی ایران با وزیر صنایع دفاعی جمهوری آذربایجان دیدار کرد');
    expect(story.lead).toBe('در دیدار وزیر دفاع جمهوری اسلامی ایران با وزیر صنایع دفاعی جمهوری آذربایجان، در باکو، طرفین در مورد مسائل دوجانبه و همکاریهای دو کشور گفتگو و تبادل نظر کردند');
    expect(story.service).toBe('سرویس آذربایجان');
    expect(story.agency).toBe('خبرگزاری آران');
    expect(story.credit).toBe('خبرگزاری آران / سرویس آذربایجان');
    expect(story.wire).toEqual({ slug: 'service-agency', creditSeparator: ' : ' });
    expect(story.body).toHaveLength(8);
    expect(story.body[0]).toBe('در دیدار وزیر دفاع جمهوری اسلامی ایران با وزیر صنایع دفاعی جمهوری آذربایجان، در باکو، طرفین در مورد مسائل دوجانبه و همکاریهای دو کشور گفتگو و تبادل نظر کردند.');
    expect(story.body[1]).toMatch(/^در این دیدار سردار سرتیپ پاسدار 'احمد وحیدی' وزیر دفاع/);
    expect(story.body[2]).toMatch(/^سردار وحیدی افزود: /);
    expect(story.body[3]).toMatch(/^وزیر دفاع جمهوری اسلامی ایران از تلاشهای متخصصان/);
    expect(story.body[4]).toMatch(/^در این دیدار 'یاور جمال اف'/);
    expect(story.body[5]).toMatch(/^سردار احمد وحیدی، عصر روز دوشنبه/);
    expect(story.body[6]).toMatch(/^وزیر دفاع جمهوری اسلامی ایران که برای انجام دیدار رسمی/);
    expect(story.body[7]).toBe('در این دیدارها در مورد همکاریهای دو کشور در عرصه های مختلف از جمله در بخش های دفاعی و صنایع دفاعی بحث و تبادل نظر شد.');
    expect(story.endMarker).toBe('پایان پیام.');
    expect(story.signOff).toBeUndefined();
    expect(story.language).toBe('fa');
    expect(story.pubStatus).toBe('usable');
    expect(story.version).toBe(1);
    expect(story.code).toBeUndefined();
    expect(story.keywords).toEqual([]);
  });
  it.skipIf(!hasSeed)('writes the seed back', () => {
    const text = readFileSync(SEED, 'utf8');
    const out = writeWire(parseWire(text).story);
    const canon = (s: string) => s.replace(/\r\n?/g, '\n').split('\n').map((l) => l.trimEnd()).join('\n').trim();
    expect(canon(out)).toBe(canon(text));
  });
});

describe('parseWire: bad input', () => {
  it('refuses non-strings, empty text, binary data, no headline and oversized input with codes', () => {
    expect(errorCode(() => parseWire(42 as unknown as string))).toBe('INVALID_INPUT');
    expect(errorCode(() => parseWire(''))).toBe('INVALID_INPUT');
    expect(() => parseWire(' \r\n\t\n')).toThrow(/empty/);
    expect(() => parseWire('\uFEFF')).toThrow(/empty/);
    expect(() => parseWire('تیتر\u0000\u0001')).toThrow(/binary/);
    expect(() => parseWire('\u0001\u0002\u0003\u0004\u0005\u0006\u0007\u0008 متن')).toThrow(/binary/);
    expect(() => parseWire('پایان پیام.')).toThrow(/headline/);
    expect(() => parseWire('۱۲۳۴\n\nپایان پیام.')).toThrow(/headline/);
    expect(errorCode(() => parseWire('تیتر\n\n' + 'الف '.repeat(WIRE_TEXT_LIMIT)))).toBe('INPUT_TOO_LARGE');
  });
  it('keeps a story whose parts are all missing but the headline', () => {
    const { story, warnings } = parseWire('فقط یک تیتر');
    expect(story.headline).toBe('فقط یک تیتر');
    expect(story.body).toEqual([]);
    expect(warnings.map((w) => w.code)).toEqual(['no-end-marker', 'no-slug-line']);
  });
  it('does not take a paragraph about text messages («پایان پیامک…») for the end marker', () => {
    const { story } = parseWire('تیتر\n\nلید\n\nسرویس فناوری / خبرگزاری آران\n\nمتن اول.\n\nپایان پیامک‌های تبلیغاتی اعلام شد.\n\nپایان پیام.');
    expect(story.body).toEqual(['متن اول.', 'پایان پیامک‌های تبلیغاتی اعلام شد.']);
    expect(story.endMarker).toBe('پایان پیام.');
  });
  it('escapes nothing and keeps hostile text as text', () => {
    const { story } = parseWire('<script>alert(1)</script> تیتر\n\nمتن & «نقل» <b>\n\nپایان پیام.');
    expect(story.headline).toBe('<script>alert(1)</script> تیتر');
    expect(story.body).toEqual(['متن & «نقل» <b>']);
  });
});

describe('parseWireStream', () => {
  const one = (h: string) => `${h}\n\nلید خبر ${h}\n\nسرویس اقتصادی / خبرگزاری آران\n\nخبرگزاری آران / سرویس اقتصادی : متن ${h}.\n\nپاراگراف دوم.\n\nانتهای پیام/ ۴۲`;
  it('splits a dump at end markers, keeping code blocks with the story before', () => {
    const dump = ['\uFEFF' + one('خبر اول'), '۱۲۳۴', one('خبر دوم'), one('خبر سوم')].join('\r\n\r\n');
    const items = parseWireStream(dump, { source: { name: 'wire', id: 'dump.txt' } });
    expect(items).toHaveLength(3);
    const ok = items.map((i) => ('story' in i ? i : undefined));
    expect(ok.map((i) => i?.story.headline)).toEqual(['خبر اول', 'خبر دوم', 'خبر سوم']);
    expect(ok[0]!.warnings.map((w) => w.code)).toEqual(['after-end-marker']);
    expect(ok[0]!.warnings[0]!.text).toBe('۱۲۳۴');
    expect(ok.map((i) => i?.story.source?.id)).toEqual(['dump.txt#1', 'dump.txt#2', 'dump.txt#3']);
    expect(ok[1]!.line).toBeGreaterThan(ok[0]!.line);
    expect(ok[2]!.story.signOff).toBe('۴۲');
  });
  it('reports a story it cannot parse and goes on', () => {
    const items = parseWireStream(`${one('خبر اول')}\n\n۹۹۹ ۸۸۸ ۷۷۷ ۶۶۶\n\nپایان پیام.\n\n${one('خبر دوم')}`);
    expect(items).toHaveLength(3);
    expect('error' in items[1]! && items[1].error.code).toBe('INVALID_INPUT');
    expect('story' in items[2]! && items[2].story.headline).toBe('خبر دوم');
  });
});
