/**
 * Services: loadBalancer (round robin over healthy servers, proxied with http-proxy-3) and failover (the main
 * service while it is healthy, else the fallback). A server URL is mapped through the caller's service map to a local
 * `http://127.0.0.1:PORT` or to `static:<dir>` (the maintenance page served by the gateway itself: 503 +
 * Retry-After for every path, like under_maintenance/nginx.conf).
 */
import type { ClientRequest, IncomingMessage, OutgoingHttpHeaders } from 'node:http';
import { readFileSync } from 'node:fs';
import { resolve as resolvePath } from 'node:path';
import type { Duplex } from 'node:stream';
import { Readable } from 'node:stream';
import { createProxyServer } from 'http-proxy-3';
import { durationMs, isInternalService, localName, type DynamicConfig } from './config.js';
import { HealthChecker } from './health.js';
import { HOP_BY_HOP, readBody, sendText, type Outcome, type RequestContext } from './context.js';

/** Request bodies are buffered so a failover can replay them; bodies above this are refused. */
const MAX_BUFFERED_BODY = 16 * 1024 * 1024;
export const MAINTENANCE_RETRY_AFTER_SECONDS = 300;

export interface ServiceNode {
  readonly name: string;
  healthy(): boolean;
  /** `canFail`: when the service cannot reach any server, resolve 'unavailable' without writing (for failover). */
  serve(ctx: RequestContext, canFail: boolean): Promise<Outcome>;
  upgrade(req: IncomingMessage, socket: Duplex, head: Buffer): void;
}

interface Target {
  kind: 'http' | 'static' | 'unmapped';
  url: string;
  health: HealthChecker | undefined;
  page?: Buffer;
  responseHeaderTimeoutMs: number | undefined;
}

export interface BuildOptions {
  serviceMap: Record<string, string>;
  log: (line: string) => void;
}

export class ServiceRegistry {
  private readonly nodes = new Map<string, ServiceNode>();
  private readonly checkers: HealthChecker[] = [];

  constructor(
    private readonly cfg: DynamicConfig,
    private readonly opts: BuildOptions,
  ) {}

  get(ref: string): ServiceNode {
    if (isInternalService(ref)) return internalService(ref);
    const name = localName(ref);
    const existing = this.nodes.get(name);
    if (existing) return existing;
    const def = this.cfg.services[name];
    if (def === undefined) throw new Error(`unknown service ${ref}`);
    let node: ServiceNode;
    if ('failover' in def) {
      node = failoverService(name, this.get(def.failover.service), this.get(def.failover.fallback));
    } else {
      const lb = def.loadBalancer;
      const transport =
        lb.serversTransport === undefined ? undefined : this.cfg.serversTransports[localName(lb.serversTransport)];
      const rht = transport?.forwardingTimeouts?.responseHeaderTimeout;
      const targets = lb.servers.map((s): Target => {
        const mapped = this.opts.serviceMap[s.url] ?? this.opts.serviceMap[s.url.replace(/\/$/, '')];
        const responseHeaderTimeoutMs = rht === undefined ? undefined : durationMs(rht);
        if (mapped === undefined) {
          this.opts.log(`service ${name}: ${s.url} is not in the service map; it is treated as down`);
          return { kind: 'unmapped', url: s.url, health: undefined, responseHeaderTimeoutMs };
        }
        if (mapped.startsWith('static:')) {
          const page = readFileSync(resolvePath(mapped.slice('static:'.length), 'maintenance.html'));
          return { kind: 'static', url: mapped, health: undefined, page, responseHeaderTimeoutMs };
        }
        let health: HealthChecker | undefined;
        if (lb.healthCheck !== undefined) {
          health = new HealthChecker(new URL(mapped), lb.healthCheck, this.opts.log);
          this.checkers.push(health);
        }
        return { kind: 'http', url: mapped, health, responseHeaderTimeoutMs };
      });
      node = loadBalancerService(name, targets, lb.passHostHeader ?? true);
    }
    this.nodes.set(name, node);
    return node;
  }

  startHealthChecks(): void {
    for (const c of this.checkers) c.start();
  }

  stop(): void {
    for (const c of this.checkers) c.stop();
  }
}

function internalService(ref: string): ServiceNode {
  return {
    name: ref,
    healthy: () => false,
    serve: (ctx) => Promise.resolve(sendText(ctx, 404, `404 page not found (${ref} exists only in Traefik)\n`)),
    upgrade: (_req, socket) =>
      rawResponse(socket, 404, 'Not Found', 'text/plain; charset=utf-8', Buffer.from('404 page not found\n')),
  };
}

function failoverService(name: string, main: ServiceNode, fallback: ServiceNode): ServiceNode {
  return {
    name,
    healthy: () => main.healthy() || fallback.healthy(),
    async serve(ctx, canFail) {
      if (main.healthy()) {
        // Gateway-only refinement: if the main service cannot be reached (connection refused, or the server turns
        // unhealthy while the request waits) before any byte of the response, the request is replayed on the
        // fallback. Traefik answers 502 in that window, until its next health check marks the server down.
        const r = await main.serve(ctx, true);
        if (r === 'sent') return r;
      }
      return fallback.serve(ctx, canFail);
    },
    upgrade(req, socket, head) {
      (main.healthy() ? main : fallback).upgrade(req, socket, head);
    },
  };
}

