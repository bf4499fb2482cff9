/**
 * Select arguments (`where`, `order_by`, `distinct_on`, `limit`, `offset`) with Hasura's rules: `limit` must be a
 * non-negative Int, `offset` also accepts a numeric string, the permission `limit` caps the request's, and
 * `distinct_on` must match the leading `order_by` columns.
 */
import { isInputObjectType, isListType, isNonNullType } from 'graphql';
import type { GraphQLArgument, GraphQLField, GraphQLInputObjectType, GraphQLInputType } from 'graphql';
import { validationFailed } from '../errors.js';
import type { ColumnInfo, TableInfo } from '../model/model-types.js';
import { inputInfo } from '../schema/field-info.js';
import { coerceInput, describe } from './coerce-input.js';
import type { BoolContext } from './plan-bool-exp.js';
import { and, permissionFilter, planWhere, redactField } from './plan-bool-exp.js';
import type { BoolIR, OrderIR, OrderKeyIR, SourceIR } from './ir.js';

export interface SelectArgs {
  readonly where: BoolIR;
  readonly orderBy: readonly OrderIR[];
  readonly distinctOn: readonly ColumnInfo[] | null;
  readonly limit: number | null;
  readonly offset: number | null;
  readonly userLimit: number | null;
  readonly permLimit: number | null;
}

function nonNegativeInt(v: unknown, path: string, allowString: boolean): number | null {
  if (v === null || v === undefined) return null;
  if (allowString && typeof v === 'string' && /^\d+$/.test(v)) return Number(v);
  if (typeof v === 'number' && Number.isInteger(v) && v >= 0 && v <= 2147483647) return v;
  throw validationFailed(`expected a non-negative 32-bit integer for type 'Int', but found ${describe(v)}`, path);
}

function unwrapInput(t: GraphQLInputType): GraphQLInputType {
  let x = t;
  while (isNonNullType(x) || isListType(x)) x = x.ofType;
  return x;
}

function orderDir(raw: unknown): { desc: boolean; nullsFirst: boolean } {
  return orderDirOf(typeof raw === 'string' ? raw : 'asc');
}

function orderDirOf(v: string): { desc: boolean; nullsFirst: boolean } {
  switch (v) {
    case 'desc':
    case 'desc_nulls_first':
      return { desc: true, nullsFirst: true };
    case 'desc_nulls_last':
      return { desc: true, nullsFirst: false };
    case 'asc_nulls_first':
      return { desc: false, nullsFirst: true };
    default:
      return { desc: false, nullsFirst: false };
  }
}

function planOrderObject(
  ctx: BoolContext,
  table: TableInfo,
  type: GraphQLInputObjectType,
  obj: Record<string, unknown>,
  wrap: (k: OrderKeyIR) => OrderKeyIR,
  out: OrderIR[],
): void {
  const fields = type.getFields();
  for (const [k, v] of Object.entries(obj)) {
    if (v === null || v === undefined) continue;
    const f = fields[k];
    const info = inputInfo(f);
    if (!f || !info) continue;
    if (info.kind === 'order_column') {
      const redact = redactField(ctx, table, info.column.name, false);
      out.push({ key: wrap({ kind: 'column', column: info.column, ...redact }), ...orderDir(v) });
    } else if (info.kind === 'order_computed_scalar') {
      const redact = redactField(ctx, table, info.cf.name, true);
      out.push({ key: wrap({ kind: 'computed', cf: info.cf, ...redact }), ...orderDir(v) });
    } else if (info.kind === 'order_rel' && isInputObjectType(f.type)) {
      const where = permissionFilter(ctx, info.table);
      planOrderObject(
        ctx,
        info.table,
        f.type,
        v as Record<string, unknown>,
        (key) => wrap({ kind: 'object', table: info.table, mapping: info.rel.mapping, where, key }),
        out,
      );
    } else if (
      (info.kind === 'order_rel_aggregate' || info.kind === 'order_computed_aggregate') &&
      isInputObjectType(f.type)
    ) {
      const where = permissionFilter(ctx, info.table);
      const source: SourceIR =
        info.kind === 'order_rel_aggregate' ? { kind: 'table' } : { kind: 'function', cf: info.cf, args: {} };
      const mapping = info.kind === 'order_rel_aggregate' ? info.rel.mapping : [];
      const aggFields = f.type.getFields();
      for (const [ak, av] of Object.entries(v as Record<string, unknown>)) {
        if (av === null || av === undefined) continue;
        const ainfo = inputInfo(aggFields[ak]);
        if (ainfo?.kind === 'order_agg_count') {
          out.push({
            key: wrap({ kind: 'aggregate', table: info.table, source, mapping, where, op: 'count', column: null }),
            ...orderDir(av),
          });
        } else if (ainfo?.kind === 'order_agg_op') {
          const opType = aggFields[ak]?.type;
          const colFields = opType && isInputObjectType(opType) ? opType.getFields() : {};
          for (const [ck, cv] of Object.entries(av as Record<string, unknown>)) {
            const cinfo = inputInfo(colFields[ck]);
            if (cinfo?.kind !== 'order_column' || cv === null || cv === undefined) continue;
            out.push({
              key: wrap({
                kind: 'aggregate',
                table: info.table,
                source,
                mapping,
                where,
                op: ainfo.op,
                column: cinfo.column,
              }),
              ...orderDir(cv),
            });
          }
        }
      }
    }
  }
}

