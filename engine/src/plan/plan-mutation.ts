/**
 * A mutation operation → MutationRootIR[] (src: Hasura/GraphQL/Schema/Mutation.hs and Backends/Postgres/Schema/
 * Update.hs parsers; Hasura/GraphQL/Execute/Mutation.hs). Argument values are coerced against the role's input
 * types (so a column outside the role's permission is `field 'x' not found in type: …`), then mapped to IR with the
 * role's insert/update/delete permissions, presets and checks.
 */
import { Kind, getNamedType, isInputObjectType, isObjectType } from 'graphql';
import type { FragmentDefinitionNode, GraphQLField, GraphQLObjectType } from 'graphql';
import { EngineError, validationFailed } from '../errors.js';
import type { SelectPermInfo, TableInfo } from '../model/model-types.js';
import { mutationPerms } from '../model/resolve-mutation.js';
import { insertInputInfo, mutationFieldInfo } from '../schema/build-mutation-types.js';
import type { MutationFieldInfo } from '../schema/build-mutation-types.js';
import type { BoolIR, ValueIR } from './ir.js';
import type { CollectedField } from './collect-fields.js';
import { collectFields, subSelections } from './collect-fields.js';
import { coerceInput } from './coerce-input.js';
import type { PlanInput } from './plan-operation.js';
import type { PlannerContext } from './plan-selection.js';
import { planFields, rawArgs } from './plan-selection.js';
import { and, planPermissionBoolExp, planWhere } from './plan-bool-exp.js';
import type { MutationPlanContext } from './plan-insert.js';
import { planInsert, presetMap } from './plan-insert.js';
import type { MutationOutputIR, MutationRootIR, ResponseFieldIR, UpdateIR, UpdateOp } from './mutation-ir.js';
import { selectPermission } from '../model/select-permission.js';

type Ctx = PlannerContext & MutationPlanContext;

const UPDATE_OPS: readonly UpdateOp[] = [
  '_set',
  '_inc',
  '_append',
  '_prepend',
  '_delete_key',
  '_delete_elem',
  '_delete_at_path',
];

function objectOf(def: GraphQLField<unknown, unknown>): GraphQLObjectType {
  const t = getNamedType(def.type);
  if (!isObjectType(t)) throw new Error(`expected an object type for ${def.name}`);
  return t;
}

function planOutput(
  ctx: Ctx,
  table: TableInfo,
  def: GraphQLField<unknown, unknown>,
  f: CollectedField,
  single: boolean,
): MutationOutputIR {
  const type = objectOf(def);
  // Hasura does not filter `returning` rows by the select permission (test insert/permissions/blog_on_conflict_update_preset).
  const filter: BoolIR = { kind: 'true' };
  if (single) return { kind: 'object', fields: planFields(ctx, type, f), filter };
  const fields: ResponseFieldIR[] = [];
  for (const c of collectFields(ctx, type, subSelections(f), f.path, f.fragStack)) {
    if (c.name === '__typename') fields.push({ alias: c.alias, kind: 'typename', name: type.name });
    else if (c.name === 'affected_rows') fields.push({ alias: c.alias, kind: 'affected_rows' });
    else if (c.name === 'returning' && type.getFields()['returning']) {
      fields.push({
        alias: c.alias,
        kind: 'returning',
        fields: planFields(ctx, objectOf(type.getFields()['returning'] as GraphQLField<unknown, unknown>), c),
      });
    } else throw validationFailed(`field '${c.name}' not found in type: '${type.name}'`, c.path);
  }
  return { kind: 'response', fields, filter };
}

