/**
 * `tsx seed/src/cli.ts --seed N --scale X --database-url URL`: loads the deterministic sample data into a migrated,
 * empty database. DATABASE_URL is used when --database-url is absent.
 */
import { parseArgs } from 'node:util';
import { seedDatabase } from './generate.js';
import { progress } from './progress.js';

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      seed: { type: 'string', default: '1' },
      scale: { type: 'string', default: '1' },
      'database-url': { type: 'string' },
      reset: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    process.stdout.write('usage: seed --seed N --scale X [--reset] --database-url postgres://…\n');
    return;
  }
  const seed = Number(values.seed);
  const scale = Number(values.scale);
  const url = values['database-url'] ?? process.env['DATABASE_URL'];
  if (!Number.isInteger(seed) || !(scale > 0) || !url) {
    throw new Error('expected --seed <integer> --scale <positive number> --database-url <url>');
  }
  const bar = progress('seeding');
  try {
    await seedDatabase(url, {
      seed,
      scale,
      reset: values.reset,
      log: (line) => process.stderr.write(`${line}\n`),
      ...(bar ? { onProgress: (done: number, total: number) => bar.update(done, total) } : {}),
    });
  } finally {
    bar?.stop();
  }
}

main().catch((err: unknown) => {
  process.stderr.write(`seed: ${err instanceof Error ? err.message : 'failed'}\n`);
  process.exitCode = 1;
});
