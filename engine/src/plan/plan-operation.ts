/**
 * Document → RootIR[] for one role (Hasura: parse, validate against the role's schema, then build the query plan;
 * src: Hasura/GraphQL/Execute.hs `getResolvedExecPlan`). graphql-js `validate()` runs with the spec rules except
 * those whose errors Hasura words differently (unknown fields/arguments, value types, fragment cycles), which the
 * planner reports itself with Hasura's message and path.
 */
import {
  FieldsOnCorrectTypeRule,
  KnownArgumentNamesRule,
  Kind,
  OperationTypeNode,
  NoFragmentCyclesRule,
  NoUnusedVariablesRule,
  NoUnusedFragmentsRule,
  ProvidedRequiredArgumentsRule,
  ValuesOfCorrectTypeRule,
  VariablesInAllowedPositionRule,
  execute,
  getVariableValues,
  specifiedRules,
  validate,
} from 'graphql';
import type { DocumentNode, FragmentDefinitionNode, GraphQLSchema, OperationDefinitionNode } from 'graphql';
import { EngineError, validationFailed } from '../errors.js';
import type { Model, SelectPermInfo, TableInfo } from '../model/model-types.js';
import { outputInfo } from '../schema/field-info.js';
import type { RootIR } from './ir.js';
import { collectFields } from './collect-fields.js';
import type { PlannerContext } from './plan-selection.js';
import { planAggregate, planTableSelect } from './plan-selection.js';
import { coerceInput } from './coerce-input.js';
import { and } from './plan-bool-exp.js';

import { getNamedType, isObjectType } from 'graphql';
import type { CollectedField } from './collect-fields.js';
import type { BoolIR } from './ir.js';

const SKIPPED = new Set<unknown>([
  FieldsOnCorrectTypeRule,
  KnownArgumentNamesRule,
  ValuesOfCorrectTypeRule,
  NoFragmentCyclesRule,
  NoUnusedVariablesRule,
  NoUnusedFragmentsRule,
  ProvidedRequiredArgumentsRule,
  VariablesInAllowedPositionRule,
]);
const RULES = specifiedRules.filter((r) => !SKIPPED.has(r));

/** graphql-js validation with the Hasura-incompatible rules removed; first error as `validation-failed`. */
export function validateDocument(schema: GraphQLSchema, doc: DocumentNode): void {
  const errors = validate(schema, doc, RULES, { maxErrors: 1 });
  const first = errors[0];
  if (first) throw validationFailed(first.message, '$');
}

