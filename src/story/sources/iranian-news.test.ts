import { describe, expect, it } from 'vitest';
import { errorCode } from '../../../test/support/error-code.js';
import { fromIranianNewsText, isIranianNewsHeader, parsePythonStringList } from './iranian-news.js';


// The tags are written as the dataset writes them: a Python repr with a literal \u200c escape.
const DOC = [
  "tabnak_data###بارش برف در گردنه‌های شمالی###https://www.tabnak.ir/fa/news/990011/x###['اجتماعی ', 'حوادث']###2020-01-12 08:15:00###۹۹۰۰۱۱###['برف', 'راه\\u200cها', \"جاده's\"]",
  '1@@@3',
  '1\tپلیس راه از رانندگان خواست بدون زنجیر چرخ به جاده چالوس نروند.',
  '2\tبارش برف از نیمه شب گذشته آغاز شده و هنوز ادامه دارد.',
  '3\tتردد در آزادراه تهران شمال یک طرفه شده است.',
  '',
].join('\n');

describe('fromIranianNewsText', () => {
  it('reads the header: title, url, categories, tags, Tehran time, outlet and id', () => {
    const s = fromIranianNewsText(DOC);
    expect(s.headline).toBe('بارش برف در گردنه‌های شمالی');
    expect(s.agency).toBe('تابناک');
    expect(s.service).toBe('اجتماعی');
    expect(s.subjects).toEqual([{ name: 'اجتماعی' }, { name: 'حوادث' }]);
    expect(s.keywords).toEqual(['برف', 'راه\u200Cها', "جاده's"]);
    // January: Tehran is +03:30.
    expect(s.firstCreated).toBe('2020-01-12T04:45:00Z');
    expect(s.source).toEqual({ name: 'iranian-news', id: 'tabnak/990011', url: 'https://www.tabnak.ir/fa/news/990011/x' });
  });

  it('makes one paragraph per sentence, numbers and the summary line dropped', () => {
    expect(fromIranianNewsText(DOC).body).toEqual([
      'پلیس راه از رانندگان خواست بدون زنجیر چرخ به جاده چالوس نروند.',
      'بارش برف از نیمه شب گذشته آغاز شده و هنوز ادامه دارد.',
      'تردد در آزادراه تهران شمال یک طرفه شده است.',
    ]);
  });

  it('reads summer times at +04:30 (Tehran DST until 2022), a bare category, empty lists, split names', () => {
    const doc = DOC.replace('2020-01-12 08:15:00', '2020-06-02 10:29:00').replace("['اجتماعی ', 'حوادث']", 'گوناگون')
      .replace(/###\['برف'.*$/m, '###[]').replace('tabnak_data', 'asriran_2_data');
    const s = fromIranianNewsText(doc);
    expect(s.firstCreated).toBe('2020-06-02T05:59:00Z');
    expect(s.service).toBe('گوناگون');
    expect(s.keywords).toEqual([]);
    expect(s.agency).toBe('عصر ایران');
    expect(s.source?.id).toBe('asriran/990011');
  });

  it('rejects a header with the wrong number of fields, a bad date, a bad list or no title', () => {
    expect(errorCode(() => fromIranianNewsText('عنوان تنها\n\n1\tجمله'))).toBe('INVALID_INPUT');
    expect(errorCode(() => fromIranianNewsText(DOC.replace('2020-01-12 08:15:00', '1398/10/22')))).toBe('INVALID_INPUT');
    expect(errorCode(() => fromIranianNewsText(DOC.replace("['برف'", "['برف"))))
      .toBe('INVALID_INPUT');
    expect(errorCode(() => fromIranianNewsText(DOC.replace('بارش برف در گردنه‌های شمالی', ' ')))).toBe('INVALID_INPUT');
  });

  it('detects its header line', () => {
    expect(isIranianNewsHeader(DOC.split('\n')[0]!)).toBe(true);
    expect(isIranianNewsHeader('تیتر یک خبر')).toBe(false);
    expect(isIranianNewsHeader('a###b###c###d###2020-01-01###e###f')).toBe(false);
  });
});

describe('parsePythonStringList', () => {
  it('reads quotes, escapes and a trailing comma', () => {
    expect(parsePythonStringList(`['الف', "ب'پ", 'ت\\'ث', 'ج\\u200cچ', '\\x41\\n',]`)).toEqual(['الف', "ب'پ", "ت'ث", 'ج\u200Cچ', 'A\n']);
    expect(parsePythonStringList('[]')).toEqual([]);
    expect(parsePythonStringList('  ')).toEqual([]);
    expect(parsePythonStringList('سیاسی')).toEqual(['سیاسی']);
  });
  it('names what is wrong', () => {
    for (const bad of ["['الف'", "['الف' 'ب']", '[الف]', "['الف'] x", "['\\u12']"]) {
      expect(errorCode(() => parsePythonStringList(bad))).toBe('INVALID_INPUT');
    }
  });
});
