/**
 * Action root fields and custom types for one role (src: Hasura/GraphQL/Schema/Action.hs `actionExecute`,
 * `actionOutputFields`; Hasura/RQL/DDL/CustomTypes.hs). An action is visible to admin and to the roles of its
 * `permissions`; relationship fields of output objects appear only when the role may select from the target table.
 */
import {
  GraphQLBoolean,
  GraphQLEnumType,
  GraphQLFloat,
  GraphQLID,
  GraphQLInputObjectType,
  GraphQLInt,
  GraphQLList,
  GraphQLNonNull,
  GraphQLObjectType,
  GraphQLString,
  Kind,
  parseType,
} from 'graphql';
import type {
  GraphQLFieldConfigMap,
  GraphQLInputType,
  GraphQLNamedType,
  GraphQLOutputType,
  GraphQLType,
  TypeNode,
} from 'graphql';
import type { TableInfo } from '../model/model-types.js';
import type { ActionInfo, ActionsModel, CustomRelationship } from '../model/action-types.js';
import type { SchemaContext } from './schema-context.js';
import type { TableTypes } from './build-table-types.js';

type Fields = GraphQLFieldConfigMap<unknown, unknown>;

export interface ActionRelInfo {
  readonly rel: CustomRelationship;
  readonly table: TableInfo;
  /** `<rel>_aggregate` of an array relationship (when the role may aggregate the target). */
  readonly aggregate?: boolean;
}

export function actionFieldInfo(ext: Readonly<Record<string, unknown>>): ActionInfo | undefined {
  return ext['hasuraAction'] as ActionInfo | undefined;
}

/** The query/subscription field `<action>(id: uuid!)` of an asynchronous action (its result, `hdb_action_log`). */
export function asyncQueryInfo(ext: Readonly<Record<string, unknown>>): ActionInfo | undefined {
  return ext['hasuraAsyncQuery'] as ActionInfo | undefined;
}

export function actionRelInfo(ext: Readonly<Record<string, unknown>>): ActionRelInfo | undefined {
  return ext['hasuraActionRel'] as ActionRelInfo | undefined;
}

const BUILTIN: Readonly<Record<string, GraphQLNamedType>> = {
  Int: GraphQLInt,
  String: GraphQLString,
  Boolean: GraphQLBoolean,
  Float: GraphQLFloat,
  ID: GraphQLID,
};

class CustomTypes {
  private readonly named = new Map<string, GraphQLNamedType>();
  constructor(
    private readonly ctx: SchemaContext,
    private readonly types: TableTypes,
    private readonly m: ActionsModel,
  ) {}

  named_(name: string): GraphQLNamedType {
    const b = BUILTIN[name];
    if (b) return b;
    const hit = this.named.get(name);
    if (hit) return hit;
    let t: GraphQLNamedType;
    const obj = this.m.objects.get(name);
    const inp = this.m.inputs.get(name);
    const en = this.m.enums.get(name);
    if (obj) {
      t = new GraphQLObjectType({
        name,
        ...(obj.description ? { description: obj.description } : {}),
        fields: () => {
          const f: Fields = {};
          for (const x of obj.fields)
            f[x.name] = {
              type: this.ref(x.type) as GraphQLOutputType,
              ...(x.description ? { description: x.description } : {}),
            };
          for (const rel of obj.relationships) {
            const target = this.ctx.table(rel.target);
            if (!target || !this.ctx.perm(target) || !this.ctx.hasFields(target)) continue;
            const o = this.types.object(target);
            f[rel.name] = {
              type: rel.kind === 'object' ? o : new GraphQLNonNull(new GraphQLList(new GraphQLNonNull(o))),
              ...(rel.kind === 'array' ? { args: this.types.selectArgs(target) } : {}),
              extensions: { hasuraActionRel: { rel, table: target } satisfies ActionRelInfo },
            };
            // Hasura builds action relationships as remote source relationships, which include the aggregate.
            if (rel.kind === 'array' && this.ctx.perm(target)?.allowAggregations)
              f[`${rel.name}_aggregate`] = {
                type: new GraphQLNonNull(this.types.aggregate(target)),
                args: this.types.selectArgs(target),
                extensions: { hasuraActionRel: { rel, table: target, aggregate: true } satisfies ActionRelInfo },
              };
          }
          return f;
        },
      });
    } else if (inp) {
      t = new GraphQLInputObjectType({
        name,
        ...(inp.description ? { description: inp.description } : {}),
        fields: () =>
          Object.fromEntries(
            inp.fields.map((x) => [
              x.name,
              { type: this.ref(x.type) as GraphQLInputType, ...(x.description ? { description: x.description } : {}) },
            ]),
          ),
      });
    } else if (en) {
      t = new GraphQLEnumType({
        name,
        ...(en.description ? { description: en.description } : {}),
        values: Object.fromEntries(
          en.values.map((v) => [v.value, v.description ? { description: v.description } : {}]),
        ),
      });
    } else {
      // Custom scalars and Postgres scalars (json, uuid, …) share the role's scalar registry.
      t = this.ctx.scalars.scalar(name);
    }
    this.named.set(name, t);
    return t;
  }

