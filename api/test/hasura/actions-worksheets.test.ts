import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../helpers/app.js';
import { callAction, makeUser, sampleListings } from '../helpers/actions.js';

let t: TestApp;
let L: Awaited<ReturnType<typeof sampleListings>>;
beforeAll(async () => {
  t = await createTestApp();
  L = await sampleListings(t);
});
afterAll(async () => {
  await t.close();
});

async function worksheet(userId: number, name = 'Plan A'): Promise<number> {
  const r = await callAction(t, 'createWorksheet', userId, { season_code: L.season, name });
  expect(r.status).toBe(200);
  return r.body['worksheet_id'] as number;
}

describe('createWorksheet', () => {
  it('creates worksheets numbered 0, 1, … per user and season', async () => {
    const me = await makeUser(t);
    const a = await callAction(t, 'createWorksheet', me, { season_code: L.season, name: '  Main  ' });
    const b = await callAction(t, 'createWorksheet', me, { season_code: L.season, name: 'Backup', private: true });
    expect(a.body).toMatchObject({ season_code: L.season, worksheet_number: 0, name: 'Main', private: false });
    expect(b.body).toMatchObject({ worksheet_number: 1, name: 'Backup', private: true });
  });

  it('returns 404 season-not-found for an unknown season', async () => {
    const r = await callAction(t, 'createWorksheet', await makeUser(t), { season_code: '199901', name: 'X' });
    expect([r.status, r.code]).toEqual([404, 'season-not-found']);
  });

  it('returns 400 validation-failed for an empty or too long name', async () => {
    const me = await makeUser(t);
    expect((await callAction(t, 'createWorksheet', me, { season_code: L.season, name: '   ' })).code).toBe(
      'validation-failed',
    );
    expect((await callAction(t, 'createWorksheet', me, { season_code: L.season, name: 'x'.repeat(65) })).code).toBe(
      'validation-failed',
    );
  });

  it('returns 409 worksheet-limit past 20 worksheets in a season', async () => {
    const me = await makeUser(t);
    for (let i = 0; i < 20; i++) await worksheet(me, `W${i}`);
    const r = await callAction(t, 'createWorksheet', me, { season_code: L.season, name: 'one too many' });
    expect([r.status, r.code]).toEqual([409, 'worksheet-limit']);
  });
});

describe('renameWorksheet / setWorksheetPrivate / deleteWorksheet', () => {
  it('renames, makes private and deletes your own worksheet', async () => {
    const me = await makeUser(t);
    const id = await worksheet(me);
    expect((await callAction(t, 'renameWorksheet', me, { worksheet_id: id, name: 'Renamed' })).body).toMatchObject({
      name: 'Renamed',
    });
    expect((await callAction(t, 'setWorksheetPrivate', me, { worksheet_id: id, private: true })).body).toMatchObject({
      private: true,
    });
    expect((await callAction(t, 'deleteWorksheet', me, { worksheet_id: id })).body).toEqual({ worksheet_id: id });
    expect((await t.owner.query('select 1 from worksheets where worksheet_id = $1', [id])).rowCount).toBe(0);
  });

  it("returns 404 worksheet-not-found for another user's worksheet", async () => {
    const owner = await makeUser(t);
    const other = await makeUser(t);
    const id = await worksheet(owner);
    for (const [name, input] of [
      ['renameWorksheet', { worksheet_id: id, name: 'Mine now' }],
      ['setWorksheetPrivate', { worksheet_id: id, private: true }],
      ['deleteWorksheet', { worksheet_id: id }],
    ] as const) {
      const r = await callAction(t, name, other, input);
      expect([name, r.status, r.code]).toEqual([name, 404, 'worksheet-not-found']);
    }
  });
});

