/**
 * The engine's one HTTP client (auth hook, JWKS, action handlers): node:http(s) with a hard timeout covering
 * connect, headers and body, and a response size cap, so a hung or chatty peer can never hang or exhaust a request.
 */
import http from 'node:http';
import https from 'node:https';

export interface HttpResponse {
  status: number;
  headers: http.IncomingHttpHeaders;
  /** The response headers as sent: `[name, value, name, value…]`, original case and order. */
  rawHeaders: string[];
  body: string;
}

export interface HttpRequestOptions {
  method: string;
  /** Flat `[name, value, name, value…]` list, sent as given (case and order kept). */
  headers: string[];
  body?: string;
  timeoutMs: number;
  /** Largest response body accepted (default 1 MiB). */
  maxBytes?: number;
  /** Keep connections alive in Node's global agent (default: a connection per request). */
  reuseConnections?: boolean;
}

export type HttpFailure = 'invalid-url' | 'timeout' | 'too-large' | 'network';

export class HttpClientError extends Error {
  override readonly name = 'HttpClientError';
  constructor(
    readonly kind: HttpFailure,
    message: string,
  ) {
    super(message);
  }
}

export function httpRequest(url: string, opts: HttpRequestOptions): Promise<HttpResponse> {
  const maxBytes = opts.maxBytes ?? 1024 * 1024;
  return new Promise<HttpResponse>((resolve, reject) => {
    let u: URL;
    try {
      u = new URL(url);
    } catch {
      reject(new HttpClientError('invalid-url', 'invalid URL'));
      return;
    }
    const mod = u.protocol === 'https:' ? https : http;
    let settled = false;
    const fail = (kind: HttpFailure, msg: string): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      req.destroy();
      reject(new HttpClientError(kind, msg));
    };
    // With a raw header list Node does not add Host itself.
    const headers = opts.headers.some((h, i) => i % 2 === 0 && h.toLowerCase() === 'host')
      ? opts.headers
      : ['Host', u.host, ...opts.headers];
    const req = mod.request(
      u,
      { method: opts.method, headers, agent: opts.reuseConnections ? undefined : false },
      (res) => {
        const chunks: Buffer[] = [];
        let size = 0;
        res.on('data', (c: Buffer) => {
          size += c.length;
          if (size > maxBytes) fail('too-large', 'response too large');
          else chunks.push(c);
        });
        res.on('error', () => fail('network', 'response error'));
        res.on('end', () => {
          if (settled) return;
          settled = true;
          clearTimeout(timer);
          resolve({
            status: res.statusCode ?? 0,
            headers: res.headers,
            rawHeaders: res.rawHeaders,
            body: Buffer.concat(chunks).toString('utf8'),
          });
        });
      },
    );
    const timer = setTimeout(() => fail('timeout', 'timeout'), opts.timeoutMs);
    req.on('error', (e) => fail('network', e.message));
    if (opts.body !== undefined) req.end(opts.body);
    else req.end();
  });
}

/** One header value as a string (first of a repeated header). */
export function headerString(h: string | string[] | undefined): string | undefined {
  return Array.isArray(h) ? h[0] : h;
}
