/**
 * The engine's connections: the source's pool and the store of `hdb_catalog` (the metadata database, or the same
 * pool). Opened together, closed together; a failure while opening closes what was opened.
 */
import pg from 'pg';
import { openCatalogStore } from './catalog-pool.js';
import type { CatalogStore } from './catalog-pool.js';

export interface EnginePools {
  readonly pool: pg.Pool;
  readonly catalog: CatalogStore;
  close(): Promise<void>;
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
  try {
    // The metadata database first, as Hasura does: without it there is no start.
    const catalog = await openCatalogStore(pool, opts.metadataDatabaseUrl);
    return {
      pool,
      catalog,
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
