/** Runs translated setup actions on a direct superuser connection to the class's database. */
import type pg from 'pg';
import { buildInsert, quoteIdent } from './insert-sql.js';
import type { SetupAction } from './metadata-ops.js';

export async function runActions(client: pg.Client, actions: readonly SetupAction[]): Promise<void> {
  for (const a of actions) {
    if (a.kind === 'sql') {
      await client.query(a.sql);
      continue;
    }
    const rel = `${quoteIdent(a.table.schema)}.${quoteIdent(a.table.name)}`;
    const cols = await client.query<{ attname: string; typname: string }>(
      `SELECT a.attname, t.typname FROM pg_attribute a JOIN pg_type t ON t.oid = a.atttypid
        WHERE a.attrelid = $1::regclass AND a.attnum > 0 AND NOT a.attisdropped`,
      [rel],
    );
    const types = new Map(cols.rows.map((r) => [r.attname, r.typname]));
    for (const stmt of buildInsert(a.table, a.objects, types)) await client.query(stmt.text, stmt.values);
  }
}

/** A setup error caused by the machine (missing extension or OS locale), not by the engine or the runner. */
export function environmentProblem(message: string): string | null {
  if (/could not open extension control file|extension "[^"]+" is not available/.test(message)) {
    return `Postgres extension missing on this machine: ${message}`;
  }
  if (/invalid value for parameter "lc_/.test(message)) {
    return `OS locale missing on this machine (e.g. localedef -i en_US -f UTF-8 en_US.UTF-8): ${message}`;
  }
  return null;
}
