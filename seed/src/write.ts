/**
 * Fast writes for the generator and the importer: batched multi-row inserts through `unnest` of one array per
 * column (one round trip per few thousand rows, typed by the casts), all inside the caller's transaction.
 */
import type pg from 'pg';
import { idBase, type SeasonFile } from './season-format.js';
import { termOf } from './catalog.js';
import type { Row, UserData } from './users.js';

const BATCH = 5000;

/** `name:type` per column; the type is the Postgres array element type used in the unnest cast. */
export async function insertRows(
  client: pg.ClientBase,
  table: string,
  columns: readonly string[],
  rows: readonly Row[],
  opts: { suffix?: string; onBatch?: (n: number) => void } = {},
): Promise<void> {
  const names = columns.map((c) => c.split(':')[0]!);
  const casts = columns.map((c, i) => `$${i + 1}::${c.split(':')[1]}[]`);
  const sql = `insert into ${table} (${names.join(', ')}) select * from unnest(${casts.join(', ')}) ${opts.suffix ?? ''}`;
  for (let start = 0; start < rows.length; start += BATCH) {
    const batch = rows.slice(start, start + BATCH);
    const arrays = names.map((_, i) => batch.map((r) => r[i] ?? null));
    await client.query(sql, arrays);
    opts.onBatch?.(batch.length);
  }
}

const json = (v: unknown): string | null => (v === null || v === undefined ? null : JSON.stringify(v));
const STAMP = 'localtimestamp';

export interface WriteProgress {
  /** Called with a table name and a row count after every batch. */
  onRows?: (table: string, n: number) => void;
}

/** Upserts seasons and shared entities, then (re)writes each season's course data. */
export async function writeSeasons(
  client: pg.ClientBase,
  files: readonly SeasonFile[],
  opts: WriteProgress & { replace: boolean },
): Promise<void> {
  const progress = (table: string) => ({ onBatch: (n: number) => opts.onRows?.(table, n) });
  await insertRows(
    client,
    'seasons',
    ['season_code:varchar', 'term:varchar', 'year:int'],
    files.map((f) => [f.season_code, termOf(f.season_code), Number(f.season_code.slice(0, 4))]),
    { suffix: 'on conflict (season_code) do nothing' },
  );
  await client.query(
    `update seasons set time_added = coalesce(time_added, ${STAMP}), last_updated = ${STAMP}
                      where season_code = any($1)`,
    [files.map((f) => f.season_code)],
  );

  const uniq = <T>(items: T[], key: (t: T) => unknown): T[] => [...new Map(items.map((i) => [key(i), i])).values()];
  const buildings = uniq(
    files.flatMap((f) => f.buildings),
    (b) => b.code,
  );
  await insertRows(
    client,
    'buildings',
    ['code:varchar', 'building_name:varchar', 'url:varchar'],
    buildings.map((b) => [b.code, b.building_name, b.url]),
    {
      suffix: `on conflict (code) do update set building_name = excluded.building_name, url = excluded.url,
               last_updated = ${STAMP}`,
    },
  );
  const professors = uniq(
    files.flatMap((f) => f.professors),
    (p) => p.professor_id,
  );
  await insertRows(
    client,
    'professors',
    [
      'professor_id:int',
      'name:varchar',
      'email:varchar',
      'courses_taught:int',
      'average_rating:float8',
      'average_rating_n:int',
    ],
    professors.map((p) => [p.professor_id, p.name, p.email, p.courses_taught, p.average_rating, p.average_rating_n]),
    {
      suffix: `on conflict (professor_id) do update set name = excluded.name, email = excluded.email,
               courses_taught = excluded.courses_taught, average_rating = excluded.average_rating,
               average_rating_n = excluded.average_rating_n, last_updated = ${STAMP}`,
      ...progress('professors'),
    },
  );
  const flags = uniq(
    files.flatMap((f) => f.flags),
    (f) => f.flag_id,
  );
  await insertRows(
    client,
    'flags',
    ['flag_id:int', 'flag_text:varchar'],
    flags.map((f) => [f.flag_id, f.flag_text]),
    {
      suffix: `on conflict (flag_id) do update set flag_text = excluded.flag_text, last_updated = ${STAMP}`,
    },
  );
  const questions = uniq(
    files.flatMap((f) => f.evaluation_questions),
    (q) => q.question_code,
  );
  await insertRows(
    client,
    'evaluation_questions',
    ['question_code:varchar', 'is_narrative:bool', 'question_text:varchar', 'options:jsonb', 'tag:varchar'],
    questions.map((q) => [q.question_code, q.is_narrative, q.question_text, json(q.options), q.tag]),
    {
      suffix: `on conflict (question_code) do update set is_narrative = excluded.is_narrative,
               question_text = excluded.question_text, options = excluded.options, tag = excluded.tag`,
    },
  );
  await client.query(`update buildings set time_added = coalesce(time_added, ${STAMP})`);
  await client.query(`update professors set time_added = coalesce(time_added, ${STAMP}) where time_added is null`);
  await client.query(`update flags set time_added = coalesce(time_added, ${STAMP}) where time_added is null`);

  for (const f of files) {
    const locationIds = await upsertLocations(client, f);
    if (opts.replace) await deleteSeason(client, f.season_code);
    await writeSeasonCourses(client, f, locationIds, progress);
    if (opts.replace) await restoreReferences(client);
  }
  await client.query(`update metadata set last_update = ${STAMP} where id = 1`);
}

