/**
 * A Postgres connection cut while a pool client is checked out (what a Postgres restart does to an open transaction
 * behind pgbouncer, found by proof/test/faults.test.ts) fails that transaction and nothing else: no unhandled
 * 'error' event takes the process down, and the pool goes on with a fresh connection.
 */
import { pino } from 'pino';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPool, withTransaction, type Pool } from '../../src/clients/pg.js';
import { cloneTemplate, type TestDb } from '../../../stack/src/testing.js';

let db: TestDb;
let pool: Pool;
let admin: pg.Client;

beforeAll(async () => {
  db = await cloneTemplate();
  pool = createPool(db.directUrl('ct_api'), { max: 2, logger: pino({ level: 'silent' }) });
  admin = new pg.Client({ connectionString: db.directUrl('postgres') });
  await admin.connect();
});

afterAll(async () => {
  await pool?.end();
  await admin?.end();
  await db?.drop();
});

describe('the API pg pool', () => {
  it('survives a connection cut inside a transaction', async () => {
    const cut = withTransaction(pool, async (c) => {
      const { rows } = await c.query<{ pid: number }>('select pg_backend_pid() as pid');
      await admin.query('select pg_terminate_backend($1)', [rows[0]?.pid]);
      // The client learns of the cut from the socket, between queries: wait for it.
      await new Promise((r) => setTimeout(r, 200));
      await c.query('select 1');
    });
    await expect(cut).rejects.toThrow();
    const { rows } = await pool.query<{ one: number }>('select 1 as one');
    expect(rows).toEqual([{ one: 1 }]);
  });
});
