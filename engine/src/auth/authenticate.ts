/**
 * Resolve the {@link Session} of a request, as Hasura's `getUserInfoWithExpTime_`
 * (src: server/src-lib/Hasura/Server/Auth.hs):
 * - no auth configured: role from `X-Hasura-Role`, default `admin`;
 * - admin secret configured: a sent secret (`X-Hasura-Admin-Secret`, else legacy `X-Hasura-Access-Key`) must match
 *   (`invalid x-hasura-admin-secret/x-hasura-access-key`, 401) and then acts as admin or as the `X-Hasura-Role` role
 *   with the header session variables; without a secret: webhook, JWT, the unauthorized role, or
 *   `x-hasura-admin-secret/x-hasura-access-key required, but not found` (401).
 * The secret is compared through SHA-512 digests in constant time and never logged.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import type { Session } from '../session.js';
import type { AuthConfig } from '../config/auth-config.js';
import { EngineError } from '../errors.js';
import { ACCESS_KEY_HEADER, ADMIN_SECRET_HEADER, sessionVariablesFromHeaders, type HeaderList } from './headers.js';
import { JwtAuth } from './jwt.js';
import { mkUserInfo } from './user-info.js';
import { AuthWebhook } from './webhook.js';

export type AuthModeName = 'none' | 'admin-secret' | 'webhook' | 'jwt';

export interface AuthResult {
  session: Session;
  /** Epoch ms when the credentials expire (webhook Cache-Control/Expires, JWT `exp`). */
  expiresAt?: number;
  /** Headers to add to a successful response (the webhook's `Set-Cookie`). */
  responseHeaders: Array<[string, string]>;
}

export interface Authenticator {
  readonly mode: AuthModeName;
  readonly adminSecretSet: boolean;
  /** `request` is the parsed GraphQL request (batch or single) for the POST webhook, if any. */
  resolve(headers: HeaderList, request?: unknown): Promise<AuthResult>;
}

const digest = (s: string): Buffer => createHash('sha512').update(s, 'utf8').digest();

class HasuraAuthenticator implements Authenticator {
  readonly mode: AuthModeName;
  readonly adminSecretSet: boolean;
  private readonly secretDigest: Buffer | undefined;

  constructor(
    private readonly cfg: AuthConfig,
    private readonly webhook: AuthWebhook | undefined,
    private readonly jwt: JwtAuth | undefined,
  ) {
    this.secretDigest = cfg.adminSecret === undefined ? undefined : digest(cfg.adminSecret);
    this.adminSecretSet = cfg.adminSecret !== undefined;
    this.mode = webhook ? 'webhook' : jwt ? 'jwt' : cfg.adminSecret !== undefined ? 'admin-secret' : 'none';
  }

  async resolve(headers: HeaderList, request?: unknown): Promise<AuthResult> {
    const vars = sessionVariablesFromHeaders(headers);
    if (this.secretDigest === undefined) {
      return { session: mkUserInfo({ kind: 'fallback', role: 'admin' }, 'auth-not-set', vars), responseHeaders: [] };
    }
    const sent = vars.get(ADMIN_SECRET_HEADER) ?? vars.get(ACCESS_KEY_HEADER);
    if (sent !== undefined) {
      if (!timingSafeEqual(digest(sent), this.secretDigest))
        throw EngineError.unauthorized('invalid x-hasura-admin-secret/x-hasura-access-key');
      return { session: mkUserInfo({ kind: 'fallback', role: 'admin' }, 'sent', vars), responseHeaders: [] };
    }
    if (this.webhook) {
      const a = await this.webhook.resolve(headers, request);
      const r: AuthResult = { session: a.session, responseHeaders: a.setCookies.map((c) => ['Set-Cookie', c]) };
      if (a.expiresAt !== undefined) r.expiresAt = a.expiresAt;
      return r;
    }
    if (this.jwt) {
      const a = await this.jwt.resolve(headers);
      const r: AuthResult = { session: a.session, responseHeaders: [] };
      if (a.expiresAt !== undefined) r.expiresAt = a.expiresAt;
      return r;
    }
    if (this.cfg.unauthorizedRole !== undefined) {
      return {
        session: mkUserInfo({ kind: 'predetermined', role: this.cfg.unauthorizedRole }, 'not-sent', vars),
        responseHeaders: [],
      };
    }
    throw EngineError.unauthorized('x-hasura-admin-secret/x-hasura-access-key required, but not found');
  }
}

/** What the authenticator reports as it works (metrics). */
export interface AuthHooks {
  /** A lookup in the cache of webhook answers: `hit` when a cached answer was reused. */
  webhookCache?: (hit: boolean) => void;
}

/**
 * Build the authenticator from the auth settings (config/auth-config.ts). Throws a `ConfigError` when the first fetch
 * of a JWT key set (`jwk_url`) fails, as Hasura refuses to start then.
 */
export async function createAuthenticator(cfg: AuthConfig, hooks: AuthHooks = {}): Promise<Authenticator> {
  const webhook = cfg.hook ? new AuthWebhook(cfg.hook, Date.now, hooks.webhookCache) : undefined;
  let jwt: JwtAuth | undefined;
  if (cfg.jwt !== undefined) {
    jwt = new JwtAuth(cfg.jwt, cfg.unauthorizedRole);
    await jwt.init();
  }
  return new HasuraAuthenticator(cfg, webhook, jwt);
}
