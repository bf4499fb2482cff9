import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type supertest from 'supertest';
import { agent, createTestApp, FRONTEND, PUBLIC_URL, type TestApp, body } from '../helpers/app.js';
import { TestCasServer } from '../helpers/cas-server.js';

let cas: TestCasServer;
let t: TestApp;
beforeAll(async () => {
  cas = await TestCasServer.start();
  t = await createTestApp({
    CAS_BASE_URL: cas.baseUrl,
    CAS_VERSION: '3.0',
    EVALS_RULES: 'attribute:affiliation=student|faculty',
  });
});
afterAll(async () => {
  await t.close();
  await cas.close();
});

/** Browser dance: API → CAS login → back to the API callback with a ticket. Returns the callback response. */
async function casLogin(a: supertest.Agent, redirect: string): Promise<supertest.Response> {
  const start = await a.get(`/api/auth/cas?redirect=${encodeURIComponent(redirect)}`).expect(302);
  const loginUrl = new URL(start.headers['location'] as string);
  expect(loginUrl.href.startsWith(`${cas.baseUrl}/login?service=`)).toBe(true);
  const casRes = await fetch(loginUrl, { redirect: 'manual' });
  const back = new URL(casRes.headers.get('location') ?? '');
  expect(back.origin).toBe(PUBLIC_URL);
  return a.get(back.pathname + back.search);
}

describe('GET /api/auth/cas (CAS 3.0)', () => {
  it('logs in through CAS, validates the ticket at /p3/serviceValidate and redirects to the allowed target', async () => {
    cas.nextUser = {
      user: 'jd123',
      attributes: { mail: 'jane.doe@yale.edu', displayName: 'Jane Doe', affiliation: 'student' },
    };
    const a = agent(t);
    const res = await casLogin(a, `${FRONTEND}/worksheet`);
    expect(res.status).toBe(302);
    expect(res.headers['location']).toBe(`${FRONTEND}/worksheet`);
    expect(cas.validations.at(-1)).toBe('/cas/p3/serviceValidate');
    const check = await a.get('/api/auth/check').expect(200);
    expect(check.body).toMatchObject({
      auth: true,
      user: {
        email: 'jane.doe@yale.edu',
        displayName: 'Jane Doe',
        hasEvals: true,
        role: 'student_evals',
        method: 'cas',
      },
    });
    const ids = await t.owner.query('select provider, issuer, subject from user_identities where user_id = $1', [
      body(check).user.id,
    ]);
    expect(ids.rows).toEqual([{ provider: 'cas', issuer: cas.baseUrl, subject: 'jd123' }]);
  });

  it('grants no evaluation access when the attribute rule does not match, and reuses the user on the next login', async () => {
    cas.nextUser = { user: 'guest1', attributes: { affiliation: ['affiliate', 'member'] } };
    const a = agent(t);
    await casLogin(a, '/');
    const first = body(await a.get('/api/auth/check')).user;
    expect(first).toMatchObject({ hasEvals: false, role: 'student', displayName: 'guest1' });
    const b = agent(t);
    await casLogin(b, '/');
    expect(body(await b.get('/api/auth/check')).user.id).toBe(first.id);
  });

  it('returns 401 login-failed for an unknown or replayed ticket', async () => {
    const res = await agent(t).get(`/api/auth/cas/callback?redirect=${encodeURIComponent(FRONTEND)}&ticket=ST-forged`);
    expect(res.status).toBe(401);
    expect(body(res).error.code).toBe('login-failed');
    expect(res.headers['set-cookie']).toBeUndefined();
  });

  it('refuses an open redirect with 400 invalid-redirect and allows wildcard-listed origins', async () => {
    for (const bad of [
      'https://evil.example.com/',
      '//evil.example.com',
      'javascript:alert(1)',
      'https://coursetable.test.evil.com/',
    ]) {
      const res = await agent(t).get(`/api/auth/cas?redirect=${encodeURIComponent(bad)}`);
      expect([bad, res.status, body(res).error?.code]).toEqual([bad, 400, 'invalid-redirect']);
    }
    await agent(t)
      .get(`/api/auth/cas?redirect=${encodeURIComponent('https://staging.coursetable.test/x')}`)
      .expect(302);
  });
});

describe('GET /api/auth/cas (CAS 2.0)', () => {
  it('validates at /serviceValidate', async () => {
    const t2 = await createTestApp({ CAS_BASE_URL: cas.baseUrl, CAS_VERSION: '2.0' }, t.db);
    try {
      cas.nextUser = { user: 'old2', attributes: {} };
      const res = await casLogin(agent(t2), '/');
      expect(res.status).toBe(302);
      expect(cas.validations.at(-1)).toBe('/cas/serviceValidate');
    } finally {
      await t2.close();
    }
  });
});
