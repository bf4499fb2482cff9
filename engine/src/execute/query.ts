/**
 * Query operations. Without action fields: one compiled statement (from the plan cache when it can be). With action
 * fields at the root: the database fields are planned and compiled as one statement from the same document, the
 * actions run through their handlers, and the answer keeps selection order.
 */
import { Kind, OperationTypeNode } from 'graphql';
import type { DocumentNode, GraphQLObjectType, OperationDefinitionNode, SelectionNode } from 'graphql';
import { EngineError, executing, showsInternal, toGraphQLError } from '../errors.js';
import type { Session } from '../session.js';
import { collectFields } from '../plan/collect-fields.js';
import type { CollectedField } from '../plan/collect-fields.js';
import { bindOperation } from '../compiler/bind.js';
import { executeCompiled } from '../executor/execute-compiled.js';
import { actionFieldInfo, asyncQueryInfo } from '../schema/build-action-types.js';
import type { ActionDeps } from '../actions/run-action.js';
import { runAction } from '../actions/run-action.js';
import { runAsyncQuery } from '../actions/run-async-action.js';
import { actionDeps, actionErrorBody, asExecution, planInput, result } from './action-context.js';
import type { WriteDeps } from './action-context.js';
import { dataBody } from './envelope.js';
import type { FieldText } from './envelope.js';
import { planAndCompile, prepare } from './prepare.js';
import type { PrepareContext } from './prepare.js';
import type { ExecuteRequest, ExecuteResult } from './types.js';

export interface QueryDeps extends WriteDeps {
  readonly prepare: PrepareContext;
}

export async function executeQueryOperation(
  deps: QueryDeps,
  doc: DocumentNode,
  op: OperationDefinitionNode,
  req: ExecuteRequest,
  session: Session,
  headers: Readonly<Record<string, string>>,
): Promise<ExecuteResult> {
  const root = op.operation === OperationTypeNode.QUERY ? deps.schemaFor(session.role, false)?.getQueryType() : null;
  if (root && op.selectionSet.selections.some((s) => isAction(root, s))) {
    return executeWithActions(deps, root, doc, op, req, session, headers);
  }
  const compiled = prepare(deps.prepare, req, session);
  return { body: dataBody(await executing(() => executeCompiled(deps.pool, compiled))) };
}

function isAction(root: GraphQLObjectType, s: SelectionNode): boolean {
  if (s.kind !== Kind.FIELD) return false;
  const def = root.getFields()[s.name.value];
  return !!def && !!actionFieldInfo(def.extensions);
}

async function executeWithActions(
  deps: QueryDeps,
  root: GraphQLObjectType,
  doc: DocumentNode,
  op: OperationDefinitionNode,
  req: ExecuteRequest,
  session: Session,
  headers: Readonly<Record<string, string>>,
): Promise<ExecuteResult> {
  const schema = deps.schemaFor(session.role, false);
  if (!schema) throw new EngineError('unexpected', 'no schema for role');
  const ad = actionDeps(deps, planInput(deps, schema, doc, op, req, session), req, session, headers);
  const db = await databaseFields(deps, root, doc, op, req, session);
  try {
    const fields: FieldText[] = [];
    for (const f of collectFields(ad.planner, root, [op.selectionSet], '$', [])) {
      fields.push({ alias: f.alias, json: await actionOrDatabase(ad, root, f, db) });
    }
    return result(dataBody(fields), ad.cookies);
  } catch (e) {
    const b = actionErrorBody(e);
    if (b) return result(b, ad.cookies, true);
    if (e instanceof EngineError) {
      const body = JSON.stringify({ errors: [toGraphQLError(e, showsInternal(deps.internalErrors, session.role))] });
      return result(body, ad.cookies, e.code !== 'validation-failed');
    }
    throw asExecution(e);
  }
}

/** The operation's database root fields as one statement, by response key (none when every root is an action). */
async function databaseFields(
  deps: QueryDeps,
  root: GraphQLObjectType,
  doc: DocumentNode,
  op: OperationDefinitionNode,
  req: ExecuteRequest,
  session: Session,
): Promise<ReadonlyMap<string, string>> {
  const narrow = (o: OperationDefinitionNode): OperationDefinitionNode => ({
    ...o,
    selectionSet: { ...o.selectionSet, selections: o.selectionSet.selections.filter((s) => !isAction(root, s)) },
  });
  if (narrow(op).selectionSet.selections.length === 0) return new Map();
  const planned = planAndCompile(
    deps.prepare,
    { query: req.query, doc, operationName: req.operationName, narrow },
    req.variables ?? {},
    session,
  );
  const compiled = bindOperation(planned.op, { variables: planned.variables, session: session.vars });
  const fields = await executing(() => executeCompiled(deps.pool, compiled));
  return new Map(fields.map((f) => [f.alias, f.json]));
}

function actionOrDatabase(
  ad: ActionDeps,
  root: GraphQLObjectType,
  f: CollectedField,
  db: ReadonlyMap<string, string>,
): Promise<string> | string {
  const def = root.getFields()[f.name];
  const a = def ? actionFieldInfo(def.extensions) : undefined;
  if (!def || !a) return db.get(f.alias) ?? 'null';
  return asyncQueryInfo(def.extensions) ? runAsyncQuery(ad, a, def, f) : runAction(ad, a, def, f);
}
