/**
 * MiniSearch (in memory, BM25+): with its default tokenizer (splits at Unicode space and punctuation,
 * lower-cases) and with khabar's analyzer as tokenizer, terms passed through unchanged.
 */
import MiniSearch, { type Options } from 'minisearch';
import { terms } from '../../src/analysis/index.js';
import { storyText, type EngineSpec, type SearchEngine } from './engine.js';

interface Doc {
  id: string;
  text: string;
}

function openMiniSearch(options: Partial<Options<Doc>>): SearchEngine {
  const ms = new MiniSearch<Doc>({ fields: ['text'], ...options });
  return {
    async add(stories) {
      ms.addAll(stories.map((s) => ({ id: s.uri, text: storyText(s) })));
    },
    async search(q, k) {
      // MiniSearch scores every match (OR of the query terms by default); keep the top k.
      return ms.search(q).slice(0, k).map((r) => String(r.id));
    },
    async size() {
      return { bytes: Buffer.byteLength(JSON.stringify(ms)), how: 'JSON.stringify(index) (no documents stored)' };
    },
    async close() {},
  };
}

export const miniSearchSpec: EngineSpec = {
  key: 'minisearch',
  label: 'MiniSearch',
  config: "new MiniSearch({ fields: ['text'] }): default tokenizer and processTerm (lower-case), search(q) with default options (OR, BM25+)",
  khabarAnalyzer: false,
  create: async () => openMiniSearch({}),
};

export const miniSearchKhabarSpec: EngineSpec = {
  key: 'minisearch-fa',
  label: 'MiniSearch + khabar analyzer',
  config: "fields ['text'], tokenize: terms (khabar `fa`), processTerm: identity, same for the query (searchOptions.tokenize/processTerm)",
  khabarAnalyzer: true,
  create: async () => openMiniSearch({
    tokenize: (text) => terms(text),
    processTerm: (t) => t,
    searchOptions: { tokenize: (text) => terms(text), processTerm: (t) => t },
  }),
};