type Progress = (table: string) => { onBatch: (n: number) => void };

async function writeSeasonCourses(
  client: pg.ClientBase,
  f: SeasonFile,
  locationIds: Map<number, number>,
  progress: Progress,
): Promise<void> {
  const base = idBase(f.season_code);
  const s = f.season_code;
  const stampCols = ['time_added:timestamp', 'last_updated:timestamp'];
  const now = new Date().toISOString().replace('Z', '');
  await insertRows(
    client,
    'courses',
    [
      'course_id:int',
      'season_code:varchar',
      'primary_crn:int',
      'section:varchar',
      'title:varchar',
      'description:varchar',
      'requirements:varchar',
      'skills:jsonb',
      'areas:jsonb',
      'credits:float8',
      'syllabus_url:varchar',
      'course_home_url:varchar',
      'regnotes:varchar',
      'extra_info:varchar',
      'rp_attr:varchar',
      'classnotes:varchar',
      'final_exam:varchar',
      'fysem:bool',
      'sysem:bool',
      'colsem:bool',
      'same_course_id:int',
      'same_course_and_profs_id:int',
      'average_gut_rating:float8',
      'average_professor_rating:float8',
      'average_rating:float8',
      'average_rating_n:int',
      'average_workload:float8',
      'average_workload_n:int',
      'average_rating_same_professors:float8',
      'average_rating_same_professors_n:int',
      'average_workload_same_professors:float8',
      'average_workload_same_professors_n:int',
      'last_offered_course_id:int',
      'last_enrollment_course_id:int',
      'last_enrollment:int',
      'last_enrollment_season_code:varchar',
      'last_enrollment_same_professors:bool',
      ...stampCols,
    ],
    f.courses.map((c) => [
      c.course_id,
      s,
      c.primary_crn,
      c.section,
      c.title,
      c.description,
      c.requirements,
      json(c.skills),
      json(c.areas),
      c.credits,
      c.syllabus_url,
      c.course_home_url,
      c.regnotes,
      c.extra_info,
      c.rp_attr,
      c.classnotes,
      c.final_exam,
      c.fysem,
      c.sysem,
      c.colsem,
      c.same_course_id,
      c.same_course_and_profs_id,
      c.average_gut_rating,
      c.average_professor_rating,
      c.average_rating,
      c.average_rating_n,
      c.average_workload,
      c.average_workload_n,
      c.average_rating_same_professors,
      c.average_rating_same_professors_n,
      c.average_workload_same_professors,
      c.average_workload_same_professors_n,
      c.last_offered_course_id,
      c.last_enrollment_course_id,
      c.last_enrollment,
      c.last_enrollment_season_code,
      c.last_enrollment_same_professors,
      now,
      now,
    ]),
    progress('courses'),
  );
  await insertRows(
    client,
    'listings',
    [
      'listing_id:int',
      'course_id:int',
      'school:varchar',
      'subject:varchar',
      'number:varchar',
      'course_code:varchar',
      'section:varchar',
      'season_code:varchar',
      'crn:int',
      ...stampCols,
    ],
    f.listings.map((l) => [
      base + l.crn,
      l.course_id,
      l.school,
      l.subject,
      l.number,
      `${l.subject} ${l.number}`,
      l.section,
      s,
      l.crn,
      now,
      now,
    ]),
    progress('listings'),
  );
  await insertRows(
    client,
    'course_professors',
    ['course_id:int', 'professor_id:int'],
    f.course_professors.map((r) => [r.course_id, r.professor_id]),
    progress('course_professors'),
  );
  await insertRows(
    client,
    'course_flags',
    ['course_id:int', 'flag_id:int'],
    f.course_flags.map((r) => [r.course_id, r.flag_id]),
    progress('course_flags'),
  );
  await insertRows(
    client,
    'course_meetings',
    ['course_id:int', 'days_of_week:int', 'start_time:varchar', 'end_time:varchar', 'location_id:int'],
    f.course_meetings.map((m) => [
      m.course_id,
      m.days_of_week,
      m.start_time,
      m.end_time,
      m.location_id === null ? null : locationIds.get(m.location_id),
    ]),
    progress('course_meetings'),
  );
  await insertRows(
    client,
    'evaluation_statistics',
    ['course_id:int', 'enrolled:int', 'responses:int', 'extras:jsonb', 'avg_rating:float8', 'avg_workload:float8'],
    f.evaluation_statistics.map((e) => [
      e.course_id,
      e.enrolled,
      e.responses,
      json(e.extras),
      e.avg_rating,
      e.avg_workload,
    ]),
    progress('evaluation_statistics'),
  );
  await insertRows(
    client,
    'evaluation_ratings',
    ['course_id:int', 'question_code:varchar', 'rating:jsonb'],
    f.evaluation_ratings.map((r) => [r.course_id, r.question_code, json(r.rating)]),
    progress('evaluation_ratings'),
  );
  await insertRows(
    client,
    'evaluation_narratives',
    [
      'course_id:int',
      'question_code:varchar',
      'response_number:int',
      'comment:varchar',
      'comment_neg:float8',
      'comment_neu:float8',
      'comment_pos:float8',
      'comment_compound:float8',
    ],
    f.evaluation_narratives.map((n) => [
      n.course_id,
      n.question_code,
      n.response_number,
      n.comment,
      n.comment_neg,
      n.comment_neu,
      n.comment_pos,
      n.comment_compound,
    ]),
    progress('evaluation_narratives'),
  );
  await insertRows(
    client,
    'evaluation_narrative_summaries',
    ['course_id:int', 'question_code:varchar', 'summary:text'],
    f.evaluation_narrative_summaries.map((n) => [n.course_id, n.question_code, n.summary]),
    progress('evaluation_narrative_summaries'),
  );
}

