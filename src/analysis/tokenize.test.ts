import { describe, expect, it } from 'vitest';
import { scanTokens, TokenKind } from './tokenize.js';

function raw(text: string): Array<[string, TokenKind]> {
  const out: Array<[string, TokenKind]> = [];
  scanTokens(text, (s, e, k) => out.push([text.slice(s, e), k]));
  return out;
}

describe('scanTokens', () => {
  it('breaks Persian words at spaces and punctuation, keeping ZWNJ inside a word', () => {
    expect(raw('همکاری‌های دو کشور، «می‌داند».')).toEqual([
      ['همکاری‌های', TokenKind.Word], ['دو', TokenKind.Word], ['کشور', TokenKind.Word], ['می‌داند', TokenKind.Word],
    ]);
  });
  it('treats U+00A0 as a separator and keeps harakat and tatweel inside words', () => {
    expect(raw('كتاب\u00A0ها مُحَمَّد ســلام')).toEqual([
      ['كتاب', TokenKind.Word], ['ها', TokenKind.Word], ['مُحَمَّد', TokenKind.Word], ['ســلام', TokenKind.Word],
    ]);
  });
  it('leaves ZWNJ at word edges outside the token', () => {
    expect(raw('\u200Cسلام\u200C دنیا')).toEqual([['سلام', TokenKind.Word], ['دنیا', TokenKind.Word]]);
  });
  it('splits digits from Persian letters but keeps decimals and Latin codes whole', () => {
    expect(raw('مسافت۹کیلومتر، ۱۰۳٫۲ درصد، 3.14 و A320 و ۱۴۰۳/۰۵/۱۲')).toEqual([
      ['مسافت', TokenKind.Word], ['۹', TokenKind.Number], ['کیلومتر', TokenKind.Word], ['۱۰۳٫۲', TokenKind.Number],
      ['درصد', TokenKind.Word], ['3.14', TokenKind.Number], ['و', TokenKind.Word], ['A320', TokenKind.Foreign],
      ['و', TokenKind.Word], ['۱۴۰۳', TokenKind.Number], ['۰۵', TokenKind.Number], ['۱۲', TokenKind.Number],
    ]);
  });
  it('splits Latin from Persian letters and skips emoji, lone surrogates and controls', () => {
    expect(raw('iPhoneهای 😀جدید\uD800x\u0000y')).toEqual([
      ['iPhone', TokenKind.Foreign], ['های', TokenKind.Word], ['جدید', TokenKind.Word],
      ['x', TokenKind.Foreign], ['y', TokenKind.Foreign],
    ]);
  });
  it('finds nothing in empty or separator-only text', () => {
    expect(raw('')).toEqual([]);
    expect(raw(' \u200C\n\t،.')).toEqual([]);
  });
});
