/**
 * Bool-exps → BoolIR, for both a request's `where` (checked against the role's `<t>_bool_exp` input type, so a
 * field the role cannot see is `not found`) and a permission `filter` from metadata (session variables,
 * `_exists`, column comparisons `_ceq…`; docs: auth/authorization/permissions/permissions-operators.mdx).
 * A relationship filter also applies the target table's permission filter, as Hasura does (BoolExp.hs).
 */
import { isInputObjectType } from 'graphql';
import type { GraphQLInputField, GraphQLInputObjectType } from 'graphql';
import { EngineError, validationFailed } from '../errors.js';
import type { PgTypeRef } from '../introspect/catalog-types.js';
import type { BoolExpJson } from '../metadata/types.js';
import { qualify } from '../metadata/types.js';
import type { Model, SelectPermInfo, TableInfo } from '../model/model-types.js';
import { tableKey } from '../model/model-types.js';
import type { InputInfo } from '../schema/field-info.js';
import { inputInfo } from '../schema/field-info.js';
import type { BoolIR, LhsIR, ValueIR } from './ir.js';

export interface BoolContext {
  readonly model: Model;
  readonly perm: (t: TableInfo) => SelectPermInfo | undefined;
  readonly session: Readonly<Record<string, string>>;
  readonly nullCollapse: boolean;
  /** Session variables the plan reads (checked again when a cached plan is reused). */
  readonly usedSession?: Set<string>;
  /** Planned redaction conditions by their metadata object, so equal conditions share one BoolIR (one SQL column). */
  redactMemo?: Map<BoolExpJson, BoolIR>;
}

/**
 * The inherited-role cell condition of a column or computed field of `table`, if any (model/resolve-permissions.ts).
 * Hasura applies it wherever the role reads the cell: selection, aggregates, `where` and `order_by`
 * (`AnnRedactionExp` on `AVColumn` / `AOCColumn`), so a filter cannot reveal a redacted value.
 */
export function redactionOf(
  ctx: BoolContext,
  table: TableInfo | undefined,
  name: string,
  computed: boolean,
): BoolIR | undefined {
  if (!table) return undefined;
  const p = ctx.perm(table);
  const exp = (computed ? p?.redactComputed : p?.redactColumns)?.get(name);
  if (!exp) return undefined;
  const memo = (ctx.redactMemo ??= new Map());
  let b = memo.get(exp);
  if (!b) {
    b = planPermissionBoolExp(ctx, table, exp);
    memo.set(exp, b);
  }
  return b;
}

/** `{redact}` when the cell has a redaction condition, else nothing (for spreading into an IR node). */
export function redactField(
  ctx: BoolContext,
  table: TableInfo | undefined,
  name: string,
  computed: boolean,
): { redact?: BoolIR } {
  const redact = redactionOf(ctx, table, name, computed);
  return redact ? { redact } : {};
}

const TEXT: PgTypeRef = { name: 'text', schema: 'pg_catalog', kind: 'b', elem: null, base: null };
const TEXT_ARRAY: PgTypeRef = { name: '_text', schema: 'pg_catalog', kind: 'b', elem: 'text', base: null };
const INT4: PgTypeRef = { name: 'int4', schema: 'pg_catalog', kind: 'b', elem: null, base: null };
const FLOAT8: PgTypeRef = { name: 'float8', schema: 'pg_catalog', kind: 'b', elem: null, base: null };
const BOOL: PgTypeRef = { name: 'bool', schema: 'pg_catalog', kind: 'b', elem: null, base: null };
const D_WITHIN_OPS = new Set(['_st_d_within', '_st_3d_d_within']);

const LIST_OPS = new Set(['_in', '_nin', '_has_keys_any', '_has_keys_all']);
const TEXT_OPS = new Set([
  '_like',
  '_nlike',
  '_ilike',
  '_nilike',
  '_similar',
  '_nsimilar',
  '_regex',
  '_iregex',
  '_nregex',
  '_niregex',
]);
const COLUMN_OPS = new Set(['_ceq', '_cne', '_cneq', '_cgt', '_clt', '_cgte', '_clte']);

export function and(items: readonly BoolIR[]): BoolIR {
  const kept = items.filter((i) => i.kind !== 'true');
  if (kept.length === 0) return { kind: 'true' };
  if (kept.length === 1 && kept[0]) return kept[0];
  return { kind: 'and', items: kept };
}

