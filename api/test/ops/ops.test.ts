import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pino } from 'pino';
import supertest from 'supertest';
import { createApp } from '../../src/app.js';
import { createTestApp, FRONTEND, PUBLIC_URL, type TestApp, body } from '../helpers/app.js';

let engine: Server;
let engineUrl: string;
let t: TestApp;
beforeAll(async () => {
  // Stand-in for the GraphQL engine's /healthz (the engine itself is tested in engine/).
  engine = createServer((req, res) => res.writeHead(req.url === '/healthz' ? 200 : 404).end('OK'));
  await new Promise<void>((r) => engine.listen(0, '127.0.0.1', r));
  engineUrl = `http://127.0.0.1:${(engine.address() as AddressInfo).port}/v1/graphql`;
  t = await createTestApp({
    GRAPHQL_URL: engineUrl,
    RATE_LIMIT_LOGIN: '3/60',
    CORS_ORIGINS: 'https://*.coursetable.test',
  });
});
afterAll(async () => {
  await t.close();
  await new Promise((r) => engine.close(r));
});

describe('GET /api/ping', () => {
  it('answers "pong"', async () => {
    const res = await supertest(t.app).get('/api/ping').expect(200);
    expect(res.body).toBe('pong');
  });
});

describe('GET /api/health', () => {
  it('reports each dependency up with its latency', async () => {
    const res = await supertest(t.app).get('/api/health').expect(200);
    expect(body(res).status).toBe('up');
    for (const dep of ['redis', 'postgres', 'graphql']) {
      expect(body(res).checks[dep]).toMatchObject({ status: 'up', latencyMs: expect.any(Number) as number });
    }
  });

  it('answers 503 when the GraphQL engine is down, without leaking error text', async () => {
    const app = createApp({ ...t.config, graphqlUrl: 'http://127.0.0.1:1/v1/graphql' }, t.deps);
    const res = await supertest(app).get('/api/health').expect(503);
    expect(body(res).checks.graphql).toMatchObject({ status: 'down', error: 'unreachable' });
    expect(body(res).checks['redis']?.status).toBe('up');
  });
});

describe('errors', () => {
  it('answers 404 not-found for an unknown route', async () => {
    const res = await supertest(t.app).get('/api/nope').expect(404);
    expect(res.body).toEqual({ error: { code: 'not-found', message: 'Not found.' } });
  });

  it('answers 400 invalid-request for malformed JSON, not 500', async () => {
    const res = await supertest(t.app)
      .post('/api/auth/password/login')
      .set('content-type', 'application/json')
      .send('{"email":');
    expect([res.status, body(res).error.code]).toEqual([400, 'invalid-request']);
  });

  it('answers 500 internal-error with no stack or error text when a dependency throws', async () => {
    const broken = {
      ...t.deps,
      pool: { query: () => Promise.reject(new Error('password=hunter2 host=db')) },
    } as unknown as typeof t.deps;
    const app = createApp(t.config, broken);
    const res = await supertest(app).post('/api/auth/password/login').send({ email: 'a@b.edu', password: 'whatever1' });
    expect(res.status).toBe(500);
    expect(res.body).toEqual({ error: { code: 'internal-error', message: 'Internal error.' } });
    expect(res.text).not.toContain('hunter2');
  });
});

describe('rate limits', () => {
  it('answers 429 rate-limited with Retry-After after too many login attempts', async () => {
    const statuses: number[] = [];
    let retryAfter: string | undefined;
    for (let i = 0; i < 5; i++) {
      const res = await supertest(t.app)
        .post('/api/auth/password/login')
        .send({ email: 'victim@example.edu', password: `guess-${i}` });
      statuses.push(res.status);
      if (res.status === 429) retryAfter = res.headers['retry-after'];
    }
    expect(statuses).toEqual([401, 401, 401, 429, 429]);
    expect(Number(retryAfter)).toBeGreaterThan(0);
  });
});

