/**
 * Applying an action's request/response transforms to the webhook call (src: server/src-lib/Hasura/RQL/DDL/Webhook/
 * Transform.hs `applyRequestTransform`, `applyResponseTransform`; Transform/Request.hs `mkReqTransformCtx`;
 * Transform/Response.hs; Transform/Class.hs `encodeScalar`; Network/HTTP/Client/Transformable.hs `ToJSON Request`).
 *
 * Every request field is computed from the same context, built from the untransformed request: `$body` (the
 * payload), `$session_variables`, `$query_params` (`[[key, value|null]]` of the handler URL) and `$base_url` (the
 * resolved handler). A URL transform replaces scheme, host, port and path; the query string is then the
 * `query_params` result, or the handler's own parameters when there is none (Hasura sets the query after the URL).
 * Headers: `remove_headers` (case-insensitive) are dropped, then `add_headers` appended. A failure is Hasura's
 * `Request Transformation Failed` / `Response Transformation Failed` (500, `unexpected`, the error list in
 * `internal`). The response transform sees `$body` (the handler's JSON, or null), `$request` (the request contexts,
 * null without a request transform), `$response: {status}` and `$session_variables`.
 */
import { EngineError } from '../errors.js';
import type { Json } from './kriti.js';
import { KritiError, runKriti, sessionFunctions } from './kriti.js';
import type { BodyTransform, RequestTransform, ResponseTransform } from './transform-metadata.js';
import { wrapUnescaped } from './transform-metadata.js';
import { escapeUriComponent } from './kriti-functions.js';

export interface Header {
  readonly name: string;
  readonly value: string;
}

/** The request as sent: `body` null means none. */
export interface WebhookRequest {
  readonly method: string;
  readonly url: string;
  readonly headers: readonly Header[];
  readonly body: string | null;
}

export interface TransformedRequest {
  readonly request: WebhookRequest;
  /** `$request` of the response transform (Hasura's `RequestContext` JSON). */
  readonly context: Json;
  /** `internal.request.transformed_request` (Hasura's `ToJSON Request`). */
  readonly report: Json;
}

type QueryParams = (readonly [string, string | null])[];
type Bindings = Record<string, Json>;

class TransformFailure extends Error {
  constructor(readonly errors: Json[]) {
    super('transform failed');
  }
}

function transformationError(message: string, value?: Json): TransformFailure {
  return new TransformFailure([
    value === undefined
      ? { error_code: 'TransformationError', message }
      : { error_code: 'TransformationError', message, value },
  ]);
}

function run(template: string, bindings: Bindings, vars: Readonly<Record<string, string>>): Json {
  try {
    return runKriti(template, bindings, sessionFunctions(vars));
  } catch (e) {
    if (e instanceof KritiError) throw new TransformFailure([e.serialize() as unknown as Json]);
    throw e;
  }
}

/**
 * Hasura's `encodeScalar`. Unescaped templates are run wrapped in quotes, so Kriti already turned numbers and booleans
 * into text (or failed with `Cannot interpolate type`); anything else is the TransformationError Hasura reports.
 */
function scalar(v: Json): string {
  if (typeof v === 'string') return v;
  throw transformationError('Template must produce a String, Number, or Boolean value', v);
}

/** Run every unescaped template of one field, collecting all errors (Hasura's `Validation`). */
function unescapedAll<T>(
  items: readonly T[],
  f: (item: T, text: (t: string) => string) => void,
  bindings: Bindings,
  vars: Readonly<Record<string, string>>,
): void {
  const errors: Json[] = [];
  for (const item of items) {
    try {
      f(item, (t) => scalar(run(wrapUnescaped(t), bindings, vars)));
    } catch (e) {
      if (!(e instanceof TransformFailure)) throw e;
      errors.push(...e.errors);
    }
  }
  if (errors.length > 0) throw new TransformFailure(errors);
}

export function parseQuery(search: string): QueryParams {
  const q = search.startsWith('?') ? search.slice(1) : search;
  if (q === '') return [];
  const dec = (s: string): string => decodeURIComponent(s.replace(/\+/g, ' '));
  return q
    .split('&')
    .filter((p) => p !== '')
    .map((p) => {
      const i = p.indexOf('=');
      return i < 0 ? ([dec(p), null] as const) : ([dec(p.slice(0, i)), dec(p.slice(i + 1))] as const);
    });
}

/** http-types `renderQuery True`. */
export function renderQuery(params: QueryParams): string {
  if (params.length === 0) return '';
  const enc = escapeUriComponent;
  return `?${params.map(([k, v]) => (v === null ? enc(k) : `${enc(k)}=${enc(v)}`)).join('&')}`;
}

