/**
 * What an operation with action fields needs, shared by mutations (mutation.ts) and queries (query.ts): the planner
 * input, the dependencies of the action runner, and how handler errors and cookies reach the response.
 */
import type pg from 'pg';
import type { DocumentNode, GraphQLSchema, OperationDefinitionNode } from 'graphql';
import { OperationTypeNode } from 'graphql';
import { EngineError, markExecution } from '../errors.js';
import type { InternalErrors } from '../errors.js';
import type { ActionsConfig } from '../config/runtime-config.js';
import type { Model } from '../model/model-types.js';
import type { Session } from '../session.js';
import { coerceVariables, validateDocument } from '../plan/plan-operation.js';
import { mutationPlannerContext } from '../plan/plan-mutation.js';
import type { MutationPlanInput } from '../plan/plan-mutation.js';
import { makeCompileContext } from '../compiler/compile-operation.js';
import type { CatalogStore } from '../executor/catalog-pool.js';
import type { ActionDeps } from '../actions/run-action.js';
import { ActionError } from '../actions/run-action.js';
import type { ExecuteRequest, ExecuteResult } from './types.js';

export interface WriteDeps {
  readonly pool: pg.Pool;
  /** Where `hdb_catalog.hdb_action_log` lives (executor/catalog-pool.ts). */
  readonly catalog: CatalogStore;
  /** Who sees `extensions.internal` (config/internal-errors.ts). */
  readonly internalErrors: InternalErrors;
  /** `ENGINE_DEBUG`: database errors of mutations on stderr. */
  readonly debug: boolean;
  readonly model: Model;
  readonly actions: ActionsConfig;
  readonly stringifyNumeric: boolean;
  readonly nullCollapse: boolean;
  schemaFor(role: string, backendOnly: boolean): GraphQLSchema | undefined;
}

export function isMutation(op: OperationDefinitionNode): boolean {
  return op.operation === OperationTypeNode.MUTATION;
}

export function planInput(
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

export function actionDeps(
  deps: WriteDeps,
  input: MutationPlanInput,
  req: ExecuteRequest,
  session: Session,
  headers: Readonly<Record<string, string>>,
): ActionDeps {
  return {
    pool: deps.pool,
    catalog: deps.catalog,
    actions: deps.actions,
    planner: mutationPlannerContext(input),
    compile: () => makeCompileContext(session.vars, deps.stringifyNumeric),
    session,
    query: req.query,
    clientHeaders: headers,
    cookies: [],
  };
}

export function result(body: string, cookies: readonly string[], execError = false): ExecuteResult {
  const c = cookies[0];
  const r: ExecuteResult = c === undefined ? { body } : { body, headers: { 'Set-Cookie': c } };
  if (execError) r.execError = true;
  return r;
}

/** Errors while running the fields are execution errors, except a selection the action's output cannot answer. */
export function asExecution(e: unknown): unknown {
  return e instanceof EngineError && e.code === 'validation-failed' ? e : markExecution(e);
}

/** Handler errors with their own `extensions` are rendered verbatim (A6: 4xx mapping). */
export function actionErrorBody(e: unknown): string | null {
  return e instanceof ActionError
    ? JSON.stringify({ errors: [{ message: e.message, extensions: e.extensions }] })
    : null;
}
