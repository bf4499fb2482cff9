/**
 * Shared plumbing of the admin (non-GraphQL) APIs: authenticate, read and parse the JSON body, and answer with the
 * `encodeQErr` envelope and the error's real status (src: Server/App.hs `mkSpockAction` with `encodeQErr`).
 */
import { invalidJsonMessage } from '../auth/aeson-errors.js';
import { includeInternal } from './config.js';
import type { AuthResult, RequestCtx, ServerState } from './context.js';
import { BodyTooLarge, readBody, sendJson } from './http-io.js';
import { QErr, encodeQErr, toQErr } from './qerr.js';

/** OSS `authorizeV1MetadataApi` / `authorizeV2QueryApi`. */
export function restrictedAdminOnly(auth: AuthResult): void {
  if (auth.session.role !== 'admin') throw new QErr(400, 'access-denied', 'restricted access : admin only', '$.args');
}

/** `onlyAdmin` (explain, config). */
export function onlyAdmin(auth: AuthResult): void {
  if (auth.session.role !== 'admin')
    throw new QErr(400, 'access-denied', 'You have to be an admin to access this endpoint');
}

export function sendQErr(state: ServerState, ctx: RequestCtx, e: unknown, role: string | undefined): void {
  const q = toQErr(e);
  if (q.code === 'unexpected' && !(e instanceof QErr)) {
    state.log(
      `${ctx.url.pathname}: unexpected error (request ${ctx.requestId}): ${e instanceof Error ? (e.stack ?? e.message) : 'non-error thrown'}`,
    );
  }
  sendJson(ctx.res, q.status, encodeQErr(q, role !== undefined && includeInternal(state.cfg, role)));
}

/**
 * Run a POST admin endpoint: auth (error → its status), body parse (`invalid-json`), then `handler`, whose result is
 * JSON text. Errors thrown by the handler are rendered with `internal` for admins.
 */
export async function adminPost(
  state: ServerState,
  ctx: RequestCtx,
  handler: (body: unknown, auth: AuthResult) => Promise<string>,
): Promise<void> {
  let auth: AuthResult;
  try {
    auth = await state.auth.resolve(ctx.headers, undefined);
  } catch (e) {
    sendQErr(state, ctx, e, undefined);
    return;
  }
  let body: unknown;
  try {
    const text = await readBody(ctx.req, state.cfg.maxBodyBytes);
    try {
      body = JSON.parse(text);
    } catch (e) {
      throw new QErr(400, 'invalid-json', invalidJsonMessage(text, e));
    }
  } catch (e) {
    if (e instanceof BodyTooLarge) {
      ctx.res.setHeader('Connection', 'close');
      sendQErr(state, ctx, new QErr(413, 'bad-request', 'request body is too large'), undefined);
      return;
    }
    sendQErr(state, ctx, e, auth.session.role);
    return;
  }
  try {
    const out = await handler(body, auth);
    sendJson(ctx.res, 200, out, auth.responseHeaders);
  } catch (e) {
    sendQErr(state, ctx, e, auth.session.role);
  }
}
