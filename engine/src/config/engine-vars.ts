/**
 * The grammar of the engine's own variables (`ENGINE_*`, where Hasura has no setting; engine/README.md "Settings: the
 * engine's own"). Unknown `ENGINE_*` names are ignored.
 */
import { ConfigError } from './config-error.js';
import type { EnvRecord } from './hasura-env.js';
import { FALSE_WORDS } from './parse-value.js';

/** A positive integer in decimal digits (blanks around it allowed); unset or empty is `dflt`. */
export function positiveIntegerVar(env: EnvRecord, name: string, dflt: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return dflt;
  const t = raw.trim();
  const n = /^\d+$/.test(t) ? Number(t) : NaN;
  if (!Number.isSafeInteger(n) || n <= 0) throw new ConfigError(`${name}: expected a positive integer`);
  return n;
}

/**
 * `ENGINE_DEBUG`: stack traces of `engine` errors and the raw errors behind `unexpected` responses on stderr. On for any
 * value but empty, `0` or a false word of Hasura's boolean grammar (false, f, no, n; any case).
 */
export function debugEnabled(env: EnvRecord): boolean {
  const v = (env['ENGINE_DEBUG'] ?? '').trim().toLowerCase();
  return v !== '' && v !== '0' && !FALSE_WORDS.includes(v);
}
