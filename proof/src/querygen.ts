/**
 * Random valid queries from one role's GraphQL schema (graphql-js type walk, no engine internals), rendered twice:
 * as the role asks it, and as the admin oracle query (the role's row filters from the metadata AND-ed into every
 * list level and relationship filter, `_by_pk` turned into a filtered select).
 */
import {
  getNamedType,
  getNullableType,
  isEnumType,
  isInputObjectType,
  isListType,
  isObjectType,
  isScalarType,
  type GraphQLField,
  type GraphQLInputObjectType,
  type GraphQLObjectType,
  type GraphQLSchema,
} from 'graphql';
import type { Prng } from './prng.js';
import type { BoolExp, Row, TableRules, Vars } from './rules.js';

/** A GraphQL literal already rendered (typed by the caller). */
export class Lit {
  constructor(readonly text: string) {}
}
type In = Lit | string | number | boolean | null | In[] | { [k: string]: In };

export interface ListArgs {
  where?: { [k: string]: In } | undefined;
  orderBy?: Array<{ [k: string]: In }> | undefined;
  distinctOn?: string[] | undefined;
  limit?: number | undefined;
  offset?: number | undefined;
}
export type Sel =
  | { kind: 'col'; name: string; alias?: string | undefined }
  | { kind: 'obj'; name: string; alias?: string | undefined; table: string; sel: Sel[] }
  | { kind: 'arr'; name: string; alias?: string | undefined; table: string; args: ListArgs; sel: Sel[] }
  | { kind: 'agg'; name: string; alias?: string | undefined; table: string; args: ListArgs; agg: AggSel };
export interface AggSel {
  count: { columns?: string[] | undefined; distinct?: boolean | undefined } | undefined;
  fns: Array<{ fn: string; cols: string[] }>;
  nodes: Sel[] | undefined;
}
export type Root =
  | { kind: 'select'; alias: string; field: string; table: string; args: ListArgs; sel: Sel[] }
  | { kind: 'by_pk'; alias: string; field: string; table: string; pk: Array<[string, Lit]>; sel: Sel[] }
  | { kind: 'aggregate'; alias: string; field: string; table: string; args: ListArgs; agg: AggSel };

const NUMERIC = new Set(['Int', 'Float', 'float8', 'float4', 'numeric', 'bigint', 'smallint']);
const DIRS = ['asc', 'desc', 'asc_nulls_first', 'asc_nulls_last', 'desc_nulls_first', 'desc_nulls_last'];
export const PK_ALIAS = 'pk__';

export function literal(scalar: string, v: unknown): Lit {
  if (v === null || v === undefined) return new Lit('null');
  if (NUMERIC.has(scalar) && (typeof v === 'number' || (typeof v === 'string' && /^-?\d+(\.\d+)?$/.test(v))))
    return new Lit(String(v));
  if (scalar === 'Boolean') return new Lit(v === true || v === 'true' ? 'true' : 'false');
  if (v instanceof Date) return new Lit(JSON.stringify(v.toISOString()));
  return new Lit(JSON.stringify(typeof v === 'string' ? v : JSON.stringify(v)));
}

function renderIn(v: In): string {
  if (v instanceof Lit) return v.text;
  if (v === null) return 'null';
  if (Array.isArray(v)) return `[${v.map(renderIn).join(', ')}]`;
  if (typeof v === 'object')
    return `{${Object.entries(v)
      .map(([k, x]) => `${k}: ${renderIn(x)}`)
      .join(', ')}}`;
  if (typeof v === 'string') return v; // enum values (order_by directions) and names
  return String(v);
}

