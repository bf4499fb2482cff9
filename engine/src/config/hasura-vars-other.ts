/**
 * The `HASURA_GRAPHQL_*` variables outside `serve`'s options: the `graphql-engine` command's databases
 * (src: server/src-lib/Hasura/Server/Init/Arg.hs), the `cli-migrations-v3` image's entrypoint
 * (src: scripts/cli-migrations/v3/docker-entrypoint.sh), the hasura CLI that entrypoint runs (it reads its config
 * from `HASURA_GRAPHQL_<KEY>`), and Enterprise Edition settings, which the image knows but this engine does not
 * implement (so any value other than the default is refused, rather than reported as a typo).
 */
import { bool, int, json, nonNegativeInt, port, postgresUrl, text, ValueError } from './parse-value.js';
import type { Parser } from './parse-value.js';
import { optional, spec } from './var-spec.js';
import type { VarSpec } from './var-spec.js';

/** `--metadata-database-url` also takes `dynamic-from-file:///path` (a file re-read per connection). */
const metadataUrl: Parser<string> = (raw) => {
  if (raw.startsWith('dynamic-from-file://'))
    throw new ValueError('a postgres:// or postgresql:// URL (dynamic-from-file:// is not supported by this engine)');
  return postgresUrl(raw);
};

const EE = 'an Enterprise Edition setting; this engine has no Enterprise features';
const ee = <T>(parse: Parser<T>, secret = false): VarSpec<T | undefined> =>
  optional(parse, 'unsupported', EE, { secret });
const eeFlag = (dflt: boolean): VarSpec<boolean> => spec(bool, dflt, 'unsupported', EE);

export const OTHER_VARS = {
  // graphql-engine (the command before `serve`)
  HASURA_GRAPHQL_DATABASE_URL: optional(
    postgresUrl,
    'supported',
    'the default source when databases.yaml says from_env (`engine serve --database-url` wins)',
    { secret: true },
  ),
  HASURA_GRAPHQL_METADATA_DATABASE_URL: optional(
    metadataUrl,
    'supported',
    'where hdb_catalog lives (the async action log); unset: the default source’s database',
    { secret: true },
  ),
  HASURA_GRAPHQL_NO_OF_RETRIES: spec(int, 1, 'no-effect', 'no effect (deprecated in v2)'),

  // cli-migrations-v3 image: its entrypoint applies these directories through a temporary server, then starts serve
  HASURA_GRAPHQL_METADATA_DIR: optional(
    text,
    'supported',
    'metadata directory `engine serve` loads when --metadata is not given (the image’s default is /hasura-metadata; the engine’s, hasura/metadata)',
  ),
  HASURA_GRAPHQL_MIGRATIONS_DIR: spec(
    text,
    '/hasura-migrations',
    'unsupported',
    'the engine applies no Hasura migrations (migrations/ runs with node-pg-migrate)',
  ),
  HASURA_GRAPHQL_SEEDS_DIR: spec(text, '/hasura-seeds', 'unsupported', 'the engine applies no seeds'),
  HASURA_GRAPHQL_MIGRATIONS_SERVER_PORT: spec(port, 9691, 'no-effect', 'no effect: no temporary server'),
  HASURA_GRAPHQL_MIGRATIONS_SERVER_TIMEOUT: spec(nonNegativeInt, 30, 'no-effect', 'no effect: no temporary server'),

  // hasura CLI (run inside the image by its entrypoint; never read by the server)
  HASURA_GRAPHQL_ENDPOINT: optional(text, 'no-effect', 'no effect: a hasura CLI setting'),
  HASURA_GRAPHQL_INSECURE_SKIP_TLS_VERIFY: optional(text, 'no-effect', 'no effect: a hasura CLI setting'),
  HASURA_GRAPHQL_CERTIFICATE_AUTHORITY: optional(text, 'no-effect', 'no effect: a hasura CLI setting'),
  HASURA_GRAPHQL_METADATA_DIRECTORY: optional(text, 'no-effect', 'no effect: a hasura CLI setting (see METADATA_DIR)'),
  HASURA_GRAPHQL_MIGRATIONS_DIRECTORY: optional(text, 'no-effect', 'no effect: a hasura CLI setting'),
  HASURA_GRAPHQL_SEEDS_DIRECTORY: optional(text, 'no-effect', 'no effect: a hasura CLI setting'),
  HASURA_GRAPHQL_ACTIONS_KIND: optional(text, 'no-effect', 'no effect: a hasura CLI setting'),
  HASURA_GRAPHQL_ACTIONS_HANDLER_WEBHOOK_BASEURL: optional(text, 'no-effect', 'no effect: a hasura CLI setting'),

  // Enterprise Edition (the same image runs them with a license key)
  HASURA_GRAPHQL_EE_LICENSE_KEY: ee(text, true),
  HASURA_GRAPHQL_ADMIN_SECRETS: ee(json, true),
  HASURA_GRAPHQL_JWT_SECRETS: ee(json, true),
  HASURA_GRAPHQL_REDIS_URL: ee(text, true),
  HASURA_GRAPHQL_RATE_LIMIT_REDIS_URL: ee(text, true),
  HASURA_GRAPHQL_REDIS_USE_TLS: eeFlag(false),
  HASURA_GRAPHQL_RATE_LIMIT_REDIS_USE_TLS: eeFlag(false),
  HASURA_GRAPHQL_REDIS_TLS_HOSTNAME: ee(text),
  HASURA_GRAPHQL_RATE_LIMIT_REDIS_TLS_HOSTNAME: ee(text),
  HASURA_GRAPHQL_REDIS_TLS_SHARED_CA_STORE_PATH: ee(text),
  HASURA_GRAPHQL_REDIS_TIMEOUT: ee(text),
  HASURA_GRAPHQL_MAX_CACHE_SIZE: ee(text),
  HASURA_GRAPHQL_CACHE_MAX_ENTRY_TTL: ee(text),
  HASURA_GRAPHQL_READ_REPLICA_URLS: ee(text, true),
  HASURA_GRAPHQL_CONNECTIONS_PER_READ_REPLICA: ee(text),
  HASURA_GRAPHQL_STRIPES_PER_READ_REPLICA: ee(text),
  HASURA_GRAPHQL_PG_SSL_CERTIFICATE_PATH: ee(text),
  HASURA_GRAPHQL_SSO_PROVIDERS: ee(text, true),
  HASURA_GRAPHQL_ENABLE_LOG_COMPRESSION: eeFlag(false),
  HASURA_GRAPHQL_ENABLE_QUERY_TRACING: eeFlag(false),
  HASURA_GRAPHQL_METRICS_ENABLE_HIGH_CARDINALITY_LABELS: eeFlag(true),
  HASURA_GRAPHQL_ENABLE_PERSISTED_QUERIES: eeFlag(false),
  HASURA_GRAPHQL_PERSISTED_QUERIES_TTL: spec(int, 5, 'unsupported', EE),
} as const;
