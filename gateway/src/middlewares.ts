/**
 * The Traefik middlewares this project uses: headers, compress, buffering (request-size limit), ipAllowList (our
 * deny), replacePath (CourseTable's GraphQL path) and basicAuth (dashboard only; always 401 locally, the dashboard
 * does not exist here).
 */
import { BlockList, isIPv4, isIPv6 } from 'node:net';
import type { OutgoingHttpHeaders } from 'node:http';
import zlib from 'node:zlib';
import { Writable } from 'node:stream';
import type { CompressMiddleware, HeadersMiddleware, Middleware } from './config.js';
import { readBody, sendText, wrapSink, type Handler, type Outcome, type RequestContext } from './context.js';

export type MiddlewareFn = (ctx: RequestContext, next: Handler) => Promise<Outcome>;

export function buildMiddleware(name: string, m: Middleware): MiddlewareFn {
  if ('headers' in m) return headersMiddleware(m.headers);
  if ('compress' in m) return compressMiddleware(m.compress);
  if ('buffering' in m) {
    const limit = m.buffering.maxRequestBodyBytes;
    return async (ctx, next) => {
      if (ctx.body === undefined) {
        const body = await readBody(ctx.req, limit);
        if (body === undefined) return sendText(ctx, 413, 'Request Entity Too Large');
        ctx.body = body;
      } else if (ctx.body.length > limit) {
        return sendText(ctx, 413, 'Request Entity Too Large');
      }
      return next(ctx);
    };
  }
  if ('ipAllowList' in m) {
    const allowed = new BlockList();
    for (const range of m.ipAllowList.sourceRange) {
      const [addr = '', prefix] = range.split('/');
      const type = isIPv6(addr) ? 'ipv6' : 'ipv4';
      if (!isIPv4(addr) && !isIPv6(addr)) throw new Error(`middleware ${name}: bad address ${range}`);
      allowed.addSubnet(addr, prefix === undefined ? (type === 'ipv4' ? 32 : 128) : Number(prefix), type);
    }
    return (ctx, next) => {
      const ip = ctx.clientIp.startsWith('::ffff:') ? ctx.clientIp.slice(7) : ctx.clientIp;
      const ok = allowed.check(ip, isIPv6(ip) ? 'ipv6' : 'ipv4');
      return ok ? next(ctx) : Promise.resolve(sendText(ctx, 403, 'Forbidden'));
    };
  }
  if ('replacePath' in m) {
    const to = m.replacePath.path;
    return (ctx, next) => {
      const raw = ctx.req.url ?? '/';
      const q = raw.indexOf('?');
      ctx.req.headers['x-replaced-path'] = q < 0 ? raw : raw.slice(0, q);
      ctx.req.url = q < 0 ? to : to + raw.slice(q);
      return next(ctx);
    };
  }
  // basicAuth: the users file only exists in the production container; locally nothing can authenticate.
  const realm = m.basicAuth.realm ?? 'traefik';
  return (ctx) =>
    Promise.resolve(sendText(ctx, 401, '401 Unauthorized\n', { 'www-authenticate': `Basic realm="${realm}"` }));
}

