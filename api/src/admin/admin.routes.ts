/**
 * Admin routes (off unless ADMIN_SECRET is set), authenticated by the `x-admin-secret` header:
 *   PUT /api/admin/users/:id/evals { hasEvals } → grants or revokes evaluation access; live sessions get the new role.
 */
import { Router } from 'express';
import { z } from 'zod';
import type { Config } from '../config.js';
import type { Deps } from '../deps.js';
import { ApiError } from '../errors.js';
import { secretsEqual } from '../hasura/actions.routes.js';
import { setEvalsByAdmin } from '../auth/users.repo.js';
import { roleFor } from '../sessions/session.types.js';
import { setRoleInSessions } from '../sessions/user-sessions.js';
import { parseInput } from '../validate.js';

export function adminRouter(config: Config, deps: Deps): Router {
  const r = Router();
  r.use((req, _res, next) => {
    const given = req.get('x-admin-secret');
    if (!config.adminSecret) throw new ApiError('not-found');
    if (given === undefined || !secretsEqual(given, config.adminSecret)) throw new ApiError('invalid-secret');
    next();
  });
  r.put('/users/:id/evals', async (req, res) => {
    const userId = parseInput(z.coerce.number().int().positive(), req.params['id']);
    const { hasEvals } = parseInput(z.object({ hasEvals: z.boolean() }), req.body);
    const user = await setEvalsByAdmin(deps.pool, userId, hasEvals);
    if (!user) throw new ApiError('user-not-found');
    await setRoleInSessions(config, deps.redis, userId, roleFor(user.has_evals));
    req.log.info({ userId, hasEvals }, 'evaluation access set by admin');
    res.json({ id: user.user_id, hasEvals: user.has_evals, grantedBy: user.evals_granted_by });
  });
  return r;
}
