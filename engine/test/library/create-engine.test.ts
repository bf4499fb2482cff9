/**
 * The library API (`createEngine`): metadata from a directory or as JSON, settings validated as `engine serve`
 * validates them, sessions from Hasura's session variables (admin without a role), Hasura-shaped errors, and close.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEngine, HasuraEnvError, loadMetadataDir, type Engine } from '../../src/index.js';
import { exampleDatabase, type ExampleDatabase } from './database.js';

let db: ExampleDatabase;
let engine: Engine;
const ADA = { 'x-hasura-role': 'student', 'x-hasura-user-id': '910001' };

beforeAll(async () => {
  db = await exampleDatabase();
  engine = await createEngine({ metadata: 'hasura/metadata', databaseUrl: db.url });
});

afterAll(async () => {
  await engine?.close();
  await db?.drop();
});

describe('createEngine', () => {
  it('runs as admin without session variables, and without x-hasura-role', async () => {
    const query =
      '{ worksheets(where: {worksheet_id: {_in: [991001, 991002]}}, order_by: {worksheet_id: asc}) { name } }';
    const all = { data: { worksheets: [{ name: 'ada private' }, { name: 'bob private' }] } };
    expect(await engine.execute({ query })).toEqual(all);
    expect(await engine.execute({ query }, { 'x-hasura-user-id': '910001' })).toEqual(all);
  });

  it('applies the role’s row filter with the session variables, whatever their case', async () => {
    const query = '{ worksheets { name } }';
    expect(await engine.execute({ query }, { 'X-Hasura-Role': 'student', 'X-HASURA-USER-ID': '910002' })).toEqual({
      data: { worksheets: [{ name: 'bob private' }] },
    });
  });

  it('answers with Hasura’s errors: a column the role cannot select, a missing session variable', async () => {
    const col = await engine.execute({ query: '{ users { password_hash } }' }, ADA);
    expect(col.errors?.[0]?.extensions?.['code']).toBe('validation-failed');
    expect(col.data).toBeUndefined();
    const missing = await engine.execute({ query: '{ worksheets { name } }' }, { 'x-hasura-role': 'student' });
    expect(missing.errors?.[0]).toMatchObject({ message: 'missing session variable: "x-hasura-user-id"' });
  });

  it('takes variables and an operation name', async () => {
    const r = await engine.execute(
      {
        query: 'query A($id: Int!) { worksheets_by_pk(worksheet_id: $id) { name } } query B { __typename }',
        variables: { id: 991001 },
        operationName: 'A',
      },
      ADA,
    );
    expect(r).toEqual({ data: { worksheets_by_pk: { name: 'ada private' } } });
  });

  it('accepts export_metadata JSON and reports no inconsistency for this repository’s metadata', async () => {
    const other = await createEngine({ metadata: await loadMetadataDir('hasura/metadata'), databaseUrl: db.url });
    try {
      expect(other.inconsistencies()).toEqual([]);
      expect(await other.execute({ query: '{ __typename }' })).toEqual({ data: { __typename: 'query_root' } });
    } finally {
      await other.close();
    }
  });

  it('refuses a setting Hasura would refuse, before connecting', async () => {
    await expect(
      createEngine({
        metadata: 'hasura/metadata',
        databaseUrl: 'postgres://nobody@127.0.0.1:1/none',
        env: { HASURA_GRAPHQL_STRINGIFY_NUMERIC_TYPES: 'maybe' },
      }),
    ).rejects.toBeInstanceOf(HasuraEnvError);
  });
});
