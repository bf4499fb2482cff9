/**
 * BoolIR → SQL boolean (src: Hasura/Backends/Postgres/Translate/BoolExp.hs). Relationship filters become
 * `EXISTS (SELECT 1 FROM target WHERE join AND cond)`; every value is `($n)::<catalog type>`.
 */
import type { PgTypeRef } from '../introspect/catalog-types.js';
import type { BoolIR, LhsIR, Mapping, SourceIR, ValueIR } from '../plan/ir.js';
import type { TableInfo } from '../model/model-types.js';
import type { SQL } from './sql.js';
import { ident, join, raw, sql, value } from './sql.js';
import { SESSION_JSON, SessionVarRef, defer } from './placeholders.js';

export interface CompileContext {
  /** Fresh alias generator. */
  fresh(prefix: string): string;
  readonly sessionJson: string;
  readonly stringifyNumeric: boolean;
  /** Compile for the plan cache: session values become placeholders bound per request (compiler/bind.ts). */
  readonly lateBinding?: boolean;
  /** Alias of the table a permission's `["$", col]` column references point to (insert/update checks). */
  readonly rootAlias?: string;
}

export function typeIdent(t: PgTypeRef): SQL {
  return ident(t.schema, t.name);
}

/**
 * Encode a request value for binding. Postgres-array-typed values (array columns, `_in` lists) go as JS arrays
 * (node-pg writes an array literal); anything else that is an object or list is sent as JSON text.
 */
export function encodeValue(v: unknown, array: boolean): unknown {
  const enc = (x: unknown): unknown => (x !== null && typeof x === 'object' ? JSON.stringify(x) : x);
  if (array && Array.isArray(v)) return v.map((x: unknown) => (Array.isArray(x) ? x.map(enc) : enc(x)));
  return enc(v);
}

/**
 * A bound value as an expression of type `t`. PostGIS values arrive as GeoJSON and go through
 * `ST_GeomFromGeoJSON` (src: Hasura/Backends/Postgres/SQL/Value.hs `withConstructorFn`).
 */
export function typedParam(param: SQL, t: PgTypeRef): SQL {
  if (t.name === 'geometry') return sql`ST_GeomFromGeoJSON((${param})::text)`;
  if (t.name === 'geography') return sql`(ST_GeomFromGeoJSON((${param})::text))::${typeIdent(t)}`;
  return sql`(${param})::${typeIdent(t)}`;
}

function sessionJsonValue(ctx: CompileContext): SQL {
  return value(ctx.lateBinding ? SESSION_JSON : ctx.sessionJson);
}

function rhsSql(ctx: CompileContext, v: ValueIR, alias: string): SQL {
  switch (v.kind) {
    case 'value': {
      const json = v.type.name === 'json' || v.type.name === 'jsonb';
      const jsonArray = v.type.name === '_json' || v.type.name === '_jsonb';
      const geo = v.type.name === 'geometry' || v.type.name === 'geography';
      const bound = defer(v.value, (x) =>
        json || geo
          ? JSON.stringify(x)
          : jsonArray && Array.isArray(x)
            ? x.map((y: unknown) => JSON.stringify(y))
            : encodeValue(x, v.array),
      );
      return typedParam(value(bound), v.type);
    }
    case 'session':
      return typedParam(value(ctx.lateBinding ? new SessionVarRef(v.name) : v.value), v.type);
    case 'session_json':
      return sql`(${sessionJsonValue(ctx)})::json`;
    case 'column':
      // `["$", col]` in a permission refers to the root table of the permission (mutations set `rootAlias`).
      return ident(v.root && ctx.rootAlias ? ctx.rootAlias : alias, v.column);
    case 'record':
      throw new Error('record value outside an operator that takes one');
  }
}

const GEO_FUNCTIONS: Readonly<Record<string, string>> = {
  _st_contains: 'ST_Contains',
  _st_crosses: 'ST_Crosses',
  _st_equals: 'ST_Equals',
  _st_intersects: 'ST_Intersects',
  _st_overlaps: 'ST_Overlaps',
  _st_touches: 'ST_Touches',
  _st_within: 'ST_Within',
  _st_3d_intersects: 'ST_3DIntersects',
};

