/** A small catalog + metadata pair (author/article) shared by unit tests; no database. */
import type { Catalog, CatalogColumn, PgTypeRef } from '../../src/introspect/catalog-types.js';
import type { HasuraMetadata } from '../../src/metadata/types.js';

const t = (name: string, elem: string | null = null): PgTypeRef => ({
  name,
  schema: 'pg_catalog',
  kind: 'b',
  elem,
  base: null,
});
const col = (name: string, type: PgTypeRef, notNull: boolean, position: number): CatalogColumn => ({
  name,
  type,
  notNull,
  hasDefault: false,
  isGenerated: false,
  comment: null,
  position,
});

export const catalog: Catalog = {
  tables: [
    {
      schema: 'public',
      name: 'author',
      kind: 'r',
      comment: null,
      columns: [col('id', t('int4'), true, 1), col('name', t('text'), false, 2), col('secret', t('text'), false, 3)],
      primaryKey: { name: 'author_pkey', columns: ['id'] },
      uniques: [],
      foreignKeys: [],
    },
    {
      schema: 'public',
      name: 'article',
      kind: 'r',
      comment: null,
      columns: [
        col('id', t('int4'), true, 1),
        col('author_id', t('int4'), true, 2),
        col('meta', t('jsonb'), false, 3),
        col('score', t('numeric'), false, 4),
      ],
      primaryKey: { name: 'article_pkey', columns: ['id'] },
      uniques: [],
      foreignKeys: [
        {
          name: 'article_author_id_fkey',
          columns: ['author_id'],
          refSchema: 'public',
          refTable: 'author',
          refColumns: ['id'],
        },
      ],
    },
  ],
  functions: [],
  enums: {},
};

export const metadata: HasuraMetadata = {
  version: 3,
  sources: [
    {
      name: 'default',
      kind: 'postgres',
      configuration: {},
      tables: [
        {
          table: { name: 'author', schema: 'public' },
          array_relationships: [
            { name: 'articles', using: { foreign_key_constraint_on: { table: 'article', column: 'author_id' } } },
          ],
          select_permissions: [
            { role: 'user', permission: { columns: ['id', 'name'], filter: { id: { _eq: 'X-Hasura-User-Id' } } } },
          ],
        },
        {
          table: { name: 'article', schema: 'public' },
          object_relationships: [{ name: 'author', using: { foreign_key_constraint_on: 'author_id' } }],
          select_permissions: [
            { role: 'user', permission: { columns: '*', filter: {}, allow_aggregations: true, limit: 10 } },
          ],
        },
      ],
    },
  ],
};
