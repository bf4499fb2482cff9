/**
 * Resolve a permission bool-exp (select `filter`, insert/update `check`, update/delete `filter`) against the tracked
 * tables at load, as Hasura does when it builds the schema cache (src: Hasura/RQL/IR/BoolExp.hs `annBoolExp` /
 * `annColExp`, Hasura/RQL/Types/Table.hs `askFieldInfo`, `askFieldInfoMapSource`): every key is `_and`/`_or`/`_not`/
 * `_exists`, a column, a relationship or a computed field of its table, and a relationship, a table computed field or
 * `_exists` names a tracked table. A permission that does not resolve is inconsistent metadata, so the role gets
 * nothing from it; a condition is never silently dropped (the planner, plan/plan-bool-exp.ts, relies on this).
 */
import type { ColumnInfo, ComputedFieldInfo, RelationshipInfo } from './model-types.js';
import { qualify } from '../metadata/types.js';
import type { PermissionEntry, QualifiedName, TableMetadata } from '../metadata/types.js';
import { tableKey } from './model-types.js';

/** What the check needs of a table (a TableInfo, or the fields resolved before permissions). */
export interface PermissionFields {
  readonly name: string;
  readonly columnByName: ReadonlyMap<string, ColumnInfo>;
  readonly relationships: readonly RelationshipInfo[];
  readonly computedFields: readonly ComputedFieldInfo[];
}

type Lookup = (key: string) => PermissionFields | undefined;

const COLUMN_OPS = new Set(['_ceq', '_cne', '_cneq', '_cgt', '_clt', '_cgte', '_clte']);

/** How Hasura prints a table name in messages: the bare name in `public`, else `schema.name`. */
function shown(key: string): string {
  return key.startsWith('public.') ? key.slice('public.'.length) : key;
}

function isObject(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

/** Column operators (`_ceq: "col"` on this table, `_ceq: ["$", "col"]` on the permission's table), `_cast` included. */
function opsError(ops: unknown, table: PermissionFields, root: PermissionFields): string | null {
  if (!isObject(ops)) return null;
  for (const [rawOp, v] of Object.entries(ops)) {
    const op = rawOp.startsWith('$') ? `_${rawOp.slice(1)}` : rawOp;
    if (op === '_cast' && isObject(v)) {
      for (const sub of Object.values(v)) {
        const e = opsError(sub, table, root);
        if (e) return e;
      }
    } else if (COLUMN_OPS.has(op)) {
      const [on, name] = Array.isArray(v) ? [root, v[1] as unknown] : [table, v];
      if (typeof name !== 'string' || !on.columnByName.has(name)) return `column "${String(name)}" does not exist`;
    }
  }
  return null;
}

function listError(v: unknown, key: string, table: PermissionFields, root: PermissionFields, tables: Lookup) {
  if (!Array.isArray(v)) return `"${key}" expects an array of boolean expressions`;
  for (const x of v) {
    const e = boolExpError(x, table, root, tables);
    if (e) return e;
  }
  return null;
}

/**
 * Hasura's error text for the first reference of `exp` that does not resolve on `table` (`root`: the table the
 * permission is defined on, for `["$", col]` comparisons), or null when everything resolves.
 */
export function boolExpError(
  exp: unknown,
  table: PermissionFields,
  root: PermissionFields,
  tables: Lookup,
): string | null {
  if (exp === null || exp === undefined) return null;
  if (!isObject(exp)) return 'a boolean expression must be an object';
  for (const [k, v] of Object.entries(exp)) {
    let e: string | null;
    if (k === '_and' || k === '$and' || k === '_or' || k === '$or') e = listError(v, k, table, root, tables);
    else if (k === '_not' || k === '$not') e = boolExpError(v, table, root, tables);
    else if (k === '_exists' || k === '$exists') {
      const x = isObject(v) ? v : {};
      const t = x['_table'] as QualifiedName | string | undefined;
      if (t === undefined || (typeof t !== 'string' && !isObject(t))) return '"_exists" needs a "_table"';
      const q = qualify(t);
      const target = tables(tableKey(q.schema, q.name));
      e = target
        ? boolExpError(x['_where'], target, root, tables)
        : `table "${shown(tableKey(q.schema, q.name))}" does not exist`;
    } else if (table.columnByName.has(k)) e = opsError(v, table, root);
    else {
      const rel = table.relationships.find((r) => r.name === k);
      const cf = rel ? undefined : table.computedFields.find((c) => c.name === k);
      if (rel || cf?.returns.kind === 'table') {
        const key = rel ? rel.target : cf?.returns.kind === 'table' ? cf.returns.table : '';
        const target = tables(key);
        e = target ? boolExpError(v, target, root, tables) : `table "${shown(key)}" does not exist`;
      } else if (cf) e = opsError(v, table, root);
      else e = `"${k}" does not exist`;
    }
    if (e) return e;
  }
  return null;
}

type MutationKind = 'insert' | 'update' | 'delete';

/**
 * `t` with only the insert/update/delete permissions whose `check` and `filter` resolve (Hasura checks the filter,
 * then the check: Hasura/RQL/DDL/Permission.hs `buildInsPermInfo`, `buildUpdPermInfo`, `buildDelPermInfo`); `report`
 * is told about each of the others, which the role then does not get.
 */
export function consistentMutationPermissions(
  t: TableMetadata,
  table: PermissionFields,
  tables: Lookup,
  report: (kind: MutationKind, entry: PermissionEntry<unknown>, error: string) => void,
): TableMetadata {
  const keep = <P>(kind: MutationKind, list: PermissionEntry<P>[] | undefined, exps: (p: P) => unknown[]) =>
    list?.filter((entry) => {
      for (const exp of exps(entry.permission)) {
        const e = boolExpError(exp, table, table, tables);
        if (e) {
          report(kind, entry, e);
          return false;
        }
      }
      return true;
    });
  const out: TableMetadata = { ...t };
  const insert = keep('insert', t.insert_permissions, (p) => [p.check]);
  const update = keep('update', t.update_permissions, (p) => [p.filter, p.check]);
  const del = keep('delete', t.delete_permissions, (p) => [p.filter]);
  if (insert) out.insert_permissions = insert;
  if (update) out.update_permissions = update;
  if (del) out.delete_permissions = del;
  return out;
}
