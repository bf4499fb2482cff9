/**
 * /api/auth: who am I, logout, log out everywhere, and the login methods. Every route here uses the session.
 *   GET  /api/auth/check       → { auth, user }
 *   POST /api/auth/logout      → 200; session destroyed, cookie cleared
 *   POST /api/auth/logout-all  → 200 { ended }; every session of the user (all devices) destroyed
 */
import { Router, type RequestHandler } from 'express';
import { ApiError } from '../errors.js';
import { endAllSessions, endSession } from '../sessions/user-sessions.js';
import { casRouter } from './cas.routes.js';
import { publicUser } from './complete-login.js';
import type { AuthContext } from './context.js';
import { oidcRouter } from './oidc.routes.js';
import { passwordRouter } from './password.routes.js';
import { findUserById } from './users.repo.js';
import { verifyEmailRouter } from './verify-email.routes.js';

export function authRouter(ctx: AuthContext, session: RequestHandler): Router {
  const { deps, config } = ctx;
  const r = Router();
  r.use(session);

  r.get('/check', async (req, res) => {
    res.set('Cache-Control', 'no-store');
    const su = req.session.user;
    if (!su) {
      res.json({ auth: false, user: null });
      return;
    }
    const user = await findUserById(deps.pool, su.id);
    if (!user) {
      await endSession(req, res, config, deps.redis);
      res.json({ auth: false, user: null });
      return;
    }
    res.json({ auth: true, user: { ...publicUser(user), role: su.role, method: su.method } });
  });

  r.post('/logout', async (req, res) => {
    if (!req.session.user) throw new ApiError('unauthenticated');
    await endSession(req, res, config, deps.redis);
    res.json({ ok: true });
  });

  r.post('/logout-all', async (req, res) => {
    const su = req.session.user;
    if (!su) throw new ApiError('unauthenticated');
    let ended: number;
    try {
      ended = await endAllSessions(config, deps.redis, su.id);
    } catch {
      throw new ApiError('session-store-unavailable');
    }
    res.clearCookie(config.session.cookieName, {
      httpOnly: true,
      sameSite: 'lax',
      secure: config.session.secure,
      path: '/',
    });
    res.json({ ok: true, ended });
  });

  r.use('/password', passwordRouter(ctx));
  r.use('/verify-email', verifyEmailRouter(ctx));
  r.use('/cas', casRouter(ctx));
  r.use('/oidc', oidcRouter(ctx));
  return r;
}
