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
 * (plan caching per variable shape, runtime-impl.ts). `coerceInput` turns it into a `Param` at a non-Boolean scalar
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
  ) {}
}

export interface AstValueOptions {
  /** Variables whose values decide the plan. */
  readonly shape: Set<string>;
  /** Keep variables as `VarRef`s (data positions) instead of substituting them (recorded as shape). */
  readonly refs: boolean;
}

/** Untyped JS value of an AST value with variables substituted (absent variables become undefined). */
export function astValue(node: ValueNode, vars: Readonly<Record<string, unknown>>, opts?: AstValueOptions): unknown {
  if (!opts) return valueFromASTUntyped(node, vars);
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
  if (v !== null && typeof v === 'object' && !(v instanceof Param)) {
    return Object.fromEntries(Object.entries(v as Record<string, unknown>).map(([k, x]) => [k, plainOf(x)]));
  }
  return v;
}

function isDataType(type: GraphQLInputType): boolean {
  let t = type;
  while (isNonNullType(t) || isListType(t)) t = t.ofType;
  return isScalarType(t) && t.name !== 'Boolean';
}

function coerceRef(type: GraphQLInputType, ref: VarRef, path: string): unknown {
  if (ref.value === null || ref.value === undefined || !isDataType(type)) {
    ref.shape.add(ref.name);
    return coerceInput(type, plainOf(ref.value), path);
  }
  coerceInput(type, plainOf(ref.value), path);
  return new Param(ref.name, type, path);
}

function coerceScalar(name: string, v: unknown, path: string): unknown {
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
      // Column scalars: Hasura converts the value to JSON and lets Postgres decode it (A1), so anything non-null goes.
      return v;
  }
}

/**
 * Coerce `v` to `type`. `null`/`undefined` are returned as `null` for nullable types (the caller decides what
 * null means for an operator).
 */
export function coerceInput(type: GraphQLInputType, v: unknown, path: string): unknown {
  if (v instanceof VarRef) return coerceRef(type, v, path);
  if (isNonNullType(type)) {
    if (v === null || v === undefined) {
      throw validationFailed(`expected a non-null value for type "${String(type.ofType)}", but found null`, path);
    }
    return coerceInput(type.ofType, v, path);
  }
  if (v === null || v === undefined) return null;
  if (isListType(type)) {
    const items = Array.isArray(v) ? v : [v];
    return items.map((x: unknown, i) => coerceInput(type.ofType, x, Array.isArray(v) ? `${path}[${i}]` : path));
  }
  if (isScalarType(type)) return coerceScalar(type.name, plainOf(v), path);
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
      out[k] = coerceInput(f.type, x, `${path}.${k}`);
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
