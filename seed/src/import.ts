/**
 * Season import (the role ferry plays for CourseTable): `npm run import -- <season.json>` or
 * `importSeason(databaseUrl, json)`. Validates the whole file first (zod + reference checks, errors name the record
 * and field), then replaces that season's course data and upserts the shared rows, all in one transaction: on any
 * error nothing is written. Format: seed/season-format.md.
 */
import pg from 'pg';
import { SeasonFormatError, validateSeason, type SeasonFile } from './season-format.js';
import { writeSeasons } from './write.js';

export interface ImportSummary {
  season_code: string;
  courses: number;
  listings: number;
}

/** `json` is the file's text or an already parsed value. */
export async function importSeason(databaseUrl: string, json: unknown): Promise<ImportSummary> {
  let input: unknown = json;
  if (typeof json === 'string') {
    try {
      input = JSON.parse(json);
    } catch (err) {
      throw new SeasonFormatError([`(root): malformed JSON (${err instanceof Error ? err.message : 'parse error'})`]);
    }
  }
  const season = validateSeason(input);
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query('begin');
    await checkOutsideReferences(client, season);
    await writeSeasons(client, [season], { replace: true });
    await client.query('commit');
  } catch (err) {
    await client.query('rollback').catch(() => undefined);
    throw err;
  } finally {
    await client.end();
  }
  return { season_code: season.season_code, courses: season.courses.length, listings: season.listings.length };
}

/** last_offered/last_enrollment pointers may name courses of other seasons: those must exist already. */
async function checkOutsideReferences(client: pg.ClientBase, s: SeasonFile): Promise<void> {
  const own = new Set(s.courses.map((c) => c.course_id));
  const refs: Array<[string, number]> = [];
  s.courses.forEach((c, i) => {
    for (const field of ['last_offered_course_id', 'last_enrollment_course_id'] as const) {
      const id = c[field];
      if (id !== null && !own.has(id)) refs.push([`courses[${i}].${field}`, id]);
    }
  });
  const seasons: Array<[string, string]> = [];
  s.courses.forEach((c, i) => {
    const code = c.last_enrollment_season_code;
    if (code !== null && code !== s.season_code) seasons.push([`courses[${i}].last_enrollment_season_code`, code]);
  });
  const { rows } = await client.query<{ course_id: number }>(
    `select course_id from courses where course_id = any($1) and season_code <> $2`,
    [refs.map(([, id]) => id), s.season_code],
  );
  const { rows: seasonRows } = await client.query<{ season_code: string }>(
    'select season_code from seasons where season_code = any($1)',
    [seasons.map(([, code]) => code)],
  );
  const found = new Set(rows.map((r) => r.course_id));
  const foundSeasons = new Set(seasonRows.map((r) => r.season_code));
  const issues = [
    ...refs.filter(([, id]) => !found.has(id)).map(([path, id]) => `${path}: unknown course ${id}`),
    ...seasons.filter(([, c]) => !foundSeasons.has(c)).map(([path, c]) => `${path}: unknown season ${c}`),
  ];
  if (issues.length) throw new SeasonFormatError(issues);
}
