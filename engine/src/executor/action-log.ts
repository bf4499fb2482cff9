/**
 * Asynchronous actions' storage: Hasura's `hdb_catalog.hdb_action_log` (src: server/src-rsr/migrations/31_to_32.sql
 * for the DDL; Hasura/GraphQL/Execute/Action.hs `insertActionTx`, `fetchUndeliveredActionEventsTx`,
 * `setActionStatusTx`, `fetchActionResponseTx`, `setProcessingActionLogsToPendingTx`). Every statement is built with
 * compiler/sql.ts; only this file reads or writes the table.
 */
import { withTransaction } from './transaction.js';
import type pg from 'pg';
import { compile, raw, sql, value } from '../compiler/sql.js';
import type { SQL } from '../compiler/sql.js';
import { mapPgError } from './map-pg-error.js';

const LOG = raw('"hdb_catalog"."hdb_action_log"');

const DDL = raw(`CREATE TABLE IF NOT EXISTS "hdb_catalog"."hdb_action_log"
(
  id UUID PRIMARY KEY DEFAULT gen_random_uuid(),
  action_name TEXT,
  input_payload JSONB NOT NULL,
  request_headers JSONB NOT NULL,
  session_variables JSONB NOT NULL,
  response_payload JSONB NULL,
  errors JSONB NULL,
  created_at timestamptz NOT NULL default now(),
  response_received_at timestamptz NULL,
  status text NOT NULL,
  CHECK (status IN ('created', 'processing', 'completed', 'error'))
)`);

type Queryable = Pick<pg.Pool | pg.PoolClient, 'query'>;

async function run<R extends pg.QueryResultRow>(db: Queryable, frag: SQL): Promise<R[]> {
  const q = compile(frag);
  try {
    return (await db.query<R>({ text: q.text, values: q.values as unknown[] })).rows;
  } catch (err) {
    throw mapPgError(err, q.text, q.values);
  }
}

/**
 * Make sure the log table exists: nothing when it is there and usable; otherwise `CREATE SCHEMA/TABLE IF NOT EXISTS`.
 * Returns null when the table is usable, else the reason (a role without the privilege: the Postgres message).
 */
export async function ensureActionLog(pool: pg.Pool): Promise<string | null> {
  // Raw driver calls here: the reason must carry Postgres' message (mapPgError keeps it for admins only).
  const exec = async <R extends pg.QueryResultRow>(db: Queryable, frag: SQL): Promise<R[]> => {
    const q = compile(frag);
    return (await db.query<R>({ text: q.text, values: q.values as unknown[] })).rows;
  };
  try {
    const [row] = await exec<{ present: boolean; usable: boolean | null }>(
      pool,
      sql`SELECT to_regclass('hdb_catalog.hdb_action_log') IS NOT NULL AS present,
        CASE WHEN to_regclass('hdb_catalog.hdb_action_log') IS NULL THEN NULL
          ELSE has_table_privilege('hdb_catalog.hdb_action_log', 'SELECT, INSERT, UPDATE')
            AND has_schema_privilege('hdb_catalog', 'USAGE') END AS usable`,
    );
    if (row?.present) return row.usable ? null : 'permission denied for table hdb_catalog.hdb_action_log';
    await withTransaction(pool, async (client) => {
      await exec(client, raw('CREATE SCHEMA IF NOT EXISTS "hdb_catalog"'));
      await exec(client, DDL);
    });
    return null;
  } catch (e) {
    return e instanceof Error ? e.message : 'cannot create hdb_catalog.hdb_action_log';
  }
}

/**
 * `insertActionTx`: one row with status 'created'; returns its id. `db` is the request's mutation transaction when the
 * log lives in the default source's database, else the metadata database's pool (then, as in Hasura, the row stays
 * even if a later field of the mutation fails).
 */
export async function insertActionLog(
  db: Queryable,
  row: { action: string; sessionVariables: unknown; requestHeaders: unknown; input: unknown },
): Promise<string> {
  const [r] = await run<{ id: string }>(
    db,
    sql`INSERT INTO ${LOG} ("action_name", "session_variables", "request_headers", "input_payload", "status")
      VALUES (${value(row.action)}, (${value(JSON.stringify(row.sessionVariables))})::jsonb,
        (${value(JSON.stringify(row.requestHeaders))})::jsonb, (${value(JSON.stringify(row.input))})::jsonb, 'created')
      RETURNING "id"`,
  );
  if (!r) throw new Error('hdb_action_log insert returned no row');
  return r.id;
}

