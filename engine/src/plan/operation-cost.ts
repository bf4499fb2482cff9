/**
 * What an operation costs before anything plans it (api-limits.ts says which limits apply): checked right after
 * parsing, before graphql-js validation and the planner, so a hostile document is refused in time linear in its
 * size. No schema is needed: type conditions are taken to apply and `@skip`/`@include` are ignored, so counts
 * only err on the high side.
 *
 * - depth: the deepest nesting of fields with a selection set, fragments memoised (each is measured once however
 *   often it is spread); `__schema`/`__type` subtrees are not counted (Hasura exempts introspection).
 * - nodes: fields with a selection set in the response shape, same response keys merged (Hasura's node limit).
 * - fields: field selections the planner visits, a repeated fragment spread counted once per selection set as the
 *   planner does (plan/collect-fields.ts); this bounds leaf alias floods, which the node limit does not see.
 *
 * Nodes and fields are counted with a budget and the walk stops at the first one over its limit, so a document
 * whose response shape grows exponentially (aliased fragments spreading the next one twice) costs the budget,
 * not its size.
 */
import { Kind } from 'graphql';
import type { FragmentDefinitionNode, OperationDefinitionNode, SelectionSetNode } from 'graphql';
import { validationFailed } from '../errors.js';

export interface OperationLimits {
  readonly depth?: number | undefined;
  readonly nodes?: number | undefined;
  readonly fields?: number | undefined;
}

type Fragments = ReadonlyMap<string, FragmentDefinitionNode>;

const INTROSPECTION = new Set(['__schema', '__type']);

/** Depth of `set` (a field with a selection set is 1 + the depth of that set); fragment cycles count 0. */
export function selectionDepth(set: SelectionSetNode, fragments: Fragments): number {
  const memo = new Map<string, number>();
  const open = new Set<string>();
  const depthOf = (s: SelectionSetNode): number => {
    let max = 0;
    for (const sel of s.selections) {
      let d = 0;
      if (sel.kind === Kind.FIELD) {
        if (sel.selectionSet && !INTROSPECTION.has(sel.name.value)) d = 1 + depthOf(sel.selectionSet);
      } else if (sel.kind === Kind.INLINE_FRAGMENT) d = depthOf(sel.selectionSet);
      else {
        const name = sel.name.value;
        const known = memo.get(name);
        const frag = fragments.get(name);
        if (known !== undefined) d = known;
        else if (frag && !open.has(name)) {
          open.add(name);
          d = depthOf(frag.selectionSet);
          open.delete(name);
          memo.set(name, d);
        }
      }
      if (d > max) max = d;
    }
    return max;
  };
  return depthOf(set);
}

class OverBudget extends Error {
  constructor(readonly what: 'nodes' | 'fields') {
    super(what);
  }
}

/** The fragments open around a selection set, innermost first (spreading one of them again would be a cycle). */
type Chain = { readonly name: string; readonly up: Chain } | null;

function opens(chain: Chain, name: string): boolean {
  for (let c = chain; c !== null; c = c.up) if (c.name === name) return true;
  return false;
}

interface Scoped {
  readonly set: SelectionSetNode;
  readonly chain: Chain;
}

/**
 * Walk the merged response shape of `set`, counting field selections and fields with a selection set, and throw
 * {@link OverBudget} as soon as one passes its budget.
 */
function walkShape(set: SelectionSetNode, fragments: Fragments, maxNodes: number, maxFields: number): void {
  let nodes = 0;
  let fields = 0;
  /** Response key → the sub-selection sets of its merged fields (empty for a leaf), each with its own chain. */
  const collect = (sets: readonly Scoped[]): Map<string, Scoped[]> => {
    const groups = new Map<string, Scoped[]>();
    const visited = new Set<string>();
    const visit = (s: SelectionSetNode, chain: Chain): void => {
      for (const sel of s.selections) {
        if (sel.kind === Kind.FIELD) {
          if (++fields > maxFields) throw new OverBudget('fields');
          const key = sel.alias?.value ?? sel.name.value;
          let g = groups.get(key);
          if (!g) groups.set(key, (g = []));
          if (sel.selectionSet) g.push({ set: sel.selectionSet, chain });
        } else if (sel.kind === Kind.INLINE_FRAGMENT) visit(sel.selectionSet, chain);
        else {
          const name = sel.name.value;
          const frag = fragments.get(name);
          if (!frag || visited.has(name) || opens(chain, name)) continue;
          visited.add(name);
          visit(frag.selectionSet, { name, up: chain });
        }
      }
    };
    for (const s of sets) visit(s.set, s.chain);
    return groups;
  };
  const walk = (sets: readonly Scoped[]): void => {
    for (const subs of collect(sets).values()) {
      if (subs.length === 0) continue;
      if (++nodes > maxNodes) throw new OverBudget('nodes');
      walk(subs);
    }
  };
  walk([{ set, chain: null }]);
}

/** Refuse `op` when it is deeper, has more nodes or more fields than `limits` allow (`validation-failed`, `$`). */
export function checkOperationCost(op: OperationDefinitionNode, fragments: Fragments, limits: OperationLimits): void {
  if (limits.depth !== undefined) {
    const depth = selectionDepth(op.selectionSet, fragments);
    if (depth > limits.depth) throw validationFailed(`query depth ${depth} exceeds the depth limit of ${limits.depth}`);
  }
  if (limits.nodes === undefined && limits.fields === undefined) return;
  const maxNodes = limits.nodes ?? Infinity;
  const maxFields = limits.fields ?? Infinity;
  try {
    walkShape(op.selectionSet, fragments, maxNodes, maxFields);
  } catch (e) {
    if (!(e instanceof OverBudget)) throw e;
    throw e.what === 'nodes'
      ? validationFailed(`query has more than ${maxNodes} nodes (the node limit)`)
      : validationFailed(`query has more than ${maxFields} fields (the field limit)`);
  }
}

/** The fragment definitions of a document by name. */
export function fragmentsOf(definitions: readonly { kind: Kind }[]): Map<string, FragmentDefinitionNode> {
  const out = new Map<string, FragmentDefinitionNode>();
  for (const d of definitions)
    if (d.kind === Kind.FRAGMENT_DEFINITION) {
      const f = d as FragmentDefinitionNode;
      out.set(f.name.value, f);
    }
  return out;
}
