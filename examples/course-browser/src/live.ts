/**
 * Live results for a subscription document over the `graphql-ws` library's client (the `graphql-transport-ws`
 * protocol, which Hasura v2 speaks on the same `/v1/graphql` URL), authenticated by the session cookie the browser
 * sends with the upgrade. If the server does not acknowledge the socket within a few seconds, or drops it, the same
 * data is polled with the matching query instead.
 */
import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { createClient, type Client } from 'graphql-ws';
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

function websocketUrl(): string {
  const url = new URL('/v1/graphql', location.href);
  url.protocol = url.protocol === 'https:' ? 'wss:' : 'ws:';
  return url.href;
}

export function live<R, V>(opts: LiveOptions<R, V>): { stop: () => void; refresh: () => void } {
  let stopped = false;
  let client: Client | undefined;
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
    void client?.dispose();
    client = undefined;
    setMode('polling');
    const tick = async () => {
      await pollOnce();
      if (!stopped) timer = setTimeout(() => void tick(), opts.pollMs ?? 2000);
    };
    void tick();
  };

  setMode('connecting');
  try {
    client = createClient({
      url: websocketUrl(),
      lazy: false,
      // Polling is the fallback: no reconnect loop of our own on top of it.
      retryAttempts: 0,
      connectionAckWaitTimeout: opts.connectTimeoutMs ?? 3000,
      on: {
        connected: () => setMode('websocket'),
        closed: () => startPolling(),
        error: () => startPolling(),
      },
    });
    client.subscribe<R>(
      { query: queryText(opts.subscription), variables: opts.variables as Record<string, unknown> },
      {
        next: (result) => {
          if (result.errors) {
            opts.onError(new Error(JSON.stringify(result.errors)));
            startPolling();
          } else if (result.data) opts.onData(result.data);
        },
        error: (err) => {
          opts.onError(err);
          startPolling();
        },
        complete: () => undefined,
      },
    );
  } catch {
    startPolling();
  }
  return {
    stop() {
      stopped = true;
      if (timer !== undefined) clearTimeout(timer);
      void client?.dispose();
    },
    /** After our own change: the websocket pushes by itself; polling fetches at once. */
    refresh() {
      if (timer !== undefined) void pollOnce();
    },
  };
}
