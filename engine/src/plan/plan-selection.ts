/**
 * Selection sets → FieldIR. The role's GraphQL type decides what exists (a field absent from it is
 * `field 'x' not found in type: 't'`, src: Hasura/GraphQL/Parser/Internal/Parser.hs `selectionSet`); the
 * `extensions.hasura` of each field says what it means.
 */
import { isObjectType, getNamedType } from 'graphql';
import type { GraphQLField, GraphQLObjectType } from 'graphql';
import { validationFailed } from '../errors.js';
import type { TableInfo } from '../model/model-types.js';
import type { OutputInfo } from '../schema/field-info.js';
import { outputInfo } from '../schema/field-info.js';
import type { AggFieldIR, AggItemIR, BoolIR, FieldIR, Mapping, SelectIR, SourceIR } from './ir.js';
import type { CollectContext, CollectedField } from './collect-fields.js';
import { collectFields, subSelections } from './collect-fields.js';
import { astValue, coerceInput } from './coerce-input.js';
import type { BoolContext } from './plan-bool-exp.js';
import { permissionFilter, redactionOf } from './plan-bool-exp.js';
import { planSelectArgs } from './plan-args.js';
import { parseJsonPath } from './parse-json-path.js';

export interface PlannerContext extends BoolContext, CollectContext {
  depth: number;
  /**
   * Set when planning for the plan cache: variables whose values decide the plan (the rest become `Param`s,
   * plan/coerce-input.ts).
   */
  readonly shapeVars?: Set<string>;
}

const MAX_DEPTH = 64;

/** Raw (untyped) argument values of a collected field; unknown argument names are errors. */
export function rawArgs(
  ctx: PlannerContext,
  f: CollectedField,
  def: GraphQLField<unknown, unknown>,
): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const node = f.nodes[0];
  for (const a of node?.arguments ?? []) {
    if (!def.args.some((d) => d.name === a.name.value)) {
      throw validationFailed(`'${def.name}' has no argument named '${a.name.value}'`, f.path);
    }
    const name = a.name.value;
    const refs = name === 'where' || name === 'args' || outputInfo(def)?.kind === 'root_by_pk';
    const v = astValue(a.value, ctx.variables, ctx.shapeVars ? { shape: ctx.shapeVars, refs } : undefined);
    if (v !== undefined) out[a.name.value] = v;
  }
  for (const d of def.args) {
    if (d.type.toString().endsWith('!') && out[d.name] === undefined) {
      throw validationFailed(`missing required field '${d.name}'`, `${f.path}.args`);
    }
  }
  return out;
}

function lookupField(parent: GraphQLObjectType, f: CollectedField): GraphQLField<unknown, unknown> {
  const def = parent.getFields()[f.name];
  if (!def) throw validationFailed(`field '${f.name}' not found in type: '${parent.name}'`, f.path);
  return def;
}

function childType(def: GraphQLField<unknown, unknown>): GraphQLObjectType {
  const t = getNamedType(def.type);
  if (!isObjectType(t)) throw new Error(`expected an object type for ${def.name}`);
  return t;
}

function computedArgs(
  ctx: PlannerContext,
  def: GraphQLField<unknown, unknown>,
  raw: Record<string, unknown>,
  path: string,
): Record<string, unknown> {
  const a = def.args.find((x) => x.name === 'args');
  if (!a || raw['args'] === undefined) return {};
  return (coerceInput(a.type, raw['args'], `${path}.args.args`) ?? {}) as Record<string, unknown>;
}

/** Plan a table select (root, relationship, or computed field) with its arguments. */
export function planTableSelect(
  ctx: PlannerContext,
  table: TableInfo,
  def: GraphQLField<unknown, unknown>,
  f: CollectedField,
  opts: {
    join: Mapping | null;
    source: SourceIR;
    withArgs: boolean;
    objectType: GraphQLObjectType;
    fieldsFrom: CollectedField[] | null;
    aggregate?: boolean;
  },
): SelectIR {
  const raw = rawArgs(ctx, f, def);
  const a = opts.withArgs
    ? planSelectArgs(ctx, def, table, raw, f.path)
    : {
        where: permissionFilter(ctx, table),
        orderBy: [],
        distinctOn: null,
        limit: null,
        offset: null,
        userLimit: null,
        permLimit: null,
      };
  const fields = opts.fieldsFrom === null ? planFields(ctx, opts.objectType, f, table) : [];
  const isAggregate = opts.fieldsFrom !== null && opts.fieldsFrom.length === 0 && opts.aggregate === true;
  return {
    table,
    source: opts.source,
    where: a.where,
    orderBy: a.orderBy,
    distinctOn: a.distinctOn,
    limit: isAggregate ? a.userLimit : a.limit,
    offset: a.offset,
    nodesLimit: isAggregate ? a.permLimit : null,
    join: opts.join,
    fields,
  };
}

