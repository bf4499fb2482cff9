/**
 * Request headers as the auth layer sees them: ordered `[name, value]` pairs with the client's original casing
 * (Node's `req.rawHeaders`), because the webhook receives header names as sent (src: Hasura/HTTP.hs `hdrsToText`
 * keeps `CI.original`).
 */
export type HeaderList = ReadonlyArray<readonly [string, string]>;

/** Headers never forwarded to the GET auth hook (src: server/src-lib/Hasura/Authentication/Headers.hs `commonClientHeadersIgnored`). */
export const COMMON_CLIENT_HEADERS_IGNORED: ReadonlySet<string> = new Set(
  [
    'Content-Length',
    'Content-MD5',
    'User-Agent',
    'Host',
    'Origin',
    'Referer',
    'Accept',
    'Accept-Encoding',
    'Accept-Language',
    'Accept-Datetime',
    'Cache-Control',
    'Connection',
    'DNT',
    'Content-Type',
  ].map((h) => h.toLowerCase()),
);

export const ADMIN_SECRET_HEADER = 'x-hasura-admin-secret';
export const ACCESS_KEY_HEADER = 'x-hasura-access-key';
export const ROLE_HEADER = 'x-hasura-role';
export const BACKEND_ONLY_HEADER = 'x-hasura-use-backend-only-permissions';

/** `[k1, v1, k2, v2, …]` (Node's rawHeaders) → pairs. */
export function fromRawHeaders(raw: readonly string[]): Array<[string, string]> {
  const out: Array<[string, string]> = [];
  for (let i = 0; i + 1 < raw.length; i += 2) out.push([raw[i] as string, raw[i + 1] as string]);
  return out;
}

/** First value of a header, case-insensitively (Hasura's `getRequestHeader`). */
export function getHeader(headers: HeaderList, name: string): string | undefined {
  const n = name.toLowerCase();
  for (const [k, v] of headers) if (k.toLowerCase() === n) return v;
  return undefined;
}

/** Session variables are the `x-hasura-*` headers, keys lowercased, later duplicates win (src: Session.hs `mkSessionVariablesHeaders`). */
export function sessionVariablesFromHeaders(headers: HeaderList): Map<string, string> {
  const out = new Map<string, string>();
  for (const [k, v] of headers) {
    const key = k.toLowerCase();
    if (key.startsWith('x-hasura-')) out.set(key, v);
  }
  return out;
}

/** Session variables from a JSON object of strings (webhook body, JWT claims): non-`x-hasura-*` keys dropped (`sessionVariablesFromMap`). */
export function sessionVariablesFromObject(obj: Record<string, string>): Map<string, string> {
  const out = new Map<string, string>();
  for (const [k, v] of Object.entries(obj)) {
    const key = k.toLowerCase();
    if (key.startsWith('x-hasura-')) out.set(key, v);
  }
  return out;
}

/**
 * Headers a websocket is authenticated with at `connection_init`: the payload's `headers` first, then the upgrade
 * request's headers (src: server/src-lib/Hasura/GraphQL/Transport/WebSocket.hs `onConnInit` `mkHeaders`). Non-string
 * payload values are ignored.
 */
export function connectionInitHeaders(payloadHeaders: unknown, upgradeHeaders: HeaderList): HeaderList {
  const out: Array<[string, string]> = [];
  if (typeof payloadHeaders === 'object' && payloadHeaders !== null && !Array.isArray(payloadHeaders)) {
    for (const [k, v] of Object.entries(payloadHeaders)) if (typeof v === 'string') out.push([k, v]);
  }
  return [...out, ...upgradeHeaders];
}
