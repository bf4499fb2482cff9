/**
 * Applies the legacy `/v1/query`, `/v2/query` and `/v1/metadata` operations of the suite's setup files to an
 * in-memory v3 metadata object (pure: no I/O). SQL-bearing operations (`run_sql`, `insert`) come out as actions,
 * in order, for the caller to run on a direct connection.
 */
import type {
  ActionMetadata,
  FunctionMetadata,
  HasuraMetadata,
  SourceMetadata,
  TableMetadata,
} from '../../src/index.js';

export interface QualifiedTable {
  schema: string;
  name: string;
}

export type SetupAction =
  { kind: 'sql'; sql: string } | { kind: 'insert'; table: QualifiedTable; objects: Record<string, unknown>[] };

export class UnsupportedOperation extends Error {}

type Args = Record<string, unknown>;

export function emptyMetadata(): HasuraMetadata {
  return {
    version: 3,
    sources: [
      {
        name: 'default',
        kind: 'postgres',
        tables: [],
        functions: [],
        configuration: {
          connection_info: {
            database_url: { from_env: 'HASURA_GRAPHQL_DATABASE_URL' },
            isolation_level: 'read-committed',
            use_prepared_statements: false,
          },
        },
      },
    ],
  };
}

export function qualifyTable(t: unknown): QualifiedTable {
  if (typeof t === 'string') return { schema: 'public', name: t };
  if (t && typeof t === 'object') {
    const o = t as Args;
    if (typeof o['name'] === 'string') {
      return { schema: typeof o['schema'] === 'string' ? o['schema'] : 'public', name: o['name'] };
    }
  }
  throw new UnsupportedOperation(`bad table reference ${JSON.stringify(t)}`);
}

function sameTable(a: { name: string; schema?: string }, b: QualifiedTable): boolean {
  return a.name === b.name && (a.schema ?? 'public') === b.schema;
}

function source(md: HasuraMetadata, args: Args): SourceMetadata {
  const name = typeof args['source'] === 'string' ? args['source'] : 'default';
  const src = md.sources.find((s) => s.name === name);
  if (!src) throw new UnsupportedOperation(`unknown source ${name}`);
  return src;
}

function table(md: HasuraMetadata, args: Args): TableMetadata {
  const q = qualifyTable(args['table']);
  const t = source(md, args).tables.find((x) => sameTable(x.table, q));
  if (!t) throw new UnsupportedOperation(`table ${q.schema}.${q.name} is not tracked`);
  return t;
}

function str(args: Args, key: string): string {
  const v = args[key];
  if (typeof v !== 'string') throw new UnsupportedOperation(`missing ${key}`);
  return v;
}

function withoutKeys(args: Args, keys: string[]): Args {
  return Object.fromEntries(Object.entries(args).filter(([k]) => !keys.includes(k)));
}

type PermKind = 'select' | 'insert' | 'update' | 'delete';
const permKey = (
  k: PermKind,
): 'select_permissions' | 'insert_permissions' | 'update_permissions' | 'delete_permissions' => `${k}_permissions`;

function trackTable(md: HasuraMetadata, args: Args): void {
  // v1 accepts the bare qualified table as args, or {table, is_enum, configuration}
  const hasTable = 'table' in args;
  const q = qualifyTable(hasTable ? args['table'] : args);
  const src = source(md, args);
  if (src.tables.some((t) => sameTable(t.table, q))) throw new UnsupportedOperation(`table ${q.name} already tracked`);
  const entry: TableMetadata = { table: { name: q.name, schema: q.schema } };
  if (hasTable && args['is_enum'] === true) entry.is_enum = true;
  if (hasTable && args['configuration'] && typeof args['configuration'] === 'object') {
    entry.configuration = args['configuration'] as NonNullable<TableMetadata['configuration']>;
  }
  src.tables.push(entry);
}