/** Schema facts for one role (graphql-js walk). */
export class RoleSchema {
  constructor(readonly schema: GraphQLSchema) {}
  obj(table: string): GraphQLObjectType | undefined {
    const t = this.schema.getType(table);
    return isObjectType(t) ? t : undefined;
  }
  input(name: string): GraphQLInputObjectType | undefined {
    const t = this.schema.getType(name);
    return isInputObjectType(t) ? t : undefined;
  }
  columns(table: string): Array<{ name: string; scalar: string }> {
    const t = this.obj(table);
    if (!t) return [];
    return Object.values(t.getFields())
      .filter((f) => {
        const n = getNamedType(f.type);
        return (isScalarType(n) || isEnumType(n)) && f.args.every((a) => !isRequired(a.type));
      })
      .map((f) => ({ name: f.name, scalar: getNamedType(f.type).name }));
  }
  rels(table: string): Array<{ name: string; kind: 'obj' | 'arr' | 'agg'; table: string }> {
    const t = this.obj(table);
    if (!t) return [];
    const out: Array<{ name: string; kind: 'obj' | 'arr' | 'agg'; table: string }> = [];
    for (const f of Object.values(t.getFields())) {
      const n = getNamedType(f.type);
      if (!isObjectType(n)) continue;
      if (f.name.endsWith('_aggregate') && n.name.endsWith('_aggregate'))
        out.push({ name: f.name, kind: 'agg', table: n.name.slice(0, -'_aggregate'.length) });
      else out.push({ name: f.name, kind: isListType(getNullableType(f.type)) ? 'arr' : 'obj', table: n.name });
    }
    return out;
  }
  /** scalar name of a column in `<table>_bool_exp` (`Int_comparison_exp` → Int) */
  cmpScalar(table: string, col: string): string | undefined {
    const f = this.input(`${table}_bool_exp`)?.getFields()[col];
    const n = f ? getNamedType(f.type).name : undefined;
    return n?.endsWith('_comparison_exp') ? n.slice(0, -'_comparison_exp'.length) : undefined;
  }
  roots(): Array<{ field: GraphQLField<unknown, unknown>; kind: Root['kind']; table: string }> {
    const q = this.schema.getQueryType();
    if (!q) return [];
    const out: Array<{ field: GraphQLField<unknown, unknown>; kind: Root['kind']; table: string }> = [];
    for (const f of Object.values(q.getFields())) {
      const n = getNamedType(f.type);
      if (!isObjectType(n)) continue;
      if (f.name.endsWith('_by_pk')) out.push({ field: f, kind: 'by_pk', table: n.name });
      else if (f.name.endsWith('_aggregate') && n.name.endsWith('_aggregate'))
        out.push({ field: f, kind: 'aggregate', table: n.name.slice(0, -'_aggregate'.length) });
      else if (isListType(getNullableType(f.type))) out.push({ field: f, kind: 'select', table: n.name });
    }
    return out;
  }
}

function isRequired(t: unknown): boolean {
  return typeof t === 'object' && t !== null && 'ofType' in t && t.constructor.name === 'GraphQLNonNull';
}

export interface GenContext {
  role: RoleSchema;
  /** sample rows per table (our own SQL) for filter values */
  samples: Map<string, Row[]>;
  /** row counts per table */
  counts: Map<string, number>;
  pks: Map<string, string[]>;
}

export class QueryGen {
  constructor(
    private readonly c: GenContext,
    private readonly rng: Prng,
  ) {}

  private orderable(table: string): boolean {
    const ob = this.c.role.input(`${table}_order_by`)?.getFields() ?? {};
    const pk = this.c.pks.get(table);
    return pk !== undefined && pk.every((k) => k in ob);
  }

