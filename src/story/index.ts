/**
 * The story and its formats: the Story model, wire text, ninjs, NewsML-G2, feed items and Jalali dates.
 * Pure code: no node:* modules, runs in a browser too.
 */
export { storySchema, validateStory, createStory, stripUndefined, PUB_STATUSES, FIELD_LIMITS } from './story.js';
export type { Story, StoryInit, StorySource, Subject, PubStatus } from './story.js';
