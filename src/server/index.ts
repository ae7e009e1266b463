/**
 * The server (DESIGN.md §4): the public RTL site, the JSON API, the feeds and the live wire, over a Store.
 * The CLI's `khabar serve` composes it; tests start it on a free port.
 */
export { createApp, MAX_BODY_BYTES } from './app.js';
export type { AppOptions } from './app.js';
export { startServer } from './start-server.js';
export type { RunningServer, ListenOptions } from './start-server.js';
export { siteSettings, DEFAULT_AGENCY } from './settings.js';
export type { SiteSettings } from './settings.js';
export { createWireHub } from './wire/wire-hub.js';
export type { WireHub } from './wire/wire-hub.js';
export type { ServerDeps } from './deps.js';
