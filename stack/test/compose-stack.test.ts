/**
 * The system as docker-compose.yml describes it, run locally (stack/src/local): gateway, nginx, two API replicas,
 * the worker, the engine and the one-shot migrations, on the test run's Postgres/pgbouncer/Redis and a cloned
 * database. Checked the way production runs:
 *   - every service of the file is in the stack's state, run or not run with the reason;
 *   - migrations run as the one-shot service and complete before the API, the worker and the engine start;
 *   - a password-reset request delivers its e-mail to a real SMTP server through the worker;
 *   - the static catalog and metadata.json answer 200, then 304 on If-None-Match, from every API replica (the
 *     shared `catalogs` volume);
 *   - one of two API replicas killed: no failed request; one hung: out of rotation within 3 s; all down: the
 *     maintenance page from nginx with 503 and Retry-After.
 */
import { randomBytes } from 'node:crypto';
import http from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mailText, TestMailbox } from '../../api/test/helpers/smtp.js';
import { startApps, type RunningApps } from '../src/apps.js';
import { cloneTemplate, testStack, type TestDb } from '../src/testing.js';

let db: TestDb;
let box: TestMailbox;
let apps: RunningApps;
let gateway = '';
const logs: string[] = [];

beforeAll(async () => {
  db = await cloneTemplate();
  box = await TestMailbox.start();
  apps = await startApps({
    stack: testStack(),
    db: db.name,
    replicas: { api: 2, engine: 1 },
    env: {
      SMTP_URL: box.url,
      MAIL_FROM: 'CourseTable <no-reply@coursetable.test>',
      REDIS_KEY_PREFIX: `compose:${randomBytes(4).toString('hex')}:`,
      LOG_LEVEL: 'warn',
    },
    log: (l) => logs.push(l),
  });
  gateway = apps.urls['gateway'] ?? '';
}, 180_000);

afterAll(async () => {
  await apps?.stop();
  await box?.close();
  await db?.drop().catch(() => undefined);
  if (logs.length > 0) console.log(logs.join('\n'));
}, 60_000);

const get = (url: string, headers: Record<string, string> = {}, timeoutMs = 5000) =>
  fetch(url, { headers, signal: AbortSignal.timeout(timeoutMs) });

/**
 * A plain GET (node:http): fetch() adds `Cache-Control: no-cache` to a request carrying If-None-Match (the fetch
 * standard's rule for conditional requests), which makes any origin answer 200; a browser revalidating does not.
 */
function conditionalGet(url: string, etag?: string): Promise<{ status: number; etag: string }> {
  return new Promise((resolve, reject) => {
    const req = http.get(
      url,
      { headers: etag === undefined ? {} : { 'if-none-match': etag }, timeout: 5000 },
      (res) => {
        res.resume();
        res.on('end', () => resolve({ status: res.statusCode ?? 0, etag: String(res.headers.etag ?? '') }));
      },
    );
    req.on('timeout', () => req.destroy(new Error('timeout')));
    req.on('error', reject);
  });
}

describe('the stack derived from docker-compose.yml', () => {
  it('names every service of the file, each run or not run with its reason', () => {
    const state = apps.local.state();
    const names = apps.local.project.services.map((s) => s.name);
    expect(Object.keys(state.services).sort()).toEqual([...names].sort());
    // Asked for through traefik's depends_on, but there is no Docker API to proxy here.
    expect(state.services['docker-socket-proxy']).toMatchObject({ status: 'not run' });
    expect(state.services['docker-socket-proxy']?.note).toMatch(/no Docker API here/);
    // Not part of what this test starts (npm start runs every service; local-plan.test.ts shows pgAdmin's reason).
    expect(state.services['pgadmin']?.status).toBe('not asked');
    expect(state.services['api']?.replicas.map((r) => r.name)).toEqual(['api-1', 'api-2']);
    expect(state.services['worker']?.status).toBe('run');
  });

  it('runs migrations as the one-shot service, done before the API, the worker and the engine start', () => {
    const [migrations] = apps.local.replicas('migrations');
    expect(migrations?.state()).toBe('exited');
    expect(migrations?.exitCode()).toBe(0);
    const done = migrations?.times().exitedAt ?? Infinity;
    for (const service of ['api', 'worker', 'graphql-engine']) {
      for (const r of apps.local.replicas(service)) {
        expect(r.times().startedAt, r.name).toBeGreaterThanOrEqual(done);
      }
    }
  });
});

describe('the worker', () => {
  it('delivers the password-reset e-mail to the SMTP server', async () => {
    const email = `reset-${randomBytes(4).toString('hex')}@example.edu`;
    const signup = await fetch(`${gateway}/api/auth/password/signup`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email, password: 'correct horse battery staple', displayName: 'Reset Test' }),
    });
    expect(signup.status).toBe(202); // the same for a new and a taken address
    const r = await fetch(`${gateway}/api/auth/password/reset-request`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email }),
    });
    expect(r.status).toBe(202);
    // The sign-up mailed a verification link too: pick the reset mail, whenever each arrives.
    const received = await box.waitFor((m) => m.to.includes(email) && /reset-password\?token=/.test(mailText(m.raw)));
    expect(received.to).toEqual([email]);
    expect(mailText(received.raw)).toMatch(new RegExp(`${gateway.replace(/[.:/]/g, '\\$&')}/reset-password\\?token=`));
  }, 30_000);
});

