/**
 * Transactions, the one way the engine opens one: BEGIN (optionally READ ONLY), the work, COMMIT; ROLLBACK when the
 * work or the COMMIT fails (a failed ROLLBACK is ignored: the connection is then broken and the pool destroys it).
 */
import type pg from 'pg';
import { compile, raw } from '../compiler/sql.js';
import type { CompiledQuery } from '../compiler/sql.js';
import { withClient } from './checkout.js';

const BEGIN = compile(raw('BEGIN'));
const BEGIN_READ_ONLY = compile(raw('BEGIN READ ONLY'));
const COMMIT = compile(raw('COMMIT'));
const ROLLBACK = compile(raw('ROLLBACK'));

export interface TransactionOptions {
  readonly readOnly?: boolean;
  /** How a failed BEGIN or COMMIT is reported (a deferred constraint fails at COMMIT); default: as thrown. */
  readonly mapError?: (err: unknown, q: CompiledQuery) => unknown;
}

async function send(client: pg.PoolClient, q: CompiledQuery, opts: TransactionOptions): Promise<void> {
  try {
    await client.query({ text: q.text, values: q.values as unknown[] });
  } catch (e) {
    throw opts.mapError ? opts.mapError(e, q) : e;
  }
}

/** Run `work` inside a transaction on a client already checked out. */
export async function inTransaction<T>(
  client: pg.PoolClient,
  work: () => Promise<T>,
  opts: TransactionOptions = {},
): Promise<T> {
  await send(client, opts.readOnly ? BEGIN_READ_ONLY : BEGIN, opts);
  try {
    const result = await work();
    await send(client, COMMIT, opts);
    return result;
  } catch (e) {
    await client.query(ROLLBACK.text).catch(() => undefined);
    throw e;
  }
}

/** Check out a client of `pool` and run `work` inside a transaction on it. */
export function withTransaction<T>(
  pool: pg.Pool,
  work: (client: pg.PoolClient) => Promise<T>,
  opts: TransactionOptions = {},
): Promise<T> {
  return withClient(pool, (client) => inTransaction(client, () => work(client), opts));
}
