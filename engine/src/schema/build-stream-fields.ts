/**
 * Streaming subscription root fields `<select>_stream(batch_size: Int!, cursor: [<t>_stream_cursor_input]!,
 * where: <t>_bool_exp): [<t>!]!` with `<t>_stream_cursor_input {initial_value, ordering}`,
 * `<t>_stream_cursor_value_input` (one optional field per selectable column) and the `cursor_ordering` enum
 * (src: Hasura/GraphQL/Schema/SubscriptionStream.hs; docs: subscriptions/postgres/streaming). Allowed when the
 * permission's `subscription_root_fields` is unset or lists `select_stream`.
 */
import { GraphQLEnumType, GraphQLInputObjectType, GraphQLInt, GraphQLList, GraphQLNonNull } from 'graphql';
import type { GraphQLFieldConfigMap, GraphQLInputFieldConfigMap, GraphQLInputType, GraphQLNamedType } from 'graphql';
import type { TableInfo } from '../model/model-types.js';
import type { TableTypes } from './build-table-types.js';
import type { OutputInfo } from './field-info.js';
import type { SchemaContext } from './schema-context.js';

const memo = new WeakMap<TableTypes, Map<string, GraphQLNamedType>>();

function once<T extends GraphQLNamedType>(types: TableTypes, name: string, make: () => T): T {
  let m = memo.get(types);
  if (!m) memo.set(types, (m = new Map<string, GraphQLNamedType>()));
  let t = m.get(name);
  if (!t) m.set(name, (t = make()));
  return t as T;
}

function cursorOrdering(types: TableTypes): GraphQLEnumType {
  return once(
    types,
    'cursor_ordering',
    () =>
      new GraphQLEnumType({
        name: 'cursor_ordering',
        description: 'ordering argument of a cursor',
        values: {
          ASC: { value: 'ASC', description: 'ascending ordering of the cursor' },
          DESC: { value: 'DESC', description: 'descending ordering of the cursor' },
        },
      }),
  );
}

function cursorInput(ctx: SchemaContext, types: TableTypes, t: TableInfo, typeName: string): GraphQLInputObjectType {
  const valueInput = once(
    types,
    `${typeName}_stream_cursor_value_input`,
    () =>
      new GraphQLInputObjectType({
        name: `${typeName}_stream_cursor_value_input`,
        description: 'Initial value of the column from where the streaming should start',
        fields: () => {
          const f: GraphQLInputFieldConfigMap = {};
          for (const c of ctx.columns(t))
            f[c.gqlName] = { type: types.columnOutputType({ ...c, notNull: false }) as GraphQLInputType };
          return f;
        },
      }),
  );
  return once(
    types,
    `${typeName}_stream_cursor_input`,
    () =>
      new GraphQLInputObjectType({
        name: `${typeName}_stream_cursor_input`,
        description: `Streaming cursor of the table "${t.name}"`,
        fields: {
          initial_value: {
            type: new GraphQLNonNull(valueInput),
            description: 'Stream column input with initial value',
          },
          ordering: { type: cursorOrdering(types), description: 'cursor ordering' },
        },
      }),
  );
}

export function streamRootFields(ctx: SchemaContext, types: TableTypes): GraphQLFieldConfigMap<unknown, unknown> {
  const f: GraphQLFieldConfigMap<unknown, unknown> = {};
  for (const t of ctx.model.tables.values()) {
    const p = ctx.perm(t);
    if (!p || ctx.columns(t).length === 0) continue;
    if (p.subscriptionRootFields !== null && !p.subscriptionRootFields.has('select_stream')) continue;
    const obj = types.object(t);
    f[`${t.rootFields.select}_stream`] = {
      type: new GraphQLNonNull(new GraphQLList(new GraphQLNonNull(obj))),
      description: `fetch data from the table in a streaming manner: "${t.name}"`,
      args: {
        batch_size: {
          type: new GraphQLNonNull(GraphQLInt),
          description: 'maximum number of rows returned in a single batch',
        },
        cursor: {
          type: new GraphQLNonNull(new GraphQLList(cursorInput(ctx, types, t, obj.name))),
          description: 'cursor to stream the results returned by the query',
        },
        where: { type: types.boolExp(t), description: 'filter the rows returned' },
      },
      extensions: { hasura: { kind: 'root_stream', table: t } satisfies OutputInfo },
    };
  }
  return f;
}
