/**
 * The one error type of the engine, Hasura's `QErr` (src: server/lib/hasura-base/src/Hasura/Base/Error.hs): a code,
 * a message, a JSONPath-like `path` (`$.selectionSet.article.args.where`), the HTTP status the APIs that keep it
 * answer with (the metadata and query APIs, `/v1alpha1/graphql`; `/v1/graphql` answers 200) and details only some
 * callers may see (`internal`, render.ts decides who). The core, the auth layer and the HTTP layer all throw it.
 */

/** Error codes from Hasura's `Code` type (Error.hs). */
export type ErrorCode =
  | 'validation-failed'
  | 'parse-failed'
  | 'invalid-params'
  | 'invalid-headers'
  | 'invalid-json'
  | 'bad-request'
  | 'not-found'
  | 'not-supported'
  | 'access-denied'
  | 'invalid-jwt'
  | 'jwt-invalid-claims'
  | 'jwt-missing-role-claims'
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
  | 'start-failed'
  | 'unexpected';

export class EngineError extends Error {
  override readonly name = 'EngineError';
  constructor(
    readonly code: ErrorCode,
    message: string,
    /** JSONPath-like string, e.g. `$.selectionSet.article.args.where`. */
    readonly path = '$',
    /** Details for admins only (`internal`). */
    readonly internal?: unknown,
    /** HTTP status where the endpoint keeps it. */
    readonly status = 400,
  ) {
    super(message);
  }

  /** `throw400 code msg`. */
  static badRequest(code: ErrorCode, message: string, path = '$'): EngineError {
    return new EngineError(code, message, path);
  }

  /** `throw401 msg` (always `access-denied`). */
  static unauthorized(message: string): EngineError {
    return new EngineError('access-denied', message, '$', undefined, 401);
  }

  /** `throw500 msg` (code `unexpected`), with optional admin-only details. */
  static unexpected(message: string, internal?: unknown): EngineError {
    return new EngineError('unexpected', message, '$', internal, 500);
  }

  /** `err404 NotFound "resource does not exist"`. */
  static notFound(): EngineError {
    return new EngineError('not-found', 'resource does not exist', '$', undefined, 404);
  }

  /** A request body over the size limit (413). */
  static bodyTooLarge(): EngineError {
    return new EngineError('bad-request', 'request body is too large', '$', undefined, 413);
  }

  /** The same error at `prefix` + its path (a step of a bulk call: `$.args[2]` + `$.args` = `$.args[2].args`). */
  under(prefix: string): EngineError {
    return new EngineError(
      this.code,
      this.message,
      `${prefix}${this.path.replace(/^\$/, '')}`,
      this.internal,
      this.status,
    );
  }
}

/** Shorthand for the most common error. */
export function validationFailed(message: string, path = '$'): EngineError {
  return new EngineError('validation-failed', message, path);
}

/** Anything thrown, as an EngineError: unknown errors become a 500 that does not leak their text. */
export function asEngineError(err: unknown): EngineError {
  return err instanceof EngineError ? err : new EngineError('unexpected', 'Internal Server Error', '$', undefined, 500);
}
