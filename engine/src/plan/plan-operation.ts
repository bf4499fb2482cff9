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
  getNamedType,
  getVariableValues,
  isObjectType,
  specifiedRules,
  validate,
} from 'graphql';
import type {
  DocumentNode,
  FragmentDefinitionNode,
  GraphQLField,
  GraphQLObjectType,
  GraphQLSchema,
  OperationDefinitionNode,
} from 'graphql';
import { EngineError, validationFailed } from '../errors.js';
import type { Model, SelectPermInfo, TableInfo } from '../model/model-types.js';
import { selectPermission } from '../model/select-permission.js';
import type { OutputInfo } from '../schema/field-info.js';
import { outputInfo } from '../schema/field-info.js';
import type { BoolIR, FieldIR, RootIR } from './ir.js';
import type { CollectedField } from './collect-fields.js';
import { collectFields } from './collect-fields.js';
import type { PlannerContext } from './plan-selection.js';
import { planAggregate, planFields, planTableSelect, rawArgs } from './plan-selection.js';
import { coerceInput } from './coerce-input.js';
import { and } from './plan-bool-exp.js';

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
  /** Plan-cache bookkeeping (execute/plan-cache.ts): filled with the variables that shape the plan and the session variables it reads. */
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

type RootField = GraphQLField<unknown, unknown>;
type RootInfo<K extends OutputInfo['kind']> = Extract<OutputInfo, { readonly kind: K }>;

/** The operation's root type: mutations need a mutation root; subscriptions fall back to the query root. */
function rootType(schema: GraphQLSchema, op: OperationDefinitionNode): GraphQLObjectType {
  if (op.operation === OperationTypeNode.MUTATION) {
    const mroot = schema.getMutationType();
    if (!mroot) throw validationFailed('no mutations exist', '$');
  }
  const root =
    op.operation === OperationTypeNode.SUBSCRIPTION
      ? (schema.getSubscriptionType() ?? schema.getQueryType())
      : schema.getQueryType();
  if (!root) throw validationFailed('no queries exist', '$');
  return root;
}

function plannerContext(input: PlanInput, fragments: ReadonlyMap<string, FragmentDefinitionNode>): PlannerContext {
  const perm = (t: TableInfo): SelectPermInfo | undefined => selectPermission(t, input.role);
  return {
    model: input.model,
    perm,
    session: input.session,
    nullCollapse: input.nullCollapse,
    schema: input.schema,
    fragments,
    variables: input.variables,
    depth: 0,
    ...(input.shapeVars ? { shapeVars: input.shapeVars } : {}),
    ...(input.usedSession ? { usedSession: input.usedSession } : {}),
  };
}

/**
 * `__schema` / `__type` at the root: graphql-js answers them from the role's schema (an operation holding only this
 * field). Every variable then shapes the plan, since the answer may depend on any of them.
 */
function planIntrospection(
  input: PlanInput,
  fragments: ReadonlyMap<string, FragmentDefinitionNode>,
  f: CollectedField,
): RootIR {
  const { schema, op } = input;
  for (const v of op.variableDefinitions ?? []) input.shapeVars?.add(v.variable.name.value);
  const single: DocumentNode = {
    kind: Kind.DOCUMENT,
    definitions: [...fragments.values(), { ...op, selectionSet: { kind: Kind.SELECTION_SET, selections: f.nodes } }],
  };
  const r = execute({ schema, document: single, variableValues: input.variables }) as {
    data?: Record<string, unknown> | null;
    errors?: readonly { message: string }[];
  };
  if (r.errors?.[0]) throw validationFailed(r.errors[0].message, f.path);
  return { alias: f.alias, kind: 'json', value: r.data?.[f.alias] ?? null };
}

/** `<t>` (a list of rows, with the select arguments). */
function planRootSelect(
  ctx: PlannerContext,
  root: GraphQLObjectType,
  def: RootField,
  f: CollectedField,
  info: RootInfo<'root_select'>,
): RootIR {
  const select = planTableSelect(ctx, info.table, def, f, {
    join: null,
    source: { kind: 'table' },
    withArgs: true,
    objectType: root,
    fieldsFrom: [],
  });
  return {
    alias: f.alias,
    kind: 'select',
    select: { ...select, fields: planFieldsOf(ctx, def, f, info.table) },
    single: false,
  };
}

