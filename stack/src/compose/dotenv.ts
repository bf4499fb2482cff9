/**
 * `.env` files as compose reads them (compose-spec ".env file", compose-go `dotenv`): `KEY=VAL` (or compose's
 * `KEY: VAL`), an optional `export ` prefix, blank lines and `#` comments; unquoted values are trimmed and cut at
 * ` #`; single-quoted values are literal; double-quoted values know `\n \r \t \\ \" \$` and may span lines; unquoted
 * and double-quoted values are interpolated. A bare `KEY` line takes the value from `env` (omitted when unset).
 */
import { readFileSync } from 'node:fs';
import { ComposeError, InterpolationError } from './errors.js';
import { interpolate, type Env } from './interpolate.js';

const KEY = /^[ \t]*(?:export[ \t]+)?([A-Za-z0-9_.-]+)[ \t]*/;
const ESCAPES: Record<string, string> = { n: '\n', r: '\r', t: '\t', $: '$$' };

/**
 * Parses the text of a .env file. `${VAR}` in values resolves against `env` first, then against the variables
 * defined earlier in the same file (compose gives the process environment precedence). `source` names the file in
 * errors, which carry the line number.
 */
export function parseDotenv(text: string, env: Env = {}, source = '.env'): Record<string, string> {
  const out: Record<string, string> = {};
  const src = text.replace(/\r\n?/g, '\n');
  const lookup: Env = new Proxy(out, { get: (_t, k: string) => env[k] ?? out[k] });
  let pos = 0;
  let line = 1;
  function fail(at: number, msg: string): never {
    throw new ComposeError(`${source}:${at}: ${msg}`);
  }
  const expand = (value: string, at: number): string => {
    try {
      return interpolate(value, lookup);
    } catch (err) {
      if (err instanceof InterpolationError) throw new InterpolationError(`${source}:${at}: ${err.message}`, err);
      throw err;
    }
  };
  while (pos < src.length) {
    const eol = src.indexOf('\n', pos) < 0 ? src.length : src.indexOf('\n', pos);
    const lineText = src.slice(pos, eol);
    const startLine = line;
    if (lineText.trim() === '' || lineText.trim().startsWith('#')) {
      pos = eol + 1;
      line++;
      continue;
    }
    const key = KEY.exec(lineText);
    const name = key?.[1];
    if (!key || name === undefined) fail(line, `invalid line ${JSON.stringify(lineText)}: expected KEY=VALUE`);
    let i = pos + key[0].length;
    if (i >= eol) {
      // a bare `KEY`: inherited from the environment
      const inherited = env[name];
      if (inherited !== undefined) out[name] = inherited;
      pos = eol + 1;
      line++;
      continue;
    }
    if (src[i] !== '=' && src[i] !== ':')
      fail(line, `unexpected character ${JSON.stringify(src[i])} after variable name ${JSON.stringify(name)}`);
    i++;
    while (src[i] === ' ' || src[i] === '\t') i++;
    const quote = src[i];
    if (quote === "'" || quote === '"') {
      const { value, end } = quote === "'" ? singleQuoted(src, i) : doubleQuoted(src, i);
      if (end < 0) fail(startLine, `unterminated quoted value for ${name}`);
      line += countNewlines(src, pos, end);
      const lineEnd = src.indexOf('\n', end) < 0 ? src.length : src.indexOf('\n', end);
      const trailing = src.slice(end + 1, lineEnd).trim();
      if (trailing !== '' && !trailing.startsWith('#'))
        fail(line, `unexpected ${JSON.stringify(trailing)} after the quoted value of ${name}`);
      out[name] = quote === "'" ? value : expand(value, startLine);
      pos = lineEnd + 1;
      line++;
      continue;
    }
    // ` #` starts a comment, also right after the separator (`KEY= # nothing`)
    const comment = /[ \t]#/.exec(src.slice(i - 1, eol));
    const cut = comment ? src.slice(i, i - 1 + comment.index) : src.slice(i, eol);
    out[name] = expand(cut.trim(), startLine);
    pos = eol + 1;
    line++;
  }
  return out;
}

/** Reads and parses a .env file; a missing file is an empty environment (compose does the same). */
export function readDotenv(file: string, env: Env = {}): Record<string, string> {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return {};
    throw err;
  }
  return parseDotenv(text, env, file);
}

/** `'…'`: everything up to the next `'`, literally (newlines included). `end` is the closing quote's index. */
function singleQuoted(src: string, open: number): { value: string; end: number } {
  const end = src.indexOf("'", open + 1);
  return { value: end < 0 ? '' : src.slice(open + 1, end), end };
}

/**
 * `"…"`: backslash escapes, then the result is an interpolation template (so `\$` is kept as `$$`, a literal `$`).
 * An unknown escape `\x` gives `x`, as compose's unescaping does.
 */
function doubleQuoted(src: string, open: number): { value: string; end: number } {
  let value = '';
  for (let j = open + 1; j < src.length; j++) {
    const c = src[j] ?? '';
    if (c === '"') return { value, end: j };
    if (c === '\\' && j + 1 < src.length) {
      const e = src[++j] ?? '';
      value += ESCAPES[e] ?? e;
    } else value += c;
  }
  return { value: '', end: -1 };
}

function countNewlines(s: string, from: number, to: number): number {
  let n = 0;
  for (let j = from; j < to; j++) if (s[j] === '\n') n++;
  return n;
}
