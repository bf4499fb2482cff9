/**
 * The auth resolver on its own (no database): every Hasura auth mode against real peers started here — a webhook
 * server in GET and POST mode, JWTs signed with jose (HS256, RS256, JWKS) — with Hasura's messages and codes
 * (src: server/src-lib/Hasura/Server/Auth.hs, Auth/WebHook.hs, Auth/JWT.hs, Authentication/User.hs).
 */
import { generateKeyPairSync } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportJWK, SignJWT, generateKeyPair, type JWK } from 'jose';
import { createAuthenticator, type Authenticator } from '../../src/auth/authenticate.js';
import type { HeaderList } from '../../src/auth/headers.js';
import { ConfigError, readEngineConfig } from '../../src/config/index.js';
import { EngineError } from '../../src/errors.js';
import { json, startPeer, type Peer } from './peers.js';

const SECRET = 'auth-test-admin-secret';
const HS_KEY = 'a-very-long-hs256-secret-key-of-at-least-32-chars';

/** The authenticator `startEngineServer` builds for `env` (configuration errors reject). */
async function authFor(env: Record<string, string>): Promise<Authenticator> {
  return createAuthenticator(readEngineConfig(env).auth);
}

async function failure(p: Promise<unknown>): Promise<EngineError> {
  try {
    await p;
  } catch (e) {
    if (e instanceof EngineError) return e;
    throw e;
  }
  throw new Error('expected a failure');
}

const h = (o: Record<string, string>): HeaderList => Object.entries(o);

describe('no auth configured', () => {
  let auth: Authenticator;
  beforeAll(async () => {
    auth = await authFor({});
  });

  it('defaults to admin and takes the role and variables from headers', async () => {
    expect((await auth.resolve([])).session).toEqual({
      role: 'admin',
      vars: { 'x-hasura-role': 'admin' },
      backendOnly: false,
    });
    const s = (await auth.resolve(h({ 'X-Hasura-Role': 'student', 'X-HASURA-User-Id': '7', Other: 'x' }))).session;
    expect(s.role).toBe('student');
    expect(s.vars).toEqual({ 'x-hasura-role': 'student', 'x-hasura-user-id': '7' });
  });

  it('treats an empty role header as absent', async () => {
    expect((await auth.resolve(h({ 'x-hasura-role': '' }))).session.role).toBe('admin');
  });

  it('parses x-hasura-use-backend-only-permissions like Hasura', async () => {
    for (const v of ['true', 'T', 'yes', 'Y']) {
      expect((await auth.resolve(h({ 'x-hasura-use-backend-only-permissions': v }))).session.backendOnly).toBe(true);
    }
    for (const v of ['false', 'f', 'NO', 'n']) {
      expect((await auth.resolve(h({ 'x-hasura-use-backend-only-permissions': v }))).session.backendOnly).toBe(false);
    }
    const e = await failure(auth.resolve(h({ 'x-hasura-use-backend-only-permissions': 'maybe' })));
    expect(e.code).toBe('bad-request');
    expect(e.message).toContain('Not a valid boolean text');
  });
});

