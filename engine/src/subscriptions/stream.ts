/**
 * Streaming subscriptions `<t>_stream(batch_size, cursor, where)` (reference A8; src: Hasura/GraphQL/Execute/
 * Subscription/Plan.hs streaming cursor, Poll/StreamingQuery.hs): the field is run as the table's select with
 * `where: {_and: [where, {<col>: {_gt|_lt: $cursor}}]}`, `order_by: {<col>: asc|desc}`, `limit: batch_size`, with the
 * cursor as a bound variable, so every poll of every cohort is the same multiplexed SQL shape. After each batch the
 * server advances the cohort's cursor to the last row's value (read through a hidden alias that is stripped before
 * the rows are sent).
 */
import { Kind, OperationTypeNode, getArgumentValues, getNamedType, isInputObjectType, parse, print } from 'graphql';
import type {
  DocumentNode,
  FieldNode,
  GraphQLSchema,
  NameNode,
  ObjectFieldNode,
  OperationDefinitionNode,
  SelectionNode,
  ValueNode,
  VariableDefinitionNode,
  VariableNode,
} from 'graphql';
import { validationFailed } from '../errors.js';
import type { ExecuteRequest } from '../execute/types.js';
import { outputInfo } from '../schema/field-info.js';

export const CURSOR_ALIAS = '_hge_stream_cursor';
const CURSOR_VAR = '_hge_cursor';
const WHERE_VAR = '_hge_where';

export interface StreamPlan {
  /** The rewritten select, with the cursor variable. */
  readonly req: ExecuteRequest;
  readonly alias: string;
  /** The same request with another cursor value. */
  withCursor(value: unknown): ExecuteRequest;
}

const name = (value: string): NameNode => ({ kind: Kind.NAME, value });
const variable = (v: string): VariableNode => ({ kind: Kind.VARIABLE, name: name(v) });
const obj = (fields: [string, ValueNode][]): ValueNode => ({
  kind: Kind.OBJECT,
  fields: fields.map(([k, value]): ObjectFieldNode => ({ kind: Kind.OBJECT_FIELD, name: name(k), value })),
});

