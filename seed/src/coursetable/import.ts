/**
 * Moves CourseTable's user data into this system: `importCourseTable({ sourceUrl, targetUrl, casIssuer })`, behind
 * `npm run import:coursetable`. Reads the source as one snapshot, maps it (map.ts) and writes it in one transaction
 * on the target (write.ts): any error writes nothing; `dryRun` does all of it and rolls back. Running it twice
 * changes nothing. docs/migrating-from-coursetable.md is the operator's guide.
 */
import pg from 'pg';
import { mapCourseTable, type MapReport } from './map.js';
import { readCourseTable } from './source.js';
import { writeCourseTable, type WriteCounts } from './write.js';

export interface ImportOptions {
  /** CourseTable's user database (coursetable_data); only read */
  sourceUrl: string;
  /** this system's database, as the owner role ct_owner */
  targetUrl: string;
  /** the CAS server's base URL exactly as the API's CAS_BASE_URL: the issuer of the users' CAS identities */
  casIssuer: string;
  dryRun?: boolean;
}

export interface ImportReport extends MapReport, WriteCounts {
  dryRun: boolean;
}

export async function importCourseTable(opts: ImportOptions): Promise<ImportReport> {
  const source = new pg.Client({ connectionString: opts.sourceUrl, application_name: 'coursetable-import' });
  await source.connect();
  let data;
  try {
    data = await readCourseTable(source);
  } finally {
    await source.end();
  }
  const target = new pg.Client({ connectionString: opts.targetUrl, application_name: 'coursetable-import' });
  await target.connect();
  try {
    await target.query('begin');
    const seasons = await target.query<{ season_code: string }>('select season_code from seasons');
    const { rows, report } = mapCourseTable(data, new Set(seasons.rows.map((r) => r.season_code)));
    const counts = await writeCourseTable(target, rows, opts.casIssuer.replace(/\/+$/, ''));
    await target.query(opts.dryRun ? 'rollback' : 'commit');
    return { ...report, ...counts, dryRun: opts.dryRun ?? false };
  } catch (err) {
    await target.query('rollback').catch(() => undefined);
    throw err;
  } finally {
    await target.end();
  }
}
