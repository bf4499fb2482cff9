/**
 * One replica of a docker-compose service as a local process: started from its ProcessSpec in its own process group
 * (Ctrl-C reaches the supervisor only, which stops the stack in order), its output appended to
 * `<logs>/<service>-<n>.log`, restarted after a crash the way Docker's restart policy does (`always`,
 * `unless-stopped`, `on-failure` with a non-zero exit; 100 ms doubling to 5 s), and not restarted after kill() or
 * stop(), as `docker kill` / `docker stop` mark a container stopped by hand.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { chownSync, closeSync, openSync } from 'node:fs';
import { join } from 'node:path';
import type { ServiceDef } from '../compose/index.js';
import { terminate } from '../processes.js';
import type { ContainerView } from './container.js';
import { runHealthcheck } from './healthcheck.js';
import type { ProcessSpec } from './program.js';

export type ReplicaState = 'created' | 'running' | 'exited' | 'stopped';

export interface ReplicaHandle {
  /** `api-1` (also its log file's name) */
  readonly name: string;
  readonly service: string;
  /** the replica's own address (see network.ts) */
  readonly address: string;
  /** `http://<address>:<port>` */
  urlAt(port: number): string;
  pid(): number | undefined;
  state(): ReplicaState;
  exitCode(): number | null;
  /** when the current (or last) process started and ended, ms since the epoch */
  times(): { startedAt: number | undefined; exitedAt: number | undefined };
  /** `docker kill`: the signal (default SIGKILL); no restart. SIGSTOP/SIGCONT only send the signal. */
  kill(signal?: NodeJS.Signals): Promise<void>;
  /** `docker stop`: the stop signal, SIGKILL after the grace period; no restart */
  stop(): Promise<void>;
  /** `docker restart`: stops it if running, starts it again (same address and ports), waits until healthy */
  restart(): Promise<void>;
  /** resolves once healthy (service_healthy) */
  waitHealthy(timeoutMs?: number): Promise<void>;
  /** resolves with the exit code once the process ends (one-shot services) */
  waitExit(): Promise<number>;
}

const NON_TERMINATING = new Set<NodeJS.Signals>(['SIGSTOP', 'SIGTSTP', 'SIGCONT']);
const HEALTH_POLL_MS = 200;

export class Replica implements ReplicaHandle {
  readonly name: string;
  readonly service: string;
  readonly address: string;
  private child: ChildProcess | undefined;
  private current: ReplicaState = 'created';
  private code: number | null = null;
  private byHand = false;
  private backoffMs = 100;
  private exited: Promise<number> = Promise.resolve(0);
  private restartTimer: NodeJS.Timeout | undefined;
  private startedAt: number | undefined;
  private exitedAt: number | undefined;

  constructor(
    private readonly def: ServiceDef,
    readonly view: ContainerView,
    private readonly spec: () => Promise<ProcessSpec>,
    private readonly opts: {
      logDir: string;
      user: { uid: number; gid: number } | undefined;
      /** service name -> address, for healthcheck arguments naming a service */
      hosts: Record<string, string>;
      log: (line: string) => void;
    },
  ) {
    this.name = view.name;
    this.service = def.name;
    this.address = view.address;
  }

  urlAt(port: number): string {
    return `http://${this.address}:${port}`;
  }

  pid(): number | undefined {
    return this.current === 'running' ? this.child?.pid : undefined;
  }

  state(): ReplicaState {
    return this.current;
  }

  exitCode(): number | null {
    return this.code;
  }

  times(): { startedAt: number | undefined; exitedAt: number | undefined } {
    return { startedAt: this.startedAt, exitedAt: this.exitedAt };
  }

  private lastSpec: ProcessSpec | undefined;

  async start(): Promise<void> {
    this.byHand = false;
    const spec = await this.spec();
    this.lastSpec = spec;
    const logFile = join(this.opts.logDir, `${this.name}.log`);
    const out = openSync(logFile, 'a');
    const user = spec.asServiceUser ? this.opts.user : undefined;
    // The process may reopen its output (nginx logs to /dev/stdout): the file is its user's.
    if (user) chownSync(logFile, user.uid, user.gid);
    const child = spawn(spec.command, spec.args, {
      cwd: spec.cwd,
      env: spec.env,
      stdio: ['ignore', out, out],
      detached: true,
      ...(user ? { uid: user.uid, gid: user.gid } : {}),
    });
    closeSync(out);
    this.child = child;
    this.current = 'running';
    this.code = null;
    const startedAt = Date.now();
    this.startedAt = startedAt;
    this.exitedAt = undefined;
    this.exited = new Promise((done) => {
      child.once('error', (err) => {
        this.opts.log(`${this.name}: cannot start ${spec.command}: ${err.message}`);
      });
      child.once('exit', (code, signal) => {
        this.code = code ?? (signal ? 128 : 1);
        this.exitedAt = Date.now();
        this.current = this.byHand ? 'stopped' : 'exited';
        if (!this.byHand) {
          const oneShotDone = this.code === 0 && !restartsAfter(this.def.restart, 0);
          // A one-shot (migrations, seed) finishing is not a failure to report.
          if (oneShotDone) this.opts.log(`${this.name} completed; see ${this.name}.log`);
          else this.opts.log(`${this.name} exited (${signal ?? code}); see ${this.name}.log`);
          this.scheduleRestart(Date.now() - startedAt);
        }
        done(this.code);
      });
    });
  }

