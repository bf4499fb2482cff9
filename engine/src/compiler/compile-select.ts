/**
 * SelectIR → one SQL query whose single value is the field's JSON, built by Postgres (src:
 * Hasura/Backends/Postgres/Translate/Select.hs). Shape: a base subquery per table with the permission filter,
 * `where`, `DISTINCT ON`, `ORDER BY`, `LIMIT`/`OFFSET` applied on the table itself (so indexes are used), then
 * `row_to_json` of the selected fields, with relationships as `LEFT OUTER JOIN LATERAL` subqueries and
 * `json_agg(… ORDER BY …)` for lists.
 */
import type { AggFieldIR, BoolIR, FieldIR, OrderIR, OrderKeyIR, SelectIR } from '../plan/ir.js';
import { isBigNumberType } from '../model/pg-scalars.js';
import type { SQL } from './sql.js';
import { ident, join, literal, raw, sql, value } from './sql.js';
import type { CompileContext } from './compile-bool.js';
import { compileBool, functionCall, joinCondition, redactedCell, sourceSql } from './compile-bool.js';

interface Built {
  /** `FROM (base) AS b <lateral joins>` */
  readonly from: SQL;
  readonly baseAlias: string;
  readonly orderBy: SQL;
  /** Inherited-role cell conditions, computed once per row in the base query as boolean columns `__rd<n>`. */
  readonly rd: Redactions;
}

type Redactions = ReadonlyMap<BoolIR, string>;

/** Distinct redaction conditions used by `fields` (and aggregated columns), named `__rd0`, `__rd1`, … */
function collectRedactions(fields: readonly FieldIR[], extra: readonly (BoolIR | undefined)[]): Map<BoolIR, string> {
  const out = new Map<BoolIR, string>();
  const add = (b: BoolIR | undefined): void => {
    if (b && !out.has(b)) out.set(b, `__rd${out.size}`);
  };
  for (const f of fields) if (f.kind === 'column' || f.kind === 'computed_scalar') add(f.redact);
  extra.forEach(add);
  return out;
}

/** `CASE WHEN b.__rdN THEN e ELSE NULL END` (src: Hasura/Backends/Postgres/Translate/Select/Internal/Process.hs). */
function redacted(e: SQL, b: string, cond: BoolIR | undefined, rd: Redactions): SQL {
  const col = cond ? rd.get(cond) : undefined;
  return col ? sql`CASE WHEN ${ident(b, col)} THEN ${e} ELSE NULL END` : e;
}

function needsRow(fields: readonly FieldIR[]): boolean {
  return fields.some(
    (f) =>
      f.kind === 'computed_scalar' ||
      ((f.kind === 'array' || f.kind === 'object' || f.kind === 'aggregate') && f.select.source.kind === 'function'),
  );
}

function orderKeySql(ctx: CompileContext, k: OrderKeyIR, alias: string): SQL {
  switch (k.kind) {
    case 'column':
      return redactedCell(ctx, ident(alias, k.column.name), k.redact, alias);
    case 'computed':
      return redactedCell(ctx, functionCall(ctx, k.cf, ident(alias), {}), k.redact, alias);
    case 'object': {
      const a = ctx.fresh('_o');
      const conds = [...joinCondition(k.mapping, alias, a), compileBool(ctx, k.where, a)];
      return sql`(SELECT ${orderKeySql(ctx, k.key, a)} FROM ${ident(k.table.schema, k.table.name)} AS ${ident(a)} WHERE ${join(conds, ' AND ')} LIMIT 1)`;
    }
    case 'aggregate': {
      const a = ctx.fresh('_o');
      const conds = [...joinCondition(k.mapping, alias, a), compileBool(ctx, k.where, a)];
      const agg = k.op === 'count' || !k.column ? raw('count(*)') : sql`${raw(k.op)}(${ident(a, k.column.name)})`;
      return sql`(SELECT ${agg} FROM ${sourceSql(ctx, k.table, k.source, ident(alias))} AS ${ident(a)} WHERE ${join(conds, ' AND ')})`;
    }
  }
}

function direction(o: OrderIR): SQL {
  return raw(`${o.desc ? 'DESC' : 'ASC'} NULLS ${o.nullsFirst ? 'FIRST' : 'LAST'}`);
}

