/**
 * `stripGuardedSelections(doc, 'hasEvals')`: the document as a role without evaluation access runs it, i.e. without
 * the selections under `@include(if: $hasEvals)` (and `@skip(if: $hasEvals)` kept as is). Used by the tests to
 * prove that a document's unguarded part is valid for the lower roles.
 */
import { Kind, visit, type DirectiveNode, type DocumentNode } from 'graphql';

function guardedBy(directives: readonly DirectiveNode[] | undefined, variable: string): boolean {
  return (directives ?? []).some(
    (d) =>
      d.name.value === 'include' &&
      d.arguments?.some(
        (a) => a.name.value === 'if' && a.value.kind === Kind.VARIABLE && a.value.name.value === variable,
      ),
  );
}

export function stripGuardedSelections(doc: DocumentNode, variable: string): DocumentNode {
  const stripped = visit(doc, {
    Field: (node) => (guardedBy(node.directives, variable) ? null : undefined),
    InlineFragment: (node) => (guardedBy(node.directives, variable) ? null : undefined),
    FragmentSpread: (node) => (guardedBy(node.directives, variable) ? null : undefined),
  });
  let stillUsed = false;
  visit(stripped, {
    VariableDefinition: () => false,
    Variable: (node) => {
      if (node.name.value === variable) stillUsed = true;
    },
  });
  if (stillUsed) return stripped;
  return visit(stripped, {
    VariableDefinition: (node) => (node.variable.name.value === variable ? null : undefined),
  });
}
