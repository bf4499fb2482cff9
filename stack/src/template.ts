/**
 * Builds a database from the project's migrations and (optionally) the deterministic sample data. The migration
 * runner and seed generator live in their own folders; this module only composes them, importing them lazily so the
 * harness works while a part is absent.
 */
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Stack } from './harness.js';

const REPO = resolve(fileURLToPath(new URL('../..', import.meta.url)));

interface MigrationsModule {
  migrateUp: (databaseUrl: string, opts?: { log?: (line: string) => void }) => Promise<unknown>;
}
interface SeedModule {
  seedDatabase(
    databaseUrl: string,
    opts: { seed: number; scale: number; log?: (line: string) => void },
  ): Promise<unknown>;
}

async function optionalModule<T>(relPath: string): Promise<T | undefined> {
  const file = join(REPO, relPath);
  if (!existsSync(file)) return undefined;
  return (await import(pathToFileURL(file).href)) as T;
}

/** Create `name` owned by ct_owner, run every migration as ct_owner, and seed it when `seed` is given. */
export async function buildDatabase(
  stack: Stack,
  name: string,
  opts: { seed?: { seed: number; scale: number }; log?: (line: string) => void } = {},
): Promise<{ migrated: boolean; seeded: boolean }> {
  const log = opts.log ?? (() => undefined);
  await stack.createDatabase(name);
  const url = stack.directUrl(name, 'ct_owner');
  const migrations = await optionalModule<MigrationsModule>('migrations/run.ts');
  if (!migrations) return { migrated: false, seeded: false };
  await migrations.migrateUp(url, { log });
  if (!opts.seed) return { migrated: true, seeded: false };
  const seed = await optionalModule<SeedModule>('seed/src/generate.ts');
  if (!seed) return { migrated: true, seeded: false };
  await seed.seedDatabase(url, { ...opts.seed, log });
  return { migrated: true, seeded: true };
}
