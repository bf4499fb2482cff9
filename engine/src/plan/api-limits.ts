/**
 * Hasura's API limits: the metadata object `api_limits` (`hasura/metadata/api_limits.yaml`, metadata API
 * `set_api_limits`/`remove_api_limits`; src: server/src-lib/Hasura/RQL/Types/ApiLimit.hs; docs: security/api-limits.mdx,
 * api-reference/metadata-api/api-limits.mdx). Each limit is `{global, per_role?}`: a role's own value wins, else the
 * global one; `disabled: true` turns them all off; the admin role is never limited. Honoured here:
 *
 * - `depth_limit`: the deepest nesting of fields with a selection set (`viewer { name }` is 1), through fragments;
 *   introspection fields (`__schema`, `__type`) do not count;
 * - `node_limit`: the number of fields with a selection set in the response shape (same response keys merged);
 * - `batch_limit`: the number of operations in one batched HTTP request.
 *
 * `rate_limit` and `time_limit` need Hasura's Enterprise machinery (Redis, query cancellation); this engine refuses
 * metadata that sets them rather than silently not enforcing them. Hasura's own error messages for limits live in
 * its closed-source Cloud/EE code; the messages here are the engine's, with Hasura's code `validation-failed`.
 */
import { EngineError, validationFailed } from '../errors.js';

export interface RoleLimit {
  readonly global: number;
  readonly perRole: ReadonlyMap<string, number>;
}

export interface ApiLimits {
  readonly disabled: boolean;
  readonly depth?: RoleLimit;
  readonly node?: RoleLimit;
  readonly batch?: RoleLimit;
}

export const NO_API_LIMITS: ApiLimits = { disabled: false };

const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function count(v: unknown, path: string): number {
  if (typeof v !== 'number' || !Number.isInteger(v) || v < 0)
    throw new EngineError('parse-failed', 'expected a non-negative integer', path);
  return v;
}

function roleLimit(v: unknown, path: string): RoleLimit | undefined {
  if (v === undefined || v === null) return undefined;
  if (!isObj(v)) throw new EngineError('parse-failed', 'expected an object with "global" and "per_role"', path);
  if (!('global' in v)) throw new EngineError('parse-failed', 'key "global" not found', path);
  const perRole = new Map<string, number>();
  const roles = v['per_role'];
  if (roles !== undefined && roles !== null) {
    if (!isObj(roles)) throw new EngineError('parse-failed', 'expected an object', `${path}.per_role`);
    for (const [role, n] of Object.entries(roles)) perRole.set(role, count(n, `${path}.per_role.${role}`));
  }
  return { global: count(v['global'], `${path}.global`), perRole };
}

/** Parse `api_limits` (absent: no limits). Throws a Hasura-shaped error for a value Hasura or this engine refuses. */
export function readApiLimits(raw: unknown, path = '$.api_limits'): ApiLimits {
  if (raw === undefined || raw === null) return NO_API_LIMITS;
  if (!isObj(raw)) throw new EngineError('parse-failed', 'expected an object', path);
  const disabled = raw['disabled'] ?? false;
  if (typeof disabled !== 'boolean') throw new EngineError('parse-failed', 'expected a boolean', `${path}.disabled`);
  for (const key of ['rate_limit', 'time_limit']) {
    if (raw[key] !== undefined && raw[key] !== null && !disabled)
      throw new EngineError('not-supported', `api_limits.${key} is not supported by this engine`, `${path}.${key}`);
  }
  const depth = roleLimit(raw['depth_limit'], `${path}.depth_limit`);
  const node = roleLimit(raw['node_limit'], `${path}.node_limit`);
  const batch = roleLimit(raw['batch_limit'], `${path}.batch_limit`);
  return { disabled, ...(depth ? { depth } : {}), ...(node ? { node } : {}), ...(batch ? { batch } : {}) };
}

/** The limit that applies to `role` (undefined: none). Admin is exempt, as in Hasura. */
export function limitFor(limits: ApiLimits, kind: 'depth' | 'node' | 'batch', role: string): number | undefined {
  if (limits.disabled || role === 'admin') return undefined;
  const l = limits[kind];
  return l ? (l.perRole.get(role) ?? l.global) : undefined;
}

/** Refuse a batched request with more operations than the role's `batch_limit`. */
export function checkBatchLimit(limits: ApiLimits, role: string, operations: number): void {
  const max = limitFor(limits, 'batch', role);
  if (max !== undefined && operations > max)
    throw validationFailed(`batch has ${operations} operations, more than the batch limit of ${max}`);
}
