/**
 * Decode a GraphQL request body like Hasura's `GQLBatchedReqs (GQLReq GQLQueryText)`
 * (src: server/src-lib/Hasura/GraphQL/Transport/HTTP/Protocol.hs): an array is a batch, anything else one request
 * `{query, variables?, operationName?}`. Failures are `parse-failed` with aeson's messages and JSON paths.
 */
import type { ExecuteRequest } from '../execute/types.js';
import { expected } from '../auth/aeson-errors.js';
import { EngineError } from '../errors.js';

export type GqlRequests = { batch: false; reqs: [ExecuteRequest] } | { batch: true; reqs: ExecuteRequest[] };

const parseFailed = (message: string, path: string): EngineError =>
  EngineError.badRequest('parse-failed', message, path);

function decodeOne(v: unknown, path: string): ExecuteRequest {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) {
    throw parseFailed(expected('Hasura.GraphQL.Transport.HTTP.Protocol.GQLReq(GQLReq)', 'Object', v), path);
  }
  const o = v as Record<string, unknown>;
  if (!('query' in o)) throw parseFailed('key "query" not found', path);
  const query = o['query'];
  if (typeof query !== 'string') throw parseFailed(expected('Text', 'String', query), `${path}.query`);
  const req: ExecuteRequest = { query };
  const vars = o['variables'];
  if (vars !== undefined && vars !== null) {
    if (typeof vars !== 'object' || Array.isArray(vars))
      throw parseFailed(expected('HashMap ~Name', 'Object', vars), `${path}.variables`);
    req.variables = vars as Record<string, unknown>;
  } else if (vars === null) req.variables = null;
  // Hasura checks the `persistedQuery` extension and refuses it unless APQ is enabled (it never is here).
  const ext = o['extensions'];
  if (typeof ext === 'object' && ext !== null && 'persistedQuery' in ext) {
    throw EngineError.badRequest('not-supported', 'Automatic Persisted Queries is not enabled');
  }
  const op = o['operationName'];
  if (op !== undefined && op !== null) {
    if (typeof op !== 'string') throw parseFailed(expected('Name', 'String', op), `${path}.operationName`);
    req.operationName = op;
  } else if (op === null) req.operationName = null;
  return req;
}

export function decodeGqlRequests(v: unknown): GqlRequests {
  if (Array.isArray(v)) return { batch: true, reqs: v.map((x, i) => decodeOne(x, `$[${i}]`)) };
  return { batch: false, reqs: [decodeOne(v, '$')] };
}
