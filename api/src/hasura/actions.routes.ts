/**
 * POST /api/hasura/actions/:name: Hasura action handlers (hasura-compat A6).
 *
 * Hasura authenticates with the shared secret header `x-hasura-action-secret` (constant-time compare). The body is
 * `{ action: { name }, input, session_variables, request_query }`; the user id is taken only from
 * `session_variables['x-hasura-user-id']`. Success: 200 with the output object; failure: 4xx
 * `{ message, extensions: { code } }` (rendered by errorMiddleware for this path).
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import { Router } from 'express';
import { z } from 'zod';
import type { Config } from '../config.js';
import type { Deps } from '../deps.js';
import { ApiError } from '../errors.js';
import type { Limiter } from '../middleware/rate-limit.js';
import { parseInput } from '../validate.js';
import { ACTIONS_BY_NAME } from './actions/index.js';

const USER_ROLES = new Set(['student', 'student_evals']);

const payloadSchema = z.object({
  action: z.object({ name: z.string() }),
  input: z.unknown(),
  session_variables: z.record(z.string(), z.string()),
});

/** Constant-time equality of two secrets of any length (compares SHA-256 digests). */
export function secretsEqual(given: string, expected: string): boolean {
  const a = createHash('sha256').update(given).digest();
  const b = createHash('sha256').update(expected).digest();
  return timingSafeEqual(a, b);
}

export function actionsRouter(config: Config, deps: Deps, limiter: Limiter): Router {
  const r = Router();

  r.post('/:name', async (req, res) => {
    const secret = req.get('x-hasura-action-secret');
    if (secret === undefined || !secretsEqual(secret, config.hasuraActionSecret)) throw new ApiError('invalid-secret');
    const action = ACTIONS_BY_NAME.get(req.params['name'] ?? '');
    if (!action) throw new ApiError('not-found', 'unknown action');
    const payload = parseInput(payloadSchema, req.body);
    if (payload.action.name !== action.name) throw new ApiError('invalid-request', 'action name mismatch');
    const vars = Object.fromEntries(Object.entries(payload.session_variables).map(([k, v]) => [k.toLowerCase(), v]));
    const role = vars['x-hasura-role'] ?? '';
    const rawId = vars['x-hasura-user-id'] ?? '';
    if (!USER_ROLES.has(role) || !/^[1-9]\d{0,9}$/.test(rawId)) throw new ApiError('unauthenticated');
    const userId = Number(rawId);
    await limiter.consume(`user:${userId}`);
    const input = parseInput(action.input, payload.input ?? {});
    const log = req.log.child({ action: action.name, userId });
    const output = await action.handler({ pool: deps.pool, userId, role, log }, input);
    res.json(output);
  });

  return r;
}