  where(table: string, depth: number): { [k: string]: In } {
    const r = this.rng;
    const bool = this.c.role.input(`${table}_bool_exp`);
    if (!bool) return {};
    const fields = Object.values(bool.getFields());
    const cols = fields.filter((f) => getNamedType(f.type).name.endsWith('_comparison_exp'));
    const rels = fields.filter((f) => {
      const n = getNamedType(f.type).name;
      return !f.name.startsWith('_') && n.endsWith('_bool_exp') && !n.endsWith('_aggregate_bool_exp');
    });
    const x = r.next();
    if (depth < 3 && x < 0.12)
      return { [r.pick(['_and', '_or'])]: [this.where(table, depth + 1), this.where(table, depth + 1)] };
    if (depth < 3 && x < 0.2) return { _not: this.where(table, depth + 1) };
    if (depth < 2 && rels.length > 0 && x < 0.38) {
      const f = r.pick(rels);
      const target = getNamedType(f.type).name.slice(0, -'_bool_exp'.length);
      return { [f.name]: this.where(target, depth + 1) };
    }
    if (cols.length === 0) return {};
    const f = r.pick(cols);
    const cmp = getNamedType(f.type) as GraphQLInputObjectType;
    const scalar = cmp.name.slice(0, -'_comparison_exp'.length);
    const ops = Object.keys(cmp.getFields());
    const rows = this.c.samples.get(table) ?? [];
    const row = rows.length > 0 ? r.pick(rows) : undefined;
    const v = row?.[f.name];
    const plain = v !== null && v !== undefined && (typeof v !== 'object' || v instanceof Date);
    if (!plain || r.chance(0.08)) return { [f.name]: { _is_null: r.chance(0.5) } };
    const want = ['_eq', '_neq', '_in', '_nin', '_gt', '_lt', '_gte', '_lte', '_like', '_ilike', '_nlike'].filter((o) =>
      ops.includes(o),
    );
    const op = r.pick(want.filter((o) => !o.includes('like') || typeof v === 'string'));
    if (op === '_in' || op === '_nin') {
      const vals = r
        .sample(rows, r.int(1, 3))
        .map((x) => x[f.name])
        .filter((y) => y !== null && y !== undefined && (typeof y !== 'object' || y instanceof Date));
      return { [f.name]: { [op]: vals.map((y) => literal(scalar, y)) } };
    }
    if (op.includes('like')) {
      const s = typeof v === 'string' ? v : JSON.stringify(v);
      const start = r.int(0, Math.max(0, s.length - 1));
      const sub = s.slice(start, start + r.int(1, 4));
      return { [f.name]: { [op]: new Lit(JSON.stringify(`%${sub}%`)) } };
    }
    return { [f.name]: { [op]: literal(scalar, v) } };
  }

  private orderItems(table: string, first?: string): Array<{ [k: string]: In }> {
    const r = this.rng;
    const ob = this.c.role.input(`${table}_order_by`);
    const fields = ob ? Object.values(ob.getFields()) : [];
    const colFields = fields.filter((f) => isEnumType(getNamedType(f.type)));
    const objFields = fields.filter((f) => {
      const n = getNamedType(f.type).name;
      return isInputObjectType(getNamedType(f.type)) && !n.endsWith('_aggregate_order_by');
    });
    const items: Array<{ [k: string]: In }> = [];
    const used = new Set<string>();
    if (first !== undefined) {
      items.push({ [first]: r.pick(DIRS) });
      used.add(first);
    }
    for (let i = r.int(0, 2); i > 0; i--) {
      if (objFields.length > 0 && r.chance(0.2)) {
        const f = r.pick(objFields);
        const target = getNamedType(f.type).name.slice(0, -'_order_by'.length);
        const tcols = this.c.role.columns(target);
        if (tcols.length > 0) items.push({ [f.name]: { [r.pick(tcols).name]: r.pick(DIRS) } });
      } else if (colFields.length > 0) {
        const f = r.pick(colFields);
        if (!used.has(f.name)) {
          used.add(f.name);
          items.push({ [f.name]: r.pick(DIRS) });
        }
      }
    }
    for (const k of this.c.pks.get(table) ?? []) if (!used.has(k)) items.push({ [k]: 'asc' });
    return items;
  }

