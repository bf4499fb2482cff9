/**
 * Drives upstream's `queries/subscriptions/{live_queries,streaming}/steps.yaml` (test_subscriptions.py
 * `TestSubscriptionLiveQueries`, `TestStreamingSubscription`): one subscription is opened over a websocket, then each
 * step's mutation runs over HTTP (`response` compared), and the next pushed result is compared with the step's
 * `live_response` / `stream_response`. The subscription documents live in the Python tests, not in the YAML; they
 * are restated here (live: `hge_tests_test_t2 {c1 c2}` ordered by c1; streaming: `hge_tests_stream_query:
 * hge_tests_test_t2_stream(cursor: {initial_value: {c1: 0}}, batch_size: $batch_size)` with batch size 2, as far as
 * we know them). manifest.ts plans a directory's `steps` file under its first class; run-case.ts calls
 * `runSubscriptionSteps` for it.
 */
import { join } from 'node:path';
import WebSocket from 'ws';
import { diffBody } from './compare.js';
import type { Outcome } from './compare.js';
import { send } from './http.js';
import type { WsProtocol } from './ws.js';
import { loadYaml } from './yaml-file.js';

interface SubStep {
  description?: string;
  name?: string;
  query: string;
  variables?: string | Record<string, unknown> | null;
  response?: unknown;
  live_response?: unknown;
  stream_response?: unknown;
}

const SUBSCRIPTIONS: Record<
  string,
  { query: string; variables: Record<string, unknown>; root: string; expectKey: 'live_response' | 'stream_response' }
> = {
  live_queries: {
    query: 'subscription { hge_tests_test_t2(order_by: {c1: asc}) { c1 c2 } }',
    variables: {},
    root: 'hge_tests_test_t2',
    expectKey: 'live_response',
  },
  streaming: {
    query:
      'subscription ($batch_size: Int!) { hge_tests_stream_query: hge_tests_test_t2_stream(cursor: {initial_value: {c1: 0}}, batch_size: $batch_size) { c1 c2 } }',
    variables: { batch_size: 2 },
    root: 'hge_tests_stream_query',
    expectKey: 'stream_response',
  },
};

const yamlValue = (v: unknown): unknown => (typeof v === 'string' ? (loadYamlText(v) ?? null) : v);

function loadYamlText(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

class Feed {
  private readonly queue: unknown[] = [];
  private wake: (() => void) | undefined;
  constructor(readonly ws: WebSocket) {
    ws.on('message', (raw: Buffer) => {
      const m = JSON.parse(raw.toString('utf8')) as { type?: string; id?: string; payload?: unknown };
      if (m.type === 'ping') ws.send(JSON.stringify({ type: 'pong' }));
      if ((m.type === 'data' || m.type === 'next' || m.type === 'error') && m.id === 'sub') {
        this.queue.push(m.payload);
        this.wake?.();
      }
      if (m.type === 'connection_ack') this.wake?.();
    });
  }
  async next(timeoutMs: number): Promise<unknown> {
    const deadline = Date.now() + timeoutMs;
    while (this.queue.length === 0) {
      const left = deadline - Date.now();
      if (left <= 0) throw new Error('no subscription result within the timeout');
      await new Promise<void>((r) => {
        const t = setTimeout(r, left);
        this.wake = () => {
          clearTimeout(t);
          r();
        };
      });
    }
    return this.queue.shift();
  }
}

/** Run one `subscriptions/<kind>/steps.yaml`; `kind` is the directory's last path segment. */
export async function runSubscriptionSteps(opts: {
  dir: string;
  baseUrl: string;
  headers: Record<string, string>;
  protocol?: WsProtocol;
  timeoutMs?: number;
}): Promise<Outcome> {
  const kind = opts.dir.split('/').filter(Boolean).pop() ?? '';
  const sub = SUBSCRIPTIONS[kind];
  if (!sub) return { verdict: 'fail', reason: `no subscription document known for ${kind}` };
  const steps = loadYaml(join(opts.dir, 'steps.yaml')) as SubStep[];
  const protocol = opts.protocol ?? 'graphql-ws';
  const url = new URL('/v1/graphql', opts.baseUrl);
  url.protocol = url.protocol === 'https:' ? 'wss:' : 'ws:';
  const ws = new WebSocket(url, protocol);
  const feed = new Feed(ws);
  const timeout = opts.timeoutMs ?? 10_000;
  try {
    await new Promise<void>((resolve, reject) => {
      ws.once('open', () => resolve());
      ws.once('error', reject);
    });
    ws.send(JSON.stringify({ type: 'connection_init', payload: { headers: opts.headers } }));
    ws.send(
      JSON.stringify({
        type: protocol === 'graphql-ws' ? 'start' : 'subscribe',
        id: 'sub',
        payload: { query: sub.query, variables: sub.variables },
      }),
    );
    const first = await feed.next(timeout);
    const d0 = diffBody({ data: { [sub.root]: [] } }, first, { query: sub.query });
    if (d0) return { verdict: 'fail', reason: `initial result: ${d0}` };
    for (const [i, step] of steps.entries()) {
      const variables = yamlValue(step.variables ?? null);
      const res = await send(opts.baseUrl, '/v1/graphql', {
        query: { query: step.query, variables },
        headers: opts.headers,
      });
      if (step.response !== undefined) {
        const d = diffBody({ data: yamlValue(step.response) }, res.body, { query: step.query });
        if (d) return { verdict: 'fail', reason: `step ${i + 1} (${step.description ?? ''}) mutation: ${d}` };
      }
      const expected = step[sub.expectKey];
      if (expected === undefined) {
        await feed.next(timeout).catch(() => undefined);
        continue;
      }
      const got = await feed.next(timeout);
      const d = diffBody({ data: { [sub.root]: yamlValue(expected) } }, got, { query: sub.query });
      if (d) return { verdict: 'fail', reason: `step ${i + 1} (${step.description ?? ''}) ${sub.expectKey}: ${d}` };
    }
    return { verdict: 'pass' };
  } catch (e) {
    return { verdict: 'fail', reason: e instanceof Error ? e.message : 'failed' };
  } finally {
    ws.close();
  }
}