function planUpdate(
  ctx: Ctx,
  table: TableInfo,
  def: GraphQLField<unknown, unknown>,
  args: Record<string, unknown>,
  path: string,
  where: BoolIR,
): UpdateIR {
  const perm = ctx.updatePerm(table);
  if (!perm) throw new EngineError('permission-denied', `update is not allowed on table "${table.name}"`, path);
  const ops: UpdateIR['ops'][number][] = [];
  const seen = new Map<string, number>();
  for (const op of UPDATE_OPS) {
    const a = def.args.find((x) => x.name === op);
    const v = args[op];
    if (!a || v === undefined || v === null) continue;
    const t = getNamedType(a.type);
    if (!isInputObjectType(t)) continue;
    const fields = t.getFields();
    for (const [k, x] of Object.entries(v as Record<string, unknown>)) {
      const info = insertInputInfo(fields[k]?.extensions ?? {});
      if (!info || info.kind !== 'column') continue;
      const col = info.column;
      seen.set(col.name, (seen.get(col.name) ?? 0) + 1);
      const vt =
        op === '_delete_key'
          ? { name: 'text', schema: 'pg_catalog', kind: 'b', elem: null, base: null }
          : op === '_delete_elem'
            ? { name: 'int4', schema: 'pg_catalog', kind: 'b', elem: null, base: null }
            : op === '_delete_at_path'
              ? { name: '_text', schema: 'pg_catalog', kind: 'b', elem: 'text', base: null }
              : col.type;
      const value: ValueIR = {
        kind: 'value',
        value: x,
        type: vt,
        array: op === '_delete_at_path' || (op !== '_delete_key' && op !== '_delete_elem' && col.isArray),
      };
      ops.push({ column: col, op, value });
    }
  }
  const dup = [...seen].filter(([, n]) => n > 1).map(([c]) => `'${c}'`);
  if (dup.length > 0)
    throw validationFailed(`Column found in multiple operators: [${dup.join(', ')}].`, `${path}.args`);
  for (const [k, v] of presetMap(ctx, table, perm.set)) {
    const col = table.columnByName.get(k);
    if (col) ops.push({ column: col, op: '_set', value: v });
  }
  return {
    table,
    where: and([planPermissionBoolExp(ctx, table, perm.filter), where]),
    ops,
    check: perm.check ? planPermissionBoolExp(ctx, table, perm.check) : { kind: 'true' },
  };
}

function pkWhere(table: TableInfo, values: Record<string, unknown>): BoolIR {
  const items: BoolIR[] = [];
  for (const n of table.primaryKey ?? []) {
    const col = table.columnByName.get(n);
    if (!col) continue;
    items.push({
      kind: 'cmp',
      lhs: { kind: 'column', column: col, castText: false },
      op: '_eq',
      rhs: { kind: 'value', value: values[col.gqlName], type: col.type, array: col.isArray },
    });
  }
  return and(items);
}

function coerced(
  def: GraphQLField<unknown, unknown>,
  raw: Record<string, unknown>,
  path: string,
): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const a of def.args) {
    if (raw[a.name] === undefined) continue;
    out[a.name] = coerceInput(a.type, raw[a.name], `${path}.args.${a.name}`);
  }
  return out;
}

function whereOf(ctx: Ctx, def: GraphQLField<unknown, unknown>, table: TableInfo, v: unknown, path: string): BoolIR {
  const t = def.args.find((a) => a.name === 'where')?.type;
  const bt = t ? getNamedType(t) : undefined;
  return bt && isInputObjectType(bt) ? planWhere(ctx, bt, table, v, path) : { kind: 'true' };
}