function nullMessage(scalar: string): string {
  switch (scalar) {
    case 'Int':
      return 'expected a 32-bit integer for type "Int", but found null';
    case 'String':
      return 'expected a string for type "String", but found null';
    case 'Boolean':
      return 'expected a boolean for type "Boolean", but found null';
    case 'Float':
      return 'expected a float for type "Float", but found null';
    default:
      return `unexpected null value for type "${scalar}"`;
  }
}

function lhsType(lhs: LhsIR): { type: PgTypeRef; scalar: string; isArray: boolean } {
  if (lhs.kind === 'column') {
    if (lhs.castText) return { type: TEXT, scalar: 'String', isArray: false };
    if (lhs.castTo) return { type: lhs.castTo, scalar: lhs.castTo.name, isArray: false };
    return { type: lhs.column.type, scalar: lhs.column.scalar, isArray: lhs.column.isArray };
  }
  const r = lhs.cf.returns;
  return r.kind === 'scalar'
    ? { type: r.type, scalar: r.scalar, isArray: false }
    : { type: TEXT, scalar: 'String', isArray: false };
}

/** Resolve a permission value: `X-Hasura-*` strings are session variables (case-insensitive). */
function permValue(ctx: BoolContext, v: unknown, type: PgTypeRef, array: boolean): ValueIR {
  if (typeof v === 'string' && /^x-hasura-/i.test(v)) {
    const name = v.toLowerCase();
    const value = ctx.session[name];
    if (value === undefined) throw new EngineError('not-found', `missing session variable: "${name}"`, '$');
    ctx.usedSession?.add(name);
    return { kind: 'session', name, value, type, array };
  }
  return { kind: 'value', value: v, type, array };
}

function arrayOf(t: PgTypeRef): PgTypeRef {
  return { name: `_${t.name}`, schema: t.schema, kind: 'b', elem: t.name, base: null };
}

function isGeo(t: string): boolean {
  return t === 'geometry' || t === 'geography';
}

/**
 * `_st_d_within` / `_st_3d_d_within` arguments: `distance` (float), `from` (the column's type) and, for geography,
 * `use_spheroid` (default true). In permissions each may be a session variable (src: Hasura/Backends/Postgres/DDL/
 * BoolExp.hs `parseSTDWithinObj`).
 */
function dWithinValue(ctx: BoolContext, v: unknown, type: PgTypeRef, isPerm: boolean): ValueIR {
  const o = (v ?? {}) as Record<string, unknown>;
  const one = (x: unknown, t: PgTypeRef): ValueIR =>
    isPerm ? permValue(ctx, x, t, false) : { kind: 'value', value: x, type: t, array: false };
  const fields: Record<string, ValueIR> = { distance: one(o['distance'], FLOAT8), from: one(o['from'], type) };
  if (type.name === 'geography') fields['use_spheroid'] = one(o['use_spheroid'] ?? true, BOOL);
  return { kind: 'record', fields };
}

/** `_cast: {String: {…}}` (and geometry ⇄ geography): comparisons on the cast column. */
function planCasts(
  ctx: BoolContext,
  lhs: LhsIR,
  type: PgTypeRef,
  v: unknown,
  opPath: string,
  isPerm: boolean,
): BoolIR[] {
  const out: BoolIR[] = [];
  const casts = (v ?? {}) as Record<string, unknown>;
  for (const [target, sub] of Object.entries(casts)) {
    const subOps = (sub ?? {}) as Record<string, unknown>;
    const subPath = `${opPath}.${target}`;
    if (lhs.kind === 'column' && target === 'String') {
      out.push(...planComparisons(ctx, { ...lhs, castText: true }, subOps, subPath, isPerm));
    } else if (lhs.kind === 'column' && isGeo(type.name) && isGeo(target) && target !== type.name) {
      // geometry ⇄ geography casts (src: Hasura/Backends/Postgres/DDL/BoolExp.hs `checkValidCast`)
      out.push(...planComparisons(ctx, { ...lhs, castTo: { ...type, name: target } }, subOps, subPath, isPerm));
    } else throw validationFailed(`unsupported cast to '${target}'`, subPath);
  }
  return out;
}

/** The type of an operator's value: the column's own, text, a text array or an array of the column's type. */
function rhsTypeOf(op: string, type: PgTypeRef, isArray: boolean): { rhsType: PgTypeRef; array: boolean } {
  if (op === '_has_key') return { rhsType: TEXT, array: isArray };
  if (op === '_has_keys_any' || op === '_has_keys_all') return { rhsType: TEXT_ARRAY, array: true };
  if (op === '_in' || op === '_nin') return { rhsType: isArray ? type : arrayOf(type), array: true };
  if (TEXT_OPS.has(op)) return { rhsType: TEXT, array: isArray };
  return { rhsType: type, array: isArray };
}

