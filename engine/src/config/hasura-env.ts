/**
 * The single source of truth for Hasura's `HASURA_GRAPHQL_*` variables in this engine: every name Hasura v2.48 knows
 * (hasura-vars-serve.ts, hasura-vars-other.ts), its parser with Hasura's grammar, its default and what the engine
 * does with it. `engine serve` and `startEngineServer` validate the whole environment here before connecting to
 * anything, so an environment that the real image would refuse, or that asks for something this engine cannot do,
 * stops the start with one line naming the variable — instead of an engine that silently behaves differently from
 * production. Unknown `HASURA_GRAPHQL_*` names are refused too (Hasura ignores them, which hides typos). Values of
 * secret variables never appear in a message.
 */
import { ConfigError } from './config-error.js';
import { OTHER_VARS } from './hasura-vars-other.js';
import { SERVE_VARS } from './hasura-vars-serve.js';
import { ValueError } from './parse-value.js';
import { closestName } from './suggest.js';
import { sameValue } from './var-spec.js';
import type { VarSpec } from './var-spec.js';

export const HASURA_VARS = { ...SERVE_VARS, ...OTHER_VARS } as const;
export type HasuraVarName = keyof typeof HASURA_VARS;
type ValueOf<S> = S extends VarSpec<infer T> ? T : never;
export type HasuraValue<K extends HasuraVarName> = ValueOf<(typeof HASURA_VARS)[K]>;
/** Every known variable, parsed, with the default where unset. */
export type HasuraSettings = { readonly [K in HasuraVarName]: HasuraValue<K> };

export type EnvRecord = Readonly<Record<string, string | undefined>>;

const PREFIX = 'HASURA_GRAPHQL_';
const NAMES = Object.keys(HASURA_VARS) as HasuraVarName[];

/** A start-up error about one variable (one line; never the value of a secret). */
export class HasuraEnvError extends ConfigError {
  override readonly name = 'HasuraEnvError';
  constructor(
    readonly variable: string,
    message: string,
  ) {
    super(message);
  }
}

function isKnown(name: string): name is HasuraVarName {
  return Object.hasOwn(HASURA_VARS, name);
}

function specOf(name: HasuraVarName): VarSpec<unknown> {
  return HASURA_VARS[name] as VarSpec<unknown>;
}

function shown(s: VarSpec<unknown>, raw: string): string {
  if (s.secret) return '(value not shown)';
  return JSON.stringify(raw.length > 80 ? `${raw.slice(0, 80)}…` : raw);
}

function render(v: unknown): string {
  return Array.isArray(v) ? v.join(',') : String(v);
}

/** Parse one variable's raw value (Hasura's grammar, then what the engine can honour). */
export function parseSetting<K extends HasuraVarName>(name: K, raw: string): HasuraValue<K> {
  const s = specOf(name);
  let v: unknown;
  try {
    v = s.parse(raw);
  } catch (e) {
    if (!(e instanceof ValueError)) throw e;
    throw new HasuraEnvError(name, `${name}: invalid value ${shown(s, raw)}: ${e.message}`);
  }
  const what = s.secret ? name : `${name}=${shown(s, raw)}`;
  if (s.status === 'unsupported' && !sameValue(v, s.default)) {
    const accepted = s.default === undefined ? 'leave it unset' : `only ${render(s.default)} is accepted`;
    throw new HasuraEnvError(name, `${what} is not supported by this engine: ${s.note} (${accepted})`);
  }
  const reason = (s.unsupportedValue as ((x: unknown) => string | null) | undefined)?.(v) ?? null;
  if (reason !== null) throw new HasuraEnvError(name, `${what} is not supported by this engine: ${reason}`);
  return v as HasuraValue<K>;
}

/** One setting from an env record: its parsed value, or the default when unset. Throws {@link HasuraEnvError}. */
export function hasuraSetting<K extends HasuraVarName>(env: EnvRecord, name: K): HasuraValue<K> {
  const raw = env[name];
  return raw === undefined ? (HASURA_VARS[name].default as HasuraValue<K>) : parseSetting(name, raw);
}

/**
 * The settings of `env` parsed one by one when first read, unknown names ignored: what a caller that hands over an
 * environment without asking for its validation gets (`createRuntime({ env })`). A bad value fails when its setting
 * is read.
 */
export function lazyHasuraSettings(env: EnvRecord): HasuraSettings {
  const out = {};
  for (const name of NAMES) Object.defineProperty(out, name, { enumerable: true, get: () => hasuraSetting(env, name) });
  return out as HasuraSettings;
}

function unknownName(name: string): HasuraEnvError {
  const near = closestName(name, NAMES, PREFIX);
  return new HasuraEnvError(
    name,
    `${name} is not a variable of Hasura v2.48` + (near ? ` (did you mean ${near}?)` : ' (see engine/README.md)'),
  );
}

/**
 * Validate every `HASURA_GRAPHQL_*` entry of `env` (other names are left alone: `{{API_BASE_URL}}`,
 * `HASURA_ACTION_SECRET`, …) and return all settings. Throws the first problem, in name order, as one line.
 */
export function validateHasuraEnv(env: EnvRecord): HasuraSettings {
  const problems: HasuraEnvError[] = [];
  const out: Record<string, unknown> = {};
  for (const name of NAMES) out[name] = HASURA_VARS[name].default;
  for (const name of Object.keys(env).sort()) {
    const raw = env[name];
    if (!name.startsWith(PREFIX) || raw === undefined) continue;
    if (!isKnown(name)) {
      problems.push(unknownName(name));
      continue;
    }
    try {
      out[name] = parseSetting(name, raw);
    } catch (e) {
      if (!(e instanceof HasuraEnvError)) throw e;
      problems.push(e);
    }
  }
  const [first] = problems;
  if (first !== undefined) {
    const more = problems.length - 1;
    if (more === 0) throw first;
    throw new HasuraEnvError(first.variable, `${first.message}; and ${more} more HASURA_GRAPHQL_* problem(s)`);
  }
  return Object.freeze(out) as HasuraSettings;
}
