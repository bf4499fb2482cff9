/**
 * metadata + catalog → Model. Objects that do not resolve are dropped and reported in Hasura's
 * `get_inconsistent_metadata` shape instead of failing the whole load (src: Hasura/RQL/DDL/Schema/Cache.hs,
 * `InconsistentMetadata`).
 */
import type { Catalog, CatalogTable } from '../introspect/catalog-types.js';
import type {
  HasuraMetadata,
  InconsistentObject,
  PermissionEntry,
  RootFieldName,
  TableMetadata,
} from '../metadata/types.js';
import { qualify } from '../metadata/types.js';
import type {
  ColumnInfo,
  Model,
  RelationshipInfo,
  RootFieldNames,
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
import { boolExpError, consistentMutationPermissions } from './validate-permission-exp.js';
import type { PermissionFields } from './validate-permission-exp.js';

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

/** A table's fields, resolved before its permissions (which may reach any table's fields). */
interface TableFields extends PermissionFields {
  readonly columns: ColumnInfo[];
}

/** What every step of the resolution shares: the catalog, the tracked tables and the inconsistencies found. */
interface ResolveContext {
  readonly catalog: Catalog;
  readonly sourceName: string;
  readonly inconsistencies: InconsistentObject[];
  /** A tracked table of the catalog. */
  readonly lookup: (schema: string, name: string) => CatalogTable | undefined;
}

/** The source's tables joined with the catalog; a table missing from the database is inconsistent. */
function trackedTables(
  tables: readonly TableMetadata[],
  catalog: Catalog,
  sourceName: string,
  inconsistencies: InconsistentObject[],
): [TableMetadata, CatalogTable][] {
  const catByKey = new Map(catalog.tables.map((t) => [tableKey(t.schema, t.name), t]));
  const tablesMd: [TableMetadata, CatalogTable][] = [];
  for (const t of tables) {
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
    tablesMd.push([t, cat]);
  }
  return tablesMd;
}

function resolveTableRelationships(ctx: ResolveContext, t: TableMetadata, cat: CatalogTable): RelationshipInfo[] {
  const { sourceName } = ctx;
  const relationships: RelationshipInfo[] = [];
  for (const [kind, list] of [
    ['object', t.object_relationships ?? []],
    ['array', t.array_relationships ?? []],
  ] as const) {
    for (const rel of list) {
      const r = resolveRelationship(kind, rel, cat, ctx.lookup);
      if ('ok' in r) relationships.push(r.ok);
      else
        ctx.inconsistencies.push({
          type: `${kind}_relation`,
          name: `${kind}_relation ${rel.name} in table ${cat.name} in source ${sourceName}`,
          reason: r.dependency
            ? `Inconsistent object: ${r.error}`
            : `Inconsistent object: in table "${cat.name}": in relationship "${rel.name}": ${r.error}`,
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
  return relationships;
}

function resolveTableComputedFields(ctx: ResolveContext, t: TableMetadata, cat: CatalogTable): ComputedFieldInfo[] {
  const { sourceName } = ctx;
  const computedFields: ComputedFieldInfo[] = [];
  for (const cf of t.computed_fields ?? []) {
    const r = resolveComputedField(cf, cat, ctx.catalog, ctx.lookup);
    if ('ok' in r) computedFields.push(r.ok);
    else
      ctx.inconsistencies.push({
        type: 'computed_field',
        name: `computed_field ${cf.name} in table ${cat.name} in source ${sourceName}`,
        reason: `Inconsistent object: in table "${cat.name}": in computed field "${cf.name}": ${r.error}`,
        definition: { ...cf, source: sourceName, table: t.table },
      });
  }
  return computedFields;
}

/** Columns, relationships and computed fields of one table. */
function resolveTableFields(ctx: ResolveContext, t: TableMetadata, cat: CatalogTable): TableFields {
  const columns = buildColumns(t, cat);
  const relationships = resolveTableRelationships(ctx, t, cat);
  const computedFields = resolveTableComputedFields(ctx, t, cat);
  return {
    name: cat.name,
    columns,
    columnByName: new Map(columns.map((c) => [c.name, c])),
    relationships,
    computedFields,
  };
}

type ReportPermission = (kind: string, entry: PermissionEntry<unknown>, error: string) => void;

function permissionReporter(ctx: ResolveContext, t: TableMetadata, cat: CatalogTable): ReportPermission {
  const { sourceName } = ctx;
  return (kind, entry, error) => {
    ctx.inconsistencies.push({
      type: `${kind}_permission`,
      name: `${kind}_permission ${entry.role} in table ${cat.name} in source ${sourceName}`,
      reason: `Inconsistent object: in table "${cat.name}": in permission for role "${entry.role}": ${error}`,
      definition: { ...entry, source: sourceName, table: t.table },
    });
  };
}

/**
 * The select permissions of the table's roles, then those of inherited roles that have none of their own (combined
 * from their members').
 */
function resolveSelectPermissions(
  t: TableMetadata,
  f: TableFields,
  tableFields: (k: string) => PermissionFields | undefined,
  report: ReportPermission,
): Map<string, SelectPermInfo> {
  const computedNames = new Set(f.computedFields.map((c) => c.name));
  const select = new Map<string, SelectPermInfo>();
  for (const entry of t.select_permissions ?? []) {
    // The filter first, then the columns (Hasura/RQL/DDL/Permission.hs `buildSelPermInfo`).
    const bad = boolExpError(entry.permission.filter, f, f, tableFields);
    const r = bad === null ? resolveSelectPermission(entry, f.columns, computedNames) : { error: bad };
    if ('ok' in r) select.set(entry.role, r.ok);
    else report('select', entry, r.error);
  }
  return select;
}

function addInheritedSelect(
  select: Map<string, SelectPermInfo>,
  inherited: ReadonlyMap<string, readonly string[]>,
): void {
  for (const [role, members] of inherited) {
    if (select.has(role)) continue;
    const combined = combineInherited(members.flatMap((m) => select.get(m) ?? []));
    if (combined) select.set(role, combined);
  }
}

function selectRootFields(t: TableMetadata, gqlName: string): RootFieldNames {
  const crf = t.configuration?.custom_root_fields ?? {};
  const sel = rootName(crf.select, gqlName);
  const byPk = rootName(crf.select_by_pk, `${gqlName}_by_pk`);
  const agg = rootName(crf.select_aggregate, `${gqlName}_aggregate`);
  return {
    select: sel.name,
    selectByPk: byPk.name,
    selectAggregate: agg.name,
    selectComment: sel.comment,
    selectByPkComment: byPk.comment,
    selectAggregateComment: agg.comment,
  };
}

function addPermissionRoles(t: TableMetadata, roles: Set<string>): void {
  for (const list of [t.select_permissions, t.insert_permissions, t.update_permissions, t.delete_permissions]) {
    for (const e of list ?? []) roles.add(e.role);
  }
}

/** One table with its permissions, each checked against every table's fields (`fields`). */
function resolveTable(
  ctx: ResolveContext,
  [t, cat]: [TableMetadata, CatalogTable],
  f: TableFields,
  fields: ReadonlyMap<string, TableFields>,
  inherited: ReadonlyMap<string, readonly string[]>,
): TableInfo {
  const key = tableKey(cat.schema, cat.name);
  const cfg = t.configuration ?? {};
  const gqlName = cfg.custom_name ?? (cat.schema === 'public' ? cat.name : `${cat.schema}_${cat.name}`);
  const report = permissionReporter(ctx, t, cat);
  const tableFields = (k: string): PermissionFields | undefined => fields.get(k);
  const select = resolveSelectPermissions(t, f, tableFields, report);
  const perms = consistentMutationPermissions(t, f, tableFields, report);
  addInheritedSelect(select, inherited);
  return {
    key,
    schema: cat.schema,
    name: cat.name,
    gqlName,
    description: cfg.comment ?? cat.comment,
    columns: f.columns,
    columnByName: f.columnByName,
    primaryKey: cat.primaryKey?.columns ?? null,
    relationships: f.relationships,
    computedFields: f.computedFields,
    select,
    rootFields: selectRootFields(t, gqlName),
    mutation: resolveMutation(perms, cat, gqlName, f.columns),
  };
}

export function resolveModel(md: HasuraMetadata, catalog: Catalog): Model {
  const inconsistencies: InconsistentObject[] = [];
  const source = md.sources[0];
  const sourceName = source?.name ?? 'default';
  const tablesMd = trackedTables(source?.tables ?? [], catalog, sourceName, inconsistencies);
  const lookupTracked = new Map(tablesMd.map(([, cat]) => [tableKey(cat.schema, cat.name), cat]));
  const lookup = (schema: string, name: string): CatalogTable | undefined => lookupTracked.get(tableKey(schema, name));
  const ctx: ResolveContext = { catalog, sourceName, inconsistencies, lookup };
  const roles = new Set<string>();
  const inherited = flattenInherited(md.inherited_roles ?? []);
  const tables = new Map<string, TableInfo>();
  const fields = new Map<string, TableFields>();

  // Pass 1: columns, relationships and computed fields of every table (permissions may reach any of them).
  for (const [t, cat] of tablesMd) fields.set(tableKey(cat.schema, cat.name), resolveTableFields(ctx, t, cat));

  // Pass 2: permissions, each checked against every table's fields; what does not resolve is inconsistent.
  for (const entry of tablesMd) {
    const [t, cat] = entry;
    const key = tableKey(cat.schema, cat.name);
    const f = fields.get(key);
    if (!f) continue;
    addPermissionRoles(t, roles);
    tables.set(key, resolveTable(ctx, entry, f, fields, inherited));
  }
  for (const r of inherited.keys()) roles.add(r);
  const functions = resolveFunctions(source?.functions ?? [], catalog, lookup, inconsistencies, sourceName);
  for (const a of md.actions ?? []) for (const p of a.permissions ?? []) roles.add(p.role);
  return { tables, roles, inconsistencies, functions, actions: resolveActions(md, inconsistencies) };
}
