import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../helpers/app.js';
import { callAction, makeUser, sampleListings } from '../helpers/actions.js';

let t: TestApp;
let season: string;
beforeAll(async () => {
  t = await createTestApp({ RATE_LIMIT_ACTIONS: '5/60' });
  season = (await sampleListings(t)).season;
});
afterAll(async () => {
  await t.close();
});

describe('POST /api/hasura/actions/:name (authentication)', () => {
  it('returns 401 invalid-secret without the shared secret header', async () => {
    const r = await callAction(t, 'createWorksheet', 1, { season_code: season, name: 'A' }, { secret: null });
    expect(r.status).toBe(401);
    expect(r.body).toEqual({ message: expect.any(String) as string, extensions: { code: 'invalid-secret' } });
  });

  it('returns 401 invalid-secret for a wrong secret', async () => {
    const r = await callAction(t, 'createWorksheet', 1, { season_code: season, name: 'A' }, { secret: 'wrong' });
    expect(r.code).toBe('invalid-secret');
  });

  it('returns 401 unauthenticated for the anonymous role (no user id in session_variables)', async () => {
    const r = await callAction(t, 'createWorksheet', null, { season_code: season, name: 'A' });
    expect(r.status).toBe(401);
    expect(r.code).toBe('unauthenticated');
  });

  it('takes the user id from session_variables only, never from the input', async () => {
    const me = await makeUser(t);
    const victim = await makeUser(t);
    const r = await callAction(t, 'createWorksheet', me, { season_code: season, name: 'Mine', user_id: victim });
    expect(r.status).toBe(200);
    const owner = await t.owner.query('select user_id from worksheets where worksheet_id = $1', [
      r.body['worksheet_id'],
    ]);
    expect(owner.rows[0]).toEqual({ user_id: me });
  });

  it('returns 404 not-found for an unknown action', async () => {
    const r = await callAction(t, 'dropDatabase', 1, {});
    expect(r.status).toBe(404);
  });

  it('returns 429 rate-limited with Retry-After past the per-user limit', async () => {
    const me = await makeUser(t);
    const statuses: number[] = [];
    for (let i = 0; i < 7; i++)
      statuses.push((await callAction(t, 'deleteSavedSearch', me, { saved_search_id: 1 })).status);
    expect(statuses.slice(0, 5)).toEqual([404, 404, 404, 404, 404]);
    expect(statuses.slice(5)).toEqual([429, 429]);
  });
});
