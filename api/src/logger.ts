/**
 * Structured JSON logs (pino). Secrets never reach a log line: cookies, authorization and secret headers and any
 * `password`/`token` field are redacted, and request logs carry only method, url (query stripped) and request id.
 */
import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { pino, type Logger } from 'pino';
import { pinoHttp, type HttpLogger } from 'pino-http';
import type { Config } from './config.js';

export const REDACT_PATHS = [
  'password',
  'newPassword',
  'token',
  'secret',
  '*.password',
  '*.newPassword',
  '*.token',
  '*.secret',
  'req.headers.cookie',
  'req.headers.authorization',
  'req.headers["x-hasura-action-secret"]',
  'req.headers["x-admin-secret"]',
  'req.headers["x-catalog-refresh-secret"]',
  'res.headers["set-cookie"]',
];

export function createLogger(config: Pick<Config, 'logLevel'>, destination?: pino.DestinationStream): Logger {
  return pino(
    {
      level: config.logLevel,
      base: { service: 'api' },
      redact: { paths: REDACT_PATHS, censor: '[redacted]' },
    },
    destination,
  );
}

const REQUEST_ID = /^[\w.-]{1,64}$/;

/** Strip the query string: it can carry CAS tickets, OIDC codes or reset tokens. */
function pathOnly(url: string | undefined): string {
  return (url ?? '').split('?')[0] ?? '';
}

export function httpLogger(logger: Logger): HttpLogger {
  return pinoHttp({
    logger,
    genReqId(req: IncomingMessage, res: ServerResponse) {
      const given = req.headers['x-request-id'];
      const id = typeof given === 'string' && REQUEST_ID.test(given) ? given : randomUUID();
      res.setHeader('x-request-id', id);
      return id;
    },
    serializers: {
      req: (req: { id: unknown; method: string; url: string }) => ({
        id: req.id,
        method: req.method,
        url: pathOnly(req.url),
      }),
      res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
    },
    customLogLevel(_req, res, err) {
      if (err || res.statusCode >= 500) return 'error';
      if (res.statusCode >= 400) return 'info';
      return 'debug';
    },
    // The auth webhook answers every GraphQL request: no per-request access line for it (errors are still logged).
    autoLogging: { ignore: (req) => req.url === '/api/ping' || (req.url ?? '').startsWith('/api/hasura/auth') },
  });
}
