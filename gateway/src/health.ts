/**
 * Active health checks, as Traefik's loadBalancer.healthCheck: every `interval` (or `unhealthyInterval` while down)
 * one GET on `path` with a `timeout`; a status in [200, 400) (or exactly `status` when set) means up. Each probe uses a
 * fresh connection, so a hung (SIGSTOPped) process that still accepts TCP connections times out instead of
 * answering from a pooled socket.
 */
import http from 'node:http';
import { durationMs, type HealthCheck } from './config.js';

export type HealthListener = (up: boolean) => void;

export class HealthChecker {
  private up = true;
  private timer: NodeJS.Timeout | undefined;
  private inFlight: http.ClientRequest | undefined;
  private stopped = false;
  private readonly listeners = new Set<HealthListener>();
  private readonly intervalMs: number;
  private readonly unhealthyIntervalMs: number;
  private readonly timeoutMs: number;

  constructor(
    private readonly target: URL,
    private readonly check: HealthCheck,
    private readonly log: (line: string) => void,
  ) {
    this.intervalMs = durationMs(check.interval ?? '30s');
    this.unhealthyIntervalMs = durationMs(check.unhealthyInterval ?? check.interval ?? '30s');
    this.timeoutMs = durationMs(check.timeout ?? '5s');
  }

  get healthy(): boolean {
    return this.up;
  }

  /** Calls `fn` on every transition; returns an unsubscribe function. */
  onChange(fn: HealthListener): () => void {
    this.listeners.add(fn);
    return () => this.listeners.delete(fn);
  }

  start(): void {
    this.schedule(0);
  }

  stop(): void {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.inFlight?.destroy();
  }

  private schedule(ms: number): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      void this.probe().then((failure) => {
        const ok = failure === undefined;
        this.set(ok, failure);
        this.schedule(ok ? this.intervalMs : this.unhealthyIntervalMs);
      });
    }, ms);
  }

  private set(ok: boolean, failure?: string): void {
    if (this.stopped || ok === this.up) return;
    this.up = ok;
    this.log(`health: ${this.target.origin} is ${ok ? 'up' : `DOWN (${failure ?? 'no answer'})`}`);
    for (const fn of this.listeners) fn(ok);
  }

  /** Resolves with undefined when healthy, else with why not (status, timeout, connection error). */
  private probe(): Promise<string | undefined> {
    return new Promise((resolve) => {
      let done = false;
      const finish = (failure?: string): void => {
        if (done) return;
        done = true;
        clearTimeout(deadline);
        this.inFlight = undefined;
        resolve(failure);
      };
      const req = http.request(
        {
          host: this.target.hostname,
          port: this.target.port,
          path: this.check.path,
          method: this.check.method ?? 'GET',
          headers: this.check.headers ?? {},
          agent: false,
        },
        (res) => {
          const status = res.statusCode ?? 0;
          res.resume();
          const want = this.check.status;
          const ok = want === undefined ? status >= 200 && status < 400 : status === want;
          finish(ok ? undefined : `status ${status}`);
        },
      );
      // One deadline for connect + response headers: a stopped process accepts the TCP connection (the kernel does
      // the handshake) but never answers.
      const deadline = setTimeout(() => {
        req.destroy();
        finish(`no answer within ${this.timeoutMs} ms`);
      }, this.timeoutMs);
      req.on('error', (e: NodeJS.ErrnoException) => finish(e.code ?? e.message));
      this.inFlight = req;
      req.end();
    });
  }
}
