/**
 * metadata + catalog → Model. Objects that do not resolve are dropped and reported in Hasura's
 * `get_inconsistent_metadata` shape instead of failing the whole load (src: Hasura/RQL/DDL/Schema/Cache.hs,
 * `InconsistentMetadata`).
 */
import type { Catalog, CatalogTable } from '../introspect/catalog-types.js';
import type { HasuraMetadata, InconsistentObject, TableMetadata, RootFieldName } from '../metadata/types.js';
import { qualify } from '../metadata/types.js';
import type {
  ColumnInfo,
  Model,
  RelationshipInfo,
  SelectPermInfo,
  TableInfo,
  ComputedFieldInfo,
} from './model-types.js';
import { tableKey } from './model-types.js';
import { baseTypeName, scalarNameFor } from './pg-scalars.js';
import { resolveRelationship } from './resolve-relationships.js';
import { combineInherited, flattenInherited, resolveSelectPermission } from './resolve-permissions.js';
import { resolveComputedField, resolveFunctions } from './resolve-computed-field.js';
import { resolveMutation } from './resolve-mutation.js';
import { resolveActions } from './resolve-actions.js';

function rootName(v: RootFieldName | undefined, dflt: string): { name: string; comment: string | null } {
  if (v === undefined || v === null) return { name: dflt, comment: null };
  if (typeof v === 'string') return { name: v, comment: null };
  return { name: v.name ?? dflt, comment: v.comment ?? null };
}

function buildColumns(t: TableMetadata, cat: CatalogTable): ColumnInfo[] {
  const cfg = t.configuration ?? {};
  return cat.columns.map((c) => {
    const custom = cfg.column_config?.[c.name]?.custom_name ?? cfg.custom_column_names?.[c.name];
    const comment = cfg.column_config?.[c.name]?.comment;
    const isArray = c.type.elem !== null;
    const base = isArray ? (c.type.elem ?? c.type.name) : baseTypeName(c.type);
    return {
      name: c.name,
      gqlName: custom ?? c.name,
      type: c.type,
      baseType: base,
      isArray,
      scalar: scalarNameFor(base),
      notNull: c.notNull,
      hasDefault: c.hasDefault,
      description: comment ?? c.comment,
    };
  });
}

export function resolveModel(md: HasuraMetadata, catalog: Catalog): Model {
  const inconsistencies: InconsistentObject[] = [];
  const source = md.sources[0];
  const sourceName = source?.name ?? 'default';
  const catByKey = new Map(catalog.tables.map((t) => [tableKey(t.schema, t.name), t]));
  const lookupTracked = new Map<string, CatalogTable>();
  const tablesMd: [TableMetadata, CatalogTable][] = [];
  for (const t of source?.tables ?? []) {
    const q = qualify(t.table);
    const cat = catByKey.get(tableKey(q.schema, q.name));
    if (!cat) {
      inconsistencies.push({
        type: 'table',
        name: `table ${q.name} in source ${sourceName}`,
        reason: `Inconsistent object: no such table/view exists in source: "${q.name}"`,
        definition: t.table,
      });
      continue;
    }
    lookupTracked.set(tableKey(q.schema, q.name), cat);
    tablesMd.push([t, cat]);
  }
  const lookup = (schema: string, name: string): CatalogTable | undefined => lookupTracked.get(tableKey(schema, name));
  const roles = new Set<string>();
  const inherited = flattenInherited(md.inherited_roles ?? []);
  const tables = new Map<string, TableInfo>();

  for (const [t, cat] of tablesMd) {
    const key = tableKey(cat.schema, cat.name);
    const cfg = t.configuration ?? {};
    const gqlName = cfg.custom_name ?? (cat.schema === 'public' ? cat.name : `${cat.schema}_${cat.name}`);
    const columns = buildColumns(t, cat);
    const relationships: RelationshipInfo[] = [];
    for (const [kind, list] of [
      ['object', t.object_relationships ?? []],
      ['array', t.array_relationships ?? []],
    ] as const) {
      for (const rel of list) {
        const r = resolveRelationship(kind, rel, cat, lookup);
        if ('ok' in r) relationships.push(r.ok);
        else
          inconsistencies.push({
            type: `${kind}_relation`,
            name: `${kind}_relation ${rel.name} in table ${cat.name} in source ${sourceName}`,
            reason: `Inconsistent object: in table "${cat.name}": in relationship "${rel.name}": ${r.error}`,
            definition: {
              name: rel.name,
              source: sourceName,
              comment: rel.comment ?? null,
              table: t.table,
              using: rel.using,
            },
          });
      }
    }
    const computedFields: ComputedFieldInfo[] = [];
    for (const cf of t.computed_fields ?? []) {
      const r = resolveComputedField(cf, cat, catalog, lookup);
      if ('ok' in r) computedFields.push(r.ok);
      else
        inconsistencies.push({
          type: 'computed_field',
          name: `computed_field ${cf.name} in table ${cat.name} in source ${sourceName}`,
          reason: `Inconsistent object: in table "${cat.name}": in computed field "${cf.name}": ${r.error}`,
          definition: { ...cf, source: sourceName, table: t.table },
        });
    }
    const computedNames = new Set(computedFields.map((c) => c.name));
    const select = new Map<string, SelectPermInfo>();
    for (const entry of t.select_permissions ?? []) {
      roles.add(entry.role);
      const r = resolveSelectPermission(entry, columns, computedNames);
      if ('ok' in r) select.set(entry.role, r.ok);
      else
        inconsistencies.push({
          type: 'select_permission',
          name: `select_permission ${entry.role} in table ${cat.name} in source ${sourceName}`,
          reason: `Inconsistent object: in table "${cat.name}": in permission for role "${entry.role}": ${r.error}`,
          definition: { ...entry, source: sourceName, table: t.table },
        });
    }
    for (const list of [t.insert_permissions, t.update_permissions, t.delete_permissions]) {
      for (const e of list ?? []) roles.add(e.role);
    }
    for (const [role, members] of inherited) {
      if (select.has(role)) continue;
      const combined = combineInherited(members.flatMap((m) => select.get(m) ?? []));
      if (combined) select.set(role, combined);
    }
    const crf = cfg.custom_root_fields ?? {};
    const sel = rootName(crf.select, gqlName);
    const byPk = rootName(crf.select_by_pk, `${gqlName}_by_pk`);
    const agg = rootName(crf.select_aggregate, `${gqlName}_aggregate`);
    tables.set(key, {
      key,
      schema: cat.schema,
      name: cat.name,
      gqlName,
      description: cfg.comment ?? cat.comment,
      columns,
      columnByName: new Map(columns.map((c) => [c.name, c])),
      primaryKey: cat.primaryKey?.columns ?? null,
      relationships,
      computedFields,
      select,
      rootFields: {
        select: sel.name,
        selectByPk: byPk.name,
        selectAggregate: agg.name,
        selectComment: sel.comment,
        selectByPkComment: byPk.comment,
        selectAggregateComment: agg.comment,
      },
      mutation: resolveMutation(t, cat, gqlName, columns),
    });
  }
  for (const r of inherited.keys()) roles.add(r);
  const functions = resolveFunctions(source?.functions ?? [], catalog, lookup, inconsistencies, sourceName);
  for (const a of md.actions ?? []) for (const p of a.permissions ?? []) roles.add(p.role);
  return { tables, roles, inconsistencies, functions, actions: resolveActions(md, inconsistencies) };
}
