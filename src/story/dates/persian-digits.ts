/**
 * Digit conversion between the three scripts dates arrive in: Extended Arabic-Indic (Persian) digits
 * ۰–۹ (U+06F0–U+06F9), Arabic-Indic digits ٠–٩ (U+0660–U+0669) and ASCII 0–9.
 */

/** Replace Persian and Arabic-Indic digits by ASCII digits; everything else is left as is. */
export function toAsciiDigits(text: string): string {
  return text.replace(/[\u06F0-\u06F9\u0660-\u0669]/g, (c) => {
    const code = c.charCodeAt(0);
    return String(code >= 0x6f0 ? code - 0x6f0 : code - 0x660);
  });
}

/** Replace ASCII and Arabic-Indic digits by Persian digits (۰–۹), the digits Persian text prints. */
export function toPersianDigits(text: string): string {
  return text.replace(/[0-9\u0660-\u0669]/g, (c) => {
    const code = c.charCodeAt(0);
    return String.fromCharCode(0x6f0 + (code >= 0x660 ? code - 0x660 : code - 0x30));
  });
}
