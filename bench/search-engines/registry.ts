/** Every engine configuration `npm run bench:search` measures, in table order. */
import type { EngineSpec } from './engine.js';
import { khabarSpec } from './khabar.js';
import { plainFts5Spec } from './plain-fts5.js';
import { miniSearchKhabarSpec, miniSearchSpec } from './minisearch.js';
import { flexSearchKhabarSpec, flexSearchSpec } from './flexsearch.js';
import { oramaKhabarSpec, oramaSpec } from './orama.js';
import { lunrKhabarSpec, lunrSpec } from './lunr.js';

export const ENGINES: readonly EngineSpec[] = [
  khabarSpec, plainFts5Spec,
  miniSearchSpec, miniSearchKhabarSpec,
  flexSearchSpec, flexSearchKhabarSpec,
  oramaSpec, oramaKhabarSpec,
  lunrSpec, lunrKhabarSpec,
];
