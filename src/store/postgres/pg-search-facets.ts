/** Facet counts of a PostgreSQL search: per service, agency and Jalali month over every match. */
import { monthKey } from '../../search/index.js';
import type { FacetCount } from '../../search/index.js';
import type pg from 'pg';

const HALF_HOUR = 1_800_000;

/**
 * Counts per service, agency and Jalali month over the matches of `where` (conditions on `s`). Months as
 * sqlite/search-extras.ts: counted per half hour in SQL (Iran's offsets are whole half hours), then
 * grouped into Jalali months here.
 */
export async function facetsPg(client: pg.PoolClient, where: string, params: readonly unknown[]) {
  const from = `stories s WHERE ${where}`;
  const byColumn = async (col: 'service' | 'agency'): Promise<FacetCount[]> =>
    (await client.query<FacetCount>(`SELECT s.${col} AS value, count(*)::int AS count FROM ${from} AND s.${col} IS NOT NULL
      GROUP BY s.${col} ORDER BY count DESC, value LIMIT 50`, [...params])).rows;
  const months = new Map<string, number>();
  const { rows } = await client.query<{ b: string; n: number }>(
    `SELECT s.published_at / ${HALF_HOUR} AS b, count(*)::int AS n FROM ${from} GROUP BY b`, [...params]);
  for (const r of rows) {
    const key = monthKey(new Date(Number(r.b) * HALF_HOUR).toISOString());
    months.set(key, (months.get(key) ?? 0) + r.n);
  }
  const month = [...months].map(([value, count]) => ({ value, count })).sort((a, b) => (a.value < b.value ? 1 : -1));
  return { service: await byColumn('service'), agency: await byColumn('agency'), month };
}
