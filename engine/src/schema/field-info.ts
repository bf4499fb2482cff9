/**
 * What each generated GraphQL field means, attached as `extensions.hasura` so the planner reads the role's schema
 * as the single source of truth for what a role may use (Hasura does the same with its parsers: a field absent
 * from the role's schema gives `field 'x' not found in type: …`).
 */
import type { GraphQLField, GraphQLInputField } from 'graphql';
import type { ColumnInfo, ComputedFieldInfo, RelationshipInfo, TableInfo } from '../model/model-types.js';

export type AggOp =
  'sum' | 'avg' | 'max' | 'min' | 'stddev' | 'stddev_pop' | 'stddev_samp' | 'variance' | 'var_pop' | 'var_samp';
export const AGG_OPS: readonly AggOp[] = [
  'avg',
  'max',
  'min',
  'stddev',
  'stddev_pop',
  'stddev_samp',
  'sum',
  'var_pop',
  'var_samp',
  'variance',
];

export type OutputInfo =
  | { readonly kind: 'root_select'; readonly table: TableInfo }
  | { readonly kind: 'root_by_pk'; readonly table: TableInfo }
  | { readonly kind: 'root_aggregate'; readonly table: TableInfo }
  /** `<t>_stream` (schema/build-stream-fields.ts); run by engine/src/subscriptions/stream.ts. */
  | { readonly kind: 'root_stream'; readonly table: TableInfo }
  | { readonly kind: 'root_function'; readonly cf: ComputedFieldInfo; readonly table: TableInfo; readonly set: boolean }
  | { readonly kind: 'root_function_aggregate'; readonly cf: ComputedFieldInfo; readonly table: TableInfo }
  | { readonly kind: 'column'; readonly column: ColumnInfo }
  | { readonly kind: 'relationship'; readonly rel: RelationshipInfo; readonly table: TableInfo }
  | { readonly kind: 'rel_aggregate'; readonly rel: RelationshipInfo; readonly table: TableInfo }
  | { readonly kind: 'computed_scalar'; readonly cf: ComputedFieldInfo }
  | { readonly kind: 'computed_table'; readonly cf: ComputedFieldInfo; readonly table: TableInfo }
  | { readonly kind: 'computed_aggregate'; readonly cf: ComputedFieldInfo; readonly table: TableInfo }
  | { readonly kind: 'agg_aggregate' }
  | { readonly kind: 'agg_nodes' }
  | { readonly kind: 'agg_count' }
  | { readonly kind: 'agg_op'; readonly op: AggOp }
  | { readonly kind: 'agg_column'; readonly column: ColumnInfo };

export type InputInfo =
  | { readonly kind: 'bool_and' | 'bool_or' | 'bool_not' }
  | { readonly kind: 'bool_column'; readonly column: ColumnInfo }
  | { readonly kind: 'bool_rel'; readonly rel: RelationshipInfo; readonly table: TableInfo }
  | { readonly kind: 'bool_rel_aggregate'; readonly rel: RelationshipInfo; readonly table: TableInfo }
  | { readonly kind: 'bool_computed_scalar'; readonly cf: ComputedFieldInfo }
  | { readonly kind: 'bool_computed_table'; readonly cf: ComputedFieldInfo; readonly table: TableInfo }
  | { readonly kind: 'order_column'; readonly column: ColumnInfo }
  | { readonly kind: 'order_rel'; readonly rel: RelationshipInfo; readonly table: TableInfo }
  | { readonly kind: 'order_rel_aggregate'; readonly rel: RelationshipInfo; readonly table: TableInfo }
  | { readonly kind: 'order_computed_aggregate'; readonly cf: ComputedFieldInfo; readonly table: TableInfo }
  | { readonly kind: 'order_computed_scalar'; readonly cf: ComputedFieldInfo }
  | { readonly kind: 'order_agg_count' }
  | { readonly kind: 'order_agg_op'; readonly op: AggOp }
  | { readonly kind: 'comparison_op'; readonly op: string };

export function outputInfo(f: GraphQLField<unknown, unknown> | undefined): OutputInfo | undefined {
  return f?.extensions['hasura'] as OutputInfo | undefined;
}

export function inputInfo(f: GraphQLInputField | undefined): InputInfo | undefined {
  return f?.extensions['hasura'] as InputInfo | undefined;
}
