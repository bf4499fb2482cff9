/**
 * RootIR[] → one SQL statement returning one text column per database root field, plus the order in which the
 * executor stitches them into `{"data":{…}}` without parsing (the JSON of every field is built by Postgres).
 */
import type { RootIR } from '../plan/ir.js';
import type { CompiledQuery, SQL } from './sql.js';
import { compile, ident, join, sql } from './sql.js';
import type { CompileContext } from './compile-bool.js';
import { aggregateQuery, arrayQuery, objectQuery } from './compile-select.js';

export type ResponsePart =
  { readonly alias: string; readonly column: string } | { readonly alias: string; readonly json: string };

export interface CompiledOperation {
  readonly query: CompiledQuery | null;
  /** The same statement as a fragment (live queries substitute its values, compiler/sql.ts `substituteValues`). */
  readonly fragment?: SQL | null;
  readonly parts: readonly ResponsePart[];
  /** Per root field SQL (for /v1/graphql/explain). */
  readonly perField: readonly { readonly alias: string; readonly query: CompiledQuery }[];
}

export function makeCompileContext(
  session: Readonly<Record<string, string>>,
  stringifyNumeric: boolean,
  lateBinding = false,
): CompileContext {
  let n = 0;
  return { fresh: (p) => `${p}${++n}`, sessionJson: JSON.stringify(session), stringifyNumeric, lateBinding };
}

function rootSql(ctx: CompileContext, r: Exclude<RootIR, { kind: 'json' }>): SQL {
  if (r.kind === 'aggregate') return aggregateQuery(ctx, r.select, r.agg, null);
  return r.single ? objectQuery(ctx, r.select, null) : arrayQuery(ctx, r.select, null);
}

export function compileOperation(roots: readonly RootIR[], ctx: CompileContext): CompiledOperation {
  const cols: SQL[] = [];
  const parts: ResponsePart[] = [];
  const perField: { alias: string; query: CompiledQuery }[] = [];
  roots.forEach((r, i) => {
    if (r.kind === 'json') {
      parts.push({ alias: r.alias, json: JSON.stringify(r.value) ?? 'null' });
      return;
    }
    const q = rootSql(ctx, r);
    const col = `f${i}`;
    cols.push(sql`(${q})::text AS ${ident(col)}`);
    perField.push({ alias: r.alias, query: compile(q) });
    parts.push({ alias: r.alias, column: col });
  });
  const fragment = cols.length > 0 ? sql`SELECT ${join(cols)}` : null;
  return { query: fragment ? compile(fragment) : null, fragment, parts, perField };
}
