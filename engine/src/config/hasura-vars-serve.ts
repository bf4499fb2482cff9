/**
 * The `graphql-engine serve` variables of Hasura v2.48 OSS (src: server/src-lib/Hasura/Server/Init/Arg/Command/Serve.hs,
 * the `…Option` records: name, default; parsers: Init/Env.hs; docs: deployment/graphql-engine-flags/reference.mdx),
 * each with what this engine does with it (see var-spec.ts for the three statuses).
 */
import {
  bool,
  corsDomains,
  int,
  json,
  listOf,
  nonEmpty,
  nonNegativeInt,
  nonNegativeSeconds,
  oneOf,
  port,
  positiveInt,
  text,
} from './parse-value.js';
import { optional, spec } from './var-spec.js';

const trimLower = (s: string): string => s.trim().toLowerCase();

export const API_NAMES = ['config', 'developer', 'graphql', 'metadata', 'metrics', 'pgdump'] as const;
export type ApiName = (typeof API_NAMES)[number];

/** `userAllowedLogTypes` (src: Hasura/Logging.hs). */
const LOG_TYPES = [
  'startup',
  'http-log',
  'webhook-log',
  'websocket-log',
  'query-log',
  'execution-log',
  'livequery-poller-log',
  'action-handler-log',
  'data-connector-log',
  'jwk-refresh-log',
  'validate-insert-input-log',
] as const;

/** `ExperimentalFeature` keys (src: Hasura/Server/Types.hs) plus the one the v2.48 docs add. */
const FEATURES = [
  'inherited_roles',
  'optimize_permission_filters',
  'naming_convention',
  'streaming_subscriptions',
  'apollo_federation',
  'hide_update_many_fields',
  'bigquery_string_numeric_input',
  'hide_aggregation_predicates',
  'hide_stream_fields',
  'group_by_aggregations',
  'disable_postgres_arrays',
  'remove_empty_subscription_responses',
] as const;
/** Features that change nothing here: always on in v2.48 (inherited roles, streaming), an SQL optimisation with the
 * same results, or BigQuery only. The others change the schema or responses in ways the engine does not implement. */
const FEATURES_WITHOUT_EFFECT: ReadonlySet<string> = new Set([
  'inherited_roles',
  'streaming_subscriptions',
  'optimize_permission_filters',
  'bigquery_string_numeric_input',
]);

const noWebhookEvents = 'no effect: the engine has no event triggers';
const onlyLogging = 'no effect: the engine writes its own few log lines, not Hasura’s structured logs';

