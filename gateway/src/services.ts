/**
 * Services: loadBalancer (round robin over healthy servers, proxied with http-proxy-3) and failover (the main
 * service while it is healthy, else the fallback). A server URL is mapped through the caller's service map to a local
 * `http://127.0.0.1:PORT`, to a list of them (the replicas behind one docker-compose service name, which Docker's DNS
 * or Swarm's VIP balances in production), or to `static:<dir>` (the maintenance page served by the gateway itself:
 * 503 + Retry-After for every path, like under_maintenance/nginx.conf).
 *
 * Every replica is a server of its own, with its own health checker, so a service is healthy while any replica is.
 * When a replica cannot take a request, the request moves to another healthy replica, as far as that is safe:
 *   - nothing was sent (connection refused, or no byte written before the attempt ended): any method is tried on the
 *     next healthy replica, each replica once, and on one marked down as a last resort;
 *   - the connection was reset or closed, the replica turned unhealthy or the response-header timeout fired after the
 *     request was sent but before any response byte: GET and HEAD are retried once on another healthy replica; any
 *     other method gets 502 (504 for the timeout), because the replica may have applied it. Traefik does not retry a
 *     POST either (its retry middleware only covers errors before the request is written).
 * A replica turning unhealthy cuts the requests waiting on it only when that is safe (GET/HEAD, or a service with one
 * server, whose failover then answers); a POST on one of several replicas waits for its answer, as in Traefik.
 * Once a response has started nothing is retried: the client connection is cut.
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

/** docker-compose server URL -> one local target, or the list of a service's replicas. */
export type ServiceMap = Record<string, string | readonly string[]>;

