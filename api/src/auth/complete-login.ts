/** The common end of every login method: evaluation-access rule, last login time, a fresh session. */
import type { Request } from 'express';
import { roleFor, type LoginMethod, type SessionUser } from '../sessions/session.types.js';
import { startSession } from '../sessions/user-sessions.js';
import type { AuthContext } from './context.js';
import { evalsRuleMatches, type LoginFacts } from './evals-rule.js';
import { recordLogin, type UserRow } from './users.repo.js';

export async function completeLogin(
  req: Request,
  ctx: AuthContext,
  userId: number,
  method: LoginMethod,
  facts: LoginFacts | null,
): Promise<UserRow> {
  const matches = facts ? evalsRuleMatches(ctx.config.evalsRules, facts) : null;
  const user = await recordLogin(ctx.deps.pool, userId, matches);
  const sessionUser: SessionUser = { id: user.user_id, role: roleFor(user.has_evals), method };
  await startSession(req, ctx.config, ctx.deps.redis, sessionUser);
  req.log.info({ userId: user.user_id, method }, 'login');
  return user;
}

export function publicUser(u: UserRow): {
  id: number;
  email: string | null;
  emailVerified: boolean;
  displayName: string;
  hasEvals: boolean;
} {
  return {
    id: u.user_id,
    email: u.email,
    emailVerified: u.email_verified_at !== null,
    displayName: u.display_name,
    hasEvals: u.has_evals,
  };
}
