/**
 * Compose variable interpolation (compose-spec "Interpolation"): `$VAR`, `${VAR}`, `${VAR:-d}`, `${VAR-d}`,
 * `${VAR:?e}`, `${VAR?e}`, `${VAR:+r}`, `${VAR+r}`, nesting in the argument, `$$` for a literal `$`.
 *
 * Written as a small parser rather than compose-go's regular expression, with the same results on well-formed
 * templates. One deliberate difference: the argument of an operator is only evaluated when it is used (as in a
 * shell), so `${SET:-${UNSET?x}}` does not fail; compose-go evaluates it eagerly.
 */
import { InterpolationError } from './errors.js';

export type Env = Readonly<Record<string, string | undefined>>;
/** Receives compose's warning for an unset variable without a default. */
export type WarnFn = (message: string) => void;

const NAME = /^[A-Za-z_][A-Za-z0-9_]*/;
const OPERATOR = /^(:?)([-+?])/;

/**
 * Interpolates one string. Unset variables without a default become '' (and `warn` is told, like compose's
 * warning); a missing required variable or a malformed `${…}` throws `InterpolationError`. With `where` (a
 * location such as `services.api.image`) the message is compose's `error while interpolating <where>: …`.
 */
export function interpolate(value: string, env: Env, where?: string, warn?: WarnFn): string {
  try {
    return substitute(value, env, warn);
  } catch (err) {
    if (!(err instanceof TemplateProblem)) throw err;
    throw toError(err, value, where);
  }
}

/**
 * Interpolates every string value of a YAML-derived tree (sequences included, mapping keys not). Returns a new tree,
 * so anchors shared by several places of the document are interpolated at each place. `source` prefixes errors
 * (a file name, or `override[0]`).
 */
export function interpolateTree(node: unknown, env: Env, source: string, warn?: WarnFn, path = ''): unknown {
  if (typeof node === 'string') {
    try {
      return substitute(node, env, warn);
    } catch (err) {
      if (!(err instanceof TemplateProblem)) throw err;
      const e = toError(err, node, path || '(root)');
      throw new InterpolationError(`${source}: ${e.message}`, { variable: e.variable, path: path || undefined });
    }
  }
  if (Array.isArray(node)) return node.map((v, i) => interpolateTree(v, env, source, warn, `${path}[${i}]`));
  if (node !== null && typeof node === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(node))
      out[k] = interpolateTree(v, env, source, warn, path ? `${path}.${k}` : k);
    return out;
  }
  return node;
}

/** Thrown inside the parser; turned into an InterpolationError with the location by the callers. */
class TemplateProblem extends Error {
  constructor(
    readonly kind: 'missing' | 'invalid',
    readonly detail: string,
    readonly variable?: string,
  ) {
    super(detail);
  }
}

function toError(p: TemplateProblem, template: string, where: string | undefined): InterpolationError {
  if (p.kind === 'missing') {
    const message = where ? `error while interpolating ${where}: ${p.detail}` : p.detail;
    return new InterpolationError(message, { variable: p.variable, path: where });
  }
  const at = where ? ` for ${where}` : '';
  return new InterpolationError(
    `invalid interpolation format${at}: ${JSON.stringify(template)} (${p.detail}); you may need to escape any $ with another $`,
    { path: where },
  );
}

function substitute(s: string, env: Env, warn: WarnFn | undefined): string {
  let out = '';
  let i = 0;
  for (;;) {
    const dollar = s.indexOf('$', i);
    if (dollar < 0) return out + s.slice(i);
    out += s.slice(i, dollar);
    const next = s[dollar + 1];
    if (next === '$') {
      out += '$';
      i = dollar + 2;
    } else if (next === '{') {
      const end = closingBrace(s, dollar + 1);
      if (end < 0) throw new TemplateProblem('invalid', `unterminated "\${" at offset ${dollar}`);
      out += braced(s.slice(dollar + 2, end), env, warn);
      i = end + 1;
    } else {
      const name = NAME.exec(s.slice(dollar + 1))?.[0];
      if (name === undefined) {
        // `$1`, `$ `, a trailing `$`: compose leaves those as they are.
        out += '$';
        i = dollar + 1;
      } else {
        out += lookup(name, env, warn);
        i = dollar + 1 + name.length;
      }
    }
  }
}

/** Index of the `}` closing the `{` at `open`, counting nested braces like compose does (-1 when unterminated). */
function closingBrace(s: string, open: number): number {
  let depth = 0;
  for (let j = open; j < s.length; j++) {
    if (s[j] === '{') depth++;
    else if (s[j] === '}' && --depth === 0) return j;
  }
  return -1;
}

function braced(body: string, env: Env, warn: WarnFn | undefined): string {
  const name = NAME.exec(body)?.[0];
  if (name === undefined) throw new TemplateProblem('invalid', `"\${${body}}" does not start with a variable name`);
  const rest = body.slice(name.length);
  if (rest === '') return lookup(name, env, warn);
  const op = OPERATOR.exec(rest);
  if (!op) throw new TemplateProblem('invalid', `unknown modifier in "\${${body}}"`);
  const colon = op[1] === ':';
  const arg = rest.slice(op[0].length);
  const raw = env[name];
  const value = raw ?? '';
  const usable = raw !== undefined && (!colon || value !== '');
  switch (op[2]) {
    case '-':
      return usable ? value : substitute(arg, env, warn);
    case '+':
      return usable ? substitute(arg, env, warn) : value;
    default: {
      if (usable) return value;
      const reason = substitute(arg, env, warn);
      const detail = reason
        ? `required variable ${name} is missing a value: ${reason}`
        : `required variable ${name} is missing a value`;
      throw new TemplateProblem('missing', detail, name);
    }
  }
}

function lookup(name: string, env: Env, warn: WarnFn | undefined): string {
  const value = env[name];
  if (value === undefined) {
    warn?.(`The "${name}" variable is not set. Defaulting to a blank string.`);
    return '';
  }
  return value;
}
