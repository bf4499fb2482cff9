/**
 * Merging an override fragment into a compose document, after both were interpolated (compose merges files the
 * same way: each is interpolated, then merged in order). Rules (compose-spec "Merge"), as agreed for this loader:
 * - mappings merge recursively, the override winning on scalars;
 * - `environment`, `labels`, `deploy.labels`, `build.args` merge by key (list forms become maps first);
 * - `ports` (host ip, published, target, protocol), `volumes` (target), `secrets` and `configs` (target) merge
 *   uniquely: an entry with the key of an existing one replaces it in place, others are appended;
 * - `depends_on` and `networks` in list form become maps when the other side is a map;
 * - `build` as a string is `{ context }`; a `logging` with another driver replaces the whole block;
 * - every other sequence (`command`, `entrypoint`, `healthcheck.test`, `dns`, `tmpfs`, …) is replaced. Compose
 *   appends the generic ones; replacing is what this project's overrides want (an override can shrink a list).
 * - a null override keeps the base value.
 */
import { portKey } from './ports.js';
import { isObj, keyValues, type Obj } from './values.js';
import { secretTarget, volumeTarget } from './volumes.js';

type KeyFn = (entry: unknown) => string | undefined;

const BY_KEY = new Set([
  'services.*.environment',
  'services.*.labels',
  'services.*.deploy.labels',
  'services.*.build.args',
]);
const UNIQUE: Record<string, KeyFn> = {
  'services.*.ports': portKey,
  'services.*.volumes': volumeTarget,
  'services.*.secrets': (e) => secretTarget(e)?.target,
  'services.*.configs': (e) => configTarget(e),
};

/** Returns a new document: `base` with `override` merged in. Neither argument is modified. */
export function mergeCompose(base: Obj, override: Obj): Obj {
  return mergeMappings(base, override, []);
}

function mergeValue(base: unknown, over: unknown, path: string[]): unknown {
  if (over === undefined || over === null) return base;
  if (base === undefined || base === null) return over;
  const key = pattern(path);
  if (BY_KEY.has(key)) return { ...keyValues(base, noLoc), ...keyValues(over, noLoc) };
  const unique = UNIQUE[key];
  if (unique && Array.isArray(base) && Array.isArray(over)) return mergeUnique(base, over, unique, path);
  if (key === 'services.*.depends_on' || key === 'services.*.networks') {
    if (Array.isArray(base) && Array.isArray(over)) return over;
    return mergeMappings(listToMap(base), listToMap(over), path);
  }
  if (key === 'services.*.build') return mergeMappings(buildObj(base), buildObj(over), path);
  if (key === 'services.*.logging' && isObj(base) && isObj(over)) {
    if (over['driver'] !== undefined && base['driver'] !== undefined && over['driver'] !== base['driver']) return over;
  }
  if (isObj(base) && isObj(over)) return mergeMappings(base, over, path);
  return over;
}

function mergeMappings(base: Obj, over: Obj, path: string[]): Obj {
  const out: Obj = { ...base };
  for (const [k, v] of Object.entries(over)) out[k] = k in base ? mergeValue(base[k], v, [...path, k]) : v;
  return out;
}

function mergeUnique(base: unknown[], over: unknown[], keyOf: KeyFn, path: string[]): unknown[] {
  const out = [...base];
  const index = new Map<string, number>();
  out.forEach((e, i) => {
    const k = keyOf(e);
    if (k !== undefined) index.set(k, i);
  });
  for (const e of over) {
    const k = keyOf(e);
    const i = k === undefined ? undefined : index.get(k);
    if (i === undefined) {
      if (k !== undefined) index.set(k, out.length);
      out.push(e);
    } else {
      const prev = out[i];
      out[i] = isObj(prev) && isObj(e) ? mergeMappings(prev, e, path) : e;
    }
  }
  return out;
}

/** `services.api.deploy.labels` → `services.*.deploy.labels`. */
function pattern(path: string[]): string {
  return path[0] === 'services' && path.length >= 2 ? ['services', '*', ...path.slice(2)].join('.') : path.join('.');
}

function listToMap(v: unknown): Obj {
  if (!Array.isArray(v)) return isObj(v) ? v : {};
  const out: Obj = {};
  for (const name of v) if (typeof name === 'string') out[name] = null;
  return out;
}

function buildObj(v: unknown): Obj {
  return typeof v === 'string' ? { context: v } : isObj(v) ? v : {};
}

function configTarget(entry: unknown): string | undefined {
  if (typeof entry === 'string') return `/${entry}`;
  if (!isObj(entry) || typeof entry['source'] !== 'string') return undefined;
  const target = typeof entry['target'] === 'string' ? entry['target'] : entry['source'];
  return target.startsWith('/') ? target : `/${target}`;
}

const noLoc = { file: 'override', path: '' };
