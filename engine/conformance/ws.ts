/**
 * The websocket transports of upstream's `validate_gql_ws_q`: the legacy `graphql-ws` subprotocol
 * (subscriptions-transport-ws: connection_init with `{headers}`, start → data|error → complete). In `subscription`
 * mode the query is rewritten to `subscription @_multiple_top_level_fields …` and the first data message is taken.
 */
import WebSocket from 'ws';

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
  opts: { subscription: boolean; timeoutMs?: number },
): Promise<WsResult> {
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
    const timer = setTimeout(() => done(new Error('websocket: no answer within the timeout')), opts.timeoutMs ?? 30_000);
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
