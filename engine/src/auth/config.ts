/**
 * Auth configuration from `HASURA_GRAPHQL_*` variables, validated like Hasura's `setupAuthMode`
 * (src: server/src-lib/Hasura/Server/Auth.hs): a webhook or JWT needs an admin secret, webhook and JWT exclude each
 * other, and the unauthorized role is only allowed with admin-secret or JWT mode. Errors are fatal at start-up.
 */
export type AuthHookMode = 'GET' | 'POST';

export interface AuthHookConfig {
  url: string;
  mode: AuthHookMode;
  /** `HASURA_GRAPHQL_AUTH_HOOK_SEND_REQUEST_BODY` (POST only; default true). */
  sendRequestBody: boolean;
  /** Per-call timeout; a hung hook fails the request with `webhook authentication request failed`. */
  timeoutMs: number;
}

export interface AuthConfig {
  /** Absent = no auth (every request may pick its role). */
  adminSecret?: string;
  unauthorizedRole?: string;
  hook?: AuthHookConfig;
  /** Raw `HASURA_GRAPHQL_JWT_SECRET` JSON (parsed by jwt.ts). */
  jwtSecret?: string;
}

export class AuthConfigError extends Error {
  override readonly name = 'AuthConfigError';
}

const nonEmpty = (v: string | undefined): string | undefined => (v === undefined || v === '' ? undefined : v);

/** Hasura parses booleans from env as true/false (also t/f, yes/no, 1/0 are not accepted upstream; we accept true/false only). */
export function envBool(env: Record<string, string | undefined>, name: string, dflt: boolean): boolean {
  const v = nonEmpty(env[name]);
  if (v === undefined) return dflt;
  const l = v.toLowerCase();
  if (l === 'true') return true;
  if (l === 'false') return false;
  throw new AuthConfigError(`${name}: expected true or false, got ${JSON.stringify(v)}`);
}

export function readAuthConfig(env: Record<string, string | undefined>): AuthConfig {
  const adminSecret = nonEmpty(env['HASURA_GRAPHQL_ADMIN_SECRET']) ?? nonEmpty(env['HASURA_GRAPHQL_ACCESS_KEY']);
  const unauthorizedRole = nonEmpty(env['HASURA_GRAPHQL_UNAUTHORIZED_ROLE']);
  const hookUrl = nonEmpty(env['HASURA_GRAPHQL_AUTH_HOOK']);
  const jwtSecret = nonEmpty(env['HASURA_GRAPHQL_JWT_SECRET']);

  const requires =
    ' requires --admin-secret (HASURA_GRAPHQL_ADMIN_SECRET) or  --access-key (HASURA_GRAPHQL_ACCESS_KEY) to be set';
  if (unauthorizedRole !== undefined && !(adminSecret !== undefined && hookUrl === undefined)) {
    throw new AuthConfigError(
      `Fatal Error: --unauthorized-role (HASURA_GRAPHQL_UNAUTHORIZED_ROLE)${requires} and is not allowed when --auth-hook (HASURA_GRAPHQL_AUTH_HOOK) is set`,
    );
  }
  if (hookUrl !== undefined && jwtSecret !== undefined) {
    throw new AuthConfigError('Fatal Error: Both webhook and JWT mode cannot be enabled at the same time');
  }
  if (adminSecret === undefined && hookUrl !== undefined) {
    throw new AuthConfigError(`Fatal Error : --auth-hook (HASURA_GRAPHQL_AUTH_HOOK)${requires}`);
  }
  if (adminSecret === undefined && jwtSecret !== undefined) {
    throw new AuthConfigError(`Fatal Error : --jwt-secret (HASURA_GRAPHQL_JWT_SECRET)${requires}`);
  }

  const cfg: AuthConfig = {};
  if (adminSecret !== undefined) cfg.adminSecret = adminSecret;
  if (unauthorizedRole !== undefined) cfg.unauthorizedRole = unauthorizedRole;
  if (jwtSecret !== undefined) cfg.jwtSecret = jwtSecret;
  if (hookUrl !== undefined) {
    const modeRaw = (nonEmpty(env['HASURA_GRAPHQL_AUTH_HOOK_MODE']) ?? 'GET').toUpperCase();
    if (modeRaw !== 'GET' && modeRaw !== 'POST') {
      throw new AuthConfigError(`HASURA_GRAPHQL_AUTH_HOOK_MODE: expected GET or POST, got ${JSON.stringify(modeRaw)}`);
    }
    let url: URL;
    try {
      url = new URL(hookUrl);
    } catch {
      throw new AuthConfigError('HASURA_GRAPHQL_AUTH_HOOK: not a valid URL');
    }
    if (url.protocol !== 'http:' && url.protocol !== 'https:') {
      throw new AuthConfigError('HASURA_GRAPHQL_AUTH_HOOK: only http and https URLs are supported');
    }
    const timeoutRaw = nonEmpty(env['ENGINE_AUTH_HOOK_TIMEOUT_MS']);
    const timeoutMs = timeoutRaw === undefined ? 30_000 : Number(timeoutRaw);
    if (!Number.isInteger(timeoutMs) || timeoutMs <= 0) {
      throw new AuthConfigError('ENGINE_AUTH_HOOK_TIMEOUT_MS: expected a positive integer');
    }
    cfg.hook = {
      url: hookUrl,
      mode: modeRaw,
      sendRequestBody: envBool(env, 'HASURA_GRAPHQL_AUTH_HOOK_SEND_REQUEST_BODY', true),
      timeoutMs,
    };
  }
  return cfg;
}
