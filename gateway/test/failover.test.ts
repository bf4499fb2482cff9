/**
 * Acceptance: with the API killed (SIGKILL), hung (SIGSTOP) or unhealthy (/api/ping failing), requests to /api/* get
 * the maintenance page (the real `under-maintenance` nginx) with 503 within 3 s, never a connection error or a hang;
 * when the API is back, normal answers return within 3 s. This is the health-check failover of
 * `api-or-maintenance@file` over the one server of `api@docker`. With no API container at all (`api: 0`, the docker
 * provider then has no `api` router), the lowest-priority file router `api-maintenance` answers instead.
 * Timings are written to test-artifacts/gateway/failover-timings.json.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ReplicaHandle } from '../../stack/src/local/replica.js';
import { startEdge, type Edge } from './edge.js';
import { REPO_ROOT, request, sleep, type Reply } from './helpers.js';

const LIMIT_MS = 3000;
const POLL_MS = 100;

let edge: Edge;
/** no API container at all */
let lone: Edge;
let api: ReplicaHandle;
const timings: Record<string, number> = {};

beforeAll(async () => {
  [edge, lone] = await Promise.all([startEdge({ api: 1, engine: 0 }), startEdge({ api: 0, engine: 1 })]);
  const first = edge.api[0];
  if (first === undefined) throw new Error('no API replica');
  api = first;
});

afterAll(async () => {
  await api?.kill('SIGCONT');
  await Promise.all([edge?.stop(), lone?.stop()]);
  await mkdir(`${REPO_ROOT}test-artifacts/gateway`, { recursive: true });
  await writeFile(`${REPO_ROOT}test-artifacts/gateway/failover-timings.json`, JSON.stringify(timings, null, 2) + '\n');
});

function kind(r: Reply): 'api' | 'api-error' | 'maintenance' | 'other' {
  if (r.status === 200 && r.body === '"pong"') return 'api';
  if (r.status === 500 && r.body === '{"error":"unhealthy"}') return 'api-error';
  if (r.status === 503 && r.headers['retry-after'] === '300' && r.body.includes('right back')) return 'maintenance';
  return 'other';
}

/**
 * Polls GET /api/ping through the gateway until `want` is answered. Every request must complete within LIMIT_MS
 * (a hang or a connection error fails the test) and be either the API's pong or the maintenance page.
 * Returns the time from `since` to the first `want` answer.
 */
async function pollUntil(want: 'api' | 'maintenance', since: number, alsoAllowed: string[] = []): Promise<number> {
  for (;;) {
    const r = await request(`${edge.url}/api/ping`, { timeoutMs: LIMIT_MS });
    const k = kind(r);
    expect(['api', 'maintenance', ...alsoAllowed], `unexpected answer ${r.status} ${r.body.slice(0, 80)}`).toContain(k);
    const elapsed = performance.now() - since;
    if (k === want) return elapsed;
    expect(elapsed, `still no ${want} answer after ${Math.round(elapsed)} ms`).toBeLessThan(LIMIT_MS);
    await sleep(POLL_MS);
  }
}

