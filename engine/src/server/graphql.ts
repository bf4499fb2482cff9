/**
 * `/v1/graphql` and `/v1alpha1/graphql` (src: server/src-lib/Hasura/Server/App.hs `mkSpockAction`,
 * `v1Alpha1GQHandler`, `maybeMod200`; Transport/HTTP.hs `runGQBatched`):
 * - the body is parsed first; if it does not parse, auth still runs (without the request) and an auth error wins;
 * - errors use the GraphQL envelope; on `/v1/graphql` they are HTTP 200 (except 401s with
 *   `HASURA_GRAPHQL_PRESERVE_401_ERRORS`), `/v1alpha1/graphql` keeps the real status;
 * - a batch answers an array with one response per request (errors inline, HTTP 200); a batch over the role's
 *   `batch_limit` (metadata api_limits) is refused as a whole;
 * - the runtime's JSON text is written as is; `extensions.internal` only for admin (or dev mode);
 * - the auth webhook's `Set-Cookie` headers are added to successful responses.
 */
import type { ExecuteRequest } from '../execute/types.js';
import { invalidJsonMessage } from '../auth/aeson-errors.js';
import type { Session } from '../session.js';
import {
  EngineError,
  asEngineError,
  encodeGraphQLError,
  graphqlErrorEntry,
  showsInternal,
  stripInternal,
} from '../errors.js';
import type { AuthResult, RequestCtx, ServerState } from './context.js';
import { decodeGqlRequests, type GqlRequests } from './gql-request.js';
import { isBodyTooLarge, readBody, sendJson } from './http-io.js';
import { checkBatchLimit, readApiLimits } from '../plan/api-limits.js';

export type GraphQLFlavour = 'v1' | 'v1alpha1';

function errorStatus(state: ServerState, flavour: GraphQLFlavour, e: EngineError): number {
  if (flavour === 'v1alpha1') return e.status;
  return state.cfg.preserve401 && e.status === 401 ? 401 : 200;
}

/** Answer with one error; `role` is the authenticated one (none: `internal` is never shown). */
function sendGqlError(
  state: ServerState,
  ctx: RequestCtx,
  flavour: GraphQLFlavour,
  err: unknown,
  role: string | undefined,
): void {
  const e = asEngineError(err);
  state.metrics.graphqlErrors([e.code]);
  sendJson(
    ctx.res,
    errorStatus(state, flavour, e),
    encodeGraphQLError(e, showsInternal(state.cfg.internalErrors, role)),
  );
}

/** `extensions.code` of each error in a body the runtime returned as text (none for a data answer). */
function errorCodesOf(body: string): string[] {
  if (!body.startsWith('{"errors"')) return [];
  try {
    const parsed = JSON.parse(body) as { errors?: Array<{ extensions?: { code?: unknown } }> };
    return (parsed.errors ?? []).map((e) => (typeof e.extensions?.code === 'string' ? e.extensions.code : 'unknown'));
  } catch {
    return ['unknown'];
  }
}

/** Status of an error body the runtime returned as text (only consulted for /v1alpha1). */
function statusOfErrorBody(body: string): number {
  if (!body.startsWith('{"errors"')) return 200;
  return errorCodesOf(body)[0] === 'unexpected' ? 500 : 400;
}

/**
 * The runtime renders its own errors; when `HASURA_GRAPHQL_ADMIN_INTERNAL_ERRORS=false` (or for non-admins) drop any
 * `extensions.internal` it added.
 */
function hideInternal(state: ServerState, session: Session, body: string): string {
  return showsInternal(state.cfg.internalErrors, session.role) ? body : stripInternal(body);
}

async function executeOne(
  state: ServerState,
  ctx: RequestCtx,
  req: ExecuteRequest,
  session: Session,
): Promise<{ body: string; headers: Array<[string, string]>; error?: EngineError }> {
  const started = performance.now();
  try {
    const r = await state.runtime.execute(req, session, { headers: ctx.flatHeaders });
    const failed = r.execError === true || r.body.startsWith('{"errors"');
    state.metrics.graphqlRequest(r.operationType, failed, (performance.now() - started) / 1000, r.sqlSeconds);
    state.metrics.graphqlErrors(errorCodesOf(r.body));
    return { body: hideInternal(state, session, r.body), headers: Object.entries(r.headers ?? {}) };
  } catch (e) {
    state.metrics.graphqlRequest(undefined, true, (performance.now() - started) / 1000);
    if (!(e instanceof EngineError))
      state.log(
        `graphql: unexpected error (request ${ctx.requestId}): ${e instanceof Error ? (e.stack ?? e.message) : 'non-error thrown'}`,
      );
    const q = asEngineError(e);
    return {
      body: JSON.stringify({ errors: [graphqlErrorEntry(q, showsInternal(state.cfg.internalErrors, session.role))] }),
      headers: [],
      error: q,
    };
  }
}