/** Maps the file's local location ids to database ids, inserting the (building, room) pairs not yet known. */
async function upsertLocations(client: pg.ClientBase, f: SeasonFile): Promise<Map<number, number>> {
  const key = (b: string, room: string | null) => `${b}\u0000${room ?? '\u0001'}`;
  const { rows } = await client.query<{ location_id: number; building_code: string; room: string | null }>(
    'select location_id, building_code, room from locations where building_code = any($1)',
    [[...new Set(f.locations.map((l) => l.building_code))]],
  );
  const known = new Map(rows.map((r) => [key(r.building_code, r.room), r.location_id]));
  const missing = [
    ...new Map(
      f.locations.filter((l) => !known.has(key(l.building_code, l.room))).map((l) => [key(l.building_code, l.room), l]),
    ).values(),
  ];
  if (missing.length) {
    const inserted = await client.query<{ location_id: number; building_code: string; room: string | null }>(
      `insert into locations (building_code, room, time_added, last_updated)
       select b, r, ${STAMP}, ${STAMP} from unnest($1::varchar[], $2::varchar[]) as t(b, r)
       returning location_id, building_code, room`,
      [missing.map((l) => l.building_code), missing.map((l) => l.room)],
    );
    for (const r of inserted.rows) known.set(key(r.building_code, r.room), r.location_id);
  }
  return new Map(f.locations.map((l) => [l.location_id, known.get(key(l.building_code, l.room))!]));
}

/**
 * Removes one season's course data. Courses of other seasons may point at it through last_offered_course_id /
 * last_enrollment_course_id: those pointers are parked in a temp table and restored by restoreReferences().
 */
