/** What every part of the server is given: the store, the settings, the live wire hub and a logger. */
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
}
