import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import supertest from 'supertest';
import { cookieHeader, createTestApp, signup, type TestApp, body } from '../helpers/app.js';
import { OwnRedis } from '../helpers/own-redis.js';

let redis: OwnRedis;
let t: TestApp;
beforeAll(async () => {
  redis = await OwnRedis.start();
  t = await createTestApp({ REDIS_URL: redis.url });
});
afterAll(async () => {
  await t.close();
  await redis.stop();
});

async function timed<T>(fn: () => Promise<T>): Promise<{ value: T; ms: number }> {
  const t0 = performance.now();
  const value = await fn();
  return { value, ms: performance.now() - t0 };
}

describe('Redis stopped mid-test', () => {
  it('session routes answer 503 within 1 s, the process survives, and sessions work again after Redis restarts', async () => {
    const { agent: a, email, password } = await signup(t);
    const login = await a.post('/api/auth/password/login').send({ email, password }).expect(200);
    const cookie = cookieHeader(login, t.config.session.cookieName);

    await redis.stop();

    const check = await timed(() => a.get('/api/auth/check'));
    expect(check.value.status).toBe(503);
    expect(check.value.body).toEqual({
      error: { code: 'session-store-unavailable', message: expect.any(String) as string },
    });
    expect(check.value.headers['retry-after']).toBe('1');
    expect(check.ms).toBeLessThan(1000);

    const hook = await timed(() => supertest(t.app).get('/api/hasura/auth').set('Cookie', cookie));
    expect(hook.value.status).toBe(503);
    expect(hook.ms).toBeLessThan(1000);

    const relogin = await timed(() => supertest(t.app).post('/api/auth/password/login').send({ email, password }));
    expect(relogin.value.status).toBe(503);
    expect(relogin.ms).toBeLessThan(1000);

    const health = await supertest(t.app).get('/api/health');
    expect(health.status).toBe(503);
    expect(body(health).checks['redis']?.status).toBe('down');
    await supertest(t.app).get('/api/ping').expect(200, '"pong"');

    await redis.startAgain();
    const until = Date.now() + 5000;
    while (t.deps.redis.status !== 'ready' && Date.now() < until) await new Promise((r) => setTimeout(r, 50));

    // The session saved before the outage is back, for the API and for the webhook.
    expect(body(await a.get('/api/auth/check').expect(200)).auth).toBe(true);
    await supertest(t.app).get('/api/hasura/auth').set('Cookie', cookie).expect(200);
    await supertest(t.app).post('/api/auth/password/login').send({ email, password }).expect(200);
  });
});
