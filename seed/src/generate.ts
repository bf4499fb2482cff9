/**
 * The deterministic sample data set: `seedDatabase(url, { seed, scale })` generates the catalog and the users in
 * memory and loads them in one transaction (used by the harness for `ct_template` and by `npm run seed`).
 */
import pg from 'pg';
import { generateCatalog } from './catalog.js';
import { generateUsers } from './users.js';
import { writeSeasons, writeUsers } from './write.js';
import { COURSE_TABLES, USER_TABLES } from '../../migrations/lib/tables.js';

/** Every course and user table except metadata (its single row stays). */
const DATA_TABLES = [...COURSE_TABLES.filter((t) => t !== 'metadata'), ...USER_TABLES];

export interface SeedOptions {
  seed: number;
  scale: number;
  log?: (line: string) => void;
  /** Empty every course and user table first (otherwise the database must not hold courses yet). */
  reset?: boolean;
  /** Rows written so far out of `total` (for a progress bar). */
  onProgress?: (done: number, total: number) => void;
}

export interface SeedSummary {
  seasons: string[];
  courses: number;
  listings: number;
  users: number;
  rows: number;
  ms: number;
}

export async function seedDatabase(databaseUrl: string, opts: SeedOptions): Promise<SeedSummary> {
  const started = Date.now();
  const log = opts.log ?? (() => undefined);
  const files = generateCatalog(opts);
  const crns = new Map(files.map((f) => [f.season_code, f.listings.map((l) => l.crn)]));
  const users = generateUsers(opts, crns);
  const total: number =
    files.reduce<number>(
      (n, f) =>
        n +
        f.courses.length +
        f.listings.length +
        f.course_professors.length +
        f.course_flags.length +
        f.course_meetings.length +
        f.evaluation_statistics.length +
        f.evaluation_ratings.length +
        f.evaluation_narratives.length +
        f.evaluation_narrative_summaries.length,
      files[0]?.professors.length ?? 0,
    ) + Object.values(users).reduce<number>((n, rows: unknown[]) => n + rows.length, 0);
  log(`seed ${opts.seed} scale ${opts.scale}: generated ${total} rows in ${Date.now() - started} ms`);

  let done = 0;
  let lastLogged = 0;
  const onRows = (table: string, n: number) => {
    done += n;
    opts.onProgress?.(done, total);
    if (!opts.onProgress && done - lastLogged >= 50000) {
      lastLogged = done;
      log(`  ${done}/${total} rows (${table})`);
    }
  };
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query('begin');
    if (opts.reset) {
      await client.query(`truncate ${DATA_TABLES.join(', ')} restart identity`);
    } else {
      const { rows } = await client.query<{ n: string }>('select count(*) as n from courses');
      if (rows[0]?.n !== '0') throw new Error('the database already holds courses (use --reset to replace them)');
    }
    await writeSeasons(client, files, { replace: false, onRows });
    await writeUsers(client, users, { onRows });
    await client.query('commit');
    await client.query('analyze');
  } catch (err) {
    await client.query('rollback').catch(() => undefined);
    throw err;
  } finally {
    await client.end();
  }
  const summary: SeedSummary = {
    seasons: files.map((f) => f.season_code),
    courses: files.reduce((n, f) => n + f.courses.length, 0),
    listings: files.reduce((n, f) => n + f.listings.length, 0),
    users: users.users.length,
    rows: total,
    ms: Date.now() - started,
  };
  log(
    `seeded ${summary.courses} courses, ${summary.listings} listings, ${summary.users} users ` +
      `(${summary.rows} rows, seasons ${summary.seasons.join(' ')}) in ${(summary.ms / 1000).toFixed(1)} s`,
  );
  return summary;
}
