import { describe, expect, it } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { lemmatize } from './index.js';

// The UD PerDT gold lives in ../shared (CC BY-SA, evaluation data): read from there, never copied.
const GOLD = fileURLToPath(new URL('../../../../shared/corpus/ud-lemmas/form-lemma-upos.derived.tsv', import.meta.url));
const present = existsSync(GOLD);

describe('lemmatize on the UD Persian PerDT gold', () => {
  it.skipIf(!present)(`token-weighted accuracy ≥ 0.91${present ? '' : ` (skipped: ${GOLD} not found; ../shared is absent)`}`, () => {
    let tokens = 0;
    let good = 0;
    for (const line of readFileSync(GOLD, 'utf8').split('\n').slice(1)) {
      const [form, lemma, , count] = line.split('\t');
      if (!form || lemma === undefined) continue;
      const n = Number(count) || 1;
      tokens += n;
      if (lemmatize(form) === lemma) good += n;
    }
    expect(tokens).toBeGreaterThan(10_000);
    expect(good / tokens).toBeGreaterThanOrEqual(0.91);
  });
});
