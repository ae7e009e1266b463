/**
 * What every page handler is given: the server's dependencies, the asset URLs, and two small caches that
 * keep the hot pages cheap (the story page must serve thousands of requests a second on two cores):
 * - the service list for the navigation, recomputed at most every {@link SERVICES_TTL_MS};
 * - related stories per story version for {@link RELATED_TTL_MS} (a full-text query per view otherwise).
 * Both only delay what a reader sees by seconds; the story itself is always read fresh.
 */
import type { SearchHit } from '../../search/index.js';
import type { ServerDeps } from '../deps.js';
import type { SiteAssets } from './assets/site-assets.js';

/** How long the navigation's service list is reused. */
export const SERVICES_TTL_MS = 10_000;
/** How long a story's related stories are reused. */
export const RELATED_TTL_MS = 60_000;
/** Most story versions whose related stories are kept. */
const RELATED_MAX = 2_000;
/** Related stories a story page shows. */
export const RELATED_COUNT = 5;

/** Shared state of the site's handlers. */
export interface SiteContext {
  deps: ServerDeps;
  assets: Pick<SiteAssets, 'css' | 'font' | 'icon'>;
  /** Services in navigation order: the settings' list first, then the rest by story count. */
  services(): Promise<string[]>;
  /** The last service list computed, without waiting (error pages must not touch a failing store). */
  cachedServices(): string[];
  /** Related stories of a story version. */
  related(id: number, version: number): Promise<SearchHit[]>;
}

/** Builds the context; `now` is injectable for tests. */
export function createSiteContext(deps: ServerDeps, assets: SiteContext['assets'], now: () => number = Date.now): SiteContext {
  let services: string[] = [];
  let servicesAt = -Infinity;
  let pending: Promise<string[]> | undefined;
  const related = new Map<string, { at: number; hits: Promise<SearchHit[]> }>();

  const loadServices = async (): Promise<string[]> => {
    const counts = await deps.store.services();
    const known = new Set(counts.map((s) => s.name));
    const first = deps.settings.services.filter((s) => known.has(s));
    const rest = counts.map((s) => s.name).filter((s) => !first.includes(s));
    return [...first, ...rest];
  };

  return {
    deps,
    assets,
    services() {
      if (now() - servicesAt < SERVICES_TTL_MS) return Promise.resolve(services);
      // One reload at a time: concurrent requests share it.
      pending ??= loadServices().then((list) => {
        services = list;
        servicesAt = now();
        return list;
      }).finally(() => { pending = undefined; });
      return pending;
    },
    cachedServices: () => services,
    related(id, version) {
      const key = `${id}:${version}`;
      const hit = related.get(key);
      const t = now();
      if (hit !== undefined && t - hit.at < RELATED_TTL_MS) return hit.hits;
      const hits = deps.store.related(id, RELATED_COUNT);
      // A failed lookup is not kept: the next view tries again.
      hits.catch(() => related.delete(key));
      if (related.size >= RELATED_MAX) related.delete(related.keys().next().value!);
      related.delete(key);
      related.set(key, { at: t, hits });
      return hits;
    },
  };
}
