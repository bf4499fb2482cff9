/**
 * IR of mutation root fields (src: Hasura/RQL/IR/Insert.hs `AnnotatedInsert`, IR/Update.hs `AnnotatedUpdateG`,
 * IR/Delete.hs `AnnDelG`, IR/Returning.hs `MutationOutputG`). Values are bound parameters; names come from the model.
 */
import type { ColumnInfo, RelationshipInfo, TableInfo } from '../model/model-types.js';
import type { BoolIR, FieldIR, ValueIR } from './ir.js';

export interface InsertRowIR {
  /** Column name → value (request values, presets, and FK values filled in from a parent/child insert). */
  readonly columns: ReadonlyMap<string, ValueIR>;
  /** Inserted before this row; their columns fill `rel.mapping`'s local columns. */
  readonly before: readonly { readonly rel: RelationshipInfo; readonly insert: InsertIR }[];
  /** Inserted after this row with `rel.mapping`'s remote columns filled from it. */
  readonly after: readonly { readonly rel: RelationshipInfo; readonly insert: InsertIR }[];
}

export interface ConflictIR {
  readonly constraint: string;
  /** Empty: `DO NOTHING`. */
  readonly updateColumns: readonly ColumnInfo[];
  /** Update presets applied on conflict. */
  readonly presets: ReadonlyMap<string, ValueIR>;
  /** Update permission filter AND the request's `where`. */
  readonly where: BoolIR;
  /** Post-update check of the update permission (rows that were updated, not inserted). */
  readonly check: BoolIR;
}

export interface InsertIR {
  readonly table: TableInfo;
  readonly rows: readonly InsertRowIR[];
  readonly conflict: ConflictIR | null;
  readonly check: BoolIR;
  /** JSON path of the `objects`/`object` argument (Hasura reports insert errors there). */
  readonly path: string;
}

export type UpdateOp = '_set' | '_inc' | '_append' | '_prepend' | '_delete_key' | '_delete_elem' | '_delete_at_path';

export interface UpdateIR {
  readonly table: TableInfo;
  readonly where: BoolIR;
  readonly ops: readonly { readonly column: ColumnInfo; readonly op: UpdateOp; readonly value: ValueIR }[];
  readonly check: BoolIR;
}

export interface DeleteIR {
  readonly table: TableInfo;
  readonly where: BoolIR;
}

export type ResponseFieldIR =
  | { readonly alias: string; readonly kind: 'typename'; readonly name: string }
  | { readonly alias: string; readonly kind: 'affected_rows' }
  | { readonly alias: string; readonly kind: 'returning'; readonly fields: readonly FieldIR[] };

/** `<t>_mutation_response` or a single object (`_one`, `_by_pk`); rows are filtered by the select permission. */
export type MutationOutputIR =
  | { readonly kind: 'response'; readonly fields: readonly ResponseFieldIR[]; readonly filter: BoolIR }
  | { readonly kind: 'object'; readonly fields: readonly FieldIR[]; readonly filter: BoolIR };

export type MutationRootIR =
  | { readonly alias: string; readonly kind: 'json'; readonly value: unknown }
  | { readonly alias: string; readonly kind: 'insert'; readonly insert: InsertIR; readonly output: MutationOutputIR }
  | { readonly alias: string; readonly kind: 'update'; readonly update: UpdateIR; readonly output: MutationOutputIR }
  | {
      readonly alias: string;
      readonly kind: 'update_many';
      readonly updates: readonly UpdateIR[];
      readonly output: MutationOutputIR;
    }
  | { readonly alias: string; readonly kind: 'delete'; readonly del: DeleteIR; readonly output: MutationOutputIR }
  /** An action field, run by the caller in order with the others (actions/run-action.ts). */
  | { readonly alias: string; readonly kind: 'action'; readonly index: number };
