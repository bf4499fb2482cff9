/**
 * E-mail verification of password accounts (account pre-hijacking: only a verified account is linked to a CAS/OIDC
 * identity by its address). Sign-up mails a link to FRONTEND_URL/verify-email?token=…; that page POSTs the token,
 * like the password-reset link.
 *   GET  /api/auth/verify-email?token=…    → 200 { ok: true } if the token is usable; spends nothing (mail scanners
 *                                            that follow links must not verify an address for whoever signed up)
 *   POST /api/auth/verify-email { token }  → 200 { ok: true }; the address is verified, the token spent
 *   POST /api/auth/verify-email/resend     → 202 { ok: true }; a new link to the logged-in, unverified user
 */
import { Router } from 'express';
import { z } from 'zod';
import { ApiError } from '../errors.js';
import { parseInput } from '../validate.js';
import type { AuthContext } from './context.js';
import { findUserById } from './users.repo.js';
import { consumeVerifyToken, createVerifyToken, isVerifyTokenUsable } from './verify-tokens.repo.js';

export const verifyEmailSchema = z.object({ token: z.string().min(20).max(100) });

/** Create a token and enqueue the mail (the worker sends it). Throws service-unavailable if the queue is down. */
export async function sendVerificationMail(ctx: AuthContext, userId: number, email: string): Promise<void> {
  const { config, deps } = ctx;
  const token = await createVerifyToken(deps.pool, userId, email, config.emailVerifyTtlS);
  const link = new URL('/verify-email', config.frontendUrl);
  link.searchParams.set('token', token);
  const hours = Math.round(config.emailVerifyTtlS / 3600);
  await deps.jobs
    .enqueueMail({
      to: email,
      subject: 'Confirm your CourseTable e-mail address',
      text: `Someone created a CourseTable account with this e-mail address.\n\nIf it was you, confirm the address by opening:\n${link.href}\n\nThe link works once and expires in ${hours} hours. If it was not you, ignore this mail: the account stays unconfirmed and is never joined to your university login.\n`,
    })
    .catch(() => {
      throw new ApiError('service-unavailable');
    });
}

export function verifyEmailRouter(ctx: AuthContext): Router {
  const { deps, limits } = ctx;
  const r = Router();

  r.get('/', async (req, res) => {
    res.set('Cache-Control', 'no-store');
    const { token } = parseInput(verifyEmailSchema, req.query);
    if (!(await isVerifyTokenUsable(deps.pool, token))) throw new ApiError('invalid-token');
    res.json({ ok: true });
  });

  r.post('/', async (req, res) => {
    const { token } = parseInput(verifyEmailSchema, req.body);
    const userId = await consumeVerifyToken(deps.pool, token);
    if (userId === undefined) throw new ApiError('invalid-token');
    req.log.info({ userId }, 'email verified');
    res.json({ ok: true });
  });

  r.post('/resend', async (req, res) => {
    const su = req.session.user;
    if (!su) throw new ApiError('unauthenticated');
    await limits.reset.consume(`verify-resend:${su.id}`);
    const user = await findUserById(deps.pool, su.id);
    if (!user) throw new ApiError('unauthenticated');
    if (!user.email) throw new ApiError('invalid-request', 'the account has no e-mail address');
    if (user.email_verified_at) throw new ApiError('email-already-verified');
    await sendVerificationMail(ctx, user.user_id, user.email);
    res.status(202).json({ ok: true });
  });

  return r;
}
