/**
 * Acceptance: with the API killed (SIGKILL), hung (SIGSTOP) or unhealthy (/api/ping failing), requests to /api/* get
 * the maintenance page with 503 within 3 s, never a connection error or a hang; when the API is back, normal answers
 * return within 3 s. The API is a real process (a node:http stand-in) behind the gateway running traefik/dynamic.
 * Timings are written to test-artifacts/gateway/failover-timings.json.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startGateway, type Gateway } from '../src/index.js';
import {
  DYNAMIC_DIR,
  MAINTENANCE_DIR,
  REPO_ROOT,
  request,
  sleep,
  spawnUpstream,
  type Reply,
  type Upstream,
} from './helpers.js';

const LIMIT_MS = 3000;
const POLL_MS = 100;

let api: Upstream;
let apiPort: number;
let gw: Gateway;
const timings: Record<string, number> = {};

beforeAll(async () => {
  api = await spawnUpstream('api');
  apiPort = api.port;
  gw = await startGateway({
    dynamicDir: DYNAMIC_DIR,
    serviceMap: {
      'http://api:4096': api.url,
      'http://under-maintenance:8080': `static:${MAINTENANCE_DIR}`,
    },
    port: 0,
    log: () => {},
  });
});

afterAll(async () => {
  api.proc.kill('SIGCONT');
  await gw.close();
  await api.kill();
  await mkdir(`${REPO_ROOT}test-artifacts/gateway`, { recursive: true });
  await writeFile(`${REPO_ROOT}test-artifacts/gateway/failover-timings.json`, JSON.stringify(timings, null, 2) + '\n');
});

function kind(r: Reply): 'api' | 'api-error' | 'maintenance' | 'other' {
  if (r.status === 200 && JSON.parse(r.body) === 'pong') return 'api';
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
    const r = await request(`${gw.url}/api/ping`, { timeoutMs: LIMIT_MS });
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
    const r = await request(`${gw.url}/api/ping`);
    expect(kind(r)).toBe('api');
  });

  it('falls back within 3 s when the API is killed (SIGKILL), and recovers within 3 s', async () => {
    const killedAt = performance.now();
    await api.kill();
    const down = await pollUntil('maintenance', killedAt);
    timings['sigkill_to_maintenance_ms'] = Math.round(down);
    expect(down).toBeLessThan(LIMIT_MS);

    // every path under /api gets the page, with any method and a body
    const post = await request(`${gw.url}/api/echo`, { method: 'POST', body: '{"a":1}', timeoutMs: LIMIT_MS });
    expect(kind(post)).toBe('maintenance');
    expect(post.headers['content-type']).toMatch(/^text\/html/);
    expect(post.headers['x-frame-options']).toBe('DENY');

    api = await spawnUpstream('api', apiPort);
    const backAt = performance.now();
    const up = await pollUntil('api', backAt);
    timings['restart_to_api_ms'] = Math.round(up);
    expect(up).toBeLessThan(LIMIT_MS);
  });

  it('falls back within 3 s when the API hangs (SIGSTOP), in-flight requests included, and recovers within 3 s', async () => {
    await pollUntil('api', performance.now());
    const stoppedAt = performance.now();
    api.proc.kill('SIGSTOP');
    // Requests already sent to the hung process must not hang either.
    const inFlight = Promise.all(
      [0, 50, 150].map(async (delay) => {
        await sleep(delay);
        const started = performance.now();
        const r = await request(`${gw.url}/api/echo`, { timeoutMs: LIMIT_MS });
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
    api.proc.kill('SIGCONT');
    const up = await pollUntil('api', resumedAt);
    timings['sigcont_to_api_ms'] = Math.round(up);
    expect(up).toBeLessThan(LIMIT_MS);
  });

  it('falls back within 3 s when the API runs but /api/ping fails, and recovers within 3 s', async () => {
    await pollUntil('api', performance.now());
    const failAt = performance.now();
    await request(`${api.url}/__control/ping-status`, { method: 'POST', body: '500' });
    // Until the next health check, the API's own error answer passes through (as with Traefik).
    const down = await pollUntil('maintenance', failAt, ['api-error']);
    timings['unhealthy_to_maintenance_ms'] = Math.round(down);
    expect(down).toBeLessThan(LIMIT_MS);

    const healAt = performance.now();
    await request(`${api.url}/__control/ping-status`, { method: 'POST', body: '200' });
    const up = await pollUntil('api', healAt);
    timings['healthy_to_api_ms'] = Math.round(up);
    expect(up).toBeLessThan(LIMIT_MS);
  });
});

describe('maintenance service alone', () => {
  it('answers 503 + Retry-After when the API was never up', async () => {
    const lone = await startGateway({
      dynamicDir: DYNAMIC_DIR,
      serviceMap: {
        'http://api:4096': 'http://127.0.0.1:9',
        'http://under-maintenance:8080': `static:${MAINTENANCE_DIR}`,
      },
      port: 0,
      log: () => {},
    });
    try {
      for (const path of ['/api/ping', '/api/auth/check', '/api']) {
        const r = await request(`${lone.url}${path}`, { timeoutMs: LIMIT_MS });
        expect(kind(r), path).toBe('maintenance');
        expect(r.headers['cache-control']).toBe('no-store');
      }
      const head = await request(`${lone.url}/api/ping`, { method: 'HEAD', timeoutMs: LIMIT_MS });
      expect(head.status).toBe(503);
      expect(head.body).toBe('');
    } finally {
      await lone.close();
    }
  });
});
