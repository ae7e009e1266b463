/** NewsML-G2 2.35 News Items for stories. */
export { toNewsML, NEWSML_NS } from './to-newsml.js';
export { IPTC_CATALOG, KHABAR_SCHEME_BASE } from './newsml-options.js';
export type { NewsMLOptions, NewsMLConceptRef } from './newsml-options.js';
export { renderXhtml, XHTML_NS } from './xhtml-body.js';
