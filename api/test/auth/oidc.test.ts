import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { agent, createTestApp, FRONTEND, PUBLIC_URL, type TestApp, body } from '../helpers/app.js';
import { browseIdp, TestIdp } from '../helpers/oidc-idp.js';

let idp: TestIdp;
let t: TestApp;
beforeAll(async () => {
  idp = await TestIdp.start({
    clientId: 'coursetable',
    clientSecret: 'idp-client-secret',
    redirectUri: `${PUBLIC_URL}/api/auth/oidc/callback`,
  });
  t = await createTestApp({
    OIDC_ISSUER: idp.issuer,
    OIDC_CLIENT_ID: 'coursetable',
    OIDC_CLIENT_SECRET: 'idp-client-secret',
    OIDC_ALLOW_INSECURE_HTTP: 'true',
    EVALS_RULES: 'email-domain:yale.edu',
  });
});
afterAll(async () => {
  await t.close();
  await idp.close();
});

describe('GET /api/auth/oidc (authorization code + PKCE)', () => {
  it('logs in through the IdP and redirects to the allowed target', async () => {
    idp.nextAccount = { sub: 'oidc-sub-1', email: 'Alan@Yale.edu', email_verified: true, name: 'Alan Turing' };
    const a = agent(t);
    const start = await a.get(`/api/auth/oidc?redirect=${encodeURIComponent(`${FRONTEND}/catalog`)}`).expect(302);
    const authUrl = new URL(start.headers['location'] as string);
    expect(authUrl.origin).toBe(idp.issuer);
    expect(authUrl.searchParams.get('code_challenge_method')).toBe('S256');
    expect(authUrl.searchParams.get('state')).toBeTruthy();
    expect(authUrl.searchParams.get('nonce')).toBeTruthy();
    // No session before login: the only cookie is the login's browser binding (login CSRF defence).
    const startCookies = (start.headers['set-cookie'] as unknown as string[]).map((c) => c.split('=')[0]);
    expect(startCookies).toEqual([`${t.config.session.cookieName}.login`]);

    const back = await browseIdp(authUrl.href, idp.issuer);
    expect(back.origin + back.pathname).toBe(`${PUBLIC_URL}/api/auth/oidc/callback`);
    const cb = await a.get(back.pathname + back.search).expect(302);
    expect(cb.headers['location']).toBe(`${FRONTEND}/catalog`);
    const check = await a.get('/api/auth/check').expect(200);
    expect(check.body).toMatchObject({
      auth: true,
      user: { email: 'alan@yale.edu', displayName: 'Alan Turing', role: 'student_evals', method: 'oidc' },
    });

    // The state is single-use: replaying the callback fails.
    const replay = await agent(t).get(back.pathname + back.search);
    expect([replay.status, body(replay).error.code]).toEqual([401, 'login-failed']);
  });

  it('gives no evaluation access when the email is not verified, and does not link to an existing account', async () => {
    idp.nextAccount = { sub: 'oidc-sub-2', email: 'alan@yale.edu', email_verified: false, name: 'Impostor' };
    const a = agent(t);
    const start = await a.get('/api/auth/oidc').expect(302);
    const back = await browseIdp(start.headers['location'] as string, idp.issuer);
    await a.get(back.pathname + back.search).expect(302);
    const user = body(await a.get('/api/auth/check')).user;
    expect(user).toMatchObject({ displayName: 'Impostor', hasEvals: false, email: null });
  });

  it('returns 401 login-failed for a callback with an unknown state', async () => {
    const res = await agent(t).get('/api/auth/oidc/callback?code=abc&state=unknown');
    expect([res.status, body(res).error.code]).toEqual([401, 'login-failed']);
  });
});