type FieldInfo<K extends OutputInfo['kind']> = Extract<OutputInfo, { readonly kind: K }>;
type FieldDef = GraphQLField<unknown, unknown>;

/** A column, with its JSON `path` argument parsed. */
function planColumnField(
  ctx: PlannerContext,
  table: TableInfo | undefined,
  c: CollectedField,
  def: FieldDef,
  info: FieldInfo<'column'>,
): FieldIR {
  const raw = rawArgs(ctx, c, def);
  let path: string[] | null = null;
  if (typeof raw['path'] === 'string') {
    path = parseJsonPath(raw['path']);
    if (path === null) throw validationFailed(`parse json path error: ${raw['path']}`, `${c.path}.args.path`);
  }
  const redact = redactionOf(ctx, table, info.column.name, false);
  return { alias: c.alias, kind: 'column', column: info.column, path, ...(redact ? { redact } : {}) };
}

function planComputedScalarField(
  ctx: PlannerContext,
  table: TableInfo | undefined,
  c: CollectedField,
  def: FieldDef,
  info: FieldInfo<'computed_scalar'>,
): FieldIR {
  const redact = redactionOf(ctx, table, info.cf.name, true);
  return {
    alias: c.alias,
    kind: 'computed_scalar',
    cf: info.cf,
    args: computedArgs(ctx, def, rawArgs(ctx, c, def), c.path),
    ...(redact ? { redact } : {}),
  };
}

function planRelationshipField(
  ctx: PlannerContext,
  c: CollectedField,
  def: FieldDef,
  info: FieldInfo<'relationship'>,
): FieldIR {
  const select = planTableSelect(ctx, info.table, def, c, {
    join: info.rel.mapping,
    source: { kind: 'table' },
    withArgs: info.rel.kind === 'array',
    objectType: childType(def),
    fieldsFrom: null,
  });
  return { alias: c.alias, kind: info.rel.kind === 'object' ? 'object' : 'array', select };
}

/** A computed field returning rows of a table: a list when the function returns a set, else one row. */
function planComputedTableField(
  ctx: PlannerContext,
  c: CollectedField,
  def: FieldDef,
  info: FieldInfo<'computed_table'>,
): FieldIR {
  const cfArgs = computedArgs(ctx, def, rawArgs(ctx, c, def), c.path);
  const set = info.cf.returns.kind === 'table' && info.cf.returns.set;
  const select = planTableSelect(ctx, info.table, def, c, {
    join: null,
    source: { kind: 'function', cf: info.cf, args: cfArgs },
    withArgs: set,
    objectType: childType(def),
    fieldsFrom: null,
  });
  return { alias: c.alias, kind: set ? 'array' : 'object', select };
}

/** `<rel>_aggregate` or `<computed field>_aggregate`. */
function planAggregateField(
  ctx: PlannerContext,
  c: CollectedField,
  def: FieldDef,
  info: FieldInfo<'rel_aggregate' | 'computed_aggregate'>,
): FieldIR {
  const source: SourceIR =
    info.kind === 'rel_aggregate'
      ? { kind: 'table' }
      : { kind: 'function', cf: info.cf, args: computedArgs(ctx, def, rawArgs(ctx, c, def), c.path) };
  const join = info.kind === 'rel_aggregate' ? info.rel.mapping : null;
  const { select, agg } = planAggregate(ctx, info.table, def, c, join, source);
  return { alias: c.alias, kind: 'aggregate', select, agg };
}

