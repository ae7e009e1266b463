import { describe, expect, it } from 'vitest';
import { parseCsv, parseCsvRecords } from './csv.js';

describe('parseCsv', () => {
  it('reads quoted fields with commas, quotes and line breaks, CRLF and a BOM', () => {
    const text = '\uFEFFid,title,text\r\n1,"سلام، دنیا","خط اول\nخط ""دوم"""\r\n2,ساده,\n';
    expect(parseCsv(text)).toEqual([
      ['id', 'title', 'text'],
      ['1', 'سلام، دنیا', 'خط اول\nخط "دوم"'],
      ['2', 'ساده', ''],
    ]);
    expect(parseCsvRecords(text)[1]).toEqual({ id: '2', title: 'ساده', text: '' });
  });
  it('keeps a last row without a line end', () => {
    expect(parseCsv('a,b\n1,2')).toEqual([['a', 'b'], ['1', '2']]);
  });
});
