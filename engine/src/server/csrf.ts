/**
 * Defence in depth against cross-site request forgery, a deliberate deviation from Hasura (which ignores
 * `Content-Type`; engine/CONFORMANCE.md "Deviations"): a POST that carries a `Cookie` header — the credential a
 * browser attaches on its own, and the one the auth webhook reads — must declare a JSON body (`application/json` or
 * a `…/…+json` type). A cross-site `<form>` or a no-cors `fetch` can only send `text/plain`,
 * `application/x-www-form-urlencoded`, `multipart/form-data` or no type without a CORS pre-flight, so such a request
 * is refused before its body is read or the webhook is called. Requests without a cookie are not affected.
 */
import type { IncomingHttpHeaders } from 'node:http';
import { EngineError } from '../errors.js';

export const COOKIE_NEEDS_JSON = 'a request carrying a Cookie header must have Content-Type: application/json';

function isJsonMediaType(contentType: string | undefined): boolean {
  if (contentType === undefined) return false;
  const media = (contentType.split(';')[0] ?? '').trim().toLowerCase();
  return media === 'application/json' || /^[a-z0-9!#$&^_.+-]+\/[a-z0-9!#$&^_.+-]+\+json$/.test(media);
}

/** The refusal for a body-carrying request with a cookie and no JSON content type, else undefined. */
export function cookieRequestWithoutJson(method: string, headers: IncomingHttpHeaders): EngineError | undefined {
  if (method !== 'POST' || headers.cookie === undefined) return undefined;
  return isJsonMediaType(headers['content-type'])
    ? undefined
    : EngineError.badRequest('bad-request', COOKIE_NEEDS_JSON);
}
