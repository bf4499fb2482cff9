import { afterAll, describe, expect, it } from 'vitest';
import pg from 'pg';
import { Redis } from 'ioredis';
import { emptyDatabase, testStack, type TestDb } from '../src/testing.js';

describe('service harness', () => {
  const dbs: TestDb[] = [];
  afterAll(async () => {
    for (const db of dbs) await db.drop();
  });

  it('serves each runtime role through pgbouncer in transaction mode', async () => {
    const db = await emptyDatabase();
    dbs.push(db);
    for (const role of ['ct_engine', 'ct_api', 'ct_readonly'] as const) {
      const client = new pg.Client(db.bouncerUrl(role));
      await client.connect();
      const { rows } = await client.query<{ current_user: string }>('select current_user');
      expect(rows[0]?.current_user).toBe(role);
      await client.end();
    }
  });

  it('does not let the owner in through pgbouncer (db/pgbouncer/entrypoint.sh writes no ct_owner entry)', async () => {
    const db = await emptyDatabase();
    dbs.push(db);
    const client = new pg.Client(db.bouncerUrl('ct_owner'));
    await expect(client.connect()).rejects.toThrow(/authentication failed/);
    const direct = new pg.Client(db.directUrl('ct_owner'));
    await direct.connect();
    await direct.end();
  });

  it('rejects a wrong password at pgbouncer', async () => {
    const db = await emptyDatabase();
    dbs.push(db);
    const url = db.bouncerUrl('ct_engine').replace(/:[^:@/]+@/, ':wrong@');
    const client = new pg.Client(url);
    await expect(client.connect()).rejects.toThrow(/authentication failed/);
  });

  it('runs a Redis that answers', async () => {
    const redis = new Redis(testStack().redis!.url);
    expect(await redis.ping()).toBe('PONG');
    redis.disconnect();
  });
});
