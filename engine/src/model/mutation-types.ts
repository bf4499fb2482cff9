/**
 * Insert/update/delete permissions, unique constraints and mutation root-field names of one table, as resolved by
 * model/resolve-mutation.ts (src: Hasura/RQL/Types/Permission.hs `InsPermDef`/`UpdPermDef`/`DelPermDef`).
 */
import type { BoolExpJson } from '../metadata/types.js';

export interface InsertPermInfo {
  readonly check: BoolExpJson;
  /** Column → literal value or `x-hasura-*` session variable name (presets). */
  readonly set: Readonly<Record<string, unknown>>;
  readonly columns: ReadonlySet<string>;
  readonly backendOnly: boolean;
}

export interface UpdatePermInfo {
  readonly columns: ReadonlySet<string>;
  readonly filter: BoolExpJson;
  readonly check: BoolExpJson | null;
  readonly set: Readonly<Record<string, unknown>>;
  readonly backendOnly: boolean;
}

export interface DeletePermInfo {
  readonly filter: BoolExpJson;
  readonly backendOnly: boolean;
}

export interface MutationRootNames {
  readonly insert: { name: string; comment: string | null };
  readonly insertOne: { name: string; comment: string | null };
  readonly update: { name: string; comment: string | null };
  readonly updateByPk: { name: string; comment: string | null };
  readonly updateMany: { name: string; comment: string | null };
  readonly delete: { name: string; comment: string | null };
  readonly deleteByPk: { name: string; comment: string | null };
}

export interface MutationInfo {
  /** Only base tables (and insertable views) get mutations; Hasura exposes them for views too when updatable. */
  readonly mutable: boolean;
  readonly insert: ReadonlyMap<string, InsertPermInfo>;
  readonly update: ReadonlyMap<string, UpdatePermInfo>;
  readonly delete: ReadonlyMap<string, DeletePermInfo>;
  /** Primary key and unique constraints (the `<t>_constraint` enum), primary key first. */
  readonly constraints: readonly { readonly name: string; readonly columns: readonly string[] }[];
  readonly names: MutationRootNames;
}
