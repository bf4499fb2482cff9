/**
 * Email + password: signup, login, password reset by email.
 *   POST /api/auth/password/signup         { email, password, displayName } → 201, logged in
 *   POST /api/auth/password/login          { email, password } → 200, logged in
 *   POST /api/auth/password/reset-request  { email } → 202 always (no account enumeration); mails a link
 *   POST /api/auth/password/reset          { token, password } → 200; ends every session of the user
 */
import { Router } from 'express';
import { ApiError } from '../errors.js';
import { endAllSessions } from '../sessions/user-sessions.js';
import { parseInput } from '../validate.js';
import { completeLogin, publicUser } from './complete-login.js';
import type { AuthContext } from './context.js';
import { loginSchema, resetRequestSchema, resetSchema, signupSchema } from './password.schemas.js';
import { hashPassword, verifyPassword } from './passwords.js';
import { consumeResetToken, createResetToken } from './reset-tokens.repo.js';
import { createPasswordUser, findPasswordUser, findUserByEmail } from './users.repo.js';

export function passwordRouter(ctx: AuthContext): Router {
  const { deps, config, limits } = ctx;
  const r = Router();

  r.post('/signup', async (req, res) => {
    await limits.login.consume(`signup:${req.ip}`);
    const input = parseInput(signupSchema, req.body);
    const user = await createPasswordUser(deps.pool, {
      email: input.email,
      displayName: input.displayName,
      passwordHash: await hashPassword(input.password),
    });
    if (!user) throw new ApiError('email-taken');
    const logged = await completeLogin(req, ctx, user.user_id, 'password', null);
    res.status(201).json({ user: publicUser(logged) });
  });

  r.post('/login', async (req, res) => {
    const input = parseInput(loginSchema, req.body);
    await limits.login.consume(`pw:${req.ip}:${input.email}`);
    const found = await findPasswordUser(deps.pool, input.email);
    if (!(await verifyPassword(found?.password_hash, input.password)) || !found) {
      throw new ApiError('invalid-credentials');
    }
    const user = await completeLogin(req, ctx, found.user_id, 'password', null);
    res.json({ user: publicUser(user) });
  });

  r.post('/reset-request', async (req, res) => {
    await limits.reset.consume(`reset:${req.ip}`);
    const input = parseInput(resetRequestSchema, req.body);
    const user = await findUserByEmail(deps.pool, input.email);
    if (user?.email) {
      const token = await createResetToken(deps.pool, user.user_id, config.passwordResetTtlS);
      const link = new URL('/reset-password', config.frontendUrl);
      link.searchParams.set('token', token);
      const minutes = Math.round(config.passwordResetTtlS / 60);
      // Only enqueued (the worker sends it): the answer takes as long for existing accounts as for unknown ones.
      await deps.jobs
        .enqueueMail({
          to: user.email,
          subject: 'Reset your CourseTable password',
          text: `Someone asked to reset the password of your CourseTable account.\n\nTo choose a new password, open:\n${link.href}\n\nThe link works once and expires in ${minutes} minutes. If you did not ask for this, ignore this mail.\n`,
        })
        .catch(() => {
          throw new ApiError('service-unavailable');
        });
    }
    res.status(202).json({ ok: true });
  });

  r.post('/reset', async (req, res) => {
    await limits.reset.consume(`reset-confirm:${req.ip}`);
    const input = parseInput(resetSchema, req.body);
    const userId = await consumeResetToken(deps.pool, input.token, await hashPassword(input.password));
    if (userId === undefined) throw new ApiError('invalid-token');
    await endAllSessions(config, deps.redis, userId).catch(() => 0);
    res.json({ ok: true });
  });

  return r;
}
