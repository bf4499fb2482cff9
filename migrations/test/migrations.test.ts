import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { emptyDatabase, type TestDb } from '../../stack/src/testing.js';
import { migrateDown, migrateUp } from '../run.js';
import { withClient } from './helpers.js';

const MIGRATIONS = [
  '1764000000000_course-data',
  '1764000000001_user-data',
  '1764000000002_grants',
  '1764000000010_email-verification',
  '1764000000020_engine-grants',
  '1764000000021_readonly-secret-columns',
];

async function publicTables(db: TestDb): Promise<string[]> {
  return withClient(db.directUrl('ct_owner'), async (c) => {
    const { rows } = await c.query<{ relname: string }>(
      `select relname from pg_class where relnamespace = 'public'::regnamespace and relkind in ('r', 'S', 'v')
       and relname <> 'pgmigrations' and relname <> 'pgmigrations_id_seq' order by 1`,
    );
    return rows.map((r) => r.relname);
  });
}

describe('migrations on an empty database', () => {
  let db: TestDb;
  beforeAll(async () => {
    db = await emptyDatabase();
  });
  afterAll(() => db.drop());

  it('go up, all the way down (leaving nothing behind) and up again', async () => {
    const url = db.directUrl('ct_owner');
    expect(await migrateUp(url)).toEqual(MIGRATIONS);
    const tables = await publicTables(db);
    expect(tables).toContain('courses');
    expect(tables).toContain('saved_searches');

    expect(await migrateDown(url, Infinity)).toEqual([...MIGRATIONS].reverse());
    expect(await publicTables(db)).toEqual([]);

    expect(await migrateUp(url)).toEqual(MIGRATIONS);
    expect(await publicTables(db)).toEqual(tables);
  });

  it('each migration goes up, down and up again on its own', async () => {
    const url = db.directUrl('ct_owner');
    expect(await migrateDown(url, Infinity)).toHaveLength(MIGRATIONS.length);
    for (const name of MIGRATIONS) {
      expect(await migrateUp(url, { count: 1 })).toEqual([name]);
      expect(await migrateDown(url, 1)).toEqual([name]);
      expect(await migrateUp(url, { count: 1 })).toEqual([name]);
    }
    expect(await migrateUp(url)).toEqual([]);
  });

  it('leaves the metadata row', async () => {
    const rows = await withClient(db.directUrl('ct_owner'), (c) => c.query('select id from metadata'));
    expect(rows.rows).toEqual([{ id: 1 }]);
  });
});