async function deleteSeason(client: pg.ClientBase, season: string): Promise<void> {
  const inSeason = 'select course_id from courses where season_code = $1';
  await client.query('drop table if exists pg_temp.ct_refs');
  await client.query(
    `create temp table ct_refs on commit drop as
     select course_id, last_offered_course_id, last_enrollment_course_id from courses
     where season_code <> $1 and (last_offered_course_id in (${inSeason}) or last_enrollment_course_id in (${inSeason}))`,
    [season],
  );
  await client.query(
    `update courses c set
       last_offered_course_id = case when c.last_offered_course_id in (${inSeason}) then null
                                     else c.last_offered_course_id end,
       last_enrollment_course_id = case when c.last_enrollment_course_id in (${inSeason}) then null
                                        else c.last_enrollment_course_id end
     from ct_refs r where c.course_id = r.course_id`,
    [season],
  );
  for (const table of [
    'evaluation_narrative_summaries',
    'evaluation_narratives',
    'evaluation_ratings',
    'evaluation_statistics',
    'course_meetings',
    'course_flags',
    'course_professors',
  ]) {
    await client.query(`delete from ${table} where course_id in (${inSeason})`, [season]);
  }
  await client.query('delete from listings where season_code = $1', [season]);
  await client.query('delete from courses where season_code = $1', [season]);
}

async function restoreReferences(client: pg.ClientBase): Promise<void> {
  await client.query(
    `update courses c set
       last_offered_course_id = case when exists (select 1 from courses x where x.course_id = r.last_offered_course_id)
                                     then r.last_offered_course_id else c.last_offered_course_id end,
       last_enrollment_course_id = case when exists (select 1 from courses x where x.course_id = r.last_enrollment_course_id)
                                        then r.last_enrollment_course_id else c.last_enrollment_course_id end
     from ct_refs r where c.course_id = r.course_id`,
  );
}

/** Inserts the generated users and moves the identity sequences past the explicit ids. */
export async function writeUsers(client: pg.ClientBase, d: UserData, opts: WriteProgress = {}): Promise<void> {
  const p = (table: string) => ({ onBatch: (n: number) => opts.onRows?.(table, n) });
  const ts = 'timestamptz';
  await insertRows(
    client,
    'users',
    [
      'user_id:int',
      'email:citext',
      'display_name:varchar',
      'has_evals:bool',
      'evals_granted_by:varchar',
      `created_at:${ts}`,
      `last_login_at:${ts}`,
    ],
    d.users,
    p('users'),
  );
  await insertRows(
    client,
    'user_identities',
    ['identity_id:int', 'user_id:int', 'provider:varchar', 'issuer:varchar', 'subject:varchar', `created_at:${ts}`],
    d.user_identities,
    p('user_identities'),
  );
  await insertRows(
    client,
    'password_credentials',
    ['user_id:int', 'password_hash:text', `updated_at:${ts}`],
    d.password_credentials,
    p('password_credentials'),
  );
  await insertRows(
    client,
    'profile_fields',
    ['user_id:int', 'field:varchar', 'value:varchar', 'visibility:varchar'],
    d.profile_fields,
    p('profile_fields'),
  );
  await insertRows(
    client,
    'worksheets',
    [
      'worksheet_id:int',
      'user_id:int',
      'season_code:varchar',
      'worksheet_number:int',
      'name:varchar',
      'private:bool',
      `created_at:${ts}`,
      `updated_at:${ts}`,
    ],
    d.worksheets,
    p('worksheets'),
  );
  await insertRows(
    client,
    'worksheet_courses',
    ['worksheet_id:int', 'crn:int', 'color:varchar', 'hidden:bool', `added_at:${ts}`],
    d.worksheet_courses,
    p('worksheet_courses'),
  );
  await insertRows(
    client,
    'wishlist_items',
    ['user_id:int', 'season_code:varchar', 'crn:int', `added_at:${ts}`],
    d.wishlist_items,
    p('wishlist_items'),
  );
  await insertRows(
    client,
    'friendships',
    ['user_id:int', 'friend_user_id:int', `created_at:${ts}`],
    d.friendships,
    p('friendships'),
  );
  await insertRows(
    client,
    'friend_requests',
    ['from_user_id:int', 'to_user_id:int', `created_at:${ts}`],
    d.friend_requests,
    p('friend_requests'),
  );
  await insertRows(
    client,
    'saved_searches',
    ['saved_search_id:int', 'user_id:int', 'name:varchar', 'query:jsonb', `created_at:${ts}`],
    d.saved_searches,
    p('saved_searches'),
  );
  for (const [table, column] of [
    ['users', 'user_id'],
    ['user_identities', 'identity_id'],
    ['worksheets', 'worksheet_id'],
    ['saved_searches', 'saved_search_id'],
  ] as const) {
    await client.query(
      `select setval(pg_get_serial_sequence('${table}', '${column}'), coalesce(max(${column}), 0) + 1, false)
       from ${table}`,
    );
  }
}
