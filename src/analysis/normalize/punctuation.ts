/**
 * Punctuation roles for Persian spacing (Farhangestan «دستور خط فارسی», punctuation section): closing
 * marks stick to the word before them and take one space after; opening marks take a space before and
 * none after.
 */

/** How a punctuation mark behaves for spacing. */
export const enum PunctRole {
  /** Neither opening nor closing: - / * and the like; spaces around it are kept as written. */
  Neutral = 0,
  /** Sticks to the previous word: . ، ؛ ؟ ! : ) » ] } */
  Close = 1,
  /** Sticks to the next word: ( « [ { */
  Open = 2,
}

const roles = new Uint8Array(0x10000);
for (const c of '.،؛؟!:)»]},;?') roles[c.charCodeAt(0)] = PunctRole.Close;
for (const c of '(«[{') roles[c.charCodeAt(0)] = PunctRole.Open;

/** The spacing role of a code unit. */
export function punctRole(code: number): PunctRole {
  return roles[code] as PunctRole;
}

/** Latin marks with a Persian counterpart: , ; ? → ، ؛ ؟ (U+060C, U+061B, U+061F). */
export function persianPunct(code: number): string | undefined {
  switch (code) {
    case 0x2c:
      return '،';
    case 0x3b:
      return '؛';
    case 0x3f:
      return '؟';
    default:
      return undefined;
  }
}

/** HORIZONTAL ELLIPSIS (U+2026), which replaces "...". */
export const ELLIPSIS = '\u2026';