/** Network.URI `parseURI`: an absolute URI of allowed characters. */
const VALID_URI = /^[A-Za-z][A-Za-z0-9+.-]*:[A-Za-z0-9\-._~:/?#[\]@!$&'()*+,;=%]*$/;

function bodyOf(
  b: BodyTransform,
  bindings: Bindings,
  vars: Readonly<Record<string, string>>,
): { json: Json | undefined; raw: string | null } {
  if (b.action === 'remove') return { json: undefined, raw: null };
  if (b.action === 'transform') {
    const json = run(b.template, bindings, vars);
    return { json, raw: JSON.stringify(json) };
  }
  const parts: string[] = [];
  unescapedAll(
    b.form,
    ([k, t], text) => parts.push(`${escapeUriComponent(k)}=${escapeUriComponent(text(t))}`),
    bindings,
    vars,
  );
  return { json: undefined, raw: parts.join('&') };
}

function newUrl(t: RequestTransform, base: URL, bindings: Bindings, vars: Readonly<Record<string, string>>): URL {
  if (t.url === null) return new URL(base.href);
  const v = run(wrapUnescaped(t.url), bindings, vars);
  if (typeof v !== 'string')
    throw transformationError(`URL Transforms must produce a JSON String: ${JSON.stringify(v)}`);
  if (!VALID_URI.test(v)) throw transformationError(`Invalid URL: ${v}`);
  return new URL(v);
}

function newQuery(
  t: RequestTransform,
  old: QueryParams,
  bindings: Bindings,
  vars: Readonly<Record<string, string>>,
): QueryParams {
  const qp = t.queryParams;
  if (qp === null) return old;
  if (qp.kind === 'template') return parseQuery(scalar(run(wrapUnescaped(qp.template), bindings, vars)));
  const out: [string, string | null][] = [];
  unescapedAll(qp.pairs, ([k, v], text) => out.push([text(k), v === null ? null : text(v)]), bindings, vars);
  return out;
}

function newHeaders(
  t: RequestTransform,
  old: readonly Header[],
  bindings: Bindings,
  vars: Readonly<Record<string, string>>,
): readonly Header[] {
  if (t.headers === null) return old;
  const remove = new Set(t.headers.remove.map((h) => h.toLowerCase()));
  const added: Header[] = [];
  unescapedAll(t.headers.add, ([name, v], text) => added.push({ name, value: text(v) }), bindings, vars);
  return [...old.filter((h) => !remove.has(h.name.toLowerCase())), ...added];
}

/** `internal.request.transformed_request`: http-client's view of the request. */
function report(req: WebhookRequest, timeoutSec: number): Json {
  const u = new URL(req.url);
  return {
    url: `${u.protocol}//${u.host}${u.pathname}${u.search}`,
    method: req.method,
    headers: req.headers.map((h) => [h.name, h.value]),
    body: req.body ?? '',
    query_string: u.search,
    response_timeout: String(timeoutSec * 1_000_000),
  };
}

/** Apply a request transform; `baseUrl` is the resolved handler, `payload` the JSON body Hasura would send. */
export function applyRequestTransform(
  t: RequestTransform,
  req: { readonly url: string; readonly headers: readonly Header[]; readonly payload: Json },
  vars: Readonly<Record<string, string>>,
  timeoutSec: number,
): TransformedRequest {
  const base = new URL(req.url);
  const oldQuery = parseQuery(base.search);
  const ctx: Bindings = {
    $body: req.payload,
    $session_variables: vars,
    $query_params: oldQuery.map((p) => [...p]),
    $base_url: req.url,
  };
  try {
    const method = t.method ?? 'POST';
    const url = newUrl(t, base, ctx, vars);
    const body = t.body === null ? JSON.stringify(req.payload) : bodyOf(t.body, ctx, vars).raw;
    url.search = renderQuery(newQuery(t, oldQuery, ctx, vars));
    const headers = newHeaders(t, req.headers, ctx, vars);
    const request: WebhookRequest = { method, url: url.href, headers, body };
    const context = {
      body: req.payload,
      session_variables: vars,
      base_url: req.url,
      query_params: ctx['$query_params'] ?? [],
    };
    return {
      request,
      context: { method: context, url: context, body: context, query_params: context, request_headers: context },
      report: report(request, timeoutSec),
    };
  } catch (e) {
    if (e instanceof TransformFailure)
      throw new EngineError('unexpected', 'Request Transformation Failed', '$', e.errors, 500);
    throw e;
  }
}

/** Apply a response transform to the handler's body; returns the new body text. */
export function applyResponseTransform(
  t: ResponseTransform,
  res: { readonly status: number; readonly body: string },
  requestContext: Json,
  vars: Readonly<Record<string, string>>,
): string {
  if (t.body === null) return res.body;
  let body: Json = null;
  try {
    body = JSON.parse(res.body) as Json;
  } catch {
    /* not JSON: $body is null */
  }
  const ctx: Bindings = {
    $body: body,
    $request: requestContext,
    $response: { status: res.status },
    $session_variables: vars,
  };
  try {
    if (t.body.action === 'remove') return 'null';
    const out = bodyOf(t.body, ctx, vars);
    return out.raw === null ? 'null' : t.body.action === 'transform' ? out.raw : JSON.stringify(out.raw);
  } catch (e) {
    if (e instanceof TransformFailure)
      throw new EngineError('unexpected', 'Response Transformation Failed', '$', e.errors, 500);
    throw e;
  }
}
