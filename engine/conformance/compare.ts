/**
 * Response comparison as upstream's `assert_graphql_resp_expected` (tests-py validate.py): status equal; JSON equal
 * with object key order significant only for objects that answer a GraphQL selection set (fragments expanded);
 * leaves (json columns), `errors` and `extensions` compared without regard to key order; `resp_headers` a subset.
 * When both sides carry `errors` but differ, the verdict is `error-soft` (upstream only warns there).
 */
import { Kind, parse } from 'graphql';
import type { DocumentNode, FragmentDefinitionNode, SelectionSetNode } from 'graphql';
import type { Verdict } from './types.js';

/** The selection sets that produce one response object (several when a key is selected more than once). */
type Sel = { sets: readonly SelectionSetNode[]; fragments: ReadonlyMap<string, FragmentDefinitionNode> } | null;

function childSel(sel: Sel, key: string): Sel {
  if (!sel) return null;
  const sets: SelectionSetNode[] = [];
  const visit = (set: SelectionSetNode, seen: Set<string>): void => {
    for (const s of set.selections) {
      if (s.kind === Kind.FIELD) {
        if ((s.alias?.value ?? s.name.value) === key && s.selectionSet) sets.push(s.selectionSet);
      } else if (s.kind === Kind.INLINE_FRAGMENT) {
        visit(s.selectionSet, seen);
      } else {
        const frag = sel.fragments.get(s.name.value);
        if (frag && !seen.has(s.name.value)) visit(frag.selectionSet, new Set([...seen, s.name.value]));
      }
    }
  };
  for (const set of sel.sets) visit(set, new Set());
  return sets.length > 0 ? { sets, fragments: sel.fragments } : null;
}

/** Selection of the operation a request body runs, or null when the body is not one parseable GraphQL request. */
export function operationSelection(body: unknown): Sel {
  if (!body || typeof body !== 'object' || Array.isArray(body)) return null;
  const { query, operationName } = body as { query?: unknown; operationName?: unknown };
  if (typeof query !== 'string') return null;
  let doc: DocumentNode;
  try {
    doc = parse(query);
  } catch {
    return null;
  }
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const d of doc.definitions) if (d.kind === Kind.FRAGMENT_DEFINITION) fragments.set(d.name.value, d);
  const ops = doc.definitions.filter((d) => d.kind === Kind.OPERATION_DEFINITION);
  const op = typeof operationName === 'string' ? (ops.find((o) => o.name?.value === operationName) ?? ops[0]) : ops[0];
  return op ? { sets: [op.selectionSet], fragments } : null;
}

const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** First difference between expected and actual, as a message, or null when equal. */
export function diff(exp: unknown, act: unknown, sel: Sel, path = '$'): string | null {
  if (Array.isArray(exp) || Array.isArray(act)) {
    if (!Array.isArray(exp) || !Array.isArray(act)) return `${path}: expected ${short(exp)}, got ${short(act)}`;
    if (exp.length !== act.length) return `${path}: expected ${exp.length} items, got ${act.length}`;
    for (let i = 0; i < exp.length; i++) {
      const d = diff(exp[i], act[i], sel, `${path}[${i}]`);
      if (d) return d;
    }
    return null;
  }
  if (isObj(exp) || isObj(act)) {
    if (!isObj(exp) || !isObj(act)) return `${path}: expected ${short(exp)}, got ${short(act)}`;
    const ek = Object.keys(exp);
    const ak = Object.keys(act);
    const missing = ek.filter((k) => !(k in act));
    const extra = ak.filter((k) => !(k in exp));
    if (missing.length || extra.length) {
      const got = `${path}: keys differ (missing ${JSON.stringify(missing)}, unexpected ${JSON.stringify(extra)})`;
      return extra.includes('errors') ? `${got}: ${short(act['errors'])}` : got;
    }
    if (sel && ek.some((k, i) => ak[i] !== k)) {
      return `${path}: key order ${JSON.stringify(ak)}, expected ${JSON.stringify(ek)}`;
    }
    for (const k of ek) {
      const d = diff(exp[k], act[k], childSel(sel, k), `${path}.${k}`);
      if (d) return d;
    }
    return null;
  }
  return scalarEqual(exp, act) ? null : `${path}: expected ${short(exp)}, got ${short(act)}`;
}

