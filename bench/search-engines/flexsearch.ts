/**
 * FlexSearch (in memory): `new Index()` with its default options (tokenize "strict", default encoder),
 * and with khabar's analyzer as its `encode` function (used for documents and queries alike).
 * Multi-word queries run with `suggest: true`: by default FlexSearch intersects the query terms, which
 * returns nothing for most multi-word topics; suggest keeps stories that match only some of them.
 */
import { Index, type IndexOptions } from 'flexsearch';
import { terms } from '../../src/analysis/index.js';
import { storyText, type EngineSpec, type SearchEngine } from './engine.js';

function openFlexSearch(options: IndexOptions): SearchEngine {
  const index = new Index(options);
  // Numeric ids: FlexSearch stores ids in its posting lists, numbers are its fast path.
  const uris: string[] = [];
  return {
    async add(stories) {
      for (const s of stories) index.add(uris.push(s.uri) - 1, storyText(s));
    },
    async search(q, k) {
      const ids = index.search(q, { limit: k, suggest: true }) as number[];
      return ids.map((i) => uris[i]!);
    },
    async size() {
      let bytes = 0;
      // A synchronous handler: export calls it once per chunk (registry, map, context, cfg).
      index.export((key: string, data: string) => {
        bytes += Buffer.byteLength(key) + Buffer.byteLength(data ?? '');
      });
      return { bytes, how: 'index.export() chunks, bytes summed (ids only, no documents)' };
    },
    async close() {},
  };
}

export const flexSearchSpec: EngineSpec = {
  key: 'flexsearch',
  label: 'FlexSearch',
  config: 'new Index() defaults (tokenize "strict", default Encoder, resolution 9); search(q, { limit, suggest: true })',
  khabarAnalyzer: false,
  create: async () => openFlexSearch({}),
};

export const flexSearchKhabarSpec: EngineSpec = {
  key: 'flexsearch-fa',
  label: 'FlexSearch + khabar analyzer',
  config: 'new Index({ encode: terms }) (khabar `fa` terms for documents and queries), tokenize "strict"; search(q, { limit, suggest: true })',
  khabarAnalyzer: true,
  create: async () => openFlexSearch({ encode: (text: string) => terms(text) }),
};
