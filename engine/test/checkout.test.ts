/**
 * A connection cut while a client is checked out of the engine's pool (Postgres restarting between two statements
 * of a mutation's transaction) fails that request only: no uncaught 'error' event ends the process, the broken
 * client is not handed out again, and the pool keeps serving.
 */
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { emptyDatabase } from '../../stack/src/testing.js';
import type { TestDb } from '../../stack/src/testing.js';
import { withClient } from '../src/executor/checkout.js';

let db: TestDb;
let pool: pg.Pool;
let admin: pg.Client;

beforeAll(async () => {
  db = await emptyDatabase();
  pool = new pg.Pool({ connectionString: db.directUrl('ct_engine'), max: 2 });
  pool.on('error', () => undefined);
  admin = new pg.Client({ connectionString: db.directUrl('postgres') });
  await admin.connect();
});

afterAll(async () => {
  await admin?.end();
  await pool?.end();
  await db?.drop();
});

describe('withClient', () => {
  it('turns a connection cut between two statements into that request’s error', async () => {
    const uncaught: unknown[] = [];
    const onUncaught = (e: unknown): void => void uncaught.push(e);
    process.on('uncaughtException', onUncaught);
    try {
      const pids: number[] = [];
      const attempt = withClient(pool, async (c) => {
        await c.query('BEGIN');
        const r = await c.query<{ pid: number }>('SELECT pg_backend_pid() AS pid');
        pids.push(r.rows[0]!.pid);
        await admin.query('SELECT pg_terminate_backend($1)', [r.rows[0]!.pid]);
        await new Promise((ok) => setTimeout(ok, 300)); // the cut arrives while no statement runs
        await c.query('SELECT 1');
        await c.query('COMMIT');
      });
      await expect(attempt).rejects.toThrow();
      expect(uncaught).toEqual([]);
      // the pool serves again, on a new connection
      const again = await withClient(pool, (c) => c.query<{ pid: number }>('SELECT pg_backend_pid() AS pid'));
      expect(again.rows[0]!.pid).not.toBe(pids[0]);
    } finally {
      process.off('uncaughtException', onUncaught);
    }
  });

  it('keeps the client after an ordinary SQL error', async () => {
    const pidOf = (c: pg.PoolClient) => c.query<{ pid: number }>('SELECT pg_backend_pid() AS pid');
    const first = await withClient(pool, pidOf);
    await expect(withClient(pool, (c) => c.query('SELECT 1/0'))).rejects.toThrow(/division by zero/);
    const pids = await Promise.all([withClient(pool, pidOf), withClient(pool, pidOf)]);
    expect(pids.map((r) => r.rows[0]!.pid)).toContain(first.rows[0]!.pid);
  });
});
