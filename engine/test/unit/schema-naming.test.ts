import { describe, expect, it } from 'vitest';
import { printSchema } from 'graphql';
import { resolveModel } from '../../src/model/resolve-model.js';
import { buildRoleSchema } from '../../src/schema/build-schema.js';
import type { HasuraMetadata } from '../../src/metadata/types.js';
import { catalog, metadata } from './fixture-model.js';

describe('schema naming (Hasura defaults)', () => {
  const model = resolveModel(metadata, catalog);
  it('resolves the metadata without inconsistencies', () => {
    expect(model.inconsistencies).toEqual([]);
  });

  it('names admin root fields and types like Hasura', () => {
    const sdl = printSchema(buildRoleSchema(model, 'admin'));
    for (const s of [
      'type query_root',
      'author(',
      'author_by_pk(id: Int!): author',
      'author_aggregate(',
      'input author_bool_exp',
      'input Int_comparison_exp',
      'input String_comparison_exp',
      'input jsonb_comparison_exp',
      '_has_keys_any: [String!]',
      'enum order_by',
      'asc_nulls_first',
      'enum article_select_column',
      'type article_aggregate_fields',
      'count(columns: [article_select_column!], distinct: Boolean): Int!',
      'type article_avg_fields',
      'score: numeric',
      'author: author!',
      'articles_aggregate(',
      'meta(',
      'path: String',
    ])
      expect(sdl).toContain(s);
  });

  it('hides columns, aggregates and by_pk the role may not use', () => {
    const sdl = printSchema(buildRoleSchema(model, 'user'));
    expect(sdl).not.toContain('secret');
    expect(sdl).not.toContain('author_aggregate(');
    expect(sdl).toContain('article_aggregate(');
    expect(sdl).toContain('articles_aggregate(');
    expect(sdl).toContain('author_by_pk(id: Int!): author');
  });

  it('gives an unknown role the placeholder field', () => {
    expect(printSchema(buildRoleSchema(model, 'nobody'))).toContain('no_queries_available: String!');
  });

  it('reports an unknown table as inconsistent instead of failing', () => {
    const md: HasuraMetadata = {
      ...metadata,
      sources: [
        {
          ...metadata.sources[0]!,
          tables: [...metadata.sources[0]!.tables, { table: { name: 'ghost', schema: 'public' } }],
        },
      ],
    };
    const m = resolveModel(md, catalog);
    expect(m.inconsistencies.map((i) => i.type)).toEqual(['table']);
  });
});