/** `_ceq` and the other column comparisons (permissions only): `col` on this row, `["$", col]` on the root row. */
function planColumnComparison(
  lhs: LhsIR,
  op: string,
  rawOp: string,
  v: unknown,
  opPath: string,
  isPerm: boolean,
): BoolIR {
  if (!isPerm) throw validationFailed(`field '${rawOp}' not found`, opPath);
  const ref = Array.isArray(v)
    ? { column: typeof v[1] === 'string' ? v[1] : '', root: true }
    : { column: typeof v === 'string' ? v : '', root: false };
  return { kind: 'cmp', lhs, op, rhs: { kind: 'column', ...ref } };
}

/** One `_op: value` on `lhs`; nothing when the value is null and null values collapse to `true`. */
function planComparison(
  ctx: BoolContext,
  lhs: LhsIR,
  rawOp: string,
  v: unknown,
  path: string,
  isPerm: boolean,
): BoolIR[] {
  const { type, scalar, isArray } = lhsType(lhs);
  const op = rawOp.startsWith('$') ? `_${rawOp.slice(1)}` : rawOp;
  const opPath = `${path}.${rawOp}`;
  if (op === '_cast') return planCasts(ctx, lhs, type, v, opPath, isPerm);
  if (op === '_is_null') {
    if (v === null || v === undefined) {
      if (ctx.nullCollapse) return [];
      throw validationFailed(nullMessage('Boolean'), opPath);
    }
    return [{ kind: 'cmp', lhs, op: v === true || v === 'true' ? '_is_null' : '_is_not_null', rhs: null }];
  }
  if (v === null || v === undefined) {
    if (ctx.nullCollapse) return [];
    throw validationFailed(nullMessage(LIST_OPS.has(op) ? scalar : TEXT_OPS.has(op) ? 'String' : scalar), opPath);
  }
  if (COLUMN_OPS.has(op)) return [planColumnComparison(lhs, op, rawOp, v, opPath, isPerm)];
  if (D_WITHIN_OPS.has(op)) return [{ kind: 'cmp', lhs, op, rhs: dWithinValue(ctx, v, type, isPerm) }];
  const { rhsType, array } = rhsTypeOf(op, type, isArray);
  const rhs: ValueIR = isPerm ? permValue(ctx, v, rhsType, array) : { kind: 'value', value: v, type: rhsType, array };
  return [{ kind: 'cmp', lhs, op, rhs }];
}

/** One `{_op: value, …}` object on a column/computed field. */
function planComparisons(
  ctx: BoolContext,
  lhs: LhsIR,
  ops: Record<string, unknown>,
  path: string,
  isPerm: boolean,
): BoolIR[] {
  return Object.entries(ops).flatMap(([rawOp, v]) => planComparison(ctx, lhs, rawOp, v, path, isPerm));
}

type WhereInfo<K extends InputInfo['kind']> = Extract<InputInfo, { readonly kind: K }>;

/** The `count` aggregate's own value as a column of type Int, for comparing it with the `predicate`. */
const COUNT_COLUMN: LhsIR = {
  kind: 'column',
  column: {
    name: '',
    gqlName: '',
    type: INT4,
    baseType: 'int4',
    isArray: false,
    scalar: 'Int',
    notNull: true,
    hasDefault: false,
    description: null,
  },
  castText: false,
};

/** `_and` / `_or`: a list (or one object) of sub-expressions; null items are skipped. */
function planWhereAndOr(
  ctx: BoolContext,
  type: GraphQLInputObjectType,
  table: TableInfo,
  kind: 'bool_and' | 'bool_or',
  v: unknown,
  p: string,
): BoolIR {
  const list = (Array.isArray(v) ? v : [v]) as unknown[];
  const sub = list.filter((x) => x !== null).map((x, i) => planWhere(ctx, type, table, x, `${p}[${i}]`));
  return kind === 'bool_and' ? and(sub) : sub.length === 0 ? { kind: 'true' } : { kind: 'or', items: sub };
}

