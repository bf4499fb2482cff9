/**
 * Writes mapped CourseTable rows into this schema in the caller's transaction, set-based: each kind of row is staged
 * in a temporary table (one JSON parameter) and inserted with `on conflict do nothing`. A CourseTable user becomes the
 * user holding the CAS identity (issuer, netId), created when missing; a row already present is left as it is (after
 * the first import this system owns the data), so running the import again changes nothing and a later run adds only
 * what is new. Accounts are never joined by e-mail: an address already used here is left off the imported user.
 */
import type pg from 'pg';
import type { ImportRows } from './map.js';

export interface WriteCounts {
  /** per table: rows written, and rows already present (left unchanged) */
  tables: Record<string, { inserted: number; present: number }>;
  /** new users whose e-mail address another account here already has: imported without it */
  emailsLeftOff: number;
}

/** Stage rows as `pg_temp.<name>` (dropped at commit) from one JSON parameter. */
async function stage(c: pg.ClientBase, name: string, columns: string, rows: readonly object[]): Promise<void> {
  await c.query(
    `create temp table ${name} on commit drop as select * from json_to_recordset($1::json) as x(${columns})`,
    [JSON.stringify(rows)],
  );
}

export async function writeCourseTable(c: pg.ClientBase, rows: ImportRows, casIssuer: string): Promise<WriteCounts> {
  await c.query(`select pg_advisory_xact_lock(hashtext('coursetable-import'))`);
  const tables: WriteCounts['tables'] = {};
  const insert = async (table: string, staged: number, sql: string) => {
    const inserted = (await c.query(sql)).rowCount ?? 0;
    tables[table] = { inserted, present: staged - inserted };
  };

  await stage(
    c,
    'ct_users',
    'net_id text, email text, display_name text, has_evals boolean, evals_granted_by text',
    rows.users,
  );
  await c.query(`alter table ct_users add column user_id integer, add column is_new boolean not null default false`);
  await c.query(
    `update ct_users s set user_id = i.user_id from user_identities i
      where i.provider = 'cas' and i.issuer = $1 and i.subject = s.net_id`,
    [casIssuer],
  );
  await c.query(
    `update ct_users set user_id = nextval(pg_get_serial_sequence('users', 'user_id')), is_new = true
      where user_id is null`,
  );
  const emailTaken = await c.query(
    `update ct_users s set email = null
      where s.is_new and s.email is not null and exists (select 1 from users u where u.email = s.email::citext)`,
  );
  await insert(
    'users',
    rows.users.length,
    `insert into users (user_id, email, display_name, has_evals, evals_granted_by, email_verified_at)
     select user_id, email, display_name, has_evals, evals_granted_by, case when email is not null then now() end
       from ct_users where is_new`,
  );
  await c.query(
    `insert into user_identities (user_id, provider, issuer, subject)
     select user_id, 'cas', $1, net_id from ct_users where is_new`,
    [casIssuer],
  );

  await stage(c, 'ct_profile', 'net_id text, field text, value text, visibility text', rows.profileFields);
  await insert(
    'profile_fields',
    rows.profileFields.length,
    `insert into profile_fields (user_id, field, value, visibility)
     select u.user_id, p.field, p.value, p.visibility from ct_profile p join ct_users u using (net_id)
     on conflict do nothing`,
  );

  await stage(
    c,
    'ct_worksheets',
    'source_id integer, net_id text, season_code text, worksheet_number integer, name text, private boolean',
    rows.worksheets,
  );
  await insert(
    'worksheets',
    rows.worksheets.length,
    `insert into worksheets (user_id, season_code, worksheet_number, name, private)
     select u.user_id, w.season_code, w.worksheet_number, w.name, w.private from ct_worksheets w join ct_users u using (net_id)
     on conflict (user_id, season_code, worksheet_number) do nothing`,
  );
  await stage(
    c,
    'ct_worksheet_courses',
    'source_worksheet_id integer, crn integer, color text, hidden boolean',
    rows.worksheetCourses,
  );
  await insert(
    'worksheet_courses',
    rows.worksheetCourses.length,
    `insert into worksheet_courses (worksheet_id, crn, color, hidden)
     select t.worksheet_id, k.crn, k.color, k.hidden
       from ct_worksheet_courses k
       join ct_worksheets w on w.source_id = k.source_worksheet_id
       join ct_users u on u.net_id = w.net_id
       join worksheets t on t.user_id = u.user_id and t.season_code = w.season_code
                        and t.worksheet_number = w.worksheet_number
     on conflict do nothing`,
  );

  await stage(c, 'ct_wishlist', 'net_id text, season_code text, crn integer', rows.wishlist);
  await insert(
    'wishlist_items',
    rows.wishlist.length,
    `insert into wishlist_items (user_id, season_code, crn)
     select u.user_id, w.season_code, w.crn from ct_wishlist w join ct_users u using (net_id)
     on conflict do nothing`,
  );

  await stage(c, 'ct_friendships', 'net_id text, other_net_id text', rows.friendships);
  await insert(
    'friendships',
    rows.friendships.length,
    `insert into friendships (user_id, friend_user_id)
     select a.user_id, b.user_id from ct_friendships f
       join ct_users a on a.net_id = f.net_id join ct_users b on b.net_id = f.other_net_id
     on conflict do nothing`,
  );
  await stage(c, 'ct_friend_requests', 'net_id text, other_net_id text', rows.friendRequests);
  await insert(
    'friend_requests',
    rows.friendRequests.length,
    `insert into friend_requests (from_user_id, to_user_id)
     select a.user_id, b.user_id from ct_friend_requests r
       join ct_users a on a.net_id = r.net_id join ct_users b on b.net_id = r.other_net_id
      where not exists (select 1 from friendships f where f.user_id = a.user_id and f.friend_user_id = b.user_id)
     on conflict do nothing`,
  );

  await stage(
    c,
    'ct_saved_searches',
    'net_id text, name text, query jsonb, created_at timestamptz',
    rows.savedSearches,
  );
  await insert(
    'saved_searches',
    rows.savedSearches.length,
    `insert into saved_searches (user_id, name, query, created_at)
     select u.user_id, s.name, s.query, coalesce(s.created_at, now()) from ct_saved_searches s join ct_users u using (net_id)
     on conflict (user_id, name) do nothing`,
  );
  return { tables, emailsLeftOff: emailTaken.rowCount ?? 0 };
}
