/** `khabar date`: the command function with an in-memory Out (main.ts registers it). */
import { describe, expect, it } from 'vitest';
import { KhabarError } from '../../errors/index.js';
import { dateCommand } from './date-command.js';

function run(argv: string[]): string {
  let text = '';
  dateCommand(argv, { write: (t) => void (text += t) });
  return text;
}

function failure(argv: string[]): string {
  try {
    run(argv);
  } catch (e) {
    if (e instanceof KhabarError) return `${e.code}: ${e.message}`;
    throw e;
  }
  return 'no error';
}

describe('khabar date', () => {
  it('prints the UTC instant, then the Jalali rendering', () => {
    expect(run(['۱۴ شهریور ۱۴۰۴ - ۱۲:۵۶'])).toBe('2025-09-05T09:26:00.000Z\nجمعه ۱۴ شهریور ۱۴۰۴، ساعت ۱۲:۵۶\n');
    expect(run(['پنجشنبه ۳۰ مرداد ۱۴۰۴ - ۱۵:۰۱'])).toBe('2025-08-21T11:31:00.000Z\nپنجشنبه ۳۰ مرداد ۱۴۰۴، ساعت ۱۵:۰۱\n');
  });
  it('joins unquoted words; a date without time prints the date only; seconds when given', () => {
    expect(run(['۱۴۰۴/۰۶/۱۴'])).toBe('2025-09-04T20:30:00.000Z\nجمعه ۱۴ شهریور ۱۴۰۴\n');
    expect(run(['۱۴', 'شهریور', '۱۴۰۴'])).toBe('2025-09-04T20:30:00.000Z\nجمعه ۱۴ شهریور ۱۴۰۴\n');
    expect(run(['۱۴۰۴/۰۶/۱۴ - ۱۳:۳۰:۲۴'])).toBe('2025-09-05T10:00:24.000Z\nجمعه ۱۴ شهریور ۱۴۰۴، ساعت ۱۳:۳۰:۲۴\n');
    expect(run(['2025-09-05T09:26:00Z'])).toBe('2025-09-05T09:26:00.000Z\nجمعه ۱۴ شهریور ۱۴۰۴، ساعت ۱۲:۵۶\n');
  });
  it('unreadable dates are INVALID_INPUT, a missing one USAGE', () => {
    expect(failure(['۱۴ شهرپور ۱۴۰۴'])).toBe('INVALID_INPUT: unknown month name "شهرپور" in "۱۴ شهرپور ۱۴۰۴"');
    expect(failure([])).toMatch(/^USAGE: date needs a date string/);
    expect(failure(['--utc'])).toMatch(/^USAGE: unknown option --utc/);
  });
});
