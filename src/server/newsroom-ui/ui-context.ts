/** What every newsroom page handler is given: the server's dependencies, the newsroom service, the assets. */
import { createNewsroom, type Newsroom } from '../../newsroom/index.js';
import type { ServerDeps } from '../deps.js';
import { uiAssets, type UiAssets } from './assets/ui-assets.js';

/** Shared state of the newsroom UI's handlers. */
export interface UiContext {
  deps: ServerDeps;
  newsroom: Newsroom;
  assets: UiAssets;
  /** Display names of users by id, for rows that show who (unknown ids are left out). */
  names(ids: Iterable<number | undefined>): Promise<Map<number, string>>;
}

/** Builds the context over `deps` (the same newsroom service as the API when the server has one). */
export function createUiContext(deps: ServerDeps): UiContext {
  const newsroom = deps.newsroom ?? createNewsroom({ store: deps.store, onWrite: () => deps.hub.poke(), agency: deps.settings.agency });
  return {
    deps, newsroom, assets: uiAssets(),
    async names(ids) {
      // Names only, after the service has decided the viewer may see the rows: the service has no
      // "display names" action for non-admins, so the store is read for this one field.
      const out = new Map<number, string>();
      for (const id of new Set([...ids].filter((i): i is number => i !== undefined))) {
        const u = await deps.store.newsroom.getUser(id);
        if (u) out.set(id, u.displayName);
      }
      return out;
    },
  };
}
