import { describe, expect, it } from 'vitest';
import { errorCode } from '../../../test/support/error-code.js';
import { fromHamshahriText, hamshahriDocnoDate, hamshahriParagraphs, isHardWrapped } from './hamshahri.js';

/** Error code of a throwing call, for assertions on codes rather than messages. */

// Old orthography on purpose: Arabic yeh/kaf and U+00A0 where a ZWNJ belongs, as in the 1380s files.
const NB = '\u00A0';
const ONE_PER_LINE = [
  'يادداشت',
  `باغ${NB}هاي شهر در زمستان`,
  `شهرداري تهران ديروز اعلام كرد كه نگهداري باغ${NB}هاي قديمي شهر از امسال به عهده مناطق است و هر منطقه بودجه${NB}اي جدا براي آن دارد.`,
  `به گفته معاون خدمات شهري، اين طرح در سه منطقه آزمايش شده و نتيجه${NB}اش رضايت${NB}بخش بوده است.`,
  '',
].join('\n');

describe('fromHamshahriText', () => {
  it('keeps line 1 as the headline, one paragraph per line, old orthography untouched', () => {
    const s = fromHamshahriText(ONE_PER_LINE, 'HAM2-820306-001');
    expect(s.headline).toBe('يادداشت');
    expect(s.body).toHaveLength(3);
    expect(s.body[0]).toBe(`باغ${NB}هاي شهر در زمستان`);
    expect(s.body[1]).toContain(`بودجه${NB}اي`);
    expect(s.body.join('')).not.toMatch(/[یک\u200C]/);
    expect(s.agency).toBe('همشهری');
    expect(s.source).toEqual({ name: 'hamshahri', id: 'HAM2-820306-001' });
  });

  it('dates the story at Tehran midnight of the DOCNO day (1382/03/06 = 2003-05-27, +04:30 in summer)', () => {
    expect(hamshahriDocnoDate('HAM2-820306-001')).toEqual({ year: 1382, month: 3, day: 6 });
    expect(fromHamshahriText(ONE_PER_LINE, 'HAM2-820306-001').firstCreated).toBe('2003-05-26T19:30:00Z');
    // Winter: Tehran is +03:30. 1381/10/27 = 2003-01-17.
    expect(fromHamshahriText(ONE_PER_LINE, 'HAM2-811027-046').firstCreated).toBe('2003-01-16T20:30:00Z');
  });

  it('leaves the date out for a name that is not a DOCNO, and rejects a DOCNO naming no real day', () => {
    expect(hamshahriDocnoDate('note-1')).toBeUndefined();
    expect(fromHamshahriText(ONE_PER_LINE, 'note-1').firstCreated).toBeUndefined();
    expect(errorCode(() => fromHamshahriText(ONE_PER_LINE, 'HAM2-821332-001'))).toBe('INVALID_INPUT');
  });

  it('rejects an empty or blank-only document', () => {
    expect(errorCode(() => fromHamshahriText('', 'HAM2-820306-001'))).toBe('INVALID_INPUT');
    expect(errorCode(() => fromHamshahriText('\n  \n\u200C\n', 'HAM2-820306-001'))).toBe('INVALID_INPUT');
  });

  it('skips leading blank lines and a BOM, reads CRLF', () => {
    const s = fromHamshahriText('\uFEFF\r\n\r\nنگاه\r\nمتن كوتاه يادداشت.\r\n', 'HAM2-830101-002');
    expect(s.headline).toBe('نگاه');
    expect(s.body).toEqual(['متن كوتاه يادداشت.']);
  });
});

describe('hard-wrapped documents', () => {
  // Wrapped near 60 characters: the first paragraph runs over four lines, the second over two.
  const WRAPPED = [
    'مسابقه كتابخواني دانش آموزان در سراسر كشور برگزار مي شود و ',
    'امسال بيش از دويست هزار نفر در آن نام نويسي كرده اند كه بيشتر ',
    'آنها از شهرهاي كوچك و روستاها هستند و براي نخستين بار در اين ',
    'مسابقه شركت مي كنند. ',
    'مسئولان آموزش و پرورش مي گويند كتاب هاي مسابقه امسال از ميان ',
    'آثار نويسندگان ايراني انتخاب شده است. ',
    'جوايز مسابقه',
    'به نفرات برتر هر استان كتاب و لوح تقدير داده مي شود و نفرات ',
    'برتر كشوري به سفر علمي مي روند. ',
  ];

  it('are recognised by their shape; one-paragraph-per-line documents are not', () => {
    expect(isHardWrapped(WRAPPED)).toBe(true);
    expect(isHardWrapped(ONE_PER_LINE.split('\n').slice(1))).toBe(false);
    expect(isHardWrapped(['كوتاه', 'يك خط'])).toBe(false);
    expect(isHardWrapped(['الف'.repeat(60), 'ب'.repeat(150), 'پ'.repeat(62)])).toBe(false);
  });

  it('rejoin wrapped lines; a sentence end, a short line or a blank line ends a paragraph', () => {
    expect(hamshahriParagraphs(WRAPPED)).toEqual([
      'مسابقه كتابخواني دانش آموزان در سراسر كشور برگزار مي شود و امسال بيش از دويست هزار نفر در آن نام نويسي كرده اند كه بيشتر آنها از شهرهاي كوچك و روستاها هستند و براي نخستين بار در اين مسابقه شركت مي كنند.',
      'مسئولان آموزش و پرورش مي گويند كتاب هاي مسابقه امسال از ميان آثار نويسندگان ايراني انتخاب شده است.',
      'جوايز مسابقه',
      'به نفرات برتر هر استان كتاب و لوح تقدير داده مي شود و نفرات برتر كشوري به سفر علمي مي روند.',
    ]);
    const withBlank = [...WRAPPED.slice(0, 2), '', ...WRAPPED.slice(2)];
    expect(hamshahriParagraphs(withBlank)[0]).toBe(
      'مسابقه كتابخواني دانش آموزان در سراسر كشور برگزار مي شود و امسال بيش از دويست هزار نفر در آن نام نويسي كرده اند كه بيشتر');
  });

  it('join at a no-break space without adding a space, elsewhere with one space', () => {
    const lines = [
      `وزير نيرو در بازديد از سد كرج گفت آب شهر تهران تا پايان تابستان مي${NB}`,
      `تواند بدون جيره بندي تامين شود اما مردم بايد در مصرف صرفه جويي كنند و`,
      'از شستن خودرو با آب لوله كشي خودداري كنند تا فشار شبكه پايين نيايد. ',
    ];
    expect(hamshahriParagraphs(lines)).toEqual([
      `وزير نيرو در بازديد از سد كرج گفت آب شهر تهران تا پايان تابستان مي${NB}تواند بدون جيره بندي تامين شود اما مردم بايد در مصرف صرفه جويي كنند و از شستن خودرو با آب لوله كشي خودداري كنند تا فشار شبكه پايين نيايد.`,
    ]);
  });
});
