/**
 * The websocket transport's settings: `HASURA_GRAPHQL_{LIVE,STREAMING}_QUERIES_MULTIPLEXED_*` (ms, cohorts),
 * `HASURA_GRAPHQL_WEBSOCKET_KEEPALIVE` (s), `…_CONNECTION_INIT_TIMEOUT` (s), with Hasura's grammar and defaults (0 keeps
 * the default: no busy polling, no instant timeout); and ours, `ENGINE_WS_MAX_SUBSCRIPTIONS` (running operations per
 * connection, default 100) and `ENGINE_WS_MAX_FRAME_BYTES` (largest client message, default 1 MiB).
 */
import type { InternalErrors } from '../errors.js';
import { positiveIntegerVar } from './engine-vars.js';
import { HASURA_VARS } from './hasura-env.js';
import type { EnvRecord, HasuraSettings } from './hasura-env.js';
import { runtimeInternalErrors } from './internal-errors.js';

export interface PollerSettings {
  readonly refetchIntervalMs: number;
  readonly batchSize: number;
}

export interface WebsocketConfig {
  readonly liveQueries: PollerSettings;
  readonly streaming: PollerSettings;
  readonly keepAliveMs: number;
  readonly initTimeoutMs: number;
  /** Who sees `extensions.internal` in frames (internal-errors.ts). */
  readonly internalErrors: InternalErrors;
  /** Running operations (subscriptions, unfinished queries and mutations) per connection. */
  readonly maxSubscriptions: number;
  /** Largest client message in bytes; a bigger one closes the socket with 1009. */
  readonly maxFrameBytes: number;
}

type NumericName =
  | 'HASURA_GRAPHQL_LIVE_QUERIES_MULTIPLEXED_REFETCH_INTERVAL'
  | 'HASURA_GRAPHQL_LIVE_QUERIES_MULTIPLEXED_BATCH_SIZE'
  | 'HASURA_GRAPHQL_STREAMING_QUERIES_MULTIPLEXED_REFETCH_INTERVAL'
  | 'HASURA_GRAPHQL_STREAMING_QUERIES_MULTIPLEXED_BATCH_SIZE'
  | 'HASURA_GRAPHQL_WEBSOCKET_KEEPALIVE'
  | 'HASURA_GRAPHQL_WEBSOCKET_CONNECTION_INIT_TIMEOUT';

function positive(s: HasuraSettings, name: NumericName): number {
  const n = s[name];
  return n > 0 ? n : HASURA_VARS[name].default;
}

export function readWebsocketConfig(s: HasuraSettings, env: EnvRecord): WebsocketConfig {
  return {
    maxSubscriptions: positiveIntegerVar(env, 'ENGINE_WS_MAX_SUBSCRIPTIONS', 100),
    maxFrameBytes: positiveIntegerVar(env, 'ENGINE_WS_MAX_FRAME_BYTES', 1024 * 1024),
    liveQueries: {
      refetchIntervalMs: positive(s, 'HASURA_GRAPHQL_LIVE_QUERIES_MULTIPLEXED_REFETCH_INTERVAL'),
      batchSize: positive(s, 'HASURA_GRAPHQL_LIVE_QUERIES_MULTIPLEXED_BATCH_SIZE'),
    },
    streaming: {
      refetchIntervalMs: positive(s, 'HASURA_GRAPHQL_STREAMING_QUERIES_MULTIPLEXED_REFETCH_INTERVAL'),
      batchSize: positive(s, 'HASURA_GRAPHQL_STREAMING_QUERIES_MULTIPLEXED_BATCH_SIZE'),
    },
    keepAliveMs: positive(s, 'HASURA_GRAPHQL_WEBSOCKET_KEEPALIVE') * 1000,
    initTimeoutMs: positive(s, 'HASURA_GRAPHQL_WEBSOCKET_CONNECTION_INIT_TIMEOUT') * 1000,
    internalErrors: runtimeInternalErrors(s),
  };
}
