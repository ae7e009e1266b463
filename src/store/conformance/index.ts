/**
 * The Store conformance suite, for adapter tests only (it imports vitest): not exported from the store
 * module's index.ts, so that running code never loads it.
 */
export { describeStoreConformance } from './describe-store-conformance.js';
export { richStory, plainStory, sourceStories } from './fixtures.js';
export { describeNewsroomConformance } from './describe-newsroom-conformance.js';
