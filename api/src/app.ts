/**
 * createApp(config, deps): the Express application, composed from its routers. No environment access, no client
 * construction and no listen: main.ts (or a test) owns those.
 *
 * Order: request id + logs → security headers → CORS (allow-list, credentials) → JSON body → same-origin check on
 * state-changing browser routes → routers → 404 → the error middleware.
 */
import cors from 'cors';
import express, { type Express } from 'express';
import helmet from 'helmet';
import { adminRouter } from './admin/admin.routes.js';
import { catalogRouter } from './catalog/catalog.routes.js';
import { authRouter } from './auth/auth.routes.js';
import type { AuthContext } from './auth/context.js';
import { createPasswordHasher } from './auth/passwords.js';
import { redirectChecker } from './auth/redirects.js';
import type { Config } from './config.js';
import type { Deps } from './deps.js';
import { docsRouter } from './docs/openapi.js';
import { ApiError, errorMiddleware } from './errors.js';
import { graphiqlRouter } from './graphiql/graphiql.routes.js';
import { actionsRouter } from './hasura/actions.routes.js';
import { webhookRouter } from './hasura/webhook.routes.js';
import { httpLogger } from './logger.js';
import { originMatcher } from './middleware/origins.js';
import { createLimiter } from './middleware/rate-limit.js';
import { sameOrigin } from './middleware/same-origin.js';
import { opsRouter } from './ops/ops.routes.js';
import { createSessionMiddleware } from './sessions/session.middleware.js';

export function createApp(config: Config, deps: Deps): Express {
  const app = express();
  app.set('trust proxy', config.trustProxy);
  app.disable('x-powered-by');
  app.set('etag', false);

  app.use(deps.metrics.middleware);
  app.use(httpLogger(deps.logger));
  app.use(helmet());

  const corsAllowed = originMatcher(config.corsOrigins);
  const corsMw = cors({
    origin: (origin, cb) => cb(null, origin !== undefined && corsAllowed(origin)),
    credentials: true,
    methods: ['GET', 'POST', 'PUT', 'DELETE'],
    maxAge: 600,
  });
  app.use(['/api/auth', '/api/catalog', '/api/ping', '/api/health'], corsMw);

  // Hasura's POST-mode webhook and action calls carry the client's GraphQL query: allow larger bodies there.
  app.use(['/api/hasura/auth', '/api/hasura/actions'], express.json({ limit: '1mb' }));
  app.use(express.json({ limit: '64kb' }));

  const limits = {
    login: createLimiter(deps.redis, config.redisPrefix, 'login', config.rateLimits.login),
    loginIp: createLimiter(deps.redis, config.redisPrefix, 'login-ip', config.rateLimits.loginIp),
    loginAccount: createLimiter(deps.redis, config.redisPrefix, 'login-account', config.rateLimits.loginAccount),
    reset: createLimiter(deps.redis, config.redisPrefix, 'reset', config.rateLimits.reset),
    actions: createLimiter(deps.redis, config.redisPrefix, 'actions', config.rateLimits.actions),
  };
  const authCtx: AuthContext = {
    config,
    deps,
    limits,
    hasher: createPasswordHasher(config.passwordHash),
    checkRedirect: redirectChecker(config),
  };
  const session = createSessionMiddleware(config, deps.redis);
  const browserOnly = sameOrigin(config.publicUrl.origin, corsAllowed);

  app.use('/api', opsRouter(config, deps));
  // The engine's endpoints (the public entrypoint refuses /api/hasura: traefik/dynamic/routers.yml) answer only at
  // their exact lower-case paths: Traefik matches paths case-sensitively, Express by default does not.
  const engineOnly = express.Router({ caseSensitive: true });
  engineOnly.use('/api/hasura/auth', webhookRouter(config, deps.redis, deps.metrics.webhookAnswer));
  engineOnly.use('/api/hasura/actions', actionsRouter(config, deps, limits.actions));
  app.use(engineOnly);
  app.use('/api/auth', browserOnly, authRouter(authCtx, session));
  app.use('/api/admin', adminRouter(config, deps));
  app.use('/api/docs', docsRouter());
  app.use('/api/graphiql', graphiqlRouter());
  app.use(
    '/api/catalog',
    catalogRouter(config, session, (seasons) => deps.jobs.enqueueCatalogRefresh(seasons)),
  );

  app.use((_req, _res, next) => next(new ApiError('not-found')));
  app.use(errorMiddleware({ concealSensitive: config.concealSensitiveErrors }));
  return app;
}
