/**
 * The client's typed documents, run by the engine over the seeded sample data as each role (the way the auth
 * webhook would resolve it): the results have the generated shapes, evaluation data reaches only student_evals,
 * and `hasEvals: false` keeps the course detail runnable for every role.
 */
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRuntime, loadMetadataDir, makeSession, type Runtime } from 'engine';
import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { cloneTemplate, type TestDb } from '../../stack/src/testing.js';
import {
  CourseDetailDocument,
  CourseSearchDocument,
  ListingsByCrnDocument,
  MyWishlistDocument,
  MyWorksheetsDocument,
  ProfessorDocument,
  SeasonsDocument,
  courseSearchVariables,
  pageOf,
  queryText,
  type CourseDetailQuery,
  type CourseSearchQuery,
  type SeasonsQuery,
} from '../src/index.js';

let db: TestDb;
let runtime: Runtime;

beforeAll(async () => {
  db = await cloneTemplate();
  runtime = await createRuntime({
    metadata: await loadMetadataDir('hasura/metadata'),
    databaseUrl: db.directUrl('ct_engine'),
    env: {},
  });
});
afterAll(async () => {
  await runtime.close();
  await db.drop();
});

interface Result<R> {
  data?: R;
  errors?: Array<{ message: string; extensions?: { code?: string } }>;
}

async function run<R, V>(
  doc: TypedDocumentNode<R, V>,
  variables: V,
  role: string,
  userId?: number,
): Promise<Result<R>> {
  const session = makeSession(role, userId === undefined ? {} : { 'x-hasura-user-id': String(userId) });
  const res = await runtime.execute(
    { query: queryText(doc), variables: variables as Record<string, unknown> },
    session,
    { headers: {} },
  );
  return JSON.parse(res.body) as Result<R>;
}

async function ok<R, V>(doc: TypedDocumentNode<R, V>, variables: V, role: string, userId?: number): Promise<R> {
  const r = await run(doc, variables, role, userId);
  expect(r.errors).toBeUndefined();
  return r.data as R;
}

async function firstSeason(): Promise<string> {
  const { seasons } = await ok<SeasonsQuery, Record<string, never>>(SeasonsDocument, {}, 'anonymous');
  expect(seasons.length).toBeGreaterThan(0);
  return (seasons[0] as { season_code: string }).season_code;
}

async function someListing(seasonCode: string): Promise<CourseSearchQuery['listings'][number]> {
  const { listings } = await ok(
    CourseSearchDocument,
    courseSearchVariables({ seasonCode }, { pageSize: 5 }),
    'anonymous',
  );
  const first = listings[0];
  if (!first) throw new Error(`no listing in season ${seasonCode}`);
  return first;
}

