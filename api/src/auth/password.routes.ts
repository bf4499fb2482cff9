/**
 * Email + password: signup, login, password reset by email.
 *   POST /api/auth/password/signup         { email, password, displayName } → 202 always, not logged in (no account
 *                                          enumeration); mails a link that verifies the address
 *                                          (verify-email.routes.ts), or, if the address has an account, a notice
 *                                          to its owner (signup-notice.ts); then log in
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
import { guardLogin } from './login-guard.js';
import { consumeResetToken, createResetToken } from './reset-tokens.repo.js';
import { sendSignupAttemptNotice } from './signup-notice.js';
import { createPasswordUser, findPasswordUser, findUserByEmail } from './users.repo.js';
import { sendVerificationMail } from './verify-email.routes.js';

export function passwordRouter(ctx: AuthContext): Router {
  const { deps, config, limits, hasher } = ctx;
  const r = Router();

  r.post('/signup', async (req, res) => {
    await limits.login.consume(`signup:${req.ip}`);
    const input = parseInput(signupSchema, req.body);
    // The hash runs whether or not the address is taken (the insert tells), so the answer takes as long either way.
    const user = await createPasswordUser(deps.pool, {
      email: input.email,
      displayName: input.displayName,
      passwordHash: await hasher.hash(input.password),
    });
    // The account stays unverified (never joined to a CAS/OIDC login) until the link is used. A queue outage does
    // not undo the sign-up: POST /api/auth/verify-email/resend sends a new link.
    const mailed = user
      ? sendVerificationMail(ctx, user.user_id, input.email)
      : sendSignupAttemptNotice(ctx, input.email);
    await mailed.catch((err: unknown) => {
      req.log.warn({ err: { message: err instanceof Error ? err.message : 'unknown' } }, 'sign-up mail not queued');
    });
    // Same answer for a new and a taken address, and no session: the client logs in next.
    res.status(202).json({ ok: true });
  });

  r.post('/login', async (req, res) => {
    const input = parseInput(loginSchema, req.body);
    await limits.login.consume(`pw:${req.ip}:${input.email}`);
    const attempt = await guardLogin(limits, req.ip, input.email);
    let found: Awaited<ReturnType<typeof findPasswordUser>>;
    let ok: boolean;
    try {
      found = await findPasswordUser(deps.pool, input.email);
      ok = await hasher.verify(found?.password_hash, input.password);
    } catch (err) {
      await attempt.refund(); // not judged (busy, database error): no failed guess
      throw err;
    }
    if (!ok || !found) throw new ApiError('invalid-credentials');
    await attempt.refund();
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
    const userId = await consumeResetToken(deps.pool, input.token, await hasher.hash(input.password));
    if (userId === undefined) throw new ApiError('invalid-token');
    await endAllSessions(config, deps.redis, userId).catch(() => 0);
    res.json({ ok: true });
  });

  return r;
}
