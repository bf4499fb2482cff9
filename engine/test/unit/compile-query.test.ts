import { describe, expect, it } from 'vitest';
import { parse } from 'graphql';
import type { DocumentNode } from 'graphql';
import { resolveModel } from '../../src/model/resolve-model.js';
import { buildRoleSchema } from '../../src/schema/build-schema.js';
import { planOperation, selectOperation, validateDocument } from '../../src/plan/plan-operation.js';
import { compileOperation, makeCompileContext } from '../../src/compiler/compile-operation.js';
import { EngineError } from '../../src/errors.js';
import { catalog, metadata } from './fixture-model.js';

const model = resolveModel(metadata, catalog);

function compileFor(role: string, query: string, session: Record<string, string> = {}) {
  const schema = buildRoleSchema(model, role);
  const doc: DocumentNode = parse(query);
  validateDocument(schema, doc);
  const roots = planOperation({
    model,
    schema,
    role,
    doc,
    op: selectOperation(doc, null),
    variables: {},
    session,
    nullCollapse: false,
  });
  return compileOperation(roots, makeCompileContext(session, false));
}

function errorOf(f: () => unknown): { code: string; message: string; path: string } {
  try {
    f();
  } catch (e) {
    if (e instanceof EngineError) return { code: e.code, message: e.message, path: e.path };
    throw e;
  }
  throw new Error('no error');
}

describe('query compilation', () => {
  it('binds request strings as parameters, never as SQL text', () => {
    const evil = "x'); drop table author; --";
    const c = compileFor('admin', `{ author(where: {name: {_eq: ${JSON.stringify(evil)}}}) { id } }`);
    expect(c.query?.text).not.toContain('drop table');
    expect(c.query?.values).toContain(evil);
    expect(c.query?.text).toMatch(/"_t\d+"\."name" = \(\$1\)::"pg_catalog"\."text"/);
  });

  it('puts the permission filter with the session variable inside the base query', () => {
    const c = compileFor('user', '{ author { id name } }', { 'x-hasura-user-id': '7' });
    expect(c.query?.text).toMatch(
      /FROM "public"\."author" AS "_t\d+" WHERE \("_t\d+"\."id" = \(\$1\)::"pg_catalog"\."int4"\)/,
    );
    expect(c.query?.values).toEqual(['7']);
  });

  it('caps the limit with the permission limit', () => {
    const c = compileFor('user', '{ article(limit: 50) { id } }');
    expect(c.query?.values).toContain(10);
    expect(c.query?.values).not.toContain(50);
  });

  it('reports a missing session variable like Hasura', () => {
    expect(errorOf(() => compileFor('user', '{ author { id } }'))).toEqual({
      code: 'not-found',
      message: 'missing session variable: "x-hasura-user-id"',
      path: '$',
    });
  });

  it('reports unknown fields and hidden columns with Hasura paths', () => {
    expect(errorOf(() => compileFor('user', '{ author { secret } }', { 'x-hasura-user-id': '1' }))).toEqual({
      code: 'validation-failed',
      message: "field 'secret' not found in type: 'author'",
      path: '$.selectionSet.author.selectionSet.secret',
    });
    expect(
      errorOf(() => compileFor('user', '{ author(where: {secret: {_eq: "a"}}) { id } }', { 'x-hasura-user-id': '1' })),
    ).toMatchObject({
      message: "field 'secret' not found in type: 'author_bool_exp'",
      path: '$.selectionSet.author.args.where.secret',
    });
    expect(errorOf(() => compileFor('admin', '{ author(where: {id: {_unexpected: 1}}) { id } }'))).toMatchObject({
      message: "field '_unexpected' not found in type: 'Int_comparison_exp'",
    });
  });

  it('applies Hasura argument rules for limit, offset and distinct_on', () => {
    expect(errorOf(() => compileFor('admin', '{ article(limit: "3") { id } }')).message).toBe(
      "expected a non-negative 32-bit integer for type 'Int', but found a string",
    );
    expect(compileFor('admin', '{ article(offset: "1") { id } }').query?.values).toContain(1);
    expect(
      errorOf(() => compileFor('admin', '{ article(distinct_on: [author_id], order_by: {id: asc}) { id } }')).message,
    ).toBe('"distinct_on" columns must match initial "order_by" columns');
  });

  it('rejects null operator values (v2 null rule)', () => {
    expect(errorOf(() => compileFor('admin', '{ article(where: {id: {_eq: null}}) { id } }')).message).toBe(
      'expected a 32-bit integer for type "Int", but found null',
    );
  });

  it('rejects deeply nested queries with a Hasura-shaped error', () => {
    let q = 'id';
    for (let i = 0; i < 100; i++) q = `author { articles { ${q} } }`;
    expect(errorOf(() => compileFor('admin', `{ article { ${q} } }`)).code).toBe('validation-failed');
  });
});
