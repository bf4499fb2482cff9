/**
 * Where the engine keeps Hasura's own catalog objects (today only `hdb_catalog.hdb_action_log`, the async action
 * log): like Hasura, in the metadata database when `HASURA_GRAPHQL_METADATA_DATABASE_URL` is set, otherwise in the
 * default source's database. A separate metadata database gets its own small pool, connected at start: Hasura cannot
 * start without its metadata database, and neither does the engine (one clear line instead of failing on the first
 * async action). In our compose file that URL is the owner role straight to Postgres, while the default source goes
 * through pgbouncer as a role without CREATE, so the log table is created with the owner's privileges.
 */
import pg from 'pg';
import { timeStatements } from './sql-clock.js';

export interface CatalogStore {
  readonly pool: pg.Pool;
  /** True when the catalog is a database of its own: its rows are written outside the request's transaction. */
  readonly separate: boolean;
  close(): Promise<void>;
}

/** The metadata database cannot be reached (or refuses the role): fatal at start, as in Hasura. */
export class MetadataDatabaseError extends Error {
  override readonly name = 'MetadataDatabaseError';
}

/** Enough for the async action processor, log inserts and `<action>(id)` queries. */
const CATALOG_POOL_MAX = 4;

function reason(e: unknown): string {
  const code = (e as { code?: unknown }).code;
  if (code === 'ECONNREFUSED' || code === 'ENOTFOUND' || code === 'ETIMEDOUT' || code === 'EAI_AGAIN')
    return String(code);
  const msg = e instanceof Error ? e.message : 'unknown error';
  return msg.replace(/postgres(ql)?:\/\/[^\s'"]*/g, 'postgres://…');
}

/** The catalog store: the source's own pool, or a connected pool over `metadataDatabaseUrl`. */
export async function openCatalogStore(
  sourcePool: pg.Pool,
  metadataDatabaseUrl: string | undefined,
): Promise<CatalogStore> {
  if (metadataDatabaseUrl === undefined) return { pool: sourcePool, separate: false, close: () => Promise.resolve() };
  const pool = new pg.Pool({ connectionString: metadataDatabaseUrl, max: CATALOG_POOL_MAX });
  pool.on('error', () => {
    /* idle client errors are surfaced on the next query */
  });
  timeStatements(pool);
  try {
    await pool.query('SELECT 1');
  } catch (e) {
    await pool.end().catch(() => undefined);
    throw new MetadataDatabaseError(
      `cannot connect to the metadata database (HASURA_GRAPHQL_METADATA_DATABASE_URL): ${reason(e)}`,
    );
  }
  let closing: Promise<void> | undefined;
  return { pool, separate: true, close: () => (closing ??= pool.end()) };
}