describe('addWorksheetCourse / updateWorksheetCourse / removeWorksheetCourse', () => {
  it('adds a course with a lowercased color, updates color and hidden, removes it', async () => {
    const me = await makeUser(t);
    const id = await worksheet(me);
    const add = await callAction(t, 'addWorksheetCourse', me, { worksheet_id: id, crn: L.crns[0], color: '#1F77B4' });
    expect(add.body).toEqual({ worksheet_id: id, crn: L.crns[0], color: '#1f77b4', hidden: false });
    const upd = await callAction(t, 'updateWorksheetCourse', me, { worksheet_id: id, crn: L.crns[0], hidden: true });
    expect(upd.body).toEqual({ worksheet_id: id, crn: L.crns[0], color: '#1f77b4', hidden: true });
    const upd2 = await callAction(t, 'updateWorksheetCourse', me, {
      worksheet_id: id,
      crn: L.crns[0],
      color: '#00ff00',
    });
    expect(upd2.body).toMatchObject({ color: '#00ff00', hidden: true });
    expect((await callAction(t, 'removeWorksheetCourse', me, { worksheet_id: id, crn: L.crns[0] })).body).toEqual({
      worksheet_id: id,
      crn: L.crns[0],
    });
  });

  it('returns 400 validation-failed for a bad color', async () => {
    const me = await makeUser(t);
    const id = await worksheet(me);
    for (const color of ['red', '#12345', '#gggggg', '1f77b4']) {
      const r = await callAction(t, 'addWorksheetCourse', me, { worksheet_id: id, crn: L.crns[0], color });
      expect([color, r.code]).toEqual([color, 'validation-failed']);
    }
  });

  it("returns 404 course-not-found for a CRN that is not in the worksheet's season", async () => {
    const me = await makeUser(t);
    const id = await worksheet(me);
    const r = await callAction(t, 'addWorksheetCourse', me, { worksheet_id: id, crn: L.otherCrn, color: '#000000' });
    expect([r.status, r.code]).toEqual([404, 'course-not-found']);
  });

  it('returns 409 course-already-added when adding twice', async () => {
    const me = await makeUser(t);
    const id = await worksheet(me);
    await callAction(t, 'addWorksheetCourse', me, { worksheet_id: id, crn: L.crns[1], color: '#000000' });
    const r = await callAction(t, 'addWorksheetCourse', me, { worksheet_id: id, crn: L.crns[1], color: '#000000' });
    expect([r.status, r.code]).toEqual([409, 'course-already-added']);
  });

  it("returns 404 worksheet-not-found when adding to another user's worksheet", async () => {
    const id = await worksheet(await makeUser(t));
    const r = await callAction(t, 'addWorksheetCourse', await makeUser(t), {
      worksheet_id: id,
      crn: L.crns[0],
      color: '#000000',
    });
    expect(r.code).toBe('worksheet-not-found');
  });

  it('returns 404 course-not-in-worksheet when updating or removing a course that is not there', async () => {
    const me = await makeUser(t);
    const id = await worksheet(me);
    expect(
      (await callAction(t, 'updateWorksheetCourse', me, { worksheet_id: id, crn: L.crns[0], hidden: true })).code,
    ).toBe('course-not-in-worksheet');
    expect((await callAction(t, 'removeWorksheetCourse', me, { worksheet_id: id, crn: L.crns[0] })).code).toBe(
      'course-not-in-worksheet',
    );
  });

  it('returns 400 validation-failed for an update with nothing to change', async () => {
    const me = await makeUser(t);
    const id = await worksheet(me);
    expect((await callAction(t, 'updateWorksheetCourse', me, { worksheet_id: id, crn: L.crns[0] })).code).toBe(
      'validation-failed',
    );
  });
});

describe('addToWishlist / removeFromWishlist', () => {
  it('adds (idempotently) and removes an offering', async () => {
    const me = await makeUser(t);
    const item = { season_code: L.season, crn: L.crns[0] };
    expect((await callAction(t, 'addToWishlist', me, item)).body).toEqual(item);
    expect((await callAction(t, 'addToWishlist', me, item)).status).toBe(200);
    expect((await t.owner.query('select 1 from wishlist_items where user_id = $1', [me])).rowCount).toBe(1);
    expect((await callAction(t, 'removeFromWishlist', me, item)).body).toEqual(item);
  });

  it('returns 404 course-not-found for an unknown offering and wishlist-item-not-found when removing a missing one', async () => {
    const me = await makeUser(t);
    expect((await callAction(t, 'addToWishlist', me, { season_code: L.season, crn: L.otherCrn })).code).toBe(
      'course-not-found',
    );
    expect((await callAction(t, 'removeFromWishlist', me, { season_code: L.season, crn: L.crns[0] })).code).toBe(
      'wishlist-item-not-found',
    );
  });
});
