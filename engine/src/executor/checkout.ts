/**
 * Clients checked out of the pool. A connection that breaks while a client is checked out (Postgres or pgbouncer
 * restarting) makes the client emit 'error'; without a listener Node ends the process (pg-pool only listens on idle
 * clients). Here the break fails the statement in flight like any database error, and the client is released as
 * broken, so the pool destroys it instead of handing it out again.
 */
import type pg from 'pg';

const guarded = new WeakSet<pg.PoolClient>();

function ignore(): void {
  /* the same failure reaches the caller through the query in flight */
}

/** A SQLSTATE of a failed statement leaves the connection usable, except connection and shutdown classes. */
function breaksConnection(e: unknown): boolean {
  const code = (e as { code?: unknown } | null)?.code;
  return typeof code !== 'string' || !/^[0-9A-Z]{5}$/.test(code) || code.startsWith('08') || code.startsWith('57P');
}

/** Run `use` with a client of `pool`, always released (destroyed when its connection broke). */
export async function withClient<T>(pool: pg.Pool, use: (client: pg.PoolClient) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  if (!guarded.has(client)) {
    client.on('error', ignore);
    guarded.add(client);
  }
  let broken: Error | undefined;
  try {
    return await use(client);
  } catch (e) {
    if (breaksConnection(e)) broken = e instanceof Error ? e : new Error('connection broken');
    throw e;
  } finally {
    client.release(broken);
  }
}