function loadBalancerService(name: string, targets: Target[], passHostHeader: boolean): ServiceNode {
  let next = 0;
  const up = (t: Target): boolean => t.kind !== 'unmapped' && (t.health?.healthy ?? true);
  const pick = (): Target | undefined => {
    for (let i = 0; i < targets.length; i += 1) {
      const t = targets[(next + i) % targets.length];
      if (t !== undefined && up(t)) {
        next = (next + i + 1) % targets.length;
        return t;
      }
    }
    return undefined;
  };
  return {
    name,
    healthy: () => targets.some(up),
    async serve(ctx, canFail) {
      const t = pick();
      if (t === undefined) return canFail ? 'unavailable' : sendText(ctx, 503, 'no available server\n');
      if (t.kind === 'static') return serveStatic(ctx, t.page ?? Buffer.alloc(0));
      if (ctx.body === undefined) {
        const body = await readBody(ctx.req, MAX_BUFFERED_BODY);
        if (body === undefined) return sendText(ctx, 413, 'Request Entity Too Large');
        ctx.body = body;
      }
      const r = await proxyHttp(ctx, t, passHostHeader);
      if (r === 'unavailable' && !canFail) return sendText(ctx, 502, 'Bad Gateway');
      return r;
    },
    upgrade(req, socket, head) {
      const t = pick();
      if (t === undefined) {
        rawResponse(
          socket,
          503,
          'Service Unavailable',
          'text/plain; charset=utf-8',
          Buffer.from('no available server\n'),
        );
      } else if (t.kind === 'static') {
        rawResponse(socket, 503, 'Service Unavailable', 'text/html; charset=utf-8', t.page ?? Buffer.alloc(0), {
          'Retry-After': String(MAINTENANCE_RETRY_AFTER_SECONDS),
        });
      } else {
        const proxy = createProxyServer({ ws: true, xfwd: true, changeOrigin: !passHostHeader });
        proxy.on('error', () => socket.destroy());
        proxy.ws(req, socket, head, { target: t.url }, () => socket.destroy());
      }
    },
  };
}

/** The maintenance page: 503 + Retry-After + no-store for every method and path (see under_maintenance/nginx.conf). */
function serveStatic(ctx: RequestContext, page: Buffer): Promise<Outcome> {
  const out = ctx.sink.start(503, {
    'content-type': 'text/html; charset=utf-8',
    'content-length': page.length,
    'retry-after': String(MAINTENANCE_RETRY_AFTER_SECONDS),
    'cache-control': 'no-store',
  });
  out.end(ctx.method === 'HEAD' ? undefined : page);
  return Promise.resolve('sent');
}

/**
 * Proxies one buffered request. Resolves 'unavailable' when nothing could be written (connect error, the server
 * turned unhealthy or the response-header timeout fired before the response started), 'sent' otherwise.
 */
function proxyHttp(ctx: RequestContext, t: Target, passHostHeader: boolean): Promise<Outcome> {
  return new Promise((resolve) => {
    const proxy = createProxyServer({ xfwd: true, selfHandleResponse: true, changeOrigin: !passHostHeader });
    let settled = false;
    let upstreamReq: ClientRequest | undefined;
    const abort = (why: string): void => {
      if (!settled) upstreamReq?.destroy(new Error(why));
    };
    const unsubscribe = t.health?.onChange((isUp) => {
      if (!isUp) abort('upstream turned unhealthy');
    });
    const headerTimer =
      t.responseHeaderTimeoutMs === undefined
        ? undefined
        : setTimeout(() => abort('response header timeout'), t.responseHeaderTimeoutMs);
    const settle = (outcome: Outcome): void => {
      if (settled) return;
      settled = true;
      unsubscribe?.();
      if (headerTimer) clearTimeout(headerTimer);
      resolve(outcome);
    };
    proxy.on('proxyReq', (preq: ClientRequest) => {
      upstreamReq = preq;
    });
    proxy.on('proxyRes', (pres: IncomingMessage) => {
      if (settled) {
        pres.destroy();
        return;
      }
      const headers: OutgoingHttpHeaders = {};
      for (const [k, v] of Object.entries(pres.headers)) {
        if (v !== undefined && !HOP_BY_HOP.has(k)) headers[k] = v;
      }
      settle('sent');
      const out = ctx.sink.start(pres.statusCode ?? 502, headers);
      pres.on('error', () => ctx.res.destroy());
      pres.on('aborted', () => ctx.res.destroy());
      pres.pipe(out);
    });
    proxy.web(ctx.req, ctx.res, { target: t.url, buffer: Readable.from([ctx.body ?? Buffer.alloc(0)]) }, () => {
      if (settled) {
        // The response had started: the only honest thing left is to cut the connection.
        ctx.res.destroy();
        return;
      }
      settle('unavailable');
    });
  });
}

function rawResponse(
  socket: Duplex,
  status: number,
  reason: string,
  type: string,
  body: Buffer,
  extra: Record<string, string> = {},
): void {
  const head = [
    `HTTP/1.1 ${status} ${reason}`,
    `Content-Type: ${type}`,
    `Content-Length: ${body.length}`,
    'Connection: close',
  ];
  for (const [k, v] of Object.entries(extra)) head.push(`${k}: ${v}`);
  socket.end(Buffer.concat([Buffer.from(head.join('\r\n') + '\r\n\r\n'), body]));
}