/** `ST_DWithin(col, from, distance[, use_spheroid])` / `ST_3DDWithin(col, from, distance)` (src: Translate/BoolExp.hs). */
function dWithinSql(ctx: CompileContext, lhs: SQL, op: string, rhs: ValueIR, alias: string): SQL {
  if (rhs.kind !== 'record') throw new Error(`operator ${op} needs an object value`);
  const f = rhs.fields;
  const arg = (k: string): SQL => {
    const x = f[k];
    if (!x) throw new Error(`operator ${op} needs "${k}"`);
    return rhsSql(ctx, x, alias);
  };
  const args = [lhs, arg('from'), arg('distance'), ...(f['use_spheroid'] ? [arg('use_spheroid')] : [])];
  return sql`${raw(op === '_st_3d_d_within' ? 'ST_3DDWithin' : 'ST_DWithin')}(${join(args)})`;
}

/**
 * Call a computed field's function with the row `rowRef`: positional arguments until the first omitted one
 * (which has a default), named notation after it.
 */
export function functionCall(
  ctx: CompileContext,
  cf: { fnSchema: string; fnName: string; args: readonly { kind: string; name?: string; type?: PgTypeRef }[] },
  rowRef: SQL,
  args: Readonly<Record<string, unknown>>,
): SQL {
  const parts: SQL[] = [];
  let named = false;
  for (const a of cf.args) {
    let v: SQL | null = null;
    if (a.kind === 'table') v = rowRef;
    else if (a.kind === 'session') v = sql`(${sessionJsonValue(ctx)})::json`;
    else if (a.name !== undefined && a.type && a.name in args)
      v = sql`(${value(defer(args[a.name], (x) => encodeValue(x, false)))})::${typeIdent(a.type)}`;
    if (v === null) {
      named = true;
      continue;
    }
    parts.push(named && a.name ? sql`${ident(a.name)} => ${v}` : v);
  }
  return sql`${ident(cf.fnSchema, cf.fnName)}(${join(parts)})`;
}

/** A cell as the role may read it: `CASE WHEN <redaction> THEN cell ELSE NULL END` under inherited roles. */
export function redactedCell(ctx: CompileContext, cell: SQL, redact: BoolIR | undefined, alias: string): SQL {
  return redact ? sql`(CASE WHEN ${compileBool(ctx, redact, alias)} THEN ${cell} ELSE NULL END)` : cell;
}

function lhsSql(ctx: CompileContext, lhs: LhsIR, alias: string): SQL {
  if (lhs.kind === 'column') {
    const c = redactedCell(ctx, ident(alias, lhs.column.name), lhs.redact, alias);
    if (lhs.castTo) return sql`(${c})::${typeIdent(lhs.castTo)}`;
    return lhs.castText ? sql`(${c})::text` : c;
  }
  return redactedCell(ctx, functionCall(ctx, lhs.cf, ident(alias), {}), lhs.redact, alias);
}

const BINARY: Readonly<Record<string, string>> = {
  _eq: '=',
  _neq: '<>',
  _ne: '<>',
  _gt: '>',
  _lt: '<',
  _gte: '>=',
  _lte: '<=',
  _like: 'LIKE',
  _nlike: 'NOT LIKE',
  _ilike: 'ILIKE',
  _nilike: 'NOT ILIKE',
  _similar: 'SIMILAR TO',
  _nsimilar: 'NOT SIMILAR TO',
  _regex: '~',
  _iregex: '~*',
  _nregex: '!~',
  _niregex: '!~*',
  _contains: '@>',
  _contained_in: '<@',
  _has_key: '?',
  _has_keys_any: '?|',
  _has_keys_all: '?&',
  _ceq: '=',
  _cne: '<>',
  _cneq: '<>',
  _cgt: '>',
  _clt: '<',
  _cgte: '>=',
  _clte: '<=',
};