  ref(type: string): GraphQLType {
    const walk = (n: TypeNode): GraphQLType => {
      if (n.kind === Kind.NON_NULL_TYPE) return new GraphQLNonNull(walk(n.type) as GraphQLOutputType);
      if (n.kind === Kind.LIST_TYPE) return new GraphQLList(walk(n.type));
      return this.named_(n.name.value);
    };
    return walk(parseType(type));
  }
}

/**
 * The object type `<action>` of an asynchronous action's query field (src: Hasura/GraphQL/Schema/Action.hs
 * `actionAsyncQuery`): `id`, `created_at`, `errors` and `output` (the action's output type, nullability kept).
 */
function asyncResultType(custom: CustomTypes, a: ActionInfo): GraphQLObjectType {
  return new GraphQLObjectType({
    name: a.name,
    description: `fields of action: "${a.name}"`,
    fields: () => ({
      created_at: {
        type: new GraphQLNonNull(custom.named_('timestamptz') as GraphQLOutputType),
        description: 'the time at which this action was created',
      },
      errors: { type: custom.named_('json') as GraphQLOutputType, description: 'errors related to the invocation' },
      id: {
        type: new GraphQLNonNull(custom.named_('uuid') as GraphQLOutputType),
        description: 'the unique id of an action',
      },
      output: { type: custom.ref(a.outputType) as GraphQLOutputType, description: 'the output fields of this action' },
    }),
  });
}

/**
 * Action fields of the role, split by `type: query|mutation`. An asynchronous action (mutation only, as in Hasura)
 * gives the mutation `<action>(args): uuid!` and the query/subscription field `<action>(id: uuid!): <action>`
 * (`actionAsyncMutation`, `actionAsyncQuery`).
 */
export function actionRootFields(
  ctx: SchemaContext,
  types: TableTypes,
): { query: Fields; mutation: Fields; subscription: Fields } {
  const m = ctx.model.actions;
  const out = { query: {} as Fields, mutation: {} as Fields, subscription: {} as Fields };
  if (!m) return out;
  const custom = new CustomTypes(ctx, types, m);
  for (const a of m.actions) {
    if (!ctx.isAdmin && !a.roles.has(ctx.role)) continue;
    try {
      const args = Object.fromEntries(
        a.arguments.map((x) => [
          x.name,
          { type: custom.ref(x.type) as GraphQLInputType, ...(x.description ? { description: x.description } : {}) },
        ]),
      );
      const description = a.description ? { description: a.description } : {};
      if (a.asynchronous) {
        if (a.type !== 'mutation') continue;
        out.mutation[a.name] = {
          type: new GraphQLNonNull(custom.named_('uuid') as GraphQLOutputType),
          ...description,
          args,
          extensions: { hasuraAction: a },
        };
        const result = {
          type: asyncResultType(custom, a),
          ...description,
          args: {
            id: {
              type: new GraphQLNonNull(custom.named_('uuid') as GraphQLInputType),
              description: 'the unique id of an action',
            },
          },
          extensions: { hasuraAction: a, hasuraAsyncQuery: a },
        };
        out.query[a.name] = result;
        out.subscription[a.name] = result;
        continue;
      }
      (a.type === 'query' ? out.query : out.mutation)[a.name] = {
        type: custom.ref(a.outputType) as GraphQLOutputType,
        ...description,
        args,
        extensions: { hasuraAction: a },
      };
    } catch {
      // An action whose types do not parse is left out (Hasura reports it as inconsistent metadata).
    }
  }
  return out;
}
