/**
 * `POST /v1/graphql/explain` (src: Server/App.hs `gqlExplainHandler`, GraphQL/Explain.hs): body
 * `{query: {query, variables?, operationName?}, user: {x-hasura-role…}}`, admin only; the session is built from
 * `user` with the role falling back to admin. Answers `[{field, sql, plan}]`.
 */
import { sessionVariablesFromObject } from '../auth/headers.js';
import { mkUserInfo } from '../auth/user-info.js';
import { adminPost, onlyAdmin } from './admin-api.js';
import type { RequestCtx, ServerState } from './context.js';
import { decodeGqlRequests } from './gql-request.js';
import { EngineError } from '../errors.js';

export async function handleExplain(state: ServerState, ctx: RequestCtx): Promise<void> {
  await adminPost(state, ctx, async (body, auth) => {
    if (typeof body !== 'object' || body === null || Array.isArray(body))
      throw EngineError.badRequest('parse-failed', 'expected an object', '$');
    const o = body as Record<string, unknown>;
    if (!('query' in o)) throw EngineError.badRequest('parse-failed', 'key "query" not found', '$');
    const decoded = decodeGqlRequests(o['query']);
    if (decoded.batch) throw EngineError.badRequest('parse-failed', 'expected an object', '$.query');
    onlyAdmin(auth);
    const user: Record<string, string> = {};
    const rawUser = o['user'];
    if (typeof rawUser === 'object' && rawUser !== null && !Array.isArray(rawUser)) {
      for (const [k, v] of Object.entries(rawUser)) if (typeof v === 'string') user[k] = v;
    }
    const session = mkUserInfo({ kind: 'fallback', role: 'admin' }, 'sent', sessionVariablesFromObject(user));
    return JSON.stringify(await state.runtime.explain(decoded.reqs[0], session));
  });
}
