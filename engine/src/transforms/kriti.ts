/**
 * A small, pure Kriti interpreter (src: hasura/kriti-lang `src/Kriti/Eval.hs`, `src/Kriti/Error.hs`; README): parse
 * with `parseKriti` (kriti-parse.ts), evaluate against bindings such as `$body` with `evalKriti`, or both with
 * `runKriti`. Values are JSON; `<`/`>` order values as Haskell's derived `Ord` on Aeson's `Value` does (objects <
 * arrays < strings < numbers < booleans < null); `&&`/`||` evaluate both sides; a `range` yields an array; optional
 * lookups (`?.`, `?[…]`, `$x?`) short-circuit the rest of their path to null. Errors are `KritiError`s with Kriti's
 * codes and messages.
 */
import type { Span } from './kriti-lexer.js';
import type { KritiNode, KritiTemplate } from './kriti-parse.js';
import { KritiError, parseKriti } from './kriti-parse.js';
import type { Json, KritiFunction } from './kriti-functions.js';
import { BASIC_FUNCTIONS, KritiFunctionError } from './kriti-functions.js';

export type { Json, KritiFunction } from './kriti-functions.js';
export type { KritiErrorCode, KritiTemplate, SerializedKritiError } from './kriti-parse.js';
export { KritiError, parseKriti } from './kriti-parse.js';
export { BASIC_FUNCTIONS, KritiFunctionError, sessionFunctions } from './kriti-functions.js';

type Obj = { [key: string]: Json };
const SHORT = Symbol('optional-lookup-missed');
type Val = Json | typeof SHORT;

interface Env {
  readonly vars: ReadonlyMap<string, Json>;
  readonly fns: Readonly<Record<string, KritiFunction>>;
}

const isObj = (v: Json): v is Obj => v !== null && typeof v === 'object' && !Array.isArray(v);

/** Kriti's `typeOfJSON`. */
function typeOf(v: Json): string {
  if (v === null) return 'Null';
  if (Array.isArray(v)) return 'Array';
  if (typeof v === 'object') return 'Object';
  return typeof v === 'string' ? 'String' : typeof v === 'number' ? 'Number' : 'Boolean';
}

const RANK: Readonly<Record<string, number>> = { Object: 0, Array: 1, String: 2, Number: 3, Boolean: 4, Null: 5 };

function compareStrings(a: string, b: string): number {
  const x = Array.from(a, (c) => c.codePointAt(0) ?? 0);
  const y = Array.from(b, (c) => c.codePointAt(0) ?? 0);
  for (let i = 0; i < Math.min(x.length, y.length); i++) if (x[i] !== y[i]) return (x[i] ?? 0) - (y[i] ?? 0);
  return x.length - y.length;
}

function compareLists(a: readonly Json[], b: readonly Json[]): number {
  for (let i = 0; i < Math.min(a.length, b.length); i++) {
    const c = compareJson(a[i] ?? null, b[i] ?? null);
    if (c !== 0) return c;
  }
  return a.length - b.length;
}

/** Haskell's derived `Ord` on Aeson `Value` (constructor order, then contents; objects as sorted key/value lists). */
export function compareJson(a: Json, b: Json): number {
  const ta = typeOf(a);
  const tb = typeOf(b);
  if (ta !== tb) return (RANK[ta] ?? 0) - (RANK[tb] ?? 0);
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  if (typeof a === 'string' && typeof b === 'string') return compareStrings(a, b);
  if (typeof a === 'boolean' && typeof b === 'boolean') return Number(a) - Number(b);
  if (Array.isArray(a) && Array.isArray(b)) return compareLists(a, b);
  if (isObj(a) && isObj(b)) {
    const pairs = (o: Obj): Json[] =>
      Object.keys(o)
        .sort(compareStrings)
        .map((k) => [k, o[k] ?? null]);
    return compareLists(pairs(a), pairs(b));
  }
  return 0;
}

export const jsonEqual = (a: Json, b: Json): boolean => compareJson(a, b) === 0;

/** Aeson's `encode`, as Kriti uses it in messages and string interpolation. */
const encode = (v: Json): string => JSON.stringify(v);

function notBool(v: Json, sp: Span): KritiError {
  return new KritiError('Type Error', `'${encode(v)}' is not a boolean.`, sp);
}

/** Haskell `show` of an Aeson value, as Kriti's `in` errors print it. */
function show(v: Json): string {
  if (v === null) return 'Null';
  if (typeof v === 'boolean') return `Bool ${v ? 'True' : 'False'}`;
  if (typeof v === 'number') return `Number ${Number.isInteger(v) ? `${v}.0` : String(v)}`;
  if (typeof v === 'string') return `String ${JSON.stringify(v)}`;
  if (Array.isArray(v)) return `Array [${v.map(show).join(',')}]`;
  return `Object (fromList [${Object.entries(v)
    .map(([k, x]) => `(${JSON.stringify(k)},${show(x)})`)
    .join(',')}])`;
}

