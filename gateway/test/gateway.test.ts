/**
 * The local gateway with real upstream processes (small node:http stand-ins for the API and the GraphQL engine),
 * routed by the production traefik/dynamic files.
 */
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { startGateway, type Gateway } from '../src/index.js';
import { DYNAMIC_DIR, MAINTENANCE_DIR, request, spawnUpstream, type Upstream } from './helpers.js';

let api: Upstream;
let engine: Upstream;
let gw: Gateway;

beforeAll(async () => {
  [api, engine] = await Promise.all([spawnUpstream('api'), spawnUpstream('engine')]);
  gw = await startGateway({
    dynamicDir: DYNAMIC_DIR,
    serviceMap: {
      'http://api:4096': api.url,
      'http://graphql-engine:8080': engine.url,
      'http://under-maintenance:8080': `static:${MAINTENANCE_DIR}`,
    },
    port: 0,
    adminPort: 0,
    log: () => {},
  });
});

afterAll(async () => {
  await gw.close();
  await Promise.all([api.kill(), engine.kill()]);
});

describe('public entrypoint', () => {
  it('proxies GET /api/ping to the API ("pong")', async () => {
    const r = await request(`${gw.url}/api/ping`);
    expect(r.status).toBe(200);
    expect(JSON.parse(r.body)).toBe('pong');
  });

  it('applies the security headers and removes X-Powered-By', async () => {
    const r = await request(`${gw.url}/api/ping`);
    expect(r.headers['x-frame-options']).toBe('DENY');
    expect(r.headers['x-content-type-options']).toBe('nosniff');
    expect(r.headers['strict-transport-security']).toMatch(/^max-age=63072000; includeSubDomains; preload$/);
    expect(r.headers['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(r.headers['referrer-policy']).toBe('no-referrer');
    expect(r.headers['x-powered-by']).toBeUndefined();
  });

  it('forwards method, path, query and body, with X-Forwarded-* set by the gateway only', async () => {
    const r = await request(`${gw.url}/api/echo?x=1`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-forwarded-for': '6.6.6.6' },
      body: JSON.stringify({ hello: 'world' }),
    });
    const echo = JSON.parse(r.body) as {
      method: string;
      url: string;
      headers: Record<string, string>;
      bodyLength: number;
    };
    expect(echo).toMatchObject({ method: 'POST', url: '/api/echo?x=1', bodyLength: 17 });
    expect(echo.headers['x-forwarded-for']).toBe('127.0.0.1');
  });

  it('compresses large responses when the client accepts gzip', async () => {
    const r = await fetch(`${gw.url}/api/big`, { headers: { 'accept-encoding': 'gzip' } });
    expect(r.headers.get('content-encoding')).toBe('gzip');
    const raw = await request(`${gw.url}/api/big`, { headers: { 'accept-encoding': 'gzip' } });
    expect(raw.headers['content-encoding']).toBe('gzip');
    expect(raw.headers['vary']).toMatch(/Accept-Encoding/);
    const small = await request(`${gw.url}/api/ping`, { headers: { 'accept-encoding': 'gzip' } });
    expect(small.headers['content-encoding']).toBeUndefined();
  });

  it('gzip body decodes to the upstream body', async () => {
    const r = await new Promise<Buffer>((resolve, reject) => {
      void import('node:http').then(({ get }) =>
        get(`${gw.url}/api/big`, { headers: { 'accept-encoding': 'gzip' } }, (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () => resolve(Buffer.concat(chunks)));
        }).on('error', reject),
      );
    });
    expect(gunzipSync(r).toString()).toBe('course catalog '.repeat(550));
  });

  it('refuses request bodies over 1 MiB with 413', async () => {
    const r = await request(`${gw.url}/api/echo`, { method: 'POST', body: Buffer.alloc(1024 * 1024 + 1, 97) });
    expect(r.status).toBe(413);
    const ok = await request(`${gw.url}/api/echo`, { method: 'POST', body: Buffer.alloc(1024 * 1024, 97) });
    expect(ok.status).toBe(200);
  });

  it('proxies /v1/graphql over HTTP (POST and GET) to the engine', async () => {
    const post = await request(`${gw.url}/v1/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"query":"{ __typename }"}',
    });
    expect(post.status).toBe(200);
    expect(JSON.parse(post.body)).toEqual({
      data: { role: 'engine', method: 'POST', body: '{"query":"{ __typename }"}' },
    });
    const get = await request(`${gw.url}/v1/graphql?query=%7B__typename%7D`);
    expect(JSON.parse(get.body)).toMatchObject({ data: { role: 'engine', method: 'GET' } });
  });

  it('proxies /v1/graphql websockets (graphql-transport-ws subprotocol)', async () => {
    const ws = new WebSocket(`${gw.url.replace('http', 'ws')}/v1/graphql`, 'graphql-transport-ws');
    const reply = await new Promise<string>((resolve, reject) => {
      ws.on('open', () => ws.send('{"type":"connection_init"}'));
      ws.on('message', (d: Buffer) => resolve(d.toString()));
      ws.on('error', reject);
    });
    expect(ws.protocol).toBe('graphql-transport-ws');
    expect(reply).toBe('echo:{"type":"connection_init"}');
    ws.close();
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
  it.each(adminPaths)('refuses %s from the public port with 403', async (path) => {
    for (const method of ['GET', 'POST']) {
      const r = await request(`${gw.url}${path}`, { method, body: method === 'POST' ? '{}' : undefined });
      expect(r.status, `${method} ${path}`).toBe(403);
      expect(r.body).not.toContain('reached');
    }
  });

  it('cleans dot segments before routing and refuses encoded slashes', async () => {
    expect((await request(`${gw.url}/v1/graphql/../metadata`)).status).toBe(403);
    expect((await request(`${gw.url}/api/../v2/query`)).status).toBe(403);
    expect((await request(`${gw.url}/v1%2fmetadata`)).status).toBe(400);
    expect((await request(`${gw.url}/%761/metadata`)).status).toBe(403);
  });

  it('answers 404 for paths no router matches', async () => {
    for (const path of ['/', '/healthz', '/apix', '/v1/graphqlx', '/v1/version']) {
      expect((await request(`${gw.url}${path}`)).status, path).toBe(404);
    }
  });

  it('refuses a websocket upgrade on an admin path', async () => {
    const ws = new WebSocket(`${gw.url.replace('http', 'ws')}/v1/metadata`);
    const status = await new Promise<number>((resolve) => {
      ws.on('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0));
      ws.on('error', () => resolve(-1));
    });
    expect(status).toBe(403);
  });
});

describe('admin entrypoint (local only)', () => {
  it('routes /console and the metadata API to the engine', async () => {
    const adminUrl = gw.adminUrl ?? '';
    const consoleReply = await request(`${adminUrl}/console`);
    expect(JSON.parse(consoleReply.body)).toEqual({ reached: 'engine', path: '/console' });
    const md = await request(`${adminUrl}/v1/metadata`, {
      method: 'POST',
      body: '{"type":"export_metadata","args":{}}',
    });
    expect(JSON.parse(md.body)).toEqual({ reached: 'engine', path: '/v1/metadata' });
  });

  it('does not serve the public API on the admin entrypoint', async () => {
    expect((await request(`${gw.adminUrl ?? ''}/api/ping`)).status).toBe(401);
  });
});
