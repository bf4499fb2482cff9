/**
 * `/v2/query` run_sql and the legacy `/v1/query` on a real database: result shapes (CommandOk / TuplesOk with text
 * cells, last statement only), re-introspection after DDL, per-object metadata operations through /v1/query bulk,
 * legacy select/insert, purge of dropped tables, Postgres errors, admin-only with Hasura's status codes.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { emptyDatabase } from '../../../stack/src/testing.js';
import type { TestDb } from '../../../stack/src/testing.js';
import { startEngineServer } from '../../src/index.js';
import type { HasuraMetadata } from '../../src/index.js';

const SECRET = 'query-api-secret';
let db: TestDb;
let server: { url: string; close(): Promise<void> };

async function post(
  path: string,
  body: unknown,
  headers: Record<string, string> = { 'x-hasura-admin-secret': SECRET },
): Promise<{ status: number; body: unknown }> {
  const r = await fetch(`${server.url}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });
  return { status: r.status, body: await r.json() };
}

const runSql = (sql: string, extra: Record<string, unknown> = {}) =>
  post('/v2/query', { type: 'run_sql', args: { source: 'default', sql, ...extra } });

beforeAll(async () => {
  db = await emptyDatabase();
  const metadata = {
    version: 3,
    sources: [
      {
        name: 'default',
        kind: 'postgres',
        tables: [],
        functions: [],
        configuration: { connection_info: { database_url: { from_env: 'X' } } },
      },
    ],
  } as unknown as HasuraMetadata;
  server = await startEngineServer({
    metadata,
    databaseUrl: db.directUrl('ct_owner'),
    env: { HASURA_GRAPHQL_ADMIN_SECRET: SECRET },
    log: () => undefined,
  });
}, 60_000);

afterAll(async () => {
  await server?.close();
  await db?.drop();
});

describe('/v2/query run_sql', () => {
  it('returns CommandOk, or TuplesOk of the last statement with text cells', async () => {
    expect(await runSql('create table author (id serial primary key, name text, born date, score numeric);')).toEqual({
      status: 200,
      body: { result_type: 'CommandOk', result: null },
    });
    expect(
      (await runSql("insert into author (name, born, score) values ('A', '2000-01-02', 1.50), ('B', null, 2);")).body,
    ).toEqual({ result_type: 'CommandOk', result: null });
    expect((await runSql('select 1; select id, name, born, score from author order by id;')).body).toEqual({
      result_type: 'TuplesOk',
      result: [
        ['id', 'name', 'born', 'score'],
        ['1', 'A', '2000-01-02', '1.50'],
        ['2', 'B', null, '2'],
      ],
    });
  });

  it('read_only refuses writes; a SQL error is a 400 postgres-error', async () => {
    const ro = await runSql("insert into author (name) values ('C')", { read_only: true });
    expect(ro.status).toBe(400);
    expect(ro.body).toMatchObject({ code: 'postgres-error', error: 'query execution failed', path: '$' });
    const bad = await runSql('selec 1');
    expect(bad.status).toBe(400);
    expect(bad.body).toMatchObject({ code: 'postgres-error', internal: { error: { status_code: '42601' } } });
  });

  it('is admin only', async () => {
    expect(
      await post(
        '/v2/query',
        { type: 'run_sql', args: { sql: 'select 1' } },
        { 'x-hasura-admin-secret': SECRET, 'x-hasura-role': 'user' },
      ),
    ).toEqual({
      status: 400,
      body: { path: '$.args', error: 'restricted access : admin only', code: 'access-denied' },
    });
    expect((await post('/v2/query', { type: 'run_sql', args: { sql: 'select 1' } }, {})).status).toBe(401);
    expect(
      (await post('/v1/query', { type: 'run_sql', args: { sql: 'select 1' } }, { 'x-hasura-admin-secret': 'nope' }))
        .status,
    ).toBe(401);
  });
});

describe('/v1/query', () => {
  it('tracks tables and permissions (the schema follows), inserts and selects, and purges dropped tables', async () => {
    const setup = await post('/v1/query', {
      type: 'bulk',
      args: [
        {
          type: 'run_sql',
          args: {
            sql: 'create table article (id serial primary key, title text, author_id int references author(id));',
          },
        },
        { type: 'track_table', args: { schema: 'public', name: 'author' } },
        { type: 'track_table', args: { schema: 'public', name: 'article' } },
        {
          type: 'create_array_relationship',
          args: {
            table: 'author',
            name: 'articles',
            using: { foreign_key_constraint_on: { table: 'article', column: 'author_id' } },
          },
        },
        {
          type: 'create_select_permission',
          args: {
            table: 'author',
            role: 'user',
            permission: { columns: ['id', 'name'], filter: { id: { _eq: 'X-Hasura-User-Id' } } },
          },
        },
        {
          type: 'insert',
          args: {
            table: 'article',
            objects: [
              { title: 't1', author_id: 1 },
              { title: 't2', author_id: 2 },
            ],
          },
        },
      ],
    });
    expect(setup).toEqual({
      status: 200,
      body: [
        { result_type: 'CommandOk', result: null },
        { message: 'success' },
        { message: 'success' },
        { message: 'success' },
        { message: 'success' },
        { affected_rows: 2 },
      ],
    });
    const gql = await post(
      '/v1/graphql',
      { query: '{ author { id name } }' },
      { 'x-hasura-admin-secret': SECRET, 'x-hasura-role': 'user', 'x-hasura-user-id': '2' },
    );
    expect(gql.body).toEqual({ data: { author: [{ id: 2, name: 'B' }] } });
    const adminQ = await post('/v1/graphql', { query: '{ author(order_by: {id: asc}) { name articles { title } } }' });
    expect(adminQ.body).toEqual({
      data: {
        author: [
          { name: 'A', articles: [{ title: 't1' }] },
          { name: 'B', articles: [{ title: 't2' }] },
        ],
      },
    });
    expect(await post('/v2/query', { type: 'select', args: { table: 'author', columns: ['name'] } })).toEqual({
      status: 200,
      body: [{ name: 'A' }, { name: 'B' }],
    });
    const again = await post('/v1/query', { type: 'track_table', args: { schema: 'public', name: 'author' } });
    expect(again.status).toBe(400);
    expect(again.body).toMatchObject({ code: 'already-tracked' });

    expect((await runSql('drop table article; drop table author;')).status).toBe(200);
    const md = await post('/v1/metadata', { type: 'export_metadata', args: {} });
    expect((md.body as { sources: { tables: unknown[] }[] }).sources[0]?.tables).toEqual([]);
    expect((await post('/v1/metadata', { type: 'get_inconsistent_metadata', args: {} })).body).toMatchObject({
      is_consistent: true,
    });
  });

  it('/v1/metadata accepts the pg_ per-object operations', async () => {
    await runSql('create table t (id int primary key);');
    expect(
      await post('/v1/metadata', {
        type: 'pg_track_table',
        args: { source: 'default', table: { schema: 'public', name: 't' } },
      }),
    ).toEqual({ status: 200, body: { message: 'success' } });
    expect(
      await post('/v1/metadata', {
        type: 'pg_create_select_permission',
        args: { source: 'default', table: 't', role: 'r', permission: { columns: '*', filter: {} } },
      }),
    ).toEqual({ status: 200, body: { message: 'success' } });
    expect(
      (await post('/v1/graphql', { query: '{ t { id } }' }, { 'x-hasura-admin-secret': SECRET, 'x-hasura-role': 'r' }))
        .body,
    ).toEqual({ data: { t: [] } });
  });
});