export const SERVE_VARS = {
  HASURA_GRAPHQL_SERVER_PORT: spec(port, 8080, 'supported', 'HTTP port (`engine serve --port` wins)'),
  HASURA_GRAPHQL_SERVER_HOST: spec(
    text,
    '*',
    'supported',
    'interface to listen on; `*` (Hasura’s default) is every interface (`engine serve --host` wins)',
  ),
  HASURA_GRAPHQL_PG_STRIPES: spec(nonNegativeInt, 1, 'no-effect', 'no effect: the engine keeps one pool per database'),
  HASURA_GRAPHQL_PG_CONNECTIONS: spec(
    nonNegativeInt,
    10,
    'supported',
    'size of the default source’s pool (engine default 10; Hasura’s is 50)',
    { unsupportedValue: (v) => (v === 0 ? 'a pool of 0 connections cannot serve anything' : null) },
  ),
  HASURA_GRAPHQL_PG_TIMEOUT: spec(nonNegativeInt, 180, 'no-effect', 'no effect: idle connections are node-postgres’s'),
  HASURA_GRAPHQL_PG_CONN_LIFETIME: spec(nonNegativeSeconds, 600, 'no-effect', 'no effect: pool tuning only'),
  HASURA_GRAPHQL_USE_PREPARED_STATEMENTS: spec(
    bool,
    true,
    'no-effect',
    'no effect: the engine only sends unnamed statements (executor/, pgbouncer-safe), so true and false both behave as false does in Hasura',
  ),
  HASURA_GRAPHQL_PG_POOL_TIMEOUT: optional(nonNegativeSeconds, 'no-effect', 'no effect: pool tuning only'),
  // The name the docs' reference page gives (Hasura itself reads PG_POOL_TIMEOUT and ignores this one).
  HASURA_GRAPHQL_POOL_TIMEOUT: optional(nonNegativeSeconds, 'no-effect', 'no effect: pool tuning only'),
  HASURA_GRAPHQL_TX_ISOLATION: spec(
    oneOf(['read-committed', 'repeatable-read', 'serializable']),
    'read-committed',
    'unsupported',
    'transactions always run at read committed',
  ),
  HASURA_GRAPHQL_ADMIN_SECRET: optional(nonEmpty, 'supported', 'admin secret (an empty one is refused)', {
    secret: true,
  }),
  HASURA_GRAPHQL_ACCESS_KEY: optional(nonEmpty, 'supported', 'deprecated name of the admin secret', { secret: true }),
  HASURA_GRAPHQL_METRICS_SECRET: optional(nonEmpty, 'supported', 'bearer token GET /v1/metrics requires (Enterprise)', {
    secret: true,
  }),
  HASURA_GRAPHQL_AUTH_HOOK: optional(text, 'supported', 'authentication webhook URL', { secret: true }),
  HASURA_GRAPHQL_AUTH_HOOK_MODE: spec<'GET' | 'POST'>(
    oneOf(['GET', 'POST']),
    'GET',
    'supported',
    'webhook method (exactly GET or POST)',
  ),
  HASURA_GRAPHQL_AUTH_HOOK_SEND_REQUEST_BODY: spec(bool, true, 'supported', 'POST webhook gets the GraphQL request'),
  HASURA_GRAPHQL_JWT_SECRET: optional(json, 'supported', 'JWT verification (JSON)', { secret: true }),
  HASURA_GRAPHQL_UNAUTHORIZED_ROLE: optional(nonEmpty, 'supported', 'role of requests without credentials'),
  HASURA_GRAPHQL_CORS_DOMAIN: spec(corsDomains, '*', 'supported', 'allowed origins'),
  HASURA_GRAPHQL_DISABLE_CORS: spec(bool, false, 'supported', 'no CORS headers at all'),
  HASURA_GRAPHQL_ENABLE_CONSOLE: spec(bool, false, 'supported', 'offline GraphiQL at /console (default off)'),
  HASURA_GRAPHQL_CONSOLE_ASSETS_DIR: optional(text, 'no-effect', 'no effect: the console’s assets are bundled'),
  HASURA_GRAPHQL_ENABLE_TELEMETRY: spec(bool, true, 'no-effect', 'no effect: the engine never sends telemetry'),
  HASURA_GRAPHQL_WS_READ_COOKIE: spec(bool, false, 'supported', 'with CORS disabled, read websocket upgrade cookies'),
  HASURA_GRAPHQL_STRINGIFY_NUMERIC_TYPES: spec(bool, false, 'supported', 'bigint/numeric/float8 as strings'),
  HASURA_GRAPHQL_V1_BOOLEAN_NULL_COLLAPSE: spec(bool, false, 'supported', 'v1 meaning of null in where'),
  HASURA_GRAPHQL_REMOTE_SCHEMA_SKIP_NULLS: spec(bool, false, 'unsupported', 'the engine has no remote schemas'),
  HASURA_GRAPHQL_ENABLED_APIS: spec(
    listOf(API_NAMES, trimLower),
    ['config', 'graphql', 'metadata', 'pgdump'] as readonly ApiName[],
    'supported',
    'API groups served (developer has no endpoint here: 404; metrics = GET /v1/metrics, as Enterprise serves it)',
  ),
  HASURA_GRAPHQL_LIVE_QUERIES_MULTIPLEXED_REFETCH_INTERVAL: spec(nonNegativeInt, 1000, 'supported', 'ms'),
  HASURA_GRAPHQL_LIVE_QUERIES_MULTIPLEXED_BATCH_SIZE: spec(nonNegativeInt, 100, 'supported', 'cohorts per query'),
  HASURA_GRAPHQL_STREAMING_QUERIES_MULTIPLEXED_REFETCH_INTERVAL: spec(nonNegativeInt, 1000, 'supported', 'ms'),
  HASURA_GRAPHQL_STREAMING_QUERIES_MULTIPLEXED_BATCH_SIZE: spec(nonNegativeInt, 100, 'supported', 'cohorts per query'),
  HASURA_GRAPHQL_ENABLE_ALLOWLIST: spec(bool, false, 'unsupported', 'the allow list is not enforced'),
  HASURA_GRAPHQL_ENABLED_LOG_TYPES: spec(
    listOf(LOG_TYPES),
    ['http-log', 'jwk-refresh-log', 'startup', 'webhook-log', 'websocket-log'] as readonly string[],
    'no-effect',
    onlyLogging,
  ),
  HASURA_GRAPHQL_LOG_LEVEL: spec(
    oneOf(['debug', 'info', 'warn', 'error'], trimLower),
    'info',
    'no-effect',
    onlyLogging,
  ),
  HASURA_GRAPHQL_QUERY_PLAN_CACHE_SIZE: optional(text, 'no-effect', 'no effect (deprecated; Hasura ignores it too)'),
  HASURA_GRAPHQL_DEV_MODE: spec(bool, false, 'supported', '`extensions.internal` in errors for every role'),
  HASURA_GRAPHQL_ADMIN_INTERNAL_ERRORS: spec(bool, true, 'supported', '`extensions.internal` in errors for admin'),
  HASURA_GRAPHQL_EVENTS_HTTP_POOL_SIZE: spec(positiveInt, 100, 'no-effect', noWebhookEvents),
  HASURA_GRAPHQL_EVENTS_FETCH_INTERVAL: spec(nonNegativeInt, 1000, 'no-effect', noWebhookEvents),
  HASURA_GRAPHQL_EVENTS_FETCH_BATCH_SIZE: spec(nonNegativeInt, 100, 'no-effect', noWebhookEvents),
  HASURA_GRAPHQL_ASYNC_ACTIONS_FETCH_INTERVAL: spec(nonNegativeInt, 1000, 'supported', 'ms; 0 stops the processor'),
  HASURA_GRAPHQL_ASYNC_ACTIONS_FETCH_BATCH_SIZE: spec(nonNegativeInt, 10, 'supported', 'rows claimed per fetch'),
  HASURA_GRAPHQL_ENABLE_REMOTE_SCHEMA_PERMISSIONS: spec(bool, false, 'unsupported', 'the engine has no remote schemas'),
  HASURA_GRAPHQL_CONNECTION_COMPRESSION: spec(bool, false, 'no-effect', 'no effect: websocket frames go uncompressed'),
  HASURA_GRAPHQL_WEBSOCKET_KEEPALIVE: spec(nonNegativeInt, 5, 'supported', 'seconds (apollo protocol)'),
  HASURA_GRAPHQL_WEBSOCKET_CONNECTION_INIT_TIMEOUT: spec(nonNegativeInt, 3, 'supported', 'seconds (both protocols)'),
  HASURA_GRAPHQL_INFER_FUNCTION_PERMISSIONS: spec(bool, true, 'unsupported', 'function permissions are inferred'),
  HASURA_GRAPHQL_ENABLE_MAINTENANCE_MODE: spec(bool, false, 'unsupported', 'there is no maintenance mode'),
  HASURA_GRAPHQL_SCHEMA_SYNC_POLL_INTERVAL: spec(
    nonNegativeInt,
    1000,
    'no-effect',
    'no effect: each engine process keeps the metadata it loaded or was given; nothing to poll',
  ),
  HASURA_GRAPHQL_EXPERIMENTAL_FEATURES: spec(
    listOf(FEATURES),
    [] as readonly string[],
    'no-effect',
    `accepted when every feature is one without effect here (${[...FEATURES_WITHOUT_EFFECT].join(', ')})`,
    {
      unsupportedValue: (v) => {
        const bad = v.filter((f) => !FEATURES_WITHOUT_EFFECT.has(f));
        return bad.length === 0 ? null : `the feature(s) ${bad.join(', ')} are not implemented`;
      },
    },
  ),
  HASURA_GRAPHQL_GRACEFUL_SHUTDOWN_TIMEOUT: spec(
    nonNegativeInt,
    60,
    'no-effect',
    'no effect: in-flight requests get 10 s, claimed async actions go back to created',
  ),
  HASURA_GRAPHQL_ENABLE_METADATA_QUERY_LOGGING: spec(bool, false, 'no-effect', onlyLogging),
  HASURA_GRAPHQL_DEFAULT_NAMING_CONVENTION: spec(
    oneOf(['hasura-default', 'graphql-default']),
    'hasura-default',
    'unsupported',
    'only Hasura’s default naming is implemented',
  ),
  HASURA_GRAPHQL_METADATA_DATABASE_EXTENSIONS_SCHEMA: spec(
    text,
    'public',
    'no-effect',
    'no effect: the engine installs no extension',
  ),
  HASURA_GRAPHQL_METADATA_DEFAULTS: optional(json, 'unsupported', 'metadata defaults are not applied'),
  HASURA_GRAPHQL_ENABLE_APOLLO_FEDERATION: spec(bool, false, 'unsupported', 'no Apollo Federation'),
  HASURA_GRAPHQL_CLOSE_WEBSOCKETS_ON_METADATA_CHANGE: spec(
    bool,
    true,
    'no-effect',
    'no effect: websockets stay open on a metadata change (as with false)',
  ),
  HASURA_GRAPHQL_MAX_TOTAL_HEADER_LENGTH: spec(int, 1024 * 1024, 'no-effect', 'no effect: Node’s header limit applies'),
  HASURA_GRAPHQL_ENABLE_TRIGGERS_ERROR_LOG_LEVEL: spec(bool, false, 'no-effect', onlyLogging),
  HASURA_GRAPHQL_CONFIGURED_HEADER_PRECEDENCE: spec(bool, false, 'supported', 'action headers from metadata win'),
  HASURA_GRAPHQL_BACKWARDS_COMPAT_NULL_IN_NONNULLABLE_VARIABLES: spec(
    bool,
    false,
    'unsupported',
    'null for a non-null variable is always an error',
  ),
  HASURA_GRAPHQL_REMOTE_SCHEMA_PRIORITIZE_DATA: spec(bool, false, 'unsupported', 'the engine has no remote schemas'),
  HASURA_GRAPHQL_DISABLE_NATIVE_QUERY_VALIDATION: spec(bool, false, 'unsupported', 'no native queries'),
  HASURA_GRAPHQL_DYNAMIC_SECRETS_ALLOWED_PATH_PREFIX: optional(text, 'unsupported', 'no dynamic-from-file secrets'),
  HASURA_GRAPHQL_BIGQUERY_STRING_NUMERIC_INPUT: spec(bool, false, 'no-effect', 'no effect: BigQuery only'),
  HASURA_GRAPHQL_PRESERVE_401_ERRORS: spec(bool, false, 'supported', 'real 401 status on /v1/graphql'),
} as const;
