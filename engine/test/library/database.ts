/**
 * The example's database: a migrated database with two students and their worksheets. In this repository it is a
 * clone of the test stack's template (the migrations applied); in yours, whatever your tests already use.
 */
import pg from 'pg';
import { cloneTemplate } from '../../../stack/src/testing.js';

export interface ExampleDatabase {
  /** The URL the engine connects with (this repository's least-privileged engine role). */
  readonly url: string;
  drop(): Promise<void>;
}

export async function exampleDatabase(): Promise<ExampleDatabase> {
  const db = await cloneTemplate();
  const c = new pg.Client({ connectionString: db.directUrl('postgres') });
  await c.connect();
  try {
    await c.query(`insert into seasons (season_code, term, year) values ('209901', 'spring', 2099)
      on conflict do nothing`);
    await c.query(`insert into users (user_id, display_name) values (910001, 'ada'), (910002, 'bob')`);
    await c.query(`insert into worksheets (worksheet_id, user_id, season_code, worksheet_number, name, private) values
      (991001, 910001, '209901', 0, 'ada private', true), (991002, 910002, '209901', 0, 'bob private', true)`);
  } finally {
    await c.end();
  }
  return { url: db.directUrl('ct_engine'), drop: () => db.drop() };
}
