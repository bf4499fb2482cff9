/**
 * The Postgres privileges the GraphQL engine's role needs, derived from hasura/metadata (and the API's admin
 * documents), as the statements the engine compiles them to (engine/src/compiler/compile-mutation.ts,
 * compile-select.ts). One string per privilege: `SELECT public.users(email)`, `DELETE public.saved_searches`,
 * `USAGE sequence public.saved_searches_saved_search_id_seq`, `USAGE schema public`, `EXECUTE public.fn`.
 *
 *  - admin (always there: Hasura's admin role sees every tracked table; the API's server-side reads run as admin):
 *    SELECT on every column of every tracked table. Admin gets no write here: the database keeps admin mutations to
 *    what a role's mutation permission allows (course data is written by the importer, as ct_owner);
 *  - select permissions: their columns, and the tables their filters reach through relationships and `_exists`;
 *  - relationships: the mapped columns on both sides;
 *  - insert permissions: INSERT on their columns and preset (`set`) columns (the first column of the table too when
 *    there is no preset: an empty object inserts DEFAULT into it), SELECT on every column (`RETURNING *`), USAGE on
 *    the sequence of every identity/serial column the role may leave to its default;
 *  - update permissions (also upserts' `ON CONFLICT … DO UPDATE`): UPDATE on their columns and preset columns,
 *    SELECT on every column;
 *  - delete permissions: DELETE, SELECT on every column;
 *  - tracked functions and computed fields: EXECUTE;
 *  - asynchronous actions, when the engine keeps its catalog (`hdb_catalog.hdb_action_log`) through the same role:
 *    USAGE on schema hdb_catalog and SELECT, INSERT, UPDATE on the log; nothing when HASURA_GRAPHQL_METADATA_DATABASE_URL
 *    is another role;
 *  - mutations in the API's admin documents: INSERT/UPDATE on every column of, or DELETE on, their table.
 */
import { Kind, OperationTypeNode, type DocumentNode, type SelectionSetNode } from 'graphql';
import type {
  BoolExpJson,
  HasuraMetadata,
  QualifiedName,
  RelationshipMetadata,
  TableMetadata,
} from '../../engine/src/index.js';

/** What the derivation needs to know about the database. */
export interface Catalog {
  /** `schema.table` -> its columns in order */
  columns: ReadonlyMap<string, readonly string[]>;
  /** `schema.table` -> the sequences its identity/serial columns draw from */
  sequences: ReadonlyMap<string, readonly { column: string; sequence: string }[]>;
  /** `schema.table` -> its foreign keys (for `foreign_key_constraint_on` relationships) */
  foreignKeys: ReadonlyMap<string, readonly { columns: string[]; references: string; referencedColumns: string[] }[]>;
}

export interface NeedsOptions {
  /** the API's operations run as admin (api/src/**\/*.graphql) */
  adminDocuments: readonly DocumentNode[];
  /** the engine keeps hdb_catalog through the source's role (no separate metadata database role) */
  catalogThroughSourceRole: boolean;
}

interface ActionObjectType {
  name: string;
  relationships?: { name: string; remote_table: QualifiedName | string; field_mapping: Record<string, string> }[];
}

const qualify = (q: QualifiedName | string): string =>
  typeof q === 'string' ? `public.${q}` : `${q.schema ?? 'public'}.${q.name}`;

