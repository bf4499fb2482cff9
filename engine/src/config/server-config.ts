/**
 * The HTTP server's settings, with Hasura's defaults and grammar (hasura-vars-serve.ts): `HASURA_GRAPHQL_ENABLED_APIS`,
 * `HASURA_GRAPHQL_CORS_DOMAIN` (default `*`; empty allows no origin), `HASURA_GRAPHQL_DISABLE_CORS`,
 * `HASURA_GRAPHQL_PRESERVE_401_ERRORS`, `HASURA_GRAPHQL_ADMIN_INTERNAL_ERRORS` and `HASURA_GRAPHQL_DEV_MODE`
 * (internal-errors.ts), `HASURA_GRAPHQL_ENABLE_CONSOLE` (default false), `HASURA_GRAPHQL_WS_READ_COOKIE`.
 * `ENGINE_MAX_BODY_BYTES` is ours (Hasura has no limit; default 16 MiB).
 */
import type { InternalErrors } from '../errors.js';
import { positiveIntegerVar } from './engine-vars.js';
import type { EnvRecord, HasuraSettings } from './hasura-env.js';
import type { ApiName } from './hasura-vars-serve.js';
import { httpInternalErrors } from './internal-errors.js';

export type { ApiName } from './hasura-vars-serve.js';

export interface CorsPolicy {
  readonly kind: 'disabled' | 'star' | 'domains';
  readonly exact: ReadonlySet<string>;
  /** `[scheme, parent host, port]` of `scheme://*.host:port` entries. */
  readonly wildcards: ReadonlyArray<{ readonly scheme: string; readonly host: string; readonly port: string }>;
}

export interface ServerConfig {
  readonly enabledApis: ReadonlySet<ApiName>;
  readonly cors: CorsPolicy;
  /** With CORS disabled, still read the cookie of a websocket upgrade. */
  readonly wsReadCookie: boolean;
  /** A real 401 status on `/v1/graphql` (else 200). */
  readonly preserve401: boolean;
  /** Who sees `extensions.internal` in HTTP responses. */
  readonly internalErrors: InternalErrors;
  readonly consoleEnabled: boolean;
  readonly maxBodyBytes: number;
  /** `HASURA_GRAPHQL_METRICS_SECRET`: the bearer token of GET /v1/metrics, if set */
  readonly metricsSecret: string | undefined;
}

const DEFAULT_MAX_BODY_BYTES = 16 * 1024 * 1024;

/** `disabled`, `*`, or the listed origins (exact ones, and `scheme://*.host[:port]` wildcards). */
function corsPolicy(disabled: boolean, domains: string): CorsPolicy {
  if (disabled) return { kind: 'disabled', exact: new Set(), wildcards: [] };
  if (domains === '*') return { kind: 'star', exact: new Set(), wildcards: [] };
  const exact = new Set<string>();
  const wildcards: Array<{ scheme: string; host: string; port: string }> = [];
  for (const d of domains
    .split(',')
    .map((x) => x.trim())
    .filter((x) => x !== '')) {
    const m = /^([a-z][a-z0-9+.-]*):\/\/\*\.([^:/]+)(?::(\d+))?\/?$/i.exec(d);
    if (m)
      wildcards.push({
        scheme: (m[1] as string).toLowerCase(),
        host: (m[2] as string).toLowerCase(),
        port: m[3] ?? '',
      });
    else exact.add(d.replace(/\/$/, ''));
  }
  return { kind: 'domains', exact, wildcards };
}

export function readServerConfig(s: HasuraSettings, env: EnvRecord): ServerConfig {
  return {
    enabledApis: new Set(s.HASURA_GRAPHQL_ENABLED_APIS),
    cors: corsPolicy(s.HASURA_GRAPHQL_DISABLE_CORS, s.HASURA_GRAPHQL_CORS_DOMAIN),
    wsReadCookie: s.HASURA_GRAPHQL_WS_READ_COOKIE,
    preserve401: s.HASURA_GRAPHQL_PRESERVE_401_ERRORS,
    internalErrors: httpInternalErrors(s),
    consoleEnabled: s.HASURA_GRAPHQL_ENABLE_CONSOLE,
    maxBodyBytes: positiveIntegerVar(env, 'ENGINE_MAX_BODY_BYTES', DEFAULT_MAX_BODY_BYTES),
    metricsSecret: s.HASURA_GRAPHQL_METRICS_SECRET,
  };
}
