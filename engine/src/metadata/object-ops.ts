/**
 * Hasura's per-object metadata operations (`pg_track_table`, `pg_create_select_permission`, relationships, computed
 * fields, functions, actions, custom types, inherited roles, with or without the `pg_` prefix; docs:
 * api-reference/metadata-api/{table-view,relationship,permission,computed-field,custom-functions,actions}.mdx; src:
 * Hasura/RQL/DDL/*) as pure edits of the export_metadata JSON, for `/v1/metadata` and the legacy `/v1/query`. The
 * caller rebuilds the model from the result (and rejects it if it is inconsistent). Adapted from the conformance
 * runner's setup translator (engine/conformance/setup/metadata-ops.ts), with Hasura's error codes.
 */
import { EngineError } from '../errors.js';
import { validateActionTransforms } from '../transforms/transform-metadata.js';
import type { ActionMetadata, FunctionMetadata, HasuraMetadata, SourceMetadata, TableMetadata } from './types.js';

export interface QualifiedTable {
  schema: string;
  name: string;
}

export type SetupAction =
  { kind: 'sql'; sql: string } | { kind: 'insert'; table: QualifiedTable; objects: Record<string, unknown>[] };

type Args = Record<string, unknown>;

function emptyMetadata(md: HasuraMetadata): HasuraMetadata {
  return { version: 3, sources: md.sources.map((s) => ({ ...s, tables: [], functions: [] })) };
}

export function qualifyTable(t: unknown): QualifiedTable {
  if (typeof t === 'string') return { schema: 'public', name: t };
  if (t && typeof t === 'object') {
    const o = t as Args;
    if (typeof o['name'] === 'string') {
      return { schema: typeof o['schema'] === 'string' ? o['schema'] : 'public', name: o['name'] };
    }
  }
  throw new EngineError('parse-failed', 'expected a table name or {schema, name}', '$.args');
}

function sameTable(a: { name: string; schema?: string }, b: QualifiedTable): boolean {
  return a.name === b.name && (a.schema ?? 'public') === b.schema;
}

function source(md: HasuraMetadata, args: Args): SourceMetadata {
  const name = typeof args['source'] === 'string' ? args['source'] : 'default';
  const src = md.sources.find((s) => s.name === name);
  if (!src) throw new EngineError('not-exists', `source with name "${name}" does not exist`, '$.args');
  return src;
}

function table(md: HasuraMetadata, args: Args): TableMetadata {
  const q = qualifyTable(args['table']);
  const t = source(md, args).tables.find((x) => sameTable(x.table, q));
  if (!t) throw new EngineError('not-exists', `table "${q.name}" does not exist in source: default`, '$.args');
  return t;
}

function str(args: Args, key: string): string {
  const v = args[key];
  if (typeof v !== 'string') throw new EngineError('parse-failed', `key "${key}" not found`, '$.args');
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
  if (src.tables.some((t) => sameTable(t.table, q)))
    throw new EngineError('already-tracked', `view/table already tracked: "${q.name}"`, '$.args');
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
  if (list.some((r) => r.name === rel.name))
    throw new EngineError(
      'already-exists',
      `field with name "${rel.name}" already exists in table "${qualifyTable(args['table']).name}"`,
      '$.args',
    );
  list.push(typeof args['comment'] === 'string' ? { ...rel, comment: args['comment'] } : rel);
}

function setPermission(md: HasuraMetadata, args: Args, kind: PermKind): void {
  const t = table(md, args);
  const key = permKey(kind);
  const list = (t[key] ??= []) as { role: string; permission: unknown; comment?: string | null }[];
  const role = str(args, 'role');
  if (list.some((p) => p.role === role))
    throw new EngineError(
      'already-exists',
      `${kind} permission already defined on table "${qualifyTable(args['table']).name}" with role "${role}"`,
      '$.args',
    );
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
  if (!a) throw new EngineError('not-exists', `action with name "${name}" does not exist`, '$.args');
  return a;
}

function insertRows(args: Args): SetupAction[] {
  const objects = args['objects'];
  if (!Array.isArray(objects)) throw new EngineError('parse-failed', 'key "objects" not found', '$.args');
  return [{ kind: 'insert', table: qualifyTable(args['table']), objects: objects as Record<string, unknown>[] }];
}