function binary(env: Env, n: Extract<KritiNode, { k: 'bin' }>): Json {
  if (n.op === '??') {
    const l = evaluate(env, n.l);
    return l === null ? evaluate(env, n.r) : l;
  }
  const l = evaluate(env, n.l);
  const r = evaluate(env, n.r);
  switch (n.op) {
    case '==':
      return jsonEqual(l, r);
    case '!=':
      return !jsonEqual(l, r);
    case '<':
      return compareJson(l, r) < 0;
    case '>':
      return compareJson(l, r) > 0;
    case '<=':
      return compareJson(l, r) <= 0;
    case '>=':
      return compareJson(l, r) >= 0;
    case '&&':
    case '||':
      if (typeof l === 'boolean' && typeof r === 'boolean') return n.op === '&&' ? l && r : l || r;
      throw notBool(typeof r === 'boolean' ? l : r, n.sp);
    case 'in':
      if (isObj(r)) {
        if (typeof l !== 'string') throw new KritiError('Type Error', `${show(l)} is not a String.`, n.sp);
        return Object.prototype.hasOwnProperty.call(r, l);
      }
      if (Array.isArray(r)) return r.some((x) => jsonEqual(x, l));
      throw new KritiError('Type Error', `${show(r)} is not an Object or Array.`, n.sp);
  }
}

function lookup(env: Env, n: Extract<KritiNode, { k: 'field' }>): Val {
  const base = evalRaw(env, n.target);
  if (base === SHORT) return SHORT;
  const key = evaluate(env, n.key);
  if (base === null && n.optional) return SHORT;
  if (isObj(base)) {
    if (typeof key !== 'string')
      throw new KritiError('Type Error', `Unexpected type '${typeOf(key)}', expected a string.`, n.sp);
    if (Object.prototype.hasOwnProperty.call(base, key)) return base[key] ?? null;
    if (n.optional) return SHORT;
    throw new KritiError('Invalid Path', `"${key}"`, n.sp);
  }
  if (Array.isArray(base)) {
    if (typeof key !== 'number')
      throw new KritiError('Type Error', `Unexpected type '${typeOf(key)}', expected an integer.`, n.sp);
    if (!Number.isInteger(key))
      throw new KritiError('Type Error', `Unexpected Float '${key}', expected an integer.`, n.sp);
    if (key >= 0 && key < base.length) return base[key] ?? null;
    if (n.optional) return SHORT;
    throw new KritiError('Range Error', 'Can only range over an array', n.sp);
  }
  throw new KritiError('Type Error', `Unexpected type '${typeOf(base)}' expected an Object or an Array.`, n.sp);
}

function apply(env: Env, n: Extract<KritiNode, { k: 'ap' }>): Json {
  if (n.fn.k !== 'var')
    throw new KritiError('Function Error', 'Type mismatch in function application. (fix this message)', n.sp);
  const arg = evaluate(env, n.arg);
  const f = env.fns[n.fn.name];
  if (!f || !Object.prototype.hasOwnProperty.call(env.fns, n.fn.name))
    throw new KritiError('Function Error', `Ap ${n.fn.name} is not defined.`, n.sp);
  try {
    return f(arg);
  } catch (e) {
    if (e instanceof KritiFunctionError) throw new KritiError('Function Error', e.message, n.arg.sp);
    throw e;
  }
}

function interpolate(env: Env, n: Extract<KritiNode, { k: 'str' }>): Json {
  let out = '';
  for (const p of n.parts) {
    if (typeof p === 'string') {
      out += p;
      continue;
    }
    const v = evaluate(env, p);
    if (typeof v === 'string') out += v;
    else if (typeof v === 'number' || typeof v === 'boolean') out += encode(v);
    else throw new KritiError('Type Error', `Cannot interpolate type: '${typeOf(v)}'.`, n.sp);
  }
  return out;
}

function range(env: Env, n: Extract<KritiNode, { k: 'range' }>): Json {
  const xs = evaluate(env, n.src);
  if (!Array.isArray(xs)) throw new KritiError('Range Error', 'Can only range over an array', n.sp);
  return xs.map((x, i) => {
    const vars = new Map(env.vars);
    vars.set(n.bind, x);
    if (n.idx !== null) vars.set(n.idx, i);
    return evaluate({ ...env, vars }, n.body);
  });
}

function evalRaw(env: Env, n: KritiNode): Val {
  switch (n.k) {
    case 'lit':
      return n.v;
    case 'str':
      return interpolate(env, n);
    case 'arr':
      return n.items.map((x) => evaluate(env, x));
    case 'obj': {
      const out: Obj = {};
      for (const [k, v] of n.fields) out[k] = evaluate(env, v);
      return out;
    }
    case 'var': {
      if (env.vars.has(n.name)) return env.vars.get(n.name) ?? null;
      if (n.optional) return SHORT;
      throw new KritiError('Invalid Path', `"${n.name}"`, n.sp);
    }
    case 'field':
      return lookup(env, n);
    case 'ap':
      return apply(env, n);
    case 'bin':
      return binary(env, n);
    case 'if': {
      const c = evaluate(env, n.cond);
      if (typeof c !== 'boolean') throw notBool(c, n.sp);
      return c ? evaluate(env, n.then) : n.else ? evaluate(env, n.else) : null;
    }
    case 'range':
      return range(env, n);
  }
}

function evaluate(env: Env, n: KritiNode): Json {
  const v = evalRaw(env, n);
  return v === SHORT ? null : v;
}

/** Evaluate a parsed template. `functions` come on top of Kriti's basic functions. */
export function evalKriti(
  template: KritiTemplate,
  bindings: Readonly<Record<string, Json>>,
  functions: Readonly<Record<string, KritiFunction>> = {},
): Json {
  const env: Env = { vars: new Map(Object.entries(bindings)), fns: { ...BASIC_FUNCTIONS, ...functions } };
  return evaluate(env, template.root);
}

/** Parse and evaluate (Hasura's `runKritiWith` with the basic functions). */
export function runKriti(
  src: string,
  bindings: Readonly<Record<string, Json>>,
  functions: Readonly<Record<string, KritiFunction>> = {},
): Json {
  return evalKriti(parseKriti(src), bindings, functions);
}
