/** Storage: the Store interface and its adapters. */
export type { Store, StoredStory, PutResult, StoryRef, ListQuery, NameCount } from './store.js';
