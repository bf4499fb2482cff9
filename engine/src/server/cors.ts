/**
 * Hasura's CORS middleware (src: server/src-lib/Hasura/Server/Middleware.hs `corsMiddleware`): when the request has an
 * allowed `Origin`, echo it with credentials and the allowed methods; answer `OPTIONS` pre-flights with 204 directly.
 * The same policy decides websocket upgrades ({@link websocketOrigin}).
 */
import type { IncomingHttpHeaders, IncomingMessage, ServerResponse } from 'node:http';
import type { CorsPolicy } from '../config/server-config.js';
import { EngineError } from '../errors.js';

const METHODS = 'GET,POST,PUT,PATCH,DELETE,OPTIONS';

function originAllowed(policy: CorsPolicy, origin: string): boolean {
  if (policy.kind === 'star') return true;
  if (policy.kind === 'disabled') return false;
  if (policy.exact.has(origin)) return true;
  let u: URL;
  try {
    u = new URL(origin);
  } catch {
    return false;
  }
  const scheme = u.protocol.replace(/:$/, '').toLowerCase();
  const host = u.hostname.toLowerCase();
  const dot = host.indexOf('.');
  const parent = dot < 0 ? '' : host.slice(dot + 1);
  return policy.wildcards.some((w) => w.scheme === scheme && w.host === parent && w.port === u.port);
}

/** Returns true when the request was fully answered (a pre-flight). */
export function applyCors(policy: CorsPolicy, req: IncomingMessage, res: ServerResponse): boolean {
  const origin = req.headers.origin;
  if (origin === undefined || !originAllowed(policy, origin)) return false;
  res.setHeader('Access-Control-Allow-Origin', origin);
  res.setHeader('Access-Control-Allow-Credentials', 'true');
  res.setHeader('Access-Control-Allow-Methods', METHODS);
  if (req.method === 'OPTIONS') {
    res.setHeader('Access-Control-Max-Age', '1728000');
    res.setHeader('Access-Control-Allow-Headers', req.headers['access-control-request-headers'] ?? '');
    res.setHeader('Content-Length', '0');
    res.setHeader('Content-Type', 'text/plain charset=UTF-8');
    res.writeHead(204);
    res.end();
    return true;
  }
  return false;
}

export type WsOriginDecision = { accept: false; error: EngineError } | { accept: true; readCookie: boolean };

function defaultPort(scheme: string): string {
  return scheme === 'https:' || scheme === 'wss:' ? '443' : '80';
}

/** The `Origin` names the host the request was sent to (`Host`, as the gateway passes it through). */
function sameOrigin(origin: string, host: string | undefined): boolean {
  if (host === undefined) return false;
  let o: URL;
  let h: URL;
  try {
    o = new URL(origin);
    h = new URL(`${o.protocol}//${host}`);
  } catch {
    return false;
  }
  const port = (u: URL): string => u.port || defaultPort(o.protocol);
  return o.hostname.toLowerCase() === h.hostname.toLowerCase() && port(o) === port(h);
}

/**
 * The `Origin` of a websocket upgrade (src: Transport/WebSocket.hs `onConn` `enforceCors`). Browsers always send it
 * and attach the site's cookies themselves, so a foreign page could otherwise open an authenticated socket and read
 * the user's subscriptions (cross-site websocket hijacking). No `Origin` (not a browser): accepted as is.
 * - listed domains: an origin outside them is refused with 400 `access-denied`, exactly as Hasura;
 * - CORS disabled: accepted without the cookie unless `HASURA_GRAPHQL_WS_READ_COOKIE`, exactly as Hasura;
 * - `*`: accepted, but a cross-origin upgrade (Origin ≠ Host) is not authenticated by its cookie. Hasura reads it;
 *   this engine does not (engine/CONFORMANCE.md "Deviations"): other credentials (connection_init headers) still work.
 */
export function websocketOrigin(
  policy: CorsPolicy,
  wsReadCookie: boolean,
  headers: IncomingHttpHeaders,
): WsOriginDecision {
  const origin = headers.origin;
  if (origin === undefined) return { accept: true, readCookie: true };
  if (policy.kind === 'disabled') return { accept: true, readCookie: wsReadCookie };
  if (policy.kind === 'star') return { accept: true, readCookie: sameOrigin(origin, headers.host) };
  if (originAllowed(policy, origin)) return { accept: true, readCookie: true };
  return {
    accept: false,
    error: EngineError.badRequest('access-denied', 'received origin header does not match configured CORS domains'),
  };
}
