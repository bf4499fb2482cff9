/** Shared by the gateway tests: repository paths and one HTTP request with a hard deadline. */
import http from 'node:http';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const DYNAMIC_DIR = `${REPO_ROOT}traefik/dynamic`;
export const MAINTENANCE_DIR = `${REPO_ROOT}under_maintenance`;
export const COMPOSE_FILE = `${REPO_ROOT}docker-compose.yml`;

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
