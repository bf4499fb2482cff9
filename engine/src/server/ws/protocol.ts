/**
 * The two websocket sub-protocols on `/v1/graphql` (reference A8; src: Hasura/GraphQL/Transport/WebSocket/
 * {Protocol,Server}.hs): `graphql-transport-ws` when the client asks for exactly that sub-protocol, the legacy Apollo
 * `subscriptions-transport-ws` (`graphql-ws`) for anything else. Client messages are parsed here; server messages are
 * encoded per protocol.
 */
export type SubProtocol = 'graphql-transport-ws' | 'apollo';

export const GRAPHQL_TRANSPORT_WS = 'graphql-transport-ws';

export interface StartPayload {
  query: string;
  variables?: Record<string, unknown> | null;
  operationName?: string | null;
}

export type ClientMsg =
  | { type: 'connection_init'; payload: unknown }
  | { type: 'start'; id: string; payload: StartPayload }
  | { type: 'stop'; id: string }
  | { type: 'connection_terminate' }
  | { type: 'ping'; payload: unknown }
  | { type: 'pong'; payload: unknown };

/** Close codes Hasura uses for graphql-transport-ws (Server.hs `ServerErrorCode`). */
export const CLOSE = {
  genericError: 4400,
  unauthorized: 4401,
  forbidden: 4403,
  initTimeout: 4408,
  nonUniqueSubscription: 4409,
  tooManyRequests: 4429,
} as const;

export class ClientMsgError extends Error {}

function isObject(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}

function startPayload(p: unknown): StartPayload {
  if (!isObject(p)) throw new ClientMsgError('Error in $: key "payload" not found');
  if (typeof p['query'] !== 'string') throw new ClientMsgError('Error in $.payload: key "query" not found');
  const out: StartPayload = { query: p['query'] };
  if (isObject(p['variables']) || p['variables'] === null) out.variables = p['variables'];
  if (typeof p['operationName'] === 'string' || p['operationName'] === null) out.operationName = p['operationName'];
  return out;
}

/** Parse one client text frame (Protocol.hs `FromJSON ClientMsg`, both protocols' message names). */
export function parseClientMsg(text: string, proto: SubProtocol): ClientMsg {
  let j: unknown;
  try {
    j = JSON.parse(text);
  } catch {
    throw new ClientMsgError('Error in $: Failed reading: not a valid json value');
  }
  if (!isObject(j)) throw new ClientMsgError('Error in $: parsing ClientMessage failed, expected Object');
  const t = j['type'];
  if (typeof t !== 'string') throw new ClientMsgError('Error in $: key "type" not found');
  const id = typeof j['id'] === 'string' ? j['id'] : undefined;
  const needId = (): string => {
    if (id === undefined) throw new ClientMsgError('Error in $: key "id" not found');
    return id;
  };
  switch (t) {
    case 'connection_init':
      return { type: 'connection_init', payload: j['payload'] };
    case 'connection_terminate':
      if (proto === 'apollo') return { type: 'connection_terminate' };
      break;
    case 'start':
      if (proto === 'apollo') return { type: 'start', id: needId(), payload: startPayload(j['payload']) };
      break;
    case 'subscribe':
      if (proto !== 'apollo') return { type: 'start', id: needId(), payload: startPayload(j['payload']) };
      break;
    case 'stop':
      if (proto === 'apollo') return { type: 'stop', id: needId() };
      break;
    case 'complete':
      if (proto !== 'apollo') return { type: 'stop', id: needId() };
      break;
    case 'ping':
    case 'pong':
      if (proto !== 'apollo') return { type: t, payload: j['payload'] };
      break;
  }
  throw new ClientMsgError(`Error in $: unexpected type for ClientMessage: ${t}`);
}

/** Server → client frames. `payload` texts are JSON already (result bodies are never re-serialised). */
export const serverMsg = {
  ack: (): string => '{"type":"connection_ack"}',
  ka: (): string => '{"type":"ka"}',
  ping: (): string => '{"type":"ping","payload":{"message":"keepalive"}}',
  pong: (payload: unknown): string =>
    JSON.stringify(payload === undefined ? { type: 'pong' } : { type: 'pong', payload }),
  connError: (message: string): string => JSON.stringify({ type: 'connection_error', payload: message }),
  data: (proto: SubProtocol, id: string, body: string): string =>
    `{"type":${proto === 'apollo' ? '"data"' : '"next"'},"id":${JSON.stringify(id)},"payload":${body}}`,
  error: (id: string, body: string): string => `{"type":"error","id":${JSON.stringify(id)},"payload":${body}}`,
  complete: (id: string): string => `{"type":"complete","id":${JSON.stringify(id)}}`,
};
