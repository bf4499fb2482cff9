import type pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { emptyDatabase, type TestDb } from '../../stack/src/testing.js';
import { migrateUp } from '../run.js';
import { sqlState, withClient } from './helpers.js';

// Written from ../shared/reference/course-schema.md and docs/design.md, not from the migrations.
const COURSE_TABLES = [
  'seasons',
  'courses',
  'listings',
  'professors',
  'course_professors',
  'flags',
  'course_flags',
  'course_meetings',
  'locations',
  'buildings',
  'evaluation_statistics',
  'evaluation_questions',
  'evaluation_ratings',
  'evaluation_narratives',
  'evaluation_narrative_summaries',
  'metadata',
];
const SECRET_TABLES = ['user_identities', 'password_credentials', 'password_reset_tokens', 'email_verification_tokens'];
const DENIED = '42501'; // insufficient_privilege
/** Column names that hold a secret (or a hash of one): no administrator reads them through pgAdmin. */
const SECRET_COLUMN = /password|token|secret|hash/i;

interface Column {
  table: string;
  column: string;
}

/** Every column of every table and view in schema public, with whether `role` may SELECT it (Postgres' answer). */
async function columnsReadableBy(client: pg.Client, role: string): Promise<(Column & { readable: boolean })[]> {
  const { rows } = await client.query<Column & { readable: boolean }>(
    `select c.relname as table, a.attname as column, has_column_privilege($1, c.oid, a.attnum, 'SELECT') as readable
     from pg_class c join pg_attribute a on a.attrelid = c.oid and a.attnum > 0 and not a.attisdropped
     where c.relnamespace = 'public'::regnamespace and c.relkind in ('r', 'p', 'v', 'm', 'f')
     order by 1, a.attnum`,
    [role],
  );
  return rows;
}

/** One column of each table to write in UPDATE statements. */
async function firstColumns(client: pg.Client): Promise<Map<string, string>> {
  const { rows } = await client.query<{ table_name: string; column_name: string }>(
    `select table_name, column_name from information_schema.columns
     where table_schema = 'public' and ordinal_position = 1`,
  );
  return new Map(rows.map((r) => [r.table_name, r.column_name]));
}

function writes(table: string, column: string): Record<string, string> {
  return {
    insert: `insert into ${table} default values`,
    update: `update ${table} set ${column} = ${column}`,
    delete: `delete from ${table}`,
    truncate: `truncate ${table} cascade`,
  };
}

