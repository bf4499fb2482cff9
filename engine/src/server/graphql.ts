/**
 * `/v1/graphql` and `/v1alpha1/graphql` (src: server/src-lib/Hasura/Server/App.hs `mkSpockAction`,
 * `v1Alpha1GQHandler`, `maybeMod200`; Transport/HTTP.hs `runGQBatched`):
 * - the body is parsed first; if it does not parse, auth still runs (without the request) and an auth error wins;
 * - errors use the GraphQL envelope; on `/v1/graphql` they are HTTP 200 (except 401s with
 *   `HASURA_GRAPHQL_PRESERVE_401_ERRORS`), `/v1alpha1/graphql` keeps the real status;
 * - a batch answers an array with one response per request (errors inline, HTTP 200);
 * - the runtime's JSON text is written as is; `extensions.internal` only for admin (or dev mode);
 * - the auth webhook's `Set-Cookie` headers are added to successful responses.
 */
import type { ExecuteRequest } from '../runtime.js';
import { invalidJsonMessage } from '../auth/aeson-errors.js';
import type { Session } from '../session.js';
import { includeInternal } from './config.js';
import type { AuthResult, RequestCtx, ServerState } from './context.js';
import { decodeGetRequest, decodeGqlRequests, type GqlRequests } from './gql-request.js';
import { BodyTooLarge, readBody, sendJson } from './http-io.js';
import { QErr, encodeGQErr, gqlErrorEntry, stripInternalFromErrorBody, toQErr } from './qerr.js';

export type GraphQLFlavour = 'v1' | 'v1alpha1';

function errorStatus(state: ServerState, flavour: GraphQLFlavour, e: QErr): number {
  if (flavour === 'v1alpha1') return e.status;
  return state.cfg.preserve401 && e.status === 401 ? 401 : 200;
}

function sendGqlError(
  state: ServerState,
  ctx: RequestCtx,
  flavour: GraphQLFlavour,
  e: QErr,
  withInternal: boolean,
): void {
  sendJson(ctx.res, errorStatus(state, flavour, e), encodeGQErr(e, withInternal));
}

/** Status of an error body the runtime returned as text (only consulted for /v1alpha1). */
function statusOfErrorBody(body: string): number {
  if (!body.startsWith('{"errors"')) return 200;
  try {
    const parsed = JSON.parse(body) as { errors?: Array<{ extensions?: { code?: string } }> };
    return parsed.errors?.[0]?.extensions?.code === 'unexpected' ? 500 : 400;
  } catch {
    return 400;
  }
}

/**
 * The runtime renders its own errors; when `HASURA_GRAPHQL_ADMIN_INTERNAL_ERRORS=false` (or for non-admins) drop any
 * `extensions.internal` it added.
 */
function hideInternal(state: ServerState, session: Session, body: string): string {
  return includeInternal(state.cfg, session.role) ? body : stripInternalFromErrorBody(body);
}

async function executeOne(
  state: ServerState,
  ctx: RequestCtx,
  req: ExecuteRequest,
  session: Session,
): Promise<{ body: string; headers: Array<[string, string]>; error?: QErr }> {
  try {
    const r = await state.runtime.execute(req, session, { headers: ctx.flatHeaders });
    return { body: hideInternal(state, session, r.body), headers: Object.entries(r.headers ?? {}) };
  } catch (e) {
    const q = toQErr(e);
    if (q.code === 'unexpected' && !(e instanceof QErr))
      state.log(
        `graphql: unexpected error (request ${ctx.requestId}): ${e instanceof Error ? (e.stack ?? e.message) : 'non-error thrown'}`,
      );
    return {
      body: JSON.stringify({ errors: [gqlErrorEntry(q, includeInternal(state.cfg, session.role))] }),
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
      sendGqlError(state, ctx, flavour, r.error, includeInternal(state.cfg, session.role));
      return;
    }
    const status = flavour === 'v1alpha1' ? statusOfErrorBody(r.body) : 200;
    sendJson(ctx.res, status, r.body, [...r.headers, ...auth.responseHeaders]);
    return;
  }
  // Batches run one after the other, like upstream's `traverse`.
  const parts: string[] = [];
  const headers: Array<[string, string]> = [];
  for (const q of reqs.reqs) {
    const r = await executeOne(state, ctx, q, session);
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
    if (e instanceof BodyTooLarge) {
      ctx.res.setHeader('Connection', 'close');
      sendJson(ctx.res, 413, encodeGQErr(new QErr(413, 'bad-request', 'request body is too large'), false));
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
      throw new QErr(400, 'invalid-json', invalidJsonMessage(text, e));
    }
    reqs = decodeGqlRequests(raw);
  } catch (parseErr) {
    // Upstream authenticates first even when the body does not parse; an auth error takes precedence.
    try {
      await authenticate(state, ctx, undefined);
    } catch (authErr) {
      sendGqlError(state, ctx, flavour, toQErr(authErr), false);
      return;
    }
    sendGqlError(state, ctx, flavour, toQErr(parseErr), false);
    return;
  }
  let auth: AuthResult;
  try {
    auth = await authenticate(state, ctx, reqs.batch ? reqs.reqs : reqs.reqs[0]);
  } catch (authErr) {
    sendGqlError(state, ctx, flavour, toQErr(authErr), false);
    return;
  }
  await run(state, ctx, flavour, reqs, auth);
}

export async function handleGraphQLGet(state: ServerState, ctx: RequestCtx): Promise<void> {
  let auth: AuthResult;
  try {
    auth = await authenticate(state, ctx, undefined);
  } catch (authErr) {
    sendGqlError(state, ctx, 'v1', toQErr(authErr), false);
    return;
  }
  let req: ExecuteRequest;
  try {
    req = decodeGetRequest(ctx.url.searchParams);
  } catch (e) {
    sendGqlError(state, ctx, 'v1', toQErr(e), includeInternal(state.cfg, auth.session.role));
    return;
  }
  await run(state, ctx, 'v1', { batch: false, reqs: [req] }, auth);
}
