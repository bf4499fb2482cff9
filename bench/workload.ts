/**
 * The CourseTable-shaped workload: six operations, each written once for the engine (Hasura's schema, the
 * documents of client/src/documents trimmed to what the role sees) and once for PostGraphile 5 (its default
 * inflection, with GraphQL aliases that give back the engine's field names so the answers can be compared).
 * The raw-SQL target runs the engine's compiled statement of the engine document.
 *
 * Both documents of an operation ask for the same rows and columns. Where PostGraphile's core schema has no
 * equivalent (ordering by a related table's column, Hasura's `aggregate { count }` object), the engine document
 * leaves the feature out or `project` reshapes the answer before the comparison.
 */
import type pg from 'pg';

export type Role = 'anonymous' | 'student';

/** Ids the operations run with, chosen from the data set (`pickSample`). */
export interface Sample {
  readonly season: string;
  readonly listingId: number;
  readonly professorId: number;
  readonly userId: number;
}

export interface Operation {
  /** Short key, also the GraphQL operation name's stem. */
  readonly id: string;
  readonly title: string;
  /** `student` requests carry a JWT for Sample.userId; `anonymous` ones no credentials. */
  readonly role: Role;
  readonly engine: string;
  readonly postgraphile: string;
  readonly variables: (s: Sample) => Record<string, unknown>;
  /** PostGraphile's variables when they differ from the engine's. */
  readonly postgraphileVariables?: (s: Sample) => Record<string, unknown>;
  /** Reshape a target's `data` before the equivalence check (rarely needed; aliases do most of it). */
  readonly project?: Partial<Record<'engine' | 'postgraphile', (data: unknown) => unknown>>;
}

/** The GraphQL operation name of an operation (same in both documents). */
export const operationName = (op: Pick<Operation, 'id'>): string =>
  op.id.replace(/(^|_)([a-z])/g, (_m, _u: string, c: string) => c.toUpperCase());

const SEARCH_AREA = 'Hu';
const SEARCH_TEXT = '%intro%';
const SEARCH_LIMIT = 21;

