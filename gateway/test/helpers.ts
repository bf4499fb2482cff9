import { spawn, type ChildProcess } from 'node:child_process';
import http from 'node:http';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const DYNAMIC_DIR = `${REPO_ROOT}traefik/dynamic`;
export const MAINTENANCE_DIR = `${REPO_ROOT}under_maintenance`;
const UPSTREAM = fileURLToPath(new URL('./fixtures/upstream.mjs', import.meta.url));

export interface Upstream {
  port: number;
  url: string;
  proc: ChildProcess;
  /** SIGKILL and wait for the exit */
  kill(): Promise<void>;
}

/** Starts a stand-in upstream process (`api` or `engine` role) on `port` (0 = free port). */
export function spawnUpstream(role: 'api' | 'engine', port = 0): Promise<Upstream> {
  return new Promise((resolve, reject) => {
    const proc = spawn(process.execPath, [UPSTREAM, String(port), role], { stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    const timer = setTimeout(() => reject(new Error(`upstream ${role} did not start`)), 10_000);
    proc.stdout.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /listening (\d+)/.exec(out);
      if (m?.[1] !== undefined) {
        clearTimeout(timer);
        const p = Number(m[1]);
        resolve({
          port: p,
          url: `http://127.0.0.1:${p}`,
          proc,
          kill: () =>
            new Promise<void>((done) => {
              if (proc.exitCode !== null || proc.signalCode !== null) return done();
              proc.once('exit', () => done());
              proc.kill('SIGKILL');
            }),
        });
      }
    });
    proc.once('exit', (code) => reject(new Error(`upstream ${role} exited with ${code ?? 'signal'}`)));
  });
}

export interface Reply {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
  ms: number;
}

export class RequestFailure extends Error {
  constructor(
    readonly kind: 'timeout' | 'connection',
    message: string,
  ) {
    super(message);
  }
}

/** One HTTP request with a hard deadline: rejects with RequestFailure('timeout') when it hangs. */
export function request(
  url: string,
  opts: {
    method?: string;
    headers?: Record<string, string>;
    body?: string | Buffer | undefined;
    timeoutMs?: number;
  } = {},
): Promise<Reply> {
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const req = http.request(
      url,
      { method: opts.method ?? 'GET', headers: opts.headers ?? {}, agent: false },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          clearTimeout(timer);
          resolve({
            status: res.statusCode ?? 0,
            headers: res.headers,
            body: Buffer.concat(chunks).toString('utf8'),
            ms: performance.now() - started,
          });
        });
        res.on('error', (e) => reject(new RequestFailure('connection', e.message)));
      },
    );
    const timer = setTimeout(() => {
      req.destroy();
      reject(new RequestFailure('timeout', `${url} did not answer within ${opts.timeoutMs ?? 5000} ms`));
    }, opts.timeoutMs ?? 5000);
    req.on('error', (e) => {
      clearTimeout(timer);
      reject(new RequestFailure('connection', e.message));
    });
    req.end(opts.body);
  });
}

export const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));
