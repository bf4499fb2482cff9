/**
 * Permissions fail closed, end to end (issue 14, finding 4): the engine's HTTP server on a real Postgres, with a
 * select permission whose row filter goes through a relationship to a table that exists but is not tracked. Hasura
 * reports that as inconsistent metadata and the role gets no rows; before the fix the engine dropped the condition
 * and showed the role every row.
 */
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { emptyDatabase } from '../../stack/src/testing.js';
import type { TestDb } from '../../stack/src/testing.js';
import { startEngineServer, type EngineServer } from '../src/server/start.js';
import type { HasuraMetadata } from '../src/index.js';

const SECRET = 'fail-closed-admin-secret';

const METADATA: HasuraMetadata = {
  version: 3,
  sources: [
    {
      name: 'default',
      kind: 'postgres',
      configuration: { connection_info: { database_url: { from_env: 'HASURA_GRAPHQL_DATABASE_URL' } } },
      tables: [
        {
          table: { schema: 'public', name: 'note' },
          object_relationships: [{ name: 'owner', using: { foreign_key_constraint_on: 'owner_id' } }],
          select_permissions: [
            {
              role: 'student',
              permission: { columns: ['id', 'body'], filter: { owner: { user_id: { _eq: 'X-Hasura-User-Id' } } } },
            },
            // a consistent permission next to it is still served
            { role: 'reader', permission: { columns: ['id'], filter: { owner_id: { _eq: 10 } } } },
          ],
        },
      ],
    },
  ],
};

let db: TestDb;
let engine: EngineServer;

async function post(path: string, headers: Record<string, string>, body: unknown): Promise<unknown> {
  const r = await fetch(`${engine.url}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });
  return r.json();
}

const asRole = (role: string, query: string) =>
  post('/v1/graphql', { 'x-hasura-admin-secret': SECRET, 'x-hasura-role': role, 'x-hasura-user-id': '1' }, { query });

beforeAll(async () => {
  db = await emptyDatabase();
  const c = new pg.Client({ connectionString: db.directUrl('ct_owner') });
  await c.connect();
  await c.query(`CREATE TABLE owner (id int PRIMARY KEY, user_id int NOT NULL);
    CREATE TABLE note (id int PRIMARY KEY, owner_id int NOT NULL REFERENCES owner (id), body text NOT NULL);
    INSERT INTO owner VALUES (10, 1), (20, 2);
    INSERT INTO note VALUES (1, 10, 'mine'), (2, 20, 'someone else''s'), (3, 20, 'also not mine');
    GRANT SELECT ON owner, note TO ct_engine;`);
  await c.end();
  engine = await startEngineServer({
    metadata: METADATA,
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

describe('a permission through a relationship to an untracked table', () => {
  it('never shows the role rows the dropped condition would have hidden (fail-open row filter)', async () => {
    expect(await asRole('student', '{ note(order_by: {id: asc}) { id body } }')).toEqual({
      errors: [
        {
          message: "field 'note' not found in type: 'query_root'",
          extensions: { path: '$.selectionSet.note', code: 'validation-failed' },
        },
      ],
    });
    expect(await asRole('reader', '{ note { id } }')).toEqual({ data: { note: [{ id: 1 }] } });
  });

  it('reports the relationship and the permission through get_inconsistent_metadata, like Hasura', async () => {
    const report = (await post(
      '/v1/metadata',
      { 'x-hasura-admin-secret': SECRET },
      { type: 'get_inconsistent_metadata', args: {} },
    )) as { is_consistent: boolean; inconsistent_objects: { type: string; name: string; reason: string }[] };
    expect(report.is_consistent).toBe(false);
    expect(report.inconsistent_objects.map(({ type, name, reason }) => ({ type, name, reason }))).toEqual([
      {
        type: 'object_relation',
        name: 'object_relation owner in table note in source default',
        reason: 'Inconsistent object: table "owner" is not tracked',
      },
      {
        type: 'select_permission',
        name: 'select_permission student in table note in source default',
        reason: 'Inconsistent object: in table "note": in permission for role "student": "owner" does not exist',
      },
    ]);
    const health = await fetch(`${engine.url}/healthz`);
    expect(await health.text()).toBe('WARN: inconsistent objects in schema');
  });
});
