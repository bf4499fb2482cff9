/**
 * `DATABASE_URL=… tsx migrations/cli.ts [up [N] | down [N|all]]` (default: up, all pending). Used by
 * `npm run db:migrate`; connect as ct_owner.
 */
import { migrateDown, migrateUp } from './run.js';

async function main(argv: string[]): Promise<void> {
  const [direction = 'up', countArg] = argv;
  const url = process.env['DATABASE_URL'];
  if (!url || (direction !== 'up' && direction !== 'down')) {
    process.stderr.write('usage: DATABASE_URL=postgres://ct_owner@… tsx migrations/cli.ts [up [N] | down [N|all]]\n');
    process.exitCode = 2;
    return;
  }
  const count = countArg === undefined ? undefined : countArg === 'all' ? Infinity : Number(countArg);
  if (count !== undefined && !(count > 0)) throw new Error(`bad count: ${countArg}`);
  const log = (line: string) => process.stderr.write(`${line}\n`);
  const names =
    direction === 'up'
      ? await migrateUp(url, { log, ...(count === undefined ? {} : { count }) })
      : await migrateDown(url, count ?? 1, { log });
  if (!names.length) log(`nothing to migrate ${direction}`);
}

main(process.argv.slice(2)).catch((err: unknown) => {
  process.stderr.write(`migrate: ${err instanceof Error ? err.message : 'failed'}\n`);
  process.exitCode = 1;
});
