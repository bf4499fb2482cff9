// Public API of the engine package: the library (createEngine), the runtime under it, the server over it.
export { createEngine } from './execute/library.js';
export type { Engine, EngineOptions, GraphQLResponse, SessionVariables } from './execute/library.js';
export type * from './metadata/types.js';
export { qualify } from './metadata/types.js';
export type { Session } from './session.js';
export { makeSession, ADMIN_SESSION } from './session.js';
export { EngineError, toGraphQLError } from './errors.js';
export type { ErrorCode, GraphQLErrorJson } from './errors.js';
export type {
  Runtime,
  RuntimeOptions,
  EngineEnv,
  ExecuteRequest,
  ExecuteResult,
  ExplainResult,
} from './execute/types.js';
export { createRuntime } from './execute/engine.js';
export { loadMetadataDir } from './metadata/load-metadata-dir.js';
// HTTP and auth layer (engine/src/server, engine/src/auth).
export { startEngineServer, startHttpServer, HASURA_VERSION } from './server/index.js';
export type { EngineServer, EngineServerOptions, HttpServerOptions, UpgradeContext } from './server/index.js';
export { createAuthenticator, AuthConfigError, connectionInitHeaders, fromRawHeaders } from './auth/index.js';
export type { Authenticator, AuthResult, AuthModeName, HeaderList } from './auth/index.js';
// Hasura's HASURA_GRAPHQL_* variables: names, parsers, defaults and what the engine does with each (src/config).
export { validateHasuraEnv, hasuraSetting, HasuraEnvError, HASURA_VARS } from './config/hasura-env.js';
export type { HasuraSettings, HasuraVarName } from './config/hasura-env.js';
// Every setting read once into one frozen object (src/config): `readEngineConfig` validates the whole environment as
// `startEngineServer` does; `readRuntimeConfig` reads the runtime's part as `createRuntime({ env })` does. Both entry
// points also take the result as `config`.
export { readEngineConfig, readRuntimeConfig, ConfigError } from './config/index.js';
export type { EngineConfig, RuntimeConfig } from './config/index.js';
