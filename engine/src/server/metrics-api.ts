/**
 * GET /v1/metrics, like Hasura Enterprise: served when `metrics` is in HASURA_GRAPHQL_ENABLED_APIS (else 404 as any
 * disabled API), with `Authorization: Bearer <HASURA_GRAPHQL_METRICS_SECRET>` required when that is set.
 */
import { timingSafeEqual } from 'node:crypto';
import { EngineError } from '../errors.js';
import { sendApiError } from './admin-api.js';
import type { RequestCtx, ServerState } from './context.js';
import { sendText } from './http-io.js';

function bearerMatches(header: string | undefined, secret: string): boolean {
  const m = /^Bearer (.+)$/i.exec(header ?? '');
  if (!m?.[1]) return false;
  const given = Buffer.from(m[1]);
  const want = Buffer.from(secret);
  return given.length === want.length && timingSafeEqual(given, want);
}

export async function handleMetrics(state: ServerState, ctx: RequestCtx): Promise<void> {
  const secret = state.cfg.metricsSecret;
  if (secret !== undefined && !bearerMatches(ctx.flatHeaders['authorization'], secret)) {
    sendApiError(state, ctx, EngineError.unauthorized('invalid metrics secret'), undefined);
    return;
  }
  const { registry } = state.metrics;
  sendText(ctx.res, 200, registry.contentType, await registry.metrics());
}
