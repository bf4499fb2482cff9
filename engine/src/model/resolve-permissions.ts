/**
 * Select permissions per role, and inherited roles as the union of their members (docs:
 * auth/authorization/inherited-roles.mdx): columns and computed fields unioned, filters ORed, aggregations allowed if
 * any member allows them, the largest limit (none if any member has none).
 */
import type { BoolExpJson, PermissionEntry, SelectPermission, InheritedRole } from '../metadata/types.js';
import type { ColumnInfo, SelectPermInfo } from './model-types.js';

export function resolveSelectPermission(
  entry: PermissionEntry<SelectPermission>,
  columns: readonly ColumnInfo[],
  computedNames: ReadonlySet<string>,
): { ok: SelectPermInfo } | { error: string } {
  const p = entry.permission;
  const cols = p.columns === '*' ? columns.map((c) => c.name) : p.columns;
  for (const c of cols) {
    if (!columns.some((x) => x.name === c)) return { error: `no such column exists: "${c}"` };
  }
  for (const c of p.computed_fields ?? []) {
    if (!computedNames.has(c)) return { error: `computed field "${c}" does not exist` };
  }
  return {
    ok: {
      columns: new Set(cols),
      computedFields: new Set(p.computed_fields ?? []),
      filter: p.filter ?? {},
      limit: p.limit ?? null,
      allowAggregations: p.allow_aggregations === true,
      queryRootFields: p.query_root_fields ? new Set(p.query_root_fields) : null,
      subscriptionRootFields: p.subscription_root_fields ? new Set(p.subscription_root_fields) : null,
    },
  };
}

/**
 * Cell-level visibility of an inherited role (src: Hasura/Table/Cache.hs `combinedSelPermInfoToSelPermInfo`): a
 * field granted by every member needs no condition; otherwise it is visible where the OR of the filters of the
 * members granting it holds. Members granting the same set share one condition object (one SQL expression).
 */
function redactions(
  perms: readonly SelectPermInfo[],
  names: ReadonlySet<string>,
  granted: (p: SelectPermInfo) => ReadonlySet<string>,
): Map<string, BoolExpJson> {
  const out = new Map<string, BoolExpJson>();
  const shared = new Map<string, BoolExpJson>();
  for (const n of names) {
    const idx = perms.flatMap((p, i) => (granted(p).has(n) ? [i] : []));
    if (idx.length === perms.length) continue;
    const key = idx.join(',');
    let exp = shared.get(key);
    if (!exp) {
      exp = { _or: idx.map((i) => perms[i]?.filter ?? {}) };
      shared.set(key, exp);
    }
    out.set(n, exp);
  }
  return out;
}

export function combineInherited(perms: readonly SelectPermInfo[]): SelectPermInfo | undefined {
  if (perms.length === 0) return undefined;
  if (perms.length === 1) return perms[0];
  const union = <T>(sets: readonly ReadonlySet<T>[]): Set<T> => new Set(sets.flatMap((s) => [...s]));
  const roots = perms.map((p) => p.queryRootFields);
  const subs = perms.map((p) => p.subscriptionRootFields);
  const columns = union(perms.map((p) => p.columns));
  const computedFields = union(perms.map((p) => p.computedFields));
  return {
    columns,
    computedFields,
    redactColumns: redactions(perms, columns, (p) => p.columns),
    redactComputed: redactions(perms, computedFields, (p) => p.computedFields),
    filter: { _or: perms.map((p) => p.filter) },
    limit: perms.some((p) => p.limit === null) ? null : Math.max(...perms.map((p) => p.limit ?? 0)),
    allowAggregations: perms.some((p) => p.allowAggregations),
    queryRootFields: roots.some((r) => r === null) ? null : union(roots as ReadonlySet<string>[]),
    subscriptionRootFields: subs.some((r) => r === null) ? null : union(subs as ReadonlySet<string>[]),
  };
}

/** Expand inherited roles (which may nest) into the flat set of base roles. */
export function flattenInherited(roles: readonly InheritedRole[]): Map<string, string[]> {
  const byName = new Map(roles.map((r) => [r.role_name, r.role_set]));
  const out = new Map<string, string[]>();
  const visit = (name: string, seen: Set<string>): string[] => {
    const set = byName.get(name);
    if (!set || seen.has(name)) return [name];
    seen.add(name);
    return set.flatMap((m) => visit(m, seen));
  };
  for (const r of roles) out.set(r.role_name, [...new Set(visit(r.role_name, new Set()))]);
  return out;
}