/** `<t>_by_pk` (one row, its primary key columns as arguments). */
function planRootByPk(
  ctx: PlannerContext,
  root: GraphQLObjectType,
  def: RootField,
  f: CollectedField,
  info: RootInfo<'root_by_pk'>,
): RootIR {
  const select = planTableSelect(ctx, info.table, def, f, {
    join: null,
    source: { kind: 'table' },
    withArgs: false,
    objectType: root,
    fieldsFrom: [],
  });
  const conds = byPkWhere(info.table, def, f, ctx);
  return {
    alias: f.alias,
    kind: 'select',
    select: { ...select, where: and([select.where, conds]), fields: planFieldsOf(ctx, def, f, info.table) },
    single: true,
  };
}

/** A tracked function: rows of its return table (one row unless it returns a set). */
function planRootFunction(
  ctx: PlannerContext,
  root: GraphQLObjectType,
  def: RootField,
  f: CollectedField,
  info: RootInfo<'root_function'>,
): RootIR {
  const fnArgs = functionArgsOf(ctx, def, f);
  const select = planTableSelect(ctx, info.table, def, f, {
    join: null,
    source: { kind: 'function', cf: info.cf, args: fnArgs },
    withArgs: info.set,
    objectType: root,
    fieldsFrom: [],
  });
  return {
    alias: f.alias,
    kind: 'select',
    select: { ...select, fields: planFieldsOf(ctx, def, f, info.table) },
    single: !info.set,
  };
}

function planRootFunctionAggregate(
  ctx: PlannerContext,
  def: RootField,
  f: CollectedField,
  info: RootInfo<'root_function_aggregate'>,
): RootIR {
  const fnArgs = functionArgsOf(ctx, def, f);
  const { select, agg } = planAggregate(ctx, info.table, def, f, null, {
    kind: 'function',
    cf: info.cf,
    args: fnArgs,
  });
  return { alias: f.alias, kind: 'aggregate', select, agg };
}

/** A database root field of the role's schema. */
function planRootField(ctx: PlannerContext, root: GraphQLObjectType, f: CollectedField): RootIR {
  const def = root.getFields()[f.name];
  const info = outputInfo(def);
  if (def?.extensions['hasuraAsyncQuery'] && root.name === 'subscription_root')
    throw validationFailed('subscriptions to asynchronous actions are not supported by this engine', f.path);
  if (!def || !info) throw validationFailed(`field '${f.name}' not found in type: '${root.name}'`, f.path);
  switch (info.kind) {
    case 'root_select':
      return planRootSelect(ctx, root, def, f, info);
    case 'root_by_pk':
      return planRootByPk(ctx, root, def, f, info);
    case 'root_aggregate': {
      const { select, agg } = planAggregate(ctx, info.table, def, f, null, { kind: 'table' });
      return { alias: f.alias, kind: 'aggregate', select, agg };
    }
    case 'root_function':
      return planRootFunction(ctx, root, def, f, info);
    case 'root_function_aggregate':
      return planRootFunctionAggregate(ctx, def, f, info);
    default:
      throw new EngineError('unexpected', `unsupported root field '${f.name}'`, f.path);
  }
}

export function planOperation(input: PlanInput): RootIR[] {
  const { schema, op, doc } = input;
  const root = rootType(schema, op);
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const d of doc.definitions) if (d.kind === Kind.FRAGMENT_DEFINITION) fragments.set(d.name.value, d);
  const ctx = plannerContext(input, fragments);
  return collectFields(ctx, root, [op.selectionSet], '$', []).map((f): RootIR => {
    if (f.name === '__typename') return { alias: f.alias, kind: 'json', value: root.name };
    if (f.name === '__schema' || f.name === '__type') return planIntrospection(input, fragments, f);
    return planRootField(ctx, root, f);
  });
}

function planFieldsOf(ctx: PlannerContext, def: RootField, f: CollectedField, table: TableInfo): FieldIR[] {
  const t = getNamedType(def.type);
  if (!isObjectType(t)) throw new Error('object type expected');
  return planFields(ctx, t, f, table);
}

function byPkWhere(table: TableInfo, def: RootField, f: CollectedField, ctx: PlannerContext): BoolIR {
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

function functionArgsOf(ctx: PlannerContext, def: RootField, f: CollectedField): Record<string, unknown> {
  const raw = rawArgs(ctx, f, def);
  const a = def.args.find((x) => x.name === 'args');
  if (!a || raw['args'] === undefined) return {};
  return (coerceInput(a.type, raw['args'], `${f.path}.args.args`) ?? {}) as Record<string, unknown>;
}
