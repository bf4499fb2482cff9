/**
 * ct_engine holds exactly what hasura/metadata needs (test/engine-grants.test.ts derives it from the metadata and
 * compares both ways). SELECT on the tracked tables stays as 1764000000002 granted it (Hasura's admin role, which the
 * API's server-side reads use, sees every column of every tracked table). Writes shrink to the metadata's mutation
 * permissions: 1764000000002 gave INSERT/UPDATE/DELETE on five user tables and USAGE on two identity sequences; the
 * metadata inserts into and deletes from wishlist_items, and updates and deletes saved_searches (new ones only
 * through the saveSearch action, which keeps the per-user cap), on these columns (permission columns plus `set`
 * presets; no insert leaves an identity column to its sequence). Worksheets, their courses, profile fields and new
 * saved searches are written by the API's actions (ct_api).
 */
import type { MigrationBuilder } from 'node-pg-migrate';

/** What 1764000000002 granted for writes. */
const OLD_WRITE_TABLES = 'profile_fields, worksheets, worksheet_courses, wishlist_items, saved_searches';
const OLD_SEQUENCES = 'worksheets_worksheet_id_seq, saved_searches_saved_search_id_seq';

export function up(pgm: MigrationBuilder): void {
  pgm.sql(`
revoke insert, update, delete on ${OLD_WRITE_TABLES} from ct_engine;
revoke usage on sequence ${OLD_SEQUENCES} from ct_engine;

-- wishlist_items: insert (season_code, crn; user_id preset), delete
grant insert (user_id, season_code, crn) on wishlist_items to ct_engine;
grant delete on wishlist_items to ct_engine;

-- saved_searches: update (name, query), delete
grant update (name, query) on saved_searches to ct_engine;
grant delete on saved_searches to ct_engine;
`);
}

export function down(pgm: MigrationBuilder): void {
  // Revoking a table privilege revokes the column privileges of the same kind too.
  pgm.sql(`
revoke insert, update, delete on ${OLD_WRITE_TABLES} from ct_engine;
revoke usage on sequence ${OLD_SEQUENCES} from ct_engine;
grant insert, update, delete on ${OLD_WRITE_TABLES} to ct_engine;
grant usage on sequence ${OLD_SEQUENCES} to ct_engine;
`);
}
