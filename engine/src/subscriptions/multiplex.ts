/**
 * The multiplexed live-query statement (reference A10; src: Hasura/Backends/Postgres/Execute/Subscription.hs
 * `mkMultiplexedQuery`):
 *
 *   SELECT "_subs"."result_id", "_fld_resp".* FROM unnest(($1)::uuid[], ($2)::json[]) AS "_subs"("result_id", "result_vars")
 *   LEFT OUTER JOIN LATERAL (<compiled operation>) AS "_fld_resp" ON true
 *
 * Every bound value of the compiled operation is read from the cohort's `result_vars` (a JSON array of the values in
 * their text wire form) and cast to the type Postgres inferred for that `$n`, so one statement serves every cohort of
 * a poller and the statement's only parameters are the two arrays.
 */
import type { CompiledQuery, SQL } from '../compiler/sql.js';
import { compile, raw, sql, substituteValues, value } from '../compiler/sql.js';

export interface CohortVars {
  readonly id: string;
  /** JSON array text of the encoded values. */
  readonly vars: string;
}

/** The compiled operation reading its values from `"_subs"."result_vars"`. `types` are catalog `regtype` names. */
export function multiplexedFragment(op: SQL, types: readonly string[]): SQL {
  return substituteValues(op, (i) => {
    const t = types[i];
    const read = sql`("_subs"."result_vars" ->> ${raw(String(i))})`;
    return t === undefined || t === 'unknown' ? read : sql`(${read})::${raw(t)}`;
  });
}

export function multiplexedQuery(inner: SQL, cohorts: readonly CohortVars[]): CompiledQuery {
  return compile(
    sql`SELECT "_subs"."result_id"::text AS "result_id", "_fld_resp".* FROM unnest((${value(cohorts.map((c) => c.id))})::uuid[], (${value(
      cohorts.map((c) => c.vars),
    )})::json[]) AS "_subs"("result_id", "result_vars") LEFT OUTER JOIN LATERAL (${inner}) AS "_fld_resp" ON true`,
  );
}

function arrayLiteral(a: readonly unknown[]): string {
  const items = a.map((x) => {
    if (x === null || x === undefined) return 'NULL';
    if (Array.isArray(x)) return arrayLiteral(x);
    const t = parameterText(x) ?? '';
    return `"${t.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
  });
  return `{${items.join(',')}}`;
}

/** A value in the text form node-postgres sends for a parameter (`pg/lib/utils.js` `prepareValue`). */
export function parameterText(v: unknown): string | null {
  if (v === null || v === undefined) return null;
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'bigint' || typeof v === 'boolean') return String(v);
  if (v instanceof Date) return v.toISOString();
  if (Buffer.isBuffer(v)) return `\\x${v.toString('hex')}`;
  if (Array.isArray(v)) return arrayLiteral(v);
  return JSON.stringify(v);
}

/** The cohort's `result_vars`: one JSON array of every value, in `$n` order. */
export function cohortVars(values: readonly unknown[]): string {
  return JSON.stringify(values.map(parameterText));
}
