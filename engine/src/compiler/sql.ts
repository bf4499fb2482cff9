/**
 * The only way the engine builds SQL, modelled on pg-sql2 (graphile/crystal `utils/pg-sql2`): a fragment is a frozen
 * list of raw text, escaped identifiers and bound values. The `sql` template tag accepts only fragments as
 * interpolations (pg-sql2's `enforceValidNode`), so a request string can never become SQL text; values always
 * become `$n` parameters and identifiers are double-quoted from metadata names.
 */

const FRAGMENT = Symbol('sql.fragment');

type Part =
  | { readonly kind: 'raw'; readonly text: string }
  | { readonly kind: 'ident'; readonly names: readonly string[] }
  | { readonly kind: 'value'; readonly value: unknown };

export interface SQL {
  readonly [FRAGMENT]: true;
  readonly parts: readonly Part[];
}

function make(parts: readonly Part[]): SQL {
  return Object.freeze({ [FRAGMENT]: true as const, parts: Object.freeze(parts) });
}

export function isSQL(x: unknown): x is SQL {
  return typeof x === 'object' && x !== null && (x as { [FRAGMENT]?: unknown })[FRAGMENT] === true;
}

/** Template tag: only SQL fragments may be interpolated; anything else throws. */
export function sql(strings: TemplateStringsArray, ...frags: readonly SQL[]): SQL {
  const parts: Part[] = [];
  strings.forEach((s, i) => {
    if (s !== '') parts.push({ kind: 'raw', text: s });
    if (i < frags.length) {
      const f: unknown = frags[i];
      if (!isSQL(f)) throw new TypeError('sql: interpolated value is not an SQL fragment (use value() or ident())');
      parts.push(...f.parts);
    }
  });
  return make(parts);
}

/** Internal constant text only (keywords, operators chosen by the compiler). Never request data. */
export function raw(text: string): SQL {
  return make([{ kind: 'raw', text }]);
}

/** A (possibly qualified) identifier, each part double-quoted. */
export function ident(...names: string[]): SQL {
  if (names.length === 0) throw new TypeError('ident: no name');
  return make([{ kind: 'ident', names }]);
}

/** A bound parameter `$n`. */
export function value(v: unknown): SQL {
  return make([{ kind: 'value', value: v }]);
}

/** A bound parameter with an explicit cast: `($n)::type`. `pgType` must come from the catalog. */
export function typedValue(v: unknown, pgType: SQL): SQL {
  return sql`(${value(v)})::${pgType}`;
}

/** Join fragments with a raw separator. */
export function join(frags: readonly SQL[], separator = ', '): SQL {
  const parts: Part[] = [];
  frags.forEach((f, i) => {
    if (i > 0 && separator !== '') parts.push({ kind: 'raw', text: separator });
    parts.push(...f.parts);
  });
  return make(parts);
}

/** A SQL string literal for compiler-chosen constants such as JSON keys (single quotes doubled). */
export function literal(text: string): SQL {
  if (text.includes('\0')) throw new TypeError('literal: NUL byte');
  return raw(`'${text.replace(/'/g, "''")}'`);
}

export const TRUE = raw('true');
export const FALSE = raw('false');

export function escapeIdent(name: string): string {
  if (name.includes('\0')) throw new TypeError('ident: NUL byte');
  return `"${name.replace(/"/g, '""')}"`;
}

/**
 * Multiplexed mode (live queries): the same fragment with every bound value replaced by
 * `replace(index, value)` (0-based, in the order `compile` would number them `$1…`), so a compiled query can read its
 * values from one JSON column per cohort (Hasura: `"_subs"."result_vars" #>> '{…}'`, src:
 * Hasura/Backends/Postgres/Execute/Subscription.hs `mkMultiplexedQuery`) instead of `$n` parameters.
 */
export function substituteValues(frag: SQL, replace: (index: number, value: unknown) => SQL): SQL {
  const parts: Part[] = [];
  let i = 0;
  for (const p of frag.parts) {
    if (p.kind === 'value') parts.push(...replace(i++, p.value).parts);
    else parts.push(p);
  }
  return make(parts);
}

export interface CompiledQuery {
  readonly text: string;
  readonly values: readonly unknown[];
}

/** Render to text + values; each value gets its own `$n` (no sharing, so each can carry its own cast). */
export function compile(frag: SQL): CompiledQuery {
  let text = '';
  const values: unknown[] = [];
  for (const p of frag.parts) {
    if (p.kind === 'raw') text += p.text;
    else if (p.kind === 'ident') text += p.names.map(escapeIdent).join('.');
    else {
      values.push(p.value);
      text += `$${values.length}`;
    }
  }
  return { text, values };
}

/** `EXPLAIN` of a compiled statement, same parameters (its `$n` keep their numbers). */
export function explainOf(q: CompiledQuery): CompiledQuery {
  return { text: `EXPLAIN ${q.text}`, values: q.values };
}
