/**
 * Shared plumbing of the admin (non-GraphQL) APIs: authenticate, read and parse the JSON body, and answer with the
 * `encodeQErr` envelope and the error's real status (src: Server/App.hs `mkSpockAction` with `encodeQErr`).
 */
import { invalidJsonMessage } from '../auth/aeson-errors.js';
import { EngineError, asEngineError, encodeApiError, showsInternal } from '../errors.js';
import type { AuthResult, RequestCtx, ServerState } from './context.js';
import { isBodyTooLarge, readBody, sendJson } from './http-io.js';

/** OSS `authorizeV1MetadataApi` / `authorizeV2QueryApi`. */
export function restrictedAdminOnly(auth: AuthResult): void {
  if (auth.session.role !== 'admin')
    throw EngineError.badRequest('access-denied', 'restricted access : admin only', '$.args');
}

/** `onlyAdmin` (explain, config). */
export function onlyAdmin(auth: AuthResult): void {
  if (auth.session.role !== 'admin')
    throw EngineError.badRequest('access-denied', 'You have to be an admin to access this endpoint');
}

/** Answer with the error's status and body; `role` is the authenticated one (none: `internal` is never shown). */
export function sendApiError(state: ServerState, ctx: RequestCtx, e: unknown, role: string | undefined): void {
  if (!(e instanceof EngineError)) {
    state.log(
      `${ctx.url.pathname}: unexpected error (request ${ctx.requestId}): ${e instanceof Error ? (e.stack ?? e.message) : 'non-error thrown'}`,
    );
  }
  const q = asEngineError(e);
  sendJson(ctx.res, q.status, encodeApiError(q, showsInternal(state.cfg.internalErrors, role)));
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
    sendApiError(state, ctx, e, undefined);
    return;
  }
  let body: unknown;
  try {
    const text = await readBody(ctx.req, state.cfg.maxBodyBytes);
    try {
      body = JSON.parse(text);
    } catch (e) {
      throw EngineError.badRequest('invalid-json', invalidJsonMessage(text, e));
    }
  } catch (e) {
    if (isBodyTooLarge(e)) {
      ctx.res.setHeader('Connection', 'close');
      sendApiError(state, ctx, e, undefined);
      return;
    }
    sendApiError(state, ctx, e, auth.session.role);
    return;
  }
  try {
    const out = await handler(body, auth);
    sendJson(ctx.res, 200, out, auth.responseHeaders);
  } catch (e) {
    sendApiError(state, ctx, e, auth.session.role);
  }
}
