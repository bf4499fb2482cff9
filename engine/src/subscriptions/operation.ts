/**
 * Which operation a websocket `start`/`subscribe` carries, and Hasura's subscription rules before compiling
 * (src: Hasura/GraphQL/Execute.hs `getResolvedExecPlan` — one root field unless the operation carries the
 * `@_multiple_top_level_fields` directive, src: schema-parsers Directives.hs). A document that does not parse or has no
 * selectable operation is left to `Runtime.execute`, which reports the error exactly as over HTTP.
 */
import { Kind, OperationTypeNode, parse, print } from 'graphql';
import type { DocumentNode, OperationDefinitionNode } from 'graphql';
import { validationFailed } from '../errors.js';
import type { ExecuteRequest } from '../execute/types.js';

export const MULTIPLE_TOP_LEVEL_FIELDS = '_multiple_top_level_fields';

export type Classified = { kind: 'other' } | { kind: 'subscription'; req: ExecuteRequest };

function pickOperation(doc: DocumentNode, name: string | null | undefined): OperationDefinitionNode | undefined {
  const ops = doc.definitions.filter((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION);
  if (name) return ops.find((o) => o.name?.value === name);
  return ops.length === 1 ? ops[0] : undefined;
}

/** Throws `validation-failed` for a subscription with several root fields and no directive. */
export function classifyOperation(req: ExecuteRequest): Classified {
  let doc: DocumentNode;
  try {
    doc = parse(req.query, { maxTokens: 100_000 });
  } catch {
    return { kind: 'other' };
  }
  const op = pickOperation(doc, req.operationName);
  if (!op || op.operation !== OperationTypeNode.SUBSCRIPTION) return { kind: 'other' };
  const multiple = (op.directives ?? []).some((d) => d.name.value === MULTIPLE_TOP_LEVEL_FIELDS);
  const count = op.selectionSet.selections.length;
  if (!multiple) {
    if (count > 1) throw validationFailed('subscriptions must select one top level field', '$');
    return { kind: 'subscription', req };
  }
  // The directive is not part of the role schemas: drop it; several root fields are validated as one query
  // operation (graphql-js would otherwise apply the single-root-field rule with its own wording).
  const rewritten: OperationDefinitionNode = {
    ...op,
    directives: (op.directives ?? []).filter((d) => d.name.value !== MULTIPLE_TOP_LEVEL_FIELDS),
    ...(count > 1 ? { operation: OperationTypeNode.QUERY } : {}),
  };
  const out: DocumentNode = { ...doc, definitions: doc.definitions.map((d) => (d === op ? rewritten : d)) };
  return { kind: 'subscription', req: { ...req, query: print(out) } };
}
