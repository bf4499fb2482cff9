/** Raw loopback HTTP for hostile inputs: arbitrary headers and bytes, a hard deadline, never throws. */
import http from 'node:http';

export interface RawReply {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
  ms: number;
  /** set when there was no HTTP answer: 'timeout' or the socket error code */
  failure?: string;
}

export function send(
  url: string,
  opts: {
    method?: string;
    headers?: Record<string, string | string[]>;
    body?: string | Buffer | undefined;
    timeoutMs?: number;
  } = {},
): Promise<RawReply> {
  const started = performance.now();
  return new Promise((resolve) => {
    let done = false;
    const finish = (r: Omit<RawReply, 'ms'>) => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      resolve({ ...r, ms: performance.now() - started });
    };
    const req = http.request(
      url,
      {
        method: opts.method ?? 'POST',
        headers: opts.headers ?? {},
        agent: false,
        insecureHTTPParser: false,
        maxHeaderSize: 1 << 20,
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () =>
          finish({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }),
        );
        res.on('error', (e: NodeJS.ErrnoException) =>
          finish({
            status: res.statusCode ?? 0,
            headers: res.headers,
            body: Buffer.concat(chunks).toString('utf8'),
            failure: e.code ?? 'error',
          }),
        );
      },
    );
    const timer = setTimeout(() => {
      req.destroy();
      finish({ status: 0, headers: {}, body: '', failure: 'timeout' });
    }, opts.timeoutMs ?? 15_000);
    req.on('error', (e: NodeJS.ErrnoException) =>
      finish({ status: 0, headers: {}, body: '', failure: e.code ?? e.message }),
    );
    req.end(opts.body);
  });
}