/** A relationship or table computed field: `EXISTS` a related row matching the filter and the target's permission. */
function planWhereExists(
  ctx: BoolContext,
  f: GraphQLInputField,
  info: WhereInfo<'bool_rel' | 'bool_computed_table'>,
  v: unknown,
  p: string,
): BoolIR[] {
  const ft = f.type;
  if (!isInputObjectType(ft)) return [];
  const sub = planWhere(ctx, ft, info.table, v, p);
  const perm = permissionFilter(ctx, info.table);
  const source =
    info.kind === 'bool_rel' ? { kind: 'table' as const } : { kind: 'function' as const, cf: info.cf, args: {} };
  const mapping = info.kind === 'bool_rel' ? info.rel.mapping : null;
  return [{ kind: 'exists', source, table: info.table, mapping, where: and([perm, sub]) }];
}

/** The `filter` of a relationship aggregate's `count`, planned against its own bool-exp type. */
function planCountFilter(
  ctx: BoolContext,
  f: GraphQLInputField,
  info: WhereInfo<'bool_rel_aggregate'>,
  count: Record<string, unknown>,
  p: string,
): BoolIR {
  const boolType = isInputObjectType(f.type) ? f.type.getFields()['count']?.type : undefined;
  const countFields = boolType && isInputObjectType(boolType) ? boolType.getFields() : {};
  const filterType = countFields['filter']?.type;
  return count['filter'] !== undefined && filterType && isInputObjectType(filterType)
    ? planWhere(ctx, filterType, info.table, count['filter'], `${p}.count.filter`)
    : { kind: 'true' };
}

/** `<rel>_aggregate: {count: {arguments, distinct, filter, predicate}}`: compares the number of related rows. */
function planWhereRelAggregate(
  ctx: BoolContext,
  f: GraphQLInputField,
  info: WhereInfo<'bool_rel_aggregate'>,
  v: unknown,
  p: string,
): BoolIR[] {
  const count = (v as { count?: Record<string, unknown> }).count;
  if (!count) return [];
  const filter = planCountFilter(ctx, f, info, count, p);
  const cols = ((count['arguments'] as string[] | null | undefined) ?? []).map((n) =>
    info.table.columns.find((c) => c.gqlName === n),
  );
  const predicate = planComparisons(
    ctx,
    COUNT_COLUMN,
    (count['predicate'] ?? {}) as Record<string, unknown>,
    `${p}.count.predicate`,
    false,
  ).map((c) => (c.kind === 'cmp' ? { op: c.op, rhs: c.rhs } : { op: '_is_not_null', rhs: null }));
  return [
    {
      kind: 'agg_count',
      table: info.table,
      mapping: info.rel.mapping,
      where: and([permissionFilter(ctx, info.table), filter]),
      columns: cols.filter((c) => c !== undefined),
      distinct: count['distinct'] === true,
      predicate,
    },
  ];
}

/** One `field: value` entry of a request `where`; its value is not null. */
function planWhereField(
  ctx: BoolContext,
  type: GraphQLInputObjectType,
  table: TableInfo,
  f: GraphQLInputField,
  info: InputInfo,
  v: unknown,
  p: string,
): BoolIR[] {
  switch (info.kind) {
    case 'bool_and':
    case 'bool_or':
      return [planWhereAndOr(ctx, type, table, info.kind, v, p)];
    case 'bool_not':
      return [{ kind: 'not', item: planWhere(ctx, type, table, v, p) }];
    case 'bool_column': {
      const lhs: LhsIR = {
        kind: 'column',
        column: info.column,
        castText: false,
        ...redactField(ctx, table, info.column.name, false),
      };
      return planComparisons(ctx, lhs, v as Record<string, unknown>, p, false);
    }
    case 'bool_computed_scalar': {
      const lhs: LhsIR = { kind: 'computed', cf: info.cf, ...redactField(ctx, table, info.cf.name, true) };
      return planComparisons(ctx, lhs, v as Record<string, unknown>, p, false);
    }
    case 'bool_rel':
    case 'bool_computed_table':
      return planWhereExists(ctx, f, info, v, p);
    case 'bool_rel_aggregate':
      return planWhereRelAggregate(ctx, f, info, v, p);
    default:
      throw validationFailed(`field '${f.name}' not found in type: '${type.name}'`, p);
  }
}

/** A request `where`, already coerced to `type` (the role's `<t>_bool_exp`). */
export function planWhere(
  ctx: BoolContext,
  type: GraphQLInputObjectType,
  table: TableInfo,
  value: unknown,
  path: string,
): BoolIR {
  if (value === null || value === undefined) return { kind: 'true' };
  const fields = type.getFields();
  const items: BoolIR[] = [];
  for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
    const f = fields[k];
    const info = inputInfo(f);
    const p = `${path}.${k}`;
    if (!f || !info) throw validationFailed(`field '${k}' not found in type: '${type.name}'`, p);
    if (v === null || v === undefined) {
      if (ctx.nullCollapse || info.kind === 'bool_and' || info.kind === 'bool_or') continue;
      throw validationFailed(`expected an object for type '${String(f.type)}', but found null`, p);
    }
    items.push(...planWhereField(ctx, type, table, f, info, v, p));
  }
  return and(items);
}

