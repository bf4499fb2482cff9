/**
 * Decode a GraphQL request body like Hasura's `GQLBatchedReqs (GQLReq GQLQueryText)`
 * (src: server/src-lib/Hasura/GraphQL/Transport/HTTP/Protocol.hs): an array is a batch, anything else one request
 * `{query, variables?, operationName?}`. Failures are `parse-failed` with aeson's messages and JSON paths.
 */
import type { ExecuteRequest } from '../runtime.js';
import { expected } from '../auth/aeson-errors.js';
import { QErr } from './qerr.js';

export type GqlRequests = { batch: false; reqs: [ExecuteRequest] } | { batch: true; reqs: ExecuteRequest[] };

const parseFailed = (message: string, path: string): QErr => new QErr(400, 'parse-failed', message, path);

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
    throw new QErr(400, 'not-supported', 'Automatic Persisted Queries is not enabled', '$');
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

/** `GET /v1/graphql?query=…&variables=<json>&operationName=…` */
export function decodeGetRequest(params: URLSearchParams): ExecuteRequest {
  const query = params.get('query');
  if (query === null) throw parseFailed('key "query" not found', '$');
  const req: ExecuteRequest = { query };
  const vars = params.get('variables');
  if (vars !== null && vars !== '') {
    let parsed: unknown;
    try {
      parsed = JSON.parse(vars);
    } catch {
      throw new QErr(400, 'invalid-json', 'Error in $: Failed reading: not a valid json value', '$.variables');
    }
    if (parsed !== null && (typeof parsed !== 'object' || Array.isArray(parsed))) {
      throw parseFailed(expected('HashMap ~Name', 'Object', parsed), '$.variables');
    }
    req.variables = parsed as Record<string, unknown> | null;
  }
  const op = params.get('operationName');
  if (op !== null && op !== '') req.operationName = op;
  return req;
}
