/**
 * The shape of one entry of the `HASURA_GRAPHQL_*` table (hasura-vars-*.ts): how Hasura parses the value, its
 * default, and what this engine does with it. The three statuses are the engine's promise to an operator who hands
 * it the environment of the real `hasura/graphql-engine` image:
 *
 * - `supported`: the engine honours the setting with Hasura's meaning;
 * - `no-effect`: accepted (only Hasura-valid values) because it changes nothing an API client can observe here
 *   (telemetry, logging, pool tuning, …); the entry's `note` says why;
 * - `unsupported`: the default is accepted, any other value stops the start, because the engine cannot behave as
 *   Hasura would with it.
 *
 * `unsupportedValue` refines `supported`/`no-effect` entries whose values are only partly honoured (e.g. one
 * experimental feature of a list).
 */
import type { Parser } from './parse-value.js';

export type VarStatus = 'supported' | 'no-effect' | 'unsupported';

export interface VarSpec<T> {
  readonly parse: Parser<T>;
  /** Hasura's default (`undefined`: unset, no value). For supported entries, what the engine does when unset. */
  readonly default: T;
  readonly status: VarStatus;
  /** Never echo the value in a message (secrets, URLs with passwords). */
  readonly secret: boolean;
  /** What the variable does in this engine (or why it has no effect, or why it is refused). */
  readonly note: string;
  /** A reason when this particular value cannot be honoured, else null. */
  readonly unsupportedValue?: (v: T) => string | null;
}

type Extra<T> = Partial<Pick<VarSpec<T>, 'secret' | 'unsupportedValue'>>;

export function spec<T>(parse: Parser<T>, dflt: T, status: VarStatus, note: string, extra: Extra<T> = {}): VarSpec<T> {
  return { parse, default: dflt, status, note, secret: extra.secret ?? false, ...extra };
}

/** An optional value (no default): `undefined` when unset. */
export function optional<T>(
  parse: Parser<T>,
  status: VarStatus,
  note: string,
  extra: Extra<T | undefined> = {},
): VarSpec<T | undefined> {
  return spec<T | undefined>(parse, undefined, status, note, extra);
}

/** Same value for the "only the default is supported" check (lists compare as sorted sets). */
export function sameValue(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}