async function run(
  state: ServerState,
  ctx: RequestCtx,
  flavour: GraphQLFlavour,
  reqs: GqlRequests,
  auth: AuthResult,
): Promise<void> {
  const session = auth.session;
  if (!reqs.batch) {
    const r = await executeOne(state, ctx, reqs.reqs[0], session);
    if (r.error) {
      sendGqlError(state, ctx, flavour, r.error, session.role);
      return;
    }
    const status = flavour === 'v1alpha1' ? statusOfErrorBody(r.body) : 200;
    sendJson(ctx.res, status, r.body, [...r.headers, ...auth.responseHeaders]);
    return;
  }
  // The role's `batch_limit` (api_limits) refuses the whole batch before any of it runs.
  try {
    checkBatchLimit(readApiLimits(state.runtime.metadata()['api_limits']), session.role, reqs.reqs.length);
  } catch (e) {
    sendGqlError(state, ctx, flavour, e, undefined);
    return;
  }
  // Batches run one after the other, like upstream's `traverse`.
  const parts: string[] = [];
  const headers: Array<[string, string]> = [];
  for (const q of reqs.reqs) {
    const r = await executeOne(state, ctx, q, session);
    if (r.error) state.metrics.graphqlErrors([r.error.code]);
    parts.push(r.body);
    headers.push(...r.headers);
  }
  sendJson(ctx.res, 200, `[${parts.join(',')}]`, [...headers, ...auth.responseHeaders]);
}

async function authenticate(state: ServerState, ctx: RequestCtx, request: unknown): Promise<AuthResult> {
  return state.auth.resolve(ctx.headers, request);
}

export async function handleGraphQLPost(state: ServerState, ctx: RequestCtx, flavour: GraphQLFlavour): Promise<void> {
  let text: string;
  try {
    text = await readBody(ctx.req, state.cfg.maxBodyBytes);
  } catch (e) {
    if (isBodyTooLarge(e)) {
      ctx.res.setHeader('Connection', 'close');
      state.metrics.graphqlErrors([e.code]);
      sendJson(ctx.res, 413, encodeGraphQLError(e, false));
      return;
    }
    throw e;
  }
  let reqs: GqlRequests;
  let raw: unknown;
  try {
    try {
      raw = JSON.parse(text);
    } catch (e) {
      throw EngineError.badRequest('invalid-json', invalidJsonMessage(text, e));
    }
    reqs = decodeGqlRequests(raw);
  } catch (parseErr) {
    // Upstream authenticates first even when the body does not parse; an auth error takes precedence.
    try {
      await authenticate(state, ctx, undefined);
    } catch (authErr) {
      sendGqlError(state, ctx, flavour, authErr, undefined);
      return;
    }
    sendGqlError(state, ctx, flavour, parseErr, undefined);
    return;
  }
  let auth: AuthResult;
  try {
    auth = await authenticate(state, ctx, reqs.batch ? reqs.reqs : reqs.reqs[0]);
  } catch (authErr) {
    sendGqlError(state, ctx, flavour, authErr, undefined);
    return;
  }
  await run(state, ctx, flavour, reqs, auth);
}

/**
 * `GET /v1/graphql`: Hasura OSS serves GET only for (Enterprise) persisted queries, so it authenticates (an auth
 * error wins) and refuses every GET with `not-supported` `PersistedQueryNotSupported` (App.hs
 * `runPersistedQueriesGetHandler`), HTTP 200 like every /v1/graphql error. Nothing in the query string runs: a link or
 * an `<img>` on another site cannot run a mutation with the visitor's cookie.
 */
export async function handleGraphQLGet(state: ServerState, ctx: RequestCtx): Promise<void> {
  try {
    await authenticate(state, ctx, undefined);
  } catch (authErr) {
    sendGqlError(state, ctx, 'v1', authErr, undefined);
    return;
  }
  sendGqlError(state, ctx, 'v1', EngineError.badRequest('not-supported', 'PersistedQueryNotSupported'), undefined);
}
