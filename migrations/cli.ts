/**
 * `DATABASE_URL=… tsx migrations/cli.ts [up [N] | down [N|all]]` (default: up, all pending). Used by
 * `npm run db:migrate` and the compose `migrations` service; connect as ct_owner. `--help` prints the usage before
 * DATABASE_URL is looked at. Exit codes: 0 done or help, 1 a migration failed, 2 a wrong command line.
 */
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

export const MIGRATE_USAGE = `usage: npm run db:migrate [-- up [N] | down [N|all]]
       DATABASE_URL=postgres://ct_owner:…@host:5432/coursetable tsx migrations/cli.ts [up [N] | down [N|all]]

Runs the node-pg-migrate migrations of migrations/ on the database of DATABASE_URL, as its owner ct_owner
(directly to Postgres, not through pgbouncer: node-pg-migrate holds a session-level advisory lock).

commands:
  up [N]          apply the pending migrations, all of them or the next N (the default command)
  down [N|all]    revert the last N applied migrations, or all of them (default N: 1)

options:
  -h, --help      print this help and exit

environment:
  DATABASE_URL    Postgres URL as ct_owner (required; npm run db:migrate sets it to the local stack's database)

examples:
  npm run db:migrate
  DATABASE_URL=postgres://ct_owner:…@127.0.0.1:5432/coursetable node --import tsx migrations/cli.ts down 1
`;

/** A command-line mistake: printed as `migrate: <message>`, exit 2. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}

export type MigrateArgs = { help: true } | { help: false; direction: 'up' | 'down'; count: number | undefined };

/** Pure: the command line to what to do (count undefined = all pending for up, 1 for down). */
export function parseMigrateArgs(argv: string[]): MigrateArgs {
  let parsed: { values: { help: boolean }; positionals: string[] };
  try {
    parsed = parseArgs({
      args: argv,
      options: { help: { type: 'boolean', short: 'h', default: false } },
      strict: true,
      allowPositionals: true,
    });
  } catch (err) {
    // node:util's messages go on about positionals after `--`; the first sentence says it.
    if (err instanceof TypeError) throw new UsageError(err.message.split(/\.\s/)[0] ?? err.message);
    throw err;
  }
  if (parsed.values.help) return { help: true };
  const [direction = 'up', countArg, ...extra] = parsed.positionals;
  if (direction !== 'up' && direction !== 'down') throw new UsageError(`unknown command: ${direction}`);
  if (extra.length > 0) throw new UsageError(`unexpected argument: ${extra.join(' ')}`);
  if (countArg === undefined) return { help: false, direction, count: undefined };
  if (countArg === 'all') return { help: false, direction, count: Infinity };
  const count = Number(countArg);
  if (!/^\d+$/.test(countArg) || !(count > 0)) throw new UsageError(`bad count: ${countArg} (a positive integer)`);
  return { help: false, direction, count };
}

async function main(argv: string[]): Promise<number> {
  const args = parseMigrateArgs(argv);
  if (args.help) {
    process.stdout.write(MIGRATE_USAGE);
    return 0;
  }
  const url = process.env['DATABASE_URL'];
  if (!url) throw new UsageError('DATABASE_URL is not set');
  // Loaded only now, so that --help and usage errors need no database driver or migration files.
  const { migrateDown, migrateUp } = await import('./run.js');
  const log = (line: string) => process.stderr.write(`${line}\n`);
  const names =
    args.direction === 'up'
      ? await migrateUp(url, { log, ...(args.count === undefined ? {} : { count: args.count }) })
      : await migrateDown(url, args.count ?? 1, { log });
  if (!names.length) log(`nothing to migrate ${args.direction}`);
  return 0;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main(process.argv.slice(2)).then(
    (code) => (process.exitCode = code),
    (err: unknown) => {
      const usage = err instanceof UsageError;
      process.stderr.write(
        `migrate: ${err instanceof Error ? err.message : 'failed'}${usage ? ' (see --help)' : ''}\n`,
      );
      process.exitCode = usage ? 2 : 1;
    },
  );
}