function addRelationship(md: HasuraMetadata, args: Args, kind: 'object' | 'array'): void {
  const t = table(md, args);
  const key = kind === 'object' ? 'object_relationships' : 'array_relationships';
  const rel = {
    name: str(args, 'name'),
    using: args['using'] as NonNullable<TableMetadata[typeof key]>[number]['using'],
  };
  const list = (t[key] ??= []);
  if (list.some((r) => r.name === rel.name)) throw new UnsupportedOperation(`relationship ${rel.name} exists`);
  list.push(typeof args['comment'] === 'string' ? { ...rel, comment: args['comment'] } : rel);
}

function setPermission(md: HasuraMetadata, args: Args, kind: PermKind): void {
  const t = table(md, args);
  const key = permKey(kind);
  const list = (t[key] ??= []) as { role: string; permission: unknown; comment?: string | null }[];
  const role = str(args, 'role');
  if (list.some((p) => p.role === role)) throw new UnsupportedOperation(`${kind} permission for ${role} exists`);
  const entry: { role: string; permission: unknown; comment?: string } = { role, permission: args['permission'] };
  if (typeof args['comment'] === 'string') entry.comment = args['comment'];
  list.push(entry);
}

function dropPermission(md: HasuraMetadata, args: Args, kind: PermKind): void {
  const t = table(md, args);
  const key = permKey(kind);
  const role = str(args, 'role');
  const list = (t[key] ?? []) as { role: string }[];
  (t as Record<string, unknown>)[key] = list.filter((p) => p.role !== role);
}

function trackFunction(md: HasuraMetadata, args: Args): void {
  const src = source(md, args);
  const entry: FunctionMetadata =
    'function' in args
      ? { function: qualifyTable(args['function']), ...withoutKeys(args, ['function', 'source']) }
      : { function: qualifyTable(args) };
  (src.functions ??= []).push(entry);
}

function actions(md: HasuraMetadata): ActionMetadata[] {
  return (md.actions ??= []);
}

function action(md: HasuraMetadata, name: string): ActionMetadata {
  const a = actions(md).find((x) => x.name === name);
  if (!a) throw new UnsupportedOperation(`action ${name} does not exist`);
  return a;
}

