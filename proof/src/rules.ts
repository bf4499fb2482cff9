/**
 * The permission oracle, written from hasura/metadata directly (not from the engine): table relationships, select
 * permissions per role, and an evaluator of Hasura boolean expressions over rows read with our own SQL.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type pg from 'pg';
import YAML from 'yaml';

export type BoolExp = Record<string, unknown>;
export type Row = Record<string, unknown>;
export type Vars = Readonly<Record<string, string>>;

export interface SelectPerm {
  columns: string[];
  filter: BoolExp;
  limit: number | undefined;
  allowAggregations: boolean;
}
export interface RelDef {
  name: string;
  kind: 'object' | 'array';
  target: string;
  /** [column on this table, column on the target] */
  mapping: Array<[string, string]>;
}
export interface TableRules {
  name: string;
  rels: Map<string, RelDef>;
  perms: Map<string, SelectPerm>;
}
export interface Fk {
  table: string;
  cols: string[];
  ref: string;
  refcols: string[];
}

const INCLUDE = /^!include\s+(.+)$/;

interface RawRel {
  name: string;
  using: {
    foreign_key_constraint_on?:
      string | string[] | { table: { name: string } | string; columns?: string[]; column?: string };
    manual_configuration?: { remote_table: { name: string } | string; column_mapping: Record<string, string> };
  };
}
interface RawTable {
  table: { name: string; schema: string };
  object_relationships?: RawRel[];
  array_relationships?: RawRel[];
  select_permissions?: Array<{
    role: string;
    permission: { columns: string[] | '*'; filter?: BoolExp; limit?: number; allow_aggregations?: boolean };
  }>;
}

const tname = (t: { name: string } | string): string => (typeof t === 'string' ? t : t.name);

/** Reads databases/default/tables/*.yaml (through tables.yaml's !include list). */
export async function loadRules(
  metadataDir: string,
  fks: Fk[],
  allColumns: Map<string, string[]>,
): Promise<Map<string, TableRules>> {
  const dir = join(metadataDir, 'databases/default/tables');
  const list = YAML.parse(await readFile(join(dir, 'tables.yaml'), 'utf8')) as unknown[];
  const out = new Map<string, TableRules>();
  for (const item of list) {
    const m = typeof item === 'string' ? INCLUDE.exec(item) : null;
    const raw = (m?.[1] ? YAML.parse(await readFile(join(dir, m[1]), 'utf8')) : item) as RawTable;
    if (raw.table.schema !== 'public') throw new Error(`unexpected schema ${raw.table.schema}`);
    const name = raw.table.name;
    const rels = new Map<string, RelDef>();
    const addRel = (r: RawRel, kind: 'object' | 'array') => {
      const fk = r.using.foreign_key_constraint_on;
      const manual = r.using.manual_configuration;
      if (manual) {
        rels.set(r.name, {
          name: r.name,
          kind,
          target: tname(manual.remote_table),
          mapping: Object.entries(manual.column_mapping),
        });
      } else if (typeof fk === 'string' || Array.isArray(fk)) {
        const cols = typeof fk === 'string' ? [fk] : fk;
        const c = fks.find((f) => f.table === name && f.cols.join() === cols.join());
        if (!c) throw new Error(`no FK on ${name}(${cols.join()})`);
        rels.set(r.name, {
          name: r.name,
          kind,
          target: c.ref,
          mapping: c.cols.map((col, i) => [col, c.refcols[i] as string]),
        });
      } else if (fk) {
        const remote = tname(fk.table);
        const cols = fk.columns ?? (fk.column ? [fk.column] : []);
        const c = fks.find((f) => f.table === remote && f.ref === name && f.cols.join() === cols.join());
        if (!c) throw new Error(`no FK on ${remote}(${cols.join()}) -> ${name}`);
        rels.set(r.name, {
          name: r.name,
          kind,
          target: remote,
          mapping: c.refcols.map((rc, i) => [rc, c.cols[i] as string]),
        });
      } else {
        throw new Error(`relationship ${name}.${r.name}: unsupported definition`);
      }
    };
    for (const r of raw.object_relationships ?? []) addRel(r, 'object');
    for (const r of raw.array_relationships ?? []) addRel(r, 'array');
    const perms = new Map<string, SelectPerm>();
    for (const p of raw.select_permissions ?? []) {
      perms.set(p.role, {
        columns: p.permission.columns === '*' ? (allColumns.get(name) ?? []) : p.permission.columns,
        filter: p.permission.filter ?? {},
        limit: p.permission.limit,
        allowAggregations: p.permission.allow_aggregations === true,
      });
    }
    out.set(name, { name, rels, perms });
  }
  return out;
}

