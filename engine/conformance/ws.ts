/**
 * The websocket transports of upstream's `validate_gql_ws_q`, over either protocol:
 * - legacy `graphql-ws` (subscriptions-transport-ws, what upstream's harness drives): connection_init with
 *   `{headers}`, start → data|error → complete;
 * - `graphql-transport-ws` (the graphql-ws library's protocol): connection_init with `{headers}`, subscribe →
 *   next|error → complete, answering the server's pings. Its `error` message carries a list of GraphQL errors,
 *   reported as `{errors: [...]}` so it compares like an HTTP error body; a close before the ack (4400, 4403, …)
 *   is a `connection_error`.
 * In `subscription` mode the query is rewritten to `subscription @_multiple_top_level_fields …` and the first
 * data message is taken.
 */
import WebSocket from 'ws';

export type WsProtocol = 'graphql-ws' | 'graphql-transport-ws';
export const WS_PROTOCOLS: readonly WsProtocol[] = ['graphql-ws', 'graphql-transport-ws'];

export interface WsResult {
  type: string;
  payload: unknown;
}

export function asSubscription(body: unknown): unknown {
  if (!body || typeof body !== 'object') return body;
  const q = (body as { query?: unknown }).query;
  if (typeof q !== 'string' || !q.startsWith('query ')) {
    throw new Error('subscription transport needs a query starting with "query "');
  }
  const rewritten = `subscription${q.slice('query'.length).replace('{', ' @_multiple_top_level_fields {')}`;
  return { ...body, query: rewritten };
}

export function wsRequest(
  baseUrl: string,
  path: string,
  body: unknown,
  headers: Record<string, string>,
  opts: { subscription: boolean; timeoutMs?: number; protocol?: WsProtocol },
): Promise<WsResult> {
  if (opts.protocol === 'graphql-transport-ws') return transportWsRequest(baseUrl, path, body, headers, opts);
  const url = new URL(path, baseUrl);
  url.protocol = url.protocol === 'https:' ? 'wss:' : 'ws:';
  return new Promise<WsResult>((resolve, reject) => {
    const sock = new WebSocket(url, 'graphql-ws');
    let first: WsResult | null = null;
    const done = (err: Error | null, res?: WsResult): void => {
      clearTimeout(timer);
      sock.removeAllListeners();
      sock.on('error', () => undefined);
      sock.close();
      if (err) reject(err);
      else if (res) resolve(res);
    };
    const timer = setTimeout(
      () => done(new Error('websocket: no answer within the timeout')),
      opts.timeoutMs ?? 30_000,
    );
    sock.on('error', (e) => done(e));
    sock.on('open', () => sock.send(JSON.stringify({ type: 'connection_init', payload: { headers } })));
    sock.on('close', () => done(new Error('websocket closed before the operation completed')));
    sock.on('message', (raw: WebSocket.RawData) => {
      let msg: { type?: string; id?: string; payload?: unknown };
      try {
        const text = Array.isArray(raw) ? Buffer.concat(raw) : Buffer.isBuffer(raw) ? raw : Buffer.from(raw);
        msg = JSON.parse(text.toString('utf8')) as typeof msg;
      } catch {
        return done(new Error('websocket: non-JSON message'));
      }
      switch (msg.type) {
        case 'connection_ack':
          sock.send(JSON.stringify({ id: '1', type: 'start', payload: body }));
          return;
        case 'connection_error':
          return done(null, { type: 'connection_error', payload: msg.payload });
        case 'ka':
          return;
        case 'data':
        case 'error':
          if (msg.id !== '1') return;
          if (opts.subscription || msg.type === 'error') {
            if (opts.subscription) sock.send(JSON.stringify({ id: '1', type: 'stop' }));
            return done(null, { type: msg.type, payload: msg.payload });
          }
          first ??= { type: msg.type, payload: msg.payload };
          return;
        case 'complete':
          if (first) return done(null, first);
          return done(new Error('websocket: complete before any data'));
        default:
          return;
      }
    });
  });
}

function parseMessage(raw: WebSocket.RawData): { type?: string; id?: string; payload?: unknown } | null {
  try {
    const text = Array.isArray(raw) ? Buffer.concat(raw) : Buffer.isBuffer(raw) ? raw : Buffer.from(raw);
    return JSON.parse(text.toString('utf8')) as { type?: string; id?: string; payload?: unknown };
  } catch {
    return null;
  }
}

/** One operation over `graphql-transport-ws`. */
function transportWsRequest(
  baseUrl: string,
  path: string,
  body: unknown,
  headers: Record<string, string>,
  opts: { subscription: boolean; timeoutMs?: number },
): Promise<WsResult> {
  const url = new URL(path, baseUrl);
  url.protocol = url.protocol === 'https:' ? 'wss:' : 'ws:';
  return new Promise<WsResult>((resolve, reject) => {
    const sock = new WebSocket(url, 'graphql-transport-ws');
    let acked = false;
    let first: WsResult | null = null;
    const done = (err: Error | null, res?: WsResult): void => {
      clearTimeout(timer);
      sock.removeAllListeners();
      sock.on('error', () => undefined);
      sock.close();
      if (err) reject(err);
      else if (res) resolve(res);
    };
    const timer = setTimeout(
      () => done(new Error('websocket: no answer within the timeout')),
      opts.timeoutMs ?? 30_000,
    );
    sock.on('error', (e) => done(e));
    sock.on('open', () => sock.send(JSON.stringify({ type: 'connection_init', payload: { headers } })));
    sock.on('close', (code: number, reason: Buffer) => {
      if (!acked) return done(null, { type: 'connection_error', payload: { code, reason: reason.toString('utf8') } });
      done(new Error(`websocket closed (${code} ${reason.toString('utf8')}) before the operation completed`));
    });
    sock.on('message', (raw: WebSocket.RawData) => {
      const msg = parseMessage(raw);
      if (!msg) return done(new Error('websocket: non-JSON message'));
      switch (msg.type) {
        case 'connection_ack':
          acked = true;
          sock.send(JSON.stringify({ id: '1', type: 'subscribe', payload: body }));
          return;
        case 'ping':
          sock.send(JSON.stringify({ type: 'pong' }));
          return;
        case 'pong':
          return;
        case 'next':
          if (msg.id !== '1') return;
          if (opts.subscription) {
            sock.send(JSON.stringify({ id: '1', type: 'complete' }));
            return done(null, { type: 'data', payload: msg.payload });
          }
          first ??= { type: 'data', payload: msg.payload };
          return;
        case 'error':
          if (msg.id !== '1') return;
          // the protocol says a list of GraphQL errors; a `{errors}` body is taken as it is
          return done(null, {
            type: 'error',
            payload: Array.isArray(msg.payload) ? { errors: msg.payload } : msg.payload,
          });
        case 'complete':
          if (msg.id !== '1') return;
          if (first) return done(null, first);
          return done(new Error('websocket: complete before any data'));
        default:
          return;
      }
    });
  });
}
