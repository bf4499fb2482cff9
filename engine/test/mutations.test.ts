/**
 * Mutations and actions on our own metadata (hasura/metadata) over the migrated template database: one
 * transaction per request (no partial writes), unique violations under concurrency, insert presets/checks and
 * row filters for the student role, and synchronous actions against a real node:http handler (success, 4xx,
 * timeout, down handler, output validation).
 */
import { createServer } from 'node:http';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cloneTemplate } from '../../stack/src/testing.js';
import type { TestDb } from '../../stack/src/testing.js';
import { createRuntime, loadMetadataDir, makeSession } from '../src/index.js';
import type { HasuraMetadata, Runtime } from '../src/index.js';

const METADATA = fileURLToPath(new URL('../../hasura/metadata', import.meta.url));
const ME = 910001;
const OTHER = 910002;

let db: TestDb;
let rt: Runtime;
let handler: Server;
let seen: { path: string; headers: Record<string, unknown>; body: Record<string, unknown> }[] = [];

type Body = { data?: Record<string, unknown>; errors?: { message: string; extensions: Record<string, unknown> }[] };

async function run(
  role: string,
  query: string,
  userId: number | null = ME,
  variables?: Record<string, unknown>,
  headers: Record<string, string> = {},
): Promise<Body> {
  const vars: Record<string, string> = userId === null ? {} : { 'x-hasura-user-id': String(userId) };
  const res = await rt.execute({ query, variables: variables ?? null }, makeSession(role, vars), { headers });
  return JSON.parse(res.body) as Body;
}

async function count(sql: string): Promise<number> {
  const c = new pg.Client({ connectionString: db.directUrl('postgres') });
  await c.connect();
  try {
    const r = await c.query<{ n: string }>(sql);
    return Number(r.rows[0]?.n ?? 0);
  } finally {
    await c.end();
  }
}

function startHandler(): Promise<string> {
  handler = createServer((req, res) => {
    let raw = '';
    req.on('data', (c: Buffer) => (raw += c.toString()));
    req.on('end', () => {
      const body = JSON.parse(raw || '{}') as Record<string, unknown>;
      seen.push({ path: req.url ?? '', headers: req.headers, body });
      const send = (status: number, json: unknown, extra: Record<string, string> = {}): void => {
        res.writeHead(status, { 'Content-Type': 'application/json', ...extra });
        res.end(JSON.stringify(json));
      };
      if (req.url === '/ok') send(200, { id: ME, note: 'hello' }, { 'Set-Cookie': 'a=b; Path=/' });
      else if (req.url === '/bad') send(400, { message: 'name already used', code: 'name-taken' });
      else if (req.url === '/bad-ext') send(422, { message: 'nope', extensions: { code: 'x', detail: 1 } });
      else if (req.url === '/missing') send(200, { note: 'no id' });
      else if (req.url === '/null') send(200, null);
      else if (req.url === '/boom') send(500, { error: 'crash' });
      // '/slow' never answers
    });
  });
  return new Promise((resolve) =>
    handler.listen(0, '127.0.0.1', () => resolve(`http://127.0.0.1:${(handler.address() as AddressInfo).port}`)),
  );
}

function withActions(md: HasuraMetadata): HasuraMetadata {
  const mk = (
    name: string,
    path: string,
    type: 'query' | 'mutation',
    timeout?: number,
  ): NonNullable<HasuraMetadata['actions']>[number] => ({
    name,
    definition: {
      kind: 'synchronous',
      type,
      handler: `{{TEST_ACTION_BASE}}${path}`,
      arguments: [{ name: 'name', type: 'String!' }],
      output_type: 'TestResult!',
      forward_client_headers: true,
      headers: [{ name: 'X-Secret', value_from_env: 'TEST_ACTION_SECRET' }],
      ...(timeout ? { timeout } : {}),
    },
    permissions: [{ role: 'student' }],
  });
  return {
    ...md,
    actions: [
      mk('test_ok', '/ok', 'mutation'),
      mk('test_bad', '/bad', 'mutation'),
      mk('test_bad_ext', '/bad-ext', 'mutation'),
      mk('test_missing', '/missing', 'query'),
      mk('test_null', '/null', 'query'),
      mk('test_boom', '/boom', 'query'),
      mk('test_slow', '/slow', 'query', 1),
      {
        ...mk('test_down', '/down', 'query'),
        definition: { ...mk('x', '', 'query').definition, handler: 'http://127.0.0.1:1/down' },
      },
    ],
    custom_types: {
      ...md.custom_types,
      objects: [
        ...(md.custom_types?.objects ?? []),
        {
          name: 'TestResult',
          fields: [
            { name: 'id', type: 'Int!' },
            { name: 'note', type: 'String' },
          ],
          relationships: [
            {
              name: 'user',
              type: 'object',
              remote_table: { schema: 'public', name: 'users' },
              field_mapping: { id: 'user_id' },
            },
          ],
        },
      ],
    },
  };
}

