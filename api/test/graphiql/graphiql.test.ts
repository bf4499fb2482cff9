/**
 * The users' GraphiQL page and its assets: offline (no external URL), no inline script, and the page's own
 * Content-Security-Policy on every response. That it runs in a browser behind Traefik is tested with the routing.
 */
import { Script } from 'node:vm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import supertest from 'supertest';
import { GRAPHIQL_CSP } from '../../src/graphiql/graphiql.routes.js';
import { createTestApp, type TestApp } from '../helpers/app.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t?.close();
});

const ASSETS = {
  'graphiql.min.css': /^text\/css; charset=utf-8$/,
  'react.production.min.js': /^text\/javascript; charset=utf-8$/,
  'react-dom.production.min.js': /^text\/javascript; charset=utf-8$/,
  'graphiql.min.js': /^text\/javascript; charset=utf-8$/,
  'graphiql-boot.js': /^text\/javascript; charset=utf-8$/,
};

/** The directives of a CSP header, by name. */
function directives(csp: string): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const directive of csp.split(';')) {
    const [name, ...values] = directive.trim().split(/\s+/);
    if (name) out[name] = values;
  }
  return out;
}

describe('GET /api/graphiql', () => {
  it('serves the page with the GraphiQL CSP: scripts from this origin only, never inline', async () => {
    const res = await supertest(t.app).get('/api/graphiql').expect(200);
    expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
    const csp = String(res.headers['content-security-policy']);
    expect(csp).toBe(GRAPHIQL_CSP);
    const d = directives(csp);
    expect(d['default-src']).toEqual(["'none'"]);
    expect(d['script-src']).toEqual(["'self'"]);
    expect(d['style-src']).toEqual(["'self'", "'unsafe-inline'"]);
    expect(d['connect-src']).toEqual(["'self'"]);
    expect(d['font-src']).toEqual(["'self'", 'data:']);
    expect(d['img-src']).toEqual(["'self'", 'data:']);
    expect(d['frame-ancestors']).toEqual(["'none'"]);
    expect(res.headers['cache-control']).toBe('no-cache');
  });

  it('loads every asset from /api/graphiql/assets/, has no inline script, no external URL and no preset secret', async () => {
    const html = (await supertest(t.app).get('/api/graphiql').expect(200)).text;
    const srcs = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)].map(([, attrs, body]) => {
      expect(body?.trim()).toBe('');
      return /\bsrc="([^"]+)"/.exec(attrs ?? '')?.[1];
    });
    expect(srcs).toEqual([
      '/api/graphiql/assets/react.production.min.js',
      '/api/graphiql/assets/react-dom.production.min.js',
      '/api/graphiql/assets/graphiql.min.js',
      '/api/graphiql/assets/graphiql-boot.js',
    ]);
    expect(html).toContain('<link rel="stylesheet" href="/api/graphiql/assets/graphiql.min.css" />');
    expect(html).not.toMatch(/https?:\/\/|["'(=]\/\//);
    expect(html).not.toMatch(/\bon[a-z]+=/i); // no inline event handlers either
    expect(html).toContain('data-endpoint="/v1/graphql"');
    expect(html).not.toMatch(/admin-secret/i);
    // the trailing-slash form is the same page
    expect((await supertest(t.app).get('/api/graphiql/').expect(200)).text).toBe(html);
  });
});

describe('GET /api/graphiql/assets/:name', () => {
  for (const [name, type] of Object.entries(ASSETS)) {
    it(`serves ${name} with its content type and the CSP`, async () => {
      const res = await supertest(t.app)
        .get(`/api/graphiql/assets/${name}`)
        .buffer(true)
        .parse((r, cb) => {
          let text = '';
          r.setEncoding('utf8');
          r.on('data', (c: string) => (text += c));
          r.on('end', () => cb(null, text));
        })
        .expect(200);
      expect(res.headers['content-type']).toMatch(type);
      expect(res.headers['content-security-policy']).toBe(GRAPHIQL_CSP);
      expect(res.headers['x-content-type-options']).toBe('nosniff');
      expect(res.headers['cache-control']).toBe('public, max-age=86400');
      const text = res.body as string;
      expect(text.length).toBeGreaterThan(name === 'graphiql-boot.js' ? 100 : 10_000);
      if (name.endsWith('.js')) expect(() => new Script(text, { filename: name })).not.toThrow();
    });
  }

  it('boots GraphiQL against /v1/graphql of this origin with the session cookie and no preset header', async () => {
    const boot = (await supertest(t.app).get('/api/graphiql/assets/graphiql-boot.js').expect(200)).text;
    expect(boot).toContain('GraphiQL.createFetcher');
    expect(boot).toContain("credentials: 'same-origin'");
    expect(boot).not.toMatch(/admin-secret|defaultHeaders|x-hasura/i);
  });

  it('answers 404 for any other name, including paths out of the list', async () => {
    for (const path of [
      '/api/graphiql/assets/graphiql.min.js.map',
      '/api/graphiql/assets/package.json',
      '/api/graphiql/assets/..%2F..%2Fpackage.json',
      '/api/graphiql/assets/constructor',
      '/api/graphiql/assets/__proto__',
    ]) {
      const res = await supertest(t.app).get(path);
      expect([path, res.status]).toEqual([path, 404]);
    }
  });
});
