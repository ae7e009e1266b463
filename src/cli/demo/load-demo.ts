/**
 * Demo content for a fresh instance: the wire-text stories in `demo/` (written for khabar, see
 * demo/README.md), published relative to the first start (`hoursAgo` in demo/manifest.json), with their
 * tags as keywords. Loaded by `khabar serve` when the database has no stories.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { KhabarError } from '../../errors/index.js';
import { parseWire, type Story } from '../../story/index.js';
import type { Store } from '../../store/index.js';

/** One manifest entry. */
export interface DemoEntry {
  file: string;
  tags: string[];
  urgency: number;
  hoursAgo: number;
}

/** The source name demo stories carry: their identity is (khabar-demo, file name). */
export const DEMO_SOURCE = 'khabar-demo';
/** The agency the demo text is written for. */
const DEMO_AGENCY = 'خبرگزاری آران';

/** The repository's demo/ folder, found upwards from this file (it runs from src/ in tests, dist/src/ built). */
export function demoDir(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 6; i++) {
    if (existsSync(join(dir, 'demo', 'manifest.json'))) return join(dir, 'demo');
    dir = dirname(dir);
  }
  throw new KhabarError('IO', 'demo content not found (demo/manifest.json beside the package)');
}

/** The demo stories, published `hoursAgo` before `now`, for the given agency name. */
export function demoStories(now: Date, agency = DEMO_AGENCY, dir = demoDir()): Story[] {
  const entries = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as DemoEntry[];
  return entries.map((e) => {
    const text = readFileSync(join(dir, 'stories', e.file), 'utf8');
    const { story } = parseWire(agency === DEMO_AGENCY ? text : text.replaceAll(DEMO_AGENCY, agency), { source: { name: DEMO_SOURCE, id: e.file } });
    const at = new Date(now.getTime() - e.hoursAgo * 3_600_000).toISOString();
    return { ...story, firstCreated: at, versionCreated: at, urgency: e.urgency, keywords: e.tags };
  });
}

/** Loads the demo stories into `store`, oldest first (so the wire log runs in publication order). */
export async function loadDemoContent(store: Store, now = new Date(), agency?: string): Promise<number> {
  const stories = demoStories(now, agency).sort((a, b) => Date.parse(a.versionCreated!) - Date.parse(b.versionCreated!));
  const results = await store.putStories(stories);
  return results.filter((r) => r.status === 'created').length;
}
