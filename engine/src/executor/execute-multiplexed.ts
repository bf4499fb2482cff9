/**
 * Postgres side of live queries (engine/src/subscriptions): learn the parameter types Postgres infers for a compiled
 * statement (once per poller), and run one multiplexed statement per cohort batch (src:
 * Hasura/Backends/Postgres/Execute/Subscription.hs `executeMultiplexedQuery`). Unnamed statements for the polls; the
 * type lookup runs `PREPARE`/`DEALLOCATE` inside one transaction, so it is pgbouncer-safe.
 */
import { withTransaction } from './transaction.js';
import { randomUUID } from 'node:crypto';
import type pg from 'pg';
import type { CompiledQuery, SQL } from '../compiler/sql.js';
import { compile, ident, sql, value } from '../compiler/sql.js';
import { mapPgError } from './map-pg-error.js';

/** `regtype` names of `$1…$n` as Postgres resolves them for `frag` (the types `pg` would have bound). */
export async function describeParams(pool: pg.Pool, frag: SQL): Promise<string[]> {
  const name = `hge_mx_${randomUUID().replace(/-/g, '')}`;
  // The PREPARE text carries `$n` placeholders only; its bound values are deliberately not sent.
  const prep = compile(sql`PREPARE ${ident(name)} AS ${frag}`);
  const look = compile(
    sql`SELECT parameter_types::text[] AS "t" FROM pg_prepared_statements WHERE name = ${value(name)}`,
  );
  const deallocate = compile(sql`DEALLOCATE ${ident(name)}`);
  try {
    return await withTransaction(pool, async (client) => {
      await client.query(prep.text);
      const res = await client.query<{ t: string[] | null }>({ text: look.text, values: look.values as unknown[] });
      await client.query(deallocate.text);
      return res.rows[0]?.t ?? [];
    });
  } catch (err) {
    throw mapPgError(err, prep.text, []);
  }
}

/** Run a multiplexed statement; rows are `{result_id, f0, f1, …}` with JSON texts. */
export async function executeMultiplexed(pool: pg.Pool, q: CompiledQuery): Promise<Record<string, string | null>[]> {
  try {
    const res = await pool.query<Record<string, string | null>>({ text: q.text, values: q.values as unknown[] });
    return res.rows;
  } catch (err) {
    throw mapPgError(err, q.text, q.values);
  }
}
