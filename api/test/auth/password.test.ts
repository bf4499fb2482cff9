import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { agent, cookieHeader, createTestApp, signup, type TestApp, body } from '../helpers/app.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t.close();
});

describe('POST /api/auth/password/signup', () => {
  it('creates the user and stores an argon2id hash; the password then logs in', async () => {
    const { agent: a, userId, email } = await signup(t, { displayName: 'Ada' });
    const check = await a.get('/api/auth/check').expect(200);
    expect(check.body).toMatchObject({
      auth: true,
      user: { id: userId, email, displayName: 'Ada', hasEvals: false, role: 'student', method: 'password' },
    });
    const row = await t.owner.query<{ password_hash: string }>(
      'select password_hash from password_credentials where user_id = $1',
      [userId],
    );
    expect(row.rows[0]?.password_hash).toMatch(/^\$argon2id\$/);
  });

  it('answers an existing email like a new one: 202, no session (no account enumeration)', async () => {
    const { email } = await signup(t);
    const res = await agent(t)
      .post('/api/auth/password/signup')
      .send({ email, password: 'another password!', displayName: 'X' });
    expect(res.status).toBe(202);
    expect(res.body).toEqual({ ok: true });
    expect(res.headers['set-cookie']).toBeUndefined();
  });

  it('returns 400 validation-failed for a short password, without echoing it', async () => {
    const res = await agent(t)
      .post('/api/auth/password/signup')
      .send({ email: 'short@example.edu', password: 'abc', displayName: 'X' });
    expect(res.status).toBe(400);
    expect(body(res).error.code).toBe('validation-failed');
    expect(JSON.stringify(res.body)).not.toContain('abc"');
  });
});

describe('POST /api/auth/password/login', () => {
  it('logs in with the right password and sets an httpOnly, sameSite=lax session cookie', async () => {
    const { email, password, userId } = await signup(t);
    const res = await agent(t)
      .post('/api/auth/password/login')
      .send({ email: email.toUpperCase(), password })
      .expect(200);
    expect(body(res).user.id).toBe(userId);
    const cookie = (res.headers['set-cookie'] as unknown as string[]).find((c) =>
      c.startsWith(`${t.config.session.cookieName}=`),
    );
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Lax/);
    expect(cookie).toMatch(/Expires=/);
    expect(cookie).not.toMatch(/Secure/); // plain-http local run
  });

  it('returns 401 invalid-credentials for a wrong password and for an unknown email alike', async () => {
    const { email } = await signup(t);
    const wrong = await agent(t).post('/api/auth/password/login').send({ email, password: 'wrong password' });
    const unknown = await agent(t)
      .post('/api/auth/password/login')
      .send({ email: 'nobody@example.edu', password: 'wrong password' });
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect(wrong.body).toEqual(unknown.body);
    expect(body(wrong).error.code).toBe('invalid-credentials');
  });

  it('regenerates the session id at login (no session fixation)', async () => {
    const { email, password } = await signup(t);
    const a = agent(t);
    const first = await a.post('/api/auth/password/login').send({ email, password }).expect(200);
    const second = await a.post('/api/auth/password/login').send({ email, password }).expect(200);
    const name = t.config.session.cookieName;
    expect(cookieHeader(first, name)).not.toBe(cookieHeader(second, name));
    // the old session is gone from Redis
    const oldSid = decodeURIComponent(cookieHeader(first, name).split('=')[1] ?? '')
      .slice(2)
      .split('.')[0];
    expect(await t.deps.redis.exists(`${t.config.redisPrefix}sess:${oldSid}`)).toBe(0);
  });
});

describe('GET /api/auth/check', () => {
  it('answers auth:false without creating a session (saveUninitialized false)', async () => {
    const res = await agent(t).get('/api/auth/check').expect(200);
    expect(res.body).toEqual({ auth: false, user: null });
    expect(res.headers['set-cookie']).toBeUndefined();
  });
});

describe('POST /api/auth/logout', () => {
  it('destroys the session and clears the cookie', async () => {
    const { agent: a } = await signup(t);
    const res = await a.post('/api/auth/logout').expect(200);
    expect((res.headers['set-cookie'] as unknown as string[])[0]).toMatch(/Expires=Thu, 01 Jan 1970/);
    expect(body(await a.get('/api/auth/check')).auth).toBe(false);
  });

  it('returns 401 unauthenticated without a session', async () => {
    const res = await agent(t).post('/api/auth/logout');
    expect(res.status).toBe(401);
  });
});

describe('POST /api/auth/logout-all', () => {
  it('ends every session of the user, on every device', async () => {
    const { email, password } = await signup(t);
    const phone = agent(t);
    const laptop = agent(t);
    await phone.post('/api/auth/password/login').send({ email, password }).expect(200);
    await laptop.post('/api/auth/password/login').send({ email, password }).expect(200);
    const res = await laptop.post('/api/auth/logout-all').expect(200);
    expect(body(res).ended).toBeGreaterThanOrEqual(2);
    expect(body(await phone.get('/api/auth/check')).auth).toBe(false);
    expect(body(await laptop.get('/api/auth/check')).auth).toBe(false);
  });
});
