/**
 * The static catalog stays whole under the anonymous role's row limit (hasura/metadata: the anonymous select
 * permissions have `limit`): a season with more listings than that limit is fetched page by page, so
 * public/<season>.json has every listing, through the real engine on our metadata and a clone of the template.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { loadMetadataDir, startEngineServer, type EngineServer } from '../../../engine/src/index.js';
import { cloneTemplate, type TestDb } from '../../../stack/src/testing.js';
import { generateCatalog } from '../../src/catalog/catalog.generate.js';

const SECRET = 'catalog-pages-engine-secret';
const SEASON = '209903';
let db: TestDb;
let engine: EngineServer;
let anonymousLimit: number;
let listings: number;
const dir = mkdtempSync(join(tmpdir(), 'ct-catalog-pages-'));

beforeAll(async () => {
  db = await cloneTemplate();
  const metadata = await loadMetadataDir(new URL('../../../hasura/metadata', import.meta.url).pathname);
  const perm = metadata.sources[0]?.tables
    .find((t) => t.table.name === 'listings')
    ?.select_permissions?.find((p) => p.role === 'anonymous')?.permission as { limit?: number } | undefined;
  anonymousLimit = perm?.limit ?? 0;
  listings = Math.max(anonymousLimit, 1000) + 234;
  const c = new pg.Client({ connectionString: db.directUrl('postgres') });
  await c.connect();
  await c.query(`insert into seasons (season_code, term, year) values ($1, 'fall', 2099)`, [SEASON]);
  // A copy of a seeded course in the new season (every not-null column filled as the seed fills it).
  await c.query('create temp table paged as select * from courses order by course_id limit 1');
  await c.query(
    `update paged set course_id = nextval(pg_get_serial_sequence('courses', 'course_id')), season_code = $1`,
    [SEASON],
  );
  const { rows } = await c.query<{ course_id: number }>('insert into courses select * from paged returning course_id');
  await c.query(
    `insert into listings (course_id, school, subject, number, course_code, section, season_code, crn)
     select $1, 'YC', 'PAGE', g::text, 'PAGE ' || g, '1', $2, 50000 + g from generate_series(1, $3::int) g`,
    [rows[0]?.course_id, SEASON, listings],
  );
  await c.end();
  engine = await startEngineServer({
    metadata,
    databaseUrl: db.directUrl('ct_engine'),
    env: { HASURA_GRAPHQL_ADMIN_SECRET: SECRET },
    host: '127.0.0.1',
    port: 0,
    log: () => undefined,
  });
});

afterAll(async () => {
  await engine?.close();
  await db?.drop();
});

it('writes every listing of a season larger than the anonymous row limit (row limit vs catalog)', async () => {
  expect(anonymousLimit, 'the anonymous select permission on listings has a limit').toBeGreaterThan(0);
  await generateCatalog({ graphqlUrl: `${engine.url.replace(/\/$/, '')}/v1/graphql`, adminSecret: SECRET, dir }, [
    SEASON,
  ]);
  const written = JSON.parse(readFileSync(join(dir, 'public', `${SEASON}.json`), 'utf8')) as Array<{ crn: number }>;
  expect(written).toHaveLength(listings);
  expect(new Set(written.map((l) => l.crn)).size).toBe(listings);
  expect(written.map((l) => l.crn)).toEqual([...written.map((l) => l.crn)].sort((a, b) => a - b));
});
