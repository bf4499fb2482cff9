/**
 * The session cookie of a production (secure) deployment is a `__Host-` cookie: Secure, Path=/, no Domain. A sibling
 * subdomain (or a man in the middle on plain http) can then neither set nor shadow it (cookie tossing / session
 * fixation). Real HTTP exchanges through the app with a production config behind a TLS-terminating proxy.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type supertest from 'supertest';
import { agent, body, createTestApp, type TestApp } from '../helpers/app.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({
    NODE_ENV: 'production',
    API_PUBLIC_URL: 'https://api.coursetable.test',
    FRONTEND_URL: 'https://coursetable.test',
    CAS_BASE_URL: 'https://cas.coursetable.test/cas',
    SESSION_COOKIE_SECURE: 'auto',
  });
});
afterAll(async () => {
  await t.close();
});

/** Requests as they arrive from the TLS-terminating proxy on loopback (TRUST_PROXY=loopback). */
const https = (r: supertest.Test) => r.set('X-Forwarded-Proto', 'https');

function setCookies(res: supertest.Response): string[] {
  return (res.headers['set-cookie'] as unknown as string[] | undefined) ?? [];
}

function attributes(cookie: string): { name: string; value: string; attrs: Map<string, string> } {
  const [pair = '', ...rest] = cookie.split(';').map((s) => s.trim());
  const eq = pair.indexOf('=');
  const attrs = new Map(
    rest.map((a) => {
      const i = a.indexOf('=');
      return i < 0 ? [a.toLowerCase(), ''] : [a.slice(0, i).toLowerCase(), a.slice(i + 1)];
    }),
  );
  return { name: pair.slice(0, eq), value: pair.slice(eq + 1), attrs };
}

async function login(): Promise<supertest.Response> {
  const email = `host-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}@example.edu`;
  const password = 'correct horse battery';
  const up = await https(agent(t).post('/api/auth/password/signup')).send({ email, password, displayName: 'H' });
  expect(up.status).toBeLessThan(300);
  return https(agent(t).post('/api/auth/password/login')).send({ email, password }).expect(200);
}

describe('production session cookie (__Host- prefix against cookie tossing)', () => {
  it('names the session cookie __Host-coursetable.session with Secure, Path=/ and no Domain', async () => {
    const res = await login();
    const session = setCookies(res)
      .map(attributes)
      .filter((c) => c.name.endsWith('coursetable.session'));
    expect(session.map((c) => c.name)).toEqual(['__Host-coursetable.session']);
    const { attrs } = session[0] ?? { attrs: new Map<string, string>() };
    expect(attrs.has('secure')).toBe(true);
    expect(attrs.get('path')).toBe('/');
    expect(attrs.has('domain')).toBe(false);
    expect(attrs.has('httponly')).toBe(true);
    expect(attrs.get('samesite')).toBe('Lax');
  });

  it('reads only the __Host- cookie: the API and the Hasura webhook accept it, a same-valued unprefixed one is ignored', async () => {
    const res = await login();
    const c = setCookies(res)
      .map(attributes)
      .find((x) => x.name === '__Host-coursetable.session');
    if (!c) throw new Error('no __Host- session cookie');
    const prefixed = `${c.name}=${c.value}`;
    expect(body(await https(agent(t).get('/api/auth/check')).set('Cookie', prefixed)).auth).toBe(true);
    const hook = await agent(t).get('/api/hasura/auth').set('Cookie', prefixed).expect(200);
    expect(hook.body).toMatchObject({ 'X-Hasura-Role': 'student', 'X-Hasura-User-Id': String(body(res).user.id) });
    // What a sibling subdomain could plant (an unprefixed cookie) is not the session cookie.
    const tossed = `coursetable.session=${c.value}`;
    expect(body(await https(agent(t).get('/api/auth/check')).set('Cookie', tossed)).auth).toBe(false);
    const hook2 = await agent(t).get('/api/hasura/auth').set('Cookie', tossed).expect(200);
    expect(hook2.body).toEqual({ 'X-Hasura-Role': 'anonymous' });
  });

  it('clears the __Host- cookie at logout and prefixes the login-binding cookie too', async () => {
    const res = await login();
    const c = setCookies(res)
      .map(attributes)
      .find((x) => x.name === '__Host-coursetable.session');
    if (!c) throw new Error('no __Host- session cookie');
    const out = await https(agent(t).post('/api/auth/logout')).set('Cookie', `${c.name}=${c.value}`).expect(200);
    const cleared = setCookies(out).map(attributes);
    expect(cleared.map((x) => [x.name, x.value, x.attrs.has('secure'), x.attrs.get('path')])).toEqual([
      ['__Host-coursetable.session', '', true, '/'],
    ]);

    const start = await https(agent(t).get('/api/auth/cas')).expect(302);
    const binding = setCookies(start).map(attributes);
    expect(binding.map((x) => [x.name, x.attrs.has('secure'), x.attrs.get('path'), x.attrs.has('domain')])).toEqual([
      ['__Host-coursetable.session.login', true, '/', false],
    ]);
  });
});
