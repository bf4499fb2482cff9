/**
 * Sign-up with an address that already has an account: the API answers exactly as for a new one (no account
 * enumeration) and tells the owner by mail instead. The mail carries no link that logs in or resets anything.
 */
import type { AuthContext } from './context.js';

/** Enqueue the notice (the worker sends it); a queue outage is logged, never answered differently. */
export async function sendSignupAttemptNotice(ctx: AuthContext, email: string): Promise<void> {
  const { config, deps } = ctx;
  await deps.jobs.enqueueMail({
    to: email,
    subject: 'Someone tried to sign up with your e-mail address',
    text: `Someone tried to create a CourseTable account with this e-mail address, which already has a CourseTable account. Nothing was changed.\n\nIf it was you, log in at ${config.frontendUrl.href} (you can reset your password there if you forgot it). If it was not you, you can ignore this mail.\n`,
  });
}
