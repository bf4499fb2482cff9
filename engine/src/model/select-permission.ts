/**
 * The select permission a role has on a table. `admin` bypasses permissions (Hasura: every column and computed
 * field, no filter, no limit, aggregations allowed); any other role has exactly what its metadata grants, or nothing.
 */
import type { SelectPermInfo, TableInfo } from './model-types.js';

export function selectPermission(t: TableInfo, role: string): SelectPermInfo | undefined {
  if (role !== 'admin') return t.select.get(role);
  return {
    columns: new Set(t.columns.map((c) => c.name)),
    computedFields: new Set(t.computedFields.map((c) => c.name)),
    filter: {},
    limit: null,
    allowAggregations: true,
    queryRootFields: null,
    subscriptionRootFields: null,
  };
}