/** `undefined` when the request is not a `<t>_stream` subscription. Throws `validation-failed` for bad cursors. */
export function planStream(schema: GraphQLSchema | undefined, req: ExecuteRequest): StreamPlan | undefined {
  const root = schema?.getSubscriptionType();
  if (!schema || !root) return undefined;
  let doc: DocumentNode;
  try {
    doc = parse(req.query, { maxTokens: 100_000 });
  } catch {
    return undefined;
  }
  const ops = doc.definitions.filter((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION);
  const op = req.operationName
    ? ops.find((o) => o.name?.value === req.operationName)
    : ops.length === 1
      ? ops[0]
      : undefined;
  if (!op || op.operation !== OperationTypeNode.SUBSCRIPTION || op.selectionSet.selections.length !== 1)
    return undefined;
  const field = op.selectionSet.selections[0];
  if (field?.kind !== Kind.FIELD) return undefined;
  const def = root.getFields()[field.name.value];
  const info = def ? outputInfo(def) : undefined;
  if (!def || info?.kind !== 'root_stream') return undefined;
  const args = getArgumentValues(def, field, req.variables ?? {});
  const path = `$.selectionSet.${field.alias?.value ?? field.name.value}.args.cursor`;
  const cursors = args['cursor'] as
    ({ initial_value: Record<string, unknown>; ordering?: string } | null)[] | undefined;
  if (!cursors || cursors.length !== 1 || !cursors[0]) throw validationFailed('one cursor input is expected', path);
  const cur = cursors[0];
  const cols = Object.keys(cur.initial_value);
  const col = cols[0];
  if (cols.length !== 1 || col === undefined)
    throw validationFailed(
      'exactly one column is expected in the initial value of the streaming cursor',
      `${path}.initial_value`,
    );
  const desc = cur.ordering === 'DESC';
  const cursorArg = def.args.find((a) => a.name === 'cursor');
  const cursorInput = cursorArg ? getNamedType(cursorArg.type) : undefined;
  const valueInput = isInputObjectType(cursorInput)
    ? getNamedType(cursorInput.getFields()['initial_value']?.type)
    : undefined;
  const colType = isInputObjectType(valueInput) ? getNamedType(valueInput.getFields()[col]?.type) : undefined;
  const whereArg = def.args.find((a) => a.name === 'where');
  if (!colType || !whereArg) return undefined;
  const selectName = field.name.value.replace(/_stream$/, '');
  const alias = field.alias?.value ?? field.name.value;
  const whereParts: ValueNode[] = [obj([[col, obj([[desc ? '_lt' : '_gt', variable(CURSOR_VAR)]])]])];
  if (args['where'] !== undefined && args['where'] !== null) whereParts.unshift(variable(WHERE_VAR));
  const selections: SelectionNode[] = [
    ...(field.selectionSet?.selections ?? []),
    { kind: Kind.FIELD, alias: name(CURSOR_ALIAS), name: name(col) },
  ];
  const newField: FieldNode = {
    kind: Kind.FIELD,
    alias: name(alias),
    name: name(selectName),
    arguments: [
      { kind: Kind.ARGUMENT, name: name('where'), value: obj([['_and', { kind: Kind.LIST, values: whereParts }]]) },
      {
        kind: Kind.ARGUMENT,
        name: name('order_by'),
        value: obj([[col, { kind: Kind.ENUM, value: desc ? 'desc' : 'asc' }]]),
      },
      { kind: Kind.ARGUMENT, name: name('limit'), value: { kind: Kind.INT, value: String(args['batch_size']) } },
    ],
    directives: field.directives ?? [],
    selectionSet: { kind: Kind.SELECTION_SET, selections },
  };
  const varDefs: VariableDefinitionNode[] = [
    ...(op.variableDefinitions ?? []),
    {
      kind: Kind.VARIABLE_DEFINITION,
      variable: variable(CURSOR_VAR),
      type: { kind: Kind.NAMED_TYPE, name: name(colType.name) },
    },
    {
      kind: Kind.VARIABLE_DEFINITION,
      variable: variable(WHERE_VAR),
      type: { kind: Kind.NAMED_TYPE, name: name(getNamedType(whereArg.type).name) },
    },
  ];
  const newOp: OperationDefinitionNode = {
    ...op,
    operation: OperationTypeNode.QUERY,
    variableDefinitions: varDefs,
    selectionSet: { kind: Kind.SELECTION_SET, selections: [newField] },
  };
  const query = print({ ...doc, definitions: doc.definitions.map((d) => (d === op ? newOp : d)) });
  const withCursor = (value: unknown): ExecuteRequest => ({
    query,
    operationName: req.operationName ?? null,
    variables: { ...(req.variables ?? {}), [CURSOR_VAR]: value, [WHERE_VAR]: args['where'] ?? null },
  });
  return { req: withCursor(cur.initial_value[col]), alias, withCursor };
}

/** Split a batch body: the rows without the hidden cursor column, and the last row's cursor (if any). */
export function readBatch(body: string, alias: string): { body: string; rows: number; cursor: unknown } | undefined {
  let parsed: { data?: Record<string, unknown> };
  try {
    parsed = JSON.parse(body) as { data?: Record<string, unknown> };
  } catch {
    return undefined;
  }
  const rows = parsed.data?.[alias];
  if (!Array.isArray(rows)) return undefined;
  let cursor: unknown;
  const clean = rows.map((r: Record<string, unknown>) => {
    cursor = r[CURSOR_ALIAS];
    const { [CURSOR_ALIAS]: _drop, ...rest } = r;
    return rest;
  });
  return { body: JSON.stringify({ data: { [alias]: clean } }), rows: rows.length, cursor };
}
