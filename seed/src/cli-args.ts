/**
 * Argument parsing of the two seed CLIs (cli.ts: sample data; import-cli.ts: one season), kept pure so it is
 * unit-tested: `--help` must work before any database is named (npm run seed/import pass it through), and a wrong
 * command line must end with one line and exit code 2 rather than a stack trace or a connection attempt.
 */
import { parseArgs } from 'node:util';

/** A command-line mistake: the CLI prints `<name>: <message>` and exits 2. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}

export const SEED_USAGE = `usage: npm run seed -- [--reset] [--seed N] [--scale X]
       tsx seed/src/cli.ts [--reset] [--seed N] [--scale X] [--database-url URL]

Loads the deterministic sample data (seasons, courses, evaluations, users with worksheets, friends …) into a
migrated database, in one transaction.

options:
  --reset             empty every course and user table first. Needed whenever the database already holds
                      courses, as the local stack's does (npm start seeds it): without --reset the seed refuses
  --seed N            integer seed of the generator; the same seed and scale give the same data (default: 1)
  --scale X           size, a positive number: 1 = 4 seasons, 10,000 courses, 300 users (default: 1)
  --database-url URL  Postgres URL, as the owner role ct_owner (default: $DATABASE_URL; npm run seed sets it to
                      the local stack's database)
  -h, --help          print this help and exit

examples:
  npm run seed -- --reset --seed 1 --scale 1
  tsx seed/src/cli.ts --seed 42 --scale 0.05 --database-url postgres://ct_owner:…@127.0.0.1:5432/coursetable
`;

export const IMPORT_USAGE = `usage: npm run import -- <season.json>
       DATABASE_URL=postgres://ct_owner:…@host/coursetable tsx seed/src/import-cli.ts <season.json>

Imports one season of course data (format: seed/season-format.md) in one transaction: the season's course rows
are replaced, user data is kept. A file that does not match the format is refused and nothing is written.

arguments:
  <season.json>       the season file, e.g. seed/examples/season-sample.json

options:
  --database-url URL  Postgres URL, as the owner role ct_owner (default: $DATABASE_URL; npm run import sets it
                      to the local stack's database)
  -h, --help          print this help and exit

example:
  npm run import -- seed/examples/season-sample.json
`;

/** node:util parseArgs errors are long and name the fix for positionals; the first sentence is the message. */
function usageErrors<T>(parse: () => T): T {
  try {
    return parse();
  } catch (err) {
    if (err instanceof TypeError && String((err as { code?: unknown }).code).startsWith('ERR_PARSE_ARGS')) {
      throw new UsageError(err.message.split(/\.\s/)[0] ?? err.message);
    }
    throw err;
  }
}

export type SeedArgs =
  { help: true } | { help: false; seed: number; scale: number; reset: boolean; databaseUrl: string };

export function parseSeedArgs(argv: string[], env: { DATABASE_URL?: string | undefined }): SeedArgs {
  const { values } = usageErrors(() =>
    parseArgs({
      args: argv,
      options: {
        seed: { type: 'string', default: '1' },
        scale: { type: 'string', default: '1' },
        'database-url': { type: 'string' },
        reset: { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
      strict: true,
      allowPositionals: false,
    }),
  );
  if (values.help) return { help: true };
  const seed = Number(values.seed);
  const scale = Number(values.scale);
  if (!/^-?\d+$/.test(values.seed.trim()) || !Number.isSafeInteger(seed)) {
    throw new UsageError(`--seed: not an integer: ${values.seed}`);
  }
  if (!(scale > 0) || !Number.isFinite(scale)) throw new UsageError(`--scale: not a positive number: ${values.scale}`);
  const databaseUrl = values['database-url'] ?? env.DATABASE_URL;
  if (!databaseUrl) throw new UsageError('no database: give --database-url or set DATABASE_URL');
  return { help: false, seed, scale, reset: values.reset, databaseUrl };
}

export type ImportArgs = { help: true } | { help: false; file: string; databaseUrl: string };

export function parseImportArgs(argv: string[], env: { DATABASE_URL?: string | undefined }): ImportArgs {
  const { values, positionals } = usageErrors(() =>
    parseArgs({
      args: argv,
      options: {
        'database-url': { type: 'string' },
        help: { type: 'boolean', short: 'h', default: false },
      },
      strict: true,
      allowPositionals: true,
    }),
  );
  if (values.help) return { help: true };
  const [file, ...extra] = positionals;
  if (!file) throw new UsageError('missing <season.json>');
  if (extra.length > 0) throw new UsageError(`one season file at a time (also got ${extra.join(' ')})`);
  const databaseUrl = values['database-url'] ?? env.DATABASE_URL;
  if (!databaseUrl) throw new UsageError('no database: give --database-url or set DATABASE_URL');
  return { help: false, file, databaseUrl };
}

export const COURSETABLE_USAGE = `usage: npm run import:coursetable -- --from URL [--cas-issuer URL] [--dry-run]
       tsx seed/src/coursetable/cli.ts --from URL [--cas-issuer URL] [--database-url URL] [--dry-run]

Copies CourseTable's user data (its coursetable_data database: settings, worksheets, wishlist, friends, friend
requests, saved searches) into this system's database, in one transaction. Each netId becomes the user of its CAS
identity, so CourseTable users log in with CAS as before and find their data. Rows already here are left as they
are: running it again changes nothing. Skipped and adjusted rows are counted by reason. See
docs/migrating-from-coursetable.md.

options:
  --from URL          CourseTable's user database, e.g. postgres://…@host:5432/coursetable_data (only read)
  --cas-issuer URL    the CAS server's base URL, exactly as the API's CAS_BASE_URL (default: $CAS_BASE_URL)
  --database-url URL  this system's Postgres, as the owner role ct_owner (default: $DATABASE_URL; npm run
                      import:coursetable sets it to the local stack's database)
  --dry-run           do everything, print the report, and roll back
  -h, --help          print this help and exit

example:
  npm run import:coursetable -- --from postgres://ct:…@127.0.0.1:5433/coursetable_data \\
    --cas-issuer https://secure.its.yale.edu/cas --dry-run
`;

export type CourseTableArgs =
  { help: true } | { help: false; from: string; casIssuer: string; databaseUrl: string; dryRun: boolean };

export function parseCourseTableArgs(
  argv: string[],
  env: { DATABASE_URL?: string | undefined; CAS_BASE_URL?: string | undefined },
): CourseTableArgs {
  const { values } = usageErrors(() =>
    parseArgs({
      args: argv,
      options: {
        from: { type: 'string' },
        'cas-issuer': { type: 'string' },
        'database-url': { type: 'string' },
        'dry-run': { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
      strict: true,
      allowPositionals: false,
    }),
  );
  if (values.help) return { help: true };
  if (!values.from) throw new UsageError("missing --from: CourseTable's user database");
  const casIssuer = values['cas-issuer'] ?? env.CAS_BASE_URL;
  if (!casIssuer) throw new UsageError('no CAS issuer: give --cas-issuer or set CAS_BASE_URL');
  if (!/^https?:\/\/[^/]/.test(casIssuer)) throw new UsageError(`--cas-issuer: not an http(s) URL: ${casIssuer}`);
  const databaseUrl = values['database-url'] ?? env.DATABASE_URL;
  if (!databaseUrl) throw new UsageError('no database: give --database-url or set DATABASE_URL');
  return { help: false, from: values.from, casIssuer, databaseUrl, dryRun: values['dry-run'] };
}
