/**
 * Login throttling that holds against password spraying (one IP, many accounts), distributed guessing (many IPs, one
 * account) and argon2 as a CPU sink (a burst of hashing requests). The app trusts X-Forwarded-For from loopback only
 * (TRUST_PROXY=loopback, as behind the gateway): these tests connect from loopback, like the gateway does, so the
 * client address they forward is what the API sees.
 */
import supertest from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashPassword } from '../../src/auth/passwords.js';
import { body, createTestApp, type TestApp } from '../helpers/app.js';

const PASSWORD = 'the right password 42';
let t: TestApp;
let emails: string[] = [];

beforeAll(async () => {
  t = await createTestApp({
    RATE_LIMIT_LOGIN: '10/900',
    RATE_LIMIT_LOGIN_IP: '10/900',
    RATE_LIMIT_LOGIN_ACCOUNT: '10/900',
  });
  // 60 real accounts, arranged directly in the database (one argon2 hash for all).
  const hash = await hashPassword(PASSWORD);
  const r = await t.owner.query<{ user_id: number; email: string }>(
    `insert into users (email, display_name)
       select 'spray' || i || '@example.edu', 'Spray ' || i from generate_series(1, 60) i returning user_id, email`,
  );
  await t.owner.query(`insert into password_credentials (user_id, password_hash) select unnest($1::int[]), $2`, [
    r.rows.map((x) => x.user_id),
    hash,
  ]);
  emails = r.rows.map((x) => x.email);
});
afterAll(async () => {
  await t.close();
});

function login(app: TestApp, email: string, password: string, ip?: string): Promise<supertest.Response> {
  const req = supertest(app.app).post('/api/auth/password/login');
  if (ip) req.set('X-Forwarded-For', ip);
  return req.send({ email, password });
}

async function sequence(n: number, f: (i: number) => Promise<supertest.Response>): Promise<number[]> {
  const statuses: number[] = [];
  for (let i = 0; i < n; i += 1) statuses.push((await f(i)).status);
  return statuses;
}

describe('password login limits', () => {
  it('throttles password spraying: one IP trying one password on 50 accounts is refused after 10 failures', async () => {
    const statuses = await sequence(50, (i) => login(t, emails[i] ?? '', 'Summer2026!', '203.0.113.7'));
    expect(statuses.slice(0, 10)).toEqual(Array(10).fill(401));
    expect(statuses.slice(10)).toEqual(Array(40).fill(429));
    const refused = await login(t, emails[50] ?? '', 'Summer2026!', '203.0.113.7');
    expect(refused.status).toBe(429);
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
    // The limit is per client address: another address is answered normally.
    expect((await login(t, emails[50] ?? '', PASSWORD, '203.0.113.8')).status).toBe(200);
  });

  it('throttles a distributed guess: 50 IPs trying one account are refused after 10 failures', async () => {
    const target = emails[51] ?? '';
    const statuses = await sequence(50, (i) => login(t, target, `guess number ${i}`, `198.51.100.${i + 1}`));
    expect(statuses.slice(0, 10)).toEqual(Array(10).fill(401));
    expect(statuses.slice(10)).toEqual(Array(40).fill(429));
    // The limit is per account: the same addresses still log in to other accounts.
    expect((await login(t, emails[52] ?? '', PASSWORD, '198.51.100.1')).status).toBe(200);
  });

  it('does not count successful logins: 30 users behind one campus NAT all log in', async () => {
    const statuses = await sequence(30, (i) => login(t, emails[i + 20] ?? '', PASSWORD, '192.0.2.99'));
    expect(statuses).toEqual(Array(30).fill(200));
  });

  it('does not let a client escape the per-IP limit with a forged X-Forwarded-For (untrusted peer)', async () => {
    // The same database and Redis prefix, but the app trusts only a proxy that is not the test's address.
    const direct = await createTestApp(
      {
        REDIS_KEY_PREFIX: `${t.config.redisPrefix}direct:`,
        TRUST_PROXY: '10.9.8.7',
        RATE_LIMIT_LOGIN_IP: '10/900',
        RATE_LIMIT_LOGIN_ACCOUNT: '1000/900',
      },
      t.db,
    );
    try {
      const statuses = await sequence(20, (i) => login(direct, emails[i] ?? '', 'Winter2026!', `100.64.0.${i + 1}`));
      expect(statuses.slice(0, 10)).toEqual(Array(10).fill(401));
      expect(statuses.slice(10)).toEqual(Array(10).fill(429));
    } finally {
      await direct.close();
    }
  });
});

describe('password hashing cap', () => {
  it('answers a burst beyond the argon2 cap with 503 and Retry-After instead of queueing it unbounded', async () => {
    const capped = await createTestApp(
      {
        REDIS_KEY_PREFIX: `${t.config.redisPrefix}capped:`,
        RATE_LIMIT_LOGIN_IP: '1000/900',
        RATE_LIMIT_LOGIN_ACCOUNT: '1000/900',
        PASSWORD_HASH_CONCURRENCY: '1',
        PASSWORD_HASH_QUEUE: '2',
      },
      t.db,
    );
    try {
      const burst = await Promise.all(
        Array.from({ length: 30 }, (_, i) => login(capped, emails[i] ?? '', 'wrong password', `192.0.2.${i + 1}`)),
      );
      const statuses = burst.map((r) => r.status);
      const busy = burst.filter((r) => r.status === 503);
      expect(statuses.every((s) => s === 401 || s === 503)).toBe(true);
      expect(busy.length).toBeGreaterThanOrEqual(10);
      expect(statuses.filter((s) => s === 401).length).toBeGreaterThanOrEqual(1);
      for (const r of busy) {
        expect(body(r).error.code).toBe('service-unavailable');
        expect(Number(r.headers['retry-after'])).toBeGreaterThan(0);
      }
      // Once the burst is over, hashing works again.
      expect((await login(capped, emails[59] ?? '', PASSWORD, '192.0.2.200')).status).toBe(200);
    } finally {
      await capped.close();
    }
  });
});
