/**
 * `startEngineServer` (docs/design.md "Engine API"): read and validate the settings (config/engine-config.ts: unknown
 * `HASURA_GRAPHQL_*` names, values Hasura refuses, values this engine cannot honour, Hasura's fatal auth
 * combinations), build the Runtime, and serve it over node:http. `close()` stops accepting connections, lets
 * in-flight requests finish (idle keep-alive sockets are closed at once, stragglers after a grace period), then
 * closes the runtime.
 */
import { createEngineMetrics } from './metrics.js';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import type { Duplex } from 'node:stream';
import { createAuthenticator } from '../auth/authenticate.js';
import type { HasuraMetadata } from '../metadata/types.js';
import { createRuntime } from '../execute/engine.js';
import type { Runtime } from '../execute/types.js';
import { readEngineConfig, type EngineConfig } from '../config/engine-config.js';
import type { EnvRecord } from '../config/hasura-env.js';
import type { ServerState } from './context.js';
import { createRequestListener } from './router.js';
import { createSubscriptionServer } from './ws/ws-server.js';

export type { UpgradeContext } from './context.js';
import type { UpgradeContext } from './context.js';

export interface EngineServerOptions {
  metadata: HasuraMetadata;
  /** Default source (overrides databases.yaml's from_env). */
  databaseUrl: string;
  /** `HASURA_GRAPHQL_*` and `ENGINE_*` settings, read with `readEngineConfig`; default: none (not the process's). */
  env?: EnvRecord;
  /** Settings already read (wins over `env`). */
  config?: EngineConfig;
  host?: string;
  /** 0 = a free port (the default). */
  port?: number;
  /** Where unexpected errors are reported (never secrets); default stderr. */
  log?: (line: string) => void;
  /** See {@link HttpServerOptions.onUpgrade}. */
  onUpgrade?: HttpServerOptions['onUpgrade'];
}

export interface EngineServer {
  url: string;
  port: number;
  close(): Promise<void>;
}

export interface HttpServerOptions {
  runtime: Runtime;
  /** As {@link EngineServerOptions.env}. */
  env?: EnvRecord;
  config?: EngineConfig;
  host?: string;
  port?: number;
  log?: (line: string) => void;
  /** Close the runtime when the server closes (default true). */
  ownsRuntime?: boolean;
  /**
   * WebSocket upgrades (e.g. `/v1/graphql` subscriptions, issue 4). Receives the same authenticator as HTTP requests
   * (auth runs at `connection_init`; see `connectionInitHeaders`). Without it upgrades are refused with 400.
   */
  onUpgrade?: (req: IncomingMessage, socket: Duplex, head: Buffer, ctx: UpgradeContext) => void;
  /** Websocket figures for the metrics (GET /v1/metrics); none without a subscription server. */
  liveStats?: () => { connections: number; subscriptions: number; pollers: number };
}

const defaultLog = (line: string): void => {
  process.stderr.write(`engine: ${line}\n`);
};

function listen(server: Server, port: number, host: string): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    const onError = (e: Error): void => reject(e);
    server.once('error', onError);
    server.listen(port, host, () => {
      server.off('error', onError);
      resolve();
    });
  });
}

/** Serve an existing runtime (the CLI and tests that share a runtime use this; `startEngineServer` builds one). */
export async function startHttpServer(opts: HttpServerOptions): Promise<EngineServer> {
  const config = opts.config ?? readEngineConfig(opts.env ?? {});
  const cfg = config.server;
  const metrics = createEngineMetrics({
    live: opts.liveStats ?? (() => ({ connections: 0, subscriptions: 0, pollers: 0 })),
    pools: () => opts.runtime.poolStats(),
  });
  const auth = await createAuthenticator(config.auth, { webhookCache: (hit) => metrics.webhookCache(hit) });
  const state: ServerState = {
    runtime: opts.runtime,
    auth,
    cfg,
    log: opts.log ?? defaultLog,
    resourceVersion: 1,
    metadataLock: Promise.resolve(),
    metrics,
  };
  const server = createServer({ keepAliveTimeout: 5_000 }, createRequestListener(state));
  server.headersTimeout = 30_000;
  server.requestTimeout = 120_000;
  const sockets = new Set<Socket>();
  server.on('connection', (s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  server.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    if (opts.onUpgrade) {
      opts.onUpgrade(req, socket, head, {
        runtime: opts.runtime,
        auth,
        graphqlEnabled: cfg.enabledApis.has('graphql'),
        cors: cfg.cors,
        wsReadCookie: cfg.wsReadCookie,
      });
      return;
    }
    socket.end('HTTP/1.1 400 Bad Request\r\nConnection: close\r\nContent-Length: 0\r\n\r\n');
  });
  server.on('clientError', (_err, socket) => {
    if (socket.writable) socket.end('HTTP/1.1 400 Bad Request\r\nConnection: close\r\nContent-Length: 0\r\n\r\n');
    else socket.destroy();
  });
  const host = opts.host ?? '127.0.0.1';
  await listen(server, opts.port ?? 0, host);
  const port = (server.address() as AddressInfo).port;
  const urlHost = host === '0.0.0.0' || host === '::' ? '127.0.0.1' : host.includes(':') ? `[${host}]` : host;
  let closing: Promise<void> | undefined;
  return {
    url: `http://${urlHost}:${port}`,
    port,
    close: () =>
      (closing ??= (async () => {
        const closed = new Promise<void>((resolve) => server.close(() => resolve()));
        server.closeIdleConnections();
        const grace = setTimeout(() => {
          for (const s of sockets) s.destroy();
        }, 10_000);
        await closed;
        clearTimeout(grace);
        if (opts.ownsRuntime !== false) await opts.runtime.close();
      })()),
  };
}

export async function startEngineServer(opts: EngineServerOptions): Promise<EngineServer> {
  // Every setting before the database is touched, so bad configuration fails fast (a JWT key set is fetched too).
  const config = opts.config ?? readEngineConfig(opts.env ?? {});
  await createAuthenticator(config.auth);
  const runtime = await createRuntime({ metadata: opts.metadata, databaseUrl: opts.databaseUrl, config });
  try {
    const httpOpts: HttpServerOptions = { runtime, config };
    if (opts.host !== undefined) httpOpts.host = opts.host;
    if (opts.port !== undefined) httpOpts.port = opts.port;
    if (opts.log !== undefined) httpOpts.log = opts.log;
    // Websockets on /v1/graphql (engine/src/subscriptions) unless the caller plugs its own handler.
    const subs =
      opts.onUpgrade === undefined
        ? createSubscriptionServer({ settings: config.websocket, ...(opts.log ? { log: opts.log } : {}) })
        : undefined;
    const onUpgrade = opts.onUpgrade ?? subs?.onUpgrade;
    if (onUpgrade) httpOpts.onUpgrade = onUpgrade;
    if (subs) httpOpts.liveStats = () => subs.stats();
    const server = await startHttpServer(httpOpts);
    return subs ? { ...server, close: () => (subs.close(), server.close()) } : server;
  } catch (e) {
    await runtime.close();
    throw e;
  }
}
