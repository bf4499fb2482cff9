import { GraphQLInt, GraphQLList, GraphQLNonNull, parseValue } from 'graphql';
import { describe, expect, it } from 'vitest';
import { bindValue } from '../../src/compiler/bind.js';
import { SESSION_JSON, SessionVarRef, defer } from '../../src/compiler/placeholders.js';
import { Param, astValue, coerceInput } from '../../src/plan/coerce-input.js';
import { compile, sql, value } from '../../src/compiler/sql.js';

describe('plan cache: late-bound values', () => {
  it('a variable at a data position becomes a Param; elsewhere it shapes the plan', () => {
    const shape = new Set<string>();
    const data = coerceInput(GraphQLInt, astValue(parseValue('$id'), { id: 3 }, { shape, refs: true }), '$.id');
    expect(data).toBeInstanceOf(Param);
    expect(shape.size).toBe(0);
    astValue(parseValue('$limit'), { limit: 5 }, { shape, refs: false });
    expect([...shape]).toEqual(['limit']);
  });

  it('one SQL text, values bound per request (list as one array parameter, session variables)', () => {
    const shape = new Set<string>();
    const t = new GraphQLList(new GraphQLNonNull(GraphQLInt));
    const ids = coerceInput(t, astValue(parseValue('$ids'), { ids: [1, 2] }, { shape, refs: true }), '$.ids');
    const q = compile(
      sql`SELECT ${value(defer(ids, (x) => x))}, ${value(new SessionVarRef('x-hasura-user-id'))}, ${value(SESSION_JSON)}`,
    );
    expect(q.text).toBe('SELECT $1, $2, $3');
    const bind = (variables: Record<string, unknown>, session: Record<string, string>) =>
      q.values.map((v) => bindValue(v, { variables, session }));
    expect(bind({ ids: [1, 2, 3] }, { 'x-hasura-user-id': '7' })).toEqual([[1, 2, 3], '7', '{"x-hasura-user-id":"7"}']);
    expect(() => bind({ ids: [1] }, {})).toThrow('missing session variable');
  });
});
