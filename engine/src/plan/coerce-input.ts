/**
 * Input coercion with Hasura's messages (src: Hasura/GraphQL/Parser/Internal/Scalars.hs and Input.hs): the engine
 * skips graphql-js's ValuesOfCorrectTypeRule and checks argument values here, so that errors carry Hasura's
 * message and JSON path (`$.selectionSet.author.args.where.id._unexpected`).
 */
import {
  Kind,
  isEnumType,
  isInputObjectType,
  isListType,
  isNonNullType,
  isScalarType,
  valueFromASTUntyped,
} from 'graphql';
import type { GraphQLInputType, ValueNode } from 'graphql';
import { validationFailed } from '../errors.js';
import { COLUMN_VALUE } from '../schema/build-scalars.js';

export function describe(v: unknown): string {
  if (v === null || v === undefined) return 'null';
  if (typeof v === 'string') return 'a string';
  if (typeof v === 'boolean') return 'a boolean';
  if (typeof v === 'number') return Number.isInteger(v) ? 'an integer' : 'a float';
  if (Array.isArray(v)) return 'a list';
  return 'an object';
}

/**
 * A GraphQL variable met in an argument value whose position decides whether it is plan data or plan shape
 * (plan caching per variable shape, execute/plan-cache.ts). `coerceInput` turns it into a `Param` at a non-Boolean scalar
 * (or list of scalars) position, and otherwise unwraps it, recording the variable in `shape` (its value then keys
 * the cached plan). Hasura does the same: only variables at column-typed leaves become prepared arguments
 * (src: Hasura/Backends/Postgres/Execute/Prepare.hs `prepareWithPlan`, `UVParameter (Just varInfo)`).
 */
export class VarRef {
  constructor(
    readonly name: string,
    readonly value: unknown,
    readonly shape: Set<string>,
  ) {}
}

/** A bound value read from variable `name` when the cached plan runs (re-coerced to `type` at `path`). */
export class Param {
  constructor(
    readonly name: string,
    readonly type: GraphQLInputType,
    readonly path: string,
    /** At a column value position (see `COLUMN_VALUE`). */
    readonly column = false,
  ) {}
}

export interface AstValueOptions {
  /** Variables whose values decide the plan. */
  readonly shape: Set<string>;
  /** Keep variables as `VarRef`s (data positions) instead of substituting them (recorded as shape). */
  readonly refs: boolean;
}

/**
 * A number literal whose JavaScript number would not give Postgres the same value or scale: an integer beyond 2^53
 * (a `bigint` column's 9223372036854775807) or a float with an exponent. Hasura reads literals as arbitrary-precision
 * `Scientific`s and hands column values to Postgres as their JSON (aeson) text, so `-1E-30` arrives as `-1.0e-30`
 * (numeric scale 31). At a column position the text is used; elsewhere, and inside JSON values, a JS number.
 */
export class NumberLiteral {
  constructor(readonly text: string) {}
  toJSON(): number {
    return Number(this.text);
  }
}

/**
 * aeson's rendering of a decimal literal: an integer when the exponent is not negative, else `formatScientific
 * Generic` (fixed for 0.1 <= |x| < 10^7, exponent notation otherwise).
 */
export function aesonNumberText(literal: string): string {
  const m = /^(-?)(\d+)(?:\.(\d+))?(?:[eE]([+-]?\d+))?$/.exec(literal);
  if (!m) return literal;
  const [, sign = '', int = '', frac = '', exp = '0'] = m;
  // aeson prints a Scientific with a non-negative exponent as an integer
  const sciExp = Number(exp) - frac.length;
  if (sciExp >= 0) return `${sign}${((int + frac).replace(/^0+/, '') || '0') + '0'.repeat(sciExp)}`;
  const all = (int + frac).replace(/^0+/, '');
  const digits = all.replace(/0+$/, '');
  if (digits === '') return `${sign}0.0`;
  // x = 0.<digits> * 10^e
  const e = int.length - ((int + frac).length - all.length) + Number(exp);
  if (e < 0 || e > 7) {
    const [d, ...rest] = digits;
    return `${sign}${d}.${rest.length > 0 ? rest.join('') : '0'}e${e - 1}`;
  }
  if (e === 0) return `${sign}0.${digits}`;
  const whole = digits.slice(0, e).padEnd(e, '0');
  const fraction = digits.slice(e);
  return `${sign}${whole}.${fraction === '' ? '0' : fraction}`;
}

function numberLiteral(node: ValueNode): NumberLiteral | undefined {
  if (node.kind === Kind.INT && !Number.isSafeInteger(Number(node.value))) return new NumberLiteral(node.value);
  if (node.kind === Kind.FLOAT && /[eE]/.test(node.value)) return new NumberLiteral(aesonNumberText(node.value));
  return undefined;
}

/** Untyped JS value of an AST value with variables substituted (absent variables become undefined). */
export function astValue(node: ValueNode, vars: Readonly<Record<string, unknown>>, opts?: AstValueOptions): unknown {
  const literal = numberLiteral(node);
  if (literal) return literal;
  if (!opts) {
    if (node.kind === Kind.LIST) return node.values.map((x) => astValue(x, vars));
    if (node.kind === Kind.OBJECT)
      return Object.fromEntries(node.fields.map((f) => [f.name.value, astValue(f.value, vars)]));
    return valueFromASTUntyped(node, vars);
  }
  switch (node.kind) {
    case Kind.VARIABLE: {
      const name = node.name.value;
      if (opts.refs) return new VarRef(name, vars[name], opts.shape);
      opts.shape.add(name);
      return vars[name];
    }
    case Kind.LIST:
      return node.values.map((x) => astValue(x, vars, opts));
    case Kind.OBJECT: {
      const out: Record<string, unknown> = {};
      for (const f of node.fields) out[f.name.value] = astValue(f.value, vars, opts);
      return out;
    }
    default:
      return valueFromASTUntyped(node, vars);
  }
}