describe('API failover to the maintenance page', () => {
  it('serves the API while it is healthy', async () => {
    const r = await request(`${edge.url}/api/ping`);
    expect(kind(r)).toBe('api');
    expect(r.headers['x-upstream']).toBe(`${api.address}:4096`);
  });

  it('falls back within 3 s when the API is killed (SIGKILL), and recovers within 3 s', async () => {
    const killedAt = performance.now();
    await api.kill('SIGKILL');
    const down = await pollUntil('maintenance', killedAt);
    timings['sigkill_to_maintenance_ms'] = Math.round(down);
    expect(down).toBeLessThan(LIMIT_MS);

    // every path under /api gets the page, with any method and a body, through the public middlewares
    const post = await request(`${edge.url}/api/echo`, { method: 'POST', body: '{"a":1}', timeoutMs: LIMIT_MS });
    expect(kind(post)).toBe('maintenance');
    expect(post.headers['content-type']).toMatch(/^text\/html/);
    expect(post.headers['x-frame-options']).toBe('DENY');
    expect(post.headers['cache-control']).toBe('no-store');
    expect(post.headers['server']).toBeUndefined();

    const backAt = performance.now();
    const restarted = api.restart();
    const up = await pollUntil('api', backAt);
    await restarted;
    timings['restart_to_api_ms'] = Math.round(up);
    expect(up).toBeLessThan(LIMIT_MS);
  });

  it('falls back within 3 s when the API hangs (SIGSTOP), in-flight requests included, and recovers within 3 s', async () => {
    await pollUntil('api', performance.now());
    const stoppedAt = performance.now();
    await api.kill('SIGSTOP');
    // Requests already sent to the hung process must not hang either.
    const inFlight = Promise.all(
      [0, 50, 150].map(async (delay) => {
        await sleep(delay);
        const started = performance.now();
        const r = await request(`${edge.url}/api/echo`, { timeoutMs: LIMIT_MS });
        return { k: kind(r), ms: performance.now() - started };
      }),
    );
    const down = await pollUntil('maintenance', stoppedAt);
    timings['sigstop_to_maintenance_ms'] = Math.round(down);
    expect(down).toBeLessThan(LIMIT_MS);
    const flights = await inFlight;
    timings['sigstop_inflight_max_ms'] = Math.round(Math.max(...flights.map((f) => f.ms)));
    for (const f of flights) {
      expect(f.k).toBe('maintenance');
      expect(f.ms).toBeLessThan(LIMIT_MS);
    }

    const resumedAt = performance.now();
    await api.kill('SIGCONT');
    const up = await pollUntil('api', resumedAt);
    timings['sigcont_to_api_ms'] = Math.round(up);
    expect(up).toBeLessThan(LIMIT_MS);
  });

  it('falls back within 3 s when the API runs but /api/ping fails, and recovers within 3 s', async () => {
    await pollUntil('api', performance.now());
    const control = `${api.urlAt(4096)}/__control/ping-status`;
    const failAt = performance.now();
    expect((await request(control, { method: 'POST', body: '500' })).status).toBe(200);
    // Until the next health check, the API's own error answer passes through (as with Traefik).
    const down = await pollUntil('maintenance', failAt, ['api-error']);
    timings['unhealthy_to_maintenance_ms'] = Math.round(down);
    expect(down).toBeLessThan(LIMIT_MS);

    const healAt = performance.now();
    await request(control, { method: 'POST', body: '200' });
    const up = await pollUntil('api', healAt);
    timings['healthy_to_api_ms'] = Math.round(up);
    expect(up).toBeLessThan(LIMIT_MS);
  });
});

describe('a POST in flight when the only API replica is marked down', () => {
  it("gets the API's answer, not a 502 (a login it applies would otherwise lose its session cookie)", async () => {
    await pollUntil('api', performance.now());
    const control = `${api.urlAt(4096)}/__control/ping-status`;
    const post = request(`${edge.url}/api/slow?ms=2500`, { method: 'POST', body: '{}', timeoutMs: 8000 });
    await sleep(200);
    expect((await request(control, { method: 'POST', body: '500' })).status).toBe(200);
    // The health check marks it down while the POST waits; new requests get the maintenance page meanwhile.
    await pollUntil('maintenance', performance.now(), ['api-error']);
    const r = await post;
    await request(control, { method: 'POST', body: '200' });
    expect(r.status).toBe(200);
    expect(JSON.parse(r.body)).toEqual({ method: 'POST' });
    await pollUntil('api', performance.now());
  });
});

describe('no API container at all (api: 0)', () => {
  it('answers /api with the maintenance page from the api-maintenance router', async () => {
    expect(lone.api).toEqual([]);
    for (const path of ['/api/ping', '/api/auth/check', '/api', '/api/graphiql']) {
      const r = await request(`${lone.url}${path}`, { timeoutMs: LIMIT_MS });
      expect(kind(r), path).toBe('maintenance');
      expect(r.headers['cache-control']).toBe('no-store');
      expect(r.headers['x-frame-options']).toBe('DENY');
      expect(r.headers['content-security-policy']).toContain("default-src 'none'");
    }
    const post = await request(`${lone.url}/api/auth/login`, { method: 'POST', body: '{}', timeoutMs: LIMIT_MS });
    expect(kind(post)).toBe('maintenance');
    const head = await request(`${lone.url}/api/ping`, { method: 'HEAD', timeoutMs: LIMIT_MS });
    expect(head.status).toBe(503);
    expect(head.headers['retry-after']).toBe('300');
    expect(head.body).toBe('');
  });

  it('keeps every other route', async () => {
    const gql = await request(`${lone.url}/v1/graphql`, { method: 'POST', body: '{"query":"{ __typename }"}' });
    expect(gql.status).toBe(200);
    expect(gql.headers['x-upstream']).toBe(`${lone.engine[0]?.address ?? ''}:8080`);
    expect((await request(`${lone.url}/v1/metadata`)).status).toBe(403);
    expect((await request(`${lone.url}/apix`)).status).toBe(404);
  });
});
