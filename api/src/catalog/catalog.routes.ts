/**
 * The static catalog:
 *   GET  /api/catalog/public/:season.json  everyone
 *   GET  /api/catalog/evals/:season.json   sessions with evaluation access (role student_evals); 401 / 403 otherwise
 *   GET  /api/catalog/metadata.json        { last_update, seasons }
 *   POST /api/catalog/refresh              header x-catalog-refresh-secret; body { seasons?: string[] } → 202, enqueued
 *   GET  /api/catalog/refresh              Ferry's call to CourseTable: header X-FERRY-SECRET (or ours);
 *                                          ?seasons=a,b or ?all=true → 202, enqueued
 * Files are served with ETag and Last-Modified (304 on revalidation) and compressed.
 */
import { resolve } from 'node:path';
import compression from 'compression';
import send from 'send';
import { Router, type NextFunction, type Request, type RequestHandler, type Response } from 'express';
import { z } from 'zod';
import type { Config } from '../config.js';
import { ApiError } from '../errors.js';
import { secretsEqual } from '../hasura/actions.routes.js';
import { parseInput } from '../validate.js';

const SEASON = /^\d{6}$/;
/** Ferry's query: `seasons` comma-separated (at most 50), `all=true` for every season. */
export const FERRY_REFRESH_QUERY = z.object({
  seasons: z
    .string()
    .regex(/^\d{6}(,\d{6}){0,49}$/, 'a comma-separated list of season codes')
    .optional(),
  all: z.enum(['true', 'false']).optional(),
});

/**
 * Streams a generated file with ETag + Last-Modified and conditional-GET handling (304), via `send` directly: the
 * app's own `etag` setting is off so that JSON API answers carry no ETag.
 *
 * `file` is relative to `root` (send's `root` option): send then applies `dotfiles: 'deny'` and its `..` check to
 * the segments below the catalog directory only. Given an absolute path instead, it refuses any dot-segment of the
 * directory's own location, such as the local stack's `.stack/volumes/catalogs`, and every file answered 500.
 * Send's refusals (403: a dotfile or `..`) and missing files are answered 404 alike.
 */
function sendJson(req: Request, res: Response, next: NextFunction, root: string, file: string): void {
  send(req, file, { root, etag: true, lastModified: true, dotfiles: 'deny', cacheControl: false })
    .on('error', (err: NodeJS.ErrnoException & { status?: number }) =>
      next(err.code === 'ENOENT' || err.status === 404 || err.status === 403 ? new ApiError('not-found') : err),
    )
    .on('headers', (r: Response) => r.type('application/json'))
    .pipe(res);
}

/** The seasons to regenerate: a list, every season, or (undefined) the latest ones. */
export type EnqueueRefresh = (seasons: string[] | 'all' | undefined) => Promise<void>;

export function catalogRouter(config: Config, session: RequestHandler, enqueueRefresh: EnqueueRefresh): Router {
  const r = Router();
  const root = resolve(config.catalog.dir);
  r.use(compression());

  const serve =
    (kind: 'public' | 'evals'): RequestHandler =>
    (req, res, next) => {
      const season = String(req.params['season'] ?? '');
      if (!SEASON.test(season)) throw new ApiError('not-found');
      res.set('Cache-Control', kind === 'public' ? 'public, max-age=300' : 'private, max-age=300');
      sendJson(req, res, next, root, `${kind}/${season}.json`);
    };

  r.get('/public/:season.json', serve('public'));
  r.get('/metadata.json', (req, res, next) => {
    res.set('Cache-Control', 'public, max-age=60');
    sendJson(req, res, next, root, 'metadata.json');
  });
  r.get(
    '/evals/:season.json',
    session,
    (req, _res, next) => {
      const user = req.session.user;
      if (!user) throw new ApiError('unauthenticated');
      if (user.role !== 'student_evals') throw new ApiError('evals-required');
      next();
    },
    serve('evals'),
  );

  /** The refresh secret, in our header or in Ferry's (CourseTable's `X-FERRY-SECRET`); refresh off → 404. */
  const checkRefreshSecret = (req: Request): void => {
    const secret = config.catalog.refreshSecret;
    if (!secret) throw new ApiError('not-found');
    const given = req.get('x-catalog-refresh-secret') ?? req.get('x-ferry-secret');
    if (given === undefined || !secretsEqual(given, secret)) throw new ApiError('invalid-secret');
  };
  r.post('/refresh', async (req, res) => {
    checkRefreshSecret(req);
    const { seasons } = parseInput(
      z.object({ seasons: z.array(z.string().regex(SEASON)).max(50).optional() }),
      req.body ?? {},
    );
    await enqueueRefresh(seasons);
    res.status(202).json({ ok: true, seasons: seasons ?? 'latest' });
  });
  // CourseTable's refresh call, kept so that Ferry's workflows work unchanged: GET ?seasons=a,b[&all=true].
  r.get('/refresh', async (req, res) => {
    checkRefreshSecret(req);
    const q = parseInput(FERRY_REFRESH_QUERY, req.query);
    const seasons = q.all === 'true' ? 'all' : q.seasons?.split(',');
    await enqueueRefresh(seasons);
    res.status(202).json({ ok: true, seasons: seasons ?? 'latest' });
  });
  return r;
}