describe('admin secret', () => {
  let auth: Authenticator;
  let withUnauth: Authenticator;
  beforeAll(async () => {
    auth = await authFor({ HASURA_GRAPHQL_ADMIN_SECRET: SECRET });
    withUnauth = await authFor({
      HASURA_GRAPHQL_ADMIN_SECRET: SECRET,
      HASURA_GRAPHQL_UNAUTHORIZED_ROLE: 'anonymous',
    });
  });

  it('accepts the secret (and the legacy access key) as admin, stripping it from the session', async () => {
    const s = (await auth.resolve(h({ 'X-Hasura-Admin-Secret': SECRET }))).session;
    expect(s).toEqual({ role: 'admin', vars: { 'x-hasura-role': 'admin' }, backendOnly: false });
    expect((await auth.resolve(h({ 'x-hasura-access-key': SECRET }))).session.role).toBe('admin');
  });

  it('acts as the X-Hasura-Role role with header variables when the secret is sent', async () => {
    const s = (
      await auth.resolve(h({ 'x-hasura-admin-secret': SECRET, 'x-hasura-role': 'student', 'X-Hasura-User-Id': '3' }))
    ).session;
    expect(s).toEqual({
      role: 'student',
      vars: { 'x-hasura-role': 'student', 'x-hasura-user-id': '3' },
      backendOnly: false,
    });
    const bo = (
      await auth.resolve(h({ 'x-hasura-admin-secret': SECRET, 'x-hasura-use-backend-only-permissions': 'true' }))
    ).session;
    expect(bo.backendOnly).toBe(true);
  });

  it("rejects a wrong secret with 401 and Hasura's message", async () => {
    const e = await failure(auth.resolve(h({ 'x-hasura-admin-secret': 'nope' })));
    expect([e.status, e.code, e.message]).toEqual([
      401,
      'access-denied',
      'invalid x-hasura-admin-secret/x-hasura-access-key',
    ]);
  });

  it('requires the secret unless an unauthorized role is set', async () => {
    const e = await failure(auth.resolve(h({ 'x-hasura-role': 'student' })));
    expect([e.status, e.code, e.message]).toEqual([
      401,
      'access-denied',
      'x-hasura-admin-secret/x-hasura-access-key required, but not found',
    ]);
    const s = (
      await withUnauth.resolve(
        h({ 'x-hasura-role': 'student', 'x-hasura-user-id': '1', 'x-hasura-use-backend-only-permissions': 'true' }),
      )
    ).session;
    expect(s).toEqual({
      role: 'anonymous',
      vars: { 'x-hasura-role': 'anonymous', 'x-hasura-user-id': '1', 'x-hasura-use-backend-only-permissions': 'true' },
      backendOnly: false,
    });
  });
});

describe('configuration errors (fatal at start-up, like Hasura)', () => {
  it.each([
    [{ HASURA_GRAPHQL_AUTH_HOOK: 'http://127.0.0.1:1/' }, '--auth-hook (HASURA_GRAPHQL_AUTH_HOOK) requires'],
    [
      { HASURA_GRAPHQL_JWT_SECRET: JSON.stringify({ type: 'HS256', key: HS_KEY }) },
      '--jwt-secret (HASURA_GRAPHQL_JWT_SECRET) requires',
    ],
    [{ HASURA_GRAPHQL_UNAUTHORIZED_ROLE: 'anonymous' }, '--unauthorized-role'],
    [
      {
        HASURA_GRAPHQL_ADMIN_SECRET: SECRET,
        HASURA_GRAPHQL_AUTH_HOOK: 'http://127.0.0.1:1/',
        HASURA_GRAPHQL_UNAUTHORIZED_ROLE: 'x',
      },
      '--unauthorized-role',
    ],
    [
      {
        HASURA_GRAPHQL_ADMIN_SECRET: SECRET,
        HASURA_GRAPHQL_AUTH_HOOK: 'http://127.0.0.1:1/',
        HASURA_GRAPHQL_JWT_SECRET: '{}',
      },
      'Both webhook and JWT',
    ],
    [
      {
        HASURA_GRAPHQL_ADMIN_SECRET: SECRET,
        HASURA_GRAPHQL_JWT_SECRET: JSON.stringify({ type: 'HS256', key: 'short' }),
      },
      'Key size too small; should be atleast 32 characters',
    ],
    [
      {
        HASURA_GRAPHQL_ADMIN_SECRET: SECRET,
        HASURA_GRAPHQL_JWT_SECRET: JSON.stringify({ type: 'RS256', key: 'not a pem' }),
      },
      'Could not decode PEM',
    ],
    [
      {
        HASURA_GRAPHQL_ADMIN_SECRET: SECRET,
        HASURA_GRAPHQL_AUTH_HOOK: 'http://127.0.0.1:1/',
        HASURA_GRAPHQL_AUTH_HOOK_MODE: 'PUT',
      },
      'HASURA_GRAPHQL_AUTH_HOOK_MODE',
    ],
  ])('%o', async (env, msg) => {
    const e = await authFor(env).then(
      () => undefined,
      (err: unknown) => err,
    );
    expect(e).toBeInstanceOf(ConfigError);
    expect((e as Error).message).toContain(msg);
  });

  it('never echoes the JWT key in errors', async () => {
    const key = 'sekrit-value-that-must-not-leak';
    const e = (await authFor({
      HASURA_GRAPHQL_ADMIN_SECRET: SECRET,
      HASURA_GRAPHQL_JWT_SECRET: JSON.stringify({ type: 'RS256', key }),
    }).catch((err: unknown) => err)) as Error;
    expect(e.message).not.toContain(key);
  });
});

