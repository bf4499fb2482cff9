/**
 * The legacy RQL `insert` as SQL: `INSERT … SELECT … FROM json_array_elements($1)` with the rows as one bound JSON
 * parameter. Consecutive objects with the same key set form one statement (so omitted columns keep their defaults
 * and serials are assigned in file order); geometry/geography columns take GeoJSON like Hasura does.
 */
import { binaryNumericText } from '../../src/server/query-api.js';
import type { QualifiedTable } from './metadata-ops.js';

export interface SqlStatement {
  text: string;
  values: unknown[];
}

export const quoteIdent = (s: string): string => `"${s.replace(/"/g, '""')}"`;

/** `types`: column name → udt name (pg_type.typname), used to spot PostGIS columns. */
export function buildInsert(
  table: QualifiedTable,
  objects: readonly Record<string, unknown>[],
  types: ReadonlyMap<string, string>,
): SqlStatement[] {
  const groups: { keys: string[]; rows: Record<string, unknown>[] }[] = [];
  for (const given of objects) {
    // numbers for numeric columns keep the scale Hasura's binary encoding gives them (12345.67 → 12345.6700)
    const obj = Object.fromEntries(
      Object.entries(given).map(([k, v]) => [
        k,
        typeof v === 'number' && types.get(k) === 'numeric' ? binaryNumericText(v) : v,
      ]),
    );
    const keys = Object.keys(obj);
    const last = groups[groups.length - 1];
    if (last && last.keys.length === keys.length && last.keys.every((k, i) => k === keys[i])) last.rows.push(obj);
    else groups.push({ keys, rows: [obj] });
  }
  const qt = `${quoteIdent(table.schema)}.${quoteIdent(table.name)}`;
  return groups.flatMap(({ keys, rows }): SqlStatement[] => {
    if (keys.length === 0) return rows.map(() => ({ text: `INSERT INTO ${qt} DEFAULT VALUES`, values: [] }));
    const geo = keys.filter((k) => ['geometry', 'geography'].includes(types.get(k) ?? ''));
    const exprs = keys.map((k) =>
      geo.includes(k)
        ? `ST_GeomFromGeoJSON(r.v -> ${literal(k)})::${types.get(k) ?? 'geometry'}`
        : `(r.p).${quoteIdent(k)}`,
    );
    const stripped = geo.length > 0 ? `(e.v::jsonb - ${arrayLiteral(geo)})::json` : 'e.v';
    const text =
      `INSERT INTO ${qt} (${keys.map(quoteIdent).join(', ')}) ` +
      `SELECT ${exprs.join(', ')} FROM (SELECT json_populate_record(NULL::${qt}, ${stripped}) AS p, e.v, e.i ` +
      `FROM json_array_elements($1::json) WITH ORDINALITY AS e(v, i)) AS r ORDER BY r.i`;
    return [{ text, values: [JSON.stringify(rows)] }];
  });
}

function literal(s: string): string {
  return `'${s.replace(/'/g, "''")}'`;
}

function arrayLiteral(items: string[]): string {
  return `ARRAY[${items.map(literal).join(', ')}]::text[]`;
}
