/**
 * Orama (in memory, BM25): its default tokenizer (language "english", which splits at every character
 * outside [A-Za-z0-9…], i.e. at every Persian letter), and a custom tokenizer component running khabar's
 * analyzer. The custom tokenizer returns each term once, as Orama's own tokenizer does: Orama counts term
 * frequency by rescanning the token list per token, quadratic in document length for repeated terms.
 */
import { create, insertMultiple, save, search, type AnyOrama } from '@orama/orama';
import { terms } from '../../src/analysis/index.js';
import { storyText, type EngineSpec, type SearchEngine } from './engine.js';

function openOrama(db: AnyOrama): SearchEngine {
  return {
    async add(stories) {
      await insertMultiple(db, stories.map((s) => ({ id: s.uri, text: storyText(s) })), 1000);
    },
    async search(q, k) {
      const r = await search(db, { term: q, properties: ['text'], limit: k });
      return r.hits.map((h) => h.id);
    },
    async size() {
      try {
        return { bytes: Buffer.byteLength(JSON.stringify(await save(db))), how: 'JSON.stringify(save(db)) (includes the documents)' };
      } catch (e) {
        // V8 strings stop at ~512 M characters; report rather than fail the whole run.
        return { bytes: NaN, how: `JSON.stringify(save(db)) failed: ${(e as Error).message}` };
      }
    },
    async close() {},
  };
}

export const oramaSpec: EngineSpec = {
  key: 'orama',
  label: 'Orama',
  config: "create({ schema: { text: 'string' } }) defaults (tokenizer language english, no stemming); insertMultiple batches of 1,000; search({ term, properties: ['text'], limit }) (threshold 1: any term)",
  khabarAnalyzer: false,
  create: async () => openOrama(create({ schema: { text: 'string' } as const })),
};

export const oramaKhabarSpec: EngineSpec = {
  key: 'orama-fa',
  label: 'Orama + khabar analyzer',
  config: "schema { text: 'string' }, components.tokenizer = { tokenize: unique khabar `fa` terms } for documents and queries; same search",
  khabarAnalyzer: true,
  create: async () => openOrama(create({
    schema: { text: 'string' } as const,
    components: {
      tokenizer: {
        language: 'english',
        normalizationCache: new Map(),
        tokenize: (raw: string) => [...new Set(terms(raw))],
      },
    },
  })),
};
