/**
 * The metadata shape of action `request_transform` / `response_transform` (src: server/src-lib/Hasura/RQL/DDL/Webhook/
 * Transform.hs `FromJSON RequestTransform`, `MetadataResponseTransform`; Transform/{Body,Headers,QueryParams,Url,
 * Method,Request}.hs; docs: api-reference/syntax-defs.mdx#requesttransformation). Version 1 (the default) has `body` as
 * a template string; version 2 has `body: {action: transform|remove|x_www_form_urlencoded, template, form_template}`.
 * `parse*` throw `TransformShapeError` with Aeson-like messages; `templateErrors` parses every template the way
 * Hasura's `validateTransforms` does for create_action/update_action.
 */
import { EngineError } from '../errors.js';
import type { SerializedKritiError } from './kriti.js';
import { KritiError, parseKriti } from './kriti.js';

export type BodyTransform =
  | { readonly action: 'remove' }
  | { readonly action: 'transform'; readonly template: string }
  | { readonly action: 'x_www_form_urlencoded'; readonly form: readonly (readonly [string, string])[] };

export type QueryParamsTransform =
  | { readonly kind: 'pairs'; readonly pairs: readonly (readonly [string, string | null])[] }
  | { readonly kind: 'template'; readonly template: string };

export interface HeadersTransform {
  readonly add: readonly (readonly [string, string])[];
  readonly remove: readonly string[];
}

export interface RequestTransform {
  readonly version: 1 | 2;
  readonly method: string | null;
  /** Unescaped template (run as a string template). */
  readonly url: string | null;
  readonly body: BodyTransform | null;
  readonly queryParams: QueryParamsTransform | null;
  readonly headers: HeadersTransform | null;
}

export interface ResponseTransform {
  readonly version: 1 | 2;
  readonly body: BodyTransform | null;
}

export class TransformShapeError extends Error {
  constructor(
    readonly path: string,
    readonly detail: string,
  ) {
    super(`Error in ${path}: ${detail}`);
  }
}

type Obj = Record<string, unknown>;

function kind(v: unknown): string {
  if (v === null) return 'Null';
  if (Array.isArray(v)) return 'Array';
  if (typeof v === 'object') return 'Object';
  return typeof v === 'string' ? 'String' : typeof v === 'number' ? 'Number' : 'Boolean';
}

function fail(path: string, message: string): never {
  throw new TransformShapeError(path, message);
}

function object(v: unknown, path: string, what: string): Obj {
  if (v === null || typeof v !== 'object' || Array.isArray(v))
    fail(path, `parsing ${what} failed, expected Object, but encountered ${kind(v)}`);
  return v as Obj;
}

function text(v: unknown, path: string, what = 'Template'): string {
  if (typeof v !== 'string') fail(path, `parsing ${what} failed, expected String, but encountered ${kind(v)}`);
  return v;
}

/** `.:?`: absent and null both mean "not given". */
const opt = (o: Obj, key: string): unknown => (o[key] === null ? undefined : o[key]);

function version(o: Obj, path: string): 1 | 2 {
  const v = opt(o, 'version');
  if (v === undefined) return 1;
  if (v !== 1 && v !== 2) fail(`${path}.version`, `expected 1 or 2, encountered ${JSON.stringify(v)}`);
  return v;
}

function engine(o: Obj, path: string): void {
  const e = opt(o, 'template_engine');
  if (e !== undefined && e !== 'Kriti')
    fail(`${path}.template_engine`, `expected one of the tags ['Kriti'], but found tag ${JSON.stringify(e)}`);
}

function stringMap(v: unknown, path: string): [string, string][] {
  return Object.entries(object(v, path, 'HashMap')).map(([k, x]) => [k, text(x, `${path}.${k}`)]);
}

function bodyTransform(v: unknown, path: string, ver: 1 | 2): BodyTransform {
  if (ver === 1) return { action: 'transform', template: text(v, path) };
  const o = object(v, path, 'BodyTransformFn');
  const action = text(o['action'], `${path}.action`, 'Text');
  if (action === 'remove') return { action };
  if (action === 'transform') return { action, template: text(o['template'], `${path}.template`) };
  if (action === 'x_www_form_urlencoded')
    return { action, form: stringMap(o['form_template'], `${path}.form_template`) };
  return fail(path, 'invalid transform action');
}

function queryParams(v: unknown, path: string): QueryParamsTransform {
  if (typeof v === 'string') return { kind: 'template', template: v };
  const pairs = Object.entries(object(v, path, 'QueryParams')).map(
    ([k, x]) => [k, x === null ? null : text(x, `${path}.${k}`)] as const,
  );
  return { kind: 'pairs', pairs };
}

