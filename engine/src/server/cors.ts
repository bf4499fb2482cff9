/**
 * Hasura's CORS middleware (src: server/src-lib/Hasura/Server/Middleware.hs `corsMiddleware`): when the request has an
 * allowed `Origin`, echo it with credentials and the allowed methods; answer `OPTIONS` pre-flights with 204 directly.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { CorsPolicy } from './config.js';

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
