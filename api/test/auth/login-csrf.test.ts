/**
 * Login CSRF: an attacker starts a CAS or OIDC login in his own browser, completes it at the (real, test) identity
 * provider with his own account, and makes the victim's browser (another cookie jar) open the callback URL. The
 * victim must not end up logged in as the attacker; the ordinary login in one browser still works.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type supertest from 'supertest';
import { agent, body, FRONTEND, PUBLIC_URL, type TestApp } from '../helpers/app.js';
import { startLoginPeers, type LoginPeers } from '../helpers/login-peers.js';
import type { TestCasServer } from '../helpers/cas-server.js';
import type { TestIdp } from '../helpers/oidc-idp.js';
import { browseIdp } from '../helpers/oidc-idp.js';

let cas: TestCasServer;
let idp: TestIdp;
let t: TestApp;
let peers: LoginPeers;
beforeAll(async () => {
  peers = await startLoginPeers();
  ({ cas, idp, t } = peers);
});
afterAll(async () => {
  await peers.close();
});

/** The callback URL (path + query) the IdP sends the attacker's browser back to, after he signed in there. */
async function attackerCasCallback(attacker: supertest.Agent): Promise<string> {
  cas.nextUser = { user: 'mallory', attributes: { mail: 'mallory@evil.example', displayName: 'Mallory' } };
  const start = await attacker.get(`/api/auth/cas?redirect=${encodeURIComponent(`${FRONTEND}/worksheet`)}`);
  expect(start.status).toBe(302);
  const casRes = await fetch(start.headers['location'] as string, { redirect: 'manual' });
  const back = new URL(casRes.headers.get('location') ?? '');
  expect(back.origin + back.pathname).toBe(`${PUBLIC_URL}/api/auth/cas/callback`);
  return back.pathname + back.search;
}

async function attackerOidcCallback(attacker: supertest.Agent): Promise<string> {
  idp.nextAccount = { sub: 'mallory', email: 'mallory@evil.example', email_verified: true, name: 'Mallory' };
  const start = await attacker.get(`/api/auth/oidc?redirect=${encodeURIComponent(`${FRONTEND}/worksheet`)}`);
  expect(start.status).toBe(302);
  const back = await browseIdp(start.headers['location'] as string, idp.issuer);
  expect(back.origin + back.pathname).toBe(`${PUBLIC_URL}/api/auth/oidc/callback`);
  return back.pathname + back.search;
}

/** The victim's browser opened `callback`: refused with a 4xx, no session cookie, and still logged out. */
async function expectNotLoggedIn(victim: supertest.Agent, callback: string): Promise<void> {
  const res = await victim.get(callback);
  expect([res.status, body(res).error?.code]).toEqual([401, 'login-failed']);
  expect(res.headers['location']).toBeUndefined();
  const setCookie = (res.headers['set-cookie'] as unknown as string[] | undefined) ?? [];
  expect(setCookie.filter((c) => c.startsWith(`${t.config.session.cookieName}=`))).toEqual([]);
  expect(body(await victim.get('/api/auth/check')).auth).toBe(false);
}

describe('login CSRF: a callback URL opened in another browser logs nobody in', () => {
  it('refuses a CAS ticket the attacker obtained, sent to a victim browser without a login of its own', async () => {
    const callback = await attackerCasCallback(agent(t));
    await expectNotLoggedIn(agent(t), callback);
  });

  it('refuses a CAS ticket the attacker obtained, sent to a victim browser that started its own CAS login', async () => {
    const victim = agent(t);
    await victim.get('/api/auth/cas').expect(302); // the victim's own, unfinished login
    const callback = await attackerCasCallback(agent(t));
    await expectNotLoggedIn(victim, callback);
  });

  it('refuses an OIDC code+state the attacker obtained, sent to a victim browser without a login of its own', async () => {
    const callback = await attackerOidcCallback(agent(t));
    await expectNotLoggedIn(agent(t), callback);
  });

  it('refuses an OIDC code+state the attacker obtained, sent to a victim browser that started its own OIDC login', async () => {
    const victim = agent(t);
    await victim.get('/api/auth/oidc').expect(302); // the victim's own, unfinished login
    const callback = await attackerOidcCallback(agent(t));
    await expectNotLoggedIn(victim, callback);
  });

  it('refuses a CAS ticket obtained with a hand-made service URL (login never started at the API)', async () => {
    cas.nextUser = { user: 'mallory', attributes: {} };
    const service = `${PUBLIC_URL}/api/auth/cas/callback?redirect=${encodeURIComponent(`${FRONTEND}/`)}`;
    const casRes = await fetch(`${cas.baseUrl}/login?service=${encodeURIComponent(service)}`, { redirect: 'manual' });
    const back = new URL(casRes.headers.get('location') ?? '');
    await expectNotLoggedIn(agent(t), back.pathname + back.search);
  });

  it('still logs in the browser that started the login, through CAS and through OIDC', async () => {
    for (const [method, callbackOf] of [
      ['cas', attackerCasCallback],
      ['oidc', attackerOidcCallback],
    ] as const) {
      const browser = agent(t);
      const res = await browser.get(await callbackOf(browser));
      expect([method, res.status, res.headers['location']]).toEqual([method, 302, `${FRONTEND}/worksheet`]);
      expect(body(await browser.get('/api/auth/check')).user).toMatchObject({ displayName: 'Mallory', method });
    }
  });
});
