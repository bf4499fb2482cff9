/**
 * Traefik v3 router rules: the matchers this project uses (Host, Path, PathPrefix, Header, Method) combined with
 * `&&`, `||`, `!` and parentheses. Arguments are backtick- or double-quoted strings, as in Traefik.
 * https://doc.traefik.io/traefik/reference/routing-configuration/http/routing/rules-and-priority/
 */

export interface RequestFacts {
  /** Host header without the port, lower case */
  host: string;
  /** decoded and cleaned path (no query) */
  path: string;
  method: string;
  headers: Record<string, string | string[] | undefined>;
}

export type Matcher = (req: RequestFacts) => boolean;

export class RuleError extends Error {
  override name = 'RuleError';
}

type Token =
  | { kind: 'ident'; value: string; at: number }
  | { kind: 'string'; value: string; at: number }
  | { kind: 'op'; value: '&&' | '||' | '!' | '(' | ')' | ','; at: number };

function tokenize(rule: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < rule.length) {
    const c = rule[i] ?? '';
    if (/\s/.test(c)) {
      i += 1;
    } else if (c === '&' || c === '|') {
      if (rule[i + 1] !== c) throw new RuleError(`unexpected "${c}" at ${i} in ${rule}`);
      tokens.push({ kind: 'op', value: c === '&' ? '&&' : '||', at: i });
      i += 2;
    } else if (c === '!' || c === '(' || c === ')' || c === ',') {
      tokens.push({ kind: 'op', value: c, at: i });
      i += 1;
    } else if (c === '`' || c === '"') {
      const end = rule.indexOf(c, i + 1);
      if (end < 0) throw new RuleError(`unterminated string at ${i} in ${rule}`);
      tokens.push({ kind: 'string', value: rule.slice(i + 1, end), at: i });
      i = end + 1;
    } else if (/[A-Za-z]/.test(c)) {
      let j = i;
      while (j < rule.length && /[A-Za-z0-9]/.test(rule[j] ?? '')) j += 1;
      tokens.push({ kind: 'ident', value: rule.slice(i, j), at: i });
      i = j;
    } else {
      throw new RuleError(`unexpected "${c}" at ${i} in ${rule}`);
    }
  }
  return tokens;
}

function headerValues(req: RequestFacts, name: string): string[] {
  const v = req.headers[name.toLowerCase()];
  if (v === undefined) return [];
  return Array.isArray(v) ? v : [v];
}

const MATCHERS: Record<string, { arity: number; make: (args: string[]) => Matcher }> = {
  Host: {
    arity: 1,
    make: ([h = '']) => {
      const want = h.toLowerCase();
      return (req) => req.host === want;
    },
  },
  Path: {
    arity: 1,
    make: ([p = '']) => {
      checkPathArg(p);
      return (req) => req.path === p;
    },
  },
  PathPrefix: {
    arity: 1,
    make: ([p = '']) => {
      checkPathArg(p);
      return (req) => req.path.startsWith(p);
    },
  },
  Header: {
    arity: 2,
    make:
      ([name = '', value = '']) =>
      (req) =>
        headerValues(req, name).some((v) => v === value),
  },
  Method: {
    arity: 1,
    make: ([m = '']) => {
      const want = m.toUpperCase();
      return (req) => req.method === want;
    },
  },
};

function checkPathArg(p: string): void {
  if (!p.startsWith('/')) throw new RuleError(`path "${p}" must start with /`);
  if (/[{}]/.test(p)) throw new RuleError(`path "${p}": Traefik v3 Path/PathPrefix take no placeholders`);
}

/** Parses a rule into a matcher. Throws {@link RuleError} on syntax errors and unsupported matchers. */
export function parseRule(rule: string): Matcher {
  const tokens = tokenize(rule);
  let pos = 0;
  const peek = (): Token | undefined => tokens[pos];
  const isOp = (t: Token | undefined, v: string): boolean => t?.kind === 'op' && t.value === v;
  const fail = (msg: string): never => {
    throw new RuleError(`${msg} at token ${pos} in ${rule}`);
  };

  function parseOr(): Matcher {
    const parts = [parseAnd()];
    while (isOp(peek(), '||')) {
      pos += 1;
      parts.push(parseAnd());
    }
    return parts.length === 1 ? (parts[0] as Matcher) : (req) => parts.some((m) => m(req));
  }
  function parseAnd(): Matcher {
    const parts = [parseUnary()];
    while (isOp(peek(), '&&')) {
      pos += 1;
      parts.push(parseUnary());
    }
    return parts.length === 1 ? (parts[0] as Matcher) : (req) => parts.every((m) => m(req));
  }
  function parseUnary(): Matcher {
    if (isOp(peek(), '!')) {
      pos += 1;
      const inner = parseUnary();
      return (req) => !inner(req);
    }
    return parsePrimary();
  }
  function parsePrimary(): Matcher {
    const t = peek();
    if (isOp(t, '(')) {
      pos += 1;
      const inner = parseOr();
      if (!isOp(peek(), ')')) fail('expected )');
      pos += 1;
      return inner;
    }
    if (t?.kind !== 'ident') return fail('expected a matcher');
    const spec = MATCHERS[t.value];
    if (spec === undefined) return fail(`unsupported matcher ${t.value}`);
    pos += 1;
    if (!isOp(peek(), '(')) fail(`expected ( after ${t.value}`);
    pos += 1;
    const args: string[] = [];
    for (;;) {
      const a = peek();
      if (a?.kind !== 'string') return fail('expected a quoted argument');
      args.push(a.value);
      pos += 1;
      if (isOp(peek(), ',')) {
        pos += 1;
        continue;
      }
      if (isOp(peek(), ')')) {
        pos += 1;
        break;
      }
      fail('expected , or )');
    }
    if (args.length !== spec.arity) fail(`${t.value} takes ${spec.arity} argument(s) in Traefik v3`);
    return spec.make(args);
  }

  const m = parseOr();
  if (pos !== tokens.length) fail('trailing input');
  return m;
}

/** Traefik's default router priority: the length of the rule string. */
export function defaultPriority(rule: string): number {
  return rule.length;
}
