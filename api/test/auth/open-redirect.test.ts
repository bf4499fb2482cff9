/**
 * Open redirect after login, over real HTTP: every known bypass of OPEN_REDIRECT_BYPASSES goes through the real CAS
 * and OIDC logins (test CAS server, oidc-provider IdP) and the Location the API finally answers must stay on-site.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type supertest from 'supertest';
import { agent, FRONTEND, PUBLIC_URL, signup, type TestApp } from '../helpers/app.js';
import { startLoginPeers, type LoginPeers } from '../helpers/login-peers.js';
import type { TestIdp } from '../helpers/oidc-idp.js';
import { browseIdp } from '../helpers/oidc-idp.js';
import { OPEN_REDIRECT_BYPASSES, onSite } from '../helpers/open-redirects.js';

const ALLOWED = [FRONTEND, 'https://*.coursetable.test'];
let idp: TestIdp;
let t: TestApp;
let peers: LoginPeers;
beforeAll(async () => {
  peers = await startLoginPeers({ RATE_LIMIT_LOGIN: '100000/900' });
  ({ idp, t } = peers);
});
afterAll(async () => {
  await peers.close();
});

/** A response either refuses (4xx, no Location) or redirects on-site; returns a description when it does not. */
function offSite(res: supertest.Response): string | null {
  const loc: string | undefined = res.headers['location'];
  if (loc === undefined) return res.status >= 400 && res.status < 500 ? null : `status ${res.status} without Location`;
  return onSite(loc, PUBLIC_URL, ALLOWED) ? null : `status ${res.status} Location ${loc}`;
}

/** The whole CAS login with `query` as the start's query string; the response that ends it. */
async function casLogin(query: string): Promise<supertest.Response> {
  const a = agent(t);
  const start = await a.get(`/api/auth/cas?${query}`);
  if (start.status !== 302) return start;
  const casRes = await fetch(start.headers['location'] as string, { redirect: 'manual' });
  const back = new URL(casRes.headers.get('location') ?? '');
  expect(back.origin).toBe(PUBLIC_URL);
  return a.get(back.pathname + back.search);
}

/** The whole OIDC login (IdP sign-in included) with `query` as the start's query string. */
async function oidcLogin(query: string): Promise<supertest.Response> {
  const a = agent(t);
  const start = await a.get(`/api/auth/oidc?${query}`);
  if (start.status !== 302) return start;
  idp.nextAccount = { sub: 'redirect-tester', email: 'redir@example.edu', email_verified: true, name: 'R' };
  const back = await browseIdp(start.headers['location'] as string, idp.issuer);
  expect(back.origin).toBe(PUBLIC_URL);
  return a.get(back.pathname + back.search);
}

describe('post-login redirect over real HTTP (open redirect)', () => {
  it('CAS login never ends in an off-site Location for any known bypass', async () => {
    const bad: string[] = [];
    for (const target of OPEN_REDIRECT_BYPASSES) {
      const why = offSite(await casLogin(`redirect=${encodeURIComponent(target)}`));
      if (why) bad.push(`${JSON.stringify(target)}: ${why}`);
    }
    expect(bad).toEqual([]);
  });

  it('OIDC login never ends in an off-site Location for any known bypass', async () => {
    const bad: string[] = [];
    for (const target of OPEN_REDIRECT_BYPASSES) {
      const why = offSite(await oidcLogin(`redirect=${encodeURIComponent(target)}`));
      if (why) bad.push(`${JSON.stringify(target)}: ${why}`);
    }
    expect(bad).toEqual([]);
  });

  it('refuses redirect=/%09/evil.com (tab bypass, as reported) with 400 on CAS and OIDC', async () => {
    for (const path of ['/api/auth/cas', '/api/auth/oidc']) {
      const res = await agent(t).get(`${path}?redirect=/%09/evil.com`);
      expect([path, res.status, res.headers['location']]).toEqual([path, 400, undefined]);
    }
  });

  it('a CAS callback crafted with a bypass as redirect never redirects off-site', async () => {
    const bad: string[] = [];
    for (const target of OPEN_REDIRECT_BYPASSES) {
      const res = await agent(t).get(`/api/auth/cas/callback?redirect=${encodeURIComponent(target)}&ticket=ST-x`);
      const why = offSite(res);
      if (why) bad.push(`${JSON.stringify(target)}: ${why}`);
    }
    expect(bad).toEqual([]);
  });

  it('password login answers JSON and never a Location, whatever redirect it is given', async () => {
    const { email, password } = await signup(t);
    const res = await agent(t)
      .post(`/api/auth/password/login?redirect=${encodeURIComponent('/\t/evil.com')}`)
      .send({ email, password, redirect: '//evil.com' })
      .expect(200);
    expect(res.headers['location']).toBeUndefined();
  });

  it('still lands on the allowed target through CAS and OIDC', async () => {
    const c = await casLogin(`redirect=${encodeURIComponent(`${FRONTEND}/worksheet`)}`);
    expect([c.status, c.headers['location']]).toEqual([302, `${FRONTEND}/worksheet`]);
    const o = await oidcLogin(`redirect=${encodeURIComponent('/catalog?season=202403')}`);
    expect([o.status, o.headers['location']]).toEqual([302, `${FRONTEND}/catalog?season=202403`]);
  });
});