function untrackTable(md: HasuraMetadata, args: Args): void {
  const q = qualifyTable(args['table']);
  const src = source(md, args);
  src.tables = src.tables.filter((x) => !sameTable(x.table, q));
}

function setTableCustomFields(md: HasuraMetadata, args: Args): void {
  const tm = table(md, args);
  tm.configuration = { ...(tm.configuration ?? {}), ...withoutKeys(args, ['table', 'source']) };
}

function dropRelationship(md: HasuraMetadata, args: Args): void {
  const tm = table(md, args);
  const name = str(args, 'relationship');
  if (tm.object_relationships) tm.object_relationships = tm.object_relationships.filter((r) => r.name !== name);
  if (tm.array_relationships) tm.array_relationships = tm.array_relationships.filter((r) => r.name !== name);
}

type ComputedFieldEntry = NonNullable<TableMetadata['computed_fields']>[number];

function addComputedField(md: HasuraMetadata, args: Args): void {
  const tm = table(md, args);
  const cf: ComputedFieldEntry = {
    name: str(args, 'name'),
    definition: args['definition'] as ComputedFieldEntry['definition'],
  };
  if (typeof args['comment'] === 'string') cf.comment = args['comment'];
  (tm.computed_fields ??= []).push(cf);
}

function dropComputedField(md: HasuraMetadata, args: Args): void {
  const tm = table(md, args);
  tm.computed_fields = (tm.computed_fields ?? []).filter((c) => c.name !== args['name']);
}

function untrackFunction(md: HasuraMetadata, args: Args): void {
  const src = source(md, args);
  const q = qualifyTable('function' in args ? args['function'] : args);
  src.functions = (src.functions ?? []).filter((f) => !sameTable(f.function, q));
}

function createFunctionPermission(md: HasuraMetadata, args: Args): void {
  const q = qualifyTable(args['function']);
  const f = (source(md, args).functions ?? []).find((x) => sameTable(x.function, q));
  if (!f) throw new EngineError('not-exists', `function "${q.name}" is not tracked`, '$.args');
  (f.permissions ??= []).push({ role: str(args, 'role') });
}

function createAction(md: HasuraMetadata, args: Args): void {
  validateActionTransforms((args['definition'] ?? {}) as Args);
  const a: ActionMetadata = {
    name: str(args, 'name'),
    definition: args['definition'] as ActionMetadata['definition'],
  };
  if (typeof args['comment'] === 'string') a.comment = args['comment'];
  actions(md).push(a);
}

function updateAction(md: HasuraMetadata, args: Args): void {
  validateActionTransforms((args['definition'] ?? {}) as Args);
  action(md, str(args, 'name')).definition = args['definition'] as ActionMetadata['definition'];
}

function dropActionPermission(md: HasuraMetadata, args: Args): void {
  const a = action(md, str(args, 'action'));
  a.permissions = (a.permissions ?? []).filter((p) => p.role !== args['role']);
}

function addInheritedRole(md: HasuraMetadata, args: Args): void {
  (md.inherited_roles ??= []).push({
    role_name: str(args, 'role_name'),
    role_set: (args['role_set'] ?? []) as string[],
  });
}

function clearMetadata(md: HasuraMetadata): void {
  const fresh = emptyMetadata(md);
  for (const k of Object.keys(md)) delete (md as Record<string, unknown>)[k];
  Object.assign(md, fresh);
}

/** An operation edits `md` in place; the SQL operations return the actions to run instead. */
type Operation = (md: HasuraMetadata, args: Args) => SetupAction[] | void;

const PERM_KINDS: readonly PermKind[] = ['select', 'insert', 'update', 'delete'];

const PERMISSION_OPERATIONS: [string, Operation][] = PERM_KINDS.flatMap((k): [string, Operation][] => [
  [`create_${k}_permission`, (md, args) => setPermission(md, args, k)],
  [`drop_${k}_permission`, (md, args) => dropPermission(md, args, k)],
]);

