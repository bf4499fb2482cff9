/**
 * The local gateway: applies traefik/dynamic/*.yml (routers, middlewares, services) in Node so that `npm start` and
 * the tests go through the production routing. Local use only; production runs Traefik with the same files.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { posix } from 'node:path';
import { Writable, type Duplex } from 'node:stream';
import { loadDynamicConfig, localName, type DynamicConfig } from './config.js';
import { requestContext, sendText, type Handler, type Outcome, type RequestContext } from './context.js';
import { buildMiddleware, type MiddlewareFn } from './middlewares.js';
import { defaultPriority, parseRule, type Matcher, type RequestFacts } from './rules.js';
import { ServiceRegistry, type ServiceMap, type ServiceNode } from './services.js';

export interface GatewayOptions {
  /** directory of the Traefik dynamic files, normally `traefik/dynamic` */
  dynamicDir: string;
  /**
   * server URL in the files -> local target: `http://127.0.0.1:PORT`, a list of them (the replicas behind one
   * docker-compose service, balanced round robin over the healthy ones), or `static:<dir>` (maintenance page)
   */
  serviceMap: ServiceMap;
  /** port of the public entrypoint (`websecure`); 0 = a free port */
  port: number;
  host?: string;
  /** optional port for the admin-only entrypoint (`admin`): /console, metadata APIs. Never expose it. */
  adminPort?: number;
  log?: (line: string) => void;
  /**
   * Service addresses for service-to-service calls, like Docker's per-service VIP: docker-compose server URL (e.g.
   * `http://api:4096`) -> local port (0 = a free port). Each gets a plain listener, without routers or middlewares,
   * that sends every request to the loadBalancer service that has this server, so the engine's auth webhook and
   * action calls reach whichever API replica is alive. Unlike Docker's L4 VIP it retries as the services do (see
   * services.ts) and skips replicas that fail their health check.
   */
  serviceAddresses?: Record<string, number>;
}

export interface Gateway {
  url: string;
  port: number;
  /** set when `adminPort` was given */
  adminUrl: string | undefined;
  /** the local URL of each `serviceAddresses` entry, by its docker-compose URL */
  serviceUrls: Record<string, string>;
  close(): Promise<void>;
}

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
    const names = (r.middlewares ?? []).map(localName);
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

class BadRequest extends Error {}

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

function runChain(router: CompiledRouter): Handler {
  const terminal: Handler = (ctx) => router.service.serve(ctx, false);
  return router.middlewares.reduceRight<Handler>((next, mw) => (ctx) => mw(ctx, next), terminal);
}

/** Traefik does not trust client-sent forwarding headers (entryPoints.*.forwardedHeaders.insecure = false). */
function stripForwarded(req: http.IncomingMessage): void {
  for (const h of Object.keys(req.headers)) {
    if (h.startsWith('x-forwarded-') || h === 'x-real-ip' || h === 'forwarded') delete req.headers[h];
  }
}

