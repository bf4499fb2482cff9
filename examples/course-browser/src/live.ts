/**
 * Live results for a subscription document: Hasura's websocket transport (the `graphql-ws` subprotocol of
 * subscriptions-transport-ws, which every Hasura v2 speaks) on the same `/v1/graphql` URL, authenticated by the
 * session cookie sent with the upgrade. If the server does not accept the socket within a few seconds, or drops
 * it, the same data is polled with the matching query instead.
 */
import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { queryText } from 'client';

export type LiveMode = 'connecting' | 'websocket' | 'polling';

export interface LiveOptions<R, V> {
  subscription: TypedDocumentNode<R, V>;
  /** The query with the same selection, for polling. */
  poll: () => Promise<R>;
  variables: V;
  onData: (data: R) => void;
  onError: (err: unknown) => void;
  onMode?: (mode: LiveMode) => void;
  pollMs?: number;
  connectTimeoutMs?: number;
}

export function live<R, V>(opts: LiveOptions<R, V>): { stop: () => void; refresh: () => void } {
  let stopped = false;
  let socket: WebSocket | undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const setMode = (m: LiveMode) => opts.onMode?.(m);

  const pollOnce = async () => {
    if (stopped) return;
    try {
      opts.onData(await opts.poll());
    } catch (err) {
      opts.onError(err);
    }
  };
  const startPolling = () => {
    if (stopped || timer !== undefined) return;
    socket?.close();
    socket = undefined;
    setMode('polling');
    const tick = async () => {
      await pollOnce();
      if (!stopped) timer = setTimeout(() => void tick(), opts.pollMs ?? 2000);
    };
    void tick();
  };

  setMode('connecting');
  let acked = false;
  try {
    const url = new URL('/v1/graphql', location.href);
    url.protocol = url.protocol === 'https:' ? 'wss:' : 'ws:';
    socket = new WebSocket(url, 'graphql-ws');
  } catch {
    startPolling();
  }
  const giveUp = setTimeout(() => {
    if (!acked) startPolling();
  }, opts.connectTimeoutMs ?? 3000);
  if (socket) {
    const ws = socket;
    ws.onopen = () => ws.send(JSON.stringify({ type: 'connection_init', payload: {} }));
    ws.onmessage = (ev: MessageEvent<string>) => {
      const msg = JSON.parse(ev.data) as { type: string; id?: string; payload?: { data?: R; errors?: unknown[] } };
      if (msg.type === 'connection_ack') {
        acked = true;
        clearTimeout(giveUp);
        setMode('websocket');
        ws.send(
          JSON.stringify({
            id: '1',
            type: 'start',
            payload: { query: queryText(opts.subscription), variables: opts.variables },
          }),
        );
      } else if (msg.type === 'data' && msg.payload?.data) {
        opts.onData(msg.payload.data);
      } else if (
        msg.type === 'error' ||
        msg.type === 'connection_error' ||
        (msg.type === 'data' && msg.payload?.errors)
      ) {
        opts.onError(new Error(JSON.stringify(msg.payload)));
        startPolling();
      }
    };
    ws.onerror = () => startPolling();
    ws.onclose = () => {
      if (!stopped) startPolling();
    };
  }
  return {
    stop() {
      stopped = true;
      clearTimeout(giveUp);
      if (timer !== undefined) clearTimeout(timer);
      socket?.close();
    },
    /** After our own change: the websocket pushes by itself; polling fetches at once. */
    refresh() {
      if (timer !== undefined) void pollOnce();
    },
  };
}
