/**
 * The write path of the runtime: mutation operations (all root fields in order, in one transaction) and
 * operations with action fields. Kept apart from runtime-impl.ts (the read path) so each stays small.
 */
import type pg from 'pg';
import { Kind, OperationTypeNode, print } from 'graphql';
import type { DocumentNode, FieldNode, GraphQLSchema, OperationDefinitionNode } from 'graphql';
import { EngineError, markExecution, toGraphQLError, validationFailed } from './errors.js';
import type { Model } from './model/model-types.js';
import type { Session } from './session.js';
import { coerceVariables, validateDocument } from './plan/plan-operation.js';
import { mutationPlannerContext, planMutation } from './plan/plan-mutation.js';
import type { MutationPlanInput } from './plan/plan-mutation.js';
import type { MutationRootIR } from './plan/mutation-ir.js';
import type { CollectedField } from './plan/collect-fields.js';
import { collectFields } from './plan/collect-fields.js';
import { makeCompileContext } from './compiler/compile-operation.js';
import { executeMutation } from './executor/execute-mutation.js';
import { actionFieldInfo, asyncQueryInfo } from './schema/build-action-types.js';
import type { ActionDeps } from './run-action.js';
import { ActionError, runAction } from './run-action.js';
import { runAsyncQuery, startAsyncAction } from './run-async-action.js';
import type { ExecuteRequest, ExecuteResult } from './runtime.js';

export interface WriteDeps {
  readonly pool: pg.Pool;
  readonly model: Model;
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly stringifyNumeric: boolean;
  readonly nullCollapse: boolean;
  schemaFor(role: string, backendOnly: boolean): GraphQLSchema | undefined;
}

export function isMutation(op: OperationDefinitionNode): boolean {
  return op.operation === OperationTypeNode.MUTATION;
}

function planInput(
  deps: WriteDeps,
  schema: GraphQLSchema,
  doc: DocumentNode,
  op: OperationDefinitionNode,
  req: ExecuteRequest,
  session: Session,
): MutationPlanInput {
  validateDocument(schema, doc);
  const variables = coerceVariables(schema, op, req.variables ?? {});
  return {
    model: deps.model,
    schema,
    role: session.role,
    doc,
    op,
    variables,
    session: session.vars,
    nullCollapse: deps.nullCollapse,
    backendOnly: session.backendOnly,
  };
}

function actionDeps(
  deps: WriteDeps,
  input: MutationPlanInput,
  req: ExecuteRequest,
  session: Session,
  headers: Readonly<Record<string, string>>,
): ActionDeps {
  return {
    pool: deps.pool,
    env: deps.env,
    planner: mutationPlannerContext(input),
    compile: () => makeCompileContext(session.vars, deps.stringifyNumeric),
    session,
    query: req.query,
    clientHeaders: headers,
    cookies: [],
  };
}

function result(body: string, cookies: readonly string[], execError = false): ExecuteResult {
  const c = cookies[0];
  const r: ExecuteResult = c === undefined ? { body } : { body, headers: { 'Set-Cookie': c } };
  if (execError) r.execError = true;
  return r;
}

/** Errors while running the fields are execution errors, except a selection the action's output cannot answer. */
function asExecution(e: unknown): unknown {
  return e instanceof EngineError && e.code === 'validation-failed' ? e : markExecution(e);
}

/** Handler errors with their own `extensions` are rendered verbatim (A6: 4xx mapping). */
function actionErrorBody(e: unknown): string | null {
  return e instanceof ActionError
    ? JSON.stringify({ errors: [{ message: e.message, extensions: e.extensions }] })
    : null;
}

function unsupported(r: MutationRootIR): EngineError {
  return new EngineError('unexpected', `unsupported root field ${r.alias}`);
}

/** Root fields run one after another, stitched into `{"data":{…}}`. */
async function actionsOnly(roots: readonly MutationRootIR[], run: (r: MutationRootIR) => Promise<string>) {
  const parts: string[] = [];
  for (const r of roots) parts.push(`${JSON.stringify(r.alias)}:${await run(r)}`);
  return `{"data":{${parts.join(',')}}}`;
}

