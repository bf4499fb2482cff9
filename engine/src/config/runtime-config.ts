/**
 * The runtime's settings (execute/engine.ts and what it runs): its pool and the metadata database, response options,
 * request limits (engine-limits.ts), actions, and `ENGINE_DEBUG`.
 */
import type { InternalErrors } from '../errors.js';
import { debugEnabled } from './engine-vars.js';
import { engineLimits, type EngineLimits } from './engine-limits.js';
import { lazyHasuraSettings, type EnvRecord, type HasuraSettings } from './hasura-env.js';
import { runtimeInternalErrors } from './internal-errors.js';
import { deepFreeze } from './freeze.js';

export interface RuntimeSettings {
  /** `HASURA_GRAPHQL_PG_CONNECTIONS`: size of the default source's pool. */
  readonly poolSize: number;
  /** `HASURA_GRAPHQL_METADATA_DATABASE_URL`: where hdb_catalog lives; unset, the default source's database. */
  readonly metadataDatabaseUrl: string | undefined;
  /** `HASURA_GRAPHQL_STRINGIFY_NUMERIC_TYPES`: bigint/numeric/float8 as strings. */
  readonly stringifyNumeric: boolean;
  /** `HASURA_GRAPHQL_V1_BOOLEAN_NULL_COLLAPSE`: the v1 meaning of null in `where`. */
  readonly nullCollapse: boolean;
  /** Who sees `extensions.internal` in the error bodies the runtime renders (internal-errors.ts). */
  readonly internalErrors: InternalErrors;
}

export interface ActionsConfig {
  /** `HASURA_GRAPHQL_CONFIGURED_HEADER_PRECEDENCE`: headers from metadata win over client headers. */
  readonly configuredHeaderPrecedence: boolean;
  /** `HASURA_GRAPHQL_ASYNC_ACTIONS_FETCH_INTERVAL` (ms; 0 stops the processor). */
  readonly asyncFetchIntervalMs: number;
  /** `HASURA_GRAPHQL_ASYNC_ACTIONS_FETCH_BATCH_SIZE`: rows claimed per fetch. */
  readonly asyncFetchBatchSize: number;
  /** The environment that `value_from_env` headers and `{{NAME}}` handler URLs read when an action is called. */
  readonly env: EnvRecord;
}

/** What `createRuntime` needs; an {@link EngineConfig} is one. */
export interface RuntimeConfig {
  readonly runtime: RuntimeSettings;
  readonly limits: EngineLimits;
  readonly actions: ActionsConfig;
  /** `ENGINE_DEBUG` (engine-vars.ts). */
  readonly debug: boolean;
}

export function readRuntimeSettings(s: HasuraSettings): RuntimeSettings {
  return {
    poolSize: s.HASURA_GRAPHQL_PG_CONNECTIONS,
    metadataDatabaseUrl: s.HASURA_GRAPHQL_METADATA_DATABASE_URL,
    stringifyNumeric: s.HASURA_GRAPHQL_STRINGIFY_NUMERIC_TYPES,
    nullCollapse: s.HASURA_GRAPHQL_V1_BOOLEAN_NULL_COLLAPSE,
    internalErrors: runtimeInternalErrors(s),
  };
}

export function readActionsConfig(s: HasuraSettings, env: EnvRecord): ActionsConfig {
  return {
    configuredHeaderPrecedence: s.HASURA_GRAPHQL_CONFIGURED_HEADER_PRECEDENCE,
    asyncFetchIntervalMs: s.HASURA_GRAPHQL_ASYNC_ACTIONS_FETCH_INTERVAL,
    asyncFetchBatchSize: s.HASURA_GRAPHQL_ASYNC_ACTIONS_FETCH_BATCH_SIZE,
    env: Object.freeze({ ...env }),
  };
}

/**
 * The runtime's settings from `env` alone, for `createRuntime({ env })` and `engine print-schema`: only the settings
 * the runtime uses are read (a bad value among them is refused; other variables, known or not, are not looked at).
 * `engine serve` and `startEngineServer` validate the whole environment with `readEngineConfig`.
 */
export function readRuntimeConfig(env: EnvRecord): RuntimeConfig {
  const s = lazyHasuraSettings(env);
  return deepFreeze({
    runtime: readRuntimeSettings(s),
    limits: engineLimits(env),
    actions: readActionsConfig(s, env),
    debug: debugEnabled(env),
  });
}