/** The privileges needed, each with the first reason found (for the test's message). */
export function neededPrivileges(md: HasuraMetadata, catalog: Catalog, opts: NeedsOptions): Map<string, string> {
  const needs = new Map<string, string>();
  const add = (privilege: string, why: string): void => {
    if (!needs.has(privilege)) needs.set(privilege, why);
  };
  const cols = (table: string): readonly string[] => {
    const c = catalog.columns.get(table);
    if (c === undefined) throw new Error(`metadata tracks ${table}, which the database does not have`);
    return c;
  };
  const schemaOf = (table: string): string => table.slice(0, table.indexOf('.'));
  const select = (table: string, columns: readonly string[], why: string): void => {
    add(`USAGE schema ${schemaOf(table)}`, why);
    for (const c of columns) add(`SELECT ${table}(${c})`, why);
  };
  const tables = new Map<string, TableMetadata>();
  for (const source of md.sources) for (const t of source.tables) tables.set(qualify(t.table), t);
  const all = (table: string): readonly string[] => cols(table);
  const list = (table: string, c: readonly string[] | '*' | undefined): readonly string[] =>
    c === '*' ? all(table) : (c ?? []);

  /** Target table and mapped columns (own side, other side) of a relationship of `table`. */
  const relationship = (table: string, r: RelationshipMetadata): { target: string; own: string[]; other: string[] } => {
    const manual = r.using.manual_configuration;
    if (manual) {
      return {
        target: qualify(manual.remote_table),
        own: Object.keys(manual.column_mapping),
        other: Object.values(manual.column_mapping),
      };
    }
    const fk = r.using.foreign_key_constraint_on;
    if (typeof fk === 'string' || Array.isArray(fk)) {
      const own = typeof fk === 'string' ? [fk] : fk;
      const key = (catalog.foreignKeys.get(table) ?? []).find((k) => k.columns.join() === own.join());
      if (!key) throw new Error(`${table}.${r.name}: no foreign key on (${own.join(', ')})`);
      return { target: key.references, own, other: key.referencedColumns };
    }
    if (fk) {
      const target = qualify(fk.table);
      const theirs = fk.columns ?? (fk.column === undefined ? [] : [fk.column]);
      const key = (catalog.foreignKeys.get(target) ?? []).find(
        (k) => k.columns.join() === theirs.join() && k.references === table,
      );
      if (!key) throw new Error(`${table}.${r.name}: no foreign key from ${target} (${theirs.join(', ')})`);
      return { target, own: key.referencedColumns, other: theirs };
    }
    throw new Error(`${table}.${r.name}: relationship without a definition`);
  };
  const relationshipsOf = (table: string): RelationshipMetadata[] => {
    const t = tables.get(table);
    return [...(t?.object_relationships ?? []), ...(t?.array_relationships ?? [])];
  };

  /** The columns and tables a permission's bool-exp reads. */
  const walk = (table: string, exp: BoolExpJson | null | undefined, why: string): void => {
    if (!exp) return;
    for (const [k, v] of Object.entries(exp)) {
      if (k === '_and' || k === '_or') for (const e of v as BoolExpJson[]) walk(table, e, why);
      else if (k === '_not') walk(table, v as BoolExpJson, why);
      else if (k === '_exists') {
        const e = v as { _table: QualifiedName | string; _where?: BoolExpJson };
        walk(qualify(e._table), e._where, `${why} (_exists)`);
      } else {
        const rel = relationshipsOf(table).find((r) => r.name === k);
        if (rel) {
          const { target, own, other } = relationship(table, rel);
          select(table, own, why);
          select(target, other, why);
          walk(target, v as BoolExpJson, `${why} → ${rel.name}`);
        } else {
          if (!cols(table).includes(k)) throw new Error(`${why}: ${table} has no column or relationship ${k}`);
          select(table, [k], why);
          // column comparisons (`_ceq: "other"` or `["$", "col"]`) read the other column too
          for (const [op, arg] of Object.entries((v ?? {}) as Record<string, unknown>)) {
            if (!op.startsWith('_c')) continue;
            const path = Array.isArray(arg) ? (arg as string[]) : [arg as string];
            const col = path[path.length - 1];
            if (col !== undefined && col !== '$') select(table, [col], why);
          }
        }
      }
    }
  };

  for (const [table, t] of tables) {
    select(table, all(table), `${table}: tracked (admin reads every column)`);
    for (const r of relationshipsOf(table)) {
      const { target, own, other } = relationship(table, r);
      select(table, own, `${table}.${r.name}`);
      select(target, other, `${table}.${r.name}`);
    }
    for (const p of t.select_permissions ?? []) {
      const why = `${table}: select permission of ${p.role}`;
      select(table, list(table, p.permission.columns), why);
      walk(table, p.permission.filter, why);
    }
    for (const p of t.insert_permissions ?? []) {
      const why = `${table}: insert permission of ${p.role}`;
      const presets = Object.keys(p.permission.set ?? {});
      const first = all(table)[0];
      const inserted = new Set([...list(table, p.permission.columns), ...presets]);
      if (presets.length === 0 && first !== undefined) inserted.add(first);
      for (const c of inserted) add(`INSERT ${table}(${c})`, why);
      select(table, all(table), `${why} (RETURNING *)`);
      walk(table, p.permission.check, why);
      for (const s of catalog.sequences.get(table) ?? []) {
        if (!presets.includes(s.column)) add(`USAGE sequence ${s.sequence}`, `${why} (default of ${s.column})`);
      }
    }
    for (const p of t.update_permissions ?? []) {
      const why = `${table}: update permission of ${p.role}`;
      for (const c of [...list(table, p.permission.columns), ...Object.keys(p.permission.set ?? {})]) {
        add(`UPDATE ${table}(${c})`, why);
      }
      select(table, all(table), `${why} (RETURNING *)`);
      walk(table, p.permission.filter, why);
      walk(table, p.permission.check ?? undefined, why);
    }
    for (const p of t.delete_permissions ?? []) {
      const why = `${table}: delete permission of ${p.role}`;
      add(`DELETE ${table}`, why);
      select(table, all(table), `${why} (RETURNING *)`);
      walk(table, p.permission.filter, why);
    }
    for (const c of t.computed_fields ?? []) add(`EXECUTE ${qualify(c.definition.function)}`, `${table}.${c.name}`);
  }
  for (const source of md.sources) {
    for (const f of source.functions ?? []) add(`EXECUTE ${qualify(f.function)}`, `tracked function`);
  }
  // action output types with relationships to tables read the mapped columns
  for (const o of (md.custom_types?.objects ?? []) as ActionObjectType[]) {
    for (const r of o.relationships ?? []) {
      const target = qualify(r.remote_table);
      select(target, Object.values(r.field_mapping), `action type ${o.name}.${r.name}`);
    }
  }

  const asyncActions = (md.actions ?? []).filter((a) => a.definition.kind === 'asynchronous');
  if (asyncActions.length > 0 && opts.catalogThroughSourceRole) {
    const why = `asynchronous action ${asyncActions[0]?.name ?? ''} (hdb_catalog through the source's role)`;
    add('USAGE schema hdb_catalog', why);
    for (const c of cols('hdb_catalog.hdb_action_log')) {
      for (const p of ['SELECT', 'INSERT', 'UPDATE']) add(`${p} hdb_catalog.hdb_action_log(${c})`, why);
    }
  }

  adminMutations(opts.adminDocuments, tables, (kind, table, why) => {
    if (kind === 'DELETE') add(`DELETE ${table}`, why);
    else for (const c of all(table)) add(`${kind} ${table}(${c})`, why);
    select(table, all(table), why);
  });
  return needs;
}

/** Root mutation fields of the admin documents, mapped to their table (Hasura's default root field names). */
function adminMutations(
  docs: readonly DocumentNode[],
  tables: ReadonlyMap<string, TableMetadata>,
  add: (kind: 'INSERT' | 'UPDATE' | 'DELETE', table: string, why: string) => void,
): void {
  const fields = (set: SelectionSetNode): string[] =>
    set.selections.flatMap((s) => (s.kind === Kind.FIELD ? [s.name.value] : []));
  for (const doc of docs) {
    for (const def of doc.definitions) {
      if (def.kind !== Kind.OPERATION_DEFINITION || def.operation !== OperationTypeNode.MUTATION) continue;
      for (const field of fields(def.selectionSet)) {
        const m = /^(insert|update|delete)_(.+?)(_one|_by_pk|_many)?$/.exec(field);
        const table = m?.[2] === undefined ? undefined : [...tables.keys()].find((t) => t.endsWith(`.${m[2]}`));
        if (!m || table === undefined) throw new Error(`admin mutation ${field}: no tracked table for it`);
        add(m[1]?.toUpperCase() as 'INSERT' | 'UPDATE' | 'DELETE', table, `the API's admin mutation ${field}`);
      }
    }
  }
}
