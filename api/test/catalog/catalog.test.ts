import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pino } from 'pino';
import supertest from 'supertest';
import { loadMetadataDir, startEngineServer, type EngineServer } from '../../../engine/src/index.js';
import { createMailer } from '../../src/clients/mailer.js';
import { startWorkers, type Workers } from '../../src/jobs/worker.js';
import { cloneTemplate } from '../../../stack/src/testing.js';
import { ADMIN_SECRET, body, createTestApp, signup, type TestApp } from '../helpers/app.js';
import { sampleListings } from '../helpers/actions.js';

const REFRESH_SECRET = 'catalog-refresh-secret-for-tests';
const ENGINE_SECRET = 'engine-admin-secret-for-tests-only';
let engine: EngineServer;
let t: TestApp;
let workers: Workers;
let season: string;
const dir = mkdtempSync(join(tmpdir(), 'ct-catalog-'));

beforeAll(async () => {
  const db = await cloneTemplate();
  const metadata = await loadMetadataDir(new URL('../../../hasura/metadata', import.meta.url).pathname);
  engine = await startEngineServer({
    metadata,
    databaseUrl: db.bouncerUrl('ct_engine'),
    env: { HASURA_GRAPHQL_ADMIN_SECRET: ENGINE_SECRET },
    host: '127.0.0.1',
    port: 0,
    log: () => undefined,
  });
  t = await createTestApp(
    {
      GRAPHQL_URL: `${engine.url.replace(/\/$/, '')}/v1/graphql`,
      GRAPHQL_ADMIN_SECRET: ENGINE_SECRET,
      CATALOG_DIR: dir,
      CATALOG_REFRESH_SECRET: REFRESH_SECRET,
    },
    db,
  );
  season = (await sampleListings(t)).season;
  const silent = pino({ level: 'silent' });
  workers = startWorkers(t.config, createMailer({ smtpUrl: undefined, from: 'x', logger: silent }), silent);
});
afterAll(async () => {
  await workers?.close();
  await engine?.close();
  await t?.close();
  await t?.db.drop().catch(() => undefined);
});

async function waitFor(path: string): Promise<void> {
  const until = Date.now() + 20_000;
  while (!existsSync(path)) {
    if (Date.now() > until) throw new Error(`${path} was not generated`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe('POST /api/catalog/refresh', () => {
  it('returns 401 invalid-secret without the secret header', async () => {
    const res = await supertest(t.app).post('/api/catalog/refresh').send({});
    expect([res.status, body(res).error.code]).toEqual([401, 'invalid-secret']);
  });

  it('enqueues a regeneration that the worker runs through the engine (202)', async () => {
    await supertest(t.app)
      .post('/api/catalog/refresh')
      .set('x-catalog-refresh-secret', REFRESH_SECRET)
      .send({ seasons: [season] })
      .expect(202);
    await waitFor(join(dir, 'evals', `${season}.json`));
    await waitFor(join(dir, 'metadata.json'));
  });
});

describe("GET /api/catalog/refresh (Ferry's call to CourseTable, unchanged)", () => {
  it('refuses a wrong or missing X-FERRY-SECRET with 401 and a malformed season list with 400', async () => {
    const none = await supertest(t.app).get(`/api/catalog/refresh?seasons=${season}`);
    expect([none.status, body(none).error.code]).toEqual([401, 'invalid-secret']);
    const wrong = await supertest(t.app).get('/api/catalog/refresh').set('X-FERRY-SECRET', 'guess');
    expect([wrong.status, body(wrong).error.code]).toEqual([401, 'invalid-secret']);
    const bad = await supertest(t.app)
      .get('/api/catalog/refresh?seasons=2024,../x')
      .set('X-FERRY-SECRET', REFRESH_SECRET);
    expect(bad.status).toBe(400);
  });

  it('regenerates the listed seasons, or every season with all=true (202)', async () => {
    const other = (await sampleListings(t)).otherSeason;
    const one = await supertest(t.app)
      .get(`/api/catalog/refresh?seasons=${other}`)
      .set('X-FERRY-SECRET', REFRESH_SECRET)
      .expect(202);
    expect(body(one)['seasons']).toEqual([other]);
    // metadata.json is written last, with the seasons the job wrote: the job is done when it names them
    await metadataNames([other]);
    const all = await supertest(t.app)
      .get('/api/catalog/refresh?all=true')
      .set('X-FERRY-SECRET', REFRESH_SECRET)
      .expect(202);
    expect(body(all)['seasons']).toBe('all');
    const seasons = await t.owner.query<{ season_code: string }>('select season_code from seasons order by 1');
    expect(seasons.rows.length).toBeGreaterThan(1);
    await metadataNames(seasons.rows.map((r) => r.season_code));
  });
});

/** Waits until metadata.json lists exactly `seasons` (in any order). */
async function metadataNames(seasons: string[]): Promise<void> {
  const want = [...seasons].sort().join(',');
  const until = Date.now() + 30_000;
  let got = '';
  while (Date.now() < until) {
    try {
      const m = JSON.parse(readFileSync(join(dir, 'metadata.json'), 'utf8')) as { seasons: string[] };
      got = [...m.seasons].sort().join(',');
      if (got === want) return;
    } catch {
      // not written yet, or being replaced
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`metadata.json lists ${got}, expected ${want}`);
}

describe('GET /api/catalog/public/:season.json', () => {
  it('serves the catalog with ETag/Last-Modified, 304 on revalidation, and gzip', async () => {
    const res = await supertest(t.app).get(`/api/catalog/public/${season}.json`).expect(200);
    const listings = res.body as Array<{ crn: number; season_code: string; course: { title: string } }>;
    expect(listings.length).toBeGreaterThan(0);
    expect(listings[0]).toMatchObject({ season_code: season, course: { title: expect.any(String) as string } });
    const etag = res.headers['etag'] as string;
    const lastModified = res.headers['last-modified'] as string;
    expect(etag).toBeTruthy();
    expect(lastModified).toBeTruthy();
    await supertest(t.app).get(`/api/catalog/public/${season}.json`).set('If-None-Match', etag).expect(304);
    await supertest(t.app).get(`/api/catalog/public/${season}.json`).set('If-Modified-Since', lastModified).expect(304);
    const gz = await supertest(t.app).get(`/api/catalog/public/${season}.json`).set('Accept-Encoding', 'gzip');
    expect(gz.headers['content-encoding']).toBe('gzip');
  });

  it('answers 404 for an unknown or malformed season', async () => {
    await supertest(t.app).get('/api/catalog/public/199901.json').expect(404);
    await supertest(t.app).get('/api/catalog/public/..%2Fevals%2Fx.json').expect(404);
  });
});

describe('GET /api/catalog/evals/:season.json', () => {
  it('is 401 anonymous, 403 without evaluation access and 200 with it', async () => {
    await supertest(t.app).get(`/api/catalog/evals/${season}.json`).expect(401);
    const { agent: a, userId } = await signup(t);
    const denied = await a.get(`/api/catalog/evals/${season}.json`);
    expect([denied.status, body(denied).error.code]).toEqual([403, 'evals-required']);
    await supertest(t.app)
      .put(`/api/admin/users/${userId}/evals`)
      .set('x-admin-secret', ADMIN_SECRET)
      .send({ hasEvals: true })
      .expect(200);
    const ok = await a.get(`/api/catalog/evals/${season}.json`).expect(200);
    expect((ok.body as unknown[]).length).toBeGreaterThan(0);
    expect(ok.headers['cache-control']).toMatch(/private/);
  });
});
