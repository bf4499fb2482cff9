/**
 * `tsx seed/src/cli.ts [--reset] [--seed N] [--scale X] [--database-url URL]` (behind `npm run seed`): loads the
 * deterministic sample data into a migrated database; `--help` for the options. DATABASE_URL is used when
 * --database-url is absent. Exit codes: 0 done or help, 1 the seed failed, 2 a wrong command line.
 */
import { parseSeedArgs, SEED_USAGE, UsageError } from './cli-args.js';
import { seedDatabase } from './generate.js';
import { progress } from './progress.js';

async function main(argv: string[]): Promise<number> {
  const args = parseSeedArgs(argv, { DATABASE_URL: process.env['DATABASE_URL'] });
  if (args.help) {
    process.stdout.write(SEED_USAGE);
    return 0;
  }
  const bar = progress('seeding');
  try {
    await seedDatabase(args.databaseUrl, {
      seed: args.seed,
      scale: args.scale,
      reset: args.reset,
      log: (line) => process.stderr.write(`${line}\n`),
      ...(bar ? { onProgress: (done: number, total: number) => bar.update(done, total) } : {}),
    });
  } finally {
    bar?.stop();
  }
  return 0;
}

main(process.argv.slice(2)).then(
  (code) => (process.exitCode = code),
  (err: unknown) => {
    if (err instanceof UsageError) {
      process.stderr.write(`seed: ${err.message} (see --help)\n`);
      process.exitCode = 2;
      return;
    }
    process.stderr.write(`seed: ${err instanceof Error ? err.message : 'failed'}\n`);
    process.exitCode = 1;
  },
);
