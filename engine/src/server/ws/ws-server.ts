/**
 * The websocket side of `/v1/graphql` (and `/v1alpha1/graphql`), plugged into the HTTP server's `onUpgrade` hook
 * (src: Hasura/GraphQL/Transport/WebSocket.hs `onConn`): other paths are rejected with 404 like Hasura; the upgrade's
 * `Origin` is checked against the CORS settings (server/cors.ts `websocketOrigin`: 400 or no cookie); the
 * sub-protocol is `graphql-transport-ws` when the client asks for exactly that, Apollo's otherwise. Client messages
 * over `ENGINE_WS_MAX_FRAME_BYTES` close the socket (1009). One {@link LiveQueryManager} per runtime holds the pollers.
 */
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer } from 'ws';
import type WebSocket from 'ws';
import type { Runtime } from '../../execute/types.js';
import type { UpgradeContext } from '../context.js';
import { WsConnection } from './connection.js';
import { LiveQueryManager } from '../../subscriptions/live-query.js';
import { GRAPHQL_TRANSPORT_WS } from './protocol.js';
import type { SubProtocol } from './protocol.js';
import type { WebsocketConfig } from '../../config/websocket-config.js';
import { fromRawHeaders, type HeaderList } from '../../auth/headers.js';
import { EngineError, encodeGraphQLError } from '../../errors.js';
import { websocketOrigin } from '../cors.js';

export interface SubscriptionServer {
  onUpgrade: (req: IncomingMessage, socket: Duplex, head: Buffer, ctx: UpgradeContext) => void;
  /** Live-query and streaming managers by runtime (tests look at poller counts). */
  managerFor(runtime: Runtime): { live: LiveQueryManager; stream: LiveQueryManager };
  /** Open websockets, subscriptions and their multiplexed pollers (metrics). */
  stats(): { connections: number; subscriptions: number; pollers: number };
  /** Close every socket and stop every poller. */
  close(): void;
}

/** Headers of the upgrade that connection_init falls back to: not the websocket ones, not an unread cookie. */
const WS_HEADERS = new Set([
  'sec-websocket-key',
  'sec-websocket-version',
  'upgrade',
  'connection',
  'sec-websocket-extensions',
  'sec-websocket-protocol',
]);

function upgradeHeaders(req: IncomingMessage, readCookie: boolean): HeaderList {
  return fromRawHeaders(req.rawHeaders).filter(([k]) => {
    const key = k.toLowerCase();
    return !WS_HEADERS.has(key) && (readCookie || key !== 'cookie');
  });
}

function reject(socket: Duplex, status: number, reason: string, body: string): void {
  socket.end(
    `HTTP/1.1 ${status} ${reason}\r\nConnection: close\r\nContent-Type: application/json; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`,
  );
}

/** `settings`: the websocket part of the engine's configuration (config/websocket-config.ts). */
export function createSubscriptionServer(opts: {
  settings: WebsocketConfig;
  log?: (line: string) => void;
}): SubscriptionServer {
  const settings = opts.settings;
  const log = opts.log ?? ((line: string) => process.stderr.write(`engine: ${line}\n`));
  const managers = new Map<Runtime, { live: LiveQueryManager; stream: LiveQueryManager }>();
  const sockets = new Set<WebSocket>();
  const wss = new WebSocketServer({
    noServer: true,
    maxPayload: settings.maxFrameBytes,
    handleProtocols: (protocols) =>
      protocols.has(GRAPHQL_TRANSPORT_WS) ? GRAPHQL_TRANSPORT_WS : protocols.has('graphql-ws') ? 'graphql-ws' : false,
  });
  const managerFor = (runtime: Runtime): { live: LiveQueryManager; stream: LiveQueryManager } => {
    let m = managers.get(runtime);
    if (!m) {
      m = {
        live: new LiveQueryManager(runtime.liveQueries(), { ...settings.liveQueries, log }),
        stream: new LiveQueryManager(runtime.liveQueries(), { ...settings.streaming, log }),
      };
      managers.set(runtime, m);
    }
    return m;
  };
  return {
    managerFor,
    stats() {
      let subscriptions = 0;
      let pollers = 0;
      for (const m of managers.values())
        for (const x of [m.live, m.stream]) {
          subscriptions += x.subscriberCount;
          pollers += x.pollerCount;
        }
      return { connections: sockets.size, subscriptions, pollers };
    },
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
          encodeGraphQLError(new EngineError('not-found', message, '$', undefined, 404), false),
        );
        return;
      }
      const origin = websocketOrigin(ctx.cors, ctx.wsReadCookie, req.headers);
      if (!origin.accept) {
        reject(socket, 400, 'Bad Request', encodeGraphQLError(origin.error, false));
        return;
      }
      const headers = upgradeHeaders(req, origin.readCookie);
      wss.handleUpgrade(req, socket, head, (ws) => {
        sockets.add(ws);
        ws.on('close', () => sockets.delete(ws));
        const proto: SubProtocol = ws.protocol === GRAPHQL_TRANSPORT_WS ? 'graphql-transport-ws' : 'apollo';
        new WsConnection(ws, headers, proto, ctx, managerFor(ctx.runtime), settings, log);
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
