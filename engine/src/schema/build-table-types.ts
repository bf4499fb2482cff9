/**
 * Object and input types of one table for one role (src: Hasura/GraphQL/Schema/Select.hs `tableSelectionSet`,
 * `tableAggregationFields`; BoolExp.hs `boolExp`; OrderBy.hs `orderByExp`). Fields are sorted by name, as Hasura's
 * introspection lists them.
 */
import {
  GraphQLEnumType,
  GraphQLInputObjectType,
  GraphQLInt,
  GraphQLBoolean,
  GraphQLFloat,
  GraphQLList,
  GraphQLNonNull,
  GraphQLObjectType,
  GraphQLString,
} from 'graphql';
import type {
  GraphQLFieldConfig,
  GraphQLFieldConfigArgumentMap,
  GraphQLFieldConfigMap,
  GraphQLInputFieldConfigMap,
  GraphQLOutputType,
} from 'graphql';
import type { ColumnInfo, ComputedFieldInfo, TableInfo } from '../model/model-types.js';
import { baseTypeName, isComparableType, isNumericType, scalarNameFor } from '../model/pg-scalars.js';
import type { SchemaContext } from './schema-context.js';
import { AGG_OPS } from './field-info.js';
import type { AggOp, InputInfo, OutputInfo } from './field-info.js';

type OutCfg = GraphQLFieldConfig<unknown, unknown>;

function sortFields<T>(m: Record<string, T>): Record<string, T> {
  const out: Record<string, T> = {};
  for (const k of Object.keys(m).sort()) out[k] = m[k] as T;
  return out;
}

const out = (info: OutputInfo): { hasura: OutputInfo } => ({ hasura: info });
const inp = (info: InputInfo): { hasura: InputInfo } => ({ hasura: info });

export class TableTypes {
  private readonly cache = new Map<string, unknown>();
  constructor(private readonly ctx: SchemaContext) {}

  private memo<T>(name: string, make: () => T): T {
    if (!this.cache.has(name)) this.cache.set(name, make());
    return this.cache.get(name) as T;
  }

  columnOutputType(c: ColumnInfo): GraphQLOutputType {
    const s = this.ctx.scalars.scalar(c.scalar);
    const base = c.isArray ? new GraphQLList(new GraphQLNonNull(s)) : s;
    return c.notNull ? new GraphQLNonNull(base) : base;
  }

  /** `distinct_on`, `limit`, `offset`, `order_by`, `where` (Hasura: Select.hs `tableArguments`). */
  selectArgs(t: TableInfo): GraphQLFieldConfigArgumentMap {
    const args: GraphQLFieldConfigArgumentMap = {};
    if (this.ctx.columns(t).length > 0) {
      args['distinct_on'] = {
        type: new GraphQLList(new GraphQLNonNull(this.selectColumn(t))),
        description: 'distinct select on columns',
      };
    }
    args['limit'] = { type: GraphQLInt, description: 'limit the number of rows returned' };
    args['offset'] = { type: GraphQLInt, description: 'skip the first n rows. Use only with order_by' };
    const orderable =
      this.ctx.columns(t).length > 0 ||
      this.ctx.relationships(t).some((r) => r.rel.kind === 'object' || r.aggregate) ||
      this.ctx
        .computed(t)
        .some((c) => !c.cf.args.some((a) => a.kind === 'input') && (c.cf.returns.kind === 'scalar' || c.aggregate));
    if (orderable)
      args['order_by'] = {
        type: new GraphQLList(new GraphQLNonNull(this.orderBy(t))),
        description: 'sort the rows by one or more columns',
      };
    args['where'] = { type: this.boolExp(t), description: 'filter the rows returned' };
    return args;
  }

  object(t: TableInfo): GraphQLObjectType {
    return this.memo(
      `obj:${t.key}`,
      () =>
        new GraphQLObjectType({
          name: t.gqlName,
          description: t.description ?? `columns and relationships of "${t.name}"`,
          fields: () => {
            const f: GraphQLFieldConfigMap<unknown, unknown> = {};
            this.columnFields(t, f);
            this.relationshipFields(t, f);
            this.computedFields(t, f);
            return sortFields(f);
          },
        }),
    );
  }

  /** The role's columns of `t` as fields (a JSON column takes a `path` argument). */
  private columnFields(t: TableInfo, f: GraphQLFieldConfigMap<unknown, unknown>): void {
    for (const c of this.ctx.columns(t)) {
      const cfg: OutCfg = { type: this.columnOutputType(c), extensions: out({ kind: 'column', column: c }) };
      if (c.description) cfg.description = c.description;
      if (c.baseType === 'json' || c.baseType === 'jsonb')
        cfg.args = { path: { type: GraphQLString, description: 'JSON select path' } };
      f[c.gqlName] = cfg;
    }
  }

