/**
 * Mutation IR → SQL (src: Hasura/Backends/Postgres/Translate/Insert.hs `insertToSQL`, Update.hs `mkUpdateCTE`,
 * Delete.hs `mkDelete`, Returning.hs Note "Mutation output expression"): the data-modifying statement is the CTE
 * `mra` returning `*` plus the permission check as `check__constraint`; `aca` keeps only the table columns (so the
 * rows still fit computed-field functions), and the output JSON is built over `aca` with the select compiler.
 * Every value is a bound parameter.
 */
import type { TableInfo } from '../model/model-types.js';
import type { BoolIR, SelectIR, ValueIR } from '../plan/ir.js';
import type { DeleteIR, InsertIR, MutationOutputIR, UpdateIR } from '../plan/mutation-ir.js';
import type { CompiledQuery, SQL } from './sql.js';
import { compile, ident, join, literal, raw, sql, value } from './sql.js';
import type { CompileContext } from './compile-bool.js';
import { compileBool, encodeValue, typeIdent } from './compile-bool.js';
import { arrayQuery, objectQuery } from './compile-select.js';

const MRA = 'mra';
const ACA = 'aca';

/** A column value as `($n)::type` (json/jsonb values are sent as JSON text). */
export function columnValueSql(v: ValueIR): SQL {
  if (v.kind === 'session') return sql`(${value(v.value)})::${typeIdent(v.type)}`;
  if (v.kind !== 'value') throw new Error('column value expected');
  const t = v.type.name;
  const bound =
    t === 'json' || t === 'jsonb'
      ? JSON.stringify(v.value)
      : (t === '_json' || t === '_jsonb') && Array.isArray(v.value)
        ? v.value.map((x: unknown) => JSON.stringify(x))
        : encodeValue(v.value, v.array);
  return sql`(${value(bound)})::${typeIdent(v.type)}`;
}

function tableIdent(t: TableInfo): SQL {
  return ident(t.schema, t.name);
}

function checkColumn(ctx: CompileContext, check: BoolIR, alias: string): SQL {
  return sql`${compileBool(ctx, check, alias)} AS "check__constraint"`;
}

/** `INSERT … RETURNING *, check` for the rows of `ins` (all rows in one statement, DEFAULT for absent columns). */
export function insertSql(ctx0: CompileContext, ins: InsertIR): SQL {
  const t = ins.table;
  const a = '_i';
  const ctx: CompileContext = { ...ctx0, rootAlias: a };
  const used = new Set(ins.rows.flatMap((r) => [...r.columns.keys()]));
  let cols = t.columns.filter((c) => used.has(c.name));
  const first = t.columns[0];
  if (cols.length === 0 && first) cols = [first];
  const rows = ins.rows.map(
    (r) =>
      sql`(${join(
        cols.map((c) => {
          const v = r.columns.get(c.name);
          return v ? columnValueSql(v) : raw('DEFAULT');
        }),
      )})`,
  );
  let q = sql`INSERT INTO ${tableIdent(t)} AS ${ident(a)} (${join(cols.map((c) => ident(c.name)))}) VALUES ${join(rows)}`;
  const check = ins.check;
  const c = ins.conflict;
  if (c) {
    if (c.updateColumns.length === 0) q = sql`${q} ON CONFLICT ON CONSTRAINT ${ident(c.constraint)} DO NOTHING`;
    else {
      const sets = [
        ...c.updateColumns
          .filter((x) => !c.presets.has(x.name))
          .map((x) => sql`${ident(x.name)} = EXCLUDED.${ident(x.name)}`),
        ...[...c.presets].map(([k, v]) => sql`${ident(k)} = ${columnValueSql(v)}`),
      ];
      q = sql`${q} ON CONFLICT ON CONSTRAINT ${ident(c.constraint)} DO UPDATE SET ${join(sets)} WHERE ${compileBool(ctx, c.where, a)}`;
      const ins0 = compileBool(ctx, check, a);
      const upd = compileBool(ctx, c.check, a);
      return sql`${q} RETURNING *, (CASE WHEN ${ident(a)}.xmax = 0 THEN ${ins0} ELSE ${upd} END) AS "check__constraint"`;
    }
  }
  return sql`${q} RETURNING *, ${checkColumn(ctx, check, a)}`;
}