describe('webhook', () => {
  let peer: Peer;
  /** Webhook behaviour chosen by the Authorization header, like upstream's test webhook. */
  beforeAll(async () => {
    peer = await startPeer((call, res) => {
      const authz =
        call.method === 'GET'
          ? (call.headers['authorization'] ?? '')
          : ((JSON.parse(call.body) as { headers: Record<string, string> }).headers['Authorization'] ?? '');
      switch (authz) {
        case 'Bearer student':
          return json(
            res,
            200,
            { 'X-Hasura-Role': 'student', 'X-Hasura-User-Id': '42', 'Not-A-Session-Var': 'x' },
            { 'Set-Cookie': ['sid=abc; Path=/', 'other=1'] },
          );
        case 'Bearer cached':
          return json(res, 200, {
            'X-Hasura-Role': 'student',
            'X-Hasura-User-Id': String(peer.calls.length),
            'Cache-Control': 'max-age=60',
          });
        case 'Bearer cached-header':
          return json(
            res,
            200,
            { 'X-Hasura-Role': 'student', 'X-Hasura-User-Id': String(peer.calls.length) },
            { 'Cache-Control': 'max-age=60' },
          );
        case 'Bearer expires-past':
          return json(res, 200, {
            'X-Hasura-Role': 'student',
            'X-Hasura-User-Id': String(peer.calls.length),
            Expires: 'Thu, 01 Jan 1970 00:00:00 GMT',
          });
        case 'Bearer no-role':
          return json(res, 200, { 'X-Hasura-User-Id': '1' });
        case 'Bearer number':
          return json(res, 200, { 'X-Hasura-Role': 'student', 'X-Hasura-User-Id': 1 });
        case 'Bearer not-json':
          return json(res, 200, 'this is not json');
        case 'Bearer server-error':
          return json(res, 500, { message: 'boom' });
        case 'Bearer forbidden':
          return json(res, 403, { message: 'no' });
        case 'Bearer hang':
          return; // never answers
        default:
          return json(res, 401, { message: 'unauthorized' });
      }
    });
  });
  afterAll(async () => {
    await peer.close();
  });

  const hookEnv = (mode: 'GET' | 'POST', extra: Record<string, string> = {}): Record<string, string> => ({
    HASURA_GRAPHQL_ADMIN_SECRET: SECRET,
    HASURA_GRAPHQL_AUTH_HOOK: `${peer.url}/auth`,
    HASURA_GRAPHQL_AUTH_HOOK_MODE: mode,
    ENGINE_AUTH_HOOK_TIMEOUT_MS: '500',
    ...extra,
  });

  it('GET: forwards client headers except the ignored ones and builds the session from the answer', async () => {
    const auth = await authFor(hookEnv('GET'));
    const before = peer.calls.length;
    const r = await auth.resolve(
      h({
        Authorization: 'Bearer student',
        'User-Agent': 'test',
        'X-Custom': 'c',
        'Content-Type': 'text/plain',
        'X-Hasura-Role': 'admin',
      }),
    );
    expect(r.session).toEqual({
      role: 'student',
      vars: { 'x-hasura-role': 'student', 'x-hasura-user-id': '42' },
      backendOnly: false,
    });
    expect(r.responseHeaders).toEqual([
      ['Set-Cookie', 'sid=abc; Path=/'],
      ['Set-Cookie', 'other=1'],
    ]);
    const call = peer.calls[before];
    expect(call?.method).toBe('GET');
    expect(call?.headers['x-custom']).toBe('c');
    expect(call?.headers['authorization']).toBe('Bearer student');
    expect(call?.headers['user-agent']).toBe('hasura-graphql-engine/v2.48.10');
    expect(call?.headers['content-type']).toBe('application/json');
  });

  it('POST: sends {headers, request}, or only headers when SEND_REQUEST_BODY=false', async () => {
    const auth = await authFor(hookEnv('POST'));
    const before = peer.calls.length;
    const request = { query: '{ a }', variables: { x: 1 }, operationName: null };
    await auth.resolve(h({ Authorization: 'Bearer student', 'X-Custom': 'c' }), request);
    const body = JSON.parse(peer.calls[before]?.body ?? '{}') as Record<string, unknown>;
    expect(body).toEqual({ headers: { Authorization: 'Bearer student', 'X-Custom': 'c' }, request });
    const noBody = await authFor(hookEnv('POST', { HASURA_GRAPHQL_AUTH_HOOK_SEND_REQUEST_BODY: 'false' }));
    await noBody.resolve(h({ Authorization: 'Bearer student' }), request);
    expect(JSON.parse(peer.calls[before + 1]?.body ?? '{}')).toEqual({ headers: { Authorization: 'Bearer student' } });
  });

  it('skips the webhook when the admin secret is sent', async () => {
    const auth = await authFor(hookEnv('GET'));
    const before = peer.calls.length;
    expect(
      (await auth.resolve(h({ 'x-hasura-admin-secret': SECRET, Authorization: 'Bearer student' }))).session.role,
    ).toBe('admin');
    expect(peer.calls.length).toBe(before);
  });

  it.each(['GET', 'POST'] as const)('%s: maps hook failures to Hasura errors', async (mode) => {
    const auth = await authFor(hookEnv(mode));
    const cases: Array<[string, number, string, string]> = [
      ['Bearer nobody', 401, 'access-denied', 'Authentication hook unauthorized this request'],
      ['Bearer server-error', 500, 'unexpected', 'Invalid response from authorization hook'],
      ['Bearer forbidden', 500, 'unexpected', 'Invalid response from authorization hook'],
      ['Bearer no-role', 400, 'invalid-params', '"x-hasura-role" not found in session variables'],
      ['Bearer hang', 500, 'unexpected', 'webhook authentication request failed'],
    ];
    for (const [authz, status, code, message] of cases) {
      const e = await failure(auth.resolve(h({ Authorization: authz })));
      expect([authz, e.status, e.code, e.message]).toEqual([authz, status, code, message]);
    }
    const nonString = await failure(auth.resolve(h({ Authorization: 'Bearer number' })));
    expect(nonString.message).toMatch(
      /^Invalid response from authorization hook: Error in \$\['X-Hasura-User-Id'\]: parsing Text failed, expected String, but encountered Number$/,
    );
    const notJson = await failure(auth.resolve(h({ Authorization: 'Bearer not-json' })));
    expect(notJson.message).toMatch(/^Invalid response from authorization hook: Error in \$/);
  });

  it('a hung hook is cut at the timeout', async () => {
    const auth = await authFor(hookEnv('GET'));
    const t0 = Date.now();
    await failure(auth.resolve(h({ Authorization: 'Bearer hang' })));
    expect(Date.now() - t0).toBeLessThan(3000);
  });

  it('a hook that is down gives a clean error', async () => {
    const down = await startPeer(() => undefined);
    const url = down.url;
    await down.close();
    const auth = await authFor({ HASURA_GRAPHQL_ADMIN_SECRET: SECRET, HASURA_GRAPHQL_AUTH_HOOK: url });
    const e = await failure(auth.resolve(h({ Authorization: 'Bearer student' })));
    expect([e.status, e.message]).toEqual([500, 'webhook authentication request failed']);
  });

  it('caches answers per Cache-Control max-age (body key or response header), keyed by the forwarded headers', async () => {
    for (const token of ['Bearer cached', 'Bearer cached-header']) {
      const auth = await authFor(hookEnv('GET'));
      const before = peer.calls.length;
      const a = await auth.resolve(h({ Authorization: token }));
      const b = await auth.resolve(h({ Authorization: token }));
      expect(b.session).toEqual(a.session);
      expect(peer.calls.length).toBe(before + 1);
      expect(a.expiresAt).toBeGreaterThan(Date.now() + 50_000);
      // different forwarded headers → a different cache entry
      await auth.resolve(h({ Authorization: token, 'X-Other': '1' }));
      expect(peer.calls.length).toBe(before + 2);
    }
  });

  it('does not cache answers without expiry or already expired', async () => {
    const auth = await authFor(hookEnv('GET'));
    for (const token of ['Bearer student', 'Bearer expires-past']) {
      const before = peer.calls.length;
      await auth.resolve(h({ Authorization: token }));
      await auth.resolve(h({ Authorization: token }));
      expect(peer.calls.length).toBe(before + 2);
    }
  });

  it('never caches failures', async () => {
    const auth = await authFor(hookEnv('GET'));
    const before = peer.calls.length;
    await failure(auth.resolve(h({ Authorization: 'Bearer nobody' })));
    await failure(auth.resolve(h({ Authorization: 'Bearer nobody' })));
    expect(peer.calls.length).toBe(before + 2);
  });
});

