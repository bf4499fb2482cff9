/**
 * Field collection (the GraphQL spec's CollectFields algorithm) with Hasura's error paths: fragment names appear in the
 * path (`$.selectionSet.author.selectionSet.authorFragment.selectionSet.articles`), and a fragment cycle is
 * reported as `the fragment definition(s) a and b form a cycle` (src: Hasura/GraphQL/Parser/Collect.hs).
 * As in the spec, a fragment spread already visited in one collection is skipped (`visitedFragments`): its fields
 * are merged already, and without that, fragments that each spread the next one twice cost 2^n.
 */
import { Kind, typeFromAST, isObjectType } from 'graphql';
import type {
  FieldNode,
  FragmentDefinitionNode,
  GraphQLObjectType,
  GraphQLSchema,
  SelectionSetNode,
  DirectiveNode,
} from 'graphql';
import { validationFailed } from '../errors.js';

export interface CollectedField {
  readonly alias: string;
  readonly name: string;
  readonly nodes: FieldNode[];
  /** JSON path of this field, e.g. `$.selectionSet.author`. */
  readonly path: string;
  /** Fragments open around this field (cycle detection). */
  readonly fragStack: readonly string[];
}

export interface CollectContext {
  readonly schema: GraphQLSchema;
  readonly fragments: ReadonlyMap<string, FragmentDefinitionNode>;
  readonly variables: Readonly<Record<string, unknown>>;
  /** Variables whose values decide the plan (plan cache); `@skip`/`@include` variables are added. */
  readonly shapeVars?: Set<string>;
}

function directiveValue(
  d: DirectiveNode,
  vars: Readonly<Record<string, unknown>>,
  shape: Set<string> | undefined,
): boolean {
  const arg = d.arguments?.find((a) => a.name.value === 'if');
  if (!arg) return false;
  if (arg.value.kind === Kind.BOOLEAN) return arg.value.value;
  if (arg.value.kind === Kind.VARIABLE) {
    shape?.add(arg.value.name.value);
    return vars[arg.value.name.value] === true;
  }
  return false;
}

function included(
  directives: readonly DirectiveNode[] | undefined,
  vars: Readonly<Record<string, unknown>>,
  shape?: Set<string>,
): boolean {
  for (const d of directives ?? []) {
    if (d.name.value === 'skip' && directiveValue(d, vars, shape)) return false;
    if (d.name.value === 'include' && !directiveValue(d, vars, shape)) return false;
  }
  return true;
}

function typeApplies(ctx: CollectContext, typeName: string | undefined, parent: GraphQLObjectType): boolean {
  if (typeName === undefined) return true;
  return typeName === parent.name;
}

function formatCycle(names: readonly string[]): string {
  if (names.length <= 1) return names.join('');
  return `${names.slice(0, -1).join(', ')} and ${names[names.length - 1] ?? ''}`;
}

/** Collect the fields of `set` on `parent`, merging same response keys in first-seen order. */
export function collectFields(
  ctx: CollectContext,
  parent: GraphQLObjectType,
  sets: readonly SelectionSetNode[],
  path: string,
  fragStack: readonly string[],
): CollectedField[] {
  const byAlias = new Map<string, CollectedField>();
  const visitedFragments = new Set<string>();
  const visit = (set: SelectionSetNode, prefix: string, stack: readonly string[]): void => {
    for (const sel of set.selections) {
      if (!included(sel.directives, ctx.variables, ctx.shapeVars)) continue;
      if (sel.kind === Kind.FIELD) {
        const alias = sel.alias?.value ?? sel.name.value;
        const existing = byAlias.get(alias);
        if (existing) existing.nodes.push(sel);
        else
          byAlias.set(alias, {
            alias,
            name: sel.name.value,
            nodes: [sel],
            path: `${prefix}.${alias}`,
            fragStack: stack,
          });
      } else if (sel.kind === Kind.INLINE_FRAGMENT) {
        const tc = sel.typeCondition ? typeFromAST(ctx.schema, sel.typeCondition) : undefined;
        if (sel.typeCondition && !(tc && isObjectType(tc) && tc.name === parent.name)) continue;
        visit(sel.selectionSet, prefix, stack);
      } else {
        const name = sel.name.value;
        const frag = ctx.fragments.get(name);
        if (!frag) throw validationFailed(`fragment '${name}' not found`, prefix);
        const idx = stack.indexOf(name);
        if (idx >= 0) {
          throw validationFailed(
            `the fragment definition(s) ${formatCycle(stack.slice(idx))} form a cycle`,
            prefix.replace(/\.selectionSet$/, '') + '.selectionSet',
          );
        }
        if (visitedFragments.has(name)) continue;
        visitedFragments.add(name);
        if (!typeApplies(ctx, frag.typeCondition.name.value, parent)) continue;
        visit(frag.selectionSet, `${prefix}.${name}.selectionSet`, [...stack, name]);
      }
    }
  };
  for (const s of sets) visit(s, `${path}.selectionSet`, fragStack);
  return [...byAlias.values()];
}

/** The merged sub-selection sets of a collected field. */
export function subSelections(f: CollectedField): SelectionSetNode[] {
  return f.nodes.flatMap((n) => (n.selectionSet ? [n.selectionSet] : []));
}