export function selectOperation(doc: DocumentNode, operationName: string | null | undefined): OperationDefinitionNode {
  const ops = doc.definitions.filter((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION);
  if (operationName) {
    const op = ops.find((o) => o.name?.value === operationName);
    if (!op) throw validationFailed(`no such operation found in the document: "${operationName}"`, '$');
    return op;
  }
  const only = ops[0];
  if (ops.length !== 1 || !only) {
    throw validationFailed(
      'exactly one operation has to be present in the document when operationName is not specified',
      '$',
    );
  }
  return only;
}

export interface PlanInput {
  readonly model: Model;
  readonly schema: GraphQLSchema;
  readonly role: string;
  readonly doc: DocumentNode;
  readonly op: OperationDefinitionNode;
  readonly variables: Readonly<Record<string, unknown>>;
  readonly session: Readonly<Record<string, string>>;
  readonly nullCollapse: boolean;
  /** Plan-cache bookkeeping (runtime-impl.ts): filled with the variables that shape the plan and the session variables it reads. */
  readonly shapeVars?: Set<string>;
  readonly usedSession?: Set<string>;
}

/** Deepest JSON nesting accepted in a variable value: far beyond any real filter, well below the JS stack. */
const MAX_VARIABLE_DEPTH = 512;

/** Whether `value` nests arrays/objects deeper than `max`, measured without recursion (the value is untrusted). */
function nestsDeeperThan(value: unknown, max: number): boolean {
  const stack: Array<[unknown, number]> = [[value, 1]];
  while (stack.length > 0) {
    const [v, depth] = stack.pop()!;
    if (typeof v !== 'object' || v === null) continue;
    if (depth > max) return true;
    for (const child of Array.isArray(v) ? v : Object.values(v)) stack.push([child, depth + 1]);
  }
  return false;
}

/** Refuse variable values nested deeper than any real input, before anything walks them recursively. */
export function checkVariableDepth(inputs: Readonly<Record<string, unknown>>): void {
  for (const [name, value] of Object.entries(inputs)) {
    if (nestsDeeperThan(value, MAX_VARIABLE_DEPTH)) {
      throw validationFailed(`the value of variable "${name}" is nested too deeply`, `$.variableValues.${name}`);
    }
  }
}

/**
 * Coerce the request's variables with graphql-js. Variable values are checked for depth first: graphql-js coerces
 * them recursively, so a hostile 10,000-level value would otherwise overflow the stack (query text has its own
 * depth limits in the planner).
 */
export function coerceVariables(
  schema: GraphQLSchema,
  op: OperationDefinitionNode,
  inputs: Readonly<Record<string, unknown>>,
): Record<string, unknown> {
  checkVariableDepth(inputs);
  const r = getVariableValues(schema, op.variableDefinitions ?? [], inputs, { maxErrors: 1 });
  if (r.errors) {
    const e = r.errors[0];
    const m = e ? /^Variable "\$([^"]+)"/.exec(e.message) : null;
    throw validationFailed(e?.message ?? 'invalid variables', m?.[1] ? `$.variableValues.${m[1]}` : '$');
  }
  return r.coerced;
}

