/**
 * Checks one fuzzed result: (1) independent leak check — every returned row of a filtered table is looked up by
 * primary key in rows read with our own SQL and must satisfy the role's filter from the metadata (TypeScript
 * evaluator), every field asked must be allowed by the metadata, list lengths respect permission limits;
 * (2) exactness — the role's answer equals the admin answer of the same query with the metadata filters ANDed in.
 */
import { PK_ALIAS, type AggSel, type ListArgs, type Root, type Sel } from './querygen.js';
import { evalBool, type Row, type RowStore, type TableRules, type Vars } from './rules.js';

export interface Finding {
  kind: 'leak' | 'mismatch' | 'error' | 'column';
  detail: string;
}

type J = null | boolean | number | string | J[] | { [k: string]: J };

export class Oracle {
  constructor(
    private readonly rules: Map<string, TableRules>,
    private readonly store: RowStore,
    private readonly role: string,
    private readonly pks: Map<string, string[]>,
  ) {}

  private perm(table: string) {
    return this.rules.get(table)?.perms.get(this.role);
  }

  /** the AST only asks for what the metadata grants (schema vs metadata, independently) */
  checkAst(roots: Root[]): Finding[] {
    const out: Finding[] = [];
    const sel = (table: string, s: Sel[]) => {
      const p = this.perm(table);
      if (!p)
        return void out.push({
          kind: 'column',
          detail: `schema exposes ${table} without a permission for ${this.role}`,
        });
      for (const x of s) {
        if (x.kind === 'col') {
          if (!p.columns.includes(x.name))
            out.push({ kind: 'column', detail: `schema exposes ${table}.${x.name} to ${this.role}` });
        } else if (x.kind === 'obj' || x.kind === 'arr') sel(x.table, x.sel);
        else agg(x.table, x.agg);
      }
    };
    const agg = (table: string, a: AggSel) => {
      const p = this.perm(table);
      if (!p?.allowAggregations)
        out.push({ kind: 'column', detail: `schema allows aggregates on ${table} to ${this.role}` });
      for (const f of a.fns)
        for (const c of f.cols)
          if (!p?.columns.includes(c))
            out.push({ kind: 'column', detail: `aggregate over ${table}.${c} for ${this.role}` });
      if (a.nodes) sel(table, a.nodes);
    };
    for (const r of roots) {
      if (r.kind === 'aggregate') agg(r.table, r.agg);
      else sel(r.table, r.sel);
    }
    return out;
  }

  private visible(
    table: string,
    row: { [k: string]: J },
    vars: Vars,
  ): { row: Row | undefined; ok: boolean; why?: string } {
    const p = this.perm(table);
    if (!p) return { row: undefined, ok: false, why: `no permission on ${table}` };
    if (Object.keys(p.filter).length === 0) return { row: undefined, ok: true };
    const pk = this.pks.get(table) ?? [];
    const vals = pk.map((k) => row[`${PK_ALIAS}${k}`]);
    if (pk.length === 0 || vals.some((v) => v === undefined))
      return { row: undefined, ok: false, why: `cannot identify a ${table} row` };
    const stored = this.store.byPk(table, vals);
    if (!stored) return { row: undefined, ok: false, why: `${table} row ${JSON.stringify(vals)} does not exist` };
    return { row: stored, ok: evalBool(this.rules, this.store, table, stored, p.filter, vars) };
  }

