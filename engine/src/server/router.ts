/**
 * Routing like Hasura's `httpApp` (src: Server/App.hs): each endpoint belongs to an API group of
 * `HASURA_GRAPHQL_ENABLED_APIS`; a disabled group and any unknown route answer 404
 * `{"path":"$","error":"resource does not exist","code":"not-found"}`. A POST with a cookie and no JSON content
 * type is refused before its handler runs (csrf.ts).
 */
import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { fromRawHeaders } from '../auth/headers.js';
import type { ApiName } from '../config/server-config.js';
import { EngineError, encodeApiError, encodeGraphQLError } from '../errors.js';
import { adminPost, onlyAdmin, restrictedAdminOnly, sendApiError } from './admin-api.js';
import { handleConsole } from './console.js';
import type { RequestCtx, ServerState } from './context.js';
import { applyCors } from './cors.js';
import { cookieRequestWithoutJson } from './csrf.js';
import { handleExplain } from './explain.js';
import { handleGraphQLGet, handleGraphQLPost } from './graphql.js';
import { HASURA_VERSION, handleHealthz, handleVersion } from './health.js';
import { sendJson, sendText } from './http-io.js';
import { handleMetadata } from './metadata-api.js';
import { handleMetrics } from './metrics-api.js';
import { handleQuery } from './query-api.js';

type Route = { api?: ApiName | 'console'; run: (s: ServerState, c: RequestCtx) => Promise<void> };

const notSupported = (what: string) => (state: ServerState, ctx: RequestCtx) =>
  adminPost(state, ctx, (_body, auth) => {
    restrictedAdminOnly(auth);
    return Promise.reject(EngineError.badRequest('not-supported', `${what} is not supported by this engine yet`));
  });

async function configApi(state: ServerState, ctx: RequestCtx): Promise<void> {
  try {
    const auth = await state.auth.resolve(ctx.headers, undefined);
    onlyAdmin(auth);
    const mode = state.auth.mode;
    sendJson(
      ctx.res,
      200,
      JSON.stringify({
        version: HASURA_VERSION,
        is_function_permissions_inferred: true,
        is_remote_schema_permissions_enabled: false,
        is_admin_secret_set: state.auth.adminSecretSet,
        is_auth_hook_set: mode === 'webhook',
        is_jwt_set: mode === 'jwt',
        jwt: [],
        is_allow_list_enabled: false,
        live_queries: { batch_size: 100, refetch_delay: 1 },
        streaming_queries: { batch_size: 100, refetch_delay: 1 },
        console_assets_dir: null,
        experimental_features: [],
        is_prometheus_metrics_enabled: state.cfg.enabledApis.has('metrics'),
        default_naming_convention: 'hasura-default',
      }),
    );
  } catch (e) {
    sendApiError(state, ctx, e, undefined);
  }
}

function route(method: string, path: string): Route | undefined {
  const key = `${method} ${path}`;
  switch (key) {
    case 'GET /healthz':
    case 'GET /hasura/healthz':
      return { run: handleHealthz };
    case 'GET /v1/version':
      return { run: handleVersion };
    case 'POST /v1/graphql':
      return { api: 'graphql', run: (s, c) => handleGraphQLPost(s, c, 'v1') };
    case 'GET /v1/graphql':
      return { api: 'graphql', run: handleGraphQLGet };
    case 'POST /v1alpha1/graphql':
      return { api: 'graphql', run: (s, c) => handleGraphQLPost(s, c, 'v1alpha1') };
    case 'POST /v1/graphql/explain':
    case 'POST /v1alpha1/graphql/explain':
      return { api: 'metadata', run: handleExplain };
    case 'POST /v1/metadata':
      return { api: 'metadata', run: handleMetadata };
    case 'POST /v1/query':
      return { api: 'metadata', run: handleQuery('v1') };
    case 'POST /v2/query':
      return { api: 'metadata', run: handleQuery('v2') };
    case 'POST /v1alpha1/pg_dump':
      return { api: 'pgdump', run: notSupported('pg_dump') };
    case 'GET /v1/metrics':
      return { api: 'metrics', run: handleMetrics };
    case 'GET /v1alpha1/config':
      return { api: 'config', run: configApi };
    case 'GET /':
      return {
        api: 'console',
        run: (_s, c) => {
          c.res.setHeader('Location', 'console');
          sendText(c.res, 302, 'text/plain; charset=utf-8', '');
          return Promise.resolve();
        },
      };
  }
  if (method === 'GET' && (path === '/console' || path.startsWith('/console/')))
    return { api: 'console', run: handleConsole };
  return undefined;
}

function enabled(state: ServerState, api: Route['api']): boolean {
  if (api === undefined) return true;
  if (api === 'console') return state.cfg.consoleEnabled && state.cfg.enabledApis.has('metadata');
  return state.cfg.enabledApis.has(api);
}

export function createRequestListener(state: ServerState): (req: IncomingMessage, res: ServerResponse) => void {
  return (req, res) => {
    const incomingId = req.headers['x-request-id'];
    const requestId = typeof incomingId === 'string' && incomingId !== '' ? incomingId : randomUUID();
    res.setHeader('x-request-id', requestId);
    let url: URL;
    try {
      url = new URL(req.url ?? '/', 'http://engine.invalid');
    } catch {
      sendJson(res, 400, encodeApiError(EngineError.badRequest('bad-request', 'invalid request URL'), false));
      return;
    }
    if (applyCors(state.cfg.cors, req, res)) return;
    const flatHeaders: Record<string, string> = {};
    for (const [k, v] of Object.entries(req.headers)) {
      if (v !== undefined) flatHeaders[k] = Array.isArray(v) ? v.join(', ') : v;
    }
    const headers = fromRawHeaders(req.rawHeaders);
    if (incomingId !== requestId) {
      // made here: the auth webhook and the action handlers get it as if the client had sent it, for their logs
      headers.push(['x-request-id', requestId]);
      flatHeaders['x-request-id'] = requestId;
    }
    const ctx: RequestCtx = { req, res, url, headers, flatHeaders, requestId };
    const r = route(req.method ?? 'GET', url.pathname);
    if (r === undefined || !enabled(state, r.api)) {
      req.resume();
      sendJson(res, 404, encodeApiError(EngineError.notFound(), false));
      return;
    }
    const csrf = cookieRequestWithoutJson(req.method ?? 'GET', req.headers);
    if (csrf !== undefined) {
      req.resume();
      const gql = url.pathname === '/v1/graphql' || url.pathname === '/v1alpha1/graphql';
      sendJson(
        res,
        url.pathname === '/v1/graphql' ? 200 : 400,
        gql ? encodeGraphQLError(csrf, false) : encodeApiError(csrf, false),
      );
      return;
    }
    r.run(state, ctx).catch((e: unknown) => {
      state.log(
        `${url.pathname}: unhandled error (request ${requestId}): ${e instanceof Error ? (e.stack ?? e.message) : 'non-error thrown'}`,
      );
      if (res.headersSent) {
        res.destroy();
        return;
      }
      const q = EngineError.unexpected('Internal Server Error');
      const isGraphQL = url.pathname === '/v1/graphql' || url.pathname === '/v1alpha1/graphql';
      sendJson(
        res,
        isGraphQL && url.pathname === '/v1/graphql' ? 200 : 500,
        isGraphQL ? encodeGraphQLError(q, false) : encodeApiError(q, false),
      );
    });
  };
}
