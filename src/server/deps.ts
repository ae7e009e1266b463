/** What every part of the server is given: the store, the settings, the live wire hub and a logger. */
import type { Newsroom } from '../newsroom/index.js';
import type { Store } from '../store/index.js';
import type { SiteSettings } from './settings.js';
import type { WireHub } from './wire/wire-hub.js';

/** The server's dependencies (the CLI builds them; tests build their own). */
export interface ServerDeps {
  store: Store;
  settings: SiteSettings;
  hub: WireHub;
  /** One line per request and per server error; defaults to nothing. */
  log: (line: string) => void;
  /**
   * The newsroom service the newsroom API calls (built with the hub's `poke` as its `onWrite`); when
   * absent, the API builds one over `store`.
   */
  newsroom?: Newsroom;
}
