/**
 * `khabar date "<date string>"`: read a Persian news date string (Asia/Tehran time) and print the UTC
 * instant as ISO 8601 with milliseconds (`Date.prototype.toISOString`, e.g. 2025-09-05T09:26:00.000Z)
 * on the first line and the Persian rendering on the second («جمعه ۱۴ شهریور ۱۴۰۴، ساعت ۱۲:۵۶»).
 * Several arguments are joined with spaces, so an unquoted date works too. Seconds in the input are
 * shown in the rendering only when they are not zero.
 */
import { formatJalali, parseJalaliDateDetailed } from '../../story/index.js';
import { KhabarError } from '../../errors/index.js';
import { parseArgs } from '../args.js';
import type { Out } from './text-commands.js';

/**
 * `khabar date <date string…>`: prints the instant (ISO 8601, UTC) and its Jalali rendering.
 * @throws KhabarError USAGE without a date; INVALID_INPUT for a string it cannot read (the CLI prints it
 *   on stderr and exits 1).
 */
export function dateCommand(argv: readonly string[], out: Out): void {
  const { positionals } = parseArgs(argv, [], []);
  const text = positionals.join(' ').trim();
  if (text === '') throw new KhabarError('USAGE', 'date needs a date string: khabar date "۱۴ شهریور ۱۴۰۴ - ۱۲:۵۶"');
  const parsed = parseJalaliDateDetailed(text);
  const rendering = formatJalali(parsed.instant, { time: parsed.hasTime, seconds: parsed.second !== 0 });
  out.write(`${parsed.instant.toISOString()}\n${rendering}\n`);
}
