/**
 * Column comments of the course tables. Hasura shows a column comment verbatim as the GraphQL field description,
 * so these strings are ferry's `comment=` texts, whitespace included (ferry writes multi-line Python strings, so
 * some comments contain a newline followed by 8 spaces).
 *
 * Sources, best first (see migrations/README.md):
 * - [H] descriptions printed by CourseTable's Hasura (`coursetable/coursetable` generated GraphQL types);
 * - [M] `coursetable/ferry: ferry/database/models.py`;
 * - [R] `../shared/reference/course-schema.md` "Meaning" column, minus the sheet's editorial notes, for the
 *   columns neither of the above shows (marked below).
 * Columns absent here have no comment (25 of them, listed in course-schema.md §1.2).
 */
const NL = '\n        ';

export const courseComments: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  seasons: {
    season_code: "Season code (e.g. '202001')",
    term: '[computed] Season of the semester - one of spring, summer, or fall',
    year: '[computed] Year of the semester',
  },
  courses: {
    season_code: 'The season the course is being taught in',
    primary_crn: 'CRN of the primary listing', // [R]
    section: `Course section. Note that the section number is the same for${NL}all cross-listings.`,
    title: 'Complete course title',
    description: 'Course description',
    requirements: 'Recommended requirements/prerequisites for the course',
    skills: `Skills that the course fulfills (e.g. writing,${NL}quantitative reasoning, language levels)`,
    areas: 'Course areas (humanities, social sciences, sciences)',
    credits: 'Number of course credits',
    syllabus_url: 'Link to the syllabus',
    course_home_url: 'Link to the course homepage',
    regnotes: `Registrar's notes (e.g. preference selection links,${NL}optional writing credits, etc.)`,
    extra_info: 'Additional information (indicates if class has been cancelled)',
    rp_attr: 'Reading period notes',
    classnotes: 'Additional class notes',
    final_exam: 'Final exam information',
    fysem: 'True if the course is a first-year seminar. False otherwise.',
    sysem: 'True if the course is a sophomore seminar. False otherwise.',
    colsem: 'True if the course is a college seminar. False otherwise.',
    same_course_id:
      '[computed] Unique ID for grouping courses by historical offering.' +
      `${NL}All courses with a given ID are identical offerings across different semesters.${NL}`,
    same_course_and_profs_id:
      '[computed] Unique ID for grouping courses by historical offering.' +
      `${NL}All courses with a given ID are identical offerings across different semesters.` +
      `${NL}Same as 'same_course_id' with the constraint that all courses in a group were` +
      `${NL}taught by the same professors.${NL}`,
    average_gut_rating: '[computed] average_rating - average_workload',
    average_professor_rating: '[computed] Average of the average ratings of all professors for this course.',
    average_rating: `[computed] Historical average course rating for this course code,${NL}aggregated across all cross-listings`,
    average_rating_n: '[computed] Number of courses used to compute `average_rating`',
    average_workload: `[computed] Historical average workload rating,${NL}aggregated across all cross-listings`,
    average_workload_n: '[computed] Number of courses used to compute `average_workload`',
    average_rating_same_professors:
      `[computed] Historical average course rating for this course code,` +
      `${NL}aggregated across all cross-listings with same set of professors`,
    average_rating_same_professors_n: `[computed] Number of courses used to compute${NL}\`average_rating_same_professors\``,
    average_workload_same_professors:
      `[computed] Historical average workload rating,` +
      `${NL}aggregated across all cross-listings with same set of professors`,
    average_workload_same_professors_n: `[computed] Number of courses used to compute${NL}\`average_workload_same_professors\``,
    last_offered_course_id: `[computed] Most recent previous offering of${NL}course (excluding future ones)`,
    last_enrollment_course_id: '[computed] Course from which last enrollment offering was pulled',
    last_enrollment: '[computed] Number of students enrolled in last offering of course',
    last_enrollment_season_code: '[computed] Season in which last enrollment offering is from',
    last_enrollment_same_professors: `[computed] Whether last enrollment offering${NL}is with same professor as current.`,
  },
  listings: {
    listing_id: 'Listing ID',
    course_id: 'Course that the listing refers to',
    school: 'School (e.g. YC, GS, MG) that the course is listed under',
    subject: 'Subject the course is listed under (e.g. "AMST")',
    number: 'Course number in the given subject (e.g. "120" or "S120")',
    course_code: '[computed] subject + number (e.g. "AMST 312")',
    section: 'Course section for the given subject and number',
    season_code: 'When the course/listing is being taught, mapping to `seasons`',
    crn: 'The CRN associated with this listing',
  },
  professors: {
    professor_id: 'Professor ID',
    name: 'Name of the professor',
    email: 'Email address of the professor',
    courses_taught: '[computed] Number of courses taught', // [R]
    average_rating: `[computed] Average rating of the professor assessed via${NL}the "Overall assessment" question in courses taught`,
    average_rating_n: '[computed] Number of courses used to compute `average_rating`',
  },
  flags: {
    flag_id: 'Flag ID',
    flag_text: 'Flag text',
  },
  course_meetings: {
    days_of_week:
      'Days of the week for this session. It is formed through bitwise joining all the constituents, where ' +
      '(1 = Sunday, 2 = Monday, 4 = Tuesday, ..., 64 = Saturday). For example, if a course meets on Monday, ' +
      'Wednesday, and Friday, the value would be 2 + 8 + 32 = 42.',
    start_time: 'Start time of this meeting session',
    end_time: 'End time of this meeting session',
    location_id: 'Location of this meeting session',
  },
  locations: {
    building_code: 'Building code', // [R]
    room: 'Room number', // [R]
  },
  buildings: {
    code: 'Building short code/abbreviation, as in YCS',
    building_name: 'Building full name',
    url: 'Yale campus map URL',
  },
  evaluation_statistics: {
    course_id: 'The course associated with these statistics',
    enrolled: 'Number of students enrolled in course',
    responses: 'Number of responses',
    extras: 'Arbitrary additional information attached to an evaluation',
    avg_rating: '[computed] Average overall rating',
    avg_workload: '[computed] Average workload rating',
  },
  evaluation_questions: {
    question_code: 'Question code from OCE (e.g. "YC402")',
    is_narrative: `True if the question has narrative responses.${NL}False if the question has categorica/numerical responses`,
    question_text: 'The question text',
    options: 'JSON array of possible responses (only if the question is not a narrative',
    tag: `[computed] Question type (used for computing ratings, since one${NL}question may be coded differently for different respondants)`,
  },
  evaluation_ratings: {
    course_id: 'The course to which this rating applies',
    question_code: 'Question to which this rating responds',
    rating: 'JSON array of the response counts for each option',
  },
  evaluation_narratives: {
    course_id: 'The course to which this narrative comment applies',
    question_code: 'Question to which this narrative comment responds',
    response_number: 'Number of the response for this course and question (0-based)', // [R]
    comment: 'Response to the question',
    comment_neg: "VADER sentiment 'neg' score (negativity)",
    comment_neu: "VADER sentiment 'neu' score (neutrality)",
    comment_pos: "VADER sentiment 'pos' score (positivity)",
    comment_compound: "VADER sentiment 'compound' score (valence aggregate of neg, neu, pos)",
  },
  evaluation_narrative_summaries: {
    course_id: 'Course whose narrative comments are summarized', // [R]
    question_code: 'Question code of the summarized narrative responses', // [R]
    summary: 'AI-generated summary of student narrative comments', // [R]
  },
};
