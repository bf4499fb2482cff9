/**
 * Placeholders a cached plan keeps among its bound values until a request binds them (compiler/bind.ts):
 * `SessionVarRef` / `SESSION_JSON` stand for session variables, `Deferred` for a value that holds GraphQL
 * variables (`Param`, plan/coerce-input.ts) and still needs its SQL encoding.
 */
import { Param } from '../plan/coerce-input.js';

export class SessionVarRef {
  constructor(readonly name: string) {}
}

export class SessionJsonRef {}
export const SESSION_JSON = new SessionJsonRef();

export class Deferred {
  constructor(
    readonly raw: unknown,
    readonly encode: (x: unknown) => unknown,
  ) {}
}

function containsParam(v: unknown): boolean {
  if (v instanceof Param) return true;
  if (Array.isArray(v)) return v.some(containsParam);
  if (v !== null && typeof v === 'object') return Object.values(v as Record<string, unknown>).some(containsParam);
  return false;
}

/** `encode(raw)` now, or later when `raw` holds variables. */
export function defer(raw: unknown, encode: (x: unknown) => unknown): unknown {
  return containsParam(raw) ? new Deferred(raw, encode) : encode(raw);
}
