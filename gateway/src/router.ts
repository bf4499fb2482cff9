/**
 * Routing as Traefik does it: the dynamic configuration's routers compiled into matchers and middleware chains,
 * sorted by priority, and the cleaned request facts a router matches on.
 */
import type http from 'node:http';
import { posix } from 'node:path';
import type { DynamicConfig } from './config.js';
import type { Handler } from './context.js';
import { buildMiddleware, type MiddlewareFn } from './middlewares.js';
import { defaultPriority, parseRule, type Matcher, type RequestFacts } from './rules.js';
import type { ServiceNode, ServiceRegistry } from './services.js';

export interface CompiledRouter {
  name: string;
  entryPoints: string[] | undefined;
  priority: number;
  match: Matcher;
  middlewares: MiddlewareFn[];
  middlewareNames: string[];
  service: ServiceNode;
}

/** The router that Traefik would pick for a request on an entrypoint (highest priority, then name). */
export function selectRouter(
  routers: CompiledRouter[],
  entryPoint: string,
  facts: RequestFacts,
): CompiledRouter | undefined {
  return routers.find((r) => (r.entryPoints === undefined || r.entryPoints.includes(entryPoint)) && r.match(facts));
}

export function compileRouters(cfg: DynamicConfig, registry: ServiceRegistry): CompiledRouter[] {
  const mws = new Map<string, MiddlewareFn>();
  for (const [name, m] of Object.entries(cfg.middlewares)) mws.set(name, buildMiddleware(name, m));
  const routers = Object.entries(cfg.routers).map(([name, r]): CompiledRouter => {
    const names = r.middlewares ?? [];
    return {
      name,
      entryPoints: r.entryPoints,
      priority: r.priority ?? defaultPriority(r.rule),
      match: parseRule(r.rule),
      middlewareNames: names,
      middlewares: names.map((n) => {
        const fn = mws.get(n);
        if (fn === undefined) throw new Error(`router ${name}: unknown middleware ${n}`);
        return fn;
      }),
      service: registry.get(r.service),
    };
  });
  routers.sort((a, b) => b.priority - a.priority || a.name.localeCompare(b.name));
  return routers;
}

export class BadRequest extends Error {}

/**
 * Decodes and cleans the request path as Traefik does before routing (sanitizePath): `.`/`..` segments and duplicate
 * slashes are resolved, and the request is forwarded with the cleaned path. An encoded slash is refused, so that
 * `/v1%2Fmetadata` cannot slip past a path rule.
 */
export function requestFacts(req: http.IncomingMessage): RequestFacts {
  const raw = req.url ?? '/';
  if (!raw.startsWith('/')) throw new BadRequest('request target must be a path');
  const q = raw.indexOf('?');
  const rawPath = q < 0 ? raw : raw.slice(0, q);
  const query = q < 0 ? '' : raw.slice(q);
  if (/%2f|%5c/i.test(rawPath) || rawPath.includes('\\')) throw new BadRequest('encoded slash in path');
  let decoded: string;
  try {
    decoded = decodeURIComponent(rawPath);
  } catch {
    throw new BadRequest('bad percent-encoding');
  }
  const clean = posix.normalize(decoded);
  if (clean !== decoded) req.url = encodeURI(clean) + query;
  const host = String(req.headers.host ?? '')
    .replace(/:\d+$/, '')
    .toLowerCase();
  return { host, path: clean, method: (req.method ?? 'GET').toUpperCase(), headers: req.headers };
}

/** The router's middlewares in front of `terminal` (by default its service). */
export function runChain(
  router: CompiledRouter,
  terminal: Handler = (ctx) => router.service.serve(ctx, false),
): Handler {
  return router.middlewares.reduceRight<Handler>((next, mw) => (ctx) => mw(ctx, next), terminal);
}

/** Traefik does not trust client-sent forwarding headers (entryPoints.*.forwardedHeaders.insecure = false). */
export function stripForwarded(req: http.IncomingMessage): void {
  for (const h of Object.keys(req.headers)) {
    if (h.startsWith('x-forwarded-') || h === 'x-real-ip' || h === 'forwarded') delete req.headers[h];
  }
}