describe('client documents against the engine', () => {
  it('season list and course search (filters, ordering, pagination) work for anonymous', async () => {
    const season = await firstSeason();
    const page0 = await ok(
      CourseSearchDocument,
      courseSearchVariables({ seasonCode: season }, { pageSize: 3 }),
      'anonymous',
    );
    const { rows, hasNext } = pageOf(page0.listings, 3);
    expect(rows.length).toBe(3);
    expect(hasNext).toBe(true);
    const codes = rows.map((l) => l.course_code);
    expect([...codes].sort()).toEqual(codes);
    const page1 = await ok(
      CourseSearchDocument,
      courseSearchVariables({ seasonCode: season }, { pageSize: 3, page: 1 }),
      'anonymous',
    );
    expect(page1.listings[0]?.listing_id).not.toBe(rows[0]?.listing_id);

    const subject = rows[0]?.course_code.split(' ')[0] ?? '';
    const bySubject = await ok(
      CourseSearchDocument,
      courseSearchVariables({ seasonCode: season, subject }),
      'anonymous',
    );
    expect(bySubject.listings.length).toBeGreaterThan(0);
    expect(bySubject.listings.every((l) => l.course_code.startsWith(`${subject} `))).toBe(true);

    const word = (rows[0]?.course.title.split(/\s+/).find((w) => w.length > 3) ?? '').toLowerCase();
    const byText = await ok(
      CourseSearchDocument,
      courseSearchVariables({ seasonCode: season, text: word }),
      'anonymous',
    );
    expect(byText.listings.length).toBeGreaterThan(0);
    expect(byText.listings.every((l) => `${l.course.title} ${l.course_code}`.toLowerCase().includes(word))).toBe(true);

    const withAreas = page0.listings.find((l) => Array.isArray(l.course.areas) && l.course.areas.length > 0);
    if (withAreas) {
      const area = (withAreas.course.areas as string[])[0] as string;
      const byArea = await ok(
        CourseSearchDocument,
        courseSearchVariables({ seasonCode: season, areas: [area] }),
        'anonymous',
      );
      expect(byArea.listings.every((l) => (l.course.areas as string[]).includes(area))).toBe(true);
    }
  });

  it('course detail: evaluation fields only for student_evals, and hasEvals:false runs for every role', async () => {
    const season = await firstSeason();
    const listing = await someListing(season);
    const vars = { listingId: listing.listing_id, hasEvals: false };
    for (const role of ['anonymous', 'student', 'student_evals']) {
      const d: CourseDetailQuery = await ok(CourseDetailDocument, vars, role, 1);
      expect(d.listings_by_pk?.listing_id).toBe(listing.listing_id);
      expect(d.listings_by_pk?.course).not.toHaveProperty('average_rating');
      expect(d.listings_by_pk?.course).not.toHaveProperty('evaluation_statistic');
    }
    const evals = await ok(CourseDetailDocument, { ...vars, hasEvals: true }, 'student_evals', 1);
    expect(evals.listings_by_pk?.course).toHaveProperty('average_rating');
    expect(evals.listings_by_pk?.course).toHaveProperty('evaluation_statistic');
    for (const role of ['anonymous', 'student']) {
      const denied = await run(CourseDetailDocument, { ...vars, hasEvals: true }, role, 1);
      expect(denied.data).toBeUndefined();
      expect(denied.errors?.[0]?.extensions?.code).toBe('validation-failed');
    }
  });

  it('professor page and listings by CRN', async () => {
    const season = await firstSeason();
    const listing = await someListing(season);
    const prof = listing.course.course_professors[0]?.professor;
    if (prof) {
      const p = await ok(ProfessorDocument, { professorId: prof.professor_id }, 'anonymous');
      expect(p.professors_by_pk?.name).toBe(prof.name);
      expect(p.professors_by_pk?.course_professors.length).toBeGreaterThan(0);
    }
    const byCrn = await ok(ListingsByCrnDocument, { seasonCode: season, crns: [listing.crn] }, 'anonymous');
    expect(byCrn.listings.map((l) => l.listing_id)).toEqual([listing.listing_id]);
  });

  it('worksheets and wishlist: a student sees only their own rows; anonymous cannot ask', async () => {
    const pool = new pg.Pool({ connectionString: db.directUrl('ct_owner'), max: 1 });
    try {
      const { rows } = await pool.query<{ user_id: number; season_code: string; n: number }>(
        `select user_id, season_code, count(*)::int as n from worksheets group by 1, 2 order by n desc, 1, 2 limit 1`,
      );
      const owner = rows[0];
      if (!owner) throw new Error('the sample data has no worksheet');
      const vars = { userId: owner.user_id, seasonCode: owner.season_code };
      const mine = await ok(MyWorksheetsDocument, vars, 'student', owner.user_id);
      expect(mine.worksheets.length).toBe(owner.n);
      expect(mine.worksheets.every((w) => w.user_id === owner.user_id)).toBe(true);
      // Another user's id: at most that user's non-private worksheets (if they are friends), never a private one.
      const other = await ok(MyWorksheetsDocument, { ...vars, userId: owner.user_id + 1 }, 'student', owner.user_id);
      expect(other.worksheets.every((w) => !w.private)).toBe(true);
      const expected = await pool.query<{ crn: number }>(
        `select wc.crn from worksheet_courses wc join worksheets w using (worksheet_id)
          where w.user_id = $1 and w.season_code = $2 order by wc.crn`,
        [owner.user_id, owner.season_code],
      );
      expect(mine.worksheets.flatMap((w) => w.worksheet_courses.map((c) => c.crn)).sort((a, b) => a - b)).toEqual(
        expected.rows.map((r) => r.crn),
      );
      const wish = await ok(MyWishlistDocument, {}, 'student', owner.user_id);
      const wishCount = await pool.query<{ n: number }>(
        `select count(*)::int as n from wishlist_items where user_id = $1`,
        [owner.user_id],
      );
      expect(wish.wishlist_items.length).toBe(wishCount.rows[0]?.n);

      const anon = await run(MyWorksheetsDocument, vars, 'anonymous');
      expect(anon.errors?.[0]?.extensions?.code).toBe('validation-failed');
    } finally {
      await pool.end();
    }
  });
});