/** The base subquery: rows of the table after permission, where, distinct, order and pagination. */
function baseQuery(
  ctx: CompileContext,
  s: SelectIR,
  parentAlias: string | null,
  withRow: boolean,
  single: boolean,
  rd: Redactions,
): { query: SQL; orderCols: string[] } {
  const a = ctx.fresh('_t');
  const parentRow = parentAlias ? ident(parentAlias, '__row') : null;
  const conds: SQL[] = [];
  if (s.join && parentAlias) conds.push(...joinCondition(s.join, parentAlias, a));
  conds.push(compileBool(ctx, s.where, a));
  const cols: SQL[] = [sql`${ident(a)}.*`];
  if (withRow) cols.push(sql`${ident(a)} AS "__row"`);
  for (const [cond, name] of rd) cols.push(sql`${compileBool(ctx, cond, a)} AS ${ident(name)}`);
  const orderCols: string[] = [];
  const orderExprs: SQL[] = [];
  s.orderBy.forEach((o, i) => {
    const e = orderKeySql(ctx, o.key, a);
    orderCols.push(`__o${i}`);
    cols.push(sql`${e} AS ${ident(`__o${i}`)}`);
    orderExprs.push(sql`${e} ${direction(o)}`);
  });
  if (s.nodesLimit !== null) {
    const over = orderExprs.length > 0 ? sql`ORDER BY ${join(orderExprs)}` : raw('');
    cols.push(sql`row_number() OVER (${over}) AS "__rn"`);
  }
  const distinct = s.distinctOn ? sql`DISTINCT ON (${join(s.distinctOn.map((c) => ident(a, c.name)))}) ` : raw('');
  let q = sql`SELECT ${distinct}${join(cols)} FROM ${sourceSql(ctx, s.table, s.source, parentRow)} AS ${ident(a)} WHERE ${join(conds, ' AND ')}`;
  if (orderExprs.length > 0) q = sql`${q} ORDER BY ${join(orderExprs)}`;
  const limit = single ? 1 : s.limit;
  if (limit !== null) q = sql`${q} LIMIT ${value(limit)}`;
  if (s.offset !== null) q = sql`${q} OFFSET ${value(s.offset)}`;
  return { query: q, orderCols };
}

/** Expression of one output field, adding lateral joins to `joins`. */
function fieldExpr(ctx: CompileContext, f: FieldIR, b: string, joins: SQL[], rd: Redactions): SQL {
  switch (f.kind) {
    case 'typename':
      return sql`${literal(f.name)}::text`;
    case 'column': {
      let e = ident(b, f.column.name);
      if (f.path) e = sql`(${e} #> ${sql`(${value(f.path)})::text[]`})`;
      else if (f.column.baseType === 'geometry' || f.column.baseType === 'geography') {
        // src: Hasura/Backends/Postgres/Translate/Select/Internal/Helpers.hs `toJSONableExp` (15 digits, long CRS)
        e = sql`ST_AsGeoJSON(${e}, 15, 4)::json`;
      } else if (ctx.stringifyNumeric && isBigNumberType(f.column.baseType))
        e = f.column.isArray ? sql`(${e})::text[]` : sql`(${e})::text`;
      return redacted(e, b, f.redact, rd);
    }
    case 'computed_scalar': {
      const e = functionCall(ctx, f.cf, ident(b, '__row'), f.args);
      const out =
        ctx.stringifyNumeric && f.cf.returns.kind === 'scalar' && isBigNumberType(f.cf.returns.baseType)
          ? sql`(${e})::text`
          : e;
      return redacted(out, b, f.redact, rd);
    }
    case 'object':
    case 'array':
    case 'aggregate': {
      const r = ctx.fresh('_r');
      const inner =
        f.kind === 'aggregate'
          ? aggregateQuery(ctx, f.select, f.agg, b)
          : f.kind === 'array'
            ? arrayQuery(ctx, f.select, b)
            : objectQuery(ctx, f.select, b);
      joins.push(sql` LEFT OUTER JOIN LATERAL (${inner}) AS ${ident(r)} ON true`);
      return ident(r, 'v');
    }
  }
}

/** `row_to_json` of the selected fields, keyed by alias in selection order. */
function rowJson(ctx: CompileContext, fields: readonly FieldIR[], b: string, joins: SQL[], rd: Redactions): SQL {
  if (fields.length === 0) return raw("'{}'::json");
  const cols = fields.map((f) => sql`${fieldExpr(ctx, f, b, joins, rd)} AS ${ident(f.alias)}`);
  const e = ctx.fresh('_e');
  return sql`row_to_json((SELECT ${ident(e)} FROM (SELECT ${join(cols)}) AS ${ident(e)}))`;
}

