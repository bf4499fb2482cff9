/**
 * Kriti's parser (src: hasura/kriti-lang `src/Kriti/Parser/Grammar.y`; errors: `src/Kriti/Error.hs`). Grammar, lowest
 * precedence first: `a ?? b` (right), `||`, `&&`, one comparison `== != < > <= >= in`, function application by
 * juxtaposition (`f x`, `f(x)`), postfix paths (`.a`, `?.a`, `[e]`, `?[e]`, `$x?`), atoms: JSON literals, strings
 * with `{{ }}` interpolations, variables, `( e )`, `{{ e }}`, `{{ if }} … {{ elif }} … {{ else }} … {{ end }}` and
 * `{{ range i, x := e }} … {{ end }}`.
 */
import type { Pos, Span, Token } from './kriti-lexer.js';
import { LexError, Scanner } from './kriti-lexer.js';
import type { Json } from './kriti-functions.js';

export type KritiErrorCode = 'Parse Error' | 'Type Error' | 'Invalid Path' | 'Range Error' | 'Function Error';

/** Kriti's `SerializedError` JSON, as Hasura puts it in `extensions.internal`. */
export interface SerializedKritiError {
  error_code: KritiErrorCode;
  message: string;
  source_position: { start_line: number; start_column: number; end_line: number; end_column: number };
}

export class KritiError extends Error {
  constructor(
    readonly code: KritiErrorCode,
    message: string,
    readonly span: Span,
  ) {
    super(message);
  }

  serialize(): SerializedKritiError {
    const { start, end } = this.span;
    return {
      error_code: this.code,
      message: this.message,
      source_position: { start_line: start.line, start_column: start.col, end_line: end.line, end_column: end.col },
    };
  }
}

type BinOp = '==' | '!=' | '<' | '>' | '<=' | '>=' | 'in' | '&&' | '||' | '??';

type Node =
  | { readonly k: 'lit'; readonly v: Json; readonly sp: Span }
  | { readonly k: 'str'; readonly parts: readonly (string | Node)[]; readonly sp: Span }
  | { readonly k: 'arr'; readonly items: readonly Node[]; readonly sp: Span }
  | { readonly k: 'obj'; readonly fields: readonly (readonly [string, Node])[]; readonly sp: Span }
  | { readonly k: 'var'; readonly name: string; readonly optional: boolean; readonly sp: Span }
  | { readonly k: 'field'; readonly target: Node; readonly key: Node; readonly optional: boolean; readonly sp: Span }
  | { readonly k: 'ap'; readonly fn: Node; readonly arg: Node; readonly sp: Span }
  | { readonly k: 'bin'; readonly op: BinOp; readonly l: Node; readonly r: Node; readonly sp: Span }
  | { readonly k: 'if'; readonly cond: Node; readonly then: Node; readonly else: Node | null; readonly sp: Span }
  | {
      readonly k: 'range';
      readonly idx: string | null;
      readonly bind: string;
      readonly src: Node;
      readonly body: Node;
      readonly sp: Span;
    };

/** A parsed template (opaque). */
export interface KritiTemplate {
  readonly root: Node;
}

const KEYWORDS = new Set(['if', 'elif', 'else', 'end', 'range', 'in']);
const COMPARE = new Set(['==', '!=', '<', '>', '<=', '>=']);
const span = (a: Span, b: Span): Span => ({ start: a.start, end: b.end });

class Parser {
  private readonly sc: Scanner;
  private buf: Token[] = [];

  constructor(src: string) {
    this.sc = new Scanner(src);
  }

  private peek(n = 0): Token {
    while (this.buf.length <= n) this.buf.push(this.sc.next());
    return this.buf[n] as Token;
  }

  private next(): Token {
    const t = this.peek();
    this.buf.shift();
    return t;
  }

  private fail(t: Token): never {
    if (t.kind === 'eof') throw new KritiError('Parse Error', 'ParseError: Empty token stream.', t.span);
    throw new KritiError('Parse Error', `Unexpected token '${t.text}'.`, t.span);
  }

  private is(t: Token, text: string): boolean {
    return (t.kind === 'punct' || t.kind === 'ident') && t.text === text;
  }

  private expect(text: string): Token {
    const t = this.next();
    if (!this.is(t, text)) this.fail(t);
    return t;
  }

