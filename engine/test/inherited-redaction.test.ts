/**
 * Inherited roles (Hasura's cell redaction): a column that one parent role may read only on its own rows is NULL on
 * the other rows, in the selection and also in `where` and `order_by` (Hasura's `AnnRedactionExp` on `AVColumn` /
 * `AOCColumn`), so a filter or a sort cannot reveal a redacted value.
 */
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { emptyDatabase } from '../../stack/src/testing.js';
import type { TestDb } from '../../stack/src/testing.js';
import { createRuntime, makeSession } from '../src/index.js';
import type { HasuraMetadata, Runtime } from '../src/index.js';

let db: TestDb;
let rt: Runtime;

const METADATA: HasuraMetadata = {
  version: 3,
  sources: [
    {
      name: 'default',
      kind: 'postgres',
      configuration: { connection_info: { database_url: { from_env: 'HASURA_GRAPHQL_DATABASE_URL' } } },
      tables: [
        {
          table: { schema: 'public', name: 'grade' },
          select_permissions: [
            {
              role: 'owner',
              permission: { columns: ['id', 'student', 'score'], filter: { student: { _eq: 'X-Hasura-User-Id' } } },
            },
            { role: 'directory', permission: { columns: ['id', 'student'], filter: {} } },
          ],
        },
      ],
    },
  ],
  inherited_roles: [{ role_name: 'viewer', role_set: ['owner', 'directory'] }],
};

type Body = { data?: { grade: { id: number; score?: number | null }[] }; errors?: unknown[] };

async function asViewer(query: string): Promise<Body> {
  const res = await rt.execute({ query }, makeSession('viewer', { 'x-hasura-user-id': '1' }), { headers: {} });
  return JSON.parse(res.body) as Body;
}

beforeAll(async () => {
  db = await emptyDatabase();
  const c = new pg.Client({ connectionString: db.directUrl('ct_owner') });
  await c.connect();
  await c.query(`CREATE TABLE grade (id int PRIMARY KEY, student int NOT NULL, score int NOT NULL);
    INSERT INTO grade VALUES (1, 1, 40), (2, 1, 90), (3, 2, 95), (4, 2, 10), (5, 3, 70);
    GRANT SELECT ON grade TO ct_engine;`);
  await c.end();
  rt = await createRuntime({ metadata: METADATA, databaseUrl: db.directUrl('ct_engine'), env: {} });
});

afterAll(async () => {
  await rt?.close();
  await db?.drop();
});

describe('inherited roles redact cells in where and order_by as in the selection', () => {
  it('shows other rows with a null score', async () => {
    const r = await asViewer('{ grade(order_by: {id: asc}) { id score } }');
    expect(r.data?.grade).toEqual([
      { id: 1, score: 40 },
      { id: 2, score: 90 },
      { id: 3, score: null },
      { id: 4, score: null },
      { id: 5, score: null },
    ]);
  });

  it('a filter on the redacted column matches only rows whose score the role may read', async () => {
    const r = await asViewer('{ grade(where: {score: {_gt: 50}}, order_by: {id: asc}) { id } }');
    expect(r.data?.grade.map((g) => g.id)).toEqual([2]);
    const nulls = await asViewer('{ grade(where: {score: {_is_null: true}}, order_by: {id: asc}) { id } }');
    expect(nulls.data?.grade.map((g) => g.id)).toEqual([3, 4, 5]);
  });

  it('sorting by the redacted column orders the hidden cells as nulls', async () => {
    const r = await asViewer('{ grade(order_by: [{score: desc_nulls_last}, {id: asc}]) { id } }');
    expect(r.data?.grade.map((g) => g.id)).toEqual([2, 1, 3, 4, 5]);
  });

  it('the owner role alone still filters and sorts on its own scores', async () => {
    const res = await rt.execute(
      { query: '{ grade(where: {score: {_gt: 50}}) { id score } }' },
      makeSession('owner', { 'x-hasura-user-id': '2' }),
      { headers: {} },
    );
    expect(JSON.parse(res.body)).toEqual({ data: { grade: [{ id: 3, score: 95 }] } });
  });
});