beforeAll(async () => {
  db = await cloneTemplate();
  const c = new pg.Client({ connectionString: db.directUrl('postgres') });
  await c.connect();
  await c.query(
    `insert into seasons (season_code, term, year) values ('209901', 'spring', 2099) on conflict do nothing`,
  );
  await c.query(`insert into users (user_id, display_name) values (${ME}, 'me'), (${OTHER}, 'other')`);
  await c.query(`insert into saved_searches (user_id, name, query) values (${OTHER}, 'theirs', '{}')`);
  await c.end();
  const base = await startHandler();
  rt = await createRuntime({
    metadata: withActions(await loadMetadataDir(METADATA)),
    databaseUrl: db.directUrl('ct_engine'),
    env: { TEST_ACTION_BASE: base, TEST_ACTION_SECRET: 's3cret' },
  });
});

afterAll(async () => {
  await rt?.close();
  await new Promise((r) => handler?.close(r));
  await db?.drop();
});

describe('mutations: transactions and constraints', () => {
  it('loads with zero inconsistencies', () => {
    expect(rt.inconsistencies()).toEqual([]);
  });

  it('two concurrent inserts violating a unique key: exactly one succeeds, the other is constraint-violation', async () => {
    const q = `mutation { insert_wishlist_items_one(object: {season_code: "209901", crn: 4242}) { crn user_id } }`;
    const results = await Promise.all([run('student', q), run('student', q)]);
    const ok = results.filter((r) => r.data);
    const failed = results.filter((r) => r.errors);
    expect(ok).toHaveLength(1);
    expect(failed).toHaveLength(1);
    expect(failed[0]?.errors?.[0]?.extensions['code']).toBe('constraint-violation');
    expect(failed[0]?.errors?.[0]?.message).toMatch(
      /^Uniqueness violation\. duplicate key value violates unique constraint/,
    );
    expect(await count(`select count(*) as n from wishlist_items where user_id = ${ME} and crn = 4242`)).toBe(1);
  });

  it('a multi-field mutation whose last field fails leaves no partial write', async () => {
    const r = await run(
      'admin',
      `mutation {
      a: insert_wishlist_items_one(object: {user_id: ${ME}, season_code: "209901", crn: 5151}) { crn }
      b: update_saved_searches(where: {user_id: {_eq: ${OTHER}}}, _set: {name: "renamed"}) { affected_rows }
      c: insert_wishlist_items(objects: [{user_id: ${ME}, season_code: "209901", crn: 5152}, {user_id: ${ME}, season_code: "209901", crn: 5152}]) { affected_rows }
    }`,
    );
    expect(r.errors?.[0]?.extensions['code']).toBe('constraint-violation');
    expect(r.data).toBeUndefined();
    expect(await count(`select count(*) as n from wishlist_items where crn in (5151, 5152)`)).toBe(0);
    expect(await count(`select count(*) as n from saved_searches where name = 'renamed'`)).toBe(0);
  });
});

describe('mutations: student permissions on our metadata', () => {
  it('insert presets user_id from the session; the column is not in the input type', async () => {
    const r = await run(
      'student',
      `mutation { insert_wishlist_items(objects: [{season_code: "209901", crn: 77}]) { affected_rows returning { user_id season_code crn } } }`,
    );
    expect(r.data?.['insert_wishlist_items']).toEqual({
      affected_rows: 1,
      returning: [{ user_id: ME, season_code: '209901', crn: 77 }],
    });
    const bad = await run(
      'student',
      `mutation { insert_wishlist_items(objects: [{user_id: ${OTHER}, season_code: "209901", crn: 78}]) { affected_rows } }`,
    );
    expect(bad.errors?.[0]).toEqual({
      message: "field 'user_id' not found in type: 'wishlist_items_insert_input'",
      extensions: { path: '$.selectionSet.insert_wishlist_items.args.objects[0].user_id', code: 'validation-failed' },
    });
  });

  it('update and delete only reach own rows', async () => {
    const u = await run(
      'student',
      `mutation { update_saved_searches(where: {}, _set: {name: "x"}) { affected_rows } }`,
      OTHER + 1000,
    );
    expect(u.data?.['update_saved_searches']).toEqual({ affected_rows: 0 });
    const d = await run(
      'student',
      `mutation { delete_saved_searches(where: {name: {_eq: "theirs"}}) { affected_rows } }`,
    );
    expect(d.data?.['delete_saved_searches']).toEqual({ affected_rows: 0 });
    expect(await count(`select count(*) as n from saved_searches where name = 'theirs'`)).toBe(1);
  });

  it('a student has no mutation on tables without write permissions', async () => {
    const r = await run('student', `mutation { insert_users(objects: [{display_name: "x"}]) { affected_rows } }`);
    expect(r.errors?.[0]?.message).toBe("field 'insert_users' not found in type: 'mutation_root'");
    const anon = await run(
      'anonymous',
      `mutation { insert_saved_searches(objects: [{name: "x", query: {}}]) { affected_rows } }`,
      null,
    );
    expect(anon.errors?.[0]?.message).toBe('no mutations exist');
  });

  it('a missing session variable in a preset is not-found', async () => {
    const r = await run(
      'student',
      `mutation { insert_wishlist_items_one(object: {season_code: "209901", crn: 1}) { crn } }`,
      null,
    );
    expect(r.errors?.[0]).toEqual({
      message: 'missing session variable: "x-hasura-user-id"',
      extensions: { path: '$', code: 'not-found' },
    });
  });
});

