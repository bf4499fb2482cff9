/**
 * `run_sql` (/v2/query, /v1/query; docs: api-reference/schema-api/run-sql.mdx; src: Hasura/Backends/Postgres/DDL/
 * RunSQL.hs `runRunSQL`): the administrator's SQL text runs as written (simple query protocol, several statements
 * allowed) in one transaction (`READ ONLY` when asked) on the engine's own pool, i.e. with the privileges of its
 * database URL. Only the last statement's result is returned: `CommandOk` + null, or `TuplesOk` with the column
 * names then every row, cells as Postgres text (NULL as null).
 */
import { withClient } from './checkout.js';
import { inTransaction } from './transaction.js';
import type pg from 'pg';
import { EngineError } from '../errors.js';

export type RunSqlResult =
  { result_type: 'CommandOk'; result: null } | { result_type: 'TuplesOk'; result: (string | null)[][] };

/** Command tags that cannot change the catalog; anything else re-introspects afterwards. */
const DML = new Set([
  'SELECT',
  'INSERT',
  'UPDATE',
  'DELETE',
  'MERGE',
  'COPY',
  'SET',
  'SHOW',
  'BEGIN',
  'COMMIT',
  'ROLLBACK',
  'VALUES',
  'EXPLAIN',
  'FETCH',
  'MOVE',
  'DECLARE',
  'LOCK',
  'RESET',
  'DISCARD',
  'LISTEN',
  'NOTIFY',
  'UNLISTEN',
  'SAVEPOINT',
  'RELEASE',
]);

const asText = { getTypeParser: () => (v: string) => v } as unknown as pg.CustomTypesConfig;

export async function executeRunSql(
  pool: pg.Pool,
  text: string,
  readOnly: boolean,
): Promise<{ result: RunSqlResult; schemaChanged: boolean }> {
  return withClient(pool, async (client) => {
    const out = await runAdminText(client, text, readOnly);
    const results = Array.isArray(out) ? out : [out];
    const schemaChanged = results.some((r) => r.command !== null && !DML.has(r.command));
    const last = results[results.length - 1];
    if (!last || !Array.isArray(last.fields) || last.fields.length === 0)
      return { result: { result_type: 'CommandOk', result: null }, schemaChanged };
    const rows = last.rows.map((r) =>
      r.map((v) => (v === null ? null : typeof v === 'string' ? v : JSON.stringify(v))),
    );
    return { result: { result_type: 'TuplesOk', result: [last.fields.map((f) => f.name), ...rows] }, schemaChanged };
  });
}

type ArrayResult = pg.QueryArrayResult<unknown[]>;

/** The administrator's text is the statement: it is not built, it runs as given (simple query protocol). */
async function runAdminText(
  client: pg.PoolClient,
  text: string,
  readOnly: boolean,
): Promise<ArrayResult | ArrayResult[]> {
  try {
    return await inTransaction(
      client,
      async () => (await client.query({ text, rowMode: 'array', types: asText })) as unknown as ArrayResult,
      { readOnly },
    );
  } catch (err) {
    const e = err as { code?: string; message?: string; detail?: string; hint?: string };
    throw new EngineError('postgres-error', 'query execution failed', '$', {
      statement: text,
      prepared: false,
      arguments: [],
      error: {
        exec_status: 'FatalError',
        message: e.message ?? '',
        status_code: e.code ?? '',
        description: e.detail ?? null,
        hint: e.hint ?? null,
      },
    });
  }
}