/** Foreign keys, primary keys and columns of schema public, by our own catalog query. */
export async function loadCatalog(
  c: pg.Client,
): Promise<{ fks: Fk[]; pks: Map<string, string[]>; columns: Map<string, string[]> }> {
  const q = await c.query<{
    table: string;
    contype: string;
    cols: string[];
    ref: string | null;
    refcols: string[] | null;
  }>(`
    select c.conrelid::regclass::text as table, c.contype::text as contype,
      array(select a.attname::text from unnest(c.conkey) with ordinality k(n, i)
            join pg_attribute a on a.attrelid = c.conrelid and a.attnum = k.n order by k.i) as cols,
      case when c.contype = 'f' then c.confrelid::regclass::text end as ref,
      case when c.contype = 'f' then array(select a.attname::text from unnest(c.confkey) with ordinality k(n, i)
            join pg_attribute a on a.attrelid = c.confrelid and a.attnum = k.n order by k.i) end as refcols
    from pg_constraint c where c.connamespace = 'public'::regnamespace and c.contype in ('f', 'p')`);
  const fks: Fk[] = [];
  const pks = new Map<string, string[]>();
  for (const r of q.rows) {
    if (r.contype === 'p') pks.set(r.table, r.cols);
    else fks.push({ table: r.table, cols: r.cols, ref: r.ref ?? '', refcols: r.refcols ?? [] });
  }
  const cq = await c.query<{ t: string; cols: string[] }>(`
    select c.relname::text as t, array_agg(a.attname::text order by a.attnum) as cols
    from pg_class c join pg_attribute a on a.attrelid = c.oid and a.attnum > 0 and not a.attisdropped
    where c.relnamespace = 'public'::regnamespace and c.relkind in ('r', 'v', 'm') group by c.relname`);
  return { fks, pks, columns: new Map(cq.rows.map((r) => [r.t, r.cols])) };
}

/** Rows of the tables the oracle needs, read as the superuser with plain SQL. */
export class RowStore {
  readonly rows = new Map<string, Row[]>();
  private readonly index = new Map<string, Map<string, Row>>();
  constructor(readonly pks: Map<string, string[]>) {}

  async load(c: pg.Client, table: string): Promise<void> {
    if (this.rows.has(table)) return;
    if (!/^[a-z_][a-z0-9_]*$/.test(table)) throw new Error(`bad table name ${table}`);
    const r = await c.query<Row>(`select * from public."${table}"`);
    this.rows.set(table, r.rows);
    const pk = this.pks.get(table);
    if (pk) this.index.set(table, new Map(r.rows.map((row) => [keyOf(pk.map((k) => row[k])), row])));
  }

  byPk(table: string, values: unknown[]): Row | undefined {
    const idx = this.index.get(table);
    if (!idx) throw new Error(`table ${table} not loaded or without a primary key`);
    return idx.get(keyOf(values));
  }

  all(table: string): Row[] {
    const r = this.rows.get(table);
    if (!r) throw new Error(`table ${table} not loaded`);
    return r;
  }
}

export function keyOf(values: unknown[]): string {
  return JSON.stringify(
    values.map((v) =>
      v === null || v === undefined
        ? null
        : v instanceof Date
          ? v.toISOString()
          : typeof v === 'object'
            ? JSON.stringify(v)
            : String(v as string | number | boolean),
    ),
  );
}