  /** walks the role's answer */
  checkLeaks(roots: Root[], data: { [k: string]: J }, vars: Vars): Finding[] {
    const out: Finding[] = [];
    const rowCheck = (table: string, sel: Sel[], row: J, path: string) => {
      if (row === null) return;
      if (typeof row !== 'object' || Array.isArray(row))
        return void out.push({ kind: 'error', detail: `${path}: not an object` });
      const v = this.visible(table, row, vars);
      if (!v.ok)
        out.push({
          kind: 'leak',
          detail: `${path}: ${table} row ${JSON.stringify(row)} not visible to ${this.role} ${JSON.stringify(vars)}${v.why ? ` (${v.why})` : ''}`,
        });
      const allowedKeys = new Set([
        ...sel.map((s) => s.alias ?? s.name),
        ...(this.pks.get(table) ?? []).map((k) => `${PK_ALIAS}${k}`),
      ]);
      for (const k of Object.keys(row))
        if (!allowedKeys.has(k)) out.push({ kind: 'column', detail: `${path}: unexpected key ${k}` });
      for (const s of sel) {
        const val = row[s.alias ?? s.name];
        if (val === undefined) {
          out.push({ kind: 'error', detail: `${path}: missing ${s.alias ?? s.name}` });
          continue;
        }
        if (s.kind === 'col') {
          const stored = v.row?.[s.name];
          if (v.row && (typeof stored === 'number' || typeof stored === 'boolean') && stored !== val) {
            out.push({
              kind: 'mismatch',
              detail: `${path}.${s.name}: ${JSON.stringify(val)} but the row has ${String(stored)}`,
            });
          }
        } else if (s.kind === 'obj') rowCheck(s.table, s.sel, val, `${path}.${s.name}`);
        else if (s.kind === 'arr') listCheck(s.table, s.sel, s.args, val, `${path}.${s.name}`);
        else aggCheck(s.table, s.agg, s.args, val, `${path}.${s.name}`);
      }
    };
    const listCheck = (table: string, sel: Sel[], args: ListArgs, val: J, path: string) => {
      if (!Array.isArray(val)) return void out.push({ kind: 'error', detail: `${path}: not a list` });
      const lim = this.perm(table)?.limit;
      if (lim !== undefined && val.length > lim)
        out.push({ kind: 'leak', detail: `${path}: ${val.length} rows > permission limit ${lim}` });
      if (args.limit !== undefined && val.length > args.limit)
        out.push({ kind: 'error', detail: `${path}: ${val.length} rows > limit ${args.limit}` });
      val.forEach((r, i) => rowCheck(table, sel, r, `${path}[${i}]`));
    };
    const aggCheck = (table: string, agg: AggSel, args: ListArgs, val: J, path: string) => {
      if (val === null || typeof val !== 'object' || Array.isArray(val))
        return void out.push({ kind: 'error', detail: `${path}: not an object` });
      if (agg.nodes) listCheck(table, agg.nodes, args, val['nodes'] ?? null, `${path}.nodes`);
    };
    for (const r of roots) {
      const val = data[r.alias];
      if (val === undefined) {
        out.push({ kind: 'error', detail: `${r.alias} missing` });
        continue;
      }
      if (r.kind === 'select') listCheck(r.table, r.sel, r.args, val, r.alias);
      else if (r.kind === 'by_pk') rowCheck(r.table, r.sel, val, r.alias);
      else aggCheck(r.table, r.agg, r.args, val, r.alias);
    }
    return out;
  }

  /** canonical form: unordered lists sorted; in the expected answer, object relationships hidden by the target's filter become null */
  canon(roots: Root[], data: { [k: string]: J }, expected: boolean, vars: Vars): J {
    const row = (table: string, sel: Sel[], v: J): J => {
      if (v === null || typeof v !== 'object' || Array.isArray(v)) return v;
      const o: { [k: string]: J } = {};
      for (const k of Object.keys(v).sort()) o[k] = v[k] ?? null;
      for (const s of sel) {
        const key = s.alias ?? s.name;
        const x = o[key] ?? null;
        if (s.kind === 'obj') {
          let y = row(s.table, s.sel, x);
          if (
            expected &&
            y !== null &&
            typeof y === 'object' &&
            !Array.isArray(y) &&
            !this.visible(s.table, y, vars).ok
          )
            y = null;
          o[key] = y;
        } else if (s.kind === 'arr') o[key] = list(s.table, s.sel, s.args, x);
        else if (s.kind === 'agg') o[key] = agg(s.table, s.agg, s.args, x);
      }
      return o;
    };
    const list = (table: string, sel: Sel[], args: ListArgs, v: J): J => {
      if (!Array.isArray(v)) return v;
      const rows = v.map((r) => row(table, sel, r));
      return args.orderBy
        ? rows
        : rows
            .map((r) => [JSON.stringify(r), r] as const)
            .sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))
            .map((p) => p[1]);
    };
    const agg = (table: string, a: AggSel, args: ListArgs, v: J): J => {
      if (v === null || typeof v !== 'object' || Array.isArray(v)) return v;
      const o: { [k: string]: J } = { ...v };
      if (a.nodes) o['nodes'] = list(table, a.nodes, args, o['nodes'] ?? null);
      return o;
    };
    const out: { [k: string]: J } = {};
    for (const r of roots) {
      const v = data[r.alias] ?? null;
      if (r.kind === 'select') out[r.alias] = list(r.table, r.sel, r.args, v);
      else if (r.kind === 'aggregate') out[r.alias] = agg(r.table, r.agg, r.args, v);
      else if (expected) {
        if (!Array.isArray(v) || v.length > 1) throw new Error(`oracle: by_pk as select gave ${JSON.stringify(v)}`);
        out[r.alias] = row(r.table, r.sel, v[0] ?? null);
      } else out[r.alias] = row(r.table, r.sel, v);
    }
    return out;
  }
}

export type { J };
