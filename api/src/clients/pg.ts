/**
 * The Postgres pool (role ct_api, through pgbouncer in transaction pooling): no named prepared statements and no
 * session state outside a transaction.
 */
import pg from 'pg';
import type { Logger } from 'pino';

export type Pool = pg.Pool;
export type PoolClient = pg.PoolClient;

export function createPool(url: string, opts: { max: number; logger: Logger }): pg.Pool {
  const pool = new pg.Pool({
    connectionString: url,
    max: opts.max,
    connectionTimeoutMillis: 2000,
    idleTimeoutMillis: 10_000,
    application_name: 'coursetable-api',
  });
  pool.on('error', (err) => opts.logger.warn({ err: { message: err.message } }, 'idle pg client error'));
  // The pool listens for errors only on idle clients. A connection cut while a client is checked out (Postgres
  // restarting behind pgbouncer ends the transaction's server connection) would otherwise be an unhandled 'error'
  // event and take the process down. The query in progress fails anyway, and the pool drops the broken client on
  // release.
  pool.on('connect', (client) => {
    client.on('error', (err) => opts.logger.warn({ err: { message: err.message } }, 'pg client error'));
  });
  return pool;
}

/** Run `fn` in one transaction (BEGIN … COMMIT, ROLLBACK on error). */
export async function withTransaction<T>(pool: pg.Pool, fn: (client: pg.PoolClient) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  try {
    await client.query('begin');
    const result = await fn(client);
    await client.query('commit');
    return result;
  } catch (err) {
    await client.query('rollback').catch(() => undefined);
    throw err;
  } finally {
    client.release();
  }
}

/** SQLSTATE of a pg error, if any. */
export function pgCode(err: unknown): string | undefined {
  return typeof err === 'object' && err !== null && 'code' in err && typeof err.code === 'string'
    ? err.code
    : undefined;
}
