/**
 * Hasura-shaped errors. Hasura renders every error as `{message, extensions: {path, code, internal?}}` with a
 * JSONPath-like `path` string and no `locations` (src: server/lib/hasura-base/src/Hasura/Base/Error.hs
 * `encodeGQLErr`). The core throws `EngineError`; the HTTP layer renders it with `toGraphQLError`.
 */

/** Error codes from Hasura's `Code` type (Error.hs). */
export type ErrorCode =
  | 'validation-failed'
  | 'parse-failed'
  | 'invalid-params'
  | 'invalid-headers'
  | 'bad-request'
  | 'not-found'
  | 'not-supported'
  | 'access-denied'
  | 'invalid-jwt'
  | 'jwt-invalid-claims'
  | 'permission-error'
  | 'permission-denied'
  | 'constraint-violation'
  | 'constraint-error'
  | 'data-exception'
  | 'concurrent-update'
  | 'postgres-error'
  | 'already-exists'
  | 'already-tracked'
  | 'not-exists'
  | 'invalid-configuration'
  | 'unexpected';

export class EngineError extends Error {
  override readonly name = 'EngineError';
  constructor(
    readonly code: ErrorCode,
    message: string,
    /** JSONPath-like string, e.g. `$.selectionSet.article.args.where`. */
    readonly path = '$',
    /** Details for admins only (`extensions.internal`). */
    readonly internal?: unknown,
    /** HTTP status for endpoints that keep it (metadata API); /v1/graphql always answers 200. */
    readonly status = 400,
  ) {
    super(message);
  }
}

export interface GraphQLErrorJson {
  message: string;
  extensions: { path: string; code: string; internal?: unknown };
}

/** Render an error in Hasura's GraphQL envelope entry; `internal` only when `includeInternal` (admin). */
export function toGraphQLError(err: unknown, includeInternal: boolean): GraphQLErrorJson {
  if (err instanceof EngineError) {
    const ext: GraphQLErrorJson['extensions'] = { path: err.path, code: err.code };
    if (includeInternal && err.internal !== undefined) ext.internal = err.internal;
    return { message: err.message, extensions: ext };
  }
  return { message: 'unexpected error', extensions: { path: '$', code: 'unexpected' } };
}

/** Shorthand for the most common error. */
export function validationFailed(message: string, path = '$'): EngineError {
  return new EngineError('validation-failed', message, path);
}

/** JSON-path segment helper: `.key` for simple names, `['key']` otherwise, `[n]` for indexes (Hasura's encodeJSONPath). */
export function jsonPathAppend(path: string, key: string | number): string {
  if (typeof key === 'number') return `${path}[${key}]`;
  return /^[A-Za-z_][A-Za-z0-9_]*$/.test(key)
    ? `${path}.${key}`
    : `${path}[${JSON.stringify(key).replace(/^"|"$/g, "'")}]`;
}

const EXECUTION = Symbol('execution-phase');

/** Mark an error thrown while executing (after validation); `isExecutionError` reads the mark. */
export function markExecution<T>(err: T): T {
  if (typeof err === 'object' && err !== null) (err as { [EXECUTION]?: true })[EXECUTION] = true;
  return err;
}

export function isExecutionError(err: unknown): boolean {
  return typeof err === 'object' && err !== null && (err as { [EXECUTION]?: true })[EXECUTION] === true;
}

/** Run the execution phase: errors it throws are marked as execution errors. */
export async function executing<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (e) {
    throw markExecution(e);
  }
}
