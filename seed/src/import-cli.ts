/** `DATABASE_URL=… tsx seed/src/import-cli.ts <season.json>`, behind `npm run import -- <season.json>`. */
import { readFile } from 'node:fs/promises';
import { importSeason } from './import.js';
import { SeasonFormatError } from './season-format.js';

async function main(argv: string[]): Promise<void> {
  const file = argv[0];
  const url = process.env['DATABASE_URL'];
  if (!file || !url) {
    process.stderr.write('usage: DATABASE_URL=postgres://… tsx seed/src/import-cli.ts <season.json>\n');
    process.exitCode = 2;
    return;
  }
  const summary = await importSeason(url, await readFile(file, 'utf8'));
  process.stderr.write(
    `imported season ${summary.season_code}: ${summary.courses} courses, ${summary.listings} listings\n`,
  );
}

main(process.argv.slice(2)).catch((err: unknown) => {
  const message = err instanceof SeasonFormatError || err instanceof Error ? err.message : 'failed';
  process.stderr.write(`import: ${message}\nnothing was written\n`);
  process.exitCode = 1;
});