export function compileComparison(ctx: CompileContext, lhs: SQL, op: string, rhs: ValueIR | null, alias: string): SQL {
  if (op === '_is_null') return sql`(${lhs} IS NULL)`;
  if (op === '_is_not_null') return sql`(${lhs} IS NOT NULL)`;
  if (!rhs) throw new Error(`operator ${op} needs a value`);
  if (op === '_st_d_within' || op === '_st_3d_d_within') return dWithinSql(ctx, lhs, op, rhs, alias);
  const r = rhsSql(ctx, rhs, alias);
  const geo = GEO_FUNCTIONS[op];
  if (geo) return sql`${raw(geo)}(${lhs}, ${r})`;
  if (op === '_in') return sql`(${lhs} = ANY(${r}))`;
  if (op === '_nin') return sql`(NOT (${lhs} = ANY(${r})))`;
  const sym = BINARY[op];
  if (!sym) throw new Error(`unknown operator ${op}`);
  return sql`(${lhs} ${raw(sym)} ${r})`;
}

export function joinCondition(mapping: Mapping, parentAlias: string, childAlias: string): SQL[] {
  return mapping.map(([l, r]) => sql`(${ident(childAlias, r)} = ${ident(parentAlias, l)})`);
}

export function sourceSql(ctx: CompileContext, table: TableInfo, source: SourceIR, parentRow: SQL | null): SQL {
  if (source.kind === 'table') return ident(table.schema, table.name);
  // Rows of a mutation CTE, re-typed as the table's composite type so computed-field functions accept `__row`.
  if (source.kind === 'cte') {
    const cols = join(table.columns.map((c) => ident(source.name, c.name)));
    return sql`unnest(ARRAY(SELECT ROW(${cols})::${ident(table.schema, table.name)} FROM ${ident(source.name)}))`;
  }
  return functionCall(ctx, source.cf, parentRow ?? raw('NULL'), source.args);
}

export function compileBool(ctx: CompileContext, b: BoolIR, alias: string): SQL {
  switch (b.kind) {
    case 'true':
      return raw('true');
    case 'false':
      return raw('false');
    case 'and':
      return b.items.length === 0
        ? raw('true')
        : sql`(${join(
            b.items.map((i) => compileBool(ctx, i, alias)),
            ' AND ',
          )})`;
    case 'or':
      return b.items.length === 0
        ? raw('false')
        : sql`(${join(
            b.items.map((i) => compileBool(ctx, i, alias)),
            ' OR ',
          )})`;
    case 'not':
      return sql`(NOT ${compileBool(ctx, b.item, alias)})`;
    case 'cmp':
      return compileComparison(ctx, lhsSql(ctx, b.lhs, alias), b.op, b.rhs, alias);
    case 'exists': {
      const a = ctx.fresh('_e');
      const conds = [...(b.mapping ? joinCondition(b.mapping, alias, a) : []), compileBool(ctx, b.where, a)];
      return sql`EXISTS (SELECT 1 FROM ${sourceSql(ctx, b.table, b.source, ident(alias))} AS ${ident(a)} WHERE ${join(conds, ' AND ')})`;
    }
    case 'agg_count': {
      const a = ctx.fresh('_c');
      const conds = [...joinCondition(b.mapping, alias, a), compileBool(ctx, b.where, a)];
      const cols = b.columns.map((c) => ident(a, c.name));
      const arg = cols.length === 0 ? raw('*') : cols.length === 1 && cols[0] ? cols[0] : sql`ROW(${join(cols)})`;
      const count = sql`(SELECT count(${b.distinct ? raw('DISTINCT ') : raw('')}${arg}) FROM ${ident(b.table.schema, b.table.name)} AS ${ident(a)} WHERE ${join(conds, ' AND ')})`;
      const preds = b.predicate.map((p) => compileComparison(ctx, count, p.op, p.rhs, alias));
      return preds.length === 0 ? raw('true') : sql`(${join(preds, ' AND ')})`;
    }
  }
}
