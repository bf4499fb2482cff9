/** Table groups the grants are written against (docs/design.md "Roles"). */
export const COURSE_TABLES = [
  'seasons',
  'courses',
  'listings',
  'professors',
  'course_professors',
  'flags',
  'course_flags',
  'buildings',
  'locations',
  'course_meetings',
  'evaluation_statistics',
  'evaluation_questions',
  'evaluation_ratings',
  'evaluation_narratives',
  'evaluation_narrative_summaries',
  'metadata',
] as const;

export const USER_TABLES = [
  'users',
  'user_identities',
  'password_credentials',
  'password_reset_tokens',
  'profile_fields',
  'worksheets',
  'worksheet_courses',
  'wishlist_items',
  'friend_requests',
  'friendships',
  'saved_searches',
] as const;

/** User tables the GraphQL engine may read (never credentials, tokens or login identities). */
export const ENGINE_READ_TABLES = [
  'users',
  'profile_fields',
  'worksheets',
  'worksheet_courses',
  'wishlist_items',
  'friend_requests',
  'friendships',
  'saved_searches',
] as const;

/** User tables behind Hasura insert/update/delete permissions. */
export const ENGINE_WRITE_TABLES = [
  'profile_fields',
  'worksheets',
  'worksheet_courses',
  'wishlist_items',
  'saved_searches',
] as const;

/** Identity sequences of tables someone inserts into. */
export const IDENTITY_SEQUENCES = {
  users: 'users_user_id_seq',
  user_identities: 'user_identities_identity_id_seq',
  worksheets: 'worksheets_worksheet_id_seq',
  saved_searches: 'saved_searches_saved_search_id_seq',
} as const;