export interface BuildOptions {
  serviceMap: ServiceMap;
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
      const responseHeaderTimeoutMs = rht === undefined ? undefined : durationMs(rht);
      const targets = lb.servers.flatMap((s): Target[] => {
        const mapped = this.opts.serviceMap[s.url] ?? this.opts.serviceMap[s.url.replace(/\/$/, '')];
        if (mapped === undefined || mapped.length === 0) {
          this.opts.log(`service ${name}: ${s.url} is not in the service map; it is treated as down`);
          return [{ kind: 'unmapped', url: s.url, health: undefined, responseHeaderTimeoutMs }];
        }
        return (typeof mapped === 'string' ? [mapped] : mapped).map((local): Target => {
          if (local.startsWith('static:')) {
            const page = readFileSync(resolvePath(local.slice('static:'.length), 'maintenance.html'));
            return { kind: 'static', url: local, health: undefined, page, responseHeaderTimeoutMs };
          }
          let health: HealthChecker | undefined;
          if (lb.healthCheck !== undefined) {
            health = new HealthChecker(new URL(local), lb.healthCheck, this.opts.log);
            this.checkers.push(health);
          }
          return { kind: 'http', url: local, health, responseHeaderTimeoutMs };
        });
      });
      node = loadBalancerService(name, targets, lb.passHostHeader ?? true);
    }
    this.nodes.set(name, node);
    return node;
  }

  /**
   * The loadBalancer service whose servers include `serverUrl` (a docker-compose URL such as `http://api:4096`), for
   * service-to-service traffic that reaches the replicas directly rather than through a router.
   */
  forServerUrl(serverUrl: string): ServiceNode {
    const want = serverUrl.replace(/\/$/, '');
    for (const [name, def] of Object.entries(this.cfg.services)) {
      if ('loadBalancer' in def && def.loadBalancer.servers.some((s) => s.url.replace(/\/$/, '') === want)) {
        return this.get(name);
      }
    }
    throw new Error(`no loadBalancer service has the server ${serverUrl}`);
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

/** Methods that may be sent twice (RFC 9110 §9.2.2 lists more; these are the ones Traefik's retry covers). */
const RETRIABLE_AFTER_SEND = new Set(['GET', 'HEAD']);

const FORWARDED = ['x-forwarded-for', 'x-forwarded-port', 'x-forwarded-proto', 'x-forwarded-host'] as const;

function loadBalancerService(name: string, targets: Target[], passHostHeader: boolean): ServiceNode {
  let next = 0;
  const up = (t: Target): boolean => t.kind !== 'unmapped' && (t.health?.healthy ?? true);
  /** The next healthy target in round-robin order that is not in `skip`. */
  const pick = (skip?: ReadonlySet<Target>): Target | undefined => {
    for (let i = 0; i < targets.length; i += 1) {
      const t = targets[(next + i) % targets.length];
      if (t !== undefined && up(t) && !skip?.has(t)) {
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
      let t = pick();
      if (t === undefined) return canFail ? 'unavailable' : sendText(ctx, 503, 'no available server\n');
      if (t.kind === 'static') return serveStatic(ctx, t.page ?? Buffer.alloc(0));
      if (ctx.body === undefined) {
        const body = await readBody(ctx.req, MAX_BUFFERED_BODY);
        if (body === undefined) return sendText(ctx, 413, 'Request Entity Too Large');
        ctx.body = body;
      }
      const tried = new Set<Target>();
      let retriedAfterSend = false;
      const forwarded = FORWARDED.map((h) => ctx.req.headers[h]);
      for (;;) {
        // http-proxy appends to X-Forwarded-*: each attempt starts from the headers as they came in.
        FORWARDED.forEach((h, i) => {
          const v = forwarded[i];
          if (v === undefined) delete ctx.req.headers[h];
          else ctx.req.headers[h] = v;
        });
        // A request waiting on a replica that turns unhealthy is cut (then retried, or answered by the fallback)
        // when that is safe: a GET/HEAD, or the only server (the maintenance failover). A POST on one of several
        // replicas keeps waiting, as in Traefik: a busy replica whose probe timed out may still answer it.
        const abortOnDown = targets.length === 1 || RETRIABLE_AFTER_SEND.has(ctx.method);
        const r = await proxyHttp(ctx, t, passHostHeader, abortOnDown);
        if (r === 'sent') return r;
        tried.add(t);
        if (r !== 'refused') {
          // The replica may have received (and acted on) the request.
          if (!RETRIABLE_AFTER_SEND.has(ctx.method) || retriedAfterSend) {
            return r === 'timeout' ? sendText(ctx, 504, 'Gateway Timeout') : sendText(ctx, 502, 'Bad Gateway');
          }
          retriedAfterSend = true;
        }
        // After a refusal, a replica the health checks marked down may still be the one that answers (its probe
        // timed out under load while the refusing one was not probed yet): try it before answering 502.
        const other =
          pick(tried) ?? (r === 'refused' ? targets.find((x) => x.kind === 'http' && !tried.has(x)) : undefined);
        if (other === undefined || other.kind === 'static') {
          return canFail ? 'unavailable' : sendText(ctx, 502, 'Bad Gateway');
        }
        t = other;
      }
    },
    upgrade(req, socket, head) {
      // A websocket stays on the one replica it was opened on; when that replica dies the client reconnects.
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
 * How one attempt on one replica ended: `sent` = the response started; `refused` = the connection was refused
 * (nothing was sent); `lost` = the connection failed after it was open (reset, closed, or the replica turned
 * unhealthy) before any response byte; `timeout` = the response-header timeout fired.
 */
type Attempt = 'sent' | 'refused' | 'lost' | 'timeout';

/** Errors of the connect step: the request never left the gateway. */
const NOT_SENT = new Set(['ECONNREFUSED', 'EHOSTUNREACH', 'ENETUNREACH', 'EADDRNOTAVAIL']);

/**
 * Proxies one buffered request to one replica. Upstream connections are not reused (http-proxy-3 without an agent
 * sends `Connection: close`), so a refused connection always means the request was not delivered.
 */
function proxyHttp(ctx: RequestContext, t: Target, passHostHeader: boolean, abortOnDown: boolean): Promise<Attempt> {
  return new Promise((resolve) => {
    const proxy = createProxyServer({ xfwd: true, selfHandleResponse: true, changeOrigin: !passHostHeader });
    let settled = false;
    let timedOut = false;
    let upstreamReq: ClientRequest | undefined;
    const abort = (why: string): void => {
      if (!settled) upstreamReq?.destroy(new Error(why));
    };
    const unsubscribe = abortOnDown
      ? t.health?.onChange((isUp) => {
          if (!isUp) abort('upstream turned unhealthy');
        })
      : undefined;
    const headerTimer =
      t.responseHeaderTimeoutMs === undefined
        ? undefined
        : setTimeout(() => {
            timedOut = true;
            abort('response header timeout');
          }, t.responseHeaderTimeoutMs);
    const settle = (outcome: Attempt): void => {
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
    proxy.web(ctx.req, ctx.res, { target: t.url, buffer: Readable.from([ctx.body ?? Buffer.alloc(0)]) }, (err) => {
      if (settled) {
        // The response had started: the only honest thing left is to cut the connection.
        ctx.res.destroy();
        return;
      }
      const code = (err as NodeJS.ErrnoException).code;
      // No byte written upstream means nothing was sent, whatever ended the attempt (a refusal, or an abort because
      // a health probe of the same dead replica failed in the same tick).
      const written = upstreamReq?.socket?.bytesWritten ?? 0;
      const notSent = written === 0 || (code !== undefined && NOT_SENT.has(code));
      settle(timedOut ? 'timeout' : notSent ? 'refused' : 'lost');
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
