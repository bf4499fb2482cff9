/**
 * One GraphQLSchema per role (Hasura builds its parsers per role the same way: src: Hasura/GraphQL/Schema.hs
 * `buildRoleContext`). Root field names and descriptions follow SourceCustomization.hs and Select.hs.
 */
import { GraphQLNonNull, GraphQLList, GraphQLObjectType, GraphQLSchema, GraphQLString, validateSchema } from 'graphql';
import type { GraphQLFieldConfigMap } from 'graphql';
import type { Model } from '../model/model-types.js';
import { SchemaContext } from './schema-context.js';
import { TableTypes } from './build-table-types.js';
import type { OutputInfo } from './field-info.js';
import { mutationRootFields } from './build-mutation-root.js';
import { actionRootFields } from './build-action-types.js';
import { streamRootFields } from './build-stream-fields.js';

function rootFields(
  ctx: SchemaContext,
  types: TableTypes,
  subscription: boolean,
): GraphQLFieldConfigMap<unknown, unknown> {
  const f: GraphQLFieldConfigMap<unknown, unknown> = {};
  for (const t of ctx.model.tables.values()) {
    const p = ctx.perm(t);
    if (!p) continue;
    const visible = ctx.hasFields(t);
    const allowed = subscription ? p.subscriptionRootFields : p.queryRootFields;
    const ok = (k: string): boolean => allowed === null || allowed.has(k);
    const rf = t.rootFields;
    if (ok('select_aggregate') && p.allowAggregations) {
      f[rf.selectAggregate] = {
        type: new GraphQLNonNull(types.aggregate(t)),
        description: rf.selectAggregateComment ?? `fetch aggregated fields from the table: "${t.name}"`,
        args: types.selectArgs(t),
        extensions: { hasura: { kind: 'root_aggregate', table: t } satisfies OutputInfo },
      };
    }
    if (!visible) continue;
    const obj = types.object(t);
    if (ok('select')) {
      f[rf.select] = {
        type: new GraphQLNonNull(new GraphQLList(new GraphQLNonNull(obj))),
        description: rf.selectComment ?? `fetch data from the table: "${t.name}"`,
        args: types.selectArgs(t),
        extensions: { hasura: { kind: 'root_select', table: t } satisfies OutputInfo },
      };
    }
    const pk = t.primaryKey;
    if (ok('select_by_pk') && pk && pk.length > 0 && pk.every((c) => p.columns.has(c))) {
      const args: Record<string, { type: GraphQLNonNull<never> }> = {};
      for (const name of pk) {
        const c = t.columnByName.get(name);
        if (c)
          args[c.gqlName] = {
            type: new GraphQLNonNull(types.columnOutputType({ ...c, notNull: false })) as GraphQLNonNull<never>,
          };
      }
      f[rf.selectByPk] = {
        type: obj,
        description: rf.selectByPkComment ?? `fetch data from the table: "${t.name}" using primary key columns`,
        args,
        extensions: { hasura: { kind: 'root_by_pk', table: t } satisfies OutputInfo },
      };
    }
  }
  for (const fn of ctx.model.functions) {
    const t = ctx.table(fn.table);
    const p = t ? ctx.perm(t) : undefined;
    if (!t || !p || !ctx.hasFields(t)) continue;
    if (!ctx.isAdmin && fn.roles !== null && !fn.roles.has(ctx.role)) continue;
    const args = {
      ...types.functionArgs(fn.cf, 'input parameters for function "' + fn.cf.fnName + '"'),
      ...(fn.set ? types.selectArgs(t) : {}),
    };
    const obj = types.object(t);
    f[fn.gqlName] = {
      type: fn.set ? new GraphQLNonNull(new GraphQLList(new GraphQLNonNull(obj))) : obj,
      description: fn.cf.description ?? `execute function "${fn.cf.fnName}" which returns "${t.name}"`,
      args,
      extensions: { hasura: { kind: 'root_function', cf: fn.cf, table: t, set: fn.set } satisfies OutputInfo },
    };
    if (fn.set && p.allowAggregations) {
      f[`${fn.gqlName}_aggregate`] = {
        type: new GraphQLNonNull(types.aggregate(t)),
        description: `execute function "${fn.cf.fnName}" and query aggregates on result of table type "${t.name}"`,
        args,
        extensions: { hasura: { kind: 'root_function_aggregate', cf: fn.cf, table: t } satisfies OutputInfo },
      };
    }
  }
  const sorted: GraphQLFieldConfigMap<unknown, unknown> = {};
  for (const k of Object.keys(f).sort()) sorted[k] = f[k] as GraphQLFieldConfigMap<unknown, unknown>[string];
  return sorted;
}

function sortKeys(f: GraphQLFieldConfigMap<unknown, unknown>): GraphQLFieldConfigMap<unknown, unknown> {
  const out: GraphQLFieldConfigMap<unknown, unknown> = {};
  for (const k of Object.keys(f).sort()) out[k] = f[k] as GraphQLFieldConfigMap<unknown, unknown>[string];
  return out;
}

/** Build the schema of `role`; `admin` sees everything. A role with nothing gets Hasura's placeholder field. */
export function buildRoleSchema(model: Model, role: string, opts: { backendOnly?: boolean } = {}): GraphQLSchema {
  const ctx = new SchemaContext(model, role);
  const types = new TableTypes(ctx);
  const actions = actionRootFields(ctx, types);
  let q = rootFields(ctx, types, false);
  if (Object.keys(actions.query).length > 0) q = sortKeys({ ...q, ...actions.query });
  if (Object.keys(q).length === 0) {
    q = { no_queries_available: { type: new GraphQLNonNull(GraphQLString) } };
  }
  const query = new GraphQLObjectType({ name: 'query_root', fields: q });
  const s = sortKeys({ ...rootFields(ctx, types, true), ...streamRootFields(ctx, types), ...actions.subscription });
  const subscription =
    Object.keys(s).length > 0 ? new GraphQLObjectType({ name: 'subscription_root', fields: s }) : undefined;
  const m = { ...mutationRootFields(ctx, types, opts.backendOnly === true), ...actions.mutation };
  const mutation =
    Object.keys(m).length > 0 ? new GraphQLObjectType({ name: 'mutation_root', fields: sortKeys(m) }) : undefined;
  const schema = new GraphQLSchema({
    query,
    ...(mutation ? { mutation } : {}),
    ...(subscription ? { subscription } : {}),
  });
  // Hasura accepts an insert input whose columns are all preset (no fields); graphql-js does not, so such a schema
  // is marked valid when that is its only problem.
  const errors = validateSchema(schema);
  if (
    errors.length > 0 &&
    errors.every((e) => /^Input Object type \S+ must define one or more fields\.$/.test(e.message))
  ) {
    return new GraphQLSchema({ ...schema.toConfig(), assumeValid: true });
  }
  return schema;
}
