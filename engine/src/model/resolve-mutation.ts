/**
 * Insert/update/delete permissions, unique constraints and mutation root-field names of one table (src:
 * Hasura/RQL/Types/Permission.hs `InsPermDef`/`UpdPermDef`/`DelPermDef`; Hasura/RQL/Types/SourceCustomization.hs
 * `mkInsertField`…; Hasura/GraphQL/Schema/Mutation.hs). Admin bypasses these (see `mutationPerms`).
 */
import type { CatalogTable } from '../introspect/catalog-types.js';
import type { RootFieldName, TableMetadata } from '../metadata/types.js';
import type { ColumnInfo, TableInfo } from './model-types.js';
import type { DeletePermInfo, InsertPermInfo, MutationInfo, UpdatePermInfo } from './mutation-types.js';

function rootName(v: RootFieldName | undefined, dflt: string): { name: string; comment: string | null } {
  if (v === undefined || v === null) return { name: dflt, comment: null };
  if (typeof v === 'string') return { name: v, comment: null };
  return { name: v.name ?? dflt, comment: v.comment ?? null };
}

function columnSet(cols: string[] | '*' | undefined, all: readonly ColumnInfo[]): Set<string> {
  if (cols === '*' || cols === undefined) return new Set(all.map((c) => c.name));
  return new Set(cols.filter((c) => all.some((x) => x.name === c)));
}

export function resolveMutation(
  t: TableMetadata,
  cat: CatalogTable,
  gqlName: string,
  columns: readonly ColumnInfo[],
): MutationInfo {
  const crf = t.configuration?.custom_root_fields ?? {};
  const insert = new Map<string, InsertPermInfo>();
  for (const e of t.insert_permissions ?? []) {
    const p = e.permission;
    insert.set(e.role, {
      check: p.check ?? {},
      set: p.set ?? {},
      columns: columnSet(p.columns, columns),
      backendOnly: p.backend_only === true,
    });
  }
  const update = new Map<string, UpdatePermInfo>();
  for (const e of t.update_permissions ?? []) {
    const p = e.permission;
    update.set(e.role, {
      columns: columnSet(p.columns, columns),
      filter: p.filter ?? {},
      check: p.check ?? null,
      set: p.set ?? {},
      backendOnly: p.backend_only === true,
    });
  }
  const del = new Map<string, DeletePermInfo>();
  for (const e of t.delete_permissions ?? [])
    del.set(e.role, { filter: e.permission.filter ?? {}, backendOnly: e.permission.backend_only === true });
  const constraints = [...(cat.primaryKey ? [cat.primaryKey] : []), ...cat.uniques];
  return {
    mutable: cat.kind === 'r' || cat.kind === 'p' || cat.kind === 'v' || cat.kind === 'f',
    insert,
    update,
    delete: del,
    constraints,
    names: {
      insert: rootName(crf.insert, `insert_${gqlName}`),
      insertOne: rootName(crf.insert_one, `insert_${gqlName}_one`),
      update: rootName(crf.update, `update_${gqlName}`),
      updateByPk: rootName(crf.update_by_pk, `update_${gqlName}_by_pk`),
      updateMany: rootName(crf.update_many, `update_${gqlName}_many`),
      delete: rootName(crf.delete, `delete_${gqlName}`),
      deleteByPk: rootName(crf.delete_by_pk, `delete_${gqlName}_by_pk`),
    },
  };
}

const ALL = (t: TableInfo): ReadonlySet<string> => new Set(t.columns.map((c) => c.name));

/** The role's mutation permissions on `t`; admin gets everything. `backendOnly` hides backend-only permissions. */
export function mutationPerms(
  t: TableInfo,
  role: string,
  backendOnly: boolean,
): { insert?: InsertPermInfo; update?: UpdatePermInfo; delete?: DeletePermInfo } {
  const m = t.mutation;
  if (!m || !m.mutable) return {};
  if (role === 'admin') {
    return {
      insert: { check: {}, set: {}, columns: ALL(t), backendOnly: false },
      update: { columns: ALL(t), filter: {}, check: null, set: {}, backendOnly: false },
      delete: { filter: {}, backendOnly: false },
    };
  }
  const ok = <P extends { backendOnly: boolean }>(p: P | undefined): P | undefined =>
    p && (!p.backendOnly || backendOnly) ? p : undefined;
  const out: { insert?: InsertPermInfo; update?: UpdatePermInfo; delete?: DeletePermInfo } = {};
  const i = ok(m.insert.get(role));
  const u = ok(m.update.get(role));
  const d = ok(m.delete.get(role));
  if (i) out.insert = i;
  if (u) out.update = u;
  if (d) out.delete = d;
  return out;
}
