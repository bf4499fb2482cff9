/**
 * Rows the golden statements refer to (users, a season, a friendship, user data), added to the cloned template
 * database so the validity check runs every statement against real rows and foreign keys. The SQL text of a golden
 * does not depend on them; only the ids in the cases do.
 */
import type pg from 'pg';

export const ME = 900001;
export const FRIEND = 900002;
export const SEASON = '209901';

const ROWS = `
insert into seasons (season_code, term, year) values ('${SEASON}', 'spring', 2099), ('209902', 'summer', 2099)
  on conflict do nothing;
insert into users (user_id, display_name) values (${ME}, 'me'), (${FRIEND}, 'friend');
insert into friendships (user_id, friend_user_id) values (${ME}, ${FRIEND}), (${FRIEND}, ${ME});
insert into worksheets (worksheet_id, user_id, season_code, worksheet_number, name, private) values
  (990001, ${ME}, '${SEASON}', 0, 'mine', true),
  (990002, ${FRIEND}, '${SEASON}', 0, 'friend public', false);
insert into worksheet_courses (worksheet_id, crn, color) values (990002, 23456, '#aabbcc');
insert into wishlist_items (user_id, season_code, crn) values (${ME}, '${SEASON}', 11111), (${FRIEND}, '${SEASON}', 34567);
insert into saved_searches (saved_search_id, user_id, name, query) values (990001, ${ME}, 'cs', '{}');
`;

/** Insert the fixture rows (as the database owner: the engine's role may not write these tables). */
export async function insertFixtures(client: pg.ClientBase): Promise<void> {
  await client.query(ROWS);
}