export function planOperation(input: PlanInput): RootIR[] {
  const { schema, op, doc } = input;
  if (op.operation === OperationTypeNode.MUTATION) {
    const mroot = schema.getMutationType();
    if (!mroot) throw validationFailed('no mutations exist', '$');
  }
  const root =
    op.operation === OperationTypeNode.SUBSCRIPTION
      ? (schema.getSubscriptionType() ?? schema.getQueryType())
      : schema.getQueryType();
  if (!root) throw validationFailed('no queries exist', '$');
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const d of doc.definitions) if (d.kind === Kind.FRAGMENT_DEFINITION) fragments.set(d.name.value, d);
  const perm = (t: TableInfo): SelectPermInfo | undefined => selectPermission(t, input.role);
  const ctx: PlannerContext = {
    model: input.model,
    perm,
    session: input.session,
    nullCollapse: input.nullCollapse,
    schema,
    fragments,
    variables: input.variables,
    depth: 0,
    ...(input.shapeVars ? { shapeVars: input.shapeVars } : {}),
    ...(input.usedSession ? { usedSession: input.usedSession } : {}),
  };
  const out: RootIR[] = [];
  for (const f of collectFields(ctx, root, [op.selectionSet], '$', [])) {
    if (f.name === '__typename') {
      out.push({ alias: f.alias, kind: 'json', value: root.name });
      continue;
    }
    if (f.name === '__schema' || f.name === '__type') {
      for (const v of op.variableDefinitions ?? []) input.shapeVars?.add(v.variable.name.value);
      const single: DocumentNode = {
        kind: Kind.DOCUMENT,
        definitions: [
          ...fragments.values(),
          { ...op, selectionSet: { kind: Kind.SELECTION_SET, selections: f.nodes } },
        ],
      };
      const r = execute({ schema, document: single, variableValues: input.variables }) as {
        data?: Record<string, unknown> | null;
        errors?: readonly { message: string }[];
      };
      if (r.errors?.[0]) throw validationFailed(r.errors[0].message, f.path);
      out.push({ alias: f.alias, kind: 'json', value: r.data?.[f.alias] ?? null });
      continue;
    }
    const def = root.getFields()[f.name];
    const info = outputInfo(def);
    if (def?.extensions['hasuraAsyncQuery'] && root.name === 'subscription_root')
      throw validationFailed('subscriptions to asynchronous actions are not supported by this engine', f.path);
    if (!def || !info) throw validationFailed(`field '${f.name}' not found in type: '${root.name}'`, f.path);
    if (info.kind === 'root_select') {
      const select = planTableSelect(ctx, info.table, def, f, {
        join: null,
        source: { kind: 'table' },
        withArgs: true,
        objectType: root,
        fieldsFrom: [],
      });
      out.push({
        alias: f.alias,
        kind: 'select',
        select: { ...select, fields: planFieldsOf(ctx, def, f, info.table) },
        single: false,
      });
    } else if (info.kind === 'root_by_pk') {
      const select = planTableSelect(ctx, info.table, def, f, {
        join: null,
        source: { kind: 'table' },
        withArgs: false,
        objectType: root,
        fieldsFrom: [],
      });
      const conds = byPkWhere(info.table, def, f, ctx);
      out.push({
        alias: f.alias,
        kind: 'select',
        select: { ...select, where: and([select.where, conds]), fields: planFieldsOf(ctx, def, f, info.table) },
        single: true,
      });
    } else if (info.kind === 'root_aggregate') {
      const { select, agg } = planAggregate(ctx, info.table, def, f, null, { kind: 'table' });
      out.push({ alias: f.alias, kind: 'aggregate', select, agg });
    } else if (info.kind === 'root_function') {
      const fnArgs = functionArgsOf(ctx, def, f);
      const select = planTableSelect(ctx, info.table, def, f, {
        join: null,
        source: { kind: 'function', cf: info.cf, args: fnArgs },
        withArgs: info.set,
        objectType: root,
        fieldsFrom: [],
      });
      out.push({
        alias: f.alias,
        kind: 'select',
        select: { ...select, fields: planFieldsOf(ctx, def, f, info.table) },
        single: !info.set,
      });
    } else if (info.kind === 'root_function_aggregate') {
      const fnArgs = functionArgsOf(ctx, def, f);
      const { select, agg } = planAggregate(ctx, info.table, def, f, null, {
        kind: 'function',
        cf: info.cf,
        args: fnArgs,
      });
      out.push({ alias: f.alias, kind: 'aggregate', select, agg });
    } else {
      throw new EngineError('unexpected', `unsupported root field '${f.name}'`, f.path);
    }
  }
  return out;
}

import type { GraphQLField } from 'graphql';
import { planFields, rawArgs } from './plan-selection.js';
import { selectPermission } from '../model/select-permission.js';

function planFieldsOf(ctx: PlannerContext, def: GraphQLField<unknown, unknown>, f: CollectedField, table: TableInfo) {
  const t = getNamedType(def.type);
  if (!isObjectType(t)) throw new Error('object type expected');
  return planFields(ctx, t, f, table);
}

function byPkWhere(
  table: TableInfo,
  def: GraphQLField<unknown, unknown>,
  f: CollectedField,
  ctx: PlannerContext,
): BoolIR {
  const raw = rawArgs(ctx, f, def);
  const items: BoolIR[] = [];
  for (const a of def.args) {
    const col = table.columns.find((c) => c.gqlName === a.name);
    if (!col) continue;
    const v = coerceInput(a.type, raw[a.name], `${f.path}.args.${a.name}`);
    items.push({
      kind: 'cmp',
      lhs: { kind: 'column', column: col, castText: false },
      op: '_eq',
      rhs: { kind: 'value', value: v, type: col.type, array: col.isArray },
    });
  }
  return and(items);
}

function functionArgsOf(
  ctx: PlannerContext,
  def: GraphQLField<unknown, unknown>,
  f: CollectedField,
): Record<string, unknown> {
  const raw = rawArgs(ctx, f, def);
  const a = def.args.find((x) => x.name === 'args');
  if (!a || raw['args'] === undefined) return {};
  return (coerceInput(a.type, raw['args'], `${f.path}.args.args`) ?? {}) as Record<string, unknown>;
}
