/**
 * On-demand scanner for Kriti templates (src: hasura/kriti-lang `src/Kriti/Parser/Lexer.x`). Kriti's lexer has two
 * modes: code (JSON punctuation, identifiers, numbers, operators inside and outside `{{ }}`) and string (text up to
 * `"` with `{{ … }}` interpolations). The parser drives the mode: it asks for a code token, or, after a `"` token, for
 * string pieces. Positions are 0-based lines and columns, as Kriti's `source_position`.
 */

export interface Pos {
  readonly line: number;
  readonly col: number;
}

export interface Span {
  readonly start: Pos;
  readonly end: Pos;
}

export type TokenKind = 'ident' | 'num' | 'sq' | 'dq' | 'punct' | 'eof';

export interface Token {
  readonly kind: TokenKind;
  /** Source text (`punct`: the symbol; `sq`: the quoted text with quotes). */
  readonly text: string;
  /** `num`: the number; `sq`: the unquoted string. */
  readonly value?: number | string;
  readonly span: Span;
}

/** A piece of a string literal: text, the start of an interpolation (`{{`), or the closing quote. */
export type StringPiece =
  | { readonly kind: 'text'; readonly text: string }
  | { readonly kind: 'open'; readonly span: Span }
  | { readonly kind: 'close'; readonly span: Span };

/** Thrown by the scanner; the parser turns it into a Kriti `Parse Error`. */
export class LexError extends Error {
  constructor(
    message: string,
    readonly span: Span,
  ) {
    super(message);
  }
}

const PUNCT = ['{{', '}}', '??', '?.', '?[', '==', '!=', '<=', '>=', '&&', '||', ':=', '{', '}', '[', ']', '(', ')'];
const PUNCT1 = [',', ':', '.', '?', '<', '>', '_'];
const IDENT = /\$?[A-Za-z][$A-Za-z0-9_-]*|\$/y;
const NUMBER = /-?[0-9]+(?:\.[0-9]+)?(?:[eE][+-]?[0-9]+)?/y;
const ESCAPES: Readonly<Record<string, string>> = {
  '"': '"',
  '\\': '\\',
  '/': '/',
  b: '\b',
  f: '\f',
  n: '\n',
  r: '\r',
  t: '\t',
  '{': '{',
  "'": "'",
};

export class Scanner {
  private i = 0;
  private line = 0;
  private col = 0;

  constructor(private readonly src: string) {}

  pos(): Pos {
    return { line: this.line, col: this.col };
  }

  private advance(n: number): void {
    for (let k = 0; k < n; k++) {
      if (this.src[this.i] === '\n') {
        this.line++;
        this.col = 0;
      } else this.col++;
      this.i++;
    }
  }

  private skipSpace(): void {
    for (;;) {
      const c = this.src[this.i];
      if (c === ' ' || c === '\t' || c === '\n' || c === '\r') this.advance(1);
      else if (c === '#') while (this.i < this.src.length && this.src[this.i] !== '\n') this.advance(1);
      else return;
    }
  }

  private take(kind: TokenKind, text: string, value?: number | string): Token {
    const start = this.pos();
    this.advance(text.length);
    return value === undefined
      ? { kind, text, span: { start, end: this.pos() } }
      : { kind, text, value, span: { start, end: this.pos() } };
  }

  /** The next code-mode token. */
  next(): Token {
    this.skipSpace();
    const s = this.src;
    if (this.i >= s.length) return { kind: 'eof', text: '', span: { start: this.pos(), end: this.pos() } };
    const c = s[this.i] ?? '';
    if (c === '"') return this.take('dq', '"');
    if (c === "'") {
      const close = s.indexOf("'", this.i + 1);
      if (close < 0) throw new LexError('ParseError: Invalid Lexeme', { start: this.pos(), end: this.pos() });
      const raw = s.slice(this.i, close + 1);
      return this.take('sq', raw, raw.slice(1, -1));
    }
    NUMBER.lastIndex = this.i;
    const num = NUMBER.exec(s);
    if (num) return this.take('num', num[0], Number(num[0]));
    IDENT.lastIndex = this.i;
    const id = IDENT.exec(s);
    if (id) return this.take('ident', id[0]);
    const p = PUNCT.find((x) => s.startsWith(x, this.i)) ?? PUNCT1.find((x) => x === c);
    if (p) return this.take('punct', p);
    throw new LexError('ParseError: Invalid Lexeme', { start: this.pos(), end: this.pos() });
  }

  /** The next piece of a string literal whose opening quote has been consumed. */
  stringPiece(): StringPiece {
    const s = this.src;
    if (this.i >= s.length)
      throw new LexError('ParseError: Empty token stream.', { start: this.pos(), end: this.pos() });
    if (s[this.i] === '"') {
      const start = this.pos();
      this.advance(1);
      return { kind: 'close', span: { start, end: this.pos() } };
    }
    if (s.startsWith('{{', this.i)) {
      const start = this.pos();
      this.advance(2);
      return { kind: 'open', span: { start, end: this.pos() } };
    }
    let text = '';
    while (this.i < s.length && s[this.i] !== '"' && !s.startsWith('{{', this.i)) {
      const c = s[this.i] ?? '';
      if (c === '\\' && this.i + 1 < s.length) {
        const e = s[this.i + 1] ?? '';
        if (e === 'u' && /^[0-9a-fA-F]{4}$/.test(s.slice(this.i + 2, this.i + 6))) {
          text += String.fromCharCode(parseInt(s.slice(this.i + 2, this.i + 6), 16));
          this.advance(6);
          continue;
        }
        const mapped = ESCAPES[e];
        text += mapped ?? c + e;
        this.advance(2);
        continue;
      }
      text += c;
      this.advance(1);
    }
    return { kind: 'text', text };
  }
}
