import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cloneTemplate, type TestDb } from '../../stack/src/testing.js';
import { COURSE_TABLES, USER_TABLES } from '../../migrations/lib/tables.js';

// The template is seeded by the global setup with --seed 42 --scale 0.05.
describe('seeded template', () => {
  let db: TestDb;
  let client: pg.Client;
  beforeAll(async () => {
    db = await cloneTemplate();
    client = new pg.Client({ connectionString: db.directUrl('ct_readonly') });
    await client.connect();
  });
  afterAll(async () => {
    await client.end();
    await db.drop();
  });

  const count = async (sql: string): Promise<number> =>
    Number((await client.query<{ n: string }>(`select count(*) as n from (${sql}) x`)).rows[0]!.n);

  it('fills every course and user table', async () => {
    // Password-reset tokens only exist once someone asks for a reset.
    for (const t of [...COURSE_TABLES, ...USER_TABLES].filter((name) => name !== 'password_reset_tokens')) {
      expect(await count(`select 1 from ${t}`), t).toBeGreaterThan(0);
    }
    expect(await count('select 1 from courses')).toBe(500);
  });

  it('keeps the conventions visible in SQL', async () => {
    // course_id and listing_id formulas, cross-listings sharing a course, unpadded times, sorted jsonb arrays.
    expect(await count(`select 1 from listings where listing_id <> (season_code::int - 200000) * 100000 + crn`)).toBe(
      0,
    );
    expect(
      await count(`select 1 from courses c where course_id <> (season_code::int - 200000) * 100000 +
                   (select min(crn) from listings l where l.course_id = c.course_id)`),
    ).toBe(0);
    expect(await count(`select course_id from listings group by 1 having count(*) > 1`)).toBeGreaterThan(0);
    expect(await count(`select 1 from course_meetings where start_time ~ '^0'`)).toBe(0);
    expect(
      await count(`select 1 from courses where skills <> coalesce((select jsonb_agg(v order by v)
                   from jsonb_array_elements_text(skills) v), '[]')`),
    ).toBe(0);
    expect(await count(`select 1 from users where email not like 'student%@example.edu'`)).toBe(0);
  });

  it('worksheets only hold CRNs of their season', async () => {
    expect(
      await count(`select 1 from worksheet_courses wc join worksheets w using (worksheet_id)
                   where not exists (select 1 from listings l where l.season_code = w.season_code and l.crn = wc.crn)`),
    ).toBe(0);
  });

  it('new users get fresh ids after the explicit seed ids', async () => {
    const owner = new pg.Client({ connectionString: db.directUrl('ct_api') });
    await owner.connect();
    try {
      const { rows } = await owner.query<{ user_id: number }>(
        `insert into users (display_name) values ('New') returning user_id`,
      );
      expect(rows[0]!.user_id).toBeGreaterThan(20);
    } finally {
      await owner.end();
    }
  });
});