describe('the static catalog on the shared volume', () => {
  it('answers 200 and then 304 (ETag) from every API replica', async () => {
    // The API enqueues a refresh at start; the worker writes the files.
    let seasons: string[] = [];
    for (const deadline = Date.now() + 60_000; Date.now() < deadline;) {
      const r = await get(`${gateway}/api/catalog/metadata.json`);
      if (r.status === 200) {
        seasons = ((await r.json()) as { seasons: string[] }).seasons;
        break;
      }
      await new Promise((res) => setTimeout(res, 250));
    }
    expect(seasons.length).toBeGreaterThan(0);
    for (const replica of apps.replicas.api) {
      for (const path of ['/api/catalog/metadata.json', `/api/catalog/public/${seasons[0] ?? ''}.json`]) {
        // Each API start enqueues a refresh: the worker may rewrite a file between two requests (new ETag). A 200 is
        // acceptable only with another ETag than the one sent; a few tries give a quiet moment.
        let revalidated = false;
        for (let attempt = 0; attempt < 5 && !revalidated; attempt += 1) {
          const first = await conditionalGet(`${replica.url}${path}`);
          expect(first.status, `${replica.name} ${path}`).toBe(200);
          expect(first.etag).not.toBe('');
          const again = await conditionalGet(`${replica.url}${path}`, first.etag);
          if (again.status === 304) revalidated = true;
          else expect(again.etag, `${replica.name} ${path}: 200 for the same ETag`).not.toBe(first.etag);
        }
        expect(revalidated, `${replica.name} ${path} answered 304`).toBe(true);
      }
    }
  }, 90_000);
});

/** Requests through the gateway, `n` at a time, until `stop()`; every answer (or failure) recorded. */
function load(path: string, n: number): { stop: () => Promise<Array<number | string>> } {
  let running = true;
  const results: Array<number | string> = [];
  const workers = Array.from({ length: n }, async () => {
    while (running) {
      try {
        const r = await get(`${gateway}${path}`, {}, 5000);
        await r.arrayBuffer();
        results.push(r.status);
      } catch (err) {
        results.push(err instanceof Error ? err.name : 'error');
      }
    }
  });
  return {
    stop: async () => {
      running = false;
      await Promise.all(workers);
      return results;
    },
  };
}

describe('failover between the API replicas (per-replica servers and health checks)', () => {
  it('loses no request when one of two replicas is killed', async () => {
    const traffic = load('/api/ping', 4);
    await new Promise((r) => setTimeout(r, 500));
    await apps.replicas.api[0]?.kill('SIGKILL');
    await new Promise((r) => setTimeout(r, 2500));
    const results = await traffic.stop();
    expect(results.length).toBeGreaterThan(20);
    expect(results.filter((s) => s !== 200)).toEqual([]);
    await apps.replicas.api[0]?.restart();
  }, 60_000);

  it('takes a hung replica out of rotation within 3 s', async () => {
    const hung = apps.replicas.api[1];
    await hung?.kill('SIGSTOP');
    try {
      const t0 = performance.now();
      await new Promise((r) => setTimeout(r, 3000));
      // From now on every request is answered by the other replica, at once.
      for (let i = 0; i < 20; i += 1) {
        const started = performance.now();
        const r = await get(`${gateway}/api/ping`, {}, 1500);
        expect(r.status).toBe(200);
        expect(performance.now() - started).toBeLessThan(1000);
      }
      expect(performance.now() - t0).toBeLessThan(10_000);
    } finally {
      await hung?.kill('SIGCONT');
    }
  }, 60_000);

  it('serves the maintenance page from nginx (503, Retry-After) when every replica is down, and recovers', async () => {
    await Promise.all(apps.replicas.api.map((r) => r.kill('SIGKILL')));
    const t0 = performance.now();
    let page: Response | undefined;
    while (performance.now() - t0 < 3000) {
      const r = await get(`${gateway}/api/auth/check`, {}, 3000);
      if (r.status === 503) {
        page = r;
        break;
      }
      await r.arrayBuffer();
      await new Promise((res) => setTimeout(res, 100));
    }
    expect(page?.status, 'maintenance within 3 s').toBe(503);
    expect(page?.headers.get('retry-after')).toBe('300');
    expect(page?.headers.get('content-type')).toMatch(/^text\/html/);
    // nginx's own headers for the page (under_maintenance/nginx.conf), through the security headers of the route.
    expect(page?.headers.get('cache-control')).toBe('no-store');
    expect(page?.headers.get('x-frame-options')).toBe('DENY');
    expect(await page?.text()).toMatch(/right back/i);
    await Promise.all(apps.replicas.api.map((r) => r.restart()));
    const back = performance.now();
    for (;;) {
      const r = await get(`${gateway}/api/ping`);
      if (r.status === 200) break;
      expect(performance.now() - back, 'back within 3 s').toBeLessThan(3000);
      await new Promise((res) => setTimeout(res, 100));
    }
  }, 90_000);
});
