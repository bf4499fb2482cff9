import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../helpers/app.js';
import { callAction, makeUser } from '../helpers/actions.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t.close();
});

async function friendRows(a: number, b: number): Promise<number> {
  const r = await t.owner.query(
    'select 1 from friendships where (user_id = $1 and friend_user_id = $2) or (user_id = $2 and friend_user_id = $1)',
    [a, b],
  );
  return r.rowCount ?? 0;
}

describe('friend requests', () => {
  it('request then accept makes a symmetric friendship (one row each way) and clears the request', async () => {
    const a = await makeUser(t);
    const b = await makeUser(t);
    expect((await callAction(t, 'sendFriendRequest', a, { user_id: b })).body).toEqual({
      user_id: a,
      friend_user_id: b,
      status: 'requested',
    });
    expect((await callAction(t, 'acceptFriendRequest', b, { user_id: a })).body).toEqual({
      user_id: b,
      friend_user_id: a,
      status: 'friends',
    });
    expect(await friendRows(a, b)).toBe(2);
    expect((await t.owner.query('select 1 from friend_requests where from_user_id in ($1, $2)', [a, b])).rowCount).toBe(
      0,
    );
  });

  it('a request to someone who already asked us accepts theirs', async () => {
    const a = await makeUser(t);
    const b = await makeUser(t);
    await callAction(t, 'sendFriendRequest', a, { user_id: b });
    expect((await callAction(t, 'sendFriendRequest', b, { user_id: a })).body).toMatchObject({ status: 'friends' });
    expect(await friendRows(a, b)).toBe(2);
  });

  it('returns cannot-friend-self, user-not-found, friend-request-exists and already-friends', async () => {
    const a = await makeUser(t);
    const b = await makeUser(t);
    expect((await callAction(t, 'sendFriendRequest', a, { user_id: a })).code).toBe('cannot-friend-self');
    expect((await callAction(t, 'sendFriendRequest', a, { user_id: 2_000_000_000 })).code).toBe('user-not-found');
    await callAction(t, 'sendFriendRequest', a, { user_id: b });
    const again = await callAction(t, 'sendFriendRequest', a, { user_id: b });
    expect([again.status, again.code]).toEqual([409, 'friend-request-exists']);
    await callAction(t, 'acceptFriendRequest', b, { user_id: a });
    expect((await callAction(t, 'sendFriendRequest', a, { user_id: b })).code).toBe('already-friends');
  });

  it('decline removes the request; accepting a missing request is friend-request-not-found', async () => {
    const a = await makeUser(t);
    const b = await makeUser(t);
    await callAction(t, 'sendFriendRequest', a, { user_id: b });
    expect((await callAction(t, 'declineFriendRequest', b, { user_id: a })).body).toMatchObject({ status: 'declined' });
    expect((await callAction(t, 'acceptFriendRequest', b, { user_id: a })).code).toBe('friend-request-not-found');
    expect((await callAction(t, 'declineFriendRequest', b, { user_id: a })).code).toBe('friend-request-not-found');
  });

  it('concurrent mutual requests end as one symmetric friendship or two open requests, never half a friendship', async () => {
    const a = await makeUser(t);
    const b = await makeUser(t);
    await Promise.all([
      callAction(t, 'sendFriendRequest', a, { user_id: b }),
      callAction(t, 'sendFriendRequest', b, { user_id: a }),
    ]);
    expect([0, 2]).toContain(await friendRows(a, b));
  });
});

describe('removeFriend', () => {
  it('removes both rows; removing again is not-friends', async () => {
    const a = await makeUser(t);
    const b = await makeUser(t);
    await callAction(t, 'sendFriendRequest', a, { user_id: b });
    await callAction(t, 'acceptFriendRequest', b, { user_id: a });
    expect((await callAction(t, 'removeFriend', b, { user_id: a })).body).toMatchObject({ status: 'removed' });
    expect(await friendRows(a, b)).toBe(0);
    expect((await callAction(t, 'removeFriend', a, { user_id: b })).code).toBe('not-friends');
  });
});

describe('updateProfile', () => {
  it('sets display name, fields and visibility; a null value removes a field', async () => {
    const me = await makeUser(t);
    const r = await callAction(t, 'updateProfile', me, {
      display_name: 'Grace',
      fields: [
        { field: 'major', value: 'Computer Science', visibility: 'public' },
        { field: 'year', value: '2027' },
      ],
    });
    expect(r.body).toEqual({
      user_id: me,
      display_name: 'Grace',
      fields: [
        { field: 'major', value: 'Computer Science', visibility: 'public' },
        { field: 'year', value: '2027', visibility: 'friends' },
      ],
    });
    const r2 = await callAction(t, 'updateProfile', me, {
      fields: [
        { field: 'year', value: null },
        { field: 'major', visibility: 'self' },
      ],
    });
    expect(r2.body['fields']).toEqual([{ field: 'major', value: 'Computer Science', visibility: 'self' }]);
  });

  it('returns 400 validation-failed for an unknown field, a bad visibility or a duplicate field', async () => {
    const me = await makeUser(t);
    expect((await callAction(t, 'updateProfile', me, { fields: [{ field: 'password', value: 'x' }] })).code).toBe(
      'validation-failed',
    );
    expect(
      (await callAction(t, 'updateProfile', me, { fields: [{ field: 'bio', value: 'x', visibility: 'everyone' }] }))
        .code,
    ).toBe('validation-failed');
    expect(
      (
        await callAction(t, 'updateProfile', me, {
          fields: [
            { field: 'bio', value: 'x' },
            { field: 'bio', value: 'y' },
          ],
        })
      ).code,
    ).toBe('validation-failed');
    expect(
      (await callAction(t, 'updateProfile', me, { fields: [{ field: 'bio', value: 'x'.repeat(501) }] })).code,
    ).toBe('validation-failed');
  });
});

describe('saveSearch / deleteSavedSearch', () => {
  it('saves and deletes a search', async () => {
    const me = await makeUser(t);
    const r = await callAction(t, 'saveSearch', me, { name: 'CS seminars', query: { subject: 'CPSC', seminar: true } });
    expect(r.body).toMatchObject({ name: 'CS seminars', query: { subject: 'CPSC', seminar: true } });
    expect((await callAction(t, 'deleteSavedSearch', me, { saved_search_id: r.body['saved_search_id'] })).status).toBe(
      200,
    );
  });

  it('returns 409 saved-search-name-taken for a duplicate name', async () => {
    const me = await makeUser(t);
    await callAction(t, 'saveSearch', me, { name: 'Dup', query: {} });
    const r = await callAction(t, 'saveSearch', me, { name: 'Dup', query: { a: 1 } });
    expect([r.status, r.code]).toEqual([409, 'saved-search-name-taken']);
  });

  it('returns 400 validation-failed for a too long name or a query over 8 KiB', async () => {
    const me = await makeUser(t);
    expect((await callAction(t, 'saveSearch', me, { name: 'x'.repeat(101), query: {} })).code).toBe(
      'validation-failed',
    );
    expect((await callAction(t, 'saveSearch', me, { name: 'big', query: { q: 'x'.repeat(8200) } })).code).toBe(
      'validation-failed',
    );
  });

  it("returns 404 saved-search-not-found for another user's search", async () => {
    const owner = await makeUser(t);
    const r = await callAction(t, 'saveSearch', owner, { name: 'Private', query: {} });
    const d = await callAction(t, 'deleteSavedSearch', await makeUser(t), {
      saved_search_id: r.body['saved_search_id'],
    });
    expect([d.status, d.code]).toEqual([404, 'saved-search-not-found']);
  });
});