describe('same-origin check on state-changing routes', () => {
  it('refuses a cross-site POST with 403 cross-origin-request', async () => {
    const res = await supertest(t.app).post('/api/auth/logout').set('Origin', 'https://evil.example.com');
    expect([res.status, body(res).error.code]).toEqual([403, 'cross-origin-request']);
    const res2 = await supertest(t.app).post('/api/auth/logout').set('Sec-Fetch-Site', 'cross-site');
    expect(res2.status).toBe(403);
  });

  it('accepts the API origin, the frontend and allow-listed origins', async () => {
    for (const origin of [PUBLIC_URL, FRONTEND, 'https://app.coursetable.test']) {
      const res = await supertest(t.app).post('/api/auth/logout').set('Origin', origin);
      expect([origin, res.status]).toEqual([origin, 401]); // past the check: not logged in
    }
    await supertest(t.app).post('/api/auth/logout').set('Sec-Fetch-Site', 'same-origin').expect(401);
  });
});

describe('CORS', () => {
  it('allows credentials for allow-listed origins only', async () => {
    const ok = await supertest(t.app)
      .options('/api/auth/check')
      .set('Origin', 'https://app.coursetable.test')
      .set('Access-Control-Request-Method', 'GET');
    expect(ok.headers['access-control-allow-origin']).toBe('https://app.coursetable.test');
    expect(ok.headers['access-control-allow-credentials']).toBe('true');
    const bad = await supertest(t.app).get('/api/auth/check').set('Origin', 'https://evil.example.com');
    expect(bad.headers['access-control-allow-origin']).toBeUndefined();
  });
});

describe('security headers and logs', () => {
  it('sends helmet headers and a request id', async () => {
    const res = await supertest(t.app).get('/api/ping');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['x-powered-by']).toBeUndefined();
    expect(res.headers['x-request-id']).toMatch(/^[\w-]+$/);
  });

  it('never writes passwords, cookies or secrets to the logs', async () => {
    const lines: string[] = [];
    const sink = new Writable({
      write(chunk: Buffer, _enc, cb) {
        lines.push(chunk.toString());
        cb();
      },
    });
    const app = createApp(t.config, { ...t.deps, logger: pino({ level: 'trace' }, sink) });
    const a = supertest.agent(app);
    await a
      .post('/api/auth/password/signup')
      .send({ email: 'logme@example.edu', password: 'super secret password', displayName: 'L' })
      .expect(202);
    await a
      .post('/api/auth/password/login')
      .send({ email: 'logme@example.edu', password: 'super secret password' })
      .expect(200);
    await a.get('/api/auth/check').expect(200);
    await supertest(app)
      .post('/api/hasura/actions/saveSearch')
      .set('x-hasura-action-secret', 'leaky-secret-value')
      .send({});
    await supertest(app).get('/api/auth/cas/callback?ticket=ST-secretticket');
    const log = lines.join('');
    expect(log).toContain('"req":{"id"'); // request logs carry the request id
    for (const secret of [
      'super secret password',
      'leaky-secret-value',
      'ST-secretticket',
      t.config.session.cookieName + '=',
    ]) {
      expect(log).not.toContain(secret);
    }
  });
});

describe('request id from the engine', () => {
  // The webhook writes no access line (it answers every GraphQL request); its error lines go through req.log, as the
  // action's lines do, so they carry the same id.
  it("takes the engine's X-Request-Id as the request's id: the webhook answers with it, an action's log lines carry it", async () => {
    const lines: string[] = [];
    const sink = new Writable({
      write(chunk: Buffer, _enc, cb) {
        lines.push(chunk.toString());
        cb();
      },
    });
    const app = createApp(t.config, { ...t.deps, logger: pino({ level: 'trace' }, sink) });
    const hook = await supertest(app).get('/api/hasura/auth').set('x-request-id', 'engine-req-7');
    expect(hook.headers['x-request-id']).toBe('engine-req-7');
    await supertest(app)
      .post('/api/hasura/actions/saveSearch')
      .set('x-request-id', 'engine-req-8')
      .set('x-hasura-action-secret', 'wrong')
      .send({});
    const entries = lines.map((l) => JSON.parse(l) as { req?: { id?: string; url?: string } });
    const of = (path: string) => entries.filter((e) => e.req?.url?.startsWith(path));
    expect(of('/api/hasura/actions').length).toBeGreaterThan(0);
    expect(of('/api/hasura/actions').every((e) => e.req?.id === 'engine-req-8')).toBe(true);
  });
});

