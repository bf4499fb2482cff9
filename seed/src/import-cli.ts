/**
 * `DATABASE_URL=… tsx seed/src/import-cli.ts <season.json>`, behind `npm run import -- <season.json>`; `--help` for
 * the options. Exit codes: 0 imported or help, 1 the import failed (nothing written), 2 a wrong command line.
 */
import { readFile } from 'node:fs/promises';
import { IMPORT_USAGE, parseImportArgs, UsageError } from './cli-args.js';
import { importSeason } from './import.js';
import { SeasonFormatError } from './season-format.js';

async function main(argv: string[]): Promise<number> {
  const args = parseImportArgs(argv, { DATABASE_URL: process.env['DATABASE_URL'] });
  if (args.help) {
    process.stdout.write(IMPORT_USAGE);
    return 0;
  }
  const summary = await importSeason(args.databaseUrl, await readFile(args.file, 'utf8'));
  process.stderr.write(
    `imported season ${summary.season_code}: ${summary.courses} courses, ${summary.listings} listings\n`,
  );
  return 0;
}

main(process.argv.slice(2)).then(
  (code) => (process.exitCode = code),
  (err: unknown) => {
    if (err instanceof UsageError) {
      process.stderr.write(`import: ${err.message} (see --help)\n`);
      process.exitCode = 2;
      return;
    }
    const message = err instanceof SeasonFormatError || err instanceof Error ? err.message : 'failed';
    process.stderr.write(`import: ${message}\nnothing was written\n`);
    process.exitCode = 1;
  },
);
