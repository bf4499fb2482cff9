/**
 * Server settings from `HASURA_GRAPHQL_*` variables, with Hasura's defaults
 * (src: server/src-lib/Hasura/Server/Init/Config.hs, Server/Init/Arg/Command/Serve.hs):
 * `HASURA_GRAPHQL_ENABLED_APIS` (default `metadata,graphql,pgdump,config`), `HASURA_GRAPHQL_CORS_DOMAIN` (default `*`),
 * `HASURA_GRAPHQL_DISABLE_CORS`, `HASURA_GRAPHQL_PRESERVE_401_ERRORS`, `HASURA_GRAPHQL_ADMIN_INTERNAL_ERRORS`
 * (default true), `HASURA_GRAPHQL_DEV_MODE`, `HASURA_GRAPHQL_ENABLE_CONSOLE` (default false).
 * `ENGINE_MAX_BODY_BYTES` is ours (Hasura has no limit; default 16 MiB).
 */
import { AuthConfigError, envBool } from '../auth/config.js';

export type ApiName = 'graphql' | 'metadata' | 'pgdump' | 'config' | 'developer' | 'metrics';
const API_NAMES: readonly ApiName[] = ['graphql', 'metadata', 'pgdump', 'config', 'developer', 'metrics'];

export type InternalErrors = 'all' | 'admin' | 'none';

export interface CorsPolicy {
  kind: 'disabled' | 'star' | 'domains';
  exact: Set<string>;
  /** `[scheme, parent host, port]` of `scheme://*.host:port` entries. */
  wildcards: Array<{ scheme: string; host: string; port: string }>;
}

export interface ServerConfig {
  enabledApis: Set<ApiName>;
  cors: CorsPolicy;
  preserve401: boolean;
  internalErrors: InternalErrors;
  consoleEnabled: boolean;
  maxBodyBytes: number;
}

export class ServerConfigError extends AuthConfigError {}

function parseCors(env: Record<string, string | undefined>): CorsPolicy {
  const policy: CorsPolicy = { kind: 'star', exact: new Set(), wildcards: [] };
  if (envBool(env, 'HASURA_GRAPHQL_DISABLE_CORS', false)) return { ...policy, kind: 'disabled' };
  const raw = (env['HASURA_GRAPHQL_CORS_DOMAIN'] ?? '*').trim();
  if (raw === '*' || raw === '') return policy;
  policy.kind = 'domains';
  for (const d of raw
    .split(',')
    .map((x) => x.trim())
    .filter((x) => x !== '')) {
    const m = /^([a-z][a-z0-9+.-]*):\/\/\*\.([^:/]+)(?::(\d+))?\/?$/i.exec(d);
    if (m)
      policy.wildcards.push({
        scheme: (m[1] as string).toLowerCase(),
        host: (m[2] as string).toLowerCase(),
        port: m[3] ?? '',
      });
    else policy.exact.add(d.replace(/\/$/, ''));
  }
  return policy;
}

export function readServerConfig(env: Record<string, string | undefined>): ServerConfig {
  const apisRaw = env['HASURA_GRAPHQL_ENABLED_APIS'];
  const enabledApis = new Set<ApiName>();
  for (const a of (apisRaw === undefined || apisRaw.trim() === '' ? 'metadata,graphql,pgdump,config' : apisRaw).split(
    ',',
  )) {
    const name = a.trim().toLowerCase();
    if (name === '') continue;
    if (!(API_NAMES as readonly string[]).includes(name)) {
      throw new ServerConfigError(
        `HASURA_GRAPHQL_ENABLED_APIS: Only expecting list of comma separated API types metadata,graphql,pgdump,developer,config,metrics; got ${JSON.stringify(name)}`,
      );
    }
    enabledApis.add(name as ApiName);
  }
  const maxRaw = env['ENGINE_MAX_BODY_BYTES'];
  const maxBodyBytes = maxRaw === undefined || maxRaw === '' ? 16 * 1024 * 1024 : Number(maxRaw);
  if (!Number.isInteger(maxBodyBytes) || maxBodyBytes <= 0)
    throw new ServerConfigError('ENGINE_MAX_BODY_BYTES: expected a positive integer');
  const internalErrors: InternalErrors = envBool(env, 'HASURA_GRAPHQL_DEV_MODE', false)
    ? 'all'
    : envBool(env, 'HASURA_GRAPHQL_ADMIN_INTERNAL_ERRORS', true)
      ? 'admin'
      : 'none';
  return {
    enabledApis,
    cors: parseCors(env),
    preserve401: envBool(env, 'HASURA_GRAPHQL_PRESERVE_401_ERRORS', false),
    internalErrors,
    consoleEnabled: envBool(env, 'HASURA_GRAPHQL_ENABLE_CONSOLE', false),
    maxBodyBytes,
  };
}

/** `shouldIncludeInternal` (src: Server/App.hs). */
export function includeInternal(cfg: ServerConfig, role: string | undefined): boolean {
  return cfg.internalErrors === 'all' || (cfg.internalErrors === 'admin' && role === 'admin');
}