describe('GET /api/docs', () => {
  it('serves an OpenAPI 3.1 document generated from the zod schemas', async () => {
    const res = await supertest(t.app).get('/api/docs/openapi.json').expect(200);
    const doc = res.body as {
      openapi: string;
      paths: Record<
        string,
        Record<
          string,
          { requestBody?: { content: Record<string, { schema: { properties?: Record<string, unknown> } }> } }
        >
      >;
    };
    expect(doc.openapi).toBe('3.1.0');
    const login = doc.paths['/api/auth/password/login']?.['post'];
    expect(Object.keys(login?.requestBody?.content['application/json']?.schema.properties ?? {}).sort()).toEqual([
      'email',
      'password',
    ]);
    expect(doc.paths['/api/hasura/actions/addWorksheetCourse']).toBeDefined();
  });

  it('documents every route the app serves, and nothing it does not (a route without a spec fails here)', async () => {
    const served = routesOf(t.app.router as unknown as Listable, '')
      .map((r) => `${r.method} ${r.path.replace(/:(\w+)/g, '{$1}')}`)
      .sort();
    const res = await supertest(t.app).get('/api/docs/openapi.json').expect(200);
    const documented = Object.entries((res.body as { paths: Record<string, Record<string, unknown>> }).paths)
      .flatMap(([path, ops]) => Object.keys(ops).map((m) => `${m} ${path}`))
      .sort();
    // The actions router serves /api/hasura/actions/:name; the document lists each action by name.
    const actions = documented.filter((d) => d.startsWith('post /api/hasura/actions/'));
    expect(actions.length).toBeGreaterThan(0);
    expect(served).toContain('post /api/hasura/actions/{name}');
    expect(served.filter((s) => s !== 'post /api/hasura/actions/{name}')).toEqual(
      documented.filter((d) => !actions.includes(d)),
    );
    // Every path parameter has a schema.
    const paths = (
      res.body as {
        paths: Record<string, Record<string, { parameters?: Array<{ name: string; in: string; schema?: unknown }> }>>;
      }
    ).paths;
    for (const [path, ops] of Object.entries(paths))
      for (const [method, op] of Object.entries(ops))
        for (const [, name] of path.matchAll(/\{(\w+)\}/g))
          expect(
            op.parameters?.some((p) => p.in === 'path' && p.name === name && p.schema !== undefined),
            `${method} ${path}: no schema for {${name ?? ''}}`,
          ).toBe(true);
  });

  it('serves a readable page that loads nothing from the network', async () => {
    const res = await supertest(t.app).get('/api/docs').expect(200);
    expect(res.headers['content-type']).toMatch(/text\/html/);
    expect(res.text).toContain('CourseTable API');
    expect(res.text).not.toMatch(/<(script|link)[^>]+(src|href)="https?:/);
  });
});

/** What router 2's listRoutes() gives: routes with their methods, and mounted routers to recurse into. */
interface Listable {
  listRoutes(): Array<{ path: string | RegExp; methods: string[] | undefined; router: Listable | undefined }>;
}

/** Every (method, full path) a router serves, mounted routers included; HEAD and OPTIONS are implied by GET. */
function routesOf(router: Listable, prefix: string): Array<{ method: string; path: string }> {
  return router.listRoutes().flatMap((r) => {
    const path = `${prefix}${String(r.path)}`.replace(/\/+$/, '') || '/';
    if (r.router) return routesOf(r.router, path === '/' ? '' : path);
    return (r.methods ?? [])
      .filter((m) => m !== 'HEAD' && m !== 'OPTIONS')
      .map((m) => ({ method: m.toLowerCase(), path }));
  });
}
