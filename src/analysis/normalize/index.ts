/** The editorial normalizer for Persian display text. */
export { normalize } from './normalize.js';
export { DEFAULT_NORMALIZE_OPTIONS, resolveNormalizeOptions } from './options.js';
export type { NormalizeOptions, ResolvedNormalizeOptions } from './options.js';
