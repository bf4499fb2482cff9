/**
 * Prometheus metrics as docker-compose.yml runs them: the API's (METRICS_PORT on each replica, apart from the public
 * port) and the gateway's (Traefik's metrics on the internal `traefik` entrypoint, which compose does not publish).
 * Scraped before and after a few requests through the gateway, the series are there and move; no metrics path
 * answers at the public entrypoint or at the API's public port. The `prometheus` service itself runs too (Debian's
 * prometheus with prometheus/prometheus.yml) and finds every target up.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApps, type RunningApps } from '../src/apps.js';
import { REPO } from '../src/local/run.js';
import { cloneTemplate, metricValue, testStack, type TestDb } from '../src/testing.js';

let db: TestDb;
let apps: RunningApps;
let gateway = '';
let metricsUrl = '';
let gatewayMetricsUrl = '';

beforeAll(async () => {
  db = await cloneTemplate();
  apps = await startApps({
    stack: testStack(),
    db: db.name,
    env: { LOG_LEVEL: 'warn' },
    log: () => undefined,
    extraServices: ['prometheus'],
  });
  gateway = apps.urls['gateway'] ?? '';
  const api = apps.replicas.api[0];
  if (!api) throw new Error('no API replica');
  const port = Number(apps.local.project.service('api').environment['METRICS_PORT']);
  metricsUrl = `${api.urlAt(port)}/metrics`;
  gatewayMetricsUrl = `${apps.local.serviceUrl('traefik', 8082)}/metrics`;
}, 120_000);

afterAll(async () => {
  await apps?.stop();
  await db?.drop().catch(() => undefined);
});

async function scrape(url = metricsUrl): Promise<string> {
  const res = await fetch(url);
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
  return res.text();
}

const post = (path: string, body: unknown) =>
  fetch(`${gateway}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: gateway },
    body: JSON.stringify(body),
  });

describe('the prometheus service', () => {
  it('scrapes every API replica and Traefik: each target up', async () => {
    const url = `${apps.local.serviceUrl('prometheus', 9090)}/prometheus/api/v1/targets`;
    let health: Record<string, string> = {};
    const until = Date.now() + 60_000;
    while (Date.now() < until) {
      const res = await fetch(url).catch(() => undefined);
      if (res?.ok) {
        const body = (await res.json()) as {
          data: { activeTargets: Array<{ labels: { job: string }; health: string }> };
        };
        health = Object.fromEntries(body.data.activeTargets.map((t) => [t.labels.job, t.health]));
        if (health['api'] === 'up' && health['traefik'] === 'up') break;
      }
      await new Promise((r) => setTimeout(r, 500));
    }
    expect(health).toEqual({ api: 'up', traefik: 'up' });
  }, 90_000);
});

describe('API metrics', () => {
  it('are served on the metrics port and move under requests', async () => {
    const before = await scrape();
    for (let i = 0; i < 3; i += 1) expect((await fetch(`${gateway}/api/ping`)).status).toBe(200);
    // an anonymous GraphQL query: the engine asks the webhook
    const q = await post('/v1/graphql', { query: '{ seasons(limit: 1) { season_code } }' });
    expect(q.status).toBe(200);
    // a failed password login
    const login = await post('/api/auth/password/login', { email: 'nobody@example.edu', password: 'wrong password' });
    expect(login.status).toBe(401);
    const after = await scrape();

    const pings = { route: '/api/ping', method: 'GET', status: '200' };
    expect(metricValue(after, 'api_http_request_duration_seconds_count', pings)).toBeGreaterThanOrEqual(
      metricValue(before, 'api_http_request_duration_seconds_count', pings) + 3,
    );
    expect(metricValue(after, 'api_webhook_answers_total', { outcome: 'anonymous' })).toBeGreaterThan(
      metricValue(before, 'api_webhook_answers_total', { outcome: 'anonymous' }),
    );
    const failed = { provider: 'password', outcome: 'invalid-credentials' };
    expect(metricValue(after, 'api_logins_total', failed)).toBe(metricValue(before, 'api_logins_total', failed) + 1);
    expect(metricValue(after, 'api_errors_total', { code: 'invalid-credentials' })).toBe(
      metricValue(before, 'api_errors_total', { code: 'invalid-credentials' }) + 1,
    );
    for (const name of ['api_job_queue_jobs', 'api_pg_pool_clients', 'process_resident_memory_bytes'])
      expect(after, name).toMatch(new RegExp(`^${name}`, 'm'));
    expect(after).toMatch(/^api_job_queue_jobs\{queue="mail",state="failed"\} \d+$/m);
  });

  it("the gateway's (Traefik's names) count requests per entrypoint and service and show each server's health", async () => {
    const before = await scrape(gatewayMetricsUrl);
    for (let i = 0; i < 3; i += 1) expect((await fetch(`${gateway}/api/ping`)).status).toBe(200);
    const after = await scrape(gatewayMetricsUrl);
    const ep = { entrypoint: 'websecure', code: '200', method: 'GET' };
    expect(metricValue(after, 'traefik_entrypoint_requests_total', ep)).toBeGreaterThanOrEqual(
      metricValue(before, 'traefik_entrypoint_requests_total', ep) + 3,
    );
    expect(after).toMatch(/^traefik_service_requests_total\{[^}]*service="api-or-maintenance@file"[^}]*\} \d+/m);
    expect(after).toMatch(/^traefik_entrypoint_request_duration_seconds_bucket\{/m);
    const api = apps.replicas.api[0];
    expect(metricValue(after, 'traefik_service_server_up', { url: `http://${api?.address ?? ''}:4096` })).toBe(1);
  });

  it('every series the Grafana dashboard plots is one the API or the gateway exports', async () => {
    const dashboard = JSON.parse(readFileSync(join(REPO, 'prometheus', 'grafana-dashboard.json'), 'utf8')) as {
      panels: Array<{ targets: Array<{ expr: string }> }>;
    };
    const names = new Set(
      dashboard.panels.flatMap((p) =>
        p.targets.flatMap((t) => t.expr.match(/\b(?:api|traefik|process|nodejs)_\w+/g) ?? []),
      ),
    );
    expect(names.size).toBeGreaterThan(10);
    const exported = `${await scrape()}\n${await scrape(gatewayMetricsUrl)}`;
    // a sample, or (a labelled counter nothing has counted yet) its TYPE line
    for (const name of names) expect(exported, name).toMatch(new RegExp(`^(${name}[{ ]|# TYPE ${name} )`, 'm'));
  });

  it('are not reachable at the public entrypoint or at the API public port', async () => {
    for (const path of ['/metrics', '/api/metrics', '/api/metrics/', '/api//metrics']) {
      const res = await fetch(`${gateway}${path}`);
      expect(res.status, path).not.toBe(200);
      const text = await res.text();
      expect(text, path).not.toContain('api_http_request_duration_seconds');
      expect(text, path).not.toContain('traefik_entrypoint_requests_total');
    }
    const api = apps.replicas.api[0];
    const res = await fetch(`${api?.url ?? ''}/metrics`);
    expect(res.status).toBe(404);
    expect(await res.text()).not.toContain('api_http_request_duration_seconds');
  });
});