/** One collected field of an object of `parent` (the role's type of `table`). */
function planField(
  ctx: PlannerContext,
  parent: GraphQLObjectType,
  table: TableInfo | undefined,
  c: CollectedField,
): FieldIR {
  if (c.name === '__typename') return { alias: c.alias, kind: 'typename', name: parent.name };
  const def = lookupField(parent, c);
  const info = outputInfo(def);
  if (!info) throw validationFailed(`field '${c.name}' not found in type: '${parent.name}'`, c.path);
  switch (info.kind) {
    case 'column':
      return planColumnField(ctx, table, c, def, info);
    case 'computed_scalar':
      return planComputedScalarField(ctx, table, c, def, info);
    case 'relationship':
      return planRelationshipField(ctx, c, def, info);
    case 'computed_table':
      return planComputedTableField(ctx, c, def, info);
    case 'rel_aggregate':
    case 'computed_aggregate':
      return planAggregateField(ctx, c, def, info);
    default:
      throw validationFailed(`field '${c.name}' not found in type: '${parent.name}'`, c.path);
  }
}

export function planFields(
  ctx: PlannerContext,
  parent: GraphQLObjectType,
  f: CollectedField,
  table?: TableInfo,
): FieldIR[] {
  if (++ctx.depth > MAX_DEPTH) throw validationFailed('the query is nested too deeply', f.path);
  const out: FieldIR[] = [];
  for (const c of collectFields(ctx, parent, subSelections(f), f.path, f.fragStack)) {
    out.push(planField(ctx, parent, table, c));
  }
  ctx.depth--;
  return out;
}

/** `<t>_aggregate { aggregate { count sum {…} … } nodes {…} }`. */
export function planAggregate(
  ctx: PlannerContext,
  table: TableInfo,
  def: GraphQLField<unknown, unknown>,
  f: CollectedField,
  join: Mapping | null,
  source: SourceIR,
): { select: SelectIR; agg: AggFieldIR[] } {
  const aggType = childType(def);
  const select = planTableSelect(ctx, table, def, f, {
    join,
    source,
    withArgs: true,
    objectType: aggType,
    fieldsFrom: [],
    aggregate: true,
  });
  const agg: AggFieldIR[] = [];
  for (const c of collectFields(ctx, aggType, subSelections(f), f.path, f.fragStack)) {
    if (c.name === '__typename') {
      agg.push({ alias: c.alias, kind: 'typename', name: aggType.name });
      continue;
    }
    const cdef = lookupField(aggType, c);
    const info = outputInfo(cdef);
    if (info?.kind === 'agg_nodes') {
      agg.push({ alias: c.alias, kind: 'nodes', fields: planFields(ctx, childType(cdef), c, table) });
    } else if (info?.kind === 'agg_aggregate') {
      const fieldsType = childType(cdef);
      const items: AggItemIR[] = [];
      for (const a of collectFields(ctx, fieldsType, subSelections(c), c.path, c.fragStack)) {
        if (a.name === '__typename') {
          items.push({ alias: a.alias, kind: 'typename', name: fieldsType.name });
          continue;
        }
        const adef = lookupField(fieldsType, a);
        const ainfo = outputInfo(adef);
        if (ainfo?.kind === 'agg_count') {
          const raw = rawArgs(ctx, a, adef);
          const colsArg = adef.args.find((x) => x.name === 'columns');
          const names =
            colsArg && raw['columns'] !== undefined
              ? ((coerceInput(colsArg.type, raw['columns'], `${a.path}.args.columns`) ?? []) as string[])
              : [];
          const columns = names
            .map((n) => table.columns.find((col) => col.gqlName === n))
            .filter((x) => x !== undefined);
          items.push({ alias: a.alias, kind: 'count', columns, distinct: raw['distinct'] === true });
        } else if (ainfo?.kind === 'agg_op') {
          const opType = childType(adef);
          const columns: (
            | { alias: string; column: NonNullable<ReturnType<typeof table.columnByName.get>>; redact?: BoolIR }
            | { alias: string; typename: string }
          )[] = [];
          for (const x of collectFields(ctx, opType, subSelections(a), a.path, a.fragStack)) {
            if (x.name === '__typename') {
              columns.push({ alias: x.alias, typename: opType.name });
              continue;
            }
            const xinfo = outputInfo(lookupField(opType, x));
            if (xinfo?.kind === 'agg_column') {
              // Hasura redacts aggregated cells too: `sum(CASE WHEN … THEN col END)` (test: inherited_roles).
              const redact = redactionOf(ctx, table, xinfo.column.name, false);
              columns.push({ alias: x.alias, column: xinfo.column, ...(redact ? { redact } : {}) });
            }
          }
          items.push({ alias: a.alias, kind: 'op', op: ainfo.op, typename: opType.name, columns });
        }
      }
      agg.push({ alias: c.alias, kind: 'aggregate', items });
    }
  }
  return { select, agg };
}