  private scheduleRestart(ranMs: number): void {
    const policy = this.def.restart;
    if (!restartsAfter(policy, this.code)) return;
    if (ranMs > 10_000) this.backoffMs = 100;
    const delay = this.backoffMs;
    this.backoffMs = Math.min(this.backoffMs * 2, 5000);
    this.restartTimer = setTimeout(() => {
      if (this.byHand || this.current === 'running') return;
      this.opts.log(`${this.name}: restarting (restart: ${policy})`);
      void this.start().catch((err: unknown) => this.opts.log(`${this.name}: restart failed: ${String(err)}`));
    }, delay);
  }

  async kill(signal: NodeJS.Signals = 'SIGKILL'): Promise<void> {
    if (this.current !== 'running') return;
    if (NON_TERMINATING.has(signal)) {
      if (this.child?.pid !== undefined) process.kill(-this.child.pid, signal);
      return;
    }
    this.byHand = true;
    this.signalGroup(signal);
    await this.exited;
  }

  private signalGroup(signal: NodeJS.Signals): void {
    const pid = this.child?.pid;
    if (pid === undefined) return;
    try {
      process.kill(-pid, signal);
    } catch {
      // already gone
    }
  }

  async stop(): Promise<void> {
    if (this.restartTimer) clearTimeout(this.restartTimer);
    this.byHand = true;
    const pid = this.pid();
    if (pid === undefined) return;
    this.signalGroup('SIGCONT');
    const signal = (this.def.stopSignal as NodeJS.Signals | undefined) ?? this.lastSpec?.stopSignal ?? 'SIGTERM';
    await terminate(pid, signal, this.def.stopGracePeriodMs);
    this.signalGroup('SIGKILL');
    await this.exited;
  }

  async restart(): Promise<void> {
    if (this.current === 'running') {
      this.signalGroup('SIGCONT');
      await this.kill('SIGKILL');
    }
    await this.start();
    await this.waitHealthy();
    this.opts.log(`${this.name} is up again`);
  }

  waitExit(): Promise<number> {
    return this.exited;
  }

  /**
   * Polls the healthcheck every 200 ms (Docker's start_interval, made short so that start-up is quick; longer when a
   * check itself takes longer, up to 1 s) until it
   * passes; fails when the process exits first or after the timeout (default: start_period + retries × interval,
   * at least 120 s). Without a healthcheck, resolves at once.
   */
  async waitHealthy(timeoutMs?: number): Promise<void> {
    const hc = this.def.healthcheck;
    if (hc === undefined) return;
    const limit = timeoutMs ?? Math.max(120_000, hc.startPeriodMs + hc.retries * hc.intervalMs);
    const deadline = Date.now() + limit;
    for (;;) {
      if (this.current !== 'running')
        throw new Error(`${this.name} exited before it was healthy; see ${this.name}.log`);
      const env = this.lastSpec?.env ?? {};
      const user = this.lastSpec?.asServiceUser ? this.opts.user : undefined;
      const began = Date.now();
      const r = await runHealthcheck(hc, this.view, env, user, this.opts.hosts);
      if (r.ok) return;
      // A check (a `node -e` with the image's NODE_OPTIONS) costs CPU: under load, waiting as long as the last one
      // took keeps the checks from taking the CPU the starting process needs.
      const pause = Math.min(1000, Math.max(HEALTH_POLL_MS, Date.now() - began));
      if (Date.now() > deadline) {
        throw new Error(
          `${this.name} not healthy after ${limit} ms (last check: ${r.output.slice(0, 200) || 'no output'})`,
        );
      }
      await new Promise((r2) => setTimeout(r2, pause));
    }
  }
}

/** Whether compose's restart policy restarts a container that exited with `code`. */
function restartsAfter(policy: string | undefined, code: number | null): boolean {
  return policy === 'always' || policy === 'unless-stopped' || (policy === 'on-failure' && code !== 0);
}
