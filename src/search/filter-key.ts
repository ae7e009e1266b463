/**
 * Comparison key for filter values (service, agency, tag): stored names are display text, typed ones may
 * use Arabic ي/ك, ZWNJ or a space, another digit script or letter case. Stores compare
 * `filterKey(stored) === filterKey(value)` (e.g. through a generated column) so that both meet.
 */
import { fold } from '../analysis/index.js';

/**
 * The search form of a filter value: folded (DESIGN.md §5: ي→ی, ك→ک, harakat and tatweel dropped, digits
 * ASCII, Latin lower case), each run of white space, ZWNJ or bidi controls made one space (editors write
 * «بین‌الملل» and «بین الملل» for one desk), then trimmed.
 */
export function filterKey(value: string): string {
  return fold(value.replace(/[\s\u200C\u200D\u200E\u200F\u061C\u202A-\u202E\u2066-\u2069\uFEFF]+/g, ' ')).trim();
}