  /** Object relationships, array relationships and (when the role may aggregate the target) `<rel>_aggregate`. */
  private relationshipFields(t: TableInfo, f: GraphQLFieldConfigMap<unknown, unknown>): void {
    for (const { rel, target, aggregate } of this.ctx.relationships(t)) {
      if (rel.kind === 'object') {
        const o = this.object(target);
        f[rel.name] = {
          type: rel.nonNull ? new GraphQLNonNull(o) : o,
          description: rel.description ?? 'An object relationship',
          extensions: out({ kind: 'relationship', rel, table: target }),
        };
        continue;
      }
      f[rel.name] = {
        type: new GraphQLNonNull(new GraphQLList(new GraphQLNonNull(this.object(target)))),
        description: rel.description ?? 'An array relationship',
        args: this.selectArgs(target),
        extensions: out({ kind: 'relationship', rel, table: target }),
      };
      if (aggregate) {
        f[`${rel.name}_aggregate`] = {
          type: new GraphQLNonNull(this.aggregate(target)),
          description: rel.description ?? 'An aggregate relationship',
          args: this.selectArgs(target),
          extensions: out({ kind: 'rel_aggregate', rel, table: target }),
        };
      }
    }
  }

  /** Computed fields: a scalar, one row of the target table, or a set of rows (with `<cf>_aggregate`). */
  private computedFields(t: TableInfo, f: GraphQLFieldConfigMap<unknown, unknown>): void {
    for (const { cf, target, aggregate } of this.ctx.computed(t)) {
      const args = this.functionArgs(
        cf,
        `input parameters for computed field "${cf.name}" defined on table "${t.name}"`,
      );
      const description = cf.description ?? `A computed field, executes function "${cf.fnName}"`;
      if (cf.returns.kind === 'scalar') {
        f[cf.name] = {
          type: this.ctx.scalars.scalar(cf.returns.scalar),
          description,
          args,
          extensions: out({ kind: 'computed_scalar', cf }),
        };
      } else if (target) {
        this.computedTableFields(cf, cf.returns.set, target, aggregate, args, description, f);
      }
    }
  }

  private computedTableFields(
    cf: ComputedFieldInfo,
    set: boolean,
    target: TableInfo,
    aggregate: boolean,
    args: GraphQLFieldConfigArgumentMap,
    description: string,
    f: GraphQLFieldConfigMap<unknown, unknown>,
  ): void {
    const o = this.object(target);
    if (!set) {
      f[cf.name] = { type: o, description, args, extensions: out({ kind: 'computed_table', cf, table: target }) };
      return;
    }
    f[cf.name] = {
      type: new GraphQLNonNull(new GraphQLList(new GraphQLNonNull(o))),
      description,
      args: { ...args, ...this.selectArgs(target) },
      extensions: out({ kind: 'computed_table', cf, table: target }),
    };
    if (aggregate) {
      f[`${cf.name}_aggregate`] = {
        type: new GraphQLNonNull(this.aggregate(target)),
        description,
        args: { ...args, ...this.selectArgs(target) },
        extensions: out({ kind: 'computed_aggregate', cf, table: target }),
      };
    }
  }

  /** `args: <fn>_args` for a function's user arguments (none when it takes only the row/session). */
  functionArgs(cf: ComputedFieldInfo, description: string): GraphQLFieldConfigArgumentMap {
    const args: GraphQLFieldConfigArgumentMap = {};
    const inputs = cf.args.flatMap((a) => (a.kind === 'input' ? [a] : []));
    if (inputs.length === 0) return args;
    const argsType = this.memo(
      `cfargs:${cf.fnSchema}.${cf.fnName}`,
      () =>
        new GraphQLInputObjectType({
          name: `${cf.fnSchema === 'public' ? '' : `${cf.fnSchema}_`}${cf.fnName}_args`,
          fields: () => {
            const m: GraphQLInputFieldConfigMap = {};
            for (const a of inputs) m[a.name] = { type: this.ctx.scalars.scalar(scalarNameFor(baseTypeName(a.type))) };
            return m;
          },
        }),
    );
    const required = inputs.some((a) => !a.hasDefault);
    args['args'] = { type: required ? new GraphQLNonNull(argsType) : argsType, description };
    return args;
  }

