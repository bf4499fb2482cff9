import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import supertest from 'supertest';
import { body, cookieHeader, createTestApp, signup, type TestApp } from '../helpers/app.js';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('session idle timeout', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ SESSION_IDLE_TIMEOUT_S: '3', SESSION_ABSOLUTE_LIFETIME_S: '60' });
  });
  afterAll(async () => {
    await t.close();
  });

  it('ends an idle session: check says auth:false and the webhook answers 401', async () => {
    const { agent: a, email, password } = await signup(t);
    const res = await a.post('/api/auth/password/login').send({ email, password }).expect(200);
    const cookie = cookieHeader(res, t.config.session.cookieName);
    await sleep(3300);
    await supertest(t.app).get('/api/hasura/auth').set('Cookie', cookie).expect(401);
    expect(body(await a.get('/api/auth/check')).auth).toBe(false);
  });

  it('keeps a session alive while it is used (rolling)', async () => {
    const { agent: a } = await signup(t);
    for (let i = 0; i < 4; i++) {
      await sleep(1000); // 4 s in total, past the 3 s idle timeout
      const r = await a.get('/api/auth/check');
      expect(r.body, JSON.stringify(r.body)).toMatchObject({ auth: true });
    }
  });
});

describe('session absolute lifetime', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ SESSION_IDLE_TIMEOUT_S: '3', SESSION_ABSOLUTE_LIFETIME_S: '3' });
  });
  afterAll(async () => {
    await t.close();
  });

  it('ends a session at its absolute lifetime even when it is used', async () => {
    const { agent: a } = await signup(t);
    await sleep(1500);
    expect(body(await a.get('/api/auth/check')).auth).toBe(true);
    await sleep(1800);
    const r = await a.get('/api/auth/check');
    expect(r.body, JSON.stringify(r.body)).toMatchObject({ auth: false });
  });
});