  listArgs(table: string, root: boolean): ListArgs {
    const r = this.rng;
    const args: ListArgs = {};
    if (r.chance(0.6)) args.where = this.where(table, 0);
    const count = this.c.counts.get(table) ?? 0;
    const canOrder = this.orderable(table);
    if (canOrder) {
      if (root ? r.chance(0.85) || count > 60 : r.chance(0.5) || count > 500)
        args.limit = root ? r.int(0, 20) : r.int(0, 6);
      if (r.chance(0.2)) args.offset = r.int(0, 10);
      const dc = this.c.role.schema.getType(`${table}_select_column`);
      if (isEnumType(dc) && r.chance(0.15)) {
        const col = r.pick(dc.getValues()).name;
        args.distinctOn = [col];
        args.orderBy = this.orderItems(table, col);
      } else if (args.limit !== undefined || args.offset !== undefined || r.chance(0.4)) {
        args.orderBy = this.orderItems(table);
      }
    }
    return args;
  }

  selection(table: string, depth: number): Sel[] {
    const r = this.rng;
    const cols = this.c.role.columns(table);
    const out: Sel[] = r
      .sample(cols, r.int(1, Math.min(5, cols.length)))
      .map((c) => ({ kind: 'col' as const, name: c.name }));
    if (r.chance(0.15) && cols.length > 0)
      out.push({ kind: 'col', name: r.pick(cols).name, alias: `a${r.int(0, 99)}` });
    if (depth < 3) {
      const rels = this.c.role.rels(table);
      for (const rel of r.sample(rels, r.chance(0.55) ? r.int(1, 2) : 0)) {
        if (rel.kind === 'obj')
          out.push({ kind: 'obj', name: rel.name, table: rel.table, sel: this.selection(rel.table, depth + 1) });
        else if (rel.kind === 'arr')
          out.push({
            kind: 'arr',
            name: rel.name,
            table: rel.table,
            args: this.listArgs(rel.table, false),
            sel: this.selection(rel.table, depth + 1),
          });
        else
          out.push({
            kind: 'agg',
            name: rel.name,
            table: rel.table,
            args: this.listArgs(rel.table, false),
            agg: this.aggSel(rel.table, depth + 1),
          });
      }
    }
    // de-duplicate response keys
    const seen = new Set<string>();
    return out.filter((s) => {
      const k = s.alias ?? s.name;
      if (seen.has(k)) return false;
      seen.add(k);
      return true;
    });
  }

  aggSel(table: string, depth: number): AggSel {
    const r = this.rng;
    const fieldsType = this.c.role.obj(`${table}_aggregate_fields`);
    const fields = fieldsType ? fieldsType.getFields() : {};
    const sel: AggSel = { count: undefined, fns: [], nodes: undefined };
    if ('count' in fields && r.chance(0.8)) {
      const sc = this.c.role.schema.getType(`${table}_select_column`);
      sel.count =
        isEnumType(sc) && r.chance(0.4) ? { columns: [r.pick(sc.getValues()).name], distinct: r.chance(0.5) } : {};
    }
    for (const fn of ['max', 'min', 'sum', 'avg', 'stddev', 'variance']) {
      const f = fields[fn];
      if (!f || !r.chance(0.3)) continue;
      const t = getNamedType(f.type);
      if (!isObjectType(t)) continue;
      const names = Object.keys(t.getFields());
      if (names.length > 0) sel.fns.push({ fn, cols: r.sample(names, r.int(1, 2)) });
    }
    if (sel.count === undefined && sel.fns.length === 0) sel.count = {};
    if (depth < 3 && r.chance(0.3)) sel.nodes = this.selection(table, depth + 1);
    return sel;
  }