  selectColumn(t: TableInfo): GraphQLEnumType {
    return this.memo(`selcol:${t.key}`, () => {
      const values: Record<string, { value: string; description: string }> = {};
      for (const c of [...this.ctx.columns(t)].sort((a, b) => (a.gqlName < b.gqlName ? -1 : 1))) {
        values[c.gqlName] = { value: c.name, description: 'column name' };
      }
      return new GraphQLEnumType({
        name: `${t.gqlName}_select_column`,
        description: `select columns of table "${t.name}"`,
        values,
      });
    });
  }

  boolExp(t: TableInfo): GraphQLInputObjectType {
    return this.memo(
      `bool:${t.key}`,
      () =>
        new GraphQLInputObjectType({
          name: `${t.gqlName}_bool_exp`,
          description: `Boolean expression to filter rows from the table "${t.name}". All fields are combined with a logical 'AND'.`,
          fields: () => {
            const self = this.boolExp(t);
            const f: GraphQLInputFieldConfigMap = {
              _and: { type: new GraphQLList(new GraphQLNonNull(self)), extensions: inp({ kind: 'bool_and' }) },
              _not: { type: self, extensions: inp({ kind: 'bool_not' }) },
              _or: { type: new GraphQLList(new GraphQLNonNull(self)), extensions: inp({ kind: 'bool_or' }) },
            };
            for (const c of this.ctx.columns(t)) {
              f[c.gqlName] = {
                type: this.ctx.scalars.comparison(c.scalar, c.baseType, c.isArray),
                extensions: inp({ kind: 'bool_column', column: c }),
              };
            }
            for (const { rel, target, aggregate } of this.ctx.relationships(t)) {
              f[rel.name] = { type: this.boolExp(target), extensions: inp({ kind: 'bool_rel', rel, table: target }) };
              if (aggregate) {
                f[`${rel.name}_aggregate`] = {
                  type: this.aggregateBoolExp(target),
                  extensions: inp({ kind: 'bool_rel_aggregate', rel, table: target }),
                };
              }
            }
            for (const { cf, target } of this.ctx.computed(t)) {
              if (cf.args.some((a) => a.kind === 'input')) continue;
              if (cf.returns.kind === 'scalar') {
                const base = cf.returns.baseType;
                f[cf.name] = {
                  type: this.ctx.scalars.comparison(cf.returns.scalar, base, false),
                  extensions: inp({ kind: 'bool_computed_scalar', cf }),
                };
              } else if (target) {
                f[cf.name] = {
                  type: this.boolExp(target),
                  extensions: inp({ kind: 'bool_computed_table', cf, table: target }),
                };
              }
            }
            return sortFields(f);
          },
        }),
    );
  }

  aggregateBoolExp(t: TableInfo): GraphQLInputObjectType {
    return this.memo(`aggbool:${t.key}`, () => {
      const count = new GraphQLInputObjectType({
        name: `${t.gqlName}_aggregate_bool_exp_count`,
        fields: () => ({
          arguments: { type: new GraphQLList(new GraphQLNonNull(this.selectColumn(t))) },
          distinct: { type: GraphQLBoolean },
          filter: { type: this.boolExp(t) },
          predicate: { type: new GraphQLNonNull(this.ctx.scalars.comparison('Int', 'int4', false)) },
        }),
      });
      return new GraphQLInputObjectType({
        name: `${t.gqlName}_aggregate_bool_exp`,
        fields: { count: { type: count } },
      });
    });
  }

  orderBy(t: TableInfo): GraphQLInputObjectType {
    return this.memo(
      `order:${t.key}`,
      () =>
        new GraphQLInputObjectType({
          name: `${t.gqlName}_order_by`,
          description: `Ordering options when selecting data from "${t.name}".`,
          fields: () => {
            const ob = this.ctx.scalars.orderBy;
            const f: GraphQLInputFieldConfigMap = {};
            for (const c of this.ctx.columns(t))
              f[c.gqlName] = { type: ob, extensions: inp({ kind: 'order_column', column: c }) };
            for (const { rel, target, aggregate } of this.ctx.relationships(t)) {
              if (rel.kind === 'object')
                f[rel.name] = {
                  type: this.orderBy(target),
                  extensions: inp({ kind: 'order_rel', rel, table: target }),
                };
              else if (aggregate) {
                f[`${rel.name}_aggregate`] = {
                  type: this.aggregateOrderBy(target),
                  extensions: inp({ kind: 'order_rel_aggregate', rel, table: target }),
                };
              }
            }
            for (const { cf, target, aggregate } of this.ctx.computed(t)) {
              if (cf.args.some((a) => a.kind === 'input')) continue;
              if (cf.returns.kind === 'scalar')
                f[cf.name] = { type: ob, extensions: inp({ kind: 'order_computed_scalar', cf }) };
              else if (target && aggregate) {
                f[`${cf.name}_aggregate`] = {
                  type: this.aggregateOrderBy(target),
                  extensions: inp({ kind: 'order_computed_aggregate', cf, table: target }),
                };
              }
            }
            return sortFields(f);
          },
        }),
    );
  }

