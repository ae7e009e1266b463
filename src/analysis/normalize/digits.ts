/**
 * Number runs: digits of any script with inner separators. Persian text writes Persian digits
 * (U+06F0–06F9) and the Arabic decimal separator ٫ (U+066B) between the integer and the fraction.
 */
import { digitValue } from '../chars.js';

const PERSIAN_ZERO = 0x6f0;

/** Separators that may sit between two digits of one number: . , ٫ ٬ / : */
function isInnerSep(c: number): boolean {
  return c === 0x2e || c === 0x2c || c === 0x66b || c === 0x66c || c === 0x2f || c === 0x3a;
}

/** End (exclusive) of the number run starting at `i`, which must be a digit. */
export function scanNumber(s: string, i: number): number {
  const n = s.length;
  while (i < n) {
    const c = s.charCodeAt(i);
    if (digitValue(c) >= 0) i++;
    else if (isInnerSep(c) && i + 1 < n && digitValue(s.charCodeAt(i + 1)) >= 0) i += 2;
    else break;
  }
  return i;
}

/**
 * Rewrite a number run: digits to Persian when `persian`, and a single `.` between digits to ٫ when
 * `decimal` (several dots are a version or an address, left alone). Returns undefined when unchanged.
 */
export function convertNumber(s: string, start: number, end: number, persian: boolean, decimal: boolean): string | undefined {
  let dots = 0;
  let changed = false;
  for (let i = start; i < end; i++) {
    const c = s.charCodeAt(i);
    if (c === 0x2e) dots++;
    else if (persian && digitValue(c) >= 0 && (c < 0x6f0 || c > 0x6f9)) changed = true;
  }
  const dec = decimal && dots === 1;
  if (!changed && !dec) return undefined;
  const codes: number[] = [];
  for (let i = start; i < end; i++) {
    const c = s.charCodeAt(i);
    const v = digitValue(c);
    if (persian && v >= 0) codes.push(PERSIAN_ZERO + v);
    else if (dec && c === 0x2e) codes.push(0x66b);
    else codes.push(c);
  }
  // chunked: spreading a huge array into fromCharCode would overflow the call stack
  let out = '';
  for (let i = 0; i < codes.length; i += 4096) out += String.fromCharCode(...codes.slice(i, i + 4096));
  return out;
}
