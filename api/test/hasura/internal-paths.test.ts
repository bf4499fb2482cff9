/**
 * The engine-only endpoints (/api/hasura/auth, /api/hasura/actions/*) answer only at their exact, lower-case path
 * (issue 14, finding 13). Traefik matches `PathPrefix(/api/hasura/)` case-sensitively, so the public deny router
 * (traefik/dynamic/routers.yml `api-internal-deny`) lets `/api/HASURA/auth` through to the API; the API must not
 * then serve it as the webhook or an action.
 */
import supertest from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ACTION_SECRET, agent, cookieHeader, createTestApp, signup, type TestApp } from '../helpers/app.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t.close();
});

describe('engine-only paths are case-sensitive', () => {
  it('serves the webhook and the actions at their exact paths', async () => {
    const { email, password, userId } = await signup(t);
    const login = await agent(t).post('/api/auth/password/login').send({ email, password }).expect(200);
    const cookie = cookieHeader(login, t.config.session.cookieName);
    const hook = await supertest(t.app).get('/api/hasura/auth').set('Cookie', cookie).expect(200);
    expect(hook.body).toEqual({ 'X-Hasura-Role': 'student', 'X-Hasura-User-Id': String(userId) });
    await supertest(t.app)
      .post('/api/hasura/actions/saveSearch')
      .set('x-hasura-action-secret', ACTION_SECRET)
      .send({
        action: { name: 'saveSearch' },
        input: { name: 'exact path', query: {} },
        session_variables: { 'x-hasura-role': 'student', 'x-hasura-user-id': String(userId) },
      })
      .expect(200);
  });

  it('does not serve them under another letter case (deny-router bypass by case)', async () => {
    const { email, password, userId } = await signup(t);
    const login = await agent(t).post('/api/auth/password/login').send({ email, password }).expect(200);
    const cookie = cookieHeader(login, t.config.session.cookieName);
    for (const path of ['/api/HASURA/auth', '/api/Hasura/auth', '/API/hasura/auth', '/api/hasura/AUTH']) {
      const get = await supertest(t.app).get(path).set('Cookie', cookie);
      expect(get.status, `GET ${path}`).toBe(404);
      expect(JSON.stringify(get.body), path).not.toContain('X-Hasura-Role');
    }
    for (const path of ['/api/HASURA/actions/saveSearch', '/api/hasura/Actions/saveSearch']) {
      const post = await supertest(t.app)
        .post(path)
        .set('x-hasura-action-secret', ACTION_SECRET)
        .send({
          action: { name: 'saveSearch' },
          input: { name: `case ${path}`, query: {} },
          session_variables: { 'x-hasura-role': 'student', 'x-hasura-user-id': String(userId) },
        });
      expect(post.status, `POST ${path}`).toBe(404);
    }
    const r = await t.owner.query('select count(*)::int as n from saved_searches where user_id = $1', [userId]);
    expect(r.rows[0]).toEqual({ n: 0 });
  });
});