function build(
  ctx: CompileContext,
  s: SelectIR,
  parentAlias: string | null,
  withRow: boolean,
  single: boolean,
  rd: Redactions,
): Built & { orderCols: string[] } {
  const base = baseQuery(ctx, s, parentAlias, withRow, single, rd);
  const b = ctx.fresh('_b');
  const orderBy = join(s.orderBy.map((o, i) => sql`${ident(b, base.orderCols[i] ?? '')} ${direction(o)}`));
  return { from: sql`(${base.query}) AS ${ident(b)}`, baseAlias: b, orderBy, orderCols: base.orderCols, rd };
}

export function arrayQuery(ctx: CompileContext, s: SelectIR, parentAlias: string | null): SQL {
  const built = build(ctx, s, parentAlias, needsRow(s.fields), false, collectRedactions(s.fields, []));
  const joins: SQL[] = [];
  const row = rowJson(ctx, s.fields, built.baseAlias, joins, built.rd);
  const ord = s.orderBy.length > 0 ? sql` ORDER BY ${built.orderBy}` : raw('');
  return sql`SELECT coalesce(json_agg(${row}${ord}), '[]'::json) AS "v" FROM ${built.from}${join(joins, '')}`;
}

export function objectQuery(ctx: CompileContext, s: SelectIR, parentAlias: string | null): SQL {
  const built = build(ctx, s, parentAlias, needsRow(s.fields), true, collectRedactions(s.fields, []));
  const joins: SQL[] = [];
  const row = rowJson(ctx, s.fields, built.baseAlias, joins, built.rd);
  return sql`SELECT ${row} AS "v" FROM ${built.from}${join(joins, '')}`;
}

export function aggregateQuery(
  ctx: CompileContext,
  s: SelectIR,
  agg: readonly AggFieldIR[],
  parentAlias: string | null,
): SQL {
  const nodeFields = agg.flatMap((a) => (a.kind === 'nodes' ? a.fields : []));
  const aggConds = agg
    .flatMap((a) => (a.kind === 'aggregate' ? a.items : []))
    .flatMap((it) => (it.kind === 'op' ? it.columns : []))
    .map((c) => ('column' in c ? c.redact : undefined));
  const built = build(ctx, s, parentAlias, needsRow(nodeFields), false, collectRedactions(nodeFields, aggConds));
  const b = built.baseAlias;
  const joins: SQL[] = [];
  const pairs: SQL[] = [];
  for (const a of agg) {
    let e: SQL;
    if (a.kind === 'typename') e = literal(a.name);
    else if (a.kind === 'nodes') {
      const row = rowJson(ctx, a.fields, b, joins, built.rd);
      const ord = s.orderBy.length > 0 ? sql` ORDER BY ${built.orderBy}` : raw('');
      const filter =
        s.nodesLimit !== null ? sql` FILTER (WHERE ${ident(b, '__rn')} <= ${value(s.nodesLimit)})` : raw('');
      e = sql`coalesce(json_agg(${row}${ord})${filter}, '[]'::json)`;
    } else {
      const items: SQL[] = [];
      for (const it of a.items) {
        let v: SQL;
        if (it.kind === 'typename') v = literal(it.name);
        else if (it.kind === 'count') {
          const cols = it.columns.map((c) => ident(b, c.name));
          const arg = cols.length === 0 ? raw('*') : cols.length === 1 && cols[0] ? cols[0] : sql`ROW(${join(cols)})`;
          v = sql`count(${it.distinct && cols.length > 0 ? raw('DISTINCT ') : raw('')}${arg})`;
        } else {
          const inner: SQL[] = [];
          for (const c of it.columns) {
            let x: SQL;
            if ('typename' in c) x = literal(c.typename);
            else {
              // avg/stddev/variance of integers are numeric in Postgres and encode as JSON numbers; Hasura
              // stringifies them only for numeric-typed columns (test: graphql_query/aggregations/article_agg_where).
              x = sql`${raw(it.op)}(${redacted(ident(b, c.column.name), b, c.redact, built.rd)})`;
              if (ctx.stringifyNumeric && isBigNumberType(c.column.baseType)) x = sql`(${x})::text`;
            }
            inner.push(sql`${literal(c.alias)}, ${x}`);
          }
          v = inner.length === 0 ? raw("'{}'::json") : sql`json_build_object(${join(inner)})`;
        }
        items.push(sql`${literal(it.alias)}, ${v}`);
      }
      e = items.length === 0 ? raw("'{}'::json") : sql`json_build_object(${join(items)})`;
    }
    pairs.push(sql`${literal(a.alias)}, ${e}`);
  }
  const obj = pairs.length === 0 ? raw("'{}'::json") : sql`json_build_object(${join(pairs)})`;
  return sql`SELECT ${obj} AS "v" FROM ${built.from}${join(joins, '')}`;
}
