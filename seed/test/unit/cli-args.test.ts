import { describe, expect, it } from 'vitest';
import {
  COURSETABLE_USAGE,
  IMPORT_USAGE,
  parseCourseTableArgs,
  parseImportArgs,
  parseSeedArgs,
  SEED_USAGE,
  UsageError,
} from '../../src/cli-args.js';

const URL = 'postgres://ct_owner:pw@127.0.0.1:5432/coursetable';

describe('seed CLI arguments', () => {
  it('answers --help and -h without a database', () => {
    expect(parseSeedArgs(['--help'], {})).toEqual({ help: true });
    expect(parseSeedArgs(['-h', '--seed', 'x'], {})).toEqual({ help: true });
  });

  it('documents every option, its default, --reset for a seeded database, and an example', () => {
    for (const s of ['--seed N', '--scale X', '--reset', '--database-url URL', '(default: 1)', '$DATABASE_URL'])
      expect(SEED_USAGE).toContain(s);
    expect(SEED_USAGE).toMatch(/already holds[\s\S]*courses/);
    expect(SEED_USAGE).toContain('npm run seed -- --reset --seed 1 --scale 1');
  });

  it('defaults to seed 1, scale 1, no reset, DATABASE_URL', () => {
    expect(parseSeedArgs([], { DATABASE_URL: URL })).toEqual({
      help: false,
      seed: 1,
      scale: 1,
      reset: false,
      databaseUrl: URL,
    });
    expect(parseSeedArgs(['--reset', '--seed', '42', '--scale', '0.05', '--database-url', 'x'], {})).toEqual({
      help: false,
      seed: 42,
      scale: 0.05,
      reset: true,
      databaseUrl: 'x',
    });
  });

  it('refuses unknown options, positionals and bad values with a one-line UsageError', () => {
    const cases: Array<[string[], RegExp]> = [
      [['--sead', '1'], /^Unknown option '--sead'$/],
      [['extra'], /^Unexpected argument 'extra'$/],
      [['--seed'], /--seed/],
      [['--seed', '1.5'], /^--seed: not an integer/],
      [['--scale', '0'], /^--scale: not a positive number/],
      [['--scale', 'big'], /^--scale/],
    ];
    for (const [argv, message] of cases) {
      expect(() => parseSeedArgs(argv, { DATABASE_URL: URL }), argv.join(' ')).toThrow(UsageError);
      expect(() => parseSeedArgs(argv, { DATABASE_URL: URL }), argv.join(' ')).toThrow(message);
    }
    expect(() => parseSeedArgs([], {})).toThrow(/--database-url or set DATABASE_URL/);
    try {
      parseSeedArgs(['--nope'], {});
    } catch (err) {
      expect((err as Error).message).not.toContain('\n');
    }
  });
});

describe('import CLI arguments', () => {
  it('answers --help and -h without a file or a database', () => {
    expect(parseImportArgs(['--help'], {})).toEqual({ help: true });
    expect(parseImportArgs(['-h'], {})).toEqual({ help: true });
    expect(IMPORT_USAGE).toContain('<season.json>');
    expect(IMPORT_USAGE).toContain('npm run import -- seed/examples/season-sample.json');
  });

  it('takes one season file and the database from --database-url or DATABASE_URL', () => {
    expect(parseImportArgs(['s.json'], { DATABASE_URL: URL })).toEqual({
      help: false,
      file: 's.json',
      databaseUrl: URL,
    });
    expect(parseImportArgs(['--database-url', 'x', 's.json'], { DATABASE_URL: URL })).toMatchObject({
      databaseUrl: 'x',
    });
  });

  it('refuses unknown options, a missing or second file, and no database', () => {
    expect(() => parseImportArgs(['--force', 's.json'], { DATABASE_URL: URL })).toThrow(/^Unknown option '--force'$/);
    expect(() => parseImportArgs([], { DATABASE_URL: URL })).toThrow(/missing <season.json>/);
    expect(() => parseImportArgs(['a.json', 'b.json'], { DATABASE_URL: URL })).toThrow(/one season file/);
    expect(() => parseImportArgs(['s.json'], {})).toThrow(UsageError);
  });
});

describe('import:coursetable CLI arguments', () => {
  const env = { DATABASE_URL: URL, CAS_BASE_URL: 'https://cas.example.edu/cas' };
  it('answers --help without a database and documents every option', () => {
    expect(parseCourseTableArgs(['--help'], {})).toEqual({ help: true });
    for (const s of ['--from URL', '--cas-issuer URL', '--database-url URL', '--dry-run', '$CAS_BASE_URL'])
      expect(COURSETABLE_USAGE).toContain(s);
  });
  it('takes the CAS issuer and database from the environment unless given', () => {
    expect(parseCourseTableArgs(['--from', 'postgres://src/db'], env)).toEqual({
      help: false,
      from: 'postgres://src/db',
      casIssuer: 'https://cas.example.edu/cas',
      databaseUrl: URL,
      dryRun: false,
    });
    expect(parseCourseTableArgs(['--from', 'x', '--cas-issuer', 'http://c/cas', '--dry-run'], env)).toMatchObject({
      casIssuer: 'http://c/cas',
      dryRun: true,
    });
  });
  it('refuses a missing source, a missing or non-URL issuer, and unknown options', () => {
    expect(() => parseCourseTableArgs([], env)).toThrow(UsageError);
    expect(() => parseCourseTableArgs(['--from', 'x'], { DATABASE_URL: URL })).toThrow(/CAS issuer/);
    expect(() => parseCourseTableArgs(['--from', 'x', '--cas-issuer', 'cas.example.edu'], env)).toThrow(/not an http/);
    expect(() => parseCourseTableArgs(['--from', 'x', '--bogus'], env)).toThrow(UsageError);
  });
});
