/**
 * The production routing as it runs locally (edge.ts): the `traefik` service of docker-compose.yml (the gateway
 * under traefik/docker-entrypoint.sh, with the static file, traefik/dynamic and the containers' labels) in front of
 * the `api` and `graphql-engine` services, one replica each, whose command is the stand-in upstream.
 */
import http from 'node:http';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { startEdge, type Edge } from './edge.js';
import { send } from '../../proof/src/http.js';
import { request } from './helpers.js';

let edge: Edge;
let apiAt: string;
let engineAt: string;

beforeAll(async () => {
  edge = await startEdge({ api: 1, engine: 1 });
  apiAt = `${edge.api[0]?.address ?? ''}:4096`;
  engineAt = `${edge.engine[0]?.address ?? ''}:8080`;
});

afterAll(async () => {
  await edge?.stop();
});

interface Echo {
  method: string;
  url: string;
  headers: Record<string, string>;
  bodyLength: number;
}

describe('public entrypoint', () => {
  it('proxies GET /api/ping to the API replica ("pong")', async () => {
    const r = await request(`${edge.url}/api/ping`);
    expect(r.status).toBe(200);
    expect(JSON.parse(r.body)).toBe('pong');
    expect(r.headers['x-upstream']).toBe(apiAt);
  });

  it('applies the security headers and removes X-Powered-By', async () => {
    const r = await request(`${edge.url}/api/ping`);
    expect(r.headers['x-frame-options']).toBe('DENY');
    expect(r.headers['x-content-type-options']).toBe('nosniff');
    expect(r.headers['strict-transport-security']).toMatch(/^max-age=63072000; includeSubDomains; preload$/);
    expect(r.headers['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(r.headers['referrer-policy']).toBe('no-referrer');
    expect(r.headers['permissions-policy']).toContain('camera=()');
    expect(r.headers['x-powered-by']).toBeUndefined();
  });

  it("routes /api/graphiql to the API with the GraphiQL headers (the API's own CSP, no gateway CSP)", async () => {
    const r = await request(`${edge.url}/api/graphiql`);
    expect(r.headers['x-upstream']).toBe(apiAt);
    expect(r.headers['x-frame-options']).toBe('DENY');
    expect(r.headers['strict-transport-security']).toMatch(/^max-age=63072000/);
    expect(r.headers['content-security-policy']).toBeUndefined();
    expect(r.headers['x-powered-by']).toBeUndefined();
  });

  it('forwards method, path, query and body, with X-Forwarded-* set by the gateway only', async () => {
    const r = await request(`${edge.url}/api/echo?x=1`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'x-forwarded-for': '6.6.6.6',
        'x-forwarded-host': 'evil.example',
        'x-forwarded-proto': 'gopher',
        'x-real-ip': '6.6.6.6',
        forwarded: 'for=6.6.6.6',
      },
      body: JSON.stringify({ hello: 'world' }),
    });
    expect(r.status).toBe(200);
    const echo = JSON.parse(r.body) as Echo;
    expect(echo).toMatchObject({ method: 'POST', url: '/api/echo?x=1', bodyLength: 17 });
    expect(echo.headers['x-forwarded-for']).toBe('127.0.0.1');
    expect(echo.headers['x-forwarded-host']).toBe(new URL(edge.url).host);
    expect(echo.headers['x-forwarded-proto']).toBe('http');
    expect(echo.headers['x-real-ip']).toBeUndefined();
    expect(echo.headers['forwarded']).toBeUndefined();
    // passHostHeader: the API sees the public Host
    expect(echo.headers['host']).toBe(new URL(edge.url).host);
  });

  it('compresses large responses when the client accepts gzip', async () => {
    const r = await fetch(`${edge.url}/api/big`, { headers: { 'accept-encoding': 'gzip' } });
    expect(r.headers.get('content-encoding')).toBe('gzip');
    expect(await r.text()).toBe('course catalog '.repeat(550));
    const raw = await request(`${edge.url}/api/big`, { headers: { 'accept-encoding': 'gzip' } });
    expect(raw.headers['content-encoding']).toBe('gzip');
    expect(raw.headers['vary']).toMatch(/Accept-Encoding/);
    const small = await request(`${edge.url}/api/ping`, { headers: { 'accept-encoding': 'gzip' } });
    expect(small.headers['content-encoding']).toBeUndefined();
    const plain = await request(`${edge.url}/api/big`);
    expect(plain.headers['content-encoding']).toBeUndefined();
  });

  it('gzip body decodes to the upstream body', async () => {
    const r = await new Promise<Buffer>((resolve, reject) => {
      http
        .get(`${edge.url}/api/big`, { headers: { 'accept-encoding': 'gzip' } }, (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () => resolve(Buffer.concat(chunks)));
        })
        .on('error', reject);
    });
    expect(gunzipSync(r).toString()).toBe('course catalog '.repeat(550));
  });

  it('refuses request bodies over 1 MiB with 413', async () => {
    const r = await request(`${edge.url}/api/echo`, { method: 'POST', body: Buffer.alloc(1024 * 1024 + 1, 97) });
    expect(r.status).toBe(413);
    const ok = await request(`${edge.url}/api/echo`, { method: 'POST', body: Buffer.alloc(1024 * 1024, 97) });
    expect(ok.status).toBe(200);
    expect((JSON.parse(ok.body) as Echo).bodyLength).toBe(1024 * 1024);
    const gql = await request(`${edge.url}/v1/graphql`, { method: 'POST', body: Buffer.alloc(1024 * 1024 + 1, 97) });
    expect(gql.status).toBe(413);
  });

  it('proxies /v1/graphql over HTTP (POST and GET) to the engine', async () => {
    const post = await request(`${edge.url}/v1/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"query":"{ __typename }"}',
    });
    expect(post.status).toBe(200);
    expect(post.headers['x-upstream']).toBe(engineAt);
    expect(JSON.parse(post.body)).toEqual({
      data: { role: 'engine', method: 'POST', body: '{"query":"{ __typename }"}' },
    });
    const get = await request(`${edge.url}/v1/graphql?query=%7B__typename%7D`);
    expect(JSON.parse(get.body)).toMatchObject({ data: { role: 'engine', method: 'GET' } });
    expect(get.headers['x-frame-options']).toBe('DENY');
  });

  it("serves CourseTable's GraphQL path /ferry/v1/graphql as the engine's /v1/graphql (replacePath), nothing else under /ferry", async () => {
    const post = await request(`${edge.url}/ferry/v1/graphql?x=1`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"query":"{ __typename }"}',
    });
    expect(post.status).toBe(200);
    expect(post.headers['x-upstream']).toBe(engineAt);
    expect(JSON.parse(post.body)).toEqual({
      data: { role: 'engine', method: 'POST', body: '{"query":"{ __typename }"}' },
    });
    expect(post.headers['x-frame-options']).toBe('DENY');
    for (const path of ['/ferry/v1/metadata', '/ferry/v1/query', '/ferry/', '/ferry/v1/graphql/explain']) {
      expect((await request(`${edge.url}${path}`, { method: 'POST', body: '{}' })).status, path).toBe(404);
    }
  });

  it('proxies /v1/graphql websockets (graphql-transport-ws subprotocol)', async () => {
    const ws = new WebSocket(`${edge.url.replace('http', 'ws')}/v1/graphql`, 'graphql-transport-ws');
    try {
      const reply = await new Promise<string>((resolve, reject) => {
        ws.on('open', () => ws.send('{"type":"connection_init"}'));
        ws.on('message', (d: Buffer) => resolve(d.toString()));
        ws.on('error', reject);
      });
      expect(ws.protocol).toBe('graphql-transport-ws');
      expect(reply).toBe('echo:{"type":"connection_init"}');
    } finally {
      ws.close();
    }
  });

  const adminPaths = [
    '/v1/metadata',
    '/v2/query',
    '/v1/query',
    '/console',
    '/console/assets/main.js',
    '/v1/graphql/explain',
    '/v1/config',
    '/v1alpha1/config',
    '/v1alpha1/pg_dump',
    '/pgdump',
    '/dev/plan_cache',
  ];
  it.each(adminPaths)('refuses %s from the public entrypoint with 403', async (path) => {
    for (const method of ['GET', 'POST']) {
      const r = await request(`${edge.url}${path}`, { method, body: method === 'POST' ? '{}' : undefined });
      expect(r.status, `${method} ${path}`).toBe(403);
      expect(r.body).not.toContain('reached');
      expect(r.headers['x-upstream']).toBeUndefined();
    }
  });

  it('cleans dot segments before routing and refuses encoded slashes', async () => {
    expect((await request(`${edge.url}/v1/graphql/../metadata`)).status).toBe(403);
    expect((await request(`${edge.url}/api/../v2/query`)).status).toBe(403);
    expect((await request(`${edge.url}/v1%2fmetadata`)).status).toBe(400);
    expect((await request(`${edge.url}/%761/metadata`)).status).toBe(403);
  });

  it('answers 404 for paths no router matches', async () => {
    for (const path of ['/', '/healthz', '/apix', '/v1/graphqlx', '/v1/version', '/pgadmin', '/dashboard/']) {
      const r = await request(`${edge.url}${path}`);
      expect(r.status, path).toBe(404);
      expect(r.headers['x-upstream'], path).toBeUndefined();
    }
  });

  it('answers 431 to request headers over its limit, never a connection reset (a client still sending them reads it)', async () => {
    const outcomes = new Set<string>();
    for (let i = 0; i < 40; i++) {
      const r = await send(`${edge.url}/v1/graphql`, {
        headers: { 'content-type': 'application/json', 'x-huge': 'y'.repeat(200_000) },
        body: '{"query":"{__typename}"}',
      });
      outcomes.add(r.failure ? `no answer (${r.failure})` : String(r.status));
    }
    expect([...outcomes]).toEqual(['431']);
  });

  it('refuses a websocket upgrade on an admin path', async () => {
    const ws = new WebSocket(`${edge.url.replace('http', 'ws')}/v1/metadata`);
    const status = await new Promise<number>((resolve) => {
      ws.on('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0));
      ws.on('error', () => resolve(-1));
    });
    expect(status).toBe(403);
  });

  it('the web entrypoint only redirects to websecure', async () => {
    const web = edge.local.publishedPorts['traefik:80'];
    expect(web).toBeDefined();
    const r = await request(`http://127.0.0.1:${web ?? 0}/api/ping?x=1`);
    expect(r.status).toBe(308);
    expect(r.headers['location']).toBe(`http://127.0.0.1:${new URL(edge.url).port}/api/ping?x=1`);
  });
});

describe('admin entrypoint (local only)', () => {
  it('routes the metadata API to the engine', async () => {
    const md = await request(`${edge.adminUrl}/v1/metadata`, {
      method: 'POST',
      body: '{"type":"export_metadata","args":{}}',
    });
    expect(md.status).toBe(200);
    expect(JSON.parse(md.body)).toEqual({ reached: 'engine', path: '/v1/metadata' });
    expect(md.headers['x-upstream']).toBe(engineAt);
    expect(md.headers['referrer-policy']).toBe('same-origin');
    const health = await request(`${edge.adminUrl}/healthz`);
    expect(health.status).toBe(200);
    expect(health.body).toBe('OK');
  });

  it('does not route /console (the console is off)', async () => {
    for (const path of ['/console', '/console/assets/main.js']) {
      const r = await request(`${edge.adminUrl}${path}`);
      expect(r.status, path).toBe(404);
      expect(r.headers['x-upstream']).toBeUndefined();
    }
  });

  it('does not serve the public API on the admin entrypoint (the dashboard route asks for credentials)', async () => {
    const r = await request(`${edge.adminUrl}/api/ping`);
    expect(r.status).toBe(401);
    expect(r.headers['www-authenticate']).toMatch(/^Basic /);
  });
});