/** Execute a mutation operation (table mutations and mutation actions, in order, in one transaction). */
export async function executeMutationOperation(
  deps: WriteDeps,
  doc: DocumentNode,
  op: OperationDefinitionNode,
  req: ExecuteRequest,
  session: Session,
  headers: Readonly<Record<string, string>>,
): Promise<ExecuteResult> {
  const schema = deps.schemaFor(session.role, session.backendOnly);
  if (!schema) throw validationFailed('no schema for role', '$');
  if (!schema.getMutationType()) throw validationFailed('no mutations exist', '$');
  const input = planInput(deps, schema, doc, op, req, session);
  const actions: CollectedField[] = [];
  const roots = planMutation(input, (f, def) => {
    if (!actionFieldInfo(def.extensions))
      throw validationFailed(`field '${f.name}' not found in type: 'mutation_root'`, f.path);
    actions.push(f);
    return { alias: f.alias, kind: 'action', index: actions.length - 1 };
  });
  const ad = actionDeps(deps, input, req, session, headers);
  const ctx = makeCompileContext(session.vars, deps.stringifyNumeric);
  const actionOf = (r: MutationRootIR) => {
    const f = r.kind === 'action' ? actions[r.index] : undefined;
    const def = f ? schema.getMutationType()?.getFields()[f.name] : undefined;
    const a = def ? actionFieldInfo(def.extensions) : undefined;
    return f && def && a ? { f, def, a } : undefined;
  };
  try {
    // Synchronous actions alone need no database: no transaction is held open while their handlers answer (as in
    // Hasura, where an action is its own execution step). Table mutations and async actions share one transaction.
    const body = roots.every((r) => actionOf(r)?.a.asynchronous === false)
      ? await actionsOnly(roots, (r) => {
          const x = actionOf(r);
          return x ? runAction(ad, x.a, x.def, x.f) : Promise.reject(unsupported(r));
        })
      : await executeMutation(deps.pool, roots, ctx, (r: MutationRootIR, client) => {
          const x = actionOf(r);
          if (!x) return Promise.reject(unsupported(r));
          return x.a.asynchronous ? startAsyncAction(ad, client, x.a, x.def, x.f) : runAction(ad, x.a, x.def, x.f);
        });
    return result(body, ad.cookies);
  } catch (e) {
    const b = actionErrorBody(e);
    if (b) return result(b, ad.cookies, true);
    throw asExecution(e);
  }
}

/**
 * A query whose root has action fields: the database fields run through the normal read path (`runQuery` on a
 * document without the action fields), the actions through their handlers; the result keeps selection order.
 * Returns null when the query has no action field.
 */
export async function executeQueryWithActions(
  deps: WriteDeps,
  doc: DocumentNode,
  op: OperationDefinitionNode,
  req: ExecuteRequest,
  session: Session,
  headers: Readonly<Record<string, string>>,
  runQuery: (req: ExecuteRequest) => Promise<ExecuteResult>,
): Promise<ExecuteResult | null> {
  const schema = deps.schemaFor(session.role, false);
  const root = schema?.getQueryType();
  if (!schema || !root || op.operation !== OperationTypeNode.QUERY) return null;
  const isAction = (s: { kind: Kind; name?: { value: string } }): boolean =>
    s.kind === Kind.FIELD &&
    !!s.name &&
    !!root.getFields()[s.name.value] &&
    !!actionFieldInfo(root.getFields()[s.name.value]?.extensions ?? {});
  if (!op.selectionSet.selections.some((s) => isAction(s))) return null;
  const input = planInput(deps, schema, doc, op, req, session);
  const ad = actionDeps(deps, input, req, session, headers);
  const rest = op.selectionSet.selections.filter((s) => !isAction(s as FieldNode));
  let dbData: Record<string, unknown> = {};
  if (rest.length > 0) {
    const restDoc: DocumentNode = {
      ...doc,
      definitions: doc.definitions.map((d) =>
        d === op ? { ...op, selectionSet: { ...op.selectionSet, selections: rest } } : d,
      ),
    };
    const r = await runQuery({ ...req, query: print(restDoc) });
    const parsed = JSON.parse(r.body) as { data?: Record<string, unknown>; errors?: unknown };
    if (parsed.errors) return r;
    dbData = parsed.data ?? {};
  }
  const parts: string[] = [];
  try {
    for (const f of collectFields(ad.planner, root, [op.selectionSet], '$', [])) {
      const def = root.getFields()[f.name];
      const a = def ? actionFieldInfo(def.extensions) : undefined;
      const v =
        def && a
          ? asyncQueryInfo(def.extensions)
            ? await runAsyncQuery(ad, a, def, f)
            : await runAction(ad, a, def, f)
          : JSON.stringify(dbData[f.alias] ?? null);
      parts.push(`${JSON.stringify(f.alias)}:${v}`);
    }
  } catch (e) {
    const b = actionErrorBody(e);
    if (b) return result(b, ad.cookies, true);
    if (e instanceof EngineError) {
      const body = JSON.stringify({ errors: [toGraphQLError(e, session.role === 'admin')] });
      return result(body, ad.cookies, e.code !== 'validation-failed');
    }
    throw asExecution(e);
  }
  return result(`{"data":{${parts.join(',')}}}`, ad.cookies);
}