  /** `}` closing an object; a `}}` token is split, as Kriti lexes `}}` inside objects as two braces. */
  private closeBrace(): Span {
    const t = this.peek();
    if (this.is(t, '}}')) {
      const mid: Pos = { line: t.span.start.line, col: t.span.start.col + 1 };
      this.buf[0] = { kind: 'punct', text: '}', span: { start: mid, end: t.span.end } };
      return { start: t.span.start, end: mid };
    }
    return this.expect('}').span;
  }

  /** `}}` closing a template; also accepts two single braces (left over from a split `}}`). */
  private closeTemplate(): Span {
    if (this.is(this.peek(), '}') && this.is(this.peek(1), '}')) {
      const a = this.next();
      return span(a.span, this.next().span);
    }
    return this.expect('}}').span;
  }

  parse(): Node {
    const e = this.expr();
    const t = this.peek();
    if (t.kind !== 'eof') this.fail(t);
    return e;
  }

  private expr(): Node {
    const l = this.or();
    if (!this.is(this.peek(), '??')) return l;
    this.next();
    const r = this.expr();
    return { k: 'bin', op: '??', l, r, sp: span(l.sp, r.sp) };
  }

  private or(): Node {
    let l = this.and();
    while (this.is(this.peek(), '||')) {
      this.next();
      const r = this.and();
      l = { k: 'bin', op: '||', l, r, sp: span(l.sp, r.sp) };
    }
    return l;
  }

  private and(): Node {
    let l = this.compare();
    while (this.is(this.peek(), '&&')) {
      this.next();
      const r = this.compare();
      l = { k: 'bin', op: '&&', l, r, sp: span(l.sp, r.sp) };
    }
    return l;
  }

  private compare(): Node {
    const l = this.app();
    const t = this.peek();
    const op = t.kind === 'punct' && COMPARE.has(t.text) ? t.text : this.is(t, 'in') ? 'in' : null;
    if (!op) return l;
    this.next();
    const r = this.app();
    return { k: 'bin', op: op as BinOp, l, r, sp: span(l.sp, r.sp) };
  }

  /** Function application by juxtaposition: `f x y` is `(f x) y`. */
  private app(): Node {
    let f = this.postfix();
    while (this.startsAtom()) {
      const arg = this.postfix();
      f = { k: 'ap', fn: f, arg, sp: span(f.sp, arg.sp) };
    }
    return f;
  }

  private startsAtom(): boolean {
    const t = this.peek();
    if (t.kind === 'num' || t.kind === 'sq' || t.kind === 'dq') return true;
    if (t.kind === 'ident') return !KEYWORDS.has(t.text);
    if (this.is(t, '{{')) {
      const u = this.peek(1);
      return !(u.kind === 'ident' && (u.text === 'else' || u.text === 'elif' || u.text === 'end'));
    }
    return this.is(t, '[') || this.is(t, '{') || this.is(t, '(');
  }

  private postfix(): Node {
    let n = this.atom();
    for (;;) {
      const t = this.peek();
      if (this.is(t, '.') || this.is(t, '?.')) {
        this.next();
        const key = this.next();
        if (key.kind !== 'ident') this.fail(key);
        const k: Node = { k: 'lit', v: key.text, sp: key.span };
        n = { k: 'field', target: n, key: k, optional: t.text === '?.', sp: span(n.sp, key.span) };
      } else if (this.is(t, '[') || this.is(t, '?[')) {
        this.next();
        const key = this.expr();
        const close = this.expect(']');
        n = { k: 'field', target: n, key, optional: t.text === '?[', sp: span(n.sp, close.span) };
      } else if (this.is(t, '?') && n.k === 'var' && !n.optional) {
        this.next();
        n = { ...n, optional: true, sp: span(n.sp, t.span) };
      } else return n;
    }
  }

  private atom(): Node {
    const t = this.next();
    switch (t.kind) {
      case 'num':
        return { k: 'lit', v: t.value as number, sp: t.span };
      case 'sq':
        return { k: 'lit', v: t.value as string, sp: t.span };
      case 'dq':
        return this.string(t);
      case 'ident':
        if (t.text === 'true' || t.text === 'false') return { k: 'lit', v: t.text === 'true', sp: t.span };
        if (t.text === 'null') return { k: 'lit', v: null, sp: t.span };
        if (KEYWORDS.has(t.text)) this.fail(t);
        return { k: 'var', name: t.text, optional: false, sp: t.span };
      case 'punct':
        if (t.text === '[') return this.array(t);
        if (t.text === '{') return this.object(t);
        if (t.text === '(') {
          const e = this.expr();
          this.expect(')');
          return e;
        }
        if (t.text === '{{') return this.template(t);
        return this.fail(t);
      default:
        return this.fail(t);
    }
  }