function scalarEqual(a: unknown, b: unknown): boolean {
  if (typeof a === 'bigint' || typeof b === 'bigint') return String(a) === String(b);
  return a === b || (typeof a === 'number' && typeof b === 'number' && Number.isNaN(a) && Number.isNaN(b));
}

function short(v: unknown): string {
  const s = JSON.stringify(v, (_k, x: unknown) => (typeof x === 'bigint' ? x.toString() : x)) ?? String(v);
  return s.length > 300 ? `${s.slice(0, 297)}...` : s;
}

/** Compare a whole response body: `data` along the selection set, everything else unordered. */
export function diffBody(expected: unknown, actual: unknown, request: unknown): string | null {
  if (isObj(expected) && isObj(actual)) {
    const sel = operationSelection(request);
    const ek = Object.keys(expected).sort();
    const ak = Object.keys(actual).sort();
    if (ek.join('\u0000') !== ak.join('\u0000')) {
      const got = `$: keys ${JSON.stringify(Object.keys(actual))}, expected ${JSON.stringify(Object.keys(expected))}`;
      return 'errors' in actual ? `${got}: ${short(actual['errors'])}` : got;
    }
    for (const k of ek) {
      const d = diff(expected[k], actual[k], k === 'data' ? sel : null, `$.${k}`);
      if (d) return d;
    }
    return null;
  }
  return diff(expected, actual, null);
}

export function hasErrors(v: unknown): boolean {
  if (Array.isArray(v)) return v.some(hasErrors);
  return isObj(v) && 'errors' in v;
}

export interface Expectation {
  status: number;
  response?: unknown;
  resp_headers?: Record<string, unknown>;
  allowed_responses?: { response?: unknown; resp_headers?: Record<string, unknown> }[];
}

export interface Actual {
  status: number;
  body: unknown;
  headers: Record<string, string>;
}

export interface Outcome {
  verdict: Exclude<Verdict, 'skip'>;
  reason?: string;
}

function headersMissing(expected: Record<string, unknown> | undefined, actual: Record<string, string>): string | null {
  if (!expected) return null;
  const lower = new Map(Object.entries(actual).map(([k, v]) => [k.toLowerCase(), v]));
  for (const [k, v] of Object.entries(expected)) {
    if (lower.get(k.toLowerCase()) !== String(v)) {
      return `response header ${k}: expected ${String(v)}, got ${lower.get(k.toLowerCase()) ?? '(absent)'}`;
    }
  }
  return null;
}

/** The verdict of one request. `request` is the body sent (its GraphQL text gives the selection set). */
export function judge(exp: Expectation, act: Actual, request: unknown): Outcome {
  if (exp.status !== act.status) {
    return { verdict: 'fail', reason: `status ${act.status}, expected ${exp.status}: ${short(act.body)}` };
  }
  const alternatives = exp.allowed_responses ?? (exp.response === undefined ? [] : [exp]);
  if (alternatives.length === 0) return { verdict: 'pass' };
  let first: string | null = null;
  for (const alt of alternatives) {
    const d = alt.response === undefined ? null : diffBody(alt.response, act.body, request);
    const h = headersMissing(alt.resp_headers, act.headers);
    if (!d && !h) return { verdict: 'pass' };
    first ??= d ?? h;
  }
  const soft = alternatives.some((a) => hasErrors(a.response)) && hasErrors(act.body);
  return { verdict: soft ? 'error-soft' : 'fail', reason: first ?? 'differs' };
}
