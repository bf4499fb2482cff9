/**
 * `objects`/`object` of an insert → InsertIR (src: Hasura/GraphQL/Schema/Mutation.hs `tableFieldsInput`,
 * `objectRelationshipInput`, `arrayRelationshipInput`, `conflictObject`; Hasura/GraphQL/Execute/Insert.hs
 * `validateInsert` for the "already determined" errors). Object-relationship rows are inserted before their
 * parent, array-relationship rows after it (insertion order of Hasura's nested inserts).
 */
import { isInputObjectType, isNonNullType, isListType } from 'graphql';
import type { GraphQLInputFieldMap, GraphQLInputObjectType, GraphQLInputType } from 'graphql';
import { EngineError, validationFailed } from '../errors.js';
import type { ColumnInfo, TableInfo } from '../model/model-types.js';
import type { DeletePermInfo, InsertPermInfo, UpdatePermInfo } from '../model/mutation-types.js';
import type { InsertInputInfo } from '../schema/build-mutation-types.js';
import { insertInputInfo } from '../schema/build-mutation-types.js';
import type { BoolContext } from './plan-bool-exp.js';
import { and, planPermissionBoolExp, planWhere } from './plan-bool-exp.js';
import type { ValueIR } from './ir.js';
import type { ConflictIR, InsertIR, InsertRowIR } from './mutation-ir.js';

export interface MutationPlanContext extends BoolContext {
  readonly insertPerm: (t: TableInfo) => InsertPermInfo | undefined;
  readonly updatePerm: (t: TableInfo) => UpdatePermInfo | undefined;
  readonly deletePerm: (t: TableInfo) => DeletePermInfo | undefined;
}

function unwrap(t: GraphQLInputType): GraphQLInputType {
  let x = t;
  while (isNonNullType(x) || isListType(x)) x = x.ofType;
  return x;
}

/** A preset or permission value: `x-hasura-*` strings are session variables (src: RQL/DDL/Permission.hs `procSetObj`). */
export function presetValue(ctx: BoolContext, col: ColumnInfo, v: unknown): ValueIR {
  if (typeof v === 'string' && /^x-hasura-/i.test(v)) {
    const name = v.toLowerCase();
    const value = ctx.session[name];
    if (value === undefined) throw new EngineError('not-found', `missing session variable: "${name}"`, '$');
    return { kind: 'session', name, value, type: col.type, array: col.isArray };
  }
  return { kind: 'value', value: v, type: col.type, array: col.isArray };
}

export function presetMap(
  ctx: BoolContext,
  table: TableInfo,
  set: Readonly<Record<string, unknown>>,
): Map<string, ValueIR> {
  const out = new Map<string, ValueIR>();
  for (const [k, v] of Object.entries(set)) {
    const col = table.columnByName.get(k);
    if (col) out.set(k, presetValue(ctx, col, v));
  }
  return out;
}

function planConflict(
  ctx: MutationPlanContext,
  table: TableInfo,
  type: GraphQLInputObjectType,
  raw: unknown,
  path: string,
): ConflictIR | null {
  if (raw === null || raw === undefined) return null;
  const c = raw as { constraint: string; update_columns?: string[]; where?: unknown };
  const up = ctx.updatePerm(table);
  if (!up) throw new EngineError('permission-denied', `upsert is not allowed on table "${table.name}"`, path);
  const whereType = type.getFields()['where']?.type;
  const userWhere =
    whereType && isInputObjectType(whereType)
      ? planWhere(ctx, whereType, table, c.where, `${path}.where`)
      : { kind: 'true' as const };
  const found = (c.update_columns ?? []).map((n) => table.columns.find((x) => x.gqlName === n));
  // `_PLACEHOLDER` (the enum's only value when no column is updatable) is not a column (src: Mutation.hs `conflictObject`).
  if (found.some((x) => x === undefined)) throw validationFailed('erroneous column name', path);
  const updateColumns = found.filter((x): x is ColumnInfo => x !== undefined);
  return {
    constraint: c.constraint,
    updateColumns,
    presets: presetMap(ctx, table, up.set),
    where: and([planPermissionBoolExp(ctx, table, up.filter), userWhere]),
    check: up.check ? planPermissionBoolExp(ctx, table, up.check) : { kind: 'true' },
  };
}

type RelationshipInput = Extract<InsertInputInfo, { readonly kind: 'relationship' }>;

/** What planning one row needs besides the row: the table's input fields and what the parent insert fills in. */
interface RowContext {
  readonly ctx: MutationPlanContext;
  readonly inputType: GraphQLInputObjectType;
  readonly fields: GraphQLInputFieldMap;
  readonly determined: readonly string[];
}

/** The row's column values; an unknown field is refused, as is a column the parent insert already determines. */
function rowColumns(
  rc: RowContext,
  row: Readonly<Record<string, unknown>>,
  rp: string,
): { columns: Map<string, ValueIR>; given: string[] } {
  const columns = new Map<string, ValueIR>();
  const given: string[] = [];
  for (const [k, v] of Object.entries(row)) {
    const f = rc.fields[k];
    const info = f ? insertInputInfo(f.extensions) : undefined;
    if (!f || !info) throw validationFailed(`field '${k}' not found in type: '${rc.inputType.name}'`, `${rp}.${k}`);
    if (info.kind === 'column') {
      columns.set(info.column.name, { kind: 'value', value: v, type: info.column.type, array: info.column.isArray });
      given.push(info.column.name);
    }
  }
  const clash = rc.determined.filter((c) => given.includes(c));
  if (clash.length > 0) {
    throw validationFailed(
      `cannot insert ${clash.map((c) => `"${c}"`).join(', ')} columns as their values are already being determined by parent insert`,
      rp,
    );
  }
  return { columns, given };
}

