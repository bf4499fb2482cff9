/** `EXPLAIN` of a compiled root field (/v1/graphql/explain): the plan lines Postgres prints. */
import type pg from 'pg';
import { explainOf } from '../compiler/sql.js';
import type { CompiledQuery } from '../compiler/sql.js';
import { mapPgError } from './map-pg-error.js';

export async function explainStatement(pool: pg.Pool, q: CompiledQuery): Promise<string[]> {
  const e = explainOf(q);
  try {
    const res = await pool.query<{ 'QUERY PLAN': string }>({ text: e.text, values: e.values as unknown[] });
    return res.rows.map((r) => r['QUERY PLAN']);
  } catch (err) {
    throw mapPgError(err, q.text, q.values);
  }
}