/** Tables whose rows the evaluator may need for `role`'s filters: the filtered tables and every relationship target in them. */
export function tablesNeeded(rules: Map<string, TableRules>, role: string): string[] {
  const need = new Set<string>();
  const walk = (table: string, exp: unknown) => {
    if (exp === null || typeof exp !== 'object') return;
    for (const [k, v] of Object.entries(exp as BoolExp)) {
      if (k === '_and' || k === '_or') for (const e of v as unknown[]) walk(table, e);
      else if (k === '_not') walk(table, v);
      else {
        const rel = rules.get(table)?.rels.get(k);
        if (rel) {
          need.add(rel.target);
          walk(rel.target, v);
        }
      }
    }
  };
  for (const t of rules.values()) {
    const p = t.perms.get(role);
    if (p && Object.keys(p.filter).length > 0) {
      need.add(t.name);
      walk(t.name, p.filter);
    }
  }
  return [...need];
}

function sessionValue(v: unknown, vars: Vars): unknown {
  if (typeof v === 'string' && /^x-hasura-/i.test(v)) {
    const s = vars[v.toLowerCase()];
    if (s === undefined) throw new Error(`missing session variable ${v}`);
    return s;
  }
  return v;
}

function coerce(rowVal: unknown, v: unknown): unknown {
  if (typeof rowVal === 'number') return Number(v);
  if (typeof rowVal === 'boolean') return typeof v === 'boolean' ? v : v === 'true';
  if (rowVal instanceof Date) return new Date(String(v)).getTime();
  return String(v);
}
const norm = (x: unknown): unknown => (x instanceof Date ? x.getTime() : x);

function compare(op: string, rowVal: unknown, raw: unknown, vars: Vars): boolean {
  const v = sessionValue(raw, vars);
  if (op === '_is_null') return (rowVal === null) === (v === true || v === 'true');
  if (rowVal === null || rowVal === undefined) return false; // SQL NULL semantics
  const a = norm(rowVal);
  const one = (x: unknown) => coerce(rowVal, sessionValue(x, vars));
  switch (op) {
    case '_eq':
      return a === one(v);
    case '_neq':
      return a !== one(v);
    case '_in':
      return (v as unknown[]).some((x) => a === one(x));
    case '_nin':
      return !(v as unknown[]).some((x) => a === one(x));
    case '_gt':
      return (a as number) > (one(v) as number);
    case '_lt':
      return (a as number) < (one(v) as number);
    case '_gte':
      return (a as number) >= (one(v) as number);
    case '_lte':
      return (a as number) <= (one(v) as number);
    default:
      throw new Error(`oracle: unsupported operator ${op} in a permission filter`);
  }
}

/** Hasura boolean expression semantics over one row (relationships: some related row satisfies the sub-expression). */
export function evalBool(
  rules: Map<string, TableRules>,
  store: RowStore,
  table: string,
  row: Row,
  exp: BoolExp,
  vars: Vars,
): boolean {
  for (const [k, v] of Object.entries(exp)) {
    let ok: boolean;
    if (k === '_and') ok = (v as BoolExp[]).every((e) => evalBool(rules, store, table, row, e, vars));
    else if (k === '_or') ok = (v as BoolExp[]).some((e) => evalBool(rules, store, table, row, e, vars));
    else if (k === '_not') ok = !evalBool(rules, store, table, row, v as BoolExp, vars);
    else if (k.startsWith('_')) throw new Error(`oracle: unsupported boolean operator ${k}`);
    else {
      const rel = rules.get(table)?.rels.get(k);
      if (rel) {
        ok = store
          .all(rel.target)
          .some(
            (r) =>
              rel.mapping.every(
                ([a, b]) => row[a] !== null && row[a] !== undefined && keyOf([row[a]]) === keyOf([r[b]]),
              ) && evalBool(rules, store, rel.target, r, v as BoolExp, vars),
          );
      } else {
        if (!(k in row)) throw new Error(`oracle: ${table}.${k} is neither a column nor a relationship`);
        ok = Object.entries(v as Record<string, unknown>).every(([op, val]) => compare(op, row[k], val, vars));
      }
    }
    if (!ok) return false;
  }
  return true;
}
