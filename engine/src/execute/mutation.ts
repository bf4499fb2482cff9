/**
 * Mutation operations: every root field in order. Table mutations and asynchronous actions share one transaction;
 * synchronous actions alone run without one (no transaction is held open while their handlers answer, as in Hasura,
 * where an action is its own execution step).
 */
import type { DocumentNode, OperationDefinitionNode } from 'graphql';
import { EngineError, validationFailed } from '../errors.js';
import type { Session } from '../session.js';
import { planMutation } from '../plan/plan-mutation.js';
import type { MutationRootIR } from '../plan/mutation-ir.js';
import type { CollectedField } from '../plan/collect-fields.js';
import { makeCompileContext } from '../compiler/compile-operation.js';
import { executeMutation } from '../executor/execute-mutation.js';
import { actionFieldInfo } from '../schema/build-action-types.js';
import { runAction } from '../actions/run-action.js';
import { startAsyncAction } from '../actions/run-async-action.js';
import { actionDeps, actionErrorBody, asExecution, planInput, result } from './action-context.js';
import type { WriteDeps } from './action-context.js';
import { dataBody } from './envelope.js';
import type { FieldText } from './envelope.js';
import type { ExecuteRequest, ExecuteResult } from './types.js';

function unsupported(r: MutationRootIR): EngineError {
  return new EngineError('unexpected', `unsupported root field ${r.alias}`);
}

/** Root fields run one after another. */
async function actionsOnly(
  roots: readonly MutationRootIR[],
  run: (r: MutationRootIR) => Promise<string>,
): Promise<FieldText[]> {
  const fields: FieldText[] = [];
  for (const r of roots) fields.push({ alias: r.alias, json: await run(r) });
  return fields;
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
    const fields = roots.every((r) => actionOf(r)?.a.asynchronous === false)
      ? await actionsOnly(roots, (r) => {
          const x = actionOf(r);
          return x ? runAction(ad, x.a, x.def, x.f) : Promise.reject(unsupported(r));
        })
      : await executeMutation(
          deps.pool,
          roots,
          ctx,
          (r: MutationRootIR, client) => {
            const x = actionOf(r);
            if (!x) return Promise.reject(unsupported(r));
            return x.a.asynchronous ? startAsyncAction(ad, client, x.a, x.def, x.f) : runAction(ad, x.a, x.def, x.f);
          },
          deps.debug,
        );
    return result(dataBody(fields), ad.cookies);
  } catch (e) {
    const b = actionErrorBody(e);
    if (b) return result(b, ad.cookies, true);
    throw asExecution(e);
  }
}
