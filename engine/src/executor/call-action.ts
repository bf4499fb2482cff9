/**
 * POST one synchronous action to its handler (src: Hasura/GraphQL/Execute/Action.hs `callWebhook`; headers:
 * Hasura/HTTP.hs `addDefaultHeaders`, Hasura/Session.hs `mkClientHeadersForward`). The handler URL's `{{ENV}}` and
 * `value_from_env` headers come from the engine env. A handler that hangs is cut at the action's timeout; a handler
 * that is down gives `http exception when calling webhook`, never a hung request.
 */
import { HttpClientError, httpRequest } from '../http/client.js';
import type { ActionsConfig } from '../config/runtime-config.js';
import { EngineError } from '../errors.js';
import type { ActionInfo } from '../model/action-types.js';
import type { Json } from '../transforms/kriti.js';
import type { WebhookRequest } from '../transforms/transform.js';
import { applyRequestTransform, applyResponseTransform } from '../transforms/transform.js';

export const ACTION_USER_AGENT = 'hasura-graphql-engine/v2.48.10';

/** Hasura's `commonClientHeadersIgnored` (Hasura/HTTP.hs), lowercased. */
const IGNORED = new Set([
  'content-length',
  'content-md5',
  'user-agent',
  'host',
  'origin',
  'referer',
  'accept',
  'accept-encoding',
  'accept-language',
  'accept-datetime',
  'cache-control',
  'connection',
  'dnt',
  'content-type',
]);
const FORWARDED: Readonly<Record<string, string>> = {
  host: 'X-Forwarded-Host',
  'user-agent': 'X-Forwarded-User-Agent',
  origin: 'X-Forwarded-Origin',
};

export interface ActionHttpResult {
  readonly status: number;
  readonly body: string;
  /** Response headers with their original casing, in order. */
  readonly headers: readonly { readonly name: string; readonly value: string }[];
}

export interface ActionCall {
  readonly url: string;
  readonly headers: readonly { readonly name: string; readonly value: string }[];
  readonly body: string;
  /** Headers for `extensions.internal.request.headers` (configured ones, as Hasura reports). */
  readonly reported: readonly { readonly name: string; readonly value: string }[];
  /** The handler as configured (`{{ENV}}` unresolved), as Hasura reports it in `internal.request.url`. */
  readonly template: string;
  /** With a `request_transform`: the request actually sent, and `internal.request.transformed_request`. */
  readonly transformed?: WebhookRequest;
  readonly transformedReport?: Json;
  /** With a `response_transform`: how to rewrite the handler's body (`$request` is the request context). */
  readonly respond?: (res: { status: number; body: string }) => string;
}

function resolveEnv(template: string, env: Readonly<Record<string, string | undefined>>): string {
  return template.replace(/\{\{\s*([A-Za-z_][A-Za-z0-9_]*)\s*\}\}/g, (_m, name: string) => {
    const v = env[name];
    if (v === undefined) throw new EngineError('not-found', `environment variable '${name}' not set`, '$');
    return v;
  });
}

/** Build the request: URL, headers (configured, then client headers unless a configured one has the same name), body. */
export function buildActionCall(
  a: ActionInfo,
  body: unknown,
  clientHeaders: Readonly<Record<string, string>>,
  actions: ActionsConfig,
): ActionCall {
  const configured = a.headers.map((h) => ({
    name: h.name,
    value: 'value' in h ? h.value : (actions.env[h.value_from_env] ?? ''),
  }));
  const out: { name: string; value: string }[] = [
    { name: 'Content-Type', value: 'application/json' },
    { name: 'User-Agent', value: ACTION_USER_AGENT },
  ];
  const clientWins = !actions.configuredHeaderPrecedence;
  const forwarded: { name: string; value: string }[] = [];
  if (a.forwardClientHeaders) {
    for (const [k, v] of Object.entries(clientHeaders)) {
      const lk = k.toLowerCase();
      const fw = FORWARDED[lk];
      if (fw) forwarded.push({ name: fw, value: v });
      if (IGNORED.has(lk) || lk.startsWith('x-hasura-')) continue;
      forwarded.push({ name: k, value: v });
    }
  }
  const names = (l: { name: string }[]): Set<string> => new Set(l.map((h) => h.name.toLowerCase()));
  const [first, second] = clientWins ? [forwarded, configured] : [configured, forwarded];
  const taken = names(first);
  out.push(...first, ...second.filter((h) => !taken.has(h.name.toLowerCase())));
  // the request's id (the client's, or the engine's own), so the handler's logs match the engine's
  const requestId = clientHeaders['x-request-id'];
  if (requestId !== undefined && !names(out).has('x-request-id')) out.push({ name: 'X-Request-Id', value: requestId });
  const call: ActionCall = {
    url: resolveEnv(a.handler, actions.env),
    headers: out,
    body: JSON.stringify(body),
    reported: configured,
    template: a.handler,
  };
  const vars = (body as { session_variables?: Record<string, string> }).session_variables ?? {};
  return withTransforms(a, call, body as Json, vars);
}

/** Apply the action's request transform now and attach its response transform (actions/transform.ts). */
function withTransforms(a: ActionInfo, call: ActionCall, payload: Json, vars: Record<string, string>): ActionCall {
  const t = a.requestTransform
    ? applyRequestTransform(a.requestTransform, { url: call.url, headers: call.headers, payload }, vars, a.timeout)
    : null;
  const rt = a.responseTransform;
  return {
    ...call,
    ...(t ? { transformed: t.request, transformedReport: t.report } : {}),
    ...(rt ? { respond: (res) => applyResponseTransform(rt, res, t ? t.context : null, vars) } : {}),
  };
}

/**
 * POST (or the transformed request) with a hard timeout (seconds). Network failures and timeouts become `http
 * exception when calling webhook`. A response transform rewrites the body before anything reads it.
 */
export async function postAction(call: ActionCall, timeoutSec: number): Promise<ActionHttpResult> {
  const res = await send(call.transformed ?? { method: 'POST', ...call }, timeoutSec);
  return call.respond ? { ...res, body: call.respond(res) } : res;
}

async function send(call: WebhookRequest, timeoutSec: number): Promise<ActionHttpResult> {
  const named: Record<string, string> = {};
  for (const h of call.headers) named[h.name] = h.value;
  named['Content-Length'] = String(Buffer.byteLength(call.body ?? ''));
  try {
    const res = await httpRequest(call.url, {
      method: call.method,
      headers: Object.entries(named).flat(),
      ...(call.body ? { body: call.body } : {}),
      timeoutMs: timeoutSec * 1000,
      maxBytes: Number.POSITIVE_INFINITY,
      reuseConnections: true,
    });
    const list: { name: string; value: string }[] = [];
    const raw = res.rawHeaders;
    for (let i = 0; i + 1 < raw.length; i += 2) list.push({ name: raw[i] ?? '', value: raw[i + 1] ?? '' });
    return { status: res.status, body: res.body, headers: list };
  } catch (e) {
    throw webhookException(call.url, e);
  }
}

/** Hasura's error for a handler it could not reach or that did not answer in time. */
function webhookException(url: string, e: unknown): EngineError {
  if (!(e instanceof HttpClientError)) return e instanceof EngineError ? e : EngineError.unexpected('unexpected error');
  const internal =
    e.kind === 'invalid-url'
      ? { message: `invalid URL: ${url}` }
      : { message: e.kind === 'timeout' ? 'ResponseTimeout' : e.message, request: { url } };
  return new EngineError('unexpected', 'http exception when calling webhook', '$', internal);
}