/** Per-object operations by type, without the `pg_` prefix. */
const OPERATIONS: ReadonlyMap<string, Operation> = new Map<string, Operation>([
  ['run_sql', (_md, args) => [{ kind: 'sql', sql: str(args, 'sql') }]],
  ['insert', (_md, args) => insertRows(args)],
  ['track_table', trackTable],
  ['add_existing_table_or_view', trackTable],
  ['untrack_table', untrackTable],
  [
    'set_table_customization',
    (md, args) => {
      table(md, args).configuration = args['configuration'] as NonNullable<TableMetadata['configuration']>;
    },
  ],
  ['set_table_custom_fields', setTableCustomFields],
  [
    'set_table_is_enum',
    (md, args) => {
      table(md, args).is_enum = args['is_enum'] === true;
    },
  ],
  ['create_object_relationship', (md, args) => addRelationship(md, args, 'object')],
  ['create_array_relationship', (md, args) => addRelationship(md, args, 'array')],
  ['drop_relationship', dropRelationship],
  ...PERMISSION_OPERATIONS,
  ['add_computed_field', addComputedField],
  ['drop_computed_field', dropComputedField],
  ['track_function', trackFunction],
  ['untrack_function', untrackFunction],
  ['create_function_permission', createFunctionPermission],
  [
    'set_custom_types',
    (md, args) => {
      md.custom_types = args;
    },
  ],
  ['create_action', createAction],
  ['update_action', updateAction],
  [
    'drop_action',
    (md, args) => {
      md.actions = actions(md).filter((a) => a.name !== args['name']);
    },
  ],
  [
    'create_action_permission',
    (md, args) => {
      (action(md, str(args, 'action')).permissions ??= []).push({ role: str(args, 'role') });
    },
  ],
  ['drop_action_permission', dropActionPermission],
  ['add_inherited_role', addInheritedRole],
  [
    'drop_inherited_role',
    (md, args) => {
      md.inherited_roles = (md.inherited_roles ?? []).filter((r) => r.role_name !== args['role_name']);
    },
  ],
  ['clear_metadata', clearMetadata],
  ['reload_metadata', () => {}],
  // docs: api-reference/metadata-api/api-limits.mdx (the runtime validates the object when it rebuilds)
  [
    'set_api_limits',
    (md, args) => {
      md.api_limits = args;
    },
  ],
  [
    'remove_api_limits',
    (md) => {
      delete md.api_limits;
    },
  ],
]);

function parseOperation(op: unknown): { type: string; rawArgs: unknown } {
  if (!op || typeof op !== 'object')
    throw new EngineError('parse-failed', 'expected an object with "type" and "args"', '$');
  const { type, args: rawArgs } = op as { type?: unknown; args?: unknown };
  if (typeof type !== 'string') throw new EngineError('parse-failed', 'key "type" not found', '$');
  return { type, rawArgs };
}

/** `args: some_table` (a bare name) is accepted where a table or function is the only argument. */
function operationArgs(t: string, rawArgs: unknown): Args {
  return typeof rawArgs === 'string'
    ? { [t.endsWith('function') ? 'function' : 'table']: rawArgs }
    : ((rawArgs ?? {}) as Args);
}

function applyBulk(md: HasuraMetadata, rawArgs: unknown): SetupAction[] | null {
  const out: SetupAction[] = [];
  for (const o of Array.isArray(rawArgs) ? rawArgs : []) {
    const r = applyObjectOperation(md, o);
    if (r === null) return null;
    out.push(...r);
  }
  return out;
}

/**
 * Apply one per-object operation to `md` in place. Returns the SQL actions it implies (`run_sql`, `insert`), or
 * `null` when `type` is not a per-object operation (the caller reports it).
 */
export function applyObjectOperation(md: HasuraMetadata, op: unknown): SetupAction[] | null {
  const { type, rawArgs } = parseOperation(op);
  if (type === 'bulk' || type === 'concurrent_bulk') return applyBulk(md, rawArgs);
  const t = type.startsWith('pg_') ? type.slice(3) : type;
  const operation = OPERATIONS.get(t);
  if (!operation) return null;
  return operation(md, operationArgs(t, rawArgs)) ?? [];
}
