/**
 * Permission and bad-input tests on our own metadata (hasura/metadata) over the migrated sample database:
 * a student never sees another user's private rows or a column the role lacks, through filters, relationships,
 * aggregates, _by_pk and distinct_on; bad input gets Hasura-shaped errors and never reaches Postgres as SQL.
 */
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cloneTemplate } from '../../stack/src/testing.js';
import type { TestDb } from '../../stack/src/testing.js';
import { createRuntime, loadMetadataDir, makeSession } from '../src/index.js';
import type { Runtime } from '../src/index.js';

const METADATA = fileURLToPath(new URL('../../hasura/metadata', import.meta.url));
const ME = 900001;
const FRIEND = 900002;
const STRANGER = 900003;

let db: TestDb;
let rt: Runtime;

async function run(
  role: string,
  query: string,
  userId: number | null = ME,
  variables?: Record<string, unknown>,
): Promise<Record<string, unknown>> {
  const vars: Record<string, string> = userId === null ? {} : { 'x-hasura-user-id': String(userId) };
  const res = await rt.execute({ query, variables: variables ?? null }, makeSession(role, vars), { headers: {} });
  return JSON.parse(res.body) as Record<string, unknown>;
}

function dataOf(r: Record<string, unknown>): Record<string, unknown> {
  expect(r['errors']).toBeUndefined();
  return r['data'] as Record<string, unknown>;
}

function errorOf(r: Record<string, unknown>): { message: string; extensions: { code: string; path: string } } {
  const errs = r['errors'] as { message: string; extensions: { code: string; path: string } }[] | undefined;
  expect(errs?.length).toBe(1);
  return errs![0]!;
}

beforeAll(async () => {
  db = await cloneTemplate();
  const c = new pg.Client({ connectionString: db.directUrl('postgres') });
  await c.connect();
  await c.query(
    `insert into seasons (season_code, term, year) values ('209901', 'spring', 2099) on conflict do nothing`,
  );
  await c.query(
    `insert into users (user_id, display_name) values (${ME}, 'me'), (${FRIEND}, 'friend'), (${STRANGER}, 'stranger')`,
  );
  await c.query(`insert into friendships (user_id, friend_user_id) values (${ME}, ${FRIEND}), (${FRIEND}, ${ME})`);
  await c.query(`insert into worksheets (worksheet_id, user_id, season_code, worksheet_number, name, private) values
    (990001, ${ME}, '209901', 0, 'mine', true),
    (990002, ${FRIEND}, '209901', 0, 'friend public', false),
    (990003, ${FRIEND}, '209901', 1, 'friend private', true),
    (990004, ${STRANGER}, '209901', 0, 'stranger public', false)`);
  await c.query(
    `insert into worksheet_courses (worksheet_id, crn, color) values (990003, 12345, '#aabbcc'), (990002, 23456, '#aabbcc')`,
  );
  await c.query(`insert into profile_fields (user_id, field, value, visibility) values
    (${FRIEND}, 'bio', 'friend-only bio', 'friends'), (${FRIEND}, 'major', 'secret major', 'self'),
    (${STRANGER}, 'bio', 'public bio', 'public'), (${STRANGER}, 'major', 'stranger friends-only', 'friends')`);
  await c.end();
  rt = await createRuntime({
    metadata: await loadMetadataDir(METADATA),
    databaseUrl: db.directUrl('ct_engine'),
    env: {},
  });
});

afterAll(async () => {
  await rt?.close();
  await db?.drop();
});

describe('our metadata', () => {
  it('loads with zero inconsistencies', () => {
    expect(rt.inconsistencies()).toEqual([]);
  });
});

