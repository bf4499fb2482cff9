/** Run one compiled statement on the pool and return its first row (undefined when it returned none). */
import type pg from 'pg';
import type { CompiledQuery } from '../compiler/sql.js';
import { mapPgError } from './map-pg-error.js';

export async function queryFirstRow<R extends Record<string, unknown>>(
  pool: pg.Pool,
  q: CompiledQuery,
): Promise<R | undefined> {
  try {
    const res = await pool.query<R>({ text: q.text, values: q.values as unknown[] });
    return res.rows[0];
  } catch (err) {
    throw mapPgError(err, q.text, q.values);
  }
}