/** The role's permission filter on `table` as BoolIR (`true` for admin). */
export function permissionFilter(ctx: BoolContext, table: TableInfo): BoolIR {
  const p = ctx.perm(table);
  if (!p) return { kind: 'false' };
  return planPermissionBoolExp(ctx, table, p.filter);
}

/**
 * The table a permission's relationship or table computed field reaches. Load-time checks make such a permission
 * inconsistent when its target is not tracked (model/validate-permission-exp.ts); should one still get here, the
 * request fails rather than run with the condition dropped (which would show the role more rows).
 */
function permissionTarget(ctx: BoolContext, key: string, field: string, table: TableInfo): TableInfo {
  const target = ctx.model.tables.get(key);
  if (!target) {
    throw new EngineError('unexpected', `"${field}" in permission of table "${table.name}" reaches an untracked table`);
  }
  return target;
}

/** `_exists: {_table, _where}`: a row of any tracked table matches, unrelated to this one. */
function planPermissionExists(ctx: BoolContext, v: unknown): BoolIR {
  const e = v as { _table: { name: string; schema?: string } | string; _where?: BoolExpJson };
  const q = qualify(e._table);
  const target = ctx.model.tables.get(tableKey(q.schema, q.name));
  if (!target) throw new EngineError('unexpected', `table "${q.name}" used in _exists is not tracked`);
  return {
    kind: 'exists',
    source: { kind: 'table' },
    table: target,
    mapping: null,
    where: planPermissionBoolExp(ctx, target, e._where ?? {}),
  };
}

/** A column, relationship or computed field of `table` in a permission bool-exp. */
function planPermissionField(ctx: BoolContext, table: TableInfo, k: string, v: unknown): BoolIR[] {
  const col = table.columnByName.get(k);
  const ops = v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : { _eq: v };
  if (col) return planComparisons(ctx, { kind: 'column', column: col, castText: false }, ops, '$', true);
  const rel = table.relationships.find((r) => r.name === k);
  if (rel) {
    const target = permissionTarget(ctx, rel.target, k, table);
    const where = planPermissionBoolExp(ctx, target, (v ?? {}) as BoolExpJson);
    return [{ kind: 'exists', source: { kind: 'table' }, table: target, mapping: rel.mapping, where }];
  }
  const cf = table.computedFields.find((c) => c.name === k);
  if (cf && cf.returns.kind === 'scalar') return planComparisons(ctx, { kind: 'computed', cf }, ops, '$', true);
  if (cf && cf.returns.kind === 'table') {
    const target = permissionTarget(ctx, cf.returns.table, k, table);
    const where = planPermissionBoolExp(ctx, target, (v ?? {}) as BoolExpJson);
    return [{ kind: 'exists', source: { kind: 'function', cf, args: {} }, table: target, mapping: null, where }];
  }
  throw new EngineError('unexpected', `unknown field "${k}" in permission of table "${table.name}"`);
}

/** A metadata bool-exp (permission filter or `_exists._where`), resolved against the model. */
export function planPermissionBoolExp(ctx: BoolContext, table: TableInfo, exp: BoolExpJson): BoolIR {
  const items: BoolIR[] = [];
  for (const [k, v] of Object.entries(exp)) {
    if (k === '_and' || k === '$and') {
      items.push(and(((v ?? []) as BoolExpJson[]).map((x) => planPermissionBoolExp(ctx, table, x))));
    } else if (k === '_or' || k === '$or') {
      const sub = ((v ?? []) as BoolExpJson[]).map((x) => planPermissionBoolExp(ctx, table, x));
      items.push(sub.length === 0 ? { kind: 'false' } : { kind: 'or', items: sub });
    } else if (k === '_not' || k === '$not') {
      items.push({ kind: 'not', item: planPermissionBoolExp(ctx, table, (v ?? {}) as BoolExpJson) });
    } else if (k === '_exists') {
      items.push(planPermissionExists(ctx, v));
    } else {
      items.push(...planPermissionField(ctx, table, k, v));
    }
  }
  return and(items);
}