function headers(v: unknown, path: string): HeadersTransform {
  const o = object(v, path, 'AddReplaceRemoveFields');
  const add = opt(o, 'add_headers') === undefined ? [] : stringMap(o['add_headers'], `${path}.add_headers`);
  const rm = opt(o, 'remove_headers');
  if (rm !== undefined && !Array.isArray(rm))
    fail(`${path}.remove_headers`, `parsing [] failed, expected Array, but encountered ${kind(rm)}`);
  const remove = ((rm ?? []) as unknown[]).map((x, i) => text(x, `${path}.remove_headers[${i}]`, 'HeaderKey'));
  return { add, remove };
}

/** Parse `request_transform` (path: the JSON path of the value, for messages). */
export function parseRequestTransform(raw: unknown, path = '$'): RequestTransform {
  const o = object(raw, path, 'RequestTransform');
  const ver = version(o, path);
  engine(o, path);
  const at = (k: string): string => `${path}.${k}`;
  const method = opt(o, 'method');
  const url = opt(o, 'url');
  const body = opt(o, 'body');
  const qp = opt(o, 'query_params');
  const hd = opt(o, 'request_headers');
  return {
    version: ver,
    method: method === undefined ? null : text(method, at('method'), 'Method'),
    url: url === undefined ? null : text(url, at('url')),
    body: body === undefined ? null : bodyTransform(body, at('body'), ver),
    queryParams: qp === undefined ? null : queryParams(qp, at('query_params')),
    headers: hd === undefined ? null : headers(hd, at('request_headers')),
  };
}

/** Parse `response_transform`. */
export function parseResponseTransform(raw: unknown, path = '$'): ResponseTransform {
  const o = object(raw, path, 'MetadataResponseTransform');
  const ver = version(o, path);
  engine(o, path);
  const body = opt(o, 'body');
  return { version: ver, body: body === undefined ? null : bodyTransform(body, `${path}.body`, ver) };
}

/** Wrap an unescaped template (URL, header, query param, form value) in quotes: a Kriti string template. */
export const wrapUnescaped = (t: string): string => `"${t}"`;

function bodyTemplates(b: BodyTransform | null): string[] {
  if (!b || b.action === 'remove') return [];
  return b.action === 'transform' ? [b.template] : b.form.map(([, t]) => wrapUnescaped(t));
}

function requestTemplates(t: RequestTransform): string[] {
  const out: string[] = [];
  if (t.url !== null) out.push(wrapUnescaped(t.url));
  out.push(...bodyTemplates(t.body));
  if (t.queryParams?.kind === 'template') out.push(wrapUnescaped(t.queryParams.template));
  for (const [k, v] of t.queryParams?.kind === 'pairs' ? t.queryParams.pairs : [])
    out.push(wrapUnescaped(k), ...(v === null ? [] : [wrapUnescaped(v)]));
  for (const [, v] of t.headers?.add ?? []) out.push(wrapUnescaped(v));
  return out;
}

/** Kriti parse errors of every template in a transform (empty when all parse). */
export function templateErrors(t: RequestTransform | ResponseTransform): SerializedKritiError[] {
  const errors: SerializedKritiError[] = [];
  for (const src of 'url' in t ? requestTemplates(t) : bodyTemplates(t.body)) {
    try {
      parseKriti(src);
    } catch (e) {
      if (!(e instanceof KritiError)) throw e;
      errors.push(e.serialize());
    }
  }
  return errors;
}

/**
 * Hasura's checks on `create_action`/`update_action` (`validateTransforms`): the shape (`parse-failed` at the JSON
 * path), then every template must parse (`validation-failed`, the Kriti errors in `internal`); the response transform
 * is checked first.
 */
export function validateActionTransforms(definition: Record<string, unknown>, path = '$.args.definition'): void {
  const rq = definition['request_transform'];
  const rs = definition['response_transform'];
  try {
    const response = rs === undefined || rs === null ? null : parseResponseTransform(rs, `${path}.response_transform`);
    const request = rq === undefined || rq === null ? null : parseRequestTransform(rq, `${path}.request_transform`);
    for (const [t, what] of [
      [response, 'response'],
      [request, 'request'],
    ] as const) {
      const errors = t ? templateErrors(t) : [];
      if (errors.length > 0)
        throw new EngineError('validation-failed', `${what} transform validation failed`, '$', errors);
    }
  } catch (e) {
    if (e instanceof TransformShapeError) throw new EngineError('parse-failed', e.detail, e.path);
    throw e;
  }
}
