/** `-word` exclusions over the ranked index. */
import type { RankedIndexReader } from './index-reader.js';

/** Stories holding every term of at least one group (`-word` exclusions). */
export function storiesWithAll(reader: RankedIndexReader, groups: ReadonlyArray<readonly string[]>): Set<number> {
  const out = new Set<number>();
  for (const group of groups) {
    const terms = [...new Set(group)];
    if (terms.length === 0) continue;
    let current: Set<number> | undefined;
    for (const term of terms) {
      const p = reader.postings(term);
      const next = new Set<number>();
      for (let i = 0; i < p.count; i++) if (current === undefined || current.has(p.ids[i]!)) next.add(p.ids[i]!);
      current = next;
      if (current.size === 0) break;
    }
    for (const id of current ?? []) out.add(id);
  }
  return out;
}
