/**
 * `GET /healthz` and `/hasura/healthz` (`OK`, `WARN: inconsistent objects in schema`, or with `?strict=true`
 * 500 `ERROR: inconsistent objects in schema`), and `GET /v1/version` (src: Server/App.hs `healthzAction`).
 */
import type { RequestCtx, ServerState } from './context.js';
import { sendJson, sendText } from './http-io.js';

export const HASURA_VERSION = 'v2.48.10';

export function handleHealthz(state: ServerState, ctx: RequestCtx): Promise<void> {
  const inconsistent = state.runtime.inconsistencies().length > 0;
  const strict = ctx.url.searchParams.get('strict') === 'true';
  const [status, text] = !inconsistent
    ? [200, 'OK']
    : strict
      ? [500, 'ERROR: inconsistent objects in schema']
      : [200, 'WARN: inconsistent objects in schema'];
  sendText(ctx.res, status, 'text/plain; charset=utf-8', text);
  return Promise.resolve();
}

export function handleVersion(_state: ServerState, ctx: RequestCtx): Promise<void> {
  sendJson(ctx.res, 200, JSON.stringify({ version: HASURA_VERSION }));
  return Promise.resolve();
}
