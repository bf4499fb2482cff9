/**
 * The course schema as ../shared/reference/course-schema.md §3 states it, transcribed by hand (not generated from
 * the database): columns in order with type and nullability (`!` = NOT NULL, `serial` = integer with its own
 * `<table>_<column>_seq` default, `= x` = default expression), keys, FKs, indexes, and the columns without a comment.
 */
export interface ExpectedTable {
  columns: string[];
  pk: string; // `name(col, …)`
  fks?: string[]; // `name(col) -> table(col)` with optional ` cascade`
  indexes: string[]; // `[unique ]name(col, …)[ where …]`, PK index excluded
}

const STAMPS = ['time_added timestamp', 'last_updated timestamp'];

export const EXPECTED: Record<string, ExpectedTable> = {
  seasons: {
    columns: ['season_code varchar(10) !', 'term varchar(10) !', 'year integer !', ...STAMPS],
    pk: 'pk_seasons(season_code)',
    indexes: ['ix_seasons_season_code(season_code)'],
  },
  courses: {
    columns: [
      'course_id serial !',
      'season_code varchar(10) !',
      'primary_crn integer',
      'section varchar !',
      'title varchar !',
      'description varchar',
      'requirements varchar',
      'skills jsonb !',
      'areas jsonb !',
      'credits float8',
      'syllabus_url varchar',
      'course_home_url varchar',
      'regnotes varchar',
      'extra_info varchar',
      'rp_attr varchar',
      'classnotes varchar',
      'final_exam varchar',
      'fysem boolean !',
      'sysem boolean !',
      'colsem boolean !',
      'same_course_id integer !',
      'same_course_and_profs_id integer !',
      'average_gut_rating float8',
      'average_professor_rating float8',
      'average_rating float8',
      'average_rating_n integer !',
      'average_workload float8',
      'average_workload_n integer !',
      'average_rating_same_professors float8',
      'average_rating_same_professors_n integer !',
      'average_workload_same_professors float8',
      'average_workload_same_professors_n integer !',
      'last_offered_course_id integer',
      'last_enrollment_course_id integer',
      'last_enrollment integer',
      'last_enrollment_season_code varchar(10)',
      'last_enrollment_same_professors boolean',
      ...STAMPS,
    ],
    pk: 'pk_courses(course_id)',
    fks: [
      'fk_courses_season_code_seasons(season_code) -> seasons(season_code)',
      'fk_courses_last_offered_course_id_courses(last_offered_course_id) -> courses(course_id)',
      'fk_courses_last_enrollment_course_id_courses(last_enrollment_course_id) -> courses(course_id)',
      'fk_courses_last_enrollment_season_code_seasons(last_enrollment_season_code) -> seasons(season_code)',
    ],
    indexes: [
      'ix_courses_course_id(course_id)',
      'ix_courses_season_code(season_code)',
      'ix_courses_same_course_id(same_course_id)',
      'ix_courses_same_course_and_profs_id(same_course_and_profs_id)',
      'ix_courses_last_offered_course_id(last_offered_course_id)',
      'ix_courses_last_enrollment_course_id(last_enrollment_course_id)',
      'ix_courses_last_enrollment_season_code(last_enrollment_season_code)',
    ],
  },
  listings: {
    columns: [
      'listing_id serial !',
      'course_id integer !',
      'school varchar !',
      'subject varchar !',
      'number varchar !',
      'course_code varchar !',
      'section varchar !',
      'season_code varchar(10) !',
      'crn integer !',
      ...STAMPS,
    ],
    pk: 'pk_listings(listing_id)',
    fks: [
      'fk_listings_course_id_courses(course_id) -> courses(course_id)',
      'fk_listings_season_code_seasons(season_code) -> seasons(season_code)',
    ],
    indexes: [
      'unique idx_season_code_crn_unique(season_code, crn)',
      'idx_season_course_section_unique(season_code, subject, number, section)',
      'ix_listings_course_id(course_id)',
      'ix_listings_course_code(course_code)',
      'ix_listings_season_code(season_code)',
      'ix_listings_crn(crn)',
    ],
  },
  professors: {
    columns: [
      'professor_id serial !',
      'name varchar !',
      'email varchar',
      'courses_taught integer !',
      'average_rating float8',
      'average_rating_n integer !',
      ...STAMPS,
    ],
    pk: 'pk_professors(professor_id)',
    indexes: ['ix_professors_name(name)'],
  },
  course_professors: {
    columns: ['course_id integer !', 'professor_id integer !'],
    pk: 'pk_course_professors(course_id, professor_id)',
    fks: [
      'fk_course_professors_course_id_courses(course_id) -> courses(course_id)',
      'fk_course_professors_professor_id_professors(professor_id) -> professors(professor_id)',
    ],
    indexes: ['ix_course_professors_course_id(course_id)', 'ix_course_professors_professor_id(professor_id)'],
  },
  flags: {
    columns: ['flag_id serial !', 'flag_text varchar !', ...STAMPS],
    pk: 'pk_flags(flag_id)',
    indexes: ['ix_flags_flag_text(flag_text)'],
  },
  course_flags: {
    columns: ['course_id integer !', 'flag_id integer !'],
    pk: 'pk_course_flags(course_id, flag_id)',
    fks: [
      'fk_course_flags_course_id_courses(course_id) -> courses(course_id)',
      'fk_course_flags_flag_id_flags(flag_id) -> flags(flag_id)',
    ],
    indexes: ['ix_course_flags_course_id(course_id)', 'ix_course_flags_flag_id(flag_id)'],
  },
  course_meetings: {
    columns: [
      'course_id integer !',
      'days_of_week integer !',
      'start_time varchar !',
      'end_time varchar !',
      'location_id integer',
    ],
    pk: '',
    fks: [
      'fk_course_meetings_course_id_courses(course_id) -> courses(course_id) cascade',
      'fk_course_meetings_location_id_locations(location_id) -> locations(location_id)',
    ],
    indexes: [
      'unique cm_3col_uniq_idx(course_id, start_time, end_time) where location_id is null',
      'unique cm_4col_uniq_idx(course_id, start_time, end_time, location_id) where location_id is not null',
      'ix_course_meetings_course_id(course_id)',
      'ix_course_meetings_location_id(location_id)',
    ],
  },
  locations: {
    columns: ['location_id serial !', 'building_code varchar !', 'room varchar', ...STAMPS],
    pk: 'pk_locations(location_id)',
    fks: ['fk_locations_building_code_buildings(building_code) -> buildings(code)'],
    indexes: ['unique idx_building_code_room_unique(building_code, room)', 'ix_locations_building_code(building_code)'],
  },
  buildings: {
    columns: ['code varchar !', 'building_name varchar', 'url varchar', ...STAMPS],
    pk: 'pk_buildings(code)',
    indexes: ['ix_buildings_code(code)'],
  },
  evaluation_statistics: {
    columns: [
      'course_id integer !',
      'enrolled integer !',
      'responses integer',
      'extras jsonb',
      'avg_rating float8',
      'avg_workload float8',
    ],
    pk: 'pk_evaluation_statistics(course_id)',
    fks: ['fk_evaluation_statistics_course_id_courses(course_id) -> courses(course_id)'],
    indexes: ['ix_evaluation_statistics_course_id(course_id)'],
  },
  evaluation_questions: {
    columns: [
      'question_code varchar !',
      'is_narrative boolean !',
      'question_text varchar !',
      'options jsonb',
      'tag varchar',
    ],
    pk: 'pk_evaluation_questions(question_code)',
    indexes: ['ix_evaluation_questions_question_code(question_code)'],
  },
  evaluation_ratings: {
    columns: ['id serial !', 'course_id integer !', 'question_code varchar !', 'rating jsonb !'],
    pk: 'pk_evaluation_ratings(id)',
    fks: [
      'fk_evaluation_ratings_course_id_courses(course_id) -> courses(course_id)',
      'fk_evaluation_ratings_question_code_evaluation_questions(question_code) -> evaluation_questions(question_code)',
    ],
    indexes: ['ix_evaluation_ratings_course_id(course_id)', 'ix_evaluation_ratings_question_code(question_code)'],
  },
  evaluation_narratives: {
    columns: [
      'id serial !',
      'course_id integer !',
      'question_code varchar !',
      'response_number integer !',
      'comment varchar !',
      'comment_neg float8 !',
      'comment_neu float8 !',
      'comment_pos float8 !',
      'comment_compound float8 !',
    ],
    pk: 'pk_evaluation_narratives(id)',
    fks: [
      'fk_evaluation_narratives_course_id_courses(course_id) -> courses(course_id)',
      'fk_evaluation_narratives_question_code_evaluation_questions(question_code) -> evaluation_questions(question_code)',
    ],
    indexes: ['ix_evaluation_narratives_course_id(course_id)', 'ix_evaluation_narratives_question_code(question_code)'],
  },
  evaluation_narrative_summaries: {
    columns: ['course_id integer !', 'question_code varchar !', 'summary text !'],
    pk: 'pk_evaluation_narrative_summaries(course_id, question_code)',
    fks: [
      'fk_evaluation_narrative_summaries_course_id_courses(course_id) -> courses(course_id)',
      // 68 characters truncated the SQLAlchemy way: name[:55] + '_' + md5(name)[-4:].
      'fk_evaluation_narrative_summaries_question_code_evaluat_0e9c(question_code) -> evaluation_questions(question_code)',
    ],
    indexes: [
      'ix_evaluation_narrative_summaries_course_id(course_id)',
      'ix_evaluation_narrative_summaries_question_code(question_code)',
    ],
  },
  metadata: {
    columns: ['id serial !', 'last_update timestamp = CURRENT_TIMESTAMP'],
    pk: 'metadata_pkey(id)',
    indexes: [],
  },
};

/** §1.2: the 25 columns without a comment (every other course column has one). */
export const UNCOMMENTED = [
  'courses.course_id',
  'course_meetings.course_id',
  'course_professors.course_id',
  'course_professors.professor_id',
  'course_flags.course_id',
  'course_flags.flag_id',
  'locations.location_id',
  'evaluation_ratings.id',
  'evaluation_narratives.id',
  'metadata.id',
  'metadata.last_update',
  ...['seasons', 'courses', 'listings', 'professors', 'flags', 'locations', 'buildings'].flatMap((t) => [
    `${t}.time_added`,
    `${t}.last_updated`,
  ]),
];