/** Replace `VarRef`s inside a value by their values, recording them as shape. */
function plainOf(v: unknown): unknown {
  if (v instanceof VarRef) {
    v.shape.add(v.name);
    return plainOf(v.value);
  }
  if (Array.isArray(v)) return v.map(plainOf);
  if (v !== null && typeof v === 'object' && !(v instanceof Param) && !(v instanceof NumberLiteral)) {
    return Object.fromEntries(Object.entries(v as Record<string, unknown>).map(([k, x]) => [k, plainOf(x)]));
  }
  return v;
}

function isDataType(type: GraphQLInputType): boolean {
  let t = type;
  while (isNonNullType(t) || isListType(t)) t = t.ofType;
  return isScalarType(t) && t.name !== 'Boolean';
}

function coerceRef(type: GraphQLInputType, ref: VarRef, path: string, column: boolean): unknown {
  if (ref.value === null || ref.value === undefined || !isDataType(type)) {
    ref.shape.add(ref.name);
    return coerceInput(type, plainOf(ref.value), path, column);
  }
  coerceInput(type, plainOf(ref.value), path, column);
  return new Param(ref.name, type, path, column);
}

function coerceScalar(name: string, value: unknown, path: string, column: boolean): unknown {
  if (column && typeof value === 'string') return value;
  const big = value instanceof NumberLiteral;
  // Column scalars get the exact text (Postgres decodes it; `money` reads no exponent, so it gets plain decimals);
  // GraphQL's own scalars see a JS number.
  if (big && name === 'money') return String(Number(value.text));
  if (big && !['Int', 'Float', 'String', 'Boolean'].includes(name)) return value.text;
  const v = big ? Number(value.text) : value;
  switch (name) {
    case 'Int':
      if (typeof v === 'number' && Number.isInteger(v) && v >= -2147483648 && v <= 2147483647) return v;
      throw validationFailed(`expected a 32-bit integer for type "Int", but found ${describe(v)}`, path);
    case 'Float':
      if (typeof v === 'number') return v;
      throw validationFailed(`expected a float for type "Float", but found ${describe(v)}`, path);
    case 'String':
      if (typeof v === 'string') return v;
      throw validationFailed(`expected a string for type "String", but found ${describe(v)}`, path);
    case 'Boolean':
      if (typeof v === 'boolean') return v;
      throw validationFailed(`expected a boolean for type "Boolean", but found ${describe(v)}`, path);
    default:
      // Column scalars: Hasura converts the value to JSON and lets Postgres decode it, so anything non-null goes.
      return v;
  }
}

/**
 * Coerce `v` to `type`. `null`/`undefined` are returned as `null` for nullable types (the caller decides what
 * null means for an operator).
 */
export function coerceInput(type: GraphQLInputType, v: unknown, path: string, column = false): unknown {
  if (v instanceof VarRef) return coerceRef(type, v, path, column);
  if (isNonNullType(type)) {
    if (v === null || v === undefined) {
      throw validationFailed(`expected a non-null value for type "${String(type.ofType)}", but found null`, path);
    }
    return coerceInput(type.ofType, v, path, column);
  }
  if (v === null || v === undefined) return null;
  if (isListType(type)) {
    const items = Array.isArray(v) ? v : [v];
    return items.map((x: unknown, i) => coerceInput(type.ofType, x, Array.isArray(v) ? `${path}[${i}]` : path, column));
  }
  if (isScalarType(type)) return coerceScalar(type.name, plainOf(v), path, column);
  if (isEnumType(type)) {
    if (typeof v !== 'string')
      throw validationFailed(`expected an enum value for type "${type.name}", but found ${describe(v)}`, path);
    if (!type.getValue(v)) {
      const names = type
        .getValues()
        .map((x) => `'${x.name}'`)
        .join(', ');
      throw validationFailed(`expected one of the values [${names}] for type '${type.name}', but found '${v}'`, path);
    }
    return v;
  }
  if (isInputObjectType(type)) {
    if (typeof v !== 'object' || Array.isArray(v)) {
      throw validationFailed(`expected an object for type '${type.name}', but found ${describe(v)}`, path);
    }
    const fields = type.getFields();
    const obj = v as Record<string, unknown>;
    const out: Record<string, unknown> = {};
    for (const [k, x] of Object.entries(obj)) {
      const f = fields[k];
      if (!f) throw validationFailed(`field '${k}' not found in type: '${type.name}'`, `${path}.${k}`);
      if (x === undefined) continue;
      out[k] = coerceInput(f.type, x, `${path}.${k}`, f.extensions[COLUMN_VALUE] === true);
    }
    for (const f of Object.values(fields)) {
      if (!(f.name in out) && f.defaultValue !== undefined) out[f.name] = f.defaultValue;
      if (isNonNullType(f.type) && !(f.name in out)) {
        throw validationFailed(`missing required field '${f.name}'`, path);
      }
    }
    return out;
  }
  return v;
}
