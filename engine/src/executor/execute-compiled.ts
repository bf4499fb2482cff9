/**
 * Run a compiled operation and stitch the per-field JSON texts into the response body without parsing rows
 * (the pg driver returns `text` columns as strings). Unnamed statements only, so pgbouncer in transaction mode
 * works (no server-side prepared statement names).
 */
import type pg from 'pg';
import type { CompiledOperation } from '../compiler/compile-operation.js';
import { mapPgError } from './map-pg-error.js';

export async function executeCompiled(pool: pg.Pool, op: CompiledOperation): Promise<string> {
  let row: Record<string, string | null> = {};
  if (op.query) {
    const q = op.query;
    try {
      const res = await pool.query<Record<string, string | null>>({ text: q.text, values: q.values as unknown[] });
      row = res.rows[0] ?? {};
    } catch (err) {
      throw mapPgError(err, q.text, q.values);
    }
  }
  const fields = op.parts.map((p) => `${JSON.stringify(p.alias)}:${'json' in p ? p.json : (row[p.column] ?? 'null')}`);
  return `{"data":{${fields.join(',')}}}`;
}
