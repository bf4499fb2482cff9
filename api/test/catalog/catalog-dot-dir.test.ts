/**
 * The catalog directory may itself live under a dot-directory: the local stack keeps it in
 * `.stack/volumes/catalogs`. Only dot-segments *inside* the catalog directory are refused, never those of its own
 * absolute path. The files are written by hand here (catalog.test.ts covers their generation through the engine).
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import supertest from 'supertest';
import { createTestApp, type TestApp } from '../helpers/app.js';

const SEASON = '202403';
const dir = join(mkdtempSync(join(tmpdir(), 'ct-catalog-dot-')), '.stack', 'volumes', 'catalogs');
let t: TestApp;

beforeAll(async () => {
  mkdirSync(join(dir, 'public'), { recursive: true });
  mkdirSync(join(dir, '.hidden'), { recursive: true });
  writeFileSync(join(dir, 'metadata.json'), JSON.stringify({ last_update: '2024-01-01T00:00:00Z', seasons: [SEASON] }));
  writeFileSync(join(dir, 'public', `${SEASON}.json`), JSON.stringify([{ crn: 1, season_code: SEASON }]));
  writeFileSync(join(dir, '.hidden', `${SEASON}.json`), '[]');
  t = await createTestApp({ CATALOG_DIR: dir });
});
afterAll(async () => {
  await t?.close();
});

describe('GET /api/catalog/* with CATALOG_DIR under a dot-directory', () => {
  for (const path of ['/api/catalog/metadata.json', `/api/catalog/public/${SEASON}.json`]) {
    it(`serves ${path} (200), then 304 on If-None-Match`, async () => {
      const res = await supertest(t.app).get(path).expect(200);
      expect(res.headers['content-type']).toMatch(/^application\/json/);
      expect(res.body).toBeTruthy();
      const etag = String(res.headers['etag'] ?? '');
      expect(etag).not.toBe('');
      await supertest(t.app).get(path).set('If-None-Match', etag).expect(304);
    });
  }

  it('still answers 404 (not 500) for paths that try to leave the public folder', async () => {
    await supertest(t.app).get('/api/catalog/public/..%2F.hidden%2F202403.json').expect(404);
    await supertest(t.app).get('/api/catalog/public/%2E%2E%2Fmetadata.json').expect(404);
  });
});