describe('role privileges', () => {
  let db: TestDb;
  let columns: Map<string, string>;
  beforeAll(async () => {
    db = await emptyDatabase();
    await migrateUp(db.directUrl('ct_owner'));
    columns = await withClient(db.directUrl('ct_owner'), firstColumns);
  });
  afterAll(() => db.drop());

  for (const role of ['ct_engine', 'ct_api'] as const) {
    it(`${role} can read but never INSERT/UPDATE/DELETE/TRUNCATE any course table`, async () => {
      await withClient(db.directUrl(role), async (c) => {
        for (const table of COURSE_TABLES) {
          expect(await sqlState(c, `select * from ${table} limit 1`), `${role} select ${table}`).toBe('ok');
          for (const [verb, sql] of Object.entries(writes(table, columns.get(table) ?? 'x'))) {
            expect(await sqlState(c, sql), `${role} ${verb} ${table}`).toBe(DENIED);
          }
        }
      });
    });
  }

  it('ct_engine cannot read login identities, password credentials or reset tokens', async () => {
    await withClient(db.directUrl('ct_engine'), async (c) => {
      for (const table of SECRET_TABLES) {
        expect(await sqlState(c, `select * from ${table}`), table).toBe(DENIED);
        expect(await sqlState(c, `delete from ${table}`), table).toBe(DENIED);
      }
      expect(await sqlState(c, 'insert into users (display_name) values ($$x$$)')).toBe(DENIED);
      expect(await sqlState(c, 'delete from friendships')).toBe(DENIED);
    });
  });

  it("ct_engine writes only what the metadata's mutations write (wishlist items; renaming, deleting searches)", async () => {
    await withClient(db.directUrl('ct_owner'), async (c) => {
      await c.query(`insert into seasons (season_code, term, year) values ('202501', 'spring', 2025)`);
      await c.query(`insert into users (user_id, display_name) values (1000, 'Ada')`);
      await c.query(`insert into saved_searches (user_id, name, query) values (1000, 'cs', '{}')`);
    });
    await withClient(db.directUrl('ct_engine'), async (c) => {
      expect(
        await sqlState(c, `insert into wishlist_items (user_id, season_code, crn) values (1000, '202501', 1)`),
      ).toBe('ok');
      expect(await sqlState(c, `delete from wishlist_items`)).toBe('ok');
      expect(await sqlState(c, `update saved_searches set name = 'math', query = '{"a": 1}'`)).toBe('ok');
      expect(await sqlState(c, `delete from saved_searches`)).toBe('ok');
      // the API's actions write worksheets, profiles and new saved searches (as ct_api), never the engine
      const worksheet = `insert into worksheets (user_id, season_code, worksheet_number, name)
                         values (1000, '202501', 1, 'Plan B')`;
      expect(await sqlState(c, worksheet)).toBe(DENIED);
      expect(await sqlState(c, `update profile_fields set visibility = 'self'`)).toBe(DENIED);
      expect(await sqlState(c, `delete from worksheet_courses`)).toBe(DENIED);
      expect(await sqlState(c, `insert into saved_searches (user_id, name, query) values (1000, 'x', '{}')`)).toBe(
        DENIED,
      );
      // columns outside the permissions stay out of reach
      const stamped = `insert into wishlist_items (user_id, season_code, crn, added_at) values (1000, '202501', 2, now())`;
      expect(await sqlState(c, stamped)).toBe(DENIED);
      expect(await sqlState(c, `update saved_searches set user_id = 1000`)).toBe(DENIED);
    });
  });

  it('ct_api can write the user tables, sequences included', async () => {
    await withClient(db.directUrl('ct_api'), async (c) => {
      const sql = `with u as (insert into users (display_name, email) values ('Bo', 'bo@example.edu') returning user_id)
                   insert into password_credentials (user_id, password_hash) select user_id, '$argon2id$v=19$x' from u`;
      expect(await sqlState(c, sql)).toBe('ok');
    });
  });

  it('ct_readonly can read every column but the secret ones, and write nothing', async () => {
    const all = await withClient(db.directUrl('ct_owner'), (c) => columnsReadableBy(c, 'ct_readonly'));
    await withClient(db.directUrl('ct_readonly'), async (c) => {
      // The role defaults to read-only transactions; switch that off to test the privileges themselves.
      await c.query('set default_transaction_read_only = off');
      const { rows } = await c.query<{ tablename: string }>(
        `select tablename from pg_tables where schemaname = 'public' order by 1`,
      );
      expect(rows.length).toBeGreaterThanOrEqual(COURSE_TABLES.length + 11);
      for (const { tablename } of rows) {
        const visible = all.filter((x) => x.table === tablename && !SECRET_COLUMN.test(x.column)).map((x) => x.column);
        expect(visible.length, tablename).toBeGreaterThan(0);
        const list = visible.map((x) => `"${x}"`).join(', ');
        expect(await sqlState(c, `select ${list} from ${tablename} limit 1`), `select ${tablename}`).toBe('ok');
        for (const [verb, sql] of Object.entries(writes(tablename, columns.get(tablename) ?? 'x'))) {
          expect(await sqlState(c, sql), `${verb} ${tablename}`).toBe(DENIED);
        }
      }
      expect(await sqlState(c, 'create table public.x (id int)')).toBe(DENIED);
      expect(await sqlState(c, `select nextval('courses_course_id_seq')`)).toBe(DENIED);
    });
  });

  it('ct_readonly cannot read password hashes (pgAdmin sees no password_hash or token_hash)', async () => {
    await withClient(db.directUrl('ct_readonly'), async (c) => {
      expect(await sqlState(c, 'select password_hash from password_credentials')).toBe(DENIED);
      expect(await sqlState(c, 'select * from password_credentials')).toBe(DENIED);
      expect(await sqlState(c, 'select token_hash from password_reset_tokens')).toBe(DENIED);
      expect(await sqlState(c, 'select * from password_reset_tokens')).toBe(DENIED);
      // the rest of those rows stays visible to administrators
      expect(await sqlState(c, 'select user_id, updated_at from password_credentials')).toBe('ok');
      expect(await sqlState(c, 'select user_id, expires_at, used_at, created_at from password_reset_tokens')).toBe(
        'ok',
      );
    });
  });

  it('ct_readonly can read no column named like a secret (password, token, secret, hash), in any table', async () => {
    // Generic: a later migration that adds a secret column or table without hiding it from ct_readonly fails here.
    const all = await withClient(db.directUrl('ct_owner'), (c) => columnsReadableBy(c, 'ct_readonly'));
    expect(all.filter((x) => SECRET_COLUMN.test(x.column)).length).toBeGreaterThanOrEqual(2);
    const leaked = all.filter((x) => x.readable && SECRET_COLUMN.test(x.column)).map((x) => `${x.table}.${x.column}`);
    expect(leaked).toEqual([]);
    // and everything else stays readable (pgAdmin's view of the data is otherwise complete)
    const hidden = all.filter((x) => !x.readable && !SECRET_COLUMN.test(x.column)).map((x) => `${x.table}.${x.column}`);
    expect(hidden).toEqual([]);
  });
});
