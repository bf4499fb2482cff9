/**
 * What a client sees of an {@link EngineError}: Hasura's two encodings (src: server/lib/hasura-base/src/Hasura/Base/
 * Error.hs) and the rule for `internal`.
 * - `encodeQErr`, the metadata/query API body: `{"path":"$","error":"…","code":"…"}` (+ `"internal"`);
 * - `encodeGQLErr`, one entry of a GraphQL `errors` array: `{"extensions":{"path":"$","code":"…"},"message":"…"}`
 *   (+ `extensions.internal`). The bodies the runtime renders itself ({@link toGraphQLError}) list `message` first.
 * `internal` is shown by {@link showsInternal} (Hasura's `shouldIncludeInternal`); the settings that choose the policy
 * are read in config/internal-errors.ts.
 */
import { EngineError } from './engine-error.js';

/** Who sees `internal`: every role (dev mode), admin only, or nobody. */
export type InternalErrors = 'all' | 'admin' | 'none';

/** Whether a request of `role` sees `internal`; a request without a session (auth failed) never does. */
export function showsInternal(policy: InternalErrors, role: string | undefined): boolean {
  if (role === undefined) return false;
  return policy === 'all' || (policy === 'admin' && role === 'admin');
}

/** `encodeQErr`: the metadata/query API error body. */
export function encodeApiError(e: EngineError, withInternal: boolean): string {
  const body: Record<string, unknown> = { path: e.path, error: e.message, code: e.code };
  if (withInternal && e.internal !== undefined) body['internal'] = e.internal;
  return JSON.stringify(body);
}

export interface GraphQLErrorJson {
  message: string;
  extensions: { path: string; code: string; internal?: unknown };
}

function extensionsOf(e: EngineError, withInternal: boolean): GraphQLErrorJson['extensions'] {
  const ext: GraphQLErrorJson['extensions'] = { path: e.path, code: e.code };
  if (withInternal && e.internal !== undefined) ext.internal = e.internal;
  return ext;
}

/** One entry of a GraphQL `errors` array, in `encodeGQLErr`'s key order. */
export function graphqlErrorEntry(e: EngineError, withInternal: boolean): Record<string, unknown> {
  return { extensions: extensionsOf(e, withInternal), message: e.message };
}

/** `encodeGQErr`: a GraphQL error body with one error. */
export function encodeGraphQLError(e: EngineError, withInternal: boolean): string {
  return JSON.stringify({ errors: [graphqlErrorEntry(e, withInternal)] });
}

/** The runtime's entry of a GraphQL `errors` array (`message` first); anything but an EngineError is `unexpected`. */
export function toGraphQLError(err: unknown, withInternal: boolean): GraphQLErrorJson {
  if (err instanceof EngineError) return { message: err.message, extensions: extensionsOf(err, withInternal) };
  return { message: 'unexpected error', extensions: { path: '$', code: 'unexpected' } };
}

/** Remove `extensions.internal` from a GraphQL error body; other bodies (results) are returned untouched, unparsed. */
export function stripInternal(body: string): string {
  if (!body.startsWith('{"errors"') || !body.includes('"internal"')) return body;
  try {
    const parsed = JSON.parse(body) as { errors?: Array<{ extensions?: Record<string, unknown> }> };
    for (const e of parsed.errors ?? []) if (e.extensions) delete e.extensions['internal'];
    return JSON.stringify(parsed);
  } catch {
    return body;
  }
}
