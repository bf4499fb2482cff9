/**
 * The small readonly IR between GraphQL and SQL: plain operation nodes, as in kysely's query builder. The planner
 * builds it from the validated document and the role's permissions; compiler/ visits it. Every value here is data
 * that will be bound as a parameter; every name comes from the model.
 */
import type { PgTypeRef } from '../introspect/catalog-types.js';
import type { ColumnInfo, ComputedFieldInfo, TableInfo } from '../model/model-types.js';
import type { AggOp } from '../schema/field-info.js';

export type Mapping = readonly (readonly [string, string])[];

export type ValueIR =
  | { readonly kind: 'value'; readonly value: unknown; readonly type: PgTypeRef; readonly array: boolean }
  | {
      readonly kind: 'session';
      readonly name: string;
      readonly value: string;
      readonly type: PgTypeRef;
      readonly array: boolean;
    }
  | { readonly kind: 'session_json' }
  | { readonly kind: 'column'; readonly column: string; readonly root: boolean }
  /** Operator arguments given as an object (`_st_d_within: {distance, from, use_spheroid}`). */
  | { readonly kind: 'record'; readonly fields: Readonly<Record<string, ValueIR>> };

/** `redact` (inherited roles): the value compared is NULL in rows where it is false, as in the selection. */
export type LhsIR =
  | {
      readonly kind: 'column';
      readonly column: ColumnInfo;
      readonly castText: boolean;
      readonly castTo?: PgTypeRef;
      readonly redact?: BoolIR;
    }
  | { readonly kind: 'computed'; readonly cf: ComputedFieldInfo; readonly redact?: BoolIR };

export type BoolIR =
  | { readonly kind: 'true' }
  | { readonly kind: 'false' }
  | { readonly kind: 'and' | 'or'; readonly items: readonly BoolIR[] }
  | { readonly kind: 'not'; readonly item: BoolIR }
  | { readonly kind: 'cmp'; readonly lhs: LhsIR; readonly op: string; readonly rhs: ValueIR | null }
  /** EXISTS over a related table (relationship filter, `_exists`, computed SETOF filter). */
  | {
      readonly kind: 'exists';
      readonly source: SourceIR;
      readonly table: TableInfo;
      readonly mapping: Mapping | null;
      readonly where: BoolIR;
    }
  /** Aggregate predicate: `<arr>_aggregate: {count: {…}}`. */
  | {
      readonly kind: 'agg_count';
      readonly table: TableInfo;
      readonly mapping: Mapping;
      readonly where: BoolIR;
      readonly columns: readonly ColumnInfo[];
      readonly distinct: boolean;
      readonly predicate: readonly { readonly op: string; readonly rhs: ValueIR | null }[];
    };

export type SourceIR =
  | { readonly kind: 'table' }
  | { readonly kind: 'function'; readonly cf: ComputedFieldInfo; readonly args: Readonly<Record<string, unknown>> }
  /** Rows of a mutation's CTE (`WITH "aca" AS (…)`, plan-mutation.ts), named by the compiler. */
  | { readonly kind: 'cte'; readonly name: string };

export type OrderKeyIR =
  | { readonly kind: 'column'; readonly column: ColumnInfo; readonly redact?: BoolIR }
  | { readonly kind: 'computed'; readonly cf: ComputedFieldInfo; readonly redact?: BoolIR }
  | {
      readonly kind: 'object';
      readonly table: TableInfo;
      readonly mapping: Mapping;
      readonly where: BoolIR;
      readonly key: OrderKeyIR;
    }
  | {
      readonly kind: 'aggregate';
      readonly table: TableInfo;
      readonly source: SourceIR;
      readonly mapping: Mapping;
      readonly where: BoolIR;
      readonly op: AggOp | 'count';
      readonly column: ColumnInfo | null;
    };

export interface OrderIR {
  readonly key: OrderKeyIR;
  readonly desc: boolean;
  readonly nullsFirst: boolean;
}

export interface SelectIR {
  readonly table: TableInfo;
  readonly source: SourceIR;
  /** Permission filter AND user `where`. */
  readonly where: BoolIR;
  readonly orderBy: readonly OrderIR[];
  readonly distinctOn: readonly ColumnInfo[] | null;
  readonly limit: number | null;
  readonly offset: number | null;
  /** Aggregates only: the permission limit caps `nodes` but not the aggregate (Hasura behaviour, test agg_perm). */
  readonly nodesLimit: number | null;
  /** [parent column, child column] pairs for relationships. */
  readonly join: Mapping | null;
  readonly fields: readonly FieldIR[];
}

export type FieldIR =
  | { readonly alias: string; readonly kind: 'typename'; readonly name: string }
  /** `redact` (inherited roles): the cell is NULL in rows where it is false (Hasura `RedactIfFalse`). */
  | {
      readonly alias: string;
      readonly kind: 'column';
      readonly column: ColumnInfo;
      readonly path: readonly string[] | null;
      readonly redact?: BoolIR;
    }
  | {
      readonly alias: string;
      readonly kind: 'computed_scalar';
      readonly cf: ComputedFieldInfo;
      readonly args: Readonly<Record<string, unknown>>;
      readonly redact?: BoolIR;
    }
  | { readonly alias: string; readonly kind: 'object'; readonly select: SelectIR }
  | { readonly alias: string; readonly kind: 'array'; readonly select: SelectIR }
  | {
      readonly alias: string;
      readonly kind: 'aggregate';
      readonly select: SelectIR;
      readonly agg: readonly AggFieldIR[];
    };

export type AggFieldIR =
  | { readonly alias: string; readonly kind: 'typename'; readonly name: string }
  | { readonly alias: string; readonly kind: 'aggregate'; readonly items: readonly AggItemIR[] }
  | { readonly alias: string; readonly kind: 'nodes'; readonly fields: readonly FieldIR[] };

export type AggItemIR =
  | { readonly alias: string; readonly kind: 'typename'; readonly name: string }
  | {
      readonly alias: string;
      readonly kind: 'count';
      readonly columns: readonly ColumnInfo[];
      readonly distinct: boolean;
    }
  | {
      readonly alias: string;
      readonly kind: 'op';
      readonly op: AggOp;
      readonly typename: string;
      readonly columns: readonly (
        | { readonly alias: string; readonly column: ColumnInfo; readonly redact?: BoolIR }
        | { readonly alias: string; readonly typename: string }
      )[];
    };

export type RootIR =
  | { readonly alias: string; readonly kind: 'select'; readonly select: SelectIR; readonly single: boolean }
  | {
      readonly alias: string;
      readonly kind: 'aggregate';
      readonly select: SelectIR;
      readonly agg: readonly AggFieldIR[];
    }
  | { readonly alias: string; readonly kind: 'json'; readonly value: unknown };

export interface PlanContext {
  readonly session: Readonly<Record<string, string>>;
  readonly nullCollapse: boolean;
  readonly stringifyNumeric: boolean;
}
