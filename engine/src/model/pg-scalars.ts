/**
 * Postgres type → GraphQL scalar name (src: server/src-lib/Hasura/Backends/Postgres/SQL/Types.hs
 * `pgScalarTranslations`, `mkScalarTypeName`). Built-in GraphQL scalars for int4/text/varchar/bool/float4; every
 * other type is a custom scalar named after the Postgres type.
 */
import type { PgTypeRef } from '../introspect/catalog-types.js';

const BUILTIN: Readonly<Record<string, string>> = {
  int4: 'Int',
  serial: 'Int',
  text: 'String',
  varchar: 'String',
  bool: 'Boolean',
  float4: 'Float',
  name: 'String',
  int2: 'smallint',
  int8: 'bigint',
};

const NUMERIC = new Set(['int2', 'int4', 'int8', 'float4', 'float8', 'numeric', 'money']);
const STRING = new Set(['text', 'varchar', 'bpchar', 'citext', 'name']);
const NOT_COMPARABLE = new Set(['json', 'jsonb', 'geometry', 'geography', 'bool']);

/** The base type name of a column type, following domains. */
export function baseTypeName(t: PgTypeRef): string {
  return t.kind === 'd' && t.base ? t.base : t.name;
}

export function scalarNameFor(pgName: string): string {
  return BUILTIN[pgName] ?? pgName;
}

export function isNumericType(pgName: string): boolean {
  return NUMERIC.has(pgName);
}

export function isStringType(pgName: string): boolean {
  return STRING.has(pgName);
}

/** `max`/`min` apply to "comparable" types (src: Hasura/Backends/Postgres/Instances/Schema.hs `isComparableType`). */
export function isComparableType(pgName: string): boolean {
  return !NOT_COMPARABLE.has(pgName);
}

/** Types whose JSON output is a number Hasura stringifies with HASURA_GRAPHQL_STRINGIFY_NUMERIC_TYPES. */
export function isBigNumberType(pgName: string): boolean {
  return pgName === 'int8' || pgName === 'numeric' || pgName === 'float8';
}
