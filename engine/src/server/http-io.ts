/** Small node:http helpers: bounded body reading and response writers (JSON text is written as is, never re-serialised). */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { EngineError } from '../errors.js';

export const JSON_CONTENT_TYPE = 'application/json; charset=utf-8';

/** {@link readBody}'s refusal of a body over the limit (413): its callers close the connection after answering. */
export function isBodyTooLarge(e: unknown): e is EngineError {
  return e instanceof EngineError && e.status === 413;
}

/**
 * Read the whole body as UTF-8, failing with `EngineError.bodyTooLarge()` past `limit` bytes (the rest is not
 * buffered).
 */
export function readBody(req: IncomingMessage, limit: number): Promise<string> {
  return new Promise<string>((resolve, reject) => {
    const declared = Number(req.headers['content-length']);
    if (Number.isFinite(declared) && declared > limit) {
      req.resume();
      reject(EngineError.bodyTooLarge());
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    let done = false;
    req.on('data', (c: Buffer) => {
      if (done) return;
      size += c.length;
      if (size > limit) {
        done = true;
        chunks.length = 0;
        req.resume();
        reject(EngineError.bodyTooLarge());
        return;
      }
      chunks.push(c);
    });
    req.on('end', () => {
      if (done) return;
      done = true;
      resolve(Buffer.concat(chunks).toString('utf8'));
    });
    req.on('error', (e) => {
      if (done) return;
      done = true;
      reject(e);
    });
  });
}

export function sendText(
  res: ServerResponse,
  status: number,
  contentType: string,
  body: string | Buffer,
  extra: Array<[string, string]> = [],
): void {
  if (res.headersSent) {
    res.end();
    return;
  }
  for (const [k, v] of extra) res.appendHeader(k, v);
  res.setHeader('Content-Type', contentType);
  res.setHeader('Content-Length', Buffer.byteLength(body));
  res.writeHead(status);
  res.end(body);
}

export function sendJson(
  res: ServerResponse,
  status: number,
  jsonText: string,
  extra: Array<[string, string]> = [],
): void {
  sendText(res, status, JSON_CONTENT_TYPE, jsonText, extra);
}