  private string(open: Token): Node {
    const parts: (string | Node)[] = [];
    for (;;) {
      const p = this.sc.stringPiece();
      if (p.kind === 'close') {
        const sp = span(open.span, p.span);
        if (parts.every((x) => typeof x === 'string')) return { k: 'lit', v: parts.join(''), sp };
        return { k: 'str', parts, sp };
      }
      if (p.kind === 'text') parts.push(p.text);
      else {
        parts.push(this.expr());
        this.closeTemplate();
        if (this.buf.length > 0) this.fail(this.peek());
      }
    }
  }

  private array(open: Token): Node {
    const items: Node[] = [];
    if (!this.is(this.peek(), ']')) {
      items.push(this.expr());
      while (this.is(this.peek(), ',')) {
        this.next();
        items.push(this.expr());
      }
    }
    return { k: 'arr', items, sp: span(open.span, this.expect(']').span) };
  }

  private object(open: Token): Node {
    const fields: (readonly [string, Node])[] = [];
    const seen = new Set<string>();
    if (!this.is(this.peek(), '}') && !this.is(this.peek(), '}}')) {
      for (;;) {
        const kt = this.next();
        if (kt.kind !== 'dq') this.fail(kt);
        const key = this.string(kt);
        if (key.k !== 'lit' || typeof key.v !== 'string') this.fail(kt);
        this.expect(':');
        const value = this.expr();
        // Kriti builds the object with a reversed list, so the first occurrence of a key wins.
        if (!seen.has(key.v)) fields.push([key.v, value]);
        seen.add(key.v);
        if (!this.is(this.peek(), ',')) break;
        this.next();
      }
    }
    return { k: 'obj', fields, sp: span(open.span, this.closeBrace()) };
  }

  /** After `{{`: `if`, `range`, or a value. */
  private template(open: Token): Node {
    const kw = this.peek();
    if (this.is(kw, 'if')) return this.conditional(open);
    if (this.is(kw, 'range')) return this.range(open);
    const e = this.expr();
    this.closeTemplate();
    return e;
  }

  private keywordTag(word: string): Span {
    const open = this.expect('{{');
    this.expect(word);
    return span(open.span, this.closeTemplate());
  }

  private conditional(open: Token): Node {
    this.next();
    return this.branch(open);
  }

  /** After `{{ if` or `{{ elif`: the condition, the branch, and what follows. */
  private branch(open: Token): Node {
    const cond = this.expr();
    this.closeTemplate();
    const then = this.expr();
    this.expect('{{');
    const kw = this.next();
    if (this.is(kw, 'end')) return { k: 'if', cond, then, else: null, sp: span(open.span, this.closeTemplate()) };
    if (this.is(kw, 'elif')) {
      const rest = this.branch({ ...kw, span: span(open.span, kw.span) });
      return { k: 'if', cond, then, else: rest, sp: span(open.span, rest.sp) };
    }
    if (!this.is(kw, 'else')) this.fail(kw);
    this.closeTemplate();
    const otherwise = this.expr();
    const end = this.keywordTag('end');
    return { k: 'if', cond, then, else: otherwise, sp: span(open.span, end) };
  }

  private binder(): string | null {
    const t = this.next();
    if (this.is(t, '_')) return null;
    if (t.kind !== 'ident' || KEYWORDS.has(t.text)) this.fail(t);
    return t.text;
  }

  private range(open: Token): Node {
    this.next();
    let idx = this.binder();
    let bind = idx;
    if (this.is(this.peek(), ',')) {
      this.next();
      bind = this.binder();
    } else idx = null;
    if (bind === null) this.fail(this.peek());
    this.expect(':=');
    const src = this.expr();
    this.closeTemplate();
    const body = this.expr();
    const end = this.keywordTag('end');
    return { k: 'range', idx, bind, src, body, sp: span(open.span, end) };
  }
}

/** Parse a template; a syntax error is a `KritiError` with code `Parse Error`. */
export function parseKriti(src: string): KritiTemplate {
  try {
    return { root: new Parser(src).parse() };
  } catch (e) {
    if (e instanceof LexError) throw new KritiError('Parse Error', e.message, e.span);
    throw e;
  }
}

export type { Node as KritiNode };
