/** The HTTP layer: `startEngineServer` (docs/design.md "Engine API") and the lower-level `startHttpServer`. */
export { startEngineServer, startHttpServer } from './start.js';
export type { EngineServer, EngineServerOptions, HttpServerOptions, UpgradeContext } from './start.js';
export { HASURA_VERSION } from './health.js';
