/**
 * Services: loadBalancer (round robin over healthy servers, proxied with http-proxy-3) and failover (the main
 * service while it is healthy, else the fallback). Server URLs are real addresses: locally each replica of a
 * docker-compose service listens on its own loopback address (see stack/src/local), so `http://<address>:4096` is
 * what Traefik's Docker provider would put there (the container's IP).
 *
 * Every replica is a server of its own, with its own health checker, so a service is healthy while any replica is.
 * When a replica cannot take a request, the request moves to another healthy replica, as far as that is safe:
 *   - nothing was sent (connection refused, or no byte written before the attempt ended): any method is tried on the
 *     next healthy replica, each replica once, and on one marked down as a last resort;
 *   - the connection was reset or closed, the replica turned unhealthy or the response-header timeout fired after the
 *     request was sent but before any response byte: GET and HEAD are retried once on another healthy replica; any
 *     other method gets 502 (504 for the timeout), because the replica may have applied it. Traefik does not retry a
 *     POST either (its retry middleware only covers errors before the request is written).
 * A replica turning unhealthy cuts the GET/HEAD requests waiting on it (they are retried, or the failover answers);
 * any other request waits for its answer, as in Traefik: a busy replica whose probe timed out may still answer it,
 * and cutting a login or a write that it then applies loses the answer the client needed.
 * Once a response has started nothing is retried: the client connection is cut.
 */
import type { ClientRequest, IncomingMessage, OutgoingHttpHeaders } from 'node:http';
import type { Duplex } from 'node:stream';
import { Readable } from 'node:stream';
import { createProxyServer } from 'http-proxy-3';
import { durationMs, isInternalService, type DynamicConfig, type HealthCheck } from './config.js';
import { HealthChecker } from './health.js';
import { HOP_BY_HOP, readBody, sendText, type Outcome, type RequestContext } from './context.js';

/** Request bodies are buffered so a failover can replay them; bodies above this are refused. */
const MAX_BUFFERED_BODY = 16 * 1024 * 1024;

export interface ServiceNode {
  readonly name: string;
  healthy(): boolean;
  /** `canFail`: when the service cannot reach any server, resolve 'unavailable' without writing (for failover). */
  serve(ctx: RequestContext, canFail: boolean): Promise<Outcome>;
  upgrade(req: IncomingMessage, socket: Duplex, head: Buffer): void;
}

interface Target {
  url: string;
  health: HealthChecker | undefined;
  responseHeaderTimeoutMs: number | undefined;
}

export interface BuildOptions {
  log: (line: string) => void;
  /** a request moved to another replica of the service (Traefik's retries metric) */
  onRetry?: (service: string) => void;
}

export class ServiceRegistry {
  private readonly nodes = new Map<string, ServiceNode>();
  private readonly checkers: HealthChecker[] = [];
  private readonly servers: Array<{ service: string; target: Target }> = [];

  constructor(
    private readonly cfg: DynamicConfig,
    private readonly opts: BuildOptions,
  ) {}

  /** The service of a qualified name (`api@docker`, `maintenance@docker`, `noop@internal`). */
  get(ref: string): ServiceNode {
    if (isInternalService(ref)) return internalService(ref);
    const existing = this.nodes.get(ref);
    if (existing) return existing;
    const def = this.cfg.services[ref];
    if (def === undefined) throw new Error(`unknown service ${ref}`);
    let node: ServiceNode;
    if ('failover' in def) {
      node = failoverService(ref, this.get(def.failover.service), this.get(def.failover.fallback));
    } else {
      const lb = def.loadBalancer;
      const transport = lb.serversTransport === undefined ? undefined : this.cfg.serversTransports[lb.serversTransport];
      const rht = transport?.forwardingTimeouts?.responseHeaderTimeout;
      const responseHeaderTimeoutMs = rht === undefined ? undefined : durationMs(rht);
      const targets = lb.servers.map((s): Target => ({
        url: s.url,
        health: this.checker(s.url, lb.healthCheck),
        responseHeaderTimeoutMs,
      }));
      for (const target of targets) this.servers.push({ service: ref, target });
      node = loadBalancerService(ref, targets, lb.passHostHeader ?? true, this.opts.onRetry);
    }
    this.nodes.set(ref, node);
    return node;
  }

  private checker(url: string, check: HealthCheck | undefined): HealthChecker | undefined {
    if (check === undefined) return undefined;
    const health = new HealthChecker(new URL(url), check, this.opts.log);
    this.checkers.push(health);
    return health;
  }

  /** Every load-balanced server and whether its health check has it in rotation (for the metrics). */
  serverStates(): Array<{ service: string; url: string; up: boolean }> {
    return this.servers.map(({ service, target }) => ({
      service,
      url: target.url,
      up: target.health?.healthy ?? true,
    }));
  }

  startHealthChecks(): void {
    for (const c of this.checkers) c.start();
  }

  stop(): void {
    for (const c of this.checkers) c.stop();
  }
}

/**
 * A plain round-robin balancer over `servers` (no health checks): the local stand-in for a Docker service's VIP
 * (what `http://api:4096` reaches from another container), with the same retry rules as a loadBalancer service.
 */
export function balancer(name: string, servers: string[]): ServiceNode {
  return loadBalancerService(
    name,
    servers.map((url) => ({ url, health: undefined, responseHeaderTimeoutMs: undefined })),
    true,
  );
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

/** Methods that may be sent twice (RFC 9110 names more idempotent ones; these are the ones Traefik's retry covers). */
const RETRIABLE_AFTER_SEND = new Set(['GET', 'HEAD']);

const FORWARDED = ['x-forwarded-for', 'x-forwarded-port', 'x-forwarded-proto', 'x-forwarded-host'] as const;

function loadBalancerService(
  name: string,
  targets: Target[],
  passHostHeader: boolean,
  onRetry?: (service: string) => void,
): ServiceNode {
  let next = 0;
  const up = (t: Target): boolean => t.health?.healthy ?? true;
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
        // A GET/HEAD waiting on a replica that turns unhealthy is cut (then retried, or answered by the fallback);
        // any other method keeps waiting, as in Traefik: a busy replica whose probe timed out may still answer it.
        const abortOnDown = RETRIABLE_AFTER_SEND.has(ctx.method);
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
        const other = pick(tried) ?? (r === 'refused' ? targets.find((x) => !tried.has(x)) : undefined);
        if (other === undefined) {
          return canFail ? 'unavailable' : sendText(ctx, 502, 'Bad Gateway');
        }
        onRetry?.(name);
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
      } else {
        const proxy = createProxyServer({ ws: true, xfwd: true, changeOrigin: !passHostHeader });
        proxy.on('error', () => socket.destroy());
        proxy.ws(req, socket, head, { target: t.url }, () => socket.destroy());
      }
    },
  };
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
