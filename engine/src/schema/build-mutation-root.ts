/**
 * `mutation_root` fields of one role (src: Hasura/GraphQL/Schema/Mutation.hs, Backends/Postgres/Schema/Update.hs;
 * descriptions as Hasura prints them). `_one`/`_by_pk` fields return the table object, so they need a select
 * permission (and, for `_by_pk`, the primary key columns selectable); `returning` likewise.
 */
import { GraphQLList, GraphQLNonNull } from 'graphql';
import type { GraphQLFieldConfigArgumentMap, GraphQLFieldConfigMap, GraphQLObjectType } from 'graphql';
import type { TableInfo } from '../model/model-types.js';
import type { InsertPermInfo, MutationRootNames, UpdatePermInfo } from '../model/mutation-types.js';
import type { SchemaContext } from './schema-context.js';
import type { TableTypes } from './build-table-types.js';
import type { MutationFieldInfo } from './build-mutation-types.js';
import { MutationTypes } from './build-mutation-types.js';

type Fields = GraphQLFieldConfigMap<unknown, unknown>;

const ext = (info: MutationFieldInfo): { hasuraMutation: MutationFieldInfo } => ({ hasuraMutation: info });

function pkSelectable(ctx: SchemaContext, t: TableInfo): boolean {
  const p = ctx.perm(t);
  const pk = t.primaryKey;
  return !!p && ctx.hasFields(t) && !!pk && pk.length > 0 && pk.every((c) => p.columns.has(c));
}

/** One table's mutation field builders, its root field names and its object type (when the role can select). */
interface TableMutation {
  readonly ctx: SchemaContext;
  readonly types: TableTypes;
  readonly m: MutationTypes;
  readonly t: TableInfo;
  readonly names: MutationRootNames;
  readonly obj: GraphQLObjectType | undefined;
}

function insertFields(tm: TableMutation, perm: InsertPermInfo, f: Fields): void {
  const { m, t, names, obj } = tm;
  const input = m.insertInput(t, perm);
  const conflict = m.onConflictArg(t);
  f[names.insert.name] = {
    type: m.response(t),
    description: names.insert.comment ?? `insert data into the table: "${t.name}"`,
    args: {
      objects: {
        type: new GraphQLNonNull(new GraphQLList(new GraphQLNonNull(input))),
        description: 'the rows to be inserted',
      },
      ...conflict,
    },
    extensions: ext({ kind: 'insert', table: t, one: false }),
  };
  if (obj) {
    f[names.insertOne.name] = {
      type: obj,
      description: names.insertOne.comment ?? `insert a single row into the table: "${t.name}"`,
      args: { object: { type: new GraphQLNonNull(input), description: 'the row to be inserted' }, ...conflict },
      extensions: ext({ kind: 'insert', table: t, one: true }),
    };
  }
}

/** `update_<t>`, `update_<t>_by_pk` and `update_<t>_many`, when the role may update some column. */
function updateFields(tm: TableMutation, perm: UpdatePermInfo, f: Fields): void {
  const { ctx, types, m, t, names, obj } = tm;
  const ops = m.updateArgs(t, perm);
  if (Object.keys(ops).length === 0) return;
  f[names.update.name] = {
    type: m.response(t),
    description: names.update.comment ?? `update data of the table: "${t.name}"`,
    args: {
      ...ops,
      where: {
        type: new GraphQLNonNull(types.boolExp(t)),
        description: 'filter the rows which have to be updated',
      },
    },
    extensions: ext({ kind: 'update', table: t, byPk: false }),
  };
  const pkInput = m.pkColumnsInput(t);
  if (obj && pkInput && pkSelectable(ctx, t)) {
    f[names.updateByPk.name] = {
      type: obj,
      description: names.updateByPk.comment ?? `update single row of the table: "${t.name}"`,
      args: { ...ops, pk_columns: { type: new GraphQLNonNull(pkInput) } },
      extensions: ext({ kind: 'update', table: t, byPk: true }),
    };
  }
  f[names.updateMany.name] = {
    type: new GraphQLList(m.response(t)),
    description: names.updateMany.comment ?? `update multiples rows of table: "${t.name}"`,
    args: {
      updates: {
        type: new GraphQLNonNull(new GraphQLList(new GraphQLNonNull(m.updatesInput(t, perm)))),
        description: 'updates to execute, in order',
      },
    },
    extensions: ext({ kind: 'update_many', table: t }),
  };
}

/** The primary key columns as the arguments of `delete_<t>_by_pk`. */
function pkArgs(types: TableTypes, t: TableInfo): GraphQLFieldConfigArgumentMap {
  const args: GraphQLFieldConfigArgumentMap = {};
  for (const n of t.primaryKey ?? []) {
    const c = t.columnByName.get(n);
    if (c)
      args[c.gqlName] = {
        type: new GraphQLNonNull(types.columnOutputType({ ...c, notNull: false })) as GraphQLNonNull<never>,
      };
  }
  return args;
}

function deleteFields(tm: TableMutation, f: Fields): void {
  const { ctx, types, m, t, names, obj } = tm;
  f[names.delete.name] = {
    type: m.response(t),
    description: names.delete.comment ?? `delete data from the table: "${t.name}"`,
    args: {
      where: { type: new GraphQLNonNull(types.boolExp(t)), description: 'filter the rows which have to be deleted' },
    },
    extensions: ext({ kind: 'delete', table: t, byPk: false }),
  };
  if (obj && pkSelectable(ctx, t)) {
    f[names.deleteByPk.name] = {
      type: obj,
      description: names.deleteByPk.comment ?? `delete single row from the table: "${t.name}"`,
      args: pkArgs(types, t),
      extensions: ext({ kind: 'delete', table: t, byPk: true }),
    };
  }
}

function tableMutationFields(ctx: SchemaContext, types: TableTypes, m: MutationTypes, t: TableInfo, f: Fields): void {
  const names = t.mutation?.names;
  if (!names) return;
  const perms = m.perms(t);
  const canSelect = ctx.hasFields(t);
  const tm: TableMutation = { ctx, types, m, t, names, obj: canSelect ? types.object(t) : undefined };
  if (perms.insert) insertFields(tm, perms.insert, f);
  if (perms.update) updateFields(tm, perms.update, f);
  if (perms.delete) deleteFields(tm, f);
}

/** All table mutation fields of the role (unsorted; the caller sorts with the action fields). */
export function mutationRootFields(ctx: SchemaContext, types: TableTypes, backendOnly: boolean): Fields {
  const m = new MutationTypes(ctx, types, backendOnly);
  const f: Fields = {};
  for (const t of ctx.model.tables.values()) tableMutationFields(ctx, types, m, t, f);
  return f;
}
