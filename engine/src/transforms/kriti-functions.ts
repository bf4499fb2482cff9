/**
 * Kriti's function library: `basicFuncMap` (src: hasura/kriti-lang `src/Kriti/CustomFunctions.hs`; README "Basic
 * Functions Collection"), the `not`/`escapeUri` built-ins, and Hasura's `getSessionVariable` (src:
 * server/src-lib/Data/Aeson/Kriti/Functions.hs `sessionFunctions`). A function takes one JSON value; a failure is a
 * `KritiFunctionError` whose message Kriti reports as a `Function Error`.
 */

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
export type KritiFunction = (arg: Json) => Json;

export class KritiFunctionError extends Error {}

const fail = (message: string): never => {
  throw new KritiFunctionError(message);
};

const isObject = (v: Json): v is { [key: string]: Json } => v !== null && typeof v === 'object' && !Array.isArray(v);

/** RFC 3986 unreserved characters stay, everything else is %XX of its UTF-8 bytes (Network.URI `escapeURIString`). */
export function escapeUriComponent(s: string): string {
  return encodeURIComponent(s).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

const chars = (s: string): string[] => Array.from(s);

function empty(v: Json): Json {
  if (typeof v === 'boolean') return fail('Cannot define emptiness for a boolean');
  if (v === null) return true;
  if (typeof v === 'number') return v === 0;
  if (typeof v === 'string') return v.trim() === '';
  return Array.isArray(v) ? v.length === 0 : Object.keys(v).length === 0;
}

function size(v: Json): Json {
  if (v === null) return 0;
  if (typeof v === 'boolean') return v ? 1 : 0;
  if (typeof v === 'number') return v;
  if (typeof v === 'string') return chars(v).length;
  return Array.isArray(v) ? v.length : Object.keys(v).length;
}

function inverse(v: Json): Json {
  if (typeof v === 'boolean') return !v;
  if (typeof v === 'number') return v === 0 ? fail('Division by zero') : 1 / v;
  if (typeof v === 'string') return chars(v).reverse().join('');
  return Array.isArray(v) ? [...v].reverse() : v;
}

function head(v: Json): Json {
  if (Array.isArray(v)) return v.length > 0 ? (v[0] ?? null) : fail('Empty array');
  if (typeof v === 'string') return v.length > 0 ? (chars(v)[0] ?? '') : fail('Empty string');
  return fail('Expected an array or string');
}

function tail(v: Json): Json {
  if (Array.isArray(v)) return v.slice(1);
  if (typeof v === 'string') return chars(v).slice(1).join('');
  return fail('Expected an array or string');
}

const onString =
  (f: (s: string) => string): KritiFunction =>
  (v) =>
    typeof v === 'string' ? f(v) : fail('Expected string');

/** Data.Text `toTitle`: the first letter of every word upper-cased, the other letters lower-cased. */
const toTitle = (s: string): string =>
  s.replace(/\p{L}[\p{L}\p{M}'’]*/gu, (w) => {
    const [first = '', ...rest] = chars(w);
    return first.toUpperCase() + rest.join('').toLowerCase();
  });

function fromPairs(v: Json): Json {
  if (!Array.isArray(v)) return fail('Expected an array of pairs');
  const out: { [key: string]: Json } = {};
  for (const p of v) {
    if (!Array.isArray(p) || p.length !== 2 || typeof p[0] !== 'string') return fail('Expected an array of pairs');
    out[p[0]] = p[1] ?? null;
  }
  return out;
}

function toPairs(v: Json): Json {
  return isObject(v) ? Object.entries(v).map(([k, x]) => [k, x]) : fail('Expected an object');
}

function removeNulls(v: Json): Json {
  return Array.isArray(v) ? v.filter((x) => x !== null) : fail('Expected an array');
}

function concat(v: Json): Json {
  if (!Array.isArray(v)) return fail('Expected an array');
  if (v.every((x) => typeof x === 'string')) return v.join('');
  if (v.every((x) => Array.isArray(x))) return v.flat(1);
  if (v.every(isObject)) return Object.assign({}, ...v) as Json;
  return fail('Expected an array of strings, arrays or objects');
}

function escapeUri(v: Json): Json {
  if (typeof v === 'string') return escapeUriComponent(v);
  if (typeof v === 'number' || typeof v === 'boolean') return escapeUriComponent(JSON.stringify(v));
  return fail('Expected a string');
}

/** Kriti's standard library, always available (Hasura's `runKritiWith` adds `basicFunctions`). */
export const BASIC_FUNCTIONS: Readonly<Record<string, KritiFunction>> = Object.freeze({
  empty,
  size,
  inverse,
  head,
  tail,
  toCaseFold: onString((s) => s.toUpperCase().toLowerCase()),
  toLower: onString((s) => s.toLowerCase()),
  toUpper: onString((s) => s.toUpperCase()),
  toTitle: onString(toTitle),
  fromPairs,
  toPairs,
  removeNulls,
  concat,
  not: (v) => (typeof v === 'boolean' ? !v : fail('Expected a boolean')),
  escapeUri,
});

/** `getSessionVariable(name)`: case-insensitive lookup; `null` in, `null` out; an unknown name is an error. */
export function sessionFunctions(vars: Readonly<Record<string, string>> | null): Record<string, KritiFunction> {
  return {
    getSessionVariable: (v) => {
      if (v === null) return null;
      if (typeof v !== 'string') return fail('Session variable name should be a string');
      const found = vars?.[v.toLowerCase()];
      return found ?? fail(`Session variable "${v}" not found`);
    },
  };
}
