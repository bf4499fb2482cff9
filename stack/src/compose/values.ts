/**
 * Coercions for values of an interpolated compose document. Interpolation turns `replicas: ${N:-2}` into the
 * string '2', so numbers and booleans may arrive as strings (compose-go casts them the same way after
 * interpolation). Every failure is a ComposeError naming the location.
 */
import { ComposeError } from './errors.js';

export type Obj = Record<string, unknown>;

/** Where a value sits, for messages: `<file>: services.api.ports[0]`. */
export interface Loc {
  file: string;
  path: string;
}

export function at(loc: Loc, key: string | number): Loc {
  return { file: loc.file, path: typeof key === 'number' ? `${loc.path}[${key}]` : `${loc.path}.${key}` };
}

export function fail(loc: Loc, message: string): never {
  throw new ComposeError(`${loc.file}: ${loc.path}: ${message}`);
}

export function isObj(v: unknown): v is Obj {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

export function asObj(v: unknown, loc: Loc): Obj {
  if (v === undefined || v === null) return {};
  if (!isObj(v)) fail(loc, `expected a mapping, got ${JSON.stringify(v)}`);
  return v;
}

/** A scalar as a string (numbers and booleans as YAML wrote them); undefined for null/absent. */
export function asString(v: unknown, loc: Loc): string | undefined {
  if (v === undefined || v === null) return undefined;
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  return fail(loc, `expected a string, got ${JSON.stringify(v)}`);
}

/** strconv.ParseBool's spellings, which compose accepts for interpolated booleans. */
export function asBool(v: unknown, loc: Loc, dflt = false): boolean {
  if (v === undefined || v === null) return dflt;
  if (typeof v === 'boolean') return v;
  if (typeof v === 'string') {
    if (['1', 't', 'T', 'true', 'TRUE', 'True'].includes(v)) return true;
    if (['0', 'f', 'F', 'false', 'FALSE', 'False'].includes(v)) return false;
  }
  return fail(loc, `expected a boolean, got ${JSON.stringify(v)}`);
}

/** A non-negative integer, from a number or a decimal string. */
export function asCount(v: unknown, loc: Loc): number {
  const n = typeof v === 'number' ? v : typeof v === 'string' && /^\s*\d+\s*$/.test(v) ? Number(v) : NaN;
  if (!Number.isSafeInteger(n) || n < 0) fail(loc, `expected a non-negative integer, got ${JSON.stringify(v)}`);
  return n;
}

/** A list of strings, or one string taken as a one-element list. */
export function asStringList(v: unknown, loc: Loc): string[] {
  if (v === undefined || v === null) return [];
  if (!Array.isArray(v)) return [asString(v, loc) ?? ''];
  return v.map((x, i) => asString(x, at(loc, i)) ?? '');
}

/**
 * `KEY: value` mapping or `KEY=value` list (environment, labels, build args) as a map. A list entry without `=`
 * maps to null, as compose's map form with an empty value does; callers decide what null means.
 */
export function keyValues(v: unknown, loc: Loc): Record<string, string | null> {
  const out: Record<string, string | null> = {};
  if (v === undefined || v === null) return out;
  if (Array.isArray(v)) {
    v.forEach((entry, i) => {
      const s = asString(entry, at(loc, i)) ?? '';
      const eq = s.indexOf('=');
      if (eq < 0) out[s] = null;
      else out[s.slice(0, eq)] = s.slice(eq + 1);
    });
    return out;
  }
  for (const [k, val] of Object.entries(asObj(v, loc))) out[k] = asString(val, at(loc, k)) ?? null;
  return out;
}