  root(i: number): Root {
    const r = this.rng;
    const roots = this.c.role.roots();
    const pick = r.pick(roots);
    const alias = `q${i}`;
    if (pick.kind === 'by_pk') {
      const rows = this.c.samples.get(pick.table) ?? [];
      const row = rows.length > 0 && r.chance(0.9) ? r.pick(rows) : undefined;
      const pk = pick.field.args.map((a): [string, Lit] => {
        const scalar = getNamedType(a.type).name;
        return [a.name, row ? literal(scalar, row[a.name]) : literal(scalar, NUMERIC.has(scalar) ? 987654 : 'nope')];
      });
      return {
        kind: 'by_pk',
        alias,
        field: pick.field.name,
        table: pick.table,
        pk,
        sel: this.selection(pick.table, 1),
      };
    }
    if (pick.kind === 'aggregate')
      return {
        kind: 'aggregate',
        alias,
        field: pick.field.name,
        table: pick.table,
        args: this.listArgs(pick.table, true),
        agg: this.aggSel(pick.table, 1),
      };
    return {
      kind: 'select',
      alias,
      field: pick.field.name,
      table: pick.table,
      args: this.listArgs(pick.table, true),
      sel: this.selection(pick.table, 1),
    };
  }
}

/** Renders the AST; mode 'admin' ANDs the role's filters (from the metadata, session values substituted) in. */
export class Renderer {
  constructor(
    private readonly rules: Map<string, TableRules>,
    private readonly admin: RoleSchema,
    private readonly role: string,
    private readonly roleSchema: RoleSchema,
    private readonly pks: Map<string, string[]>,
  ) {}

  /** the role's row filter for `table` as a GraphQL literal object, or undefined when it is `{}` */
  permFilter(table: string, vars: Vars): { [k: string]: In } | undefined {
    const p = this.rules.get(table)?.perms.get(this.role);
    if (!p) throw new Error(`oracle: role ${this.role} has no select permission on ${table}`);
    if (Object.keys(p.filter).length === 0) return undefined;
    return this.filterLit(table, p.filter, vars);
  }

  private filterLit(table: string, exp: BoolExp, vars: Vars): { [k: string]: In } {
    const out: { [k: string]: In } = {};
    for (const [k, v] of Object.entries(exp)) {
      if (k === '_and' || k === '_or') out[k] = (v as BoolExp[]).map((e) => this.filterLit(table, e, vars));
      else if (k === '_not') out[k] = this.filterLit(table, v as BoolExp, vars);
      else {
        const rel = this.rules.get(table)?.rels.get(k);
        if (rel) out[k] = this.filterLit(rel.target, v as BoolExp, vars);
        else {
          const scalar = this.admin.cmpScalar(table, k);
          if (!scalar) throw new Error(`oracle: no comparison type for ${table}.${k}`);
          const ops: { [k: string]: In } = {};
          for (const [op, raw] of Object.entries(v as Record<string, unknown>)) {
            const val = typeof raw === 'string' && /^x-hasura-/i.test(raw) ? vars[raw.toLowerCase()] : raw;
            if (val === undefined) throw new Error(`oracle: missing session variable ${String(raw)}`);
            ops[op] = op === '_is_null' ? literal('Boolean', val) : literal(scalar, val);
          }
          out[k] = ops;
        }
      }
    }
    return out;
  }

  /** user `where` with the target's permission added under every relationship (Hasura applies it there) */
  private injectWhere(table: string, w: { [k: string]: In }, vars: Vars): { [k: string]: In } {
    const out: { [k: string]: In } = {};
    for (const [k, v] of Object.entries(w)) {
      if (k === '_and' || k === '_or')
        out[k] = (v as Array<{ [k: string]: In }>).map((e) => this.injectWhere(table, e, vars));
      else if (k === '_not') out[k] = this.injectWhere(table, v as { [k: string]: In }, vars);
      else {
        const rel = this.rules.get(table)?.rels.get(k);
        if (rel) {
          const sub = this.injectWhere(rel.target, v as { [k: string]: In }, vars);
          const perm = this.permFilter(rel.target, vars);
          out[k] = perm ? { _and: [sub, perm] } : sub;
        } else out[k] = v;
      }
    }
    return out;
  }

