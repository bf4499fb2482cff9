/**
 * Test wiring: a real app (createApp) on the run's real Redis and a cloned, seeded database reached through
 * pgbouncer as ct_api. Each call gets its own Redis key prefix and its own database.
 */
import { randomBytes } from 'node:crypto';
import type { Express } from 'express';
import { pino } from 'pino';
import pg from 'pg';
import supertest from 'supertest';
import { cloneTemplate, testStack, type TestDb } from '../../../stack/src/testing.js';
import { createApp } from '../../src/app.js';
import { parseConfig, type Config } from '../../src/config.js';
import { closeDeps, createDeps, type Deps } from '../../src/deps.js';

export const ACTION_SECRET = 'test-action-secret-0123456789abcdef0123';
export const ADMIN_SECRET = 'test-admin-secret-0123456789abcdef01234';
export const FRONTEND = 'http://localhost:3000';
export const PUBLIC_URL = 'http://127.0.0.1:4000';

export interface TestApp {
  app: Express;
  config: Config;
  deps: Deps;
  db: TestDb;
  /** Superuser-free direct connection as ct_owner, for arranging and asserting data. */
  owner: pg.Pool;
  close(): Promise<void>;
}

export function testEnv(
  db: TestDb,
  overrides: Record<string, string | undefined> = {},
): Record<string, string | undefined> {
  const stack = testStack();
  if (!stack.redis) throw new Error('the test stack has no redis');
  return {
    NODE_ENV: 'test',
    LOG_LEVEL: 'silent',
    API_PUBLIC_URL: PUBLIC_URL,
    FRONTEND_URL: FRONTEND,
    ALLOWED_REDIRECT_ORIGINS: 'https://*.coursetable.test',
    DATABASE_URL: db.bouncerUrl('ct_api'),
    REDIS_URL: stack.redis.url,
    REDIS_KEY_PREFIX: `test:${randomBytes(4).toString('hex')}:`,
    SESSION_SECRET: randomBytes(24).toString('hex'),
    HASURA_ACTION_SECRET: ACTION_SECRET,
    ADMIN_SECRET,
    AUTH_CONCEAL_ERRORS: 'false',
    ...overrides,
  };
}

export async function createTestApp(overrides: Record<string, string | undefined> = {}, db?: TestDb): Promise<TestApp> {
  const database = db ?? (await cloneTemplate());
  const config = parseConfig(testEnv(database, overrides));
  const deps = createDeps(config, pino({ level: process.env['TEST_LOG_LEVEL'] ?? 'silent' }));
  await waitReady(deps);
  const owner = new pg.Pool({ connectionString: database.directUrl('ct_owner'), max: 2 });
  return {
    app: createApp(config, deps),
    config,
    deps,
    db: database,
    owner,
    async close() {
      await owner.end();
      await closeDeps(deps);
      if (!db) await database.drop().catch(() => undefined);
    },
  };
}

async function waitReady(deps: Deps): Promise<void> {
  const until = Date.now() + 5000;
  while (deps.redis.status !== 'ready') {
    if (Date.now() > until) throw new Error('redis not ready');
    await new Promise((r) => setTimeout(r, 20));
  }
}

/** A supertest agent keeps cookies between requests, like a browser. */
export function agent(t: TestApp): supertest.Agent {
  return supertest.agent(t.app);
}

let counter = 0;
/**
 * Sign up a fresh password user through the API, then log in (sign-up answers 202 and starts no session, so that it
 * looks the same for a taken address); returns the logged-in agent and the user id.
 */
export async function signup(
  t: TestApp,
  opts: { email?: string; password?: string; displayName?: string } = {},
): Promise<{ agent: supertest.Agent; userId: number; email: string; password: string }> {
  const a = agent(t);
  const email = opts.email ?? `user${++counter}-${randomBytes(3).toString('hex')}@example.edu`;
  const password = opts.password ?? 'correct horse battery';
  await a
    .post('/api/auth/password/signup')
    .send({ email, password, displayName: opts.displayName ?? 'Test User' })
    .expect(202);
  const res = await a.post('/api/auth/password/login').send({ email, password }).expect(200);
  return { agent: a, userId: (res.body as { user: { id: number } }).user.id, email, password };
}

/** The session cookie (name=value) an agent holds, for calling the webhook like Hasura would. */
export function cookieHeader(res: supertest.Response, name: string): string {
  const raw = res.headers['set-cookie'] as unknown as string[] | undefined;
  const c = raw?.find((x) => x.startsWith(`${name}=`));
  if (!c) throw new Error(`no ${name} cookie set`);
  return c.split(';')[0] ?? '';
}

/** The JSON shapes the API answers, loosely typed for assertions on supertest bodies (which are `any`). */
export interface Body {
  error: { code: string; message: string; detail?: string };
  auth: boolean;
  ended: number;
  status: string;
  user: { id: number; email: string | null; displayName: string; hasEvals: boolean; role: string; method: string };
  checks: Record<string, { status: string; latencyMs?: number; error?: string }>;
  [key: string]: unknown;
}
export function body(res: { body: unknown }): Body {
  return res.body as Body;
}
