/**
 * The static catalog:
 *   GET  /api/catalog/public/:season.json  everyone
 *   GET  /api/catalog/evals/:season.json   sessions with evaluation access (role student_evals); 401 / 403 otherwise
 *   GET  /api/catalog/metadata.json        { last_update, seasons }
 *   POST /api/catalog/refresh              header x-catalog-refresh-secret; body { seasons?: string[] } → 202, enqueued
 * Files are served with ETag and Last-Modified (304 on revalidation) and compressed.
 */
import { join, resolve } from 'node:path';
import compression from 'compression';
import send from 'send';
import { Router, type NextFunction, type Request, type RequestHandler, type Response } from 'express';
import { z } from 'zod';
import type { Config } from '../config.js';
import { ApiError } from '../errors.js';
import { secretsEqual } from '../hasura/actions.routes.js';
import { parseInput } from '../validate.js';

const SEASON = /^\d{6}$/;

/**
 * Streams a generated file with ETag + Last-Modified and conditional-GET handling (304), via `send` directly: the
 * app's own `etag` setting is off so that JSON API answers carry no ETag.
 */
function sendJson(req: Request, res: Response, next: NextFunction, path: string): void {
  send(req, path, { etag: true, lastModified: true, dotfiles: 'deny', cacheControl: false })
    .on('error', (err: NodeJS.ErrnoException) =>
      next(err.code === 'ENOENT' || (err as { status?: number }).status === 404 ? new ApiError('not-found') : err),
    )
    .on('headers', (r: Response) => r.type('application/json'))
    .pipe(res);
}

export type EnqueueRefresh = (seasons: string[] | undefined) => Promise<void>;

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
      sendJson(req, res, next, join(root, kind, `${season}.json`));
    };

  r.get('/public/:season.json', serve('public'));
  r.get('/metadata.json', (req, res, next) => {
    res.set('Cache-Control', 'public, max-age=60');
    sendJson(req, res, next, join(root, 'metadata.json'));
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

  r.post('/refresh', async (req, res) => {
    const secret = config.catalog.refreshSecret;
    if (!secret) throw new ApiError('not-found');
    const given = req.get('x-catalog-refresh-secret');
    if (given === undefined || !secretsEqual(given, secret)) throw new ApiError('invalid-secret');
    const { seasons } = parseInput(
      z.object({ seasons: z.array(z.string().regex(SEASON)).max(50).optional() }),
      req.body ?? {},
    );
    await enqueueRefresh(seasons);
    res.status(202).json({ ok: true, seasons: seasons ?? 'latest' });
  });
  return r;
}
