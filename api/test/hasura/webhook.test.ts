import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import supertest from 'supertest';
import { ADMIN_SECRET, agent, cookieHeader, createTestApp, signup, type TestApp } from '../helpers/app.js';
import { sign } from '../../src/sessions/signed-cookie.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t.close();
});

async function loginCookie(): Promise<{ cookie: string; userId: number }> {
  const { email, password, userId } = await signup(t);
  const res = await agent(t).post('/api/auth/password/login').send({ email, password }).expect(200);
  return { cookie: cookieHeader(res, t.config.session.cookieName), userId };
}

describe('GET /api/hasura/auth', () => {
  it('answers anonymous without a cookie, with a short Cache-Control max-age', async () => {
    const res = await supertest(t.app).get('/api/hasura/auth').expect(200);
    expect(res.body).toEqual({ 'X-Hasura-Role': 'anonymous' });
    expect(res.headers['cache-control']).toBe(`max-age=${t.config.webhookMaxAgeS}`);
  });

  it('answers student with the user id for a logged-in user', async () => {
    const { cookie, userId } = await loginCookie();
    const res = await supertest(t.app).get('/api/hasura/auth').set('Cookie', cookie).expect(200);
    expect(res.body).toEqual({ 'X-Hasura-Role': 'student', 'X-Hasura-User-Id': String(userId) });
  });

  it('answers student_evals once an admin granted evaluation access, in live sessions too', async () => {
    const { cookie, userId } = await loginCookie();
    await supertest(t.app)
      .put(`/api/admin/users/${userId}/evals`)
      .set('x-admin-secret', ADMIN_SECRET)
      .send({ hasEvals: true })
      .expect(200);
    const res = await supertest(t.app).get('/api/hasura/auth').set('Cookie', cookie).expect(200);
    expect(res.body).toEqual({ 'X-Hasura-Role': 'student_evals', 'X-Hasura-User-Id': String(userId) });
  });

  it('ignores client-sent X-Hasura-* headers', async () => {
    const res = await supertest(t.app)
      .get('/api/hasura/auth')
      .set('X-Hasura-Role', 'admin')
      .set('X-Hasura-User-Id', '1')
      .expect(200);
    expect(res.body).toEqual({ 'X-Hasura-Role': 'anonymous' });
  });

  it('returns 401 for a forged cookie (bad signature)', async () => {
    const { cookie } = await loginCookie();
    const [name, value] = cookie.split('=') as [string, string];
    const sid = decodeURIComponent(value).slice(2).split('.')[0] ?? '';
    const forged = `${name}=${encodeURIComponent(`s:${sign(sid, 'not-the-secret-not-the-secret-not-the')}`)}`;
    await supertest(t.app).get('/api/hasura/auth').set('Cookie', forged).expect(401);
    await supertest(t.app).get('/api/hasura/auth').set('Cookie', `${name}=garbage`).expect(401);
  });

  it('returns 401 for a correctly signed cookie whose session ended', async () => {
    const { email, password } = await signup(t);
    const a = agent(t);
    const res = await a.post('/api/auth/password/login').send({ email, password }).expect(200);
    const cookie = cookieHeader(res, t.config.session.cookieName);
    await a.post('/api/auth/logout').expect(200);
    await supertest(t.app).get('/api/hasura/auth').set('Cookie', cookie).expect(401);
  });

  it('does one Redis round trip per answer', async () => {
    const { cookie } = await loginCookie();
    const monitor = await t.deps.redis.duplicate().monitor();
    const commands: string[] = [];
    monitor.on('monitor', (_time: string, args: string[]) => {
      if (args.some((a) => a.startsWith(t.config.redisPrefix))) commands.push(args[0] ?? '');
    });
    await new Promise((r) => setTimeout(r, 50));
    await supertest(t.app).get('/api/hasura/auth').set('Cookie', cookie).expect(200);
    await new Promise((r) => setTimeout(r, 100));
    monitor.disconnect();
    expect(commands.map((c) => c.toLowerCase())).toEqual(['get']);
  });
});

describe('POST /api/hasura/auth', () => {
  it('reads the cookie from the forwarded headers in the body', async () => {
    const { cookie, userId } = await loginCookie();
    const res = await supertest(t.app)
      .post('/api/hasura/auth')
      .send({ headers: { Cookie: cookie, 'X-Hasura-Role': 'admin' }, request: { query: '{ __typename }' } })
      .expect(200);
    expect(res.body).toEqual({ 'X-Hasura-Role': 'student', 'X-Hasura-User-Id': String(userId) });
  });

  it('answers anonymous when the forwarded headers carry no cookie', async () => {
    const res = await supertest(t.app).post('/api/hasura/auth').send({ headers: {} }).expect(200);
    expect(res.body).toEqual({ 'X-Hasura-Role': 'anonymous' });
  });
});
