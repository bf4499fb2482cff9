/**
 * Parsers for `HASURA_GRAPHQL_*` values with Hasura's grammar (src: server/src-lib/Hasura/Server/Init/Env.hs, the
 * `FromEnv` instances), so that a value the real image would refuse at start is refused here too, and one it accepts
 * is accepted. Each parser throws {@link ValueError} saying what is accepted; the caller adds the variable's name.
 * Empty strings are values like any other (Hasura does not treat `VAR=` as unset).
 */

/** A value outside a variable's grammar; `accepted` completes "expected …". */
export class ValueError extends Error {
  override readonly name = 'ValueError';
  constructor(readonly accepted: string) {
    super(`expected ${accepted}`);
  }
}

export type Parser<T> = (raw: string) => T;

const TRUE = ['true', 't', 'yes', 'y'];
const FALSE = ['false', 'f', 'no', 'n'];
/** The words `bool` reads as false. */
export const FALSE_WORDS: readonly string[] = FALSE;

/** `FromEnv Bool`: true/t/yes/y or false/f/no/n, any case, no surrounding blanks (`1`/`0` are not booleans). */
export const bool: Parser<boolean> = (raw) => {
  const l = raw.toLowerCase();
  if (TRUE.includes(l)) return true;
  if (FALSE.includes(l)) return false;
  throw new ValueError(`a boolean (${TRUE.join(', ')} / ${FALSE.join(', ')}; any case)`);
};

/** `FromEnv Int` (Haskell `read`: optional minus sign, digits, surrounding blanks allowed). */
export const int: Parser<number> = (raw) => {
  if (!/^\s*-?\d+\s*$/.test(raw)) throw new ValueError('an integer');
  const n = Number(raw);
  if (!Number.isSafeInteger(n)) throw new ValueError('an integer');
  return n;
};

/** `Refined NonNegative Int`, `Milliseconds`, `Seconds`, refetch intervals and batch sizes. */
export const nonNegativeInt: Parser<number> = (raw) => {
  let n: number;
  try {
    n = int(raw);
  } catch {
    throw new ValueError('a non-negative integer');
  }
  if (n < 0) throw new ValueError('a non-negative integer');
  return n;
};

/** `Refined Positive Int`. */
export const positiveInt: Parser<number> = (raw) => {
  let n: number;
  try {
    n = int(raw);
  } catch {
    throw new ValueError('a positive integer');
  }
  if (n <= 0) throw new ValueError('a positive integer');
  return n;
};

/** `Refined NonNegative NominalDiffTime` (seconds as a decimal number, e.g. `600` or `0.5`). */
export const nonNegativeSeconds: Parser<number> = (raw) => {
  const t = raw.trim();
  const n = /^\d+(\.\d+)?(e[+-]?\d+)?$/i.test(t) ? Number(t) : NaN;
  if (!Number.isFinite(n)) throw new ValueError('a non-negative number of seconds');
  return n;
};

/** `FromEnv Port`: 0–65535. */
export const port: Parser<number> = (raw) => {
  let n: number;
  try {
    n = int(raw);
  } catch {
    throw new ValueError('a port number between 0 and 65535');
  }
  if (n < 0 || n > 65535) throw new ValueError('a port number between 0 and 65535');
  return n;
};

/** Any text, as `FromEnv Text`/`String`. */
export const text: Parser<string> = (raw) => raw;

/** `FromEnv RoleName`: any non-empty text. */
export const nonEmpty: Parser<string> = (raw) => {
  if (raw === '') throw new ValueError('a non-empty value');
  return raw;
};

/** JSON (JWT secret, metadata defaults): the parse must succeed; the reader checks the shape. */
export const json: Parser<unknown> = (raw) => {
  try {
    return JSON.parse(raw) as unknown;
  } catch {
    throw new ValueError('a JSON value');
  }
};

/** One of fixed words, compared after `normalize` (Hasura differs per variable: exact, or trimmed and lowercased). */
export function oneOf<W extends string>(words: readonly W[], normalize: (s: string) => string = (s) => s): Parser<W> {
  return (raw) => {
    const v = normalize(raw);
    const w = words.find((x) => x === v);
    if (w === undefined) throw new ValueError(`one of ${words.join(', ')}`);
    return w;
  };
}

/** A comma-separated list of words (every item trimmed and normalized; an empty item is refused, as upstream). */
export function listOf<W extends string>(
  words: readonly W[],
  normalize: (s: string) => string = (s) => s.trim().toLowerCase(),
): Parser<readonly W[]> {
  return (raw) => {
    const out = new Set<W>();
    for (const item of raw.split(',')) {
      const v = normalize(item);
      const w = words.find((x) => x === v);
      if (w === undefined) throw new ValueError(`a comma-separated list of ${words.join(', ')}`);
      out.add(w);
    }
    return [...out].sort();
  };
}

/** A Postgres connection URL (the engine connects with node-postgres, which needs a URL of this scheme). */
export const postgresUrl: Parser<string> = (raw) => {
  if (!/^postgres(ql)?:\/\//.test(raw)) throw new ValueError('a postgres:// or postgresql:// URL');
  return raw;
};

/**
 * `FromEnv CorsConfig`: `*`, or origins `http(s)://[*.]host[:port]` separated by commas (upstream's
 * `wildcardDomainRegex`; a trailing `/` is tolerated here); an empty value allows no cross-origin request.
 */
export const corsDomains: Parser<string> = (raw) => {
  const v = raw.trim();
  if (v === '*' || v === '') return v;
  for (const d of v.split(',').map((x) => x.trim())) {
    if (!/^https?:\/\/(\*\.)?([a-zA-Z0-9-]+\.)*[a-zA-Z0-9-]+(:\d+)?\/?$/.test(d))
      throw new ValueError('*, or comma-separated origins like https://example.com, http://*.example.com:8080');
  }
  return v;
};
