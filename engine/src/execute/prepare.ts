/**
 * From a request to a compiled operation bound to its values: parse (cached) → validate for the role (cached) →
 * plan → compile, with the plan cache in front (plan-cache.ts).
 */
import type { DocumentNode, GraphQLSchema, OperationDefinitionNode } from 'graphql';
import { EngineError, validationFailed } from '../errors.js';
import type { Model } from '../model/model-types.js';
import type { Session } from '../session.js';
import { checkVariableDepth, coerceVariables, planOperation, selectOperation } from '../plan/plan-operation.js';
import { compileOperation, makeCompileContext } from '../compiler/compile-operation.js';
import type { CompiledOperation } from '../compiler/compile-operation.js';
import { bindOperation } from '../compiler/bind.js';
import type { Documents } from './documents.js';
import { PlanCache } from './plan-cache.js';
import type { CachedPlan } from './plan-cache.js';
import type { ExecuteRequest } from './types.js';

export interface PrepareContext {
  readonly model: Model;
  readonly documents: Documents;
  readonly plans: PlanCache;
  readonly stringifyNumeric: boolean;
  readonly nullCollapse: boolean;
  schemaFor(role: string): GraphQLSchema | undefined;
}

function roleSchema(ctx: PrepareContext, role: string): GraphQLSchema {
  const schema = ctx.schemaFor(role);
  if (!schema) throw validationFailed('no schema for role', '$');
  return schema;
}

/** The request's operation, compiled and bound to its variables and session (from the plan cache when it can be). */
export function prepare(ctx: PrepareContext, req: ExecuteRequest, session: Session): CompiledOperation {
  if (typeof req.query !== 'string') throw validationFailed("the key 'query' was not present", '$');
  const vars = req.variables ?? {};
  // Before the cache key and the planner walk the values (a hostile value could overflow the stack).
  checkVariableDepth(vars);
  const key = PlanCache.key(session.role, req.query, req.operationName ?? null, vars);
  const hit = key === null ? undefined : ctx.plans.get(key, vars);
  if (hit) return bindCached(ctx, hit, req, session);
  const doc = ctx.documents.parse(req.query);
  const planned = planAndCompile(ctx, { query: req.query, doc, operationName: req.operationName }, vars, session);
  if (key !== null) ctx.plans.set(key, vars, planned);
  return bindOperation(planned.op, { variables: planned.variables, session: session.vars });
}

function bindCached(ctx: PrepareContext, hit: CachedPlan, req: ExecuteRequest, session: Session): CompiledOperation {
  const doc = ctx.documents.parse(req.query);
  const schema = roleSchema(ctx, session.role);
  const variables = coerceVariables(schema, selectOperation(doc, req.operationName), req.variables ?? {});
  for (const n of hit.usedSession) {
    if (session.vars[n] === undefined) throw new EngineError('not-found', `missing session variable: "${n}"`, '$');
  }
  return bindOperation(hit.op, { variables, session: session.vars });
}

export interface ParsedRequest {
  readonly query: string;
  readonly doc: DocumentNode;
  readonly operationName?: string | null | undefined;
  /** Plan only part of the operation (its database fields, when the rest are actions). */
  readonly narrow?: (op: OperationDefinitionNode) => OperationDefinitionNode;
}

/** Validate, plan and compile the request's operation (no cache), with what the plan cache needs to reuse it. */
export function planAndCompile(
  ctx: PrepareContext,
  { query, doc, operationName, narrow }: ParsedRequest,
  inputs: Readonly<Record<string, unknown>>,
  session: Session,
): CachedPlan & { variables: Record<string, unknown> } {
  const schema = roleSchema(ctx, session.role);
  ctx.documents.validate(session.role, schema, query, doc);
  const selected = selectOperation(doc, operationName);
  const op = narrow ? narrow(selected) : selected;
  const variables = coerceVariables(schema, op, inputs);
  const shapeVars = new Set<string>();
  const usedSession = new Set<string>();
  const roots = planOperation({
    model: ctx.model,
    schema,
    role: session.role,
    doc,
    op,
    variables,
    session: session.vars,
    nullCollapse: ctx.nullCollapse,
    shapeVars,
    usedSession,
  });
  const compiled = compileOperation(roots, makeCompileContext(session.vars, ctx.stringifyNumeric, true));
  return { op: compiled, shapeVars, usedSession, variables };
}
