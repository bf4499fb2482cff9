/**
 * Every setting of the engine, read once into one frozen object ({@link readEngineConfig}): Hasura's
 * `HASURA_GRAPHQL_*` variables with the grammar and defaults of their table (hasura-env.ts) and the engine's own
 * `ENGINE_*` ones (engine-vars.ts). The rest of the engine receives this object, or the part it needs; the process
 * environment is read nowhere else.
 */
import { readAuthConfig, type AuthConfig } from './auth-config.js';
import { debugEnabled } from './engine-vars.js';
import { engineLimits } from './engine-limits.js';
import { validateHasuraEnv, type EnvRecord, type HasuraSettings } from './hasura-env.js';
import { deepFreeze } from './freeze.js';
import { readActionsConfig, readRuntimeSettings, type RuntimeConfig } from './runtime-config.js';
import { readServerConfig, type ServerConfig } from './server-config.js';
import { readWebsocketConfig, type WebsocketConfig } from './websocket-config.js';

/** What `engine serve` takes from the environment when no flag says otherwise. */
export interface ServeConfig {
  /** `HASURA_GRAPHQL_SERVER_PORT` (8080). */
  readonly port: number;
  /** `HASURA_GRAPHQL_SERVER_HOST` (`*`: every interface). */
  readonly host: string;
  /** `HASURA_GRAPHQL_DATABASE_URL`: the default source when databases.yaml says from_env. */
  readonly databaseUrl: string | undefined;
  /** `HASURA_GRAPHQL_METADATA_DIR`. */
  readonly metadataDir: string | undefined;
}

export interface EngineConfig extends RuntimeConfig {
  readonly serve: ServeConfig;
  readonly server: ServerConfig;
  readonly websocket: WebsocketConfig;
  readonly auth: AuthConfig;
}

function readServeConfig(s: HasuraSettings): ServeConfig {
  return {
    port: s.HASURA_GRAPHQL_SERVER_PORT,
    host: s.HASURA_GRAPHQL_SERVER_HOST,
    databaseUrl: s.HASURA_GRAPHQL_DATABASE_URL,
    metadataDir: s.HASURA_GRAPHQL_METADATA_DIR,
  };
}

/**
 * Validate the whole environment (every `HASURA_GRAPHQL_*` entry: unknown names, values Hasura refuses, values this
 * engine cannot honour; then the settings that depend on each other, like Hasura's auth modes) and return the
 * settings. Throws a `ConfigError` (`HasuraEnvError` for one variable) with one line that never carries a secret.
 */
export function readEngineConfig(env: EnvRecord): EngineConfig {
  const s = validateHasuraEnv(env);
  const serve = readServeConfig(s);
  const server = readServerConfig(s, env);
  const websocket = readWebsocketConfig(s, env);
  const auth = readAuthConfig(s, env);
  const limits = engineLimits(env);
  return deepFreeze({
    serve,
    server,
    websocket,
    auth,
    runtime: readRuntimeSettings(s),
    limits,
    actions: readActionsConfig(s, env),
    debug: debugEnabled(env),
  });
}

/** `HASURA_GRAPHQL_DATABASE_URL` as given, for `engine print-schema` (which checks the URL itself). */
export function databaseUrlSetting(env: EnvRecord): string | undefined {
  return env['HASURA_GRAPHQL_DATABASE_URL'];
}
