/**
 * Programmatic entry points over node-pg-migrate's runner, used by the harness (template database), by
 * `npm run db:migrate` and by the migration tests. Migrations run as ct_owner on a database it owns.
 */
import { fileURLToPath } from 'node:url';
import { runner } from 'node-pg-migrate';

export const MIGRATIONS_DIR = fileURLToPath(new URL('.', import.meta.url));

export interface MigrateOptions {
  /** Progress lines (one per migration); silent when omitted. */
  log?: (line: string) => void;
  /** How many pending migrations to apply (default: all). */
  count?: number;
}

async function run(
  databaseUrl: string,
  direction: 'up' | 'down',
  count: number,
  opts: MigrateOptions,
): Promise<string[]> {
  const log = opts.log;
  const done: Array<{ name: string }> = await runner({
    databaseUrl,
    dir: MIGRATIONS_DIR,
    // Only `<digits>_<name>.ts` files are migrations; run.ts, README.md, lib/ and test/ are not.
    ignorePattern: String.raw`(?!\d+_[\w-]+\.ts$).*`,
    migrationsTable: 'pgmigrations',
    direction,
    count,
    checkOrder: true,
    singleTransaction: true,
    log: () => {},
    logger: { debug: () => {}, info: () => {}, warn: (m: string) => log?.(m), error: (m: string) => log?.(m) },
  });
  for (const m of done) log?.(`migrated ${direction}: ${m.name}`);
  return done.map((m) => m.name);
}

/** Applies every pending migration; returns the names applied. */
export function migrateUp(databaseUrl: string, opts: MigrateOptions = {}): Promise<string[]> {
  return run(databaseUrl, 'up', opts.count ?? Infinity, opts);
}

/** Reverts the last `count` applied migrations (all of them with `Infinity`); returns the names reverted. */
export function migrateDown(databaseUrl: string, count = 1, opts: MigrateOptions = {}): Promise<string[]> {
  return run(databaseUrl, 'down', count, opts);
}
