import { describe, expect, it } from 'vitest';
import { compile, ident, join, literal, raw, sql, value } from '../../src/compiler/sql.js';

describe('sql builder', () => {
  it('binds values as $n parameters and escapes identifiers', () => {
    const q = compile(
      sql`SELECT ${ident('a"b', 'c')} FROM t WHERE x = ${value("1'; drop table t; --")} AND y = ${value(2)}`,
    );
    expect(q.text).toBe('SELECT "a""b"."c" FROM t WHERE x = $1 AND y = $2');
    expect(q.values).toEqual(["1'; drop table t; --", 2]);
  });

  it('rejects interpolation of anything that is not a fragment', () => {
    const evil = 'x; drop table users' as unknown as ReturnType<typeof raw>;
    expect(() => sql`SELECT ${evil}`).toThrow(/not an SQL fragment/);
  });

  it('joins fragments and quotes literals', () => {
    const q = compile(join([literal("it's"), raw('1')], ' + '));
    expect(q.text).toBe("'it''s' + 1");
  });

  it('rejects NUL bytes in identifiers', () => {
    expect(() => compile(ident('a\0b'))).toThrow();
  });
});
