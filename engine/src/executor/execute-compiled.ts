/**
 * Run a compiled operation and return each root field's JSON text without parsing rows (the pg driver returns `text`
 * columns as strings). Unnamed statements only, so pgbouncer in transaction mode works (no server-side prepared
 * statement names).
 */
import type pg from 'pg';
import type { CompiledOperation } from '../compiler/compile-operation.js';
import { mapPgError } from './map-pg-error.js';

/** One root field of an answer: its response key and its value as JSON text. */
export interface FieldText {
  readonly alias: string;
  readonly json: string;
}

/** The root fields of `op` in selection order, from the statement's one result row. */
export function fieldTexts(op: CompiledOperation, row: Readonly<Record<string, string | null>>): FieldText[] {
  return op.parts.map((p) => ({ alias: p.alias, json: 'json' in p ? p.json : (row[p.column] ?? 'null') }));
}

export async function executeCompiled(pool: pg.Pool, op: CompiledOperation): Promise<FieldText[]> {
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
  return fieldTexts(op, row);
}