/** An object relationship inserted before its parent: its row fills the parent's local columns. */
function planInsertBefore(
  rc: RowContext,
  info: RelationshipInput,
  dataType: GraphQLInputObjectType,
  sub: { data: unknown; on_conflict?: unknown },
  conflictT: GraphQLInputType | undefined,
  subPath: string,
  given: readonly string[],
): InsertRowIR['before'][number] {
  const locals = info.rel.mapping.map(([l]) => l);
  const fixed = locals.filter((c) => given.includes(c) || rc.determined.includes(c));
  if (fixed.length > 0) {
    throw validationFailed(
      `cannot insert object relationship "${info.rel.name}" as ${fixed.map((c) => `"${c}"`).join(', ')} column values are already determined`,
      subPath,
    );
  }
  const ins = planInsert(
    rc.ctx,
    info.table,
    dataType,
    [sub.data as Record<string, unknown>],
    conflictT,
    sub.on_conflict,
    `${subPath}.data`,
    () => `${subPath}.data`,
    [],
  );
  return { rel: info.rel, insert: ins };
}

/**
 * Rows of an array relationship (or an object relationship inserted after its parent): the parent fills their
 * remote columns.
 */
function planInsertAfter(
  rc: RowContext,
  info: RelationshipInput,
  dataType: GraphQLInputObjectType,
  sub: { data: unknown; on_conflict?: unknown },
  conflictT: GraphQLInputType | undefined,
  subPath: string,
): InsertRowIR['after'][number] {
  const list = (Array.isArray(sub.data) ? sub.data : [sub.data]) as Record<string, unknown>[];
  const remotes = info.rel.mapping.map(([, r]) => r);
  const ins = planInsert(
    rc.ctx,
    info.table,
    dataType,
    list,
    conflictT,
    sub.on_conflict,
    `${subPath}.data`,
    (j) => `${subPath}.data[${j}]`,
    remotes,
  );
  return { rel: info.rel, insert: ins };
}

/** The nested inserts of one row, in the row's field order. */
function planNestedInserts(
  rc: RowContext,
  row: Readonly<Record<string, unknown>>,
  rp: string,
  given: readonly string[],
): Pick<InsertRowIR, 'before' | 'after'> {
  const before: InsertRowIR['before'][number][] = [];
  const after: InsertRowIR['after'][number][] = [];
  for (const [k, v] of Object.entries(row)) {
    const f = rc.fields[k];
    const info = f ? insertInputInfo(f.extensions) : undefined;
    if (!f || !info || info.kind !== 'relationship' || v === null || v === undefined) continue;
    const relType = unwrap(f.type);
    if (!isInputObjectType(relType)) continue;
    const dataType = unwrap(relType.getFields()['data']?.type ?? relType);
    if (!isInputObjectType(dataType)) continue;
    const sub = v as { data: unknown; on_conflict?: unknown };
    const subPath = `${rp}.${k}`;
    const conflictT = relType.getFields()['on_conflict']?.type;
    if (info.rel.kind === 'object' && info.rel.insertAfterParent !== true) {
      before.push(planInsertBefore(rc, info, dataType, sub, conflictT, subPath, given));
    } else {
      after.push(planInsertAfter(rc, info, dataType, sub, conflictT, subPath));
    }
  }
  return { before, after };
}

/** Plan `rows` (already coerced to `inputType`) into `table`; `determined` are columns a parent insert fills in. */
export function planInsert(
  ctx: MutationPlanContext,
  table: TableInfo,
  inputType: GraphQLInputObjectType,
  rows: readonly Record<string, unknown>[],
  conflictType: GraphQLInputType | undefined,
  conflictRaw: unknown,
  path: string,
  rowPath: (i: number) => string,
  determined: readonly string[],
): InsertIR {
  const perm = ctx.insertPerm(table);
  if (!perm) throw new EngineError('permission-denied', `insert is not allowed on table "${table.name}"`, path);
  const presets = presetMap(ctx, table, perm.set);
  const rc: RowContext = { ctx, inputType, fields: inputType.getFields(), determined };
  const out = rows.map((row, i): InsertRowIR => {
    const rp = rowPath(i);
    const { columns, given } = rowColumns(rc, row, rp);
    const { before, after } = planNestedInserts(rc, row, rp, given);
    for (const [k, v] of presets) columns.set(k, v);
    return { columns, before, after };
  });
  const ct = conflictType ? unwrap(conflictType) : undefined;
  const conflict =
    ct && isInputObjectType(ct)
      ? planConflict(ctx, table, ct, conflictRaw, path.replace(/\.(objects|object|data)$/, '.on_conflict'))
      : null;
  return { table, rows: out, conflict, check: planPermissionBoolExp(ctx, table, perm.check), path };
}
