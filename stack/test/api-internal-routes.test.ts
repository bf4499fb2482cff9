/**
 * The engine-only API endpoints (issue 14, finding 13): `/api/hasura/auth` (the auth webhook) and
 * `/api/hasura/actions/*` (the action handlers) answer the engine, which calls the API by its service address
 * (`http://api:4096`), and nobody on the public entrypoint. Checked on the stack docker-compose.yml describes (the
 * gateway reading traefik/ and the labels, the real API, the engine in webhook mode), with a logged-in user.
 */
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApps, type RunningApps } from '../src/apps.js';
import { cloneTemplate, testStack, type TestDb } from '../src/testing.js';

let db: TestDb;
let apps: RunningApps;
let gateway = '';
let cookie = '';
let actionSecret = '';
const logs: string[] = [];

beforeAll(async () => {
  db = await cloneTemplate();
  apps = await startApps({
    stack: testStack(),
    db: db.name,
    env: { REDIS_KEY_PREFIX: `internal:${randomBytes(4).toString('hex')}:`, LOG_LEVEL: 'warn' },
    log: (l) => logs.push(l),
  });
  gateway = apps.urls['gateway'] ?? '';
  actionSecret = apps.local.project.service('api').environment['HASURA_ACTION_SECRET'] ?? '';
  expect(actionSecret.length).toBeGreaterThanOrEqual(32);
  const email = `internal-${randomBytes(4).toString('hex')}@example.edu`;
  const password = 'correct horse battery staple';
  const signup = await fetch(`${gateway}/api/auth/password/signup`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password, displayName: 'Internal Routes' }),
  });
  expect([201, 202]).toContain(signup.status); // 202 once sign-up stops starting a session
  const login = await fetch(`${gateway}/api/auth/password/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });
  expect(login.status).toBe(200);
  cookie = (login.headers.getSetCookie().at(-1) ?? '').split(';')[0] ?? '';
  expect(cookie).toMatch(/=/);
}, 180_000);

afterAll(async () => {
  await apps?.stop();
  await db?.drop().catch(() => undefined);
  if (logs.length > 0) console.log(logs.join('\n'));
}, 60_000);

/** A call the way the engine makes it: the user's cookie for the webhook, the action secret and payload for an action. */
function engineLike(method: 'GET' | 'POST', path: string): RequestInit {
  if (path.toLowerCase().includes('/actions/')) {
    return {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-hasura-action-secret': actionSecret },
      body: JSON.stringify({
        action: { name: 'saveSearch' },
        input: { name: `via ${path}`, query: {} },
        session_variables: { 'x-hasura-role': 'student', 'x-hasura-user-id': '1' },
      }),
    };
  }
  return method === 'GET'
    ? { method, headers: { cookie } }
    : { method, headers: { 'content-type': 'application/json' }, body: JSON.stringify({ headers: { cookie } }) };
}

const INTERNAL: ['GET' | 'POST', string][] = [
  ['GET', '/api/hasura/auth'],
  ['POST', '/api/hasura/auth'],
  ['POST', '/api/hasura/actions/saveSearch'],
];

async function statusOf(base: string, method: 'GET' | 'POST', path: string): Promise<number> {
  const r = await fetch(`${base}${path}`, { ...engineLike(method, path), signal: AbortSignal.timeout(5000) });
  await r.arrayBuffer();
  return r.status;
}

describe('engine-only API endpoints', () => {
  it('refuses the auth webhook and the action handlers on the public entrypoint (webhook oracle, action replay)', async () => {
    for (const [method, path] of INTERNAL) {
      expect(await statusOf(gateway, method, path), `${method} ${path}`).toBe(403);
    }
  });

  it('refuses them under another letter case too (Traefik matches paths case-sensitively, Express did not)', async () => {
    for (const [method, path] of INTERNAL) {
      for (const variant of [path.replace('/hasura/', '/HASURA/'), path.replace('/api/hasura', '/api/Hasura')]) {
        expect([403, 404], `${method} ${variant}`).toContain(await statusOf(gateway, method, variant));
      }
    }
  });

  it('still serves them to the engine at the service address: a logged-in query and an action through /v1/graphql work', async () => {
    // the webhook, called the way the engine calls it (docker-compose.yml HASURA_GRAPHQL_AUTH_HOOK = http://api:4096/…)
    const hook = await fetch(`${apps.urls['api'] ?? ''}/api/hasura/auth`, { headers: { cookie } });
    expect(hook.status).toBe(200);
    expect(await hook.json()).toMatchObject({ 'X-Hasura-Role': 'student' });
    const gql = async (query: string) => {
      const r = await fetch(`${gateway}/v1/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', cookie },
        body: JSON.stringify({ query }),
      });
      expect(r.status).toBe(200);
      return (await r.json()) as { data?: Record<string, unknown>; errors?: unknown[] };
    };
    const saved = await gql('mutation { saveSearch(name: "through the engine", query: {q: 1}) { name } }');
    expect(saved).toEqual({ data: { saveSearch: { name: 'through the engine' } } });
    const mine = await gql('{ saved_searches { name } }');
    expect(mine).toEqual({ data: { saved_searches: [{ name: 'through the engine' }] } });
  });
});
