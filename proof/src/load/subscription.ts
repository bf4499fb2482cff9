/**
 * One live subscription per subscriber over graphql-transport-ws through the gateway, authenticated by the user's
 * session cookie on the upgrade request (the engine asks the API's webhook). The client reconnects by itself when
 * the socket closes (engine replica gone, credentials expired, gateway cut) until it is stopped. Each connection
 * attempt is recorded as a request (`ws:connect`, ok at connection_ack); every worksheet name the subscription
 * delivers is remembered with the time it first arrived.
 */
import WebSocket from 'ws';
import type { OpenRequest, Recorder } from './recorder.js';

const PROTOCOL = 'graphql-transport-ws';
const ACK_TIMEOUT_MS = 5000;
/** the code of a connect the client itself abandoned at the end of the run */
export const STOPPED = 'stopped by the client';

export const WORKSHEETS_SUBSCRIPTION =
  'subscription MyWorksheets { worksheets(order_by: {worksheet_id: asc}) { worksheet_id name } }';

export interface CloseEvent {
  t: number;
  code: number;
}

export class LiveWorksheets {
  /** worksheet name → ms (recorder time) it was first delivered */
  readonly seen = new Map<string, number>();
  readonly closes: CloseEvent[] = [];
  connects = 0;
  acks = 0;
  /** recorder time of the last `next` message */
  lastData = -1;
  private ws: WebSocket | undefined;
  private stopped = false;
  private attempt = 0;
  private retryTimer: NodeJS.Timeout | undefined;
  private readonly waiters = new Set<() => void>();

  constructor(
    private readonly wsUrl: string,
    private readonly user: number,
    /** the session cookie to connect with; waits while the user is logging in (the old session ends then) */
    private readonly cookie: () => Promise<string | undefined>,
    private readonly recorder: Recorder,
  ) {}

  /** acknowledged and subscribed right now */
  get live(): boolean {
    return this.ws !== undefined && this.ws.readyState === WebSocket.OPEN && this.acked;
  }
  private acked = false;

  start(): void {
    this.connect();
  }

  /** Closes the socket for good; resolves once it is closed (an unfinished connect ends as `stopped by the client`). */
  async stop(): Promise<void> {
    this.stopped = true;
    if (this.retryTimer) clearTimeout(this.retryTimer);
    this.wake();
    const ws = this.ws;
    if (!ws || ws.readyState === WebSocket.CLOSED) return;
    await new Promise<void>((resolve) => {
      ws.once('close', () => resolve());
      ws.terminate();
    });
  }

  /** Resolves with the time `name` was delivered, or undefined after `timeoutMs`. */
  async waitFor(name: string, timeoutMs: number): Promise<number | undefined> {
    const deadline = performance.now() + timeoutMs;
    while (!this.seen.has(name)) {
      const left = deadline - performance.now();
      if (left <= 0 || this.stopped) return undefined;
      await new Promise<void>((resolve) => {
        const t = setTimeout(resolve, left);
        this.waiters.add(() => {
          clearTimeout(t);
          resolve();
        });
      });
    }
    return this.seen.get(name);
  }

  private wake(): void {
    const ws = [...this.waiters];
    this.waiters.clear();
    for (const f of ws) f();
  }

  private connect(): void {
    void this.cookie().then((cookie) => this.open(cookie));
  }

  private open(cookie: string | undefined): void {
    if (this.stopped) return;
    this.connects += 1;
    this.acked = false;
    const open: OpenRequest = this.recorder.begin(this.user, 'subscriber', 'ws:connect', ACK_TIMEOUT_MS);
    let settled = false;
    const settle = (
      outcome: 'ok' | 'network' | 'timeout' | 'http-error' | 'maintenance',
      status: number,
      code = '',
    ) => {
      if (settled) return;
      settled = true;
      clearTimeout(ackTimer);
      this.recorder.finish(open, outcome, status, code);
    };
    const ws = new WebSocket(this.wsUrl, PROTOCOL, {
      headers: cookie ? { cookie } : {},
      handshakeTimeout: ACK_TIMEOUT_MS,
    });
    this.ws = ws;
    const ackTimer = setTimeout(() => {
      settle('timeout', 0, 'timeout');
      ws.terminate();
    }, ACK_TIMEOUT_MS);
    ws.on('unexpected-response', (_req, res) => {
      const html = String(res.headers['content-type'] ?? '').startsWith('text/html');
      settle(
        res.statusCode === 503 && html ? 'maintenance' : 'http-error',
        res.statusCode ?? 0,
        `upgrade ${res.statusCode}`,
      );
      res.resume();
      ws.terminate();
    });
    ws.on('open', () => ws.send(JSON.stringify({ type: 'connection_init', payload: {} })));
    ws.on('message', (data: Buffer) => {
      let msg: { type?: string; id?: string; payload?: unknown };
      try {
        msg = JSON.parse(data.toString('utf8')) as typeof msg;
      } catch {
        return;
      }
      if (msg.type === 'connection_ack') {
        settle('ok', 101);
        this.acked = true;
        this.acks += 1;
        this.attempt = 0;
        ws.send(JSON.stringify({ type: 'subscribe', id: 'w', payload: { query: WORKSHEETS_SUBSCRIPTION } }));
      } else if (msg.type === 'ping') {
        ws.send(JSON.stringify({ type: 'pong' }));
      } else if (msg.type === 'next' && msg.id === 'w') {
        this.onData(msg.payload);
      }
    });
    ws.on('error', (err: NodeJS.ErrnoException) =>
      settle('network', 0, this.stopped ? STOPPED : (err.code ?? 'ws error')),
    );
    ws.on('close', (code: number) => {
      settle('network', 0, this.stopped ? STOPPED : `closed ${code} before ack`);
      this.acked = false;
      if (this.stopped) return;
      this.closes.push({ t: this.recorder.now(), code });
      // Back off a little (more after repeated failures), with jitter so that a crowd does not reconnect in step.
      const delay = Math.min(2000, 100 * 2 ** Math.min(this.attempt, 4)) * (0.5 + Math.random());
      this.attempt += 1;
      this.retryTimer = setTimeout(() => this.connect(), delay);
    });
  }

  private onData(payload: unknown): void {
    this.lastData = this.recorder.now();
    const rows = (payload as { data?: { worksheets?: Array<{ name?: unknown }> } } | undefined)?.data?.worksheets;
    if (!Array.isArray(rows)) return;
    let added = false;
    for (const r of rows) {
      if (typeof r.name === 'string' && !this.seen.has(r.name)) {
        this.seen.set(r.name, this.lastData);
        added = true;
      }
    }
    if (added) this.wake();
  }
}
