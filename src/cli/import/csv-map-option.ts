/** The `--csv-map` option: `headline=title,lead=introtext,…` → a column map for csvStories. */
import { KhabarError } from '../../errors/index.js';
import type { CsvColumnMap } from '../../story/index.js';

const FIELDS = ['headline', 'lead', 'body', 'service', 'agency', 'date', 'tags', 'id', 'url'] as const;

/**
 * Parses a `field=column,…` list. Column names may not contain commas or `=`.
 * @throws KhabarError USAGE for an unknown field, a pair without `=`, a repeated field, or no headline.
 */
export function parseCsvMapOption(text: string): CsvColumnMap {
  const map: Record<string, string> = {};
  for (const pair of text.split(',').map((p) => p.trim()).filter(Boolean)) {
    const eq = pair.indexOf('=');
    if (eq <= 0 || eq === pair.length - 1) throw new KhabarError('USAGE', `--csv-map: "${pair}" is not field=column`);
    const field = pair.slice(0, eq).trim();
    const column = pair.slice(eq + 1).trim();
    if (!(FIELDS as readonly string[]).includes(field)) {
      throw new KhabarError('USAGE', `--csv-map: unknown field "${field}" (fields: ${FIELDS.join(', ')})`);
    }
    if (field in map) throw new KhabarError('USAGE', `--csv-map: ${field} is mapped twice`);
    map[field] = column;
  }
  if (!map.headline) throw new KhabarError('USAGE', '--csv-map needs headline=<column>');
  return map as unknown as CsvColumnMap;
}
