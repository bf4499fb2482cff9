/**
 * Hasura's `QErr` for the HTTP layer: a code, a message, a JSON path, an HTTP status and optional admin-only internal
 * details (src: server/lib/hasura-base/src/Hasura/Base/Error.hs). Two encodings exist upstream:
 * - `encodeQErr` for the metadata/query APIs: `{"path":"$","error":"…","code":"…"}` (+ `internal`);
 * - `encodeGQErr` for GraphQL endpoints: `{"errors":[{"extensions":{"path":"$","code":"…"},"message":"…"}]}`.
 * The core's `EngineError` (engine/src/errors.ts) converts into this shape with {@link toQErr}.
 */
import { EngineError } from '../errors.js';

export class QErr extends Error {
  override readonly name = 'QErr';
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly path = '$',
    readonly internal?: unknown,
  ) {
    super(message);
  }
}

/** `throw400 code msg` */
export const err400 = (code: string, message: string, path = '$'): QErr => new QErr(400, code, message, path);
/** `throw401 msg` (always `access-denied` upstream). */
export const err401 = (message: string): QErr => new QErr(401, 'access-denied', message);
/** `throw500 msg` (code `unexpected`). */
export const err500 = (message: string, internal?: unknown): QErr =>
  new QErr(500, 'unexpected', message, '$', internal);
/** `err404 NotFound "resource does not exist"`. */
export const notFound = (): QErr => new QErr(404, 'not-found', 'resource does not exist');

/** Normalise anything thrown into a QErr; unknown errors become a 500 without leaking their text. */
export function toQErr(err: unknown): QErr {
  if (err instanceof QErr) return err;
  if (err instanceof EngineError) return new QErr(err.status, err.code, err.message, err.path, err.internal);
  return new QErr(500, 'unexpected', 'Internal Server Error');
}

/** `encodeQErr`: the metadata/query API error body. */
export function encodeQErr(e: QErr, includeInternal: boolean): string {
  const body: Record<string, unknown> = { path: e.path, error: e.message, code: e.code };
  if (includeInternal && e.internal !== undefined) body['internal'] = e.internal;
  return JSON.stringify(body);
}

/** One entry of the GraphQL `errors` array (`encodeGQLErr`). */
export function gqlErrorEntry(e: QErr, includeInternal: boolean): Record<string, unknown> {
  const extensions: Record<string, unknown> = { path: e.path, code: e.code };
  if (includeInternal && e.internal !== undefined) extensions['internal'] = e.internal;
  return { extensions, message: e.message };
}

/** `encodeGQErr`: the GraphQL endpoint error body. */
export function encodeGQErr(e: QErr, includeInternal: boolean): string {
  return JSON.stringify({ errors: [gqlErrorEntry(e, includeInternal)] });
}

/** Remove `extensions.internal` from a GraphQL error body; other bodies (results) are returned untouched, unparsed. */
export function stripInternalFromErrorBody(body: string): string {
  if (!body.startsWith('{"errors"') || !body.includes('"internal"')) return body;
  try {
    const parsed = JSON.parse(body) as { errors?: Array<{ extensions?: Record<string, unknown> }> };
    for (const e of parsed.errors ?? []) if (e.extensions) delete e.extensions['internal'];
    return JSON.stringify(parsed);
  } catch {
    return body;
  }
}