describe('student sees only what the rules allow', () => {
  it('own user row only, whatever the filter', async () => {
    const d = dataOf(
      await run('student', `{ users { user_id } other: users(where: {user_id: {_eq: ${FRIEND}}}) { user_id } }`),
    );
    expect(d['users']).toEqual([{ user_id: ME }]);
    expect(d['other']).toEqual([]);
  });

  it('worksheets: own, and friends’ non-private ones; never private or strangers’', async () => {
    const d = dataOf(await run('student', '{ worksheets(order_by: {worksheet_id: asc}) { worksheet_id } }'));
    expect(d['worksheets']).toEqual([{ worksheet_id: 990001 }, { worksheet_id: 990002 }]);
  });

  it('by_pk of a friend’s private worksheet is null', async () => {
    const d = dataOf(await run('student', '{ worksheets_by_pk(worksheet_id: 990003) { name } }'));
    expect(d['worksheets_by_pk']).toBeNull();
  });

  it('distinct_on does not leak hidden rows', async () => {
    const d = dataOf(
      await run('student', '{ worksheets(distinct_on: [user_id], order_by: [{user_id: asc}]) { user_id } }'),
    );
    expect(d['worksheets']).toEqual([{ user_id: ME }, { user_id: FRIEND }]);
  });

  it('relationship filters and nested rows respect the target permission', async () => {
    const d = dataOf(
      await run(
        'student',
        '{ worksheet_courses { crn } worksheets(where: {worksheet_courses: {crn: {_eq: 12345}}}) { worksheet_id } }',
      ),
    );
    expect(d['worksheet_courses']).toEqual([{ crn: 23456 }]);
    expect(d['worksheets']).toEqual([]);
  });

  it('profile fields by visibility', async () => {
    const d = dataOf(
      await run(
        'student',
        '{ profile_fields(where: {user_id: {_gte: 900000}}, order_by: [{user_id: asc}, {field: asc}]) { user_id field } }',
      ),
    );
    expect(d['profile_fields']).toEqual([
      { user_id: FRIEND, field: 'bio' },
      { user_id: STRANGER, field: 'bio' },
    ]);
  });

  it('no aggregates on user tables, no credentials table, no evaluation data', async () => {
    expect(errorOf(await run('student', '{ worksheets_aggregate { aggregate { count } } }')).message).toBe(
      "field 'worksheets_aggregate' not found in type: 'query_root'",
    );
    expect(errorOf(await run('student', '{ password_credentials { user_id } }')).extensions.code).toBe(
      'validation-failed',
    );
    expect(errorOf(await run('student', '{ evaluation_ratings { rating } }')).message).toBe(
      "field 'evaluation_ratings' not found in type: 'query_root'",
    );
    expect(errorOf(await run('student', '{ courses { average_rating } }')).message).toBe(
      "field 'average_rating' not found in type: 'courses'",
    );
    expect(errorOf(await run('student', '{ courses(where: {average_rating: {_gt: 1}}) { course_id } }')).message).toBe(
      "field 'average_rating' not found in type: 'courses_bool_exp'",
    );
  });

  it('a missing user id session variable is a not-found error', async () => {
    expect(errorOf(await run('student', '{ worksheets { name } }', null))).toMatchObject({
      message: 'missing session variable: "x-hasura-user-id"',
      extensions: { code: 'not-found', path: '$' },
    });
  });
});

describe('anonymous and student_evals', () => {
  it('anonymous sees public course data but no user tables or evaluations', async () => {
    dataOf(await run('anonymous', '{ courses(limit: 1) { course_id title listings { crn } season { term } } }', null));
    expect(errorOf(await run('anonymous', '{ users { user_id } }', null)).extensions.code).toBe('validation-failed');
    expect(
      errorOf(await run('anonymous', '{ courses { evaluation_statistic { enrolled } } }', null)).extensions.code,
    ).toBe('validation-failed');
  });

  it('student_evals sees evaluation tables and columns', async () => {
    dataOf(
      await run(
        'student_evals',
        '{ courses(limit: 1) { average_rating evaluation_statistic { enrolled } } evaluation_ratings_aggregate { aggregate { count } } }',
      ),
    );
  });
});

describe('bad input', () => {
  it('SQL in string values is data', async () => {
    const evil = "'; drop table users; --";
    const d = dataOf(
      await run('student', '{ worksheets(where: {name: {_eq: $n}}) { name } }'.replace('$n', JSON.stringify(evil))),
    );
    expect(d['worksheets']).toEqual([]);
    const d2 = dataOf(
      await run('anonymous', 'query($s: String!) { courses(where: {title: {_ilike: $s}}) { course_id } }', null, {
        s: evil,
      }),
    );
    expect(d2['courses']).toEqual([]);
  });

  it('a 1 MB string is handled', async () => {
    const big = 'x'.repeat(1024 * 1024);
    const d = dataOf(
      await run('anonymous', 'query($s: String!) { courses(where: {title: {_eq: $s}}) { course_id } }', null, {
        s: big,
      }),
    );
    expect(d['courses']).toEqual([]);
  });

  it('deep nesting and malformed queries get Hasura-shaped errors', async () => {
    const deep = `{ courses { ${'listings { course { '.repeat(200)}course_id${' } }'.repeat(200)} } }`;
    expect(errorOf(await run('anonymous', deep, null)).extensions.code).toBe('validation-failed');
    const nested = `{ courses(where: ${'{_not: '.repeat(10000)}{}${'}'.repeat(10000)}) { course_id } }`;
    expect(errorOf(await run('anonymous', nested, null)).extensions.code).toBe('validation-failed');
    expect(errorOf(await run('anonymous', '{ courses { ', null)).extensions.code).toBe('validation-failed');
    expect(errorOf(await run('anonymous', '{ nope }', null)).message).toBe(
      "field 'nope' not found in type: 'query_root'",
    );
    expect(
      errorOf(await run('anonymous', 'query($n: Int!) { courses(limit: $n) { course_id } }', null, { n: 'x' }))
        .extensions.code,
    ).toBe('validation-failed');
  });
});
