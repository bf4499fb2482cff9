/**
 * The resolved model: metadata joined with the catalog. Everything the schema builder and the planner need, with
 * GraphQL names already computed (Hasura default naming, src: Hasura/RQL/Types/SourceCustomization.hs).
 */
import type { PgTypeRef } from '../introspect/catalog-types.js';
import type { BoolExpJson, InconsistentObject } from '../metadata/types.js';
import type { MutationInfo } from './mutation-types.js';
import type { ActionsModel } from './action-types.js';

export interface ColumnInfo {
  readonly name: string;
  readonly gqlName: string;
  readonly type: PgTypeRef;
  /** Base type name (domains followed; for arrays the element type). */
  readonly baseType: string;
  readonly isArray: boolean;
  /** GraphQL scalar name of the (element) type. */
  readonly scalar: string;
  readonly notNull: boolean;
  readonly hasDefault: boolean;
  readonly description: string | null;
}

export interface RelationshipInfo {
  readonly name: string;
  readonly kind: 'object' | 'array';
  readonly target: string;
  /** Pairs [local column, remote column]. */
  readonly mapping: readonly (readonly [string, string])[];
  readonly nonNull: boolean;
  readonly description: string | null;
  /** Nested inserts: the related row is inserted after this one (array relationships, remote-FK or `after_parent` object relationships). */
  readonly insertAfterParent?: boolean;
}

export interface ComputedFieldInfo {
  readonly name: string;
  readonly fnSchema: string;
  readonly fnName: string;
  /** Argument list in call order: the table row, the session JSON, or a user input argument. */
  readonly args: readonly (
    { kind: 'table' } | { kind: 'session' } | { kind: 'input'; name: string; type: PgTypeRef; hasDefault: boolean }
  )[];
  readonly returns:
    | { readonly kind: 'scalar'; readonly type: PgTypeRef; readonly baseType: string; readonly scalar: string }
    | { readonly kind: 'table'; readonly table: string; readonly set: boolean };
  readonly description: string | null;
}

export interface SelectPermInfo {
  readonly columns: ReadonlySet<string>;
  readonly computedFields: ReadonlySet<string>;
  readonly filter: BoolExpJson;
  readonly limit: number | null;
  readonly allowAggregations: boolean;
  readonly queryRootFields: ReadonlySet<string> | null;
  readonly subscriptionRootFields: ReadonlySet<string> | null;
  /**
   * Inherited roles only: per column (and per scalar computed field) the filter under which its cell is visible;
   * elsewhere the cell is NULL. Absent = visible in every row the role sees (Hasura `RedactIfFalse`/`NoRedaction`).
   */
  readonly redactColumns?: ReadonlyMap<string, BoolExpJson>;
  readonly redactComputed?: ReadonlyMap<string, BoolExpJson>;
}

export interface RootFieldNames {
  readonly select: string;
  readonly selectByPk: string;
  readonly selectAggregate: string;
  readonly selectComment: string | null;
  readonly selectByPkComment: string | null;
  readonly selectAggregateComment: string | null;
}

export interface TableInfo {
  readonly key: string;
  readonly schema: string;
  readonly name: string;
  /** Base GraphQL name (`<t>`), custom_name applied. */
  readonly gqlName: string;
  readonly description: string | null;
  readonly columns: readonly ColumnInfo[];
  readonly columnByName: ReadonlyMap<string, ColumnInfo>;
  readonly primaryKey: readonly string[] | null;
  readonly relationships: readonly RelationshipInfo[];
  readonly computedFields: readonly ComputedFieldInfo[];
  readonly select: ReadonlyMap<string, SelectPermInfo>;
  readonly rootFields: RootFieldNames;
  /** Mutation permissions, constraints and root names (model/mutation-types.ts). */
  readonly mutation?: MutationInfo;
}

/** A tracked SQL function exposed as root fields `<fn>` / `<fn>_aggregate` (docs: schema/postgres/custom-functions.mdx). */
export interface FunctionInfo {
  readonly gqlName: string;
  /** Same shape as a computed field (no table argument), so the compiler calls both alike. */
  readonly cf: ComputedFieldInfo;
  readonly table: string;
  readonly set: boolean;
  /** Roles given explicit function permissions; null = inferred from the return table's select permission. */
  readonly roles: ReadonlySet<string> | null;
}

export interface Model {
  readonly functions: readonly FunctionInfo[];
  readonly tables: ReadonlyMap<string, TableInfo>;
  readonly roles: ReadonlySet<string>;
  readonly inconsistencies: readonly InconsistentObject[];
  /** Actions and custom types (model/action-types.ts). */
  readonly actions?: ActionsModel;
}

export function tableKey(schema: string, name: string): string {
  return `${schema}.${name}`;
}