export const OPERATIONS: readonly Operation[] = [
  {
    id: 'course_detail',
    title: 'course detail by listing id',
    role: 'anonymous',
    engine: `query CourseDetail($listingId: Int!) {
  listings_by_pk(listing_id: $listingId) {
    listing_id crn course_code section season_code school
    course {
      course_id title description requirements credits areas skills extra_info syllabus_url course_home_url
      final_exam same_course_id
      listings { listing_id course_code }
      course_professors { professor { professor_id name email } }
      course_meetings { days_of_week start_time end_time }
      course_flags { flag { flag_id flag_text } }
    }
  }
}`,
    postgraphile: `query CourseDetail($listingId: Int!) {
  listings_by_pk: listingByListingId(listingId: $listingId) {
    listing_id: listingId crn course_code: courseCode section season_code: seasonCode school
    course: courseByCourseId {
      course_id: courseId title description requirements credits areas skills extra_info: extraInfo
      syllabus_url: syllabusUrl course_home_url: courseHomeUrl final_exam: finalExam same_course_id: sameCourseId
      listings: listingsByCourseId { nodes { listing_id: listingId course_code: courseCode } }
      course_professors: courseProfessorsByCourseId {
        nodes { professor: professorByProfessorId { professor_id: professorId name email } }
      }
      course_meetings: courseMeetingsByCourseId {
        nodes { days_of_week: daysOfWeek start_time: startTime end_time: endTime }
      }
      course_flags: courseFlagsByCourseId { nodes { flag: flagByFlagId { flag_id: flagId flag_text: flagText } } }
    }
  }
}`,
    variables: (s) => ({ listingId: s.listingId }),
  },
  {
    id: 'season_catalog',
    title: "a season's catalog",
    role: 'anonymous',
    engine: `query SeasonCatalog($season: String!) {
  courses(where: { season_code: { _eq: $season } }) {
    course_id title section credits areas skills
    listings { listing_id crn course_code }
    course_professors { professor { professor_id name } }
  }
}`,
    postgraphile: `query SeasonCatalog($season: String!) {
  courses: allCourses(condition: { seasonCode: $season }) {
    nodes {
      course_id: courseId title section credits areas skills
      listings: listingsByCourseId { nodes { listing_id: listingId crn course_code: courseCode } }
      course_professors: courseProfessorsByCourseId {
        nodes { professor: professorByProfessorId { professor_id: professorId name } }
      }
    }
  }
}`,
    variables: (s) => ({ season: s.season }),
  },
  {
    id: 'search',
    title: 'search with filters (season, area, text; page of 21)',
    role: 'anonymous',
    engine: `query Search($where: listings_bool_exp!, $limit: Int!) {
  listings(where: $where, order_by: [{ course_code: asc }, { section: asc }, { listing_id: asc }], limit: $limit) {
    listing_id crn course_code section season_code
    course {
      course_id title credits areas skills extra_info
      course_professors { professor { professor_id name } }
    }
  }
}`,
    postgraphile: `query Search($filter: ListingFilter!, $limit: Int!) {
  listings: allListings(filter: $filter, orderBy: [COURSE_CODE_ASC, SECTION_ASC, LISTING_ID_ASC], first: $limit) {
    nodes {
      listing_id: listingId crn course_code: courseCode section season_code: seasonCode
      course: courseByCourseId {
        course_id: courseId title credits areas skills extra_info: extraInfo
        course_professors: courseProfessorsByCourseId {
          nodes { professor: professorByProfessorId { professor_id: professorId name } }
        }
      }
    }
  }
}`,
    // The filter of client/src/search.ts courseSearchWhere({ seasonCode, areas: ['Hu'], text: 'intro' }).
    variables: (s) => ({
      where: {
        _and: [
          { season_code: { _eq: s.season } },
          { course: { areas: { _contains: [SEARCH_AREA] } } },
          { _or: [{ course: { title: { _ilike: SEARCH_TEXT } } }, { course_code: { _ilike: SEARCH_TEXT } }] },
        ],
      },
      limit: SEARCH_LIMIT,
    }),
    postgraphileVariables: (s) => ({
      filter: {
        seasonCode: { equalTo: s.season },
        courseByCourseId: { areas: { contains: [SEARCH_AREA] } },
        or: [
          { courseByCourseId: { title: { likeInsensitive: SEARCH_TEXT } } },
          { courseCode: { likeInsensitive: SEARCH_TEXT } },
        ],
      },
      limit: SEARCH_LIMIT,
    }),
  },
  {
    id: 'professor',
    title: 'professor with courses',
    role: 'anonymous',
    // client/src/documents/anonymous/professor.graphql without its order_by on the course's season (PostGraphile's
    // core schema cannot order by a related column).
    engine: `query Professor($professorId: Int!) {
  professors_by_pk(professor_id: $professorId) {
    professor_id name email courses_taught
    course_professors {
      course { course_id season_code title listings { listing_id course_code section } }
    }
  }
}`,
    postgraphile: `query Professor($professorId: Int!) {
  professors_by_pk: professorByProfessorId(professorId: $professorId) {
    professor_id: professorId name email courses_taught: coursesTaught
    course_professors: courseProfessorsByProfessorId {
      nodes {
        course: courseByCourseId {
          course_id: courseId season_code: seasonCode title
          listings: listingsByCourseId { nodes { listing_id: listingId course_code: courseCode section } }
        }
      }
    }
  }
}`,
    variables: (s) => ({ professorId: s.professorId }),
  },
  {
    id: 'aggregate',
    title: 'aggregate (course count per season)',
    role: 'anonymous',
    engine: `query Aggregate {
  seasons(order_by: { season_code: desc }) {
    season_code
    courses_aggregate { aggregate { count } }
  }
}`,
    postgraphile: `query Aggregate {
  seasons: allSeasons(orderBy: SEASON_CODE_DESC) {
    nodes { season_code: seasonCode courses: coursesBySeasonCode { count: totalCount } }
  }
}`,
    variables: () => ({}),
    project: {
      engine: (d) =>
        (d as { seasons: { season_code: string; courses_aggregate: { aggregate: { count: number } } }[] }).seasons.map(
          (s) => ({ season_code: s.season_code, count: s.courses_aggregate.aggregate.count }),
        ),
      postgraphile: (d) =>
        (d as { seasons: { nodes: { season_code: string; courses: { count: number } }[] } }).seasons.nodes.map((s) => ({
          season_code: s.season_code,
          count: s.courses.count,
        })),
    },
  },
  {
    id: 'my_worksheets',
    title: 'own worksheets of a season',
    role: 'student',
    engine: `query MyWorksheets($userId: Int!, $season: String!) {
  worksheets(where: { user_id: { _eq: $userId }, season_code: { _eq: $season } }, order_by: { worksheet_number: asc }) {
    worksheet_id user_id worksheet_number name private season_code updated_at
    worksheet_courses(order_by: { added_at: asc }) { crn color hidden added_at }
  }
}`,
    postgraphile: `query MyWorksheets($userId: Int!, $season: String!) {
  worksheets: allWorksheets(condition: { userId: $userId, seasonCode: $season }, orderBy: WORKSHEET_NUMBER_ASC) {
    nodes {
      worksheet_id: worksheetId user_id: userId worksheet_number: worksheetNumber name private
      season_code: seasonCode updated_at: updatedAt
      worksheet_courses: worksheetCoursesByWorksheetId(orderBy: ADDED_AT_ASC) {
        nodes { crn color hidden added_at: addedAt }
      }
    }
  }
}`,
    variables: (s) => ({ userId: s.userId, season: s.season }),
  },
];

/**
 * Deterministic ids from the data set: the newest season; in it a cross-listed listing with professors, meetings
 * and flags; the professor with the most courses; the user with the most worksheet courses in that season.
 */
export async function pickSample(client: pg.Pool | pg.Client): Promise<Sample> {
  const { rows } = await client.query<{ season: string; listing_id: number; professor_id: number; user_id: number }>(`
    with s as (select max(season_code) as season from courses)
    select s.season,
      (select l.listing_id from listings l
        where l.season_code = s.season
          and exists (select from course_meetings m where m.course_id = l.course_id)
          and exists (select from course_flags f where f.course_id = l.course_id)
        order by (select count(*) from listings x where x.course_id = l.course_id) desc,
                 (select count(*) from course_professors p where p.course_id = l.course_id) desc, l.listing_id
        limit 1) as listing_id,
      (select professor_id from course_professors group by professor_id
        order by count(*) desc, professor_id limit 1) as professor_id,
      (select w.user_id from worksheets w join worksheet_courses c using (worksheet_id)
        where w.season_code = s.season group by w.user_id order by count(*) desc, w.user_id limit 1) as user_id
    from s`);
  const r = rows[0];
  if (!r || r.listing_id === null || r.professor_id === null || r.user_id === null) {
    throw new Error('the data set has no sample for the workload (is it seeded?)');
  }
  return { season: r.season, listingId: r.listing_id, professorId: r.professor_id, userId: r.user_id };
}
