/**
 * The content hash that makes puts idempotent: SHA-256 of the story's canonical JSON (keys sorted at
 * every level) without `version` and `code`. The version is the store's count, not content; the code is
 * the story's identity, checked separately (it never changes), and a re-import often lacks the code the
 * store assigned the first time.
 */
import { createHash } from 'node:crypto';
import type { Story } from '../story/index.js';

/** JSON with object keys sorted, so that equal values give equal text whatever their key order. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) return `[${value.map((v) => (v === undefined ? 'null' : canonicalJson(v))).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}

/** The hash stored in `stories.content_hash` (hex). */
export function contentHash(story: Story): string {
  const { version: _version, code: _code, ...content } = story;
  return createHash('sha256').update(canonicalJson(content)).digest('hex');
}
