/**
 * The auth settings, validated like Hasura's `setupAuthMode` (src: server/src-lib/Hasura/Server/Auth.hs): a webhook or
 * JWT needs an admin secret, webhook and JWT exclude each other, and the unauthorized role is only allowed with
 * admin-secret or JWT mode. `ENGINE_AUTH_HOOK_TIMEOUT_MS` (default 30 s) is ours. The JWT secret is parsed here
 * (auth/jwt-config.ts); its key set, when it names a `jwk_url`, is fetched when the authenticator is built.
 */
import { parseJwtConfig, type JwtConfig } from '../auth/jwt-config.js';
import { ConfigError } from './config-error.js';
import { positiveIntegerVar } from './engine-vars.js';
import type { EnvRecord, HasuraSettings } from './hasura-env.js';

export type AuthHookMode = 'GET' | 'POST';

export interface AuthHookConfig {
  readonly url: string;
  readonly mode: AuthHookMode;
  /** `HASURA_GRAPHQL_AUTH_HOOK_SEND_REQUEST_BODY` (POST only; default true). */
  readonly sendRequestBody: boolean;
  /** Per-call timeout; a hung hook fails the request with `webhook authentication request failed`. */
  readonly timeoutMs: number;
}

export interface AuthConfig {
  /** Absent = no auth (every request may pick its role). */
  readonly adminSecret?: string;
  readonly unauthorizedRole?: string;
  readonly hook?: AuthHookConfig;
  readonly jwt?: JwtConfig;
}

const REQUIRES =
  ' requires --admin-secret (HASURA_GRAPHQL_ADMIN_SECRET) or  --access-key (HASURA_GRAPHQL_ACCESS_KEY) to be set';

/** Hasura's fatal combinations, with its messages. */
function checkMode(adminSet: boolean, hookSet: boolean, jwtSet: boolean, unauthorizedSet: boolean): void {
  if (unauthorizedSet && !(adminSet && !hookSet)) {
    throw new ConfigError(
      `Fatal Error: --unauthorized-role (HASURA_GRAPHQL_UNAUTHORIZED_ROLE)${REQUIRES} and is not allowed when --auth-hook (HASURA_GRAPHQL_AUTH_HOOK) is set`,
    );
  }
  if (hookSet && jwtSet)
    throw new ConfigError('Fatal Error: Both webhook and JWT mode cannot be enabled at the same time');
  if (!adminSet && hookSet) throw new ConfigError(`Fatal Error : --auth-hook (HASURA_GRAPHQL_AUTH_HOOK)${REQUIRES}`);
  if (!adminSet && jwtSet) throw new ConfigError(`Fatal Error : --jwt-secret (HASURA_GRAPHQL_JWT_SECRET)${REQUIRES}`);
}

function hookConfig(url: string, s: HasuraSettings, env: EnvRecord): AuthHookConfig {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new ConfigError('HASURA_GRAPHQL_AUTH_HOOK: not a valid URL');
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') {
    throw new ConfigError('HASURA_GRAPHQL_AUTH_HOOK: only http and https URLs are supported');
  }
  return {
    url,
    mode: s.HASURA_GRAPHQL_AUTH_HOOK_MODE,
    sendRequestBody: s.HASURA_GRAPHQL_AUTH_HOOK_SEND_REQUEST_BODY,
    timeoutMs: positiveIntegerVar(env, 'ENGINE_AUTH_HOOK_TIMEOUT_MS', 30_000),
  };
}

const nonEmpty = (v: string | undefined): string | undefined => (v === undefined || v === '' ? undefined : v);

export function readAuthConfig(s: HasuraSettings, env: EnvRecord): AuthConfig {
  const adminSecret = s.HASURA_GRAPHQL_ADMIN_SECRET ?? s.HASURA_GRAPHQL_ACCESS_KEY;
  const unauthorizedRole = s.HASURA_GRAPHQL_UNAUTHORIZED_ROLE;
  const hookUrl = nonEmpty(s.HASURA_GRAPHQL_AUTH_HOOK);
  // The JSON text itself: the JWT parser reports problems in Hasura's words.
  const jwtSecret = nonEmpty(env['HASURA_GRAPHQL_JWT_SECRET']);
  checkMode(adminSecret !== undefined, hookUrl !== undefined, jwtSecret !== undefined, unauthorizedRole !== undefined);
  return {
    ...(adminSecret !== undefined ? { adminSecret } : {}),
    ...(unauthorizedRole !== undefined ? { unauthorizedRole } : {}),
    ...(hookUrl !== undefined ? { hook: hookConfig(hookUrl, s, env) } : {}),
    ...(jwtSecret !== undefined ? { jwt: parseJwtConfig(jwtSecret) } : {}),
  };
}
