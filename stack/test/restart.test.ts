/**
 * restartService (fault injection): each service comes back on the same port with its data, and clients that keep
 * their connections (ioredis, a pg pool through pgbouncer) carry on. Runs on its own throwaway stack so that the
 * shared test stack is never restarted under other test files.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Redis } from 'ioredis';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { restartService, startStack, type Stack } from '../src/harness.js';
import { alive } from '../src/processes.js';

let stack: Stack;
let redis: Redis;
let pool: pg.Pool;

beforeAll(async () => {
  stack = await startStack({ dir: mkdtempSync(join(tmpdir(), 'ct-restart-')), persistent: false });
  await stack.createDatabase('r');
  redis = new Redis(stack.redis!.url, { maxRetriesPerRequest: 1, retryStrategy: () => 100 });
  redis.on('error', () => undefined);
  pool = new pg.Pool({ connectionString: stack.bouncerUrl('r', 'ct_api'), max: 4 });
  pool.on('error', () => undefined);
}, 60_000);

afterAll(async () => {
  redis?.disconnect();
  await pool?.end();
  await stack?.stop();
});

/** Runs `select 1` every 20 ms while `during` runs; returns the errors and the slowest query's duration. */
async function queryWhile(during: () => Promise<unknown>): Promise<{ errors: string[]; slowestMs: number }> {
  const errors: string[] = [];
  let slowestMs = 0;
  let running = true;
  const loop = (async () => {
    while (running) {
      const t0 = performance.now();
      await pool.query({ text: 'select 1', query_timeout: 5000 } as pg.QueryConfig).catch((e: Error) => {
        errors.push(e.message);
      });
      slowestMs = Math.max(slowestMs, performance.now() - t0);
      await new Promise((r) => setTimeout(r, 20));
    }
  })();
  await during();
  await new Promise((r) => setTimeout(r, 500));
  running = false;
  await loop;
  return { errors, slowestMs };
}

describe('restartService', () => {
  it('restarts Redis on the same port and keeps its data (AOF)', async () => {
    await redis.set('session:x', 'kept');
    const before = stack.pids.redis;
    const { downMs } = await restartService(stack, 'redis', { downMs: 300 });
    expect(downMs).toBeGreaterThanOrEqual(300);
    expect(stack.pids.redis).not.toBe(before);
    expect(alive(stack.pids.redis!)).toBe(true);
    await expect.poll(() => redis.get('session:x').catch(() => null), { timeout: 5000 }).toBe('kept');
  });

  it('restarts Postgres behind pgbouncer: queries during the restart wait and succeed', async () => {
    const before = stack.pids.postgres;
    // server_login_retry = 1: without it pgbouncer refuses every client for 15 s after one failed server login.
    // With the default 15 s, a query arriving while Postgres is down waits ~15 s (or fails with "server login has
    // been failing"); with 1 s it waits about as long as Postgres is down.
    const { errors, slowestMs } = await queryWhile(() => restartService(stack, 'postgres', { downMs: 1000 }));
    expect(stack.pids.postgres).not.toBe(before);
    // Queries caught by the shutdown or the start-up may fail (pgbouncer passes the login error on); nothing else.
    expect(
      errors.filter((m) => !/shutting down|starting up|terminating connection|server conn crashed/.test(m)),
    ).toEqual([]);
    expect(slowestMs).toBeLessThan(4000);
    expect((await pool.query<{ one: number }>('select 1 as one')).rows).toEqual([{ one: 1 }]);
    await restartService(stack, 'postgres');
    // A login pgbouncer tried while Postgres was down makes it refuse clients for server_login_retry (1 s).
    await expect
      .poll(async () => (await pool.query<{ one: number }>('select 1 as one').catch(() => ({ rows: [] }))).rows, {
        timeout: 3000,
      })
      .toEqual([{ one: 1 }]);
  });

  it('restarts pgbouncer on the same port', async () => {
    await restartService(stack, 'pgbouncer');
    await expect
      .poll(async () => (await pool.query<{ one: number }>('select 1 as one').catch(() => ({ rows: [] }))).rows, {
        timeout: 5000,
      })
      .toEqual([{ one: 1 }]);
  });
});
