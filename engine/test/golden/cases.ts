/**
 * The golden cases: representative operations over our own metadata (hasura/metadata), each with the role and the
 * requests (session variables, GraphQL variables) it is compiled for. A live query has one request per cohort: its
 * subscribers are multiplexed into one statement. The user, season and row ids are the fixtures of fixtures.ts.
 */
import { FRIEND, ME, SEASON } from './fixtures.js';

export interface GoldenRequest {
  /** `x-hasura-*` session variables besides the role. */
  readonly session: Readonly<Record<string, string>>;
  readonly variables: Readonly<Record<string, unknown>>;
}

export interface GoldenCase {
  /** File name of the golden (`sql/<name>.sql`). */
  readonly name: string;
  /** What the case shows, one line. */
  readonly about: string;
  readonly role: string;
  readonly query: string;
  readonly requests: readonly GoldenRequest[];
  /**
   * Database role that runs the statements in the validity check: the engine's own (`ct_engine`) unless its grants
   * cannot run the statement at all.
   */
  readonly runAs?: 'ct_engine' | 'postgres';
}

const me = { 'x-hasura-user-id': String(ME) };
const one = (variables: Record<string, unknown> = {}, session: Record<string, string> = me): GoldenRequest[] => [
  { session, variables },
];

export const CASES: readonly GoldenCase[] = [
  {
    name: 'courses-nested-relationships',
    about: 'select with object and array relationships, where, order_by (also through a relationship) and limit',
    role: 'anonymous',
    query: `query CoursesWithListings {
  courses(
    where: { season_code: { _eq: "${SEASON}" }, credits: { _gte: 0.5 } }
    order_by: [{ season: { year: desc } }, { title: asc }, { course_id: desc }]
    limit: 5
  ) {
    course_id
    title
    credits
    season {
      season_code
      term
      year
    }
    listings(order_by: { crn: asc }, limit: 3) {
      crn
      course_code
    }
    course_professors {
      professor {
        name
      }
    }
  }
}`,
    requests: one({}, {}),
  },
  {
    name: 'courses-aggregate',
    about: 'aggregate: count, distinct count and column aggregates, with nodes',
    role: 'anonymous',
    query: `query CourseStats {
  courses_aggregate(where: { season_code: { _eq: "${SEASON}" } }) {
    aggregate {
      count
      distinct_titles: count(columns: [title], distinct: true)
      max {
        credits
      }
      avg {
        credits
      }
    }
    nodes {
      course_id
      title
    }
  }
}`,
    requests: one({}, {}),
  },
  {
    name: 'student-worksheets-friend-filter',
    about:
      'select permission through relationships: own or friends’ public worksheets (owner_friendships), nested courses',
    role: 'student',
    query: `query MyAndFriendsWorksheets {
  worksheets(order_by: { worksheet_id: asc }) {
    worksheet_id
    user_id
    name
    private
    worksheet_courses(order_by: { crn: asc }) {
      crn
      color
    }
  }
}`,
    requests: one(),
  },
  {
    name: 'student-user-by-pk',
    about: 'by_pk select under the student role, filtered by x-hasura-user-id',
    role: 'student',
    query: `query Me {
  users_by_pk(user_id: ${ME}) {
    user_id
    display_name
    wishlist_items(order_by: { crn: asc }) {
      season_code
      crn
    }
  }
}`,
    requests: one(),
  },
  {
    name: 'student-insert-wishlist-items',
    about: 'insert under a permission with a check and a column preset (user_id from x-hasura-user-id)',
    role: 'student',
    query: `mutation AddToWishlist {
  insert_wishlist_items(objects: [{ season_code: "${SEASON}", crn: 12345 }, { season_code: "${SEASON}", crn: 23456 }]) {
    affected_rows
    returning {
      user_id
      season_code
      crn
    }
  }
}`,
    requests: one(),
  },
  {
    // No role of the metadata has both insert and update on a table, so on_conflict exists for admin only; and
    // ct_engine has no UPDATE on wishlist_items (the grants follow the metadata), so Postgres runs this one.
    name: 'admin-upsert-wishlist-item',
    about: 'insert_one with on_conflict (DO UPDATE with a where) as admin',
    role: 'admin',
    query: `mutation UpsertWishlistItem {
  insert_wishlist_items_one(
    object: { user_id: ${ME}, season_code: "${SEASON}", crn: 11111 }
    on_conflict: {
      constraint: wishlist_items_pkey
      update_columns: [added_at]
      where: { user_id: { _eq: ${ME} } }
    }
  ) {
    user_id
    crn
    added_at
  }
}`,
    requests: one({}, {}),
    runAs: 'postgres',
  },
  {
    name: 'student-update-saved-search',
    about: 'update under a permission with a filter and a check on x-hasura-user-id',
    role: 'student',
    query: `mutation RenameSavedSearch($id: Int!, $name: String!) {
  update_saved_searches(where: { saved_search_id: { _eq: $id } }, _set: { name: $name }) {
    affected_rows
    returning {
      saved_search_id
      name
    }
  }
}`,
    requests: one({ id: 990001, name: 'renamed' }),
  },
  {
    name: 'student-delete-wishlist-items',
    about: 'delete under a permission filter on x-hasura-user-id',
    role: 'student',
    query: `mutation RemoveFromWishlist {
  delete_wishlist_items(where: { season_code: { _eq: "${SEASON}" }, crn: { _in: [11111, 22222] } }) {
    affected_rows
    returning {
      crn
    }
  }
}`,
    requests: one(),
  },
  {
    name: 'student-live-wishlist',
    about: 'live-query subscription multiplexed over three cohorts (two users, two variable sets)',
    role: 'student',
    query: `subscription WishlistLive($season: String!) {
  wishlist_items(where: { season_code: { _eq: $season } }, order_by: { crn: asc }) {
    season_code
    crn
    added_at
  }
}`,
    requests: [
      { session: me, variables: { season: SEASON } },
      { session: me, variables: { season: '209902' } },
      { session: { 'x-hasura-user-id': String(FRIEND) }, variables: { season: SEASON } },
    ],
  },
  {
    name: 'listings-variables-fragment',
    about: 'variables (one defaulted), named and inline fragments, @include',
    role: 'anonymous',
    query: `query ListingsBySubject($subject: String!, $limit: Int = 10, $withCourse: Boolean!) {
  listings(where: { subject: { _eq: $subject } }, order_by: { number: asc }, limit: $limit) {
    ...ListingFields
    course @include(if: $withCourse) {
      ...CourseFields
    }
  }
}

fragment ListingFields on listings {
  crn
  course_code
  ... on listings {
    season_code
  }
}

fragment CourseFields on courses {
  course_id
  title
}`,
    requests: one({ subject: 'CPSC', withCourse: true }, {}),
  },
];
