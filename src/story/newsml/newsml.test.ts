/**
 * NewsML-G2 2.35 out: hand-written stories (hostile content included) and generated stories validate
 * against the All-Power XSD with xmllint (one xmllint run over many files); the item carries the
 * expected properties; text is escaped and characters XML 1.0 forbids are gone.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { HAVE_STANDARDS, validateNewsML } from '../../../test/support/validators.js';
import { isKhabarError } from '../../errors/index.js';
import { HAND_STORIES } from '../ninjs/hand-stories.test.js';
import { storyArbitrary } from '../ninjs/story-arbitrary.test.js';
import { createStory } from '../story.js';
import type { Story } from '../story.js';
import { toNewsML } from './index.js';

// CI installs xmllint (libxml2-utils); without ../shared/standards there is nothing to validate against.
const CAN_VALIDATE = HAVE_STANDARDS;
const RUNS = Number(process.env.KHABAR_PROPERTY_RUNS ?? 1000);

const dated = (s: Story): Story => ({ versionCreated: '2025-09-05T09:26:00+03:30', ...s });

describe('toNewsML', () => {
  it.skipIf(!CAN_VALIDATE)('hand-written stories validate against NewsML-G2 2.35 All-Power', () => {
    const docs = HAND_STORIES.map((s) => toNewsML(dated(s)));
    docs.push(toNewsML(dated(HAND_STORIES[0]!), { correction: true, provider: { qcode: 'nprov:ARAN', name: 'خبرگزاری آران' }, serviceQcode: () => 'aransvc:azar' }));
    expect(validateNewsML(docs)).toEqual([]);
  });

  it('carries the story in the places the spec gives', () => {
    const xml = toNewsML(HAND_STORIES[0]!);
    for (const part of [
      '<?xml version="1.0" encoding="UTF-8"?>',
      'xmlns="http://iptc.org/std/nar/2006-10-01/" guid="urn:khabar:story:1404061501" version="1" standard="NewsML-G2" standardversion="2.35" conformance="power" xml:lang="fa"',
      '<itemClass qcode="ninat:text"/>',
      '<provider literal="خبرگزاری آران"><name>خبرگزاری آران</name></provider>',
      '<versionCreated>2025-09-05T10:01:30+03:30</versionCreated>',
      '<firstCreated>2025-09-05T09:26:00Z</firstCreated>',
      '<pubStatus qcode="stat:usable"/>',
      '<service qcode="khsvc:سرویس-آذربایجان"><name>سرویس آذربایجان</name></service>',
      '<urgency>4</urgency>',
      '<located><name>اردبیل</name></located>',
      '<creator><name>مریم صالحی</name></creator>',
      '<altId type="khid:storycode">1404061501</altId>',
      '<language tag="fa"/>',
      '<keyword>کتابخانه</keyword>',
      '<subject qcode="medtop:01000000"><name>فرهنگ</name></subject>',
      '<headline>افتتاح نخستین',
      '<creditline>خبرگزاری آران / سرویس آذربایجان</creditline>',
      '<description role="drol:summary">نخستین کتابخانهٔ',
      '<inlineXML contenttype="application/xhtml+xml">',
      '<html xmlns="http://www.w3.org/1999/xhtml" dir="rtl" lang="fa" xml:lang="fa">',
      '<h1 dir="rtl">افتتاح',
      '<p dir="rtl"><span class="credit">خبرگزاری آران / سرویس آذربایجان</span> : مدیرکل',
    ]) expect(xml).toContain(part);
    expect(xml).not.toContain('<signal');
  });

  it('signals kills, updates and corrections', () => {
    const killed = toNewsML(dated(HAND_STORIES[1]!));
    expect(killed).toContain('<pubStatus qcode="stat:canceled"/>');
    expect(killed).toContain('<signal qcode="sig:update"/>');
    expect(killed).toContain('<edNote>اصلاحیه: نام وزیر');
    expect(toNewsML(dated(HAND_STORIES[1]!), { correction: true })).toContain('<signal qcode="sig:correction"/>');
  });

  it('escapes markup and drops what XML 1.0 forbids', () => {
    const xml = toNewsML(dated(HAND_STORIES[1]!));
    expect(xml).not.toMatch(/<script|<p dir="ltr"|<!--|<!\[CDATA|[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE]/);
    expect(xml).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])/);
    expect(xml).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; «نقل‌قول»');
    expect(xml).toContain(']]&gt;');
    expect(xml).toContain('😀');
    expect(xml).toContain('سطر دوم&#xD;\nسطر سوم');
  });

  it('refuses a story without a version time or with a language tag xs:language rejects', () => {
    const noDate = createStory({ headline: 'x' });
    expect(() => toNewsML(noDate)).toThrow(/story\.versionCreated/);
    const badLang = createStory({ headline: 'x', language: 'fa_IR', versionCreated: '2025-01-01T00:00:00Z' });
    try {
      toNewsML(badLang);
      expect.unreachable();
    } catch (e) {
      expect(isKhabarError(e, 'INVALID_INPUT')).toBe(true);
    }
  });

  it.skipIf(!CAN_VALIDATE)('generated stories validate (property, one xmllint run)', () => {
    const stories = fc.sample(storyArbitrary, Math.min(RUNS, 2000));
    const docs = stories.map((s) => toNewsML(dated(s)));
    expect(validateNewsML(docs)).toEqual([]);
  });
});
