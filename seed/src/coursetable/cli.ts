/**
 * `tsx seed/src/coursetable/cli.ts --from URL …`, behind `npm run import:coursetable`; `--help` for the options.
 * Prints the report (JSON) on stdout. Exit codes: 0 imported (or dry run, or help), 1 the import failed (nothing
 * written), 2 a wrong command line.
 */
import { COURSETABLE_USAGE, parseCourseTableArgs, UsageError } from '../cli-args.js';
import { importCourseTable } from './import.js';

async function main(argv: string[]): Promise<number> {
  const args = parseCourseTableArgs(argv, {
    DATABASE_URL: process.env['DATABASE_URL'],
    CAS_BASE_URL: process.env['CAS_BASE_URL'],
  });
  if (args.help) {
    process.stdout.write(COURSETABLE_USAGE);
    return 0;
  }
  const report = await importCourseTable({
    sourceUrl: args.from,
    targetUrl: args.databaseUrl,
    casIssuer: args.casIssuer,
    dryRun: args.dryRun,
  });
  process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
  const written = Object.values(report.tables).reduce((n, t) => n + t.inserted, 0);
  process.stderr.write(
    args.dryRun ? `dry run: would write ${written} rows; rolled back\n` : `imported: ${written} rows written\n`,
  );
  return 0;
}

main(process.argv.slice(2)).then(
  (code) => (process.exitCode = code),
  (err: unknown) => {
    if (err instanceof UsageError) {
      process.stderr.write(`import:coursetable: ${err.message} (see --help)\n`);
      process.exitCode = 2;
      return;
    }
    // the driver's message names the table or the connection problem; never the URL with its password
    process.stderr.write(`import:coursetable: ${err instanceof Error ? err.message : 'failed'}\nnothing was written\n`);
    process.exitCode = 1;
  },
);