function planField(
  ctx: Ctx,
  info: MutationFieldInfo,
  def: GraphQLField<unknown, unknown>,
  f: CollectedField,
): MutationRootIR {
  const t = info.table;
  const args = coerced(def, rawArgs(ctx, f, def), f.path);
  const base = `${f.path}.args`;
  switch (info.kind) {
    case 'insert': {
      const argName = info.one ? 'object' : 'objects';
      const a = def.args.find((x) => x.name === argName);
      const inputT = a ? getNamedType(a.type) : undefined;
      if (!inputT || !isInputObjectType(inputT)) throw new Error('insert input type expected');
      const rows = (info.one ? [args['object']] : (args['objects'] as unknown[])) as Record<string, unknown>[];
      const conflictT = def.args.find((x) => x.name === 'on_conflict')?.type;
      const insert = planInsert(
        ctx,
        t,
        inputT,
        rows,
        conflictT,
        args['on_conflict'],
        `${base}.${argName}`,
        (i) => (info.one ? `${base}.object` : `${base}.objects[${i}]`),
        [],
      );
      return { alias: f.alias, kind: 'insert', insert, output: planOutput(ctx, t, def, f, info.one) };
    }
    case 'update': {
      const where = info.byPk
        ? pkWhere(t, (args['pk_columns'] ?? {}) as Record<string, unknown>)
        : whereOf(ctx, def, t, args['where'], `${base}.where`);
      return {
        alias: f.alias,
        kind: 'update',
        update: planUpdate(ctx, t, def, args, f.path, where),
        output: planOutput(ctx, t, def, f, info.byPk),
      };
    }
    case 'update_many': {
      const a = def.args.find((x) => x.name === 'updates');
      const ut = a ? getNamedType(a.type) : undefined;
      if (!ut || !isInputObjectType(ut)) throw new Error('updates input type expected');
      const pseudo = {
        ...def,
        args: Object.values(ut.getFields()).map((x) => ({ ...x, args: [] })),
      } as unknown as GraphQLField<unknown, unknown>;
      const updates = ((args['updates'] ?? []) as Record<string, unknown>[]).map((u, i) => {
        const wt = ut.getFields()['where']?.type;
        const bt = wt ? getNamedType(wt) : undefined;
        const where =
          bt && isInputObjectType(bt)
            ? planWhere(ctx, bt, t, u['where'], `${base}.updates[${i}].where`)
            : ({ kind: 'true' } as BoolIR);
        return planUpdate(ctx, t, pseudo, u, `${base}.updates[${i}]`, where);
      });
      return { alias: f.alias, kind: 'update_many', updates, output: planOutput(ctx, t, def, f, false) };
    }
    case 'delete': {
      const perm = ctx.deletePerm(t);
      if (!perm) throw new EngineError('permission-denied', `delete is not allowed on table "${t.name}"`, f.path);
      const where = info.byPk ? pkWhere(t, args) : whereOf(ctx, def, t, args['where'], `${base}.where`);
      return {
        alias: f.alias,
        kind: 'delete',
        del: { table: t, where: and([planPermissionBoolExp(ctx, t, perm.filter), where]) },
        output: planOutput(ctx, t, def, f, info.byPk),
      };
    }
  }
}

export interface MutationPlanInput extends PlanInput {
  readonly backendOnly: boolean;
}

/** Plan every root field of a mutation operation (actions are planned by the caller, see `isActionField`). */
export function planMutation(
  input: MutationPlanInput,
  onOther: (f: CollectedField, def: GraphQLField<unknown, unknown>) => MutationRootIR,
): MutationRootIR[] {
  const root = input.schema.getMutationType();
  if (!root) throw validationFailed('no mutations exist', '$');
  const ctx = mutationPlannerContext(input);
  const out: MutationRootIR[] = [];
  for (const f of collectFields(ctx, root, [input.op.selectionSet], '$', [])) {
    if (f.name === '__typename') {
      out.push({ alias: f.alias, kind: 'json', value: root.name });
      continue;
    }
    const def = root.getFields()[f.name];
    if (!def) throw validationFailed(`field '${f.name}' not found in type: '${root.name}'`, f.path);
    const info = mutationFieldInfo(def.extensions);
    out.push(info ? planField(ctx, info, def, f) : onOther(f, def));
  }
  return out;
}

/** The planner context of a request (select permissions for filters/returning, mutation permissions). */
export function mutationPlannerContext(input: MutationPlanInput): Ctx {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const d of input.doc.definitions) if (d.kind === Kind.FRAGMENT_DEFINITION) fragments.set(d.name.value, d);
  const perm = (t: TableInfo): SelectPermInfo | undefined => selectPermission(t, input.role);
  const ctx: Ctx = {
    model: input.model,
    perm,
    session: input.session,
    nullCollapse: input.nullCollapse,
    schema: input.schema,
    fragments,
    variables: input.variables,
    depth: 0,
    insertPerm: (t) => mutationPerms(t, input.role, input.backendOnly).insert,
    updatePerm: (t) => mutationPerms(t, input.role, input.backendOnly).update,
    deletePerm: (t) => mutationPerms(t, input.role, input.backendOnly).delete,
  };
  return ctx;
}
