/**
 * Action root fields and custom types (src: Hasura/GraphQL/Schema/Action.hs `actionExecute`; Hasura/RQL/DDL/
 * CustomTypes.hs). Filled in by the actions work.
 */
import type { GraphQLFieldConfigMap } from 'graphql';
import type { SchemaContext } from './schema-context.js';
import type { TableTypes } from './build-table-types.js';

export function actionRootFields(_ctx: SchemaContext, _types: TableTypes): { query: GraphQLFieldConfigMap<unknown, unknown>; mutation: GraphQLFieldConfigMap<unknown, unknown> } {
  return { query: {}, mutation: {} };
}