describe('actions against a real handler', () => {
  it('success: exact body, headers, relationship under select permission, Set-Cookie forwarded', async () => {
    seen = [];
    const q = 'mutation { test_ok(name: "n") { id note user { user_id display_name } } }';
    const res = await rt.execute({ query: q }, makeSession('student', { 'x-hasura-user-id': String(ME) }), {
      headers: { 'User-Agent': 'browser', Authorization: 'Bearer t', 'x-hasura-user-id': '1' },
    });
    expect(JSON.parse(res.body)).toEqual({
      data: { test_ok: { id: ME, note: 'hello', user: { user_id: ME, display_name: 'me' } } },
    });
    expect(res.headers?.['Set-Cookie']).toBe('a=b; Path=/');
    const call = seen[0];
    expect(call?.body).toEqual({
      action: { name: 'test_ok' },
      input: { name: 'n' },
      session_variables: { 'x-hasura-user-id': String(ME), 'x-hasura-role': 'student' },
      request_query: q,
    });
    expect(call?.headers['user-agent']).toBe('hasura-graphql-engine/v2.48.10');
    expect(call?.headers['x-forwarded-user-agent']).toBe('browser');
    expect(call?.headers['authorization']).toBe('Bearer t');
    expect(call?.headers['x-secret']).toBe('s3cret');
    expect(call?.headers['x-hasura-user-id']).toBeUndefined();
  });

  it('4xx: message and code from the handler; extensions verbatim when given', async () => {
    const r = await run('student', 'mutation { test_bad(name: "n") { id } }');
    expect(r.errors).toEqual([{ message: 'name already used', extensions: { path: '$', code: 'name-taken' } }]);
    const e = await run('student', 'mutation { test_bad_ext(name: "n") { id } }');
    expect(e.errors).toEqual([{ message: 'nope', extensions: { code: 'x', detail: 1 } }]);
  });

  it('output validation with Hasura messages; internal only for admin', async () => {
    const m = await run('student', '{ test_missing(name: "n") { id } }');
    expect(m.errors).toEqual([
      {
        message: 'field "id" expected in webhook response, but not found',
        extensions: { path: '$', code: 'unexpected' },
      },
    ]);
    const n = await run('student', '{ test_null(name: "n") { id } }');
    expect(n.errors?.[0]?.message).toBe('got null for the action webhook response');
    const boom = await run('admin', '{ test_boom(name: "n") { id } }');
    expect(boom.errors?.[0]?.message).toBe('internal error');
    expect((boom.errors?.[0]?.extensions['internal'] as { response: { status: number } }).response.status).toBe(500);
  });

  it('a hung handler is cut at its timeout; a down handler gives a clean error', async () => {
    const t0 = Date.now();
    const slow = await run('student', '{ test_slow(name: "n") { id } }');
    expect(Date.now() - t0).toBeLessThan(5000);
    expect(slow.errors?.[0]?.message).toBe('http exception when calling webhook');
    const down = await run('student', '{ test_down(name: "n") { id } }');
    expect(down.errors?.[0]).toEqual({
      message: 'http exception when calling webhook',
      extensions: { path: '$', code: 'unexpected' },
    });
  });

  it('actions are visible only to permitted roles', async () => {
    const r = await run('anonymous', '{ test_missing(name: "n") { id } }', null);
    expect(r.errors?.[0]?.message).toBe("field 'test_missing' not found in type: 'query_root'");
  });
});
