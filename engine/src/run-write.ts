/**
 * The write path of the runtime: mutation operations (all root fields in one transaction) and, later, operations
 * with action fields. Kept apart from runtime-impl.ts (the read path) so each stays small.
 */
import type pg from 'pg';
import { Kind, OperationTypeNode } from 'graphql';
import type { DocumentNode, GraphQLSchema, OperationDefinitionNode } from 'graphql';
import { validationFailed } from './errors.js';
import type { Model } from './model/model-types.js';
import type { Session } from './session.js';
import { coerceVariables, validateDocument } from './plan/plan-operation.js';
import { planMutation } from './plan/plan-mutation.js';
import type { MutationRootIR } from './plan/mutation-ir.js';
import { makeCompileContext } from './compiler/compile-operation.js';
import { executeMutation } from './executor/execute-mutation.js';
import type { ExecuteRequest } from './runtime.js';

export interface WriteDeps {
  readonly pool: pg.Pool;
  readonly model: Model;
  readonly stringifyNumeric: boolean;
  readonly nullCollapse: boolean;
  schemaFor(role: string, backendOnly: boolean): GraphQLSchema | undefined;
}

export function isMutation(op: OperationDefinitionNode): boolean {
  return op.operation === OperationTypeNode.MUTATION;
}

/** Execute a mutation operation; returns the response body JSON text (throws EngineError on failure). */
export async function executeMutationOperation(
  deps: WriteDeps,
  doc: DocumentNode,
  op: OperationDefinitionNode,
  req: ExecuteRequest,
  session: Session,
): Promise<string> {
  const schema = deps.schemaFor(session.role, session.backendOnly);
  if (!schema) throw validationFailed('no schema for role', '$');
  if (!schema.getMutationType()) throw validationFailed('no mutations exist', '$');
  validateDocument(schema, { kind: Kind.DOCUMENT, definitions: doc.definitions });
  const variables = coerceVariables(schema, op, req.variables ?? {});
  const roots = planMutation(
    { model: deps.model, schema, role: session.role, doc, op, variables, session: session.vars, nullCollapse: deps.nullCollapse, backendOnly: session.backendOnly },
    (f) => {
      throw validationFailed(`field '${f.name}' not found in type: 'mutation_root'`, f.path);
    },
  );
  const ctx = makeCompileContext(session.vars, deps.stringifyNumeric);
  return executeMutation(deps.pool, roots, ctx, (r: MutationRootIR) => Promise.reject(new Error(`unsupported root ${r.kind}`)));
}