function opSql(op: UpdateIR['ops'][number], a: string): SQL {
  const col = ident(a, op.column.name);
  const v = columnValueSql(op.value);
  switch (op.op) {
    case '_set':
      return v;
    case '_inc':
      return sql`${col} + ${v}`;
    case '_append':
      return sql`${col} || ${v}`;
    case '_prepend':
      return sql`${v} || ${col}`;
    case '_delete_key':
    case '_delete_elem':
      return sql`${col} - ${v}`;
    case '_delete_at_path':
      return sql`${col} #- ${v}`;
  }
}

export function updateSql(ctx0: CompileContext, u: UpdateIR): SQL {
  const a = '_u';
  const ctx: CompileContext = { ...ctx0, rootAlias: a };
  const where = compileBool(ctx, u.where, a);
  // No operator: nothing is updated (Hasura answers affected_rows 0; test update/basic/author_empty_set).
  if (u.ops.length === 0)
    return sql`SELECT *, true AS "check__constraint" FROM ${tableIdent(u.table)} AS ${ident(a)} WHERE false`;
  const sets = u.ops.map((o) => sql`${ident(o.column.name)} = ${opSql(o, a)}`);
  return sql`UPDATE ${tableIdent(u.table)} AS ${ident(a)} SET ${join(sets)} WHERE ${where} RETURNING *, ${checkColumn(ctx, u.check, a)}`;
}

export function deleteSql(ctx0: CompileContext, d: DeleteIR): SQL {
  const a = '_d';
  const ctx: CompileContext = { ...ctx0, rootAlias: a };
  return sql`DELETE FROM ${tableIdent(d.table)} AS ${ident(a)} WHERE ${compileBool(ctx, d.where, a)} RETURNING *, true AS "check__constraint"`;
}

function cteSelect(table: TableInfo, filter: BoolIR, fields: SelectIR['fields']): SelectIR {
  return {
    table,
    source: { kind: 'cte', name: ACA },
    where: filter,
    orderBy: [],
    distinctOn: null,
    limit: null,
    offset: null,
    nodesLimit: null,
    join: null,
    fields,
  };
}

/** The output JSON over the rows of `aca` (`affected_rows` is `count`). */
export function outputSql(ctx: CompileContext, table: TableInfo, out: MutationOutputIR, count: SQL): SQL {
  if (out.kind === 'object') return sql`(${objectQuery(ctx, cteSelect(table, out.filter, out.fields), null)})`;
  if (out.fields.length === 0) return raw("'{}'::json");
  const pairs = out.fields.map((f) => {
    const v =
      f.kind === 'typename'
        ? literal(f.name)
        : f.kind === 'affected_rows'
          ? count
          : sql`(${arrayQuery(ctx, cteSelect(table, out.filter, f.fields), null)})`;
    return sql`${literal(f.alias)}, ${v}`;
  });
  return sql`json_build_object(${join(pairs)})`;
}

function acaCte(table: TableInfo): SQL {
  return sql`${ident(ACA)} AS (SELECT ${join(table.columns.map((c) => ident(c.name)))} FROM ${ident(MRA)})`;
}

/** One statement: the mutation CTE, its output (`v`), its check (`ok`) and, optionally, the rows as JSON (`rows`). */
export function mutationStatement(
  ctx: CompileContext,
  table: TableInfo,
  mra: SQL,
  out: MutationOutputIR | null,
): CompiledQuery {
  const count = sql`(SELECT count(*) FROM ${ident(MRA)})`;
  const ok = sql`(SELECT coalesce(bool_and("check__constraint"), true) FROM ${ident(MRA)}) AS "ok"`;
  const v = out
    ? sql`(${outputSql(ctx, table, out, count)})::text AS "v"`
    : sql`(SELECT json_agg(${ident(ACA)}) FROM ${ident(ACA)})::text AS "rows"`;
  return compile(sql`WITH ${ident(MRA)} AS (${mra}), ${acaCte(table)} SELECT ${v}, ${ok}, ${count}::int AS "n"`);
}

/** Output over rows already written by earlier statements (nested inserts), passed back as JSON. */
export function outputFromRowsStatement(
  ctx: CompileContext,
  table: TableInfo,
  rows: readonly unknown[],
  affected: number,
  out: MutationOutputIR,
): CompiledQuery {
  const src = sql`SELECT * FROM json_populate_recordset(NULL::${tableIdent(table)}, (${value(JSON.stringify(rows))})::json)`;
  return compile(
    sql`WITH ${ident(ACA)} AS (${src}) SELECT (${outputSql(ctx, table, out, sql`(${value(affected)})::int`)})::text AS "v"`,
  );
}
