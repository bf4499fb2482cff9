/**
 * Input coercion with Hasura's messages (src: Hasura/GraphQL/Parser/Internal/Scalars.hs and Input.hs): the engine
 * skips graphql-js's ValuesOfCorrectTypeRule and checks argument values here, so that errors carry Hasura's
 * message and JSON path (`$.selectionSet.author.args.where.id._unexpected`).
 */
import {
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

/** Untyped JS value of an AST value with variables substituted (absent variables become undefined). */
export function astValue(node: ValueNode, vars: Readonly<Record<string, unknown>>): unknown {
  return valueFromASTUntyped(node, vars);
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
  if (isScalarType(type)) return coerceScalar(type.name, v, path);
  if (isEnumType(type)) {
    if (typeof v !== 'string') throw validationFailed(`expected an enum value for type "${type.name}", but found ${describe(v)}`, path);
    if (!type.getValue(v)) {
      const names = type.getValues().map((x) => `'${x.name}'`).join(', ');
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
      if (isNonNullType(f.type) && !(f.name in out)) {
        throw validationFailed(`missing required field '${f.name}'`, path);
      }
    }
    return out;
  }
  return v;
}
