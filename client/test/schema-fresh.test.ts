/**
 * The committed `hasura/schema/<role>.graphql` must be what the engine prints from `hasura/metadata` today
 * (the same check as `npm run schema:check`, on a clone of the run's migrated template).
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cloneTemplate, type TestDb } from '../../stack/src/testing.js';
import {
  compareRoleSchemas,
  DEFAULT_SCHEMA_DIR,
  formatStaleReport,
  printRoleSchemas,
  SCHEMA_ROLES,
} from '../../stack/src/print-schemas.js';

let db: TestDb;
let fresh: Record<string, string>;
const tmp = mkdtempSync(join(tmpdir(), 'ct-schema-test-'));

beforeAll(async () => {
  db = await cloneTemplate();
  fresh = await printRoleSchemas({ databaseUrl: db.directUrl('ct_engine') });
});
afterAll(async () => {
  await db.drop();
  rmSync(tmp, { recursive: true, force: true });
});

describe('hasura/schema', () => {
  it('has one file per role, and they are up to date (run `npm run schema` if this fails)', () => {
    expect(Object.keys(fresh).sort()).toEqual([...SCHEMA_ROLES].sort());
    const report = compareRoleSchemas(DEFAULT_SCHEMA_DIR, fresh);
    expect(report.ok, formatStaleReport(report)).toBe(true);
  });

  it('the check fails on a stale copy, naming the changed field (control)', () => {
    cpSync(DEFAULT_SCHEMA_DIR, tmp, { recursive: true });
    const file = join(tmp, 'anonymous.graphql');
    const sdl = readFileSync(file, 'utf8');
    expect(sdl).toMatch(/^ {2}title: String!$/m);
    writeFileSync(file, sdl.replace(/^ {2}title: String!$/m, '  title: String'));
    writeFileSync(join(tmp, 'retired_role.graphql'), 'type Query { a: Int }\n');
    const report = compareRoleSchemas(tmp, fresh);
    expect(report.ok).toBe(false);
    expect(report.problems.map((p) => [p.kind, p.file.split('/').pop()])).toEqual([
      ['changed', 'anonymous.graphql'],
      ['extra', 'retired_role.graphql'],
    ]);
    expect(formatStaleReport(report)).toMatch(/~ \w+\.title: String {2}→ {2}\w+\.title: String!/);
  });

  it('anonymous and student see no evaluation field; student_evals does', () => {
    for (const role of ['anonymous', 'student']) {
      expect(fresh[role]).not.toMatch(/\baverage_rating\b|\bevaluation_statistic\b|\bevaluation_narratives\b/);
    }
    expect(fresh['student_evals']).toMatch(/\baverage_rating\b/);
    expect(fresh['student_evals']).toMatch(/\bevaluation_statistic\b/);
  });
});
