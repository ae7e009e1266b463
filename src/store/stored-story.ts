/** How a story is stored, the same in every adapter: its JSON with code and version, its columns, its time. */
import type { Story } from '../story/index.js';

/** The story as stored: code and version filled in, uri and code first for readable JSON. */
export function withCodeAndVersion(story: Story, code: number, version: number): Story {
  const { uri, code: _code, version: _version, ...rest } = story;
  return { uri, code, version, ...rest };
}

/** Column values taken from the story itself. */
export function storyColumns(story: Story) {
  return {
    uri: story.uri,
    source_name: story.source?.name ?? null,
    source_id: story.source?.id ?? null,
    service: story.service ?? null,
    agency: story.agency ?? null,
    pub_status: story.pubStatus,
  };
}

/** The publication time lists and date filters use (ms): this version's, else the first's, else `fallback`. */
export function publishedAtOf(story: Story, fallback: number): number {
  const iso = story.versionCreated ?? story.firstCreated;
  return iso === undefined ? fallback : Date.parse(iso);
}
