/** `.env` files as compose reads them: comments, quoting, escapes, interpolation, errors with line numbers. */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ComposeError, parseDotenv, readDotenv } from '../../src/compose/index.js';

describe('parseDotenv', () => {
  it.each<[string, string, Record<string, string>]>([
    ['simple', 'A=1\nB=two', { A: '1', B: 'two' }],
    ['export prefix', 'export A=1\nexport   B=2', { A: '1', B: '2' }],
    ['blank lines and comments', '\n# a comment\n  # indented comment\n\nA=1\n\n', { A: '1' }],
    ['empty value', 'A=\nB=""', { A: '', B: '' }],
    ['unquoted values are trimmed', 'A=   spaced out   ', { A: 'spaced out' }],
    ['spaces around =', 'A = 1', { A: '1' }],
    ['inline comment after a blank', 'A=value # comment\nB=x\t# tab comment', { A: 'value', B: 'x' }],
    ['# without a blank before it is part of the value', 'A=a#b\nB=#hash', { A: 'a#b', B: '#hash' }],
    ['a comment right after =', 'A= # nothing', { A: '' }],
    ['= inside the value', 'URL=postgres://u:p@h/db?a=b', { URL: 'postgres://u:p@h/db?a=b' }],
    ['single quotes are literal', "A='x ${B} \\n # not a comment'", { A: 'x ${B} \\n # not a comment' }],
    ['double quotes keep # and blanks', 'A="  x # y  "', { A: '  x # y  ' }],
    ['double-quote escapes', 'A="l1\\nl2\\tt \\\\ \\" end"', { A: 'l1\nl2\tt \\ " end' }],
    ['escaped dollar in double quotes', 'A="\\$HOME"', { A: '$HOME' }],
    ['multi-line double quotes', 'A="one\ntwo"\nB=3', { A: 'one\ntwo', B: '3' }],
    ['multi-line single quotes', "A='one\ntwo'\nB=3", { A: 'one\ntwo', B: '3' }],
    ['comment after a quoted value', 'A="x" # c\nB=\'y\'   ', { A: 'x', B: 'y' }],
    ['interpolation of earlier variables', 'A=1\nB=${A}-x\nC="$A$B"', { A: '1', B: '1-x', C: '11-x' }],
    ['interpolation defaults', 'A=${NOPE:-dflt}\nB=${NOPE-}', { A: 'dflt', B: '' }],
    ['no interpolation in single quotes', "A=1\nB='${A}'", { A: '1', B: '${A}' }],
    ['later lines cannot see later variables', 'B=${A}\nA=1', { B: '', A: '1' }],
    ['yaml-style separator (compose accepts it)', 'A: 1', { A: '1' }],
    ['CRLF line ends', 'A=1\r\nB="x"\r\n', { A: '1', B: 'x' }],
    ['last definition wins', 'A=1\nA=2', { A: '2' }],
    ['dots and dashes in names', 'my.key=1\nmy-key=2', { 'my.key': '1', 'my-key': '2' }],
  ])('%s', (_name, text, expected) => {
    expect(parseDotenv(text)).toEqual(expected);
  });

  it('interpolates from the given env first, then from earlier lines', () => {
    expect(parseDotenv('A=file\nB=${A}\nC=${HOST_ONLY}', { A: 'env', HOST_ONLY: 'h' })).toEqual({
      A: 'file',
      B: 'env',
      C: 'h',
    });
  });

  it('a bare KEY takes its value from the env, and is omitted when unset', () => {
    expect(parseDotenv('FROM_ENV\nNOT_SET\nA=1', { FROM_ENV: 'yes' })).toEqual({ FROM_ENV: 'yes', A: '1' });
  });

  it.each([
    ['not a variable line', 'A=1\nthis is not valid', /\.env:2: /],
    ['bad character in a name', 'A=1\n\nB$C=1', /\.env:3: /],
    ['unterminated double quote', 'A=1\nB="open\nC=2', /\.env:2: unterminated quoted value for B/],
    ['unterminated single quote', "A='open", /\.env:1: unterminated quoted value for A/],
    ['junk after a quoted value', 'A="x" y', /\.env:1: unexpected "y"/],
    ['line numbers count quoted line breaks', 'A="1\n2\n3"\nbroken line', /\.env:4: /],
    ['required variable', 'A=${NEEDED?set it}', /\.env:1: required variable NEEDED is missing a value: set it/],
  ])('%s → ComposeError with the line', (_name, text, message) => {
    expect(() => parseDotenv(text)).toThrow(ComposeError);
    expect(() => parseDotenv(text)).toThrow(message);
  });
});

describe('readDotenv', () => {
  const dir = mkdtempSync(join(tmpdir(), 'compose-dotenv-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('reads a file, naming it in errors', () => {
    const file = join(dir, '.env');
    writeFileSync(file, 'A=1\nB="${A}2"\n');
    expect(readDotenv(file)).toEqual({ A: '1', B: '12' });
    writeFileSync(file, 'A=1\noops here\n');
    expect(() => readDotenv(file)).toThrow(`${file}:2: `);
  });

  it('a missing file is an empty environment', () => {
    expect(readDotenv(join(dir, 'nope.env'))).toEqual({});
  });
});