  private args(table: string, a: ListArgs, admin: boolean, vars: Vars): string {
    const parts: string[] = [];
    let where: { [k: string]: In } | undefined = a.where;
    if (admin) {
      const w = a.where ? this.injectWhere(table, a.where, vars) : undefined;
      const perm = this.permFilter(table, vars);
      where = w && perm ? { _and: [w, perm] } : (w ?? perm);
    }
    if (where) parts.push(`where: ${renderIn(where)}`);
    if (a.distinctOn) parts.push(`distinct_on: [${a.distinctOn.join(', ')}]`);
    if (a.orderBy) parts.push(`order_by: ${renderIn(a.orderBy)}`);
    if (a.limit !== undefined) parts.push(`limit: ${a.limit}`);
    if (a.offset !== undefined) parts.push(`offset: ${a.offset}`);
    return parts.length > 0 ? `(${parts.join(', ')})` : '';
  }

  /** PK columns selected under `pk__<col>` aliases so the oracle can identify each row */
  private hidden(table: string): string {
    const pk = this.pks.get(table) ?? [];
    const cols = new Set(this.roleSchema.columns(table).map((c) => c.name));
    return pk.every((k) => cols.has(k)) ? pk.map((k) => `${PK_ALIAS}${k}: ${k}`).join(' ') : '';
  }

  private sel(table: string, sel: Sel[], admin: boolean, vars: Vars): string {
    const parts = sel.map((s) => {
      const head = s.alias ? `${s.alias}: ${s.name}` : s.name;
      switch (s.kind) {
        case 'col':
          return head;
        case 'obj':
          return `${head} { ${this.sel(s.table, s.sel, admin, vars)} }`;
        case 'arr':
          return `${head}${this.args(s.table, s.args, admin, vars)} { ${this.sel(s.table, s.sel, admin, vars)} }`;
        case 'agg':
          return `${head}${this.args(s.table, s.args, admin, vars)} { ${this.agg(s.table, s.agg, admin, vars)} }`;
      }
    });
    return `${parts.join(' ')} ${this.hidden(table)}`.trim();
  }

  private agg(table: string, a: AggSel, admin: boolean, vars: Vars): string {
    const inner: string[] = [];
    if (a.count) {
      const args: string[] = [];
      if (a.count.columns) args.push(`columns: [${a.count.columns.join(', ')}]`);
      if (a.count.distinct !== undefined) args.push(`distinct: ${a.count.distinct}`);
      inner.push(args.length > 0 ? `count(${args.join(', ')})` : 'count');
    }
    for (const f of a.fns) inner.push(`${f.fn} { ${f.cols.join(' ')} }`);
    const nodes = a.nodes ? ` nodes { ${this.sel(table, a.nodes, admin, vars)} }` : '';
    return `aggregate { ${inner.join(' ')} }${nodes}`;
  }

  render(roots: Root[], admin: boolean, vars: Vars): string {
    const fields = roots.map((r) => {
      if (r.kind === 'by_pk') {
        if (!admin)
          return `${r.alias}: ${r.field}(${r.pk.map(([k, v]) => `${k}: ${v.text}`).join(', ')}) { ${this.sel(r.table, r.sel, false, vars)} }`;
        const eq: { [k: string]: In } = {};
        for (const [k, v] of r.pk) eq[k] = { _eq: v };
        const perm = this.permFilter(r.table, vars);
        const where = perm ? { _and: [eq, perm] } : eq;
        return `${r.alias}: ${r.table}(where: ${renderIn(where)}) { ${this.sel(r.table, r.sel, true, vars)} }`;
      }
      if (r.kind === 'aggregate')
        return `${r.alias}: ${r.field}${this.args(r.table, r.args, admin, vars)} { ${this.agg(r.table, r.agg, admin, vars)} }`;
      return `${r.alias}: ${r.field}${this.args(r.table, r.args, admin, vars)} { ${this.sel(r.table, r.sel, admin, vars)} }`;
    });
    return `query { ${fields.join(' ')} }`;
  }
}