describe('JWT', () => {
  const hsEnv = (cfg: Record<string, unknown> = {}, extra: Record<string, string> = {}): Record<string, string> => ({
    HASURA_GRAPHQL_ADMIN_SECRET: SECRET,
    HASURA_GRAPHQL_JWT_SECRET: JSON.stringify({ type: 'HS256', key: HS_KEY, ...cfg }),
    ...extra,
  });
  const hsKey = new TextEncoder().encode(HS_KEY);
  const claims = (roles: string[], dflt: string, extra: Record<string, unknown> = {}): Record<string, unknown> => ({
    'x-hasura-allowed-roles': roles,
    'x-hasura-default-role': dflt,
    ...extra,
  });
  const hs = (payload: Record<string, unknown>, exp = '1h'): Promise<string> =>
    new SignJWT(payload).setProtectedHeader({ alg: 'HS256' }).setIssuedAt().setExpirationTime(exp).sign(hsKey);

  it('HS256: default namespace, default role, session variables from claims only', async () => {
    const auth = await authFor(hsEnv());
    const token = await hs({
      'https://hasura.io/jwt/claims': claims(['student', 'anonymous'], 'student', { 'X-Hasura-User-Id': '5' }),
    });
    const r = await auth.resolve(h({ Authorization: `Bearer ${token}`, 'X-Hasura-User-Id': '999' }));
    expect(r.session).toEqual({
      role: 'student',
      vars: { 'x-hasura-role': 'student', 'x-hasura-user-id': '5' },
      backendOnly: false,
    });
    expect(r.expiresAt).toBeGreaterThan(Date.now());
  });

  it('honours an allowed X-Hasura-Role and rejects others', async () => {
    const auth = await authFor(hsEnv());
    const token = await hs({ 'https://hasura.io/jwt/claims': claims(['student', 'anonymous'], 'student') });
    expect(
      (await auth.resolve(h({ Authorization: `Bearer ${token}`, 'x-hasura-role': 'anonymous' }))).session.role,
    ).toBe('anonymous');
    const e = await failure(auth.resolve(h({ Authorization: `Bearer ${token}`, 'x-hasura-role': 'admin' })));
    expect([e.code, e.message]).toEqual(['access-denied', 'Your requested role is not in allowed roles']);
  });

  it('rejects expired, badly signed and malformed tokens with invalid-jwt', async () => {
    const auth = await authFor(hsEnv());
    const expired = await new SignJWT({ 'https://hasura.io/jwt/claims': claims(['a'], 'a') })
      .setProtectedHeader({ alg: 'HS256' })
      .setExpirationTime(Math.floor(Date.now() / 1000) - 60)
      .sign(hsKey);
    const e1 = await failure(auth.resolve(h({ Authorization: `Bearer ${expired}` })));
    expect([e1.code, e1.message]).toEqual(['invalid-jwt', 'Could not verify JWT: JWTExpired']);
    const other = await new SignJWT({ 'https://hasura.io/jwt/claims': claims(['a'], 'a') })
      .setProtectedHeader({ alg: 'HS256' })
      .sign(new TextEncoder().encode('another-key-another-key-another-key!!'));
    const e2 = await failure(auth.resolve(h({ Authorization: `Bearer ${other}` })));
    expect([e2.code, e2.message]).toEqual(['invalid-jwt', 'Could not verify JWT: JWSError JWSInvalidSignature']);
    const e3 = await failure(auth.resolve(h({ Authorization: 'Bearer abc' })));
    expect(e3.code).toBe('invalid-jwt');
    expect(e3.message).toMatch(/^Could not verify JWT: JWSError/);
    const e4 = await failure(auth.resolve(h({ Authorization: 'Token abc' })));
    expect([e4.code, e4.message]).toEqual(['invalid-headers', 'Malformed Authorization header']);
    const unsigned = `${Buffer.from('{"alg":"none"}').toString('base64url')}.${Buffer.from(JSON.stringify({ 'https://hasura.io/jwt/claims': claims(['a'], 'a') })).toString('base64url')}.`;
    expect((await failure(auth.resolve(h({ Authorization: `Bearer ${unsigned}` })))).code).toBe('invalid-jwt');
  });

  it("without a token: unauthorized role, else Hasura's missing-header error", async () => {
    const e = await failure((await authFor(hsEnv())).resolve(h({ 'x-hasura-role': 'student' })));
    expect([e.status, e.code, e.message]).toEqual([
      400,
      'invalid-headers',
      "Missing 'Authorization' or 'Cookie' header in JWT authentication mode",
    ]);
    const withUnauth = await authFor(hsEnv({}, { HASURA_GRAPHQL_UNAUTHORIZED_ROLE: 'anonymous' }));
    expect((await withUnauth.resolve(h({ 'x-hasura-role': 'student' }))).session.role).toBe('anonymous');
  });

  it('claims_namespace_path, stringified_json, claims_map, audience and issuer', async () => {
    const nsPath = await authFor(hsEnv({ claims_namespace_path: '$.hasura.claims' }));
    const t1 = await hs({ hasura: { claims: claims(['student'], 'student', { 'x-hasura-user-id': '1' }) } });
    expect((await nsPath.resolve(h({ Authorization: `Bearer ${t1}` }))).session.vars).toEqual({
      'x-hasura-role': 'student',
      'x-hasura-user-id': '1',
    });
    const t1bad = await hs({ other: {} });
    expect((await failure(nsPath.resolve(h({ Authorization: `Bearer ${t1bad}` })))).message).toBe(
      "claims not found at claims_namespace_path: '$.hasura.claims'",
    );

    const str = await authFor(hsEnv({ claims_namespace: 'hc', claims_format: 'stringified_json' }));
    const t2 = await hs({ hc: JSON.stringify(claims(['student'], 'student')) });
    expect((await str.resolve(h({ Authorization: `Bearer ${t2}` }))).session.role).toBe('student');

    const map = await authFor(
      hsEnv({
        claims_map: {
          'x-hasura-allowed-roles': { path: '$.roles' },
          'x-hasura-default-role': { path: '$.role', default: 'student' },
          'x-hasura-user-id': { path: '$.sub' },
          'x-hasura-static': 'fixed',
        },
      }),
    );
    const t3 = await new SignJWT({ roles: ['student'] })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject('77')
      .sign(hsKey);
    expect((await map.resolve(h({ Authorization: `Bearer ${t3}` }))).session).toEqual({
      role: 'student',
      vars: { 'x-hasura-role': 'student', 'x-hasura-user-id': '77', 'x-hasura-static': 'fixed' },
      backendOnly: false,
    });

    const audIss = await authFor(hsEnv({ audience: ['app'], issuer: 'https://issuer.example' }));
    const good = await new SignJWT({ 'https://hasura.io/jwt/claims': claims(['a'], 'a') })
      .setProtectedHeader({ alg: 'HS256' })
      .setAudience('app')
      .setIssuer('https://issuer.example')
      .sign(hsKey);
    expect((await audIss.resolve(h({ Authorization: `Bearer ${good}` }))).session.role).toBe('a');
    const badAud = await new SignJWT({ 'https://hasura.io/jwt/claims': claims(['a'], 'a') })
      .setProtectedHeader({ alg: 'HS256' })
      .setAudience('other')
      .setIssuer('https://issuer.example')
      .sign(hsKey);
    expect((await failure(audIss.resolve(h({ Authorization: `Bearer ${badAud}` })))).message).toBe(
      'Could not verify JWT: JWTNotInAudience',
    );
    const badIss = await new SignJWT({ 'https://hasura.io/jwt/claims': claims(['a'], 'a') })
      .setProtectedHeader({ alg: 'HS256' })
      .setAudience('app')
      .setIssuer('https://evil.example')
      .sign(hsKey);
    expect((await failure(audIss.resolve(h({ Authorization: `Bearer ${badIss}` })))).message).toBe(
      'Could not verify JWT: JWTNotInIssuer',
    );
  });

  it('claim errors: missing role claims, non-string session variables', async () => {
    const auth = await authFor(hsEnv());
    const t1 = await hs({ 'https://hasura.io/jwt/claims': { 'x-hasura-default-role': 'a' } });
    const e1 = await failure(auth.resolve(h({ Authorization: `Bearer ${t1}` })));
    expect([e1.code, e1.message]).toEqual([
      'jwt-missing-role-claims',
      'JWT claim does not contain x-hasura-allowed-roles',
    ]);
    const t2 = await hs({ 'https://hasura.io/jwt/claims': claims(['a'], 'a', { 'x-hasura-user-id': 5 }) });
    expect((await failure(auth.resolve(h({ Authorization: `Bearer ${t2}` })))).code).toBe('jwt-invalid-claims');
    const t3 = await hs({ nothing: true });
    expect((await failure(auth.resolve(h({ Authorization: `Bearer ${t3}` })))).message).toBe(
      "claims key: 'https://hasura.io/jwt/claims' not found",
    );
  });

  it('reads the token from a cookie or a custom header when configured', async () => {
    const token = await hs({ 'https://hasura.io/jwt/claims': claims(['student'], 'student') });
    const cookie = await authFor(hsEnv({ header: { type: 'Cookie', name: 'jwt' } }));
    expect((await cookie.resolve(h({ Cookie: `a=b; jwt=${token}; c=d` }))).session.role).toBe('student');
    expect((await failure(cookie.resolve(h({ Authorization: `Bearer ${token}` })))).code).toBe('invalid-headers');
    const custom = await authFor(hsEnv({ header: { type: 'CustomHeader', name: 'X-Token' } }));
    expect((await custom.resolve(h({ 'x-token': token }))).session.role).toBe('student');
  });

  it('RS256 with a PEM public key', async () => {
    const { publicKey, privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    const pem = publicKey.export({ type: 'spki', format: 'pem' }).toString();
    const auth = await authFor({
      HASURA_GRAPHQL_ADMIN_SECRET: SECRET,
      HASURA_GRAPHQL_JWT_SECRET: JSON.stringify({ type: 'RS256', key: pem }),
    });
    const token = await new SignJWT({
      'https://hasura.io/jwt/claims': claims(['student'], 'student', { 'x-hasura-user-id': '9' }),
    })
      .setProtectedHeader({ alg: 'RS256' })
      .setExpirationTime('5m')
      .sign(privateKey);
    expect((await auth.resolve(h({ Authorization: `Bearer ${token}` }))).session.vars).toEqual({
      'x-hasura-role': 'student',
      'x-hasura-user-id': '9',
    });
    // an HS256 token signed with the public key text must not pass (algorithm confusion)
    const confused = await new SignJWT({ 'https://hasura.io/jwt/claims': claims(['admin'], 'admin') })
      .setProtectedHeader({ alg: 'HS256' })
      .sign(new TextEncoder().encode(pem));
    expect((await failure(auth.resolve(h({ Authorization: `Bearer ${confused}` })))).code).toBe('invalid-jwt');
  });

  it('jwk_url: fetches the key set from a JWKS server', async () => {
    const { publicKey, privateKey } = await generateKeyPair('RS256');
    const jwk: JWK = { ...(await exportJWK(publicKey)), kid: 'k1', alg: 'RS256', use: 'sig' };
    const jwks = await startPeer((_c, res) => json(res, 200, { keys: [jwk] }, { 'Cache-Control': 'max-age=300' }));
    try {
      const auth = await authFor({
        HASURA_GRAPHQL_ADMIN_SECRET: SECRET,
        HASURA_GRAPHQL_JWT_SECRET: JSON.stringify({ jwk_url: `${jwks.url}/jwks.json` }),
      });
      const token = await new SignJWT({ 'https://hasura.io/jwt/claims': claims(['student'], 'student') })
        .setProtectedHeader({ alg: 'RS256', kid: 'k1' })
        .sign(privateKey);
      expect((await auth.resolve(h({ Authorization: `Bearer ${token}` }))).session.role).toBe('student');
      expect((await auth.resolve(h({ Authorization: `Bearer ${token}` }))).session.role).toBe('student');
      expect(jwks.calls.length).toBe(1);
    } finally {
      await jwks.close();
    }
  });
});
