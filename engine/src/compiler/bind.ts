/**
 * Late binding for cached plans. A plan compiled once per (document, operation, role, variable shape) keeps
 * placeholders among its bound values: `Param` (a GraphQL variable at a data position, plan/coerce-input.ts),
 * `SessionVarRef` / `SESSION_JSON` (session variables), and `Deferred` (a value holding Params that still needs its
 * SQL encoding), see compiler/placeholders.ts. `bindOperation` turns them into this request's values; the SQL text
 * is shared. This mirrors Hasura's prepared arguments (src: Hasura/Backends/Postgres/Execute/Prepare.hs
 * `prepareWithPlan`, where session variables are read from the session JSON parameter and variables get their own
 * `$n`).
 */
import { EngineError } from '../errors.js';
import { Param, coerceInput } from '../plan/coerce-input.js';
import { Deferred, SESSION_JSON, SessionVarRef } from './placeholders.js';
import type { CompiledOperation } from './compile-operation.js';
import type { CompiledQuery } from './sql.js';

export interface BindInput {
  readonly variables: Readonly<Record<string, unknown>>;
  readonly session: Readonly<Record<string, string>>;
}

function resolve(v: unknown, b: BindInput): unknown {
  if (v instanceof Param) return coerceInput(v.type, b.variables[v.name], v.path, v.column);
  if (Array.isArray(v)) return v.map((x) => resolve(x, b));
  if (v !== null && typeof v === 'object' && Object.getPrototypeOf(v) === Object.prototype) {
    return Object.fromEntries(Object.entries(v as Record<string, unknown>).map(([k, x]) => [k, resolve(x, b)]));
  }
  return v;
}

export function bindValue(v: unknown, b: BindInput): unknown {
  if (v instanceof Deferred) return v.encode(resolve(v.raw, b));
  if (v instanceof Param) return resolve(v, b);
  if (v instanceof SessionVarRef) {
    const x = b.session[v.name];
    if (x === undefined) throw new EngineError('not-found', `missing session variable: "${v.name}"`, '$');
    return x;
  }
  if (v === SESSION_JSON) return JSON.stringify(b.session);
  return v;
}

function bindQuery(q: CompiledQuery, b: BindInput): CompiledQuery {
  return { text: q.text, values: q.values.map((v) => bindValue(v, b)) };
}

/** The cached template with this request's values (same SQL text). */
export function bindOperation(op: CompiledOperation, b: BindInput): CompiledOperation {
  return {
    ...op,
    query: op.query ? bindQuery(op.query, b) : null,
    perField: op.perField.map((f) => ({ alias: f.alias, query: bindQuery(f.query, b) })),
  };
}
