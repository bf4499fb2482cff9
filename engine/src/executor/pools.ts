/**
 * The engine's connections: the source's pool and the store of `hdb_catalog` (the metadata database, or the same
 * pool). Opened together, closed together; a failure while opening closes what was opened. Their statements are
 * timed for the metrics (sql-clock.ts), and `figures` reads their occupancy.
 */
import pg from 'pg';
import { openCatalogStore } from './catalog-pool.js';
import type { CatalogStore } from './catalog-pool.js';
import { timeStatements } from './sql-clock.js';

/** A pool's occupancy (node-postgres' counters) and its size limit. */
export interface PoolFigures {
  /** Open connections, in use or idle. */
  readonly total: number;
  readonly idle: number;
  /** Requests waiting for a connection. */
  readonly waiting: number;
  readonly max: number;
}

export interface EnginePools {
  readonly pool: pg.Pool;
  readonly catalog: CatalogStore;
  /** The source's pool, and the metadata database's when it has its own. */
  figures(): { source: PoolFigures; metadata?: PoolFigures };
  close(): Promise<void>;
}

export function poolFigures(pool: pg.Pool): PoolFigures {
  return { total: pool.totalCount, idle: pool.idleCount, waiting: pool.waitingCount, max: pool.options.max };
}

export async function openPools(opts: {
  databaseUrl: string;
  max: number;
  metadataDatabaseUrl: string | undefined;
}): Promise<EnginePools> {
  const pool = new pg.Pool({ connectionString: opts.databaseUrl, max: opts.max });
  pool.on('error', () => {
    /* idle client errors are surfaced on the next query */
  });
  timeStatements(pool);
  try {
    // The metadata database first, as Hasura does: without it there is no start.
    const catalog = await openCatalogStore(pool, opts.metadataDatabaseUrl);
    return {
      pool,
      catalog,
      figures: () => ({
        source: poolFigures(pool),
        ...(catalog.separate ? { metadata: poolFigures(catalog.pool) } : {}),
      }),
      close: async () => {
        await pool.end();
        await catalog.close();
      },
    };
  } catch (e) {
    await pool.end();
    throw e;
  }
}
