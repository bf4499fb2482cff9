/** Run the catalog query (introspect/catalog-query.ts) and type its JSON. */
import type pg from 'pg';
import { CATALOG_SQL } from '../introspect/catalog-query.js';
import type { Catalog } from '../introspect/catalog-types.js';

export async function introspectCatalog(pool: pg.Pool): Promise<Catalog> {
  const res = await pool.query<{ catalog: string }>(CATALOG_SQL);
  const text = res.rows[0]?.catalog;
  if (text === undefined) throw new Error('catalog query returned no row');
  return JSON.parse(text) as Catalog;
}
