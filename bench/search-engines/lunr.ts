/**
 * Lunr (in memory, BM25): its default builder (whitespace/hyphen tokenizer, then trimmer, English stop
 * words and Porter stemmer) and a builder whose tokenizer is khabar's analyzer with the pipelines emptied
 * (the terms are already folded lemmas). Queries go through `index.query` with one optional clause per
 * query token rather than `index.search`, whose query parser would treat `:`, `~`, `^`, `+`, `-` in
 * headline text as syntax.
 */
import lunr from 'lunr';
import { terms } from '../../src/analysis/index.js';
import { storyText, type EngineSpec, type SearchEngine } from './engine.js';

function openLunr(khabarAnalyzer: boolean): SearchEngine {
  let index: lunr.Index | undefined;
  const queryTerms = khabarAnalyzer ? terms : (q: string) => lunr.tokenizer(q).map((t) => t.toString());
  return {
    async add(stories) {
      // Lunr indexes are immutable: one build over the whole corpus.
      index = lunr(function () {
        this.ref('id');
        this.field('text');
        if (khabarAnalyzer) {
          this.tokenizer = Object.assign((obj?: unknown) =>
            terms(String(obj ?? '')).map((t, i) => new lunr.Token(t, { position: [i, 1] })), { separator: lunr.tokenizer.separator });
          this.pipeline.reset();
          this.searchPipeline.reset();
        }
        for (const s of stories) this.add({ id: s.uri, text: storyText(s) });
      });
    },
    async search(q, k) {
      if (!index) return [];
      const words = queryTerms(q);
      if (words.length === 0) return [];
      return index.query((query) => {
        for (const w of words) query.term(w, { presence: lunr.Query.presence.OPTIONAL });
      }).slice(0, k).map((r) => r.ref);
    },
    async size() {
      return { bytes: Buffer.byteLength(JSON.stringify(index)), how: 'JSON.stringify(index) (toJSON; no documents)' };
    },
    async close() {},
  };
}

export const lunrSpec: EngineSpec = {
  key: 'lunr',
  label: 'Lunr',
  config: "lunr(builder) defaults: ref 'id', field 'text', tokenizer lunr.tokenizer, pipeline trimmer + stopWordFilter + stemmer (English); query: one OPTIONAL clause per lunr.tokenizer token through the search pipeline (stemmer)",
  khabarAnalyzer: false,
  create: async () => openLunr(false),
};

export const lunrKhabarSpec: EngineSpec = {
  key: 'lunr-fa',
  label: 'Lunr + khabar analyzer',
  config: 'builder.tokenizer = khabar `fa` terms, pipeline and searchPipeline emptied; query: one OPTIONAL clause per khabar term',
  khabarAnalyzer: true,
  create: async () => openLunr(true),
};
