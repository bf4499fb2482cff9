import { readFileSync } from 'node:fs';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cloneTemplate, type TestDb } from '../../stack/src/testing.js';
import { importSeason } from '../src/import.js';
import { SeasonFormatError } from '../src/season-format.js';
import { COURSE_TABLES } from '../../migrations/lib/tables.js';

const SAMPLE = readFileSync(new URL('../examples/season-sample.json', import.meta.url), 'utf8');
type Rec = Record<string, unknown>;
type Sample = Record<'courses' | 'listings' | 'course_meetings' | 'evaluation_ratings', Rec[]>;
const sample = (): Sample => JSON.parse(SAMPLE) as Sample;
/** A copy of the sample with one field of one record changed (`undefined` deletes it). */
function edited(table: keyof Sample, index: number, field: string, value: unknown, s = sample()): Sample {
  const record = s[table][index]!;
  if (value === undefined) delete record[field];
  else record[field] = value;
  return s;
}

const TABLES = COURSE_TABLES;

/** A digest of every course table; `stable` ignores load timestamps and database-assigned row ids. */
async function fingerprint(url: string, stable = false): Promise<Record<string, string>> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const out: Record<string, string> = {};
    for (const t of TABLES) {
      if (stable && t === 'metadata') continue;
      const row = stable ? `(to_jsonb(t) - 'time_added' - 'last_updated' - 'id')::text` : 't::text';
      const { rows } = await client.query<{ n: string; h: string }>(
        `select count(*) as n, md5(coalesce(string_agg(${row}, '|' order by ${row}), '')) as h from ${t} t`,
      );
      out[t] = `${rows[0]!.n}:${rows[0]!.h}`;
    }
    return out;
  } finally {
    await client.end();
  }
}

async function rejection(db: TestDb, input: unknown): Promise<string> {
  const before = await fingerprint(db.directUrl('ct_owner'));
  const err = await importSeason(db.directUrl('ct_owner'), input).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(SeasonFormatError);
  expect(await fingerprint(db.directUrl('ct_owner'))).toEqual(before);
  return (err as SeasonFormatError).message;
}

describe('importSeason', () => {
  let db: TestDb;
  beforeAll(async () => {
    db = await cloneTemplate();
  });
  afterAll(() => db.drop());

  it('replaces the season and is idempotent', async () => {
    const url = db.directUrl('ct_owner');
    const first = await importSeason(url, SAMPLE);
    expect(first).toEqual({ season_code: '202601', courses: 4, listings: 8 });
    const after1 = await fingerprint(url, true);
    await importSeason(url, SAMPLE);
    expect(await fingerprint(url, true)).toEqual(after1);

    const client = new pg.Client({ connectionString: db.directUrl('ct_readonly') });
    await client.connect();
    const { rows } = await client.query<{ season_code: string; n: string }>(
      `select season_code, count(*) as n from courses group by 1 order by 1`,
    );
    await client.end();
    expect(rows.find((r) => r.season_code === '202601')?.n).toBe('4');
    expect(rows.filter((r) => r.season_code !== '202601').every((r) => r.n === '125')).toBe(true);
  });

  it('rejects malformed JSON', async () => {
    expect(await rejection(db, SAMPLE.slice(0, 200))).toMatch(/\(root\): malformed JSON/);
  });

  it('rejects a missing field, naming the record and field', async () => {
    expect(await rejection(db, edited('courses', 1, 'title', undefined))).toMatch(
      /courses\[1\]\.title: expected string/,
    );
  });

  it('rejects a wrong type, naming the record and field', async () => {
    const s = edited('course_meetings', 0, 'days_of_week', 'MWF', edited('courses', 3, 'title', 42));
    const message = await rejection(db, s);
    expect(message).toMatch(/courses\[3\]\.title: expected string, received number/);
    expect(message).toMatch(/course_meetings\[0\]\.days_of_week: expected number/);
  });

  it('rejects a listing pointing to an unknown course', async () => {
    expect(await rejection(db, edited('listings', 2, 'course_id', 260199999))).toMatch(
      /listings\[2\]\.course_id: unknown course 260199999/,
    );
  });

  it('rejects a meeting at an unknown location', async () => {
    expect(await rejection(db, edited('course_meetings', 0, 'location_id', 99999))).toMatch(
      /course_meetings\[0\]\.location_id: unknown location 99999/,
    );
  });

  it('rejects a rating for an unknown question and a course pointing to an unknown earlier course', async () => {
    expect(await rejection(db, edited('evaluation_ratings', 0, 'question_code', 'ZZ999'))).toMatch(
      /evaluation_ratings\[0\]\.question_code: unknown question ZZ999/,
    );
    expect(await rejection(db, edited('courses', 0, 'last_offered_course_id', 250300001))).toMatch(
      /courses\[0\]\.last_offered_course_id: unknown course 250300001/,
    );
  });
});
