/**
 * Field collection (GraphQL spec CollectFields, plan/collect-fields.ts) against the author/article fixture schema:
 * a fragment spread already visited in the same selection set is skipped, so fragments that each spread the next
 * one twice cost n, not 2^n; fragment cycles still get Hasura's error.
 */
import { describe, expect, it } from 'vitest';
import { Kind, parse } from 'graphql';
import type { FragmentDefinitionNode, OperationDefinitionNode } from 'graphql';
import { resolveModel } from '../../src/model/resolve-model.js';
import { buildRoleSchema } from '../../src/schema/build-schema.js';
import { collectFields, subSelections } from '../../src/plan/collect-fields.js';
import { planOperation, selectOperation, validateDocument } from '../../src/plan/plan-operation.js';
import { compileOperation, makeCompileContext } from '../../src/compiler/compile-operation.js';
import { EngineError } from '../../src/errors.js';
import { catalog, metadata } from './fixture-model.js';

const model = resolveModel(metadata, catalog);
const schema = buildRoleSchema(model, 'user');

/** `fragment F0 on <on> { ...F1 ...F1 } … fragment F<n> on <on> { <leaf> }`: 2^n copies of `leaf` when inlined. */
function doublingFragments(n: number, on: string, leaf: string): string {
  const out: string[] = [];
  for (let i = 0; i < n; i++) out.push(`fragment F${i} on ${on} { ...F${i + 1} ...F${i + 1} }`);
  out.push(`fragment F${n} on ${on} { ${leaf} }`);
  return out.join('\n');
}

function collectRoot(query: string) {
  const doc = parse(query);
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const d of doc.definitions) if (d.kind === Kind.FRAGMENT_DEFINITION) fragments.set(d.name.value, d);
  const op = doc.definitions.find((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION)!;
  const root = schema.getQueryType()!;
  return collectFields({ schema, fragments, variables: {} }, root, [op.selectionSet], '$', []);
}

function compile(query: string) {
  const doc = parse(query);
  validateDocument(schema, doc);
  const roots = planOperation({
    model,
    schema,
    role: 'user',
    doc,
    op: selectOperation(doc, null),
    variables: {},
    session: { 'x-hasura-user-id': '1' },
    nullCollapse: false,
  });
  return compileOperation(roots, makeCompileContext({ 'x-hasura-user-id': '1' }, false));
}

describe('collectFields', () => {
  it('collects a 20-level doubling fragment once per spread name (fragment blow-up)', () => {
    // 20 levels, not 30: without the fix this test must fail in seconds, not hang (the HTTP test does 30).
    const query = `{ ...F0 }\n${doublingFragments(20, 'query_root', '__typename')}`;
    const started = performance.now();
    const fields = collectRoot(query);
    const ms = performance.now() - started;
    expect(fields.map((f) => f.alias)).toEqual(['__typename']);
    // Each skipped duplicate spread would have added one more node for the same response key.
    expect(fields[0]?.nodes).toHaveLength(1);
    // Generous: parse included, and other test files share the machine (unfixed, this takes seconds).
    expect(ms).toBeLessThan(250);
  });

  it('plans a 20-level doubling fragment on a table like the same fields without duplication (fragment blow-up)', () => {
    const doubled = compile(`{ article { ...F0 } }\n${doublingFragments(20, 'article', 'id score author { name }')}`);
    const plain = compile('{ article { id score author { name } } }');
    expect(doubled.query?.text).toBe(plain.query?.text);
    expect(doubled.query?.values).toEqual(plain.query?.values);
  });

  it('still merges the same field reached through different fragments', () => {
    const fields = collectRoot(
      '{ ...A ...B } fragment A on query_root { article { id } } fragment B on query_root { article { score } }',
    );
    expect(fields.map((f) => f.alias)).toEqual(['article']);
    const sub = subSelections(fields[0]!);
    expect(sub).toHaveLength(2);
  });

  it('still reports a fragment cycle with Hasura’s message', () => {
    let err: unknown;
    try {
      collectRoot('{ ...A } fragment A on query_root { ...B } fragment B on query_root { ...A }');
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(EngineError);
    expect((err as EngineError).message).toBe('the fragment definition(s) A and B form a cycle');
  });
});
