/** A {@link ListQuery} checked and normalized, the same for every adapter (each turns it into its own SQL). */
import { KhabarError } from '../errors/index.js';
import { PUB_STATUSES, type PubStatus } from '../story/index.js';
import type { ListQuery } from './store.js';

/** Default and largest page of {@link ListQuery}. */
export const LIST_LIMITS = { default: 20, max: 1000 } as const;

/** What a list query asks for, every value checked. */
export interface CheckedListQuery {
  /** Distinct statuses, at least one. */
  statuses: PubStatus[];
  service?: string;
  agency?: string;
  tag?: string;
  /** ms since the epoch, inclusive. */
  from?: number;
  to?: number;
  limit: number;
  offset: number;
}

/** @throws KhabarError INVALID_INPUT naming the bad field (`query.limit`…). */
export function checkListQuery(query: ListQuery): CheckedListQuery {
  if (query === null || typeof query !== 'object') {
    throw new KhabarError('INVALID_INPUT', 'list query must be an object', { field: 'query' });
  }
  const statuses = query.pubStatus ?? ['usable'];
  if (!Array.isArray(statuses) || statuses.length === 0 || !statuses.every((s) => PUB_STATUSES.includes(s))) {
    throw new KhabarError('INVALID_INPUT',
      `query.pubStatus must be a non-empty array of ${PUB_STATUSES.join(', ')}`, { field: 'query.pubStatus' });
  }
  const out: CheckedListQuery = { statuses: [...new Set(statuses)], limit: query.limit ?? LIST_LIMITS.default, offset: query.offset ?? 0 };
  for (const field of ['service', 'agency', 'tag'] as const) {
    const v = query[field];
    if (v === undefined) continue;
    if (typeof v !== 'string') throw new KhabarError('INVALID_INPUT', `query.${field} must be a string`, { field: `query.${field}` });
    out[field] = v;
  }
  if (query.from !== undefined) out.from = instant(query.from, 'query.from');
  if (query.to !== undefined) out.to = instant(query.to, 'query.to');
  if (!Number.isInteger(out.limit) || out.limit < 1 || out.limit > LIST_LIMITS.max) {
    throw new KhabarError('INVALID_INPUT', `query.limit must be an integer from 1 to ${LIST_LIMITS.max}, got ${String(out.limit)}`,
      { field: 'query.limit' });
  }
  if (!Number.isSafeInteger(out.offset) || out.offset < 0) {
    throw new KhabarError('INVALID_INPUT', `query.offset must be a non-negative integer, got ${String(out.offset)}`,
      { field: 'query.offset' });
  }
  return out;
}

/** An ISO 8601 instant as ms since the epoch. */
function instant(value: unknown, field: string): number {
  const ms = typeof value === 'string' ? Date.parse(value) : Number.NaN;
  if (Number.isNaN(ms)) {
    throw new KhabarError('INVALID_INPUT', `${field} must be an ISO 8601 instant, got ${JSON.stringify(value)}`, { field });
  }
  return ms;
}
