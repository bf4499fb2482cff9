/**
 * OpenID Connect login: authorization code flow with PKCE (S256), state and nonce, via openid-client 6.
 *   GET /api/auth/oidc?redirect=<allowed url> → 302 to the IdP's authorization endpoint
 *   GET /api/auth/oidc/callback?code&state     → code exchange + ID token validation, session, 302 to the redirect
 * The PKCE verifier, nonce and redirect are kept in Redis under the random state for 10 minutes and consumed once
 * (GETDEL), so no session exists before login. The record also holds the login's browser binding (login-binding.ts):
 * a code+state presented by a browser that did not start this login is refused (login CSRF).
 */
import { Router } from 'express';
import * as oidc from 'openid-client';
import { ApiError } from '../errors.js';
import { completeLogin } from './complete-login.js';
import type { AuthContext } from './context.js';
import { bindLogin, clearLoginBinding, LOGIN_BINDING_TTL_S, loginBoundHere } from './login-binding.js';
import { upsertIdentityUser } from './users.repo.js';

const PENDING_TTL_S = LOGIN_BINDING_TTL_S;

interface Pending {
  verifier: string;
  nonce: string;
  redirect: string;
  /** the browser binding of the login (SHA-256 of the nonce cookie) */
  binding: string;
}

export function oidcRouter(ctx: AuthContext): Router {
  const { config, deps } = ctx;
  const r = Router();
  let discovered: Promise<oidc.Configuration> | undefined;

  const configuration = (): Promise<oidc.Configuration> => {
    const o = config.oidc;
    if (!o) throw new ApiError('provider-disabled');
    discovered ??= oidc
      .discovery(
        new URL(o.issuer),
        o.clientId,
        undefined,
        o.clientSecret ? oidc.ClientSecretBasic(o.clientSecret) : oidc.None(),
        o.allowInsecure ? { execute: [oidc.allowInsecureRequests], timeout: 5 } : { timeout: 5 },
      )
      .catch((err: unknown) => {
        discovered = undefined; // retry discovery on the next login
        throw err;
      });
    return discovered;
  };
  const redirectUri = new URL('/api/auth/oidc/callback', config.publicUrl).href;
  const pendingKey = (state: string) => `${config.redisPrefix}oidc:${state}`;

  r.get('/', async (req, res) => {
    if (!config.oidc) throw new ApiError('provider-disabled');
    const target = ctx.checkRedirect(req.query['redirect']);
    let cfg: oidc.Configuration;
    try {
      cfg = await configuration();
    } catch (err) {
      req.log.warn({ err: { message: err instanceof Error ? err.message : 'unknown' } }, 'OIDC discovery failed');
      throw new ApiError('service-unavailable');
    }
    const verifier = oidc.randomPKCECodeVerifier();
    const state = oidc.randomState();
    const nonce = oidc.randomNonce();
    const pending: Pending = { verifier, nonce, redirect: target, binding: bindLogin(req, res, config) };
    await deps.redis.set(pendingKey(state), JSON.stringify(pending), 'EX', PENDING_TTL_S).catch(() => {
      throw new ApiError('session-store-unavailable');
    });
    const url = oidc.buildAuthorizationUrl(cfg, {
      redirect_uri: redirectUri,
      scope: config.oidc.scopes,
      code_challenge: await oidc.calculatePKCECodeChallenge(verifier),
      code_challenge_method: 'S256',
      state,
      nonce,
    });
    res.redirect(302, url.href);
  });

  r.get('/callback', async (req, res) => {
    if (!config.oidc) throw new ApiError('provider-disabled');
    await ctx.limits.login.consume(`oidc:${req.ip}`);
    const state = req.query['state'];
    if (typeof state !== 'string' || state.length > 128) throw new ApiError('login-failed', 'missing state');
    let raw: string | null;
    try {
      raw = await deps.redis.getdel(pendingKey(state));
    } catch {
      throw new ApiError('session-store-unavailable');
    }
    if (!raw) throw new ApiError('login-failed', 'unknown or expired state');
    const pending = JSON.parse(raw) as Pending;
    if (!loginBoundHere(req, config, pending.binding)) {
      throw new ApiError('login-failed', 'login not started in this browser');
    }
    let claims: Record<string, unknown> & { iss: string; sub: string };
    try {
      const cfg = await configuration();
      const tokens = await oidc.authorizationCodeGrant(cfg, new URL(req.originalUrl, config.publicUrl), {
        pkceCodeVerifier: pending.verifier,
        expectedState: state,
        expectedNonce: pending.nonce,
        idTokenExpected: true,
      });
      const idToken = tokens.claims();
      if (!idToken) throw new Error('no ID token');
      claims = { ...idToken };
      // Providers that follow OIDC Core §5.4 strictly return scope claims from the UserInfo endpoint only.
      if (claims['email'] === undefined || claims['name'] === undefined) {
        const info = await oidc.fetchUserInfo(cfg, tokens.access_token, idToken.sub);
        claims = { ...info, ...claims }; // ID token claims win; UserInfo fills the gaps
      }
    } catch (err) {
      req.log.warn({ err: { message: err instanceof Error ? err.message : 'unknown' } }, 'OIDC code exchange failed');
      throw new ApiError('login-failed', 'code exchange failed');
    }
    const email = typeof claims['email'] === 'string' ? claims['email'].toLowerCase() : null;
    const name = typeof claims['name'] === 'string' ? claims['name'] : undefined;
    const user = await upsertIdentityUser(deps.pool, {
      provider: 'oidc',
      issuer: claims.iss,
      subject: claims.sub,
      email,
      emailVerified: claims['email_verified'] === true,
      displayName: name ?? email ?? claims.sub,
    });
    await completeLogin(req, ctx, user.user_id, 'oidc', {
      email: claims['email_verified'] === true ? email : null,
      attributes: claims,
    });
    clearLoginBinding(res, config);
    res.redirect(302, pending.redirect);
  });

  return r;
}
