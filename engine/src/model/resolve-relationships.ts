/**
 * Resolve relationship metadata to column mappings (src: Hasura/RQL/DDL/Relationship.hs, `objRelP2Setup` /
 * `arrRelP2Setup`). An object relationship is non-null only when it is an FK on the same table whose columns are all
 * NOT NULL (test: graphql_introspection/nullable_object_relationship).
 */
import type { CatalogTable } from '../introspect/catalog-types.js';
import { qualify } from '../metadata/types.js';
import type { RelationshipMetadata } from '../metadata/types.js';
import type { RelationshipInfo } from './model-types.js';
import { tableKey } from './model-types.js';

/** `dependency`: the error is a missing dependency, which Hasura reports without the table/relationship context. */
export type RelResult = { ok: RelationshipInfo } | { error: string; dependency?: true };

function sameSet(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((x) => b.includes(x));
}

export function resolveRelationship(
  kind: 'object' | 'array',
  rel: RelationshipMetadata,
  self: CatalogTable,
  lookup: (schema: string, name: string) => CatalogTable | undefined,
): RelResult {
  const description = rel.comment ?? null;
  const manual = rel.using.manual_configuration;
  if (manual) {
    const remote = qualify(manual.remote_table);
    const target = lookup(remote.schema, remote.name);
    if (!target) return { error: `table "${remote.name}" does not exist` };
    const mapping = Object.entries(manual.column_mapping).map(([l, r]) => [l, r] as const);
    for (const [l, r] of mapping) {
      if (!self.columns.some((c) => c.name === l)) return { error: `no such column exists: "${l}"` };
      if (!target.columns.some((c) => c.name === r)) return { error: `no such column exists: "${r}"` };
    }
    const insertAfterParent = kind === 'array' || manual.insertion_order === 'after_parent';
    return {
      ok: {
        name: rel.name,
        kind,
        target: tableKey(remote.schema, remote.name),
        mapping,
        nonNull: false,
        description,
        insertAfterParent,
      },
    };
  }
  const fk = rel.using.foreign_key_constraint_on;
  if (fk === undefined) return { error: 'relationship has no "using" definition' };
  if (typeof fk === 'string' || Array.isArray(fk)) {
    if (kind === 'array') return { error: 'array relationship needs foreign_key_constraint_on.table' };
    const cols = typeof fk === 'string' ? [fk] : fk;
    const con = self.foreignKeys.find((f) => sameSet(f.columns, cols));
    if (!con) return { error: `no foreign constraint exists on the given column(s)` };
    // The referenced table must be tracked too (test: v1/metadata/replace_metadata_allow_inconsistent_inconsistent).
    if (!lookup(con.refSchema, con.refTable)) {
      const shown = con.refSchema === 'public' ? con.refTable : `${con.refSchema}.${con.refTable}`;
      return { error: `table "${shown}" is not tracked`, dependency: true };
    }
    const mapping = con.columns.map((c, i) => [c, con.refColumns[i] ?? ''] as const);
    const nonNull = con.columns.every((c) => self.columns.find((x) => x.name === c)?.notNull === true);
    return {
      ok: { name: rel.name, kind, target: tableKey(con.refSchema, con.refTable), mapping, nonNull, description },
    };
  }
  const remote = qualify(fk.table);
  const target = lookup(remote.schema, remote.name);
  if (!target) return { error: `table "${remote.name}" does not exist` };
  // Hasura accepts `columns` as one string as well as a list (src: Hasura/RQL/Types/Relationships/Local.hs,
  // `ArrRelUsingFKeyOn` parses `columns` with `parseJSON` of a NonEmpty that also takes a single value).
  const rawCols: unknown = fk.columns;
  const cols =
    typeof rawCols === 'string'
      ? [rawCols]
      : Array.isArray(rawCols)
        ? (rawCols as string[])
        : fk.column !== undefined
          ? [fk.column]
          : [];
  const con = target.foreignKeys.find(
    (f) => sameSet(f.columns, cols) && f.refSchema === self.schema && f.refTable === self.name,
  );
  if (!con) return { error: `no foreign constraint exists on the given column(s)` };
  const mapping = con.columns.map((c, i) => [con.refColumns[i] ?? '', c] as const);
  return {
    ok: {
      name: rel.name,
      kind,
      target: tableKey(remote.schema, remote.name),
      mapping,
      nonNull: false,
      description,
      insertAfterParent: true,
    },
  };
}