function headersMiddleware(h: HeadersMiddleware): MiddlewareFn {
  const add: Record<string, string> = {};
  const remove: string[] = [];
  if (h.stsSeconds !== undefined && h.forceSTSHeader === true) {
    add['strict-transport-security'] =
      `max-age=${h.stsSeconds}` +
      (h.stsIncludeSubdomains ? '; includeSubDomains' : '') +
      (h.stsPreload ? '; preload' : '');
  }
  if (h.contentTypeNosniff) add['x-content-type-options'] = 'nosniff';
  if (h.frameDeny) add['x-frame-options'] = 'DENY';
  if (h.referrerPolicy !== undefined) add['referrer-policy'] = h.referrerPolicy;
  if (h.contentSecurityPolicy !== undefined) add['content-security-policy'] = h.contentSecurityPolicy;
  if (h.permissionsPolicy !== undefined) add['permissions-policy'] = h.permissionsPolicy;
  for (const [k, v] of Object.entries(h.customResponseHeaders ?? {})) {
    if (v === '') remove.push(k.toLowerCase());
    else add[k.toLowerCase()] = v;
  }
  return (ctx, next) => {
    for (const [k, v] of Object.entries(h.customRequestHeaders ?? {})) {
      if (v === '') delete ctx.req.headers[k.toLowerCase()];
      else ctx.req.headers[k.toLowerCase()] = v;
    }
    ctx.sink = wrapSink(ctx.sink, (status, headers, start) => {
      const out: OutgoingHttpHeaders = {};
      for (const [k, v] of Object.entries(headers)) {
        if (!remove.includes(k.toLowerCase())) out[k.toLowerCase()] = v;
      }
      return start(status, { ...out, ...add });
    });
    return next(ctx);
  };
}

function compressMiddleware(c: CompressMiddleware): MiddlewareFn {
  const min = c.minResponseBodyBytes ?? 1024;
  const excluded = (c.excludedContentTypes ?? []).map((t) => t.toLowerCase());
  return (ctx, next) => {
    const accept = String(ctx.req.headers['accept-encoding'] ?? '').toLowerCase();
    const encoding = /\bbr\b/.test(accept) ? 'br' : /\bgzip\b/.test(accept) ? 'gzip' : undefined;
    if (encoding === undefined || ctx.method === 'HEAD') return next(ctx);
    ctx.sink = wrapSink(ctx.sink, (status, headers, start) => {
      const get = (name: string): string | undefined => {
        const v = headers[name] ?? headers[Object.keys(headers).find((k) => k.toLowerCase() === name) ?? ''];
        return v === undefined ? undefined : String(v);
      };
      const type = (get('content-type') ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
      const length = Number(get('content-length') ?? NaN);
      const skip =
        status < 200 ||
        status === 204 ||
        status === 304 ||
        get('content-encoding') !== undefined ||
        excluded.includes(type) ||
        (Number.isFinite(length) && length < min);
      if (skip) return start(status, headers);
      const compressed = (): Writable => {
        const out: OutgoingHttpHeaders = {};
        for (const [k, v] of Object.entries(headers)) if (k.toLowerCase() !== 'content-length') out[k] = v;
        const vary = get('vary');
        out['vary'] = vary === undefined ? 'Accept-Encoding' : `${vary}, Accept-Encoding`;
        out['content-encoding'] = encoding;
        const z: Writable = encoding === 'br' ? zlib.createBrotliCompress() : zlib.createGzip();
        z.pipe(start(status, out));
        return z;
      };
      if (Number.isFinite(length)) return compressed();
      // Unknown length (chunked): like Traefik, hold the first minResponseBodyBytes to decide.
      return holdUntil(min, compressed, (size) => start(status, { ...headers, 'content-length': size }));
    });
    return next(ctx);
  };
}

/**
 * A writable that buffers until `min` bytes arrived (then streams through `big()`) or the body ended smaller (then
 * writes it through `small(size)` with a Content-Length).
 */
function holdUntil(min: number, big: () => Writable, small: (size: number) => Writable): Writable {
  const held: Buffer[] = [];
  let size = 0;
  let target: Writable | undefined;
  return new Writable({
    write(chunk: Buffer, _enc, cb) {
      if (target !== undefined) {
        target.write(chunk, cb);
        return;
      }
      held.push(chunk);
      size += chunk.length;
      if (size >= min) {
        target = big();
        for (const c of held) target.write(c);
        held.length = 0;
      }
      cb();
    },
    final(cb) {
      if (target === undefined) {
        const out = small(size);
        out.end(Buffer.concat(held));
      } else {
        target.end();
      }
      cb();
    },
    destroy(err, cb) {
      // Runs after a normal finish too (autoDestroy): only an error may tear the compressor down, else it would be
      // closed before flushing.
      if (err !== null) target?.destroy(err);
      cb(err);
    },
  });
}
