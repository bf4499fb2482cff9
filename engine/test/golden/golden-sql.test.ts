/**
 * Golden SQL: the statements the compiler produces for representative operations over our own metadata
 * (cases.ts), stored readably in sql/<case>.sql and compared, so every compiler change shows up as a diff in review.
 * Each statement also runs, with its parameters, against the migrated database in a transaction that is rolled back.
 *
 * After an intended change, regenerate (rewrites sql/*.sql, removes the files of deleted cases):
 *   UPDATE_GOLDEN=1 npx vitest run --project integration engine/test/golden
 * Without UPDATE_GOLDEN a missing, stale or different golden file fails the test.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cloneTemplate } from '../../../stack/src/testing.js';
import type { TestDb } from '../../../stack/src/testing.js';
import type { Model } from '../../src/model/model-types.js';
import { CASES } from './cases.js';
import type { GoldenCase } from './cases.js';
import { buildModel, compileCase, describeWith } from './compile-case.js';
import type { Statement } from './compile-case.js';
import { formatSql, renderGolden } from './golden-file.js';
import { insertFixtures } from './fixtures.js';

const METADATA = fileURLToPath(new URL('../../../hasura/metadata', import.meta.url));
const SQL_DIR = fileURLToPath(new URL('./sql/', import.meta.url));
const UPDATE = process.env['UPDATE_GOLDEN'] === '1';

let db: TestDb;
let pool: pg.Pool;
let engine: pg.PoolClient;
let owner: pg.Client;
let model: Model;
const compiled = new Map<string, Promise<Statement[]>>();

beforeAll(async () => {
  db = await cloneTemplate();
  owner = new pg.Client({ connectionString: db.directUrl('postgres') });
  await owner.connect();
  await insertFixtures(owner);
  pool = new pg.Pool({ connectionString: db.directUrl('ct_engine'), max: 1 });
  model = await buildModel(METADATA, pool);
  // The pool's only connection, held from here on: describing and running the statements share it.
  engine = await pool.connect();
});

afterAll(async () => {
  engine?.release();
  await pool?.end();
  await owner?.end();
  await db?.drop();
});

function statementsOf(c: GoldenCase): Promise<Statement[]> {
  let s = compiled.get(c.name);
  if (!s) {
    s = compileCase(model, c, describeWith(engine));
    compiled.set(c.name, s);
  }
  return s;
}

const goldenPath = (name: string): string => `${SQL_DIR}${name}.sql`;

/** Run the statements in order in one transaction, rolled back; each must answer at least one row. */
async function runRolledBack(client: pg.ClientBase, statements: readonly Statement[], text: (s: Statement) => string) {
  await client.query('BEGIN');
  try {
    for (const s of statements) {
      const res = await client.query<{ ok?: boolean }>({ text: text(s), values: [...s.values] });
      expect(res.rows.length, s.label).toBeGreaterThan(0);
      // Mutation statements report the permission check in `ok`: the fixtures satisfy every check.
      for (const row of res.rows) if ('ok' in row) expect(row.ok, `${s.label}: check`).toBe(true);
    }
  } finally {
    await client.query('ROLLBACK');
  }
}

describe('our metadata', () => {
  it('resolves with zero inconsistencies', () => {
    expect(model.inconsistencies).toEqual([]);
  });
});

describe.each(CASES.map((c) => [c.name, c] as const))('golden %s', (name, c) => {
  it('matches its golden file', async () => {
    const actual = renderGolden(c, await statementsOf(c));
    const file = goldenPath(name);
    if (UPDATE) {
      mkdirSync(SQL_DIR, { recursive: true });
      writeFileSync(file, actual);
      return;
    }
    if (!existsSync(file)) expect.fail(`missing golden file ${file}: run with UPDATE_GOLDEN=1 to create it`);
    expect(actual).toEqual(readFileSync(file, 'utf8'));
  });

  it('runs against the database (as compiled, and as formatted in the golden)', async () => {
    const statements = await statementsOf(c);
    const client = c.runAs === 'postgres' ? owner : engine;
    await runRolledBack(client, statements, (s) => s.text);
    await runRolledBack(client, statements, (s) => formatSql(s.text));
  });
});

describe('golden files', () => {
  it('has no file without a case', () => {
    const names = new Set(CASES.map((c) => `${c.name}.sql`));
    const stale = existsSync(SQL_DIR) ? readdirSync(SQL_DIR).filter((f) => !names.has(f)) : [];
    if (UPDATE) for (const f of stale) unlinkSync(`${SQL_DIR}${f}`);
    else expect(stale).toEqual([]);
  });
});
