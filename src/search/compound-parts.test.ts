import { describe, expect, it } from 'vitest';
import { compoundHead } from './compound-parts.js';
import { compileQuery } from './query-analyze.js';
import { indexDocument } from './index-terms.js';

describe('compound decomposition', () => {
  it('splits a rare compound with an action-noun head into its common first half', () => {
    expect(compoundHead('همسرداری')).toBe('همسر');
  });
  it('leaves common words and short or unknown first halves alone', () => {
    for (const w of ['بازسازی', 'نمایشگاه', 'دانشگاه', 'کتاب', 'داری']) expect(compoundHead(w)).toBeUndefined();
  });
  it('adds the half to the query and to the index alike', () => {
    expect(compileQuery('آیین همسرداری').should).toEqual(expect.arrayContaining(['همسرداری', 'همسر']));
    expect(indexDocument({ headline: 'همسرداری در خانواده', body: [] }).head.split(' ')).toEqual(expect.arrayContaining(['همسرداری', 'همسر']));
  });
});
