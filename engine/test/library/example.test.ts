// Testing a role's permissions in-process: the engine reads the Hasura metadata directory and answers as Hasura
// would, with no server and no Docker. (In your project: `import { createEngine } from 'engine'`.)
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createEngine, type Engine } from '../../src/index.js';
import { exampleDatabase, type ExampleDatabase } from './database.js';

let db: ExampleDatabase;
let engine: Engine;

beforeAll(async () => {
  db = await exampleDatabase();
  engine = await createEngine({ metadata: 'hasura/metadata', databaseUrl: db.url });
});

afterAll(async () => {
  await engine?.close();
  await db?.drop();
});

it('a student sees their own private worksheet and not another student’s', async () => {
  const query = '{ worksheets(order_by: {worksheet_id: asc}) { name } }';
  const ada = await engine.execute({ query }, { 'x-hasura-role': 'student', 'x-hasura-user-id': '910001' });
  expect(ada).toEqual({ data: { worksheets: [{ name: 'ada private' }] } });
});

it('anonymous users cannot see worksheets at all', async () => {
  const r = await engine.execute({ query: '{ worksheets { name } }' }, { 'x-hasura-role': 'anonymous' });
  expect(r.errors?.[0]?.extensions).toEqual({ path: '$.selectionSet.worksheets', code: 'validation-failed' });
});
