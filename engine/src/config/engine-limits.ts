/**
 * The engine's own request limits, where Hasura has no setting (engine extensions, documented in engine/README.md
 * "Settings: the engine's own"). Hasura's limits (depth, nodes, batch) are metadata (`api_limits`,
 * plan/api-limits.ts); these are environment variables read once at start:
 *
 * - `ENGINE_MAX_FIELDS` (default 2000): field selections one operation may have, leaf aliases and `__typename`
 *   included, a repeated fragment spread counted once per selection set (plan/operation-cost.ts). Admin is exempt.
 * - `ENGINE_CACHE_MAX_BYTES` (default 32 MiB): estimated heap bytes each request cache (parsed documents,
 *   validated documents, limit checks, compiled plans) may hold, on top of its 1,000-entry bound (execute/lru-cache.ts).
 *
 * The HTTP body and websocket limits are read with the server's and the websocket's settings (server-config.ts,
 * websocket-config.ts).
 */
import { positiveIntegerVar } from './engine-vars.js';
import type { EnvRecord } from './hasura-env.js';

export interface EngineLimits {
  readonly maxFields: number;
  readonly cacheMaxBytes: number;
}

export const DEFAULT_MAX_FIELDS = 2000;
export const DEFAULT_CACHE_MAX_BYTES = 32 * 1024 * 1024;

export function engineLimits(env: EnvRecord): EngineLimits {
  return {
    maxFields: positiveIntegerVar(env, 'ENGINE_MAX_FIELDS', DEFAULT_MAX_FIELDS),
    cacheMaxBytes: positiveIntegerVar(env, 'ENGINE_CACHE_MAX_BYTES', DEFAULT_CACHE_MAX_BYTES),
  };
}
