// Public API of the engine package (docs/design.md "Engine API"). Append-only: the HTTP layer adds its exports below.
export type * from './metadata/types.js';
export { qualify } from './metadata/types.js';
export type { Session } from './session.js';
export { makeSession, ADMIN_SESSION } from './session.js';
export { EngineError, toGraphQLError } from './errors.js';
export type { ErrorCode, GraphQLErrorJson } from './errors.js';
export type { Runtime, RuntimeOptions, EngineEnv, ExecuteRequest, ExecuteResult, ExplainResult } from './runtime.js';
export { createRuntime } from './runtime.js';
export { loadMetadataDir } from './metadata/load-metadata-dir.js';
// HTTP and auth layer (engine/src/server, engine/src/auth).
export { startEngineServer, startHttpServer, HASURA_VERSION } from './server/index.js';
export type { EngineServer, EngineServerOptions, HttpServerOptions, UpgradeContext } from './server/index.js';
export { createAuthenticator, AuthConfigError, connectionInitHeaders, fromRawHeaders } from './auth/index.js';
export type { Authenticator, AuthResult, AuthModeName, HeaderList } from './auth/index.js';