export async function startGateway(opts: GatewayOptions): Promise<Gateway> {
  const log = opts.log ?? ((line: string) => process.stderr.write(`[gateway] ${line}\n`));
  const cfg = await loadDynamicConfig(opts.dynamicDir);
  const registry = new ServiceRegistry(cfg, { serviceMap: opts.serviceMap, log });
  const routers = compileRouters(cfg, registry);
  const addressed = Object.entries(opts.serviceAddresses ?? {}).map(
    ([serverUrl, port]) => [serverUrl, port, registry.forServerUrl(serverUrl)] as const,
  );
  registry.startHealthChecks();
  const host = opts.host ?? '127.0.0.1';
  const upgraded = new Set<Duplex>();

  const makeServer = (entryPoint: string): http.Server => {
    const server = http.createServer((req, res) => {
      void handle(entryPoint, req, res).catch((err: unknown) => {
        log(
          `${entryPoint}: internal error on ${req.method ?? ''} ${req.url ?? ''}: ${err instanceof Error ? err.message : 'unknown'}`,
        );
        if (!res.headersSent) {
          res.writeHead(500, { 'content-type': 'text/plain; charset=utf-8' });
          res.end('Internal Server Error');
        } else {
          res.destroy();
        }
      });
    });
    server.on('upgrade', (req: http.IncomingMessage, socket: Duplex, head: Buffer) => {
      upgraded.add(socket);
      socket.on('close', () => upgraded.delete(socket));
      socket.on('error', () => socket.destroy());
      upgrade(entryPoint, req, socket, head);
    });
    return server;
  };

  async function handle(entryPoint: string, req: http.IncomingMessage, res: http.ServerResponse): Promise<Outcome> {
    const ctx = requestContext(req, res);
    let facts: RequestFacts;
    try {
      facts = requestFacts(req);
    } catch (err) {
      if (err instanceof BadRequest) return sendText(ctx, 400, '400 Bad Request\n');
      throw err;
    }
    const router = selectRouter(routers, entryPoint, facts);
    if (router === undefined) return sendText(ctx, 404, '404 page not found\n');
    stripForwarded(req);
    return runChain(router)(ctx);
  }

  function upgrade(entryPoint: string, req: http.IncomingMessage, socket: Duplex, head: Buffer): void {
    const reject = (status: number, reason: string): void => {
      socket.end(`HTTP/1.1 ${status} ${reason}\r\nContent-Length: 0\r\nConnection: close\r\n\r\n`);
    };
    let facts: RequestFacts;
    try {
      facts = requestFacts(req);
    } catch {
      reject(400, 'Bad Request');
      return;
    }
    const router = selectRouter(routers, entryPoint, facts);
    if (router === undefined) {
      reject(404, 'Not Found');
      return;
    }
    // Only the gating middlewares apply to an upgrade: run the chain with a sink that turns a generated response
    // into a refusal, and a terminal handler that hands the socket to the service.
    const ctx: RequestContext = {
      req,
      res: new http.ServerResponse(req),
      sink: {
        started: false,
        start(status) {
          reject(status, http.STATUS_CODES[status] ?? 'Error');
          return new Writable({ write: (_chunk, _enc, cb) => cb() });
        },
      },
      body: Buffer.alloc(0),
      clientIp: req.socket.remoteAddress ?? '',
      method: 'GET',
    };
    stripForwarded(req);
    const terminal: Handler = () => {
      router.service.upgrade(req, socket, head);
      return Promise.resolve('sent');
    };
    const chain = router.middlewares.reduceRight<Handler>((next, mw) => (c) => mw(c, next), terminal);
    void chain(ctx).catch(() => socket.destroy());
  }

  const listen = (server: http.Server, port: number): Promise<number> =>
    new Promise((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, host, () => resolve((server.address() as AddressInfo).port));
    });

  /** A service address: every request and upgrade goes straight to one service (no routing, no middlewares). */
  const makeServiceServer = (service: ServiceNode): http.Server => {
    const server = http.createServer((req, res) => {
      const ctx = requestContext(req, res);
      void service.serve(ctx, false).catch(() => {
        if (!res.headersSent) res.writeHead(500).end();
        else res.destroy();
      });
    });
    server.on('upgrade', (req: http.IncomingMessage, socket: Duplex, head: Buffer) => {
      upgraded.add(socket);
      socket.on('close', () => upgraded.delete(socket));
      socket.on('error', () => socket.destroy());
      service.upgrade(req, socket, head);
    });
    return server;
  };

  const publicServer = makeServer('websecure');
  const port = await listen(publicServer, opts.port);
  let adminServer: http.Server | undefined;
  let adminPort: number | undefined;
  if (opts.adminPort !== undefined) {
    adminServer = makeServer('admin');
    adminPort = await listen(adminServer, opts.adminPort);
  }
  const urlHost = host.includes(':') ? `[${host}]` : host;
  const serviceServers: http.Server[] = [];
  const serviceUrls: Record<string, string> = {};
  for (const [serverUrl, wanted, service] of addressed) {
    const server = makeServiceServer(service);
    serviceServers.push(server);
    serviceUrls[serverUrl] = `http://${urlHost}:${await listen(server, wanted)}`;
    log(`${serverUrl} -> ${serviceUrls[serverUrl]} (service ${service.name})`);
  }
  log(
    `listening on http://${urlHost}:${port}` +
      (adminPort === undefined ? '' : ` (admin entrypoint on http://${urlHost}:${adminPort})`),
  );

  const closeServer = (s: http.Server): Promise<void> =>
    new Promise((resolve) => {
      s.close(() => resolve());
      s.closeAllConnections();
    });

  return {
    url: `http://${urlHost}:${port}`,
    port,
    adminUrl: adminPort === undefined ? undefined : `http://${urlHost}:${adminPort}`,
    serviceUrls,
    async close() {
      registry.stop();
      for (const s of upgraded) s.destroy();
      await Promise.all([
        closeServer(publicServer),
        ...(adminServer ? [closeServer(adminServer)] : []),
        ...serviceServers.map(closeServer),
      ]);
    },
  };
}

export type { ServiceNode };
