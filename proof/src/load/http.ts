/**
 * HTTP for the virtual users: node:http over one shared keep-alive agent (as a browser population behind one NAT
 * would reuse connections), a hard per-request deadline through AbortSignal.timeout that covers the whole exchange
 * (connect, headers, body), and a classification of each answer into the recorder's outcome classes.
 */
import http from 'node:http';
import type { Outcome } from './recorder.js';

export interface Reply {
  status: number;
  contentType: string;
  body: string;
  setCookie: string[];
  /** set when there was no complete HTTP answer: 'timeout' or the socket error code */
  failure?: string;
}

export function createAgent(): http.Agent {
  // LIFO keeps the busy sockets warm and lets the surplus idle out, instead of cycling through all of them.
  return new http.Agent({ keepAlive: true, maxSockets: Infinity, scheduling: 'lifo', timeout: 30_000 });
}

export function send(
  agent: http.Agent,
  url: string,
  opts: { method?: string; headers?: Record<string, string>; body?: string; timeoutMs: number },
): Promise<Reply> {
  const signal = AbortSignal.timeout(opts.timeoutMs);
  return new Promise((resolve) => {
    let done = false;
    const finish = (r: Reply) => {
      if (done) return;
      done = true;
      resolve(r);
    };
    const fail = (err: NodeJS.ErrnoException) =>
      finish({
        status: 0,
        contentType: '',
        body: '',
        setCookie: [],
        failure: signal.aborted ? 'timeout' : (err.code ?? err.message),
      });
    const headers: Record<string, string> = { ...opts.headers };
    if (opts.body !== undefined) headers['content-length'] = String(Buffer.byteLength(opts.body));
    const req = http.request(url, { method: opts.method ?? 'GET', headers, agent, signal }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () =>
        finish({
          status: res.statusCode ?? 0,
          contentType: String(res.headers['content-type'] ?? ''),
          body: Buffer.concat(chunks).toString('utf8'),
          setCookie: res.headers['set-cookie'] ?? [],
        }),
      );
      res.on('error', fail);
      res.on('close', () => {
        if (!res.complete) fail(Object.assign(new Error('response cut'), { code: 'ECONNRESET' }));
      });
    });
    req.on('error', fail);
    req.end(opts.body);
  });
}

export interface Classified {
  outcome: Outcome;
  /** the error code, or '' */
  code: string;
  /** the parsed JSON body, when it was JSON */
  json?: unknown;
}

function parseJson(r: Reply): unknown {
  if (!r.contentType.includes('json')) return undefined;
  try {
    return JSON.parse(r.body) as unknown;
  } catch {
    return undefined;
  }
}

function noAnswer(r: Reply): Classified | undefined {
  if (r.failure === 'timeout') return { outcome: 'timeout', code: 'timeout' };
  if (r.failure !== undefined) return { outcome: 'network', code: r.failure };
  if (r.status === 503 && r.contentType.startsWith('text/html')) return { outcome: 'maintenance', code: '503' };
  return undefined;
}

/** A /v1/graphql answer: data without errors, or Hasura's error envelope (code and message of the first error). */
export function classifyGraphql(r: Reply): Classified {
  const early = noAnswer(r);
  if (early) return early;
  const json = parseJson(r) as { data?: unknown; errors?: Array<{ message?: unknown; extensions?: unknown }> };
  if (json && typeof json === 'object') {
    const first = json.errors?.[0];
    if (first) {
      const ext = first.extensions as { code?: unknown } | undefined;
      if (typeof first.message === 'string' && typeof ext?.code === 'string')
        return { outcome: 'graphql-error', code: `${ext.code}: ${first.message.slice(0, 80)}`, json };
      return { outcome: 'http-error', code: `unshaped error ${r.status}`, json };
    }
    if (r.status === 200 && json.data !== undefined && json.data !== null) return { outcome: 'ok', code: '', json };
  }
  return { outcome: 'http-error', code: `${r.status} ${r.body.slice(0, 40)}` };
}

/** An /api answer: 2xx, or the API's `{error:{code,message}}`. */
export function classifyApi(r: Reply): Classified {
  const early = noAnswer(r);
  if (early) return early;
  const json = parseJson(r);
  if (r.status >= 200 && r.status < 300) return { outcome: 'ok', code: '', json };
  const err = (json as { error?: { code?: unknown } } | undefined)?.error;
  if (typeof err?.code === 'string') return { outcome: 'api-error', code: err.code, json };
  return { outcome: 'http-error', code: `${r.status} ${r.body.slice(0, 40)}` };
}