  private opColumns(t: TableInfo, op: AggOp): ColumnInfo[] {
    const cols = this.ctx.columns(t).filter((c) => !c.isArray);
    if (op === 'max' || op === 'min') return cols.filter((c) => isComparableType(c.baseType));
    return cols.filter((c) => isNumericType(c.baseType));
  }

  aggregate(t: TableInfo): GraphQLObjectType {
    return this.memo(
      `agg:${t.key}`,
      () =>
        new GraphQLObjectType({
          name: `${t.gqlName}_aggregate`,
          description: `aggregated selection of "${t.name}"`,
          fields: () => ({
            aggregate: { type: this.aggregateFields(t), extensions: out({ kind: 'agg_aggregate' }) },
            ...(this.ctx.hasFields(t)
              ? {
                  nodes: {
                    type: new GraphQLNonNull(new GraphQLList(new GraphQLNonNull(this.object(t)))),
                    extensions: out({ kind: 'agg_nodes' }),
                  },
                }
              : {}),
          }),
        }),
    );
  }

  aggregateFields(t: TableInfo): GraphQLObjectType {
    return this.memo(
      `aggf:${t.key}`,
      () =>
        new GraphQLObjectType({
          name: `${t.gqlName}_aggregate_fields`,
          description: `aggregate fields of "${t.name}"`,
          fields: () => {
            const f: GraphQLFieldConfigMap<unknown, unknown> = {};
            const count: OutCfg = { type: new GraphQLNonNull(GraphQLInt), extensions: out({ kind: 'agg_count' }) };
            if (this.ctx.columns(t).length > 0) {
              count.args = {
                columns: { type: new GraphQLList(new GraphQLNonNull(this.selectColumn(t))) },
                distinct: { type: GraphQLBoolean },
              };
            }
            f['count'] = count;
            for (const op of AGG_OPS) {
              const cols = this.opColumns(t, op);
              if (cols.length === 0) continue;
              const typ = new GraphQLObjectType({
                name: `${t.gqlName}_${op}_fields`,
                description: `aggregate ${op} on columns`,
                fields: () => {
                  const m: GraphQLFieldConfigMap<unknown, unknown> = {};
                  for (const c of cols) {
                    const type =
                      op === 'sum' || op === 'max' || op === 'min' ? this.ctx.scalars.scalar(c.scalar) : GraphQLFloat;
                    m[c.gqlName] = {
                      type,
                      extensions: out({ kind: 'agg_column', column: c }),
                      ...(c.description ? { description: c.description } : {}),
                    };
                  }
                  return sortFields(m);
                },
              });
              f[op] = { type: typ, extensions: out({ kind: 'agg_op', op }) };
            }
            return sortFields(f);
          },
        }),
    );
  }

  aggregateOrderBy(t: TableInfo): GraphQLInputObjectType {
    return this.memo(
      `aggorder:${t.key}`,
      () =>
        new GraphQLInputObjectType({
          name: `${t.gqlName}_aggregate_order_by`,
          description: `order by aggregate values of table "${t.name}"`,
          fields: () => {
            const ob = this.ctx.scalars.orderBy;
            const f: GraphQLInputFieldConfigMap = { count: { type: ob, extensions: inp({ kind: 'order_agg_count' }) } };
            for (const op of AGG_OPS) {
              const cols = this.opColumns(t, op);
              if (cols.length === 0) continue;
              f[op] = {
                type: new GraphQLInputObjectType({
                  name: `${t.gqlName}_${op}_order_by`,
                  description: `order by ${op}() on columns of table "${t.name}"`,
                  fields: () =>
                    sortFields(
                      Object.fromEntries(
                        cols.map((c) => [
                          c.gqlName,
                          { type: ob, extensions: inp({ kind: 'order_column', column: c }) },
                        ]),
                      ),
                    ),
                }),
                extensions: inp({ kind: 'order_agg_op', op }),
              };
            }
            return f;
          },
        }),
    );
  }
}