export function planSelectArgs(
  ctx: BoolContext,
  field: GraphQLField<unknown, unknown>,
  table: TableInfo,
  raw: Readonly<Record<string, unknown>>,
  path: string,
): SelectArgs {
  const argDef = (n: string): GraphQLArgument | undefined => field.args.find((a) => a.name === n);
  let where: BoolIR = { kind: 'true' };
  const whereDef = argDef('where');
  if (whereDef && raw['where'] !== undefined) {
    const t = unwrapInput(whereDef.type);
    const p = `${path}.args.where`;
    const v = coerceInput(whereDef.type, raw['where'], p);
    if (isInputObjectType(t)) where = planWhere(ctx, t, table, v, p);
  }
  const orderBy: OrderIR[] = [];
  const obDef = argDef('order_by');
  if (obDef && raw['order_by'] !== undefined) {
    const t = unwrapInput(obDef.type);
    const v = coerceInput(obDef.type, raw['order_by'], `${path}.args.order_by`) as Record<string, unknown>[] | null;
    if (isInputObjectType(t)) for (const o of v ?? []) planOrderObject(ctx, table, t, o, (k) => k, orderBy);
  }
  let distinctOn: ColumnInfo[] | null = null;
  const dDef = argDef('distinct_on');
  if (dDef && raw['distinct_on'] !== undefined && raw['distinct_on'] !== null) {
    const names = coerceInput(dDef.type, raw['distinct_on'], `${path}.args.distinct_on`) as string[];
    distinctOn = names
      .map((n) => table.columns.find((c) => c.gqlName === n))
      .filter((c): c is ColumnInfo => c !== undefined);
    if (orderBy.length === 0) {
      for (const c of distinctOn) orderBy.push({ key: { kind: 'column', column: c }, desc: false, nullsFirst: false });
    } else {
      const lead = orderBy.slice(0, distinctOn.length).map((o) => (o.key.kind === 'column' ? o.key.column.name : null));
      const want = new Set(distinctOn.map((c) => c.name));
      if (lead.length < want.size || !lead.every((n) => n !== null && want.has(n))) {
        throw validationFailed('"distinct_on" columns must match initial "order_by" columns', `${path}.args`);
      }
    }
  }
  const perm = ctx.perm(table);
  const userLimit = nonNegativeInt(raw['limit'], `${path}.args.limit`, false);
  const permLimit = perm?.limit ?? null;
  const limit = permLimit === null ? userLimit : userLimit === null ? permLimit : Math.min(userLimit, permLimit);
  const offset = nonNegativeInt(raw['offset'], `${path}.args.offset`, true);
  return {
    where: and([permissionFilter(ctx, table), where]),
    orderBy,
    distinctOn,
    limit,
    offset,
    userLimit,
    permLimit,
  };
}