export interface ActionLogItem {
  readonly id: string;
  readonly action_name: string;
  readonly request_headers: Record<string, string>;
  readonly session_variables: Record<string, string>;
  readonly input_payload: unknown;
}

/**
 * `fetchUndeliveredActionEventsTx`: claim up to `limit` (`HASURA_GRAPHQL_ASYNC_ACTIONS_FETCH_BATCH_SIZE`, default 10)
 * 'created' rows of the given actions (status 'processing') in one statement; `FOR UPDATE SKIP LOCKED` plus the
 * status change mean two engines never claim the same row.
 */
export async function claimActionLogs(
  pool: pg.Pool,
  actions: readonly string[],
  limit: number,
): Promise<ActionLogItem[]> {
  return run<ActionLogItem>(
    pool,
    sql`UPDATE ${LOG} SET "status" = 'processing'
      WHERE "id" IN (
        SELECT "id" FROM ${LOG}
        WHERE "status" = 'created' AND "action_name" = ANY((${value(actions)})::text[])
        FOR UPDATE SKIP LOCKED LIMIT ${value(limit)})
      RETURNING "id", "action_name", "request_headers", "session_variables", "input_payload"`,
  );
}

/** `setActionStatusTx`: the handler's validated payload (completed) or the error (error). */
export async function setActionLogResult(
  pool: pg.Pool,
  id: string,
  result: { readonly ok: true; readonly payload: unknown } | { readonly ok: false; readonly errors: unknown },
): Promise<void> {
  await run(
    pool,
    result.ok
      ? sql`UPDATE ${LOG} SET "response_payload" = (${value(JSON.stringify(result.payload))})::jsonb,
          "status" = 'completed', "response_received_at" = now() WHERE "id" = (${value(id)})::uuid`
      : sql`UPDATE ${LOG} SET "errors" = (${value(JSON.stringify(result.errors))})::jsonb,
          "status" = 'error', "response_received_at" = now() WHERE "id" = (${value(id)})::uuid`,
  );
}

/** `setProcessingActionLogsToPendingTx`: on shutdown, rows claimed but not finished go back to 'created'. */
export async function releaseActionLogs(pool: pg.Pool, ids: readonly string[]): Promise<void> {
  if (ids.length === 0) return;
  await run(
    pool,
    sql`UPDATE ${LOG} SET "status" = 'created'
      WHERE "status" = 'processing' AND "id" = ANY((${value(ids)})::uuid[])`,
  );
}

export interface ActionLogResponse {
  /** Hasura's aeson UTCTime form (`…T…Z`, fraction without trailing zeros). */
  readonly created_at: string;
  readonly response_payload: unknown;
  readonly errors: unknown;
  /** False when the caller's session variables differ from the stored ones (non-admin callers). */
  readonly visible: boolean;
}

/**
 * `fetchActionResponseTx` by id (and action name); `sessionVars` null for admin. Returns null for no row.
 * Visibility follows `resolveAsyncActionQuery`: a non-admin sees the row only when `session_variables` (jsonb) equals
 * its own session.
 */
export async function fetchActionLog(
  pool: pg.Pool,
  id: string,
  action: string,
  sessionVars: Record<string, string> | null,
): Promise<ActionLogResponse | null> {
  const visible =
    sessionVars === null ? raw('true') : sql`"session_variables" = (${value(JSON.stringify(sessionVars))})::jsonb`;
  const [r] = await run<{ ts: string; response_payload: unknown; errors: unknown; visible: boolean }>(
    pool,
    sql`SELECT to_char("created_at" AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US') AS ts,
        "response_payload", "errors", ${visible} AS visible
      FROM ${LOG} WHERE "id" = (${value(id)})::uuid AND "action_name" = ${value(action)}`,
  );
  if (!r) return null;
  const [sec, frac = ''] = r.ts.split('.');
  const f = frac.replace(/0+$/, '');
  return {
    created_at: `${sec ?? ''}${f ? `.${f}` : ''}Z`,
    response_payload: r.response_payload,
    errors: r.errors,
    visible: r.visible,
  };
}