/** Apply one operation (bulk recursively). Returns the SQL actions it implies, in order. */
export function applyOperation(md: HasuraMetadata, op: unknown): SetupAction[] {
  if (!op || typeof op !== 'object') throw new UnsupportedOperation('operation is not an object');
  const { type, args: rawArgs } = op as { type?: unknown; args?: unknown };
  if (typeof type !== 'string') throw new UnsupportedOperation('operation without type');
  if (type === 'bulk' || type === 'concurrent_bulk') {
    return (Array.isArray(rawArgs) ? rawArgs : []).flatMap((o) => applyOperation(md, o));
  }
  const t = type.startsWith('pg_') ? type.slice(3) : type;
  // `args: some_table` (a bare name) is accepted where a table or function is the only argument
  const args: Args =
    typeof rawArgs === 'string'
      ? { [t.endsWith('function') ? 'function' : 'table']: rawArgs }
      : ((rawArgs ?? {}) as Args);
  switch (t) {
    case 'run_sql':
      return [{ kind: 'sql', sql: str(args, 'sql') }];
    case 'insert': {
      const objects = args['objects'];
      if (!Array.isArray(objects)) throw new UnsupportedOperation('insert without objects');
      return [{ kind: 'insert', table: qualifyTable(args['table']), objects: objects as Record<string, unknown>[] }];
    }
    case 'track_table':
    case 'add_existing_table_or_view':
      trackTable(md, args);
      break;
    case 'untrack_table': {
      const q = qualifyTable(args['table']);
      const src = source(md, args);
      src.tables = src.tables.filter((x) => !sameTable(x.table, q));
      break;
    }
    case 'set_table_customization':
      table(md, args).configuration = args['configuration'] as NonNullable<TableMetadata['configuration']>;
      break;
    case 'set_table_custom_fields': {
      const tm = table(md, args);
      tm.configuration = { ...(tm.configuration ?? {}), ...withoutKeys(args, ['table', 'source']) };
      break;
    }
    case 'set_table_is_enum':
      table(md, args).is_enum = args['is_enum'] === true;
      break;
    case 'create_object_relationship':
      addRelationship(md, args, 'object');
      break;
    case 'create_array_relationship':
      addRelationship(md, args, 'array');
      break;
    case 'drop_relationship': {
      const tm = table(md, args);
      const name = str(args, 'relationship');
      if (tm.object_relationships) tm.object_relationships = tm.object_relationships.filter((r) => r.name !== name);
      if (tm.array_relationships) tm.array_relationships = tm.array_relationships.filter((r) => r.name !== name);
      break;
    }
    case 'create_select_permission':
    case 'create_insert_permission':
    case 'create_update_permission':
    case 'create_delete_permission':
      setPermission(md, args, t.split('_')[1] as PermKind);
      break;
    case 'drop_select_permission':
    case 'drop_insert_permission':
    case 'drop_update_permission':
    case 'drop_delete_permission':
      dropPermission(md, args, t.split('_')[1] as PermKind);
      break;
    case 'add_computed_field': {
      const tm = table(md, args);
      const cf: NonNullable<TableMetadata['computed_fields']>[number] = {
        name: str(args, 'name'),
        definition: args['definition'] as NonNullable<TableMetadata['computed_fields']>[number]['definition'],
      };
      if (typeof args['comment'] === 'string') cf.comment = args['comment'];
      (tm.computed_fields ??= []).push(cf);
      break;
    }
    case 'drop_computed_field': {
      const tm = table(md, args);
      tm.computed_fields = (tm.computed_fields ?? []).filter((c) => c.name !== args['name']);
      break;
    }
    case 'track_function':
      trackFunction(md, args);
      break;
    case 'untrack_function': {
      const src = source(md, args);
      const q = qualifyTable('function' in args ? args['function'] : args);
      src.functions = (src.functions ?? []).filter((f) => !sameTable(f.function, q));
      break;
    }
    case 'create_function_permission': {
      const q = qualifyTable(args['function']);
      const f = (source(md, args).functions ?? []).find((x) => sameTable(x.function, q));
      if (!f) throw new UnsupportedOperation(`function ${q.name} is not tracked`);
      (f.permissions ??= []).push({ role: str(args, 'role') });
      break;
    }
    case 'set_custom_types':
      md.custom_types = args;
      break;
    case 'create_action': {
      const a: ActionMetadata = {
        name: str(args, 'name'),
        definition: args['definition'] as ActionMetadata['definition'],
      };
      if (typeof args['comment'] === 'string') a.comment = args['comment'];
      actions(md).push(a);
      break;
    }
    case 'update_action':
      action(md, str(args, 'name')).definition = args['definition'] as ActionMetadata['definition'];
      break;
    case 'drop_action':
      md.actions = actions(md).filter((a) => a.name !== args['name']);
      break;
    case 'create_action_permission':
      (action(md, str(args, 'action')).permissions ??= []).push({ role: str(args, 'role') });
      break;
    case 'drop_action_permission': {
      const a = action(md, str(args, 'action'));
      a.permissions = (a.permissions ?? []).filter((p) => p.role !== args['role']);
      break;
    }
    case 'add_inherited_role':
      (md.inherited_roles ??= []).push({
        role_name: str(args, 'role_name'),
        role_set: (args['role_set'] ?? []) as string[],
      });
      break;
    case 'drop_inherited_role':
      md.inherited_roles = (md.inherited_roles ?? []).filter((r) => r.role_name !== args['role_name']);
      break;
    case 'clear_metadata': {
      const fresh = emptyMetadata();
      for (const k of Object.keys(md)) delete (md as Record<string, unknown>)[k];
      Object.assign(md, fresh);
      break;
    }
    case 'reload_metadata':
      break;
    default:
      throw new UnsupportedOperation(`setup operation ${type} is not supported by the runner`);
  }
  return [];
}

/** Translate a setup file body onto a copy of `md`. */
export function translateSetup(
  body: unknown,
  md: HasuraMetadata,
): { metadata: HasuraMetadata; actions: SetupAction[]; metadataChanged: boolean } {
  const copy = structuredClone(md);
  const before = JSON.stringify(md);
  const list = Array.isArray(body) ? body : [body];
  const out = list.flatMap((op) => applyOperation(copy, op));
  return { metadata: copy, actions: out, metadataChanged: JSON.stringify(copy) !== before };
}
