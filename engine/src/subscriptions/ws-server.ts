/**
 * The websocket side of `/v1/graphql` (and `/v1alpha1/graphql`), plugged into the HTTP server's `onUpgrade` hook
 * (src: Hasura/GraphQL/Transport/WebSocket.hs `onConn`): other paths are rejected with 404 like Hasura; the
 * sub-protocol is `graphql-transport-ws` when the client asks for exactly that, Apollo's otherwise. One
 * {@link LiveQueryManager} per runtime holds the pollers.
 */
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer } from 'ws';
import type WebSocket from 'ws';
import type { Runtime } from '../runtime.js';
import type { UpgradeContext } from '../server/start.js';
import { WsConnection } from './connection.js';
import { LiveQueryManager } from './live-query.js';
import { GRAPHQL_TRANSPORT_WS } from './protocol.js';
import type { SubProtocol } from './protocol.js';

export interface SubscriptionSettings {
  refetchIntervalMs: number;
  batchSize: number;
  streamRefetchIntervalMs: number;
  streamBatchSize: number;
  keepAliveMs: number;
  initTimeoutMs: number;
}

function positive(v: string | undefined, dflt: number): number {
  const n = v === undefined ? NaN : Number(v);
  return Number.isFinite(n) && n > 0 ? n : dflt;
}

/** `HASURA_GRAPHQL_{LIVE,STREAMING}_QUERIES_MULTIPLEXED_*`, `HASURA_GRAPHQL_WEBSOCKET_KEEPALIVE` (s), `…_CONNECTION_INIT_TIMEOUT` (s). */
export function readSubscriptionSettings(env: Record<string, string | undefined>): SubscriptionSettings {
  return {
    refetchIntervalMs: positive(env['HASURA_GRAPHQL_LIVE_QUERIES_MULTIPLEXED_REFETCH_INTERVAL'], 1000),
    batchSize: Math.floor(positive(env['HASURA_GRAPHQL_LIVE_QUERIES_MULTIPLEXED_BATCH_SIZE'], 100)),
    streamRefetchIntervalMs: positive(env['HASURA_GRAPHQL_STREAMING_QUERIES_MULTIPLEXED_REFETCH_INTERVAL'], 1000),
    streamBatchSize: Math.floor(positive(env['HASURA_GRAPHQL_STREAMING_QUERIES_MULTIPLEXED_BATCH_SIZE'], 100)),
    keepAliveMs: positive(env['HASURA_GRAPHQL_WEBSOCKET_KEEPALIVE'], 5) * 1000,
    initTimeoutMs: positive(env['HASURA_GRAPHQL_WEBSOCKET_CONNECTION_INIT_TIMEOUT'], 3) * 1000,
  };
}

export interface SubscriptionServer {
  onUpgrade: (req: IncomingMessage, socket: Duplex, head: Buffer, ctx: UpgradeContext) => void;
  /** Live-query and streaming managers by runtime (tests look at poller counts). */
  managerFor(runtime: Runtime): { live: LiveQueryManager; stream: LiveQueryManager };
  /** Close every socket and stop every poller. */
  close(): void;
}

function reject(socket: Duplex, status: number, reason: string, body: string): void {
  socket.end(
    `HTTP/1.1 ${status} ${reason}\r\nConnection: close\r\nContent-Type: application/json; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`,
  );
}

export function createSubscriptionServer(
  opts: { env?: Record<string, string | undefined>; log?: (line: string) => void } = {},
): SubscriptionServer {
  const settings = readSubscriptionSettings(opts.env ?? {});
  const log = opts.log ?? ((line: string) => process.stderr.write(`engine: ${line}\n`));
  const managers = new Map<Runtime, { live: LiveQueryManager; stream: LiveQueryManager }>();
  const sockets = new Set<WebSocket>();
  const wss = new WebSocketServer({
    noServer: true,
    maxPayload: 16 * 1024 * 1024,
    handleProtocols: (protocols) =>
      protocols.has(GRAPHQL_TRANSPORT_WS) ? GRAPHQL_TRANSPORT_WS : protocols.has('graphql-ws') ? 'graphql-ws' : false,
  });
  const managerFor = (runtime: Runtime): { live: LiveQueryManager; stream: LiveQueryManager } => {
    let m = managers.get(runtime);
    if (!m) {
      m = {
        live: new LiveQueryManager(runtime.liveQueries(), {
          refetchIntervalMs: settings.refetchIntervalMs,
          batchSize: settings.batchSize,
          log,
        }),
        stream: new LiveQueryManager(runtime.liveQueries(), {
          refetchIntervalMs: settings.streamRefetchIntervalMs,
          batchSize: settings.streamBatchSize,
          log,
        }),
      };
      managers.set(runtime, m);
    }
    return m;
  };
  return {
    managerFor,
    onUpgrade(req, socket, head, ctx) {
      let path: string;
      try {
        path = new URL(req.url ?? '/', 'http://engine.invalid').pathname;
      } catch {
        path = '';
      }
      if (!ctx.graphqlEnabled || (path !== '/v1/graphql' && path !== '/v1alpha1/graphql')) {
        const message = ctx.graphqlEnabled
          ? "only '/v1/graphql', '/v1alpha1/graphql' are supported on websockets"
          : 'resource does not exist';
        reject(
          socket,
          404,
          'Not Found',
          JSON.stringify({ errors: [{ extensions: { path: '$', code: 'not-found' }, message }] }),
        );
        return;
      }
      wss.handleUpgrade(req, socket, head, (ws) => {
        sockets.add(ws);
        ws.on('close', () => sockets.delete(ws));
        const proto: SubProtocol = ws.protocol === GRAPHQL_TRANSPORT_WS ? 'graphql-transport-ws' : 'apollo';
        new WsConnection(ws, req, proto, ctx, managerFor(ctx.runtime), settings, log);
      });
    },
    close() {
      for (const ws of sockets) ws.close(1012, 'shutting server down');
      sockets.clear();
      for (const m of managers.values()) {
        m.live.close();
        m.stream.close();
      }
      managers.clear();
      wss.close();
    },
  };
}
