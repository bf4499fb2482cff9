/**
 * Course data: the 16 tables of ../shared/reference/course-schema.md, with ferry's names for every constraint and
 * index (SQLAlchemy naming convention `pk_<t>`, `fk_<t>_<col>_<referred>`, `ix_<t>_<col>`), so that a stock Hasura
 * sees the same columns, types, comments and FK-inferred relationships as CourseTable's production database.
 */
import type { MigrationBuilder } from 'node-pg-migrate';
import { courseComments } from './lib/course-comments.js';
import { quoteLiteral } from './lib/sql.js';
import { COURSE_TABLES } from './lib/tables.js';

/** The ferry tables, dependencies first (the down migration drops them in reverse). */
const TABLES = COURSE_TABLES;

/** Ferry adds these two with `ALTER TABLE … ADD COLUMN … TIMESTAMP DEFAULT NULL`, hence last and nullable. */
const STAMPS = `time_added timestamp default null,
  last_updated timestamp default null`;

const DDL = `
create table seasons (
  season_code varchar(10) not null,
  term varchar(10) not null,
  year integer not null,
  ${STAMPS},
  constraint pk_seasons primary key (season_code)
);
create index ix_seasons_season_code on seasons (season_code);

create table courses (
  course_id serial not null,
  season_code varchar(10) not null,
  primary_crn integer,
  section varchar not null,
  title varchar not null,
  description varchar,
  requirements varchar,
  skills jsonb not null,
  areas jsonb not null,
  credits double precision,
  syllabus_url varchar,
  course_home_url varchar,
  regnotes varchar,
  extra_info varchar,
  rp_attr varchar,
  classnotes varchar,
  final_exam varchar,
  fysem boolean not null,
  sysem boolean not null,
  colsem boolean not null,
  same_course_id integer not null,
  same_course_and_profs_id integer not null,
  average_gut_rating double precision,
  average_professor_rating double precision,
  average_rating double precision,
  average_rating_n integer not null,
  average_workload double precision,
  average_workload_n integer not null,
  average_rating_same_professors double precision,
  average_rating_same_professors_n integer not null,
  average_workload_same_professors double precision,
  average_workload_same_professors_n integer not null,
  last_offered_course_id integer,
  last_enrollment_course_id integer,
  last_enrollment integer,
  last_enrollment_season_code varchar(10),
  last_enrollment_same_professors boolean,
  ${STAMPS},
  constraint pk_courses primary key (course_id),
  constraint fk_courses_season_code_seasons foreign key (season_code) references seasons (season_code),
  constraint fk_courses_last_offered_course_id_courses
    foreign key (last_offered_course_id) references courses (course_id),
  constraint fk_courses_last_enrollment_course_id_courses
    foreign key (last_enrollment_course_id) references courses (course_id),
  constraint fk_courses_last_enrollment_season_code_seasons
    foreign key (last_enrollment_season_code) references seasons (season_code)
);
create index ix_courses_course_id on courses (course_id);
create index ix_courses_season_code on courses (season_code);
create index ix_courses_same_course_id on courses (same_course_id);
create index ix_courses_same_course_and_profs_id on courses (same_course_and_profs_id);
create index ix_courses_last_offered_course_id on courses (last_offered_course_id);
create index ix_courses_last_enrollment_course_id on courses (last_enrollment_course_id);
create index ix_courses_last_enrollment_season_code on courses (last_enrollment_season_code);

create table listings (
  listing_id serial not null,
  course_id integer not null,
  school varchar not null,
  subject varchar not null,
  number varchar not null,
  course_code varchar not null,
  section varchar not null,
  season_code varchar(10) not null,
  crn integer not null,
  ${STAMPS},
  constraint pk_listings primary key (listing_id),
  constraint fk_listings_course_id_courses foreign key (course_id) references courses (course_id),
  constraint fk_listings_season_code_seasons foreign key (season_code) references seasons (season_code)
);
create unique index idx_season_code_crn_unique on listings (season_code, crn);
create index idx_season_course_section_unique on listings (season_code, subject, number, section);
create index ix_listings_course_id on listings (course_id);
create index ix_listings_course_code on listings (course_code);
create index ix_listings_season_code on listings (season_code);
create index ix_listings_crn on listings (crn);

create table professors (
  professor_id serial not null,
  name varchar not null,
  email varchar,
  courses_taught integer not null,
  average_rating double precision,
  average_rating_n integer not null,
  ${STAMPS},
  constraint pk_professors primary key (professor_id)
);
create index ix_professors_name on professors (name);

create table course_professors (
  course_id integer not null,
  professor_id integer not null,
  constraint pk_course_professors primary key (course_id, professor_id),
  constraint fk_course_professors_course_id_courses foreign key (course_id) references courses (course_id),
  constraint fk_course_professors_professor_id_professors
    foreign key (professor_id) references professors (professor_id)
);
create index ix_course_professors_course_id on course_professors (course_id);
create index ix_course_professors_professor_id on course_professors (professor_id);

create table flags (
  flag_id serial not null,
  flag_text varchar not null,
  ${STAMPS},
  constraint pk_flags primary key (flag_id)
);
create index ix_flags_flag_text on flags (flag_text);

create table course_flags (
  course_id integer not null,
  flag_id integer not null,
  constraint pk_course_flags primary key (course_id, flag_id),
  constraint fk_course_flags_course_id_courses foreign key (course_id) references courses (course_id),
  constraint fk_course_flags_flag_id_flags foreign key (flag_id) references flags (flag_id)
);
create index ix_course_flags_course_id on course_flags (course_id);
create index ix_course_flags_flag_id on course_flags (flag_id);

create table buildings (
  code varchar not null,
  building_name varchar,
  url varchar,
  ${STAMPS},
  constraint pk_buildings primary key (code)
);
create index ix_buildings_code on buildings (code);

create table locations (
  location_id serial not null,
  building_code varchar not null,
  room varchar,
  ${STAMPS},
  constraint pk_locations primary key (location_id),
  constraint fk_locations_building_code_buildings foreign key (building_code) references buildings (code)
);
create unique index idx_building_code_room_unique on locations (building_code, room);
create index ix_locations_building_code on locations (building_code);

create table course_meetings (
  course_id integer not null,
  days_of_week integer not null,
  start_time varchar not null,
  end_time varchar not null,
  location_id integer,
  constraint fk_course_meetings_course_id_courses
    foreign key (course_id) references courses (course_id) on delete cascade,
  constraint fk_course_meetings_location_id_locations foreign key (location_id) references locations (location_id)
);
create unique index cm_3col_uniq_idx on course_meetings (course_id, start_time, end_time)
  where location_id is null;
create unique index cm_4col_uniq_idx on course_meetings (course_id, start_time, end_time, location_id)
  where location_id is not null;
create index ix_course_meetings_course_id on course_meetings (course_id);
create index ix_course_meetings_location_id on course_meetings (location_id);

create table evaluation_statistics (
  course_id integer not null,
  enrolled integer not null,
  responses integer,
  extras jsonb,
  avg_rating double precision,
  avg_workload double precision,
  constraint pk_evaluation_statistics primary key (course_id),
  constraint fk_evaluation_statistics_course_id_courses foreign key (course_id) references courses (course_id)
);
create index ix_evaluation_statistics_course_id on evaluation_statistics (course_id);

create table evaluation_questions (
  question_code varchar not null,
  is_narrative boolean not null,
  question_text varchar not null,
  options jsonb,
  tag varchar,
  constraint pk_evaluation_questions primary key (question_code)
);
create index ix_evaluation_questions_question_code on evaluation_questions (question_code);

create table evaluation_ratings (
  id serial not null,
  course_id integer not null,
  question_code varchar not null,
  rating jsonb not null,
  constraint pk_evaluation_ratings primary key (id),
  constraint fk_evaluation_ratings_course_id_courses foreign key (course_id) references courses (course_id),
  constraint fk_evaluation_ratings_question_code_evaluation_questions
    foreign key (question_code) references evaluation_questions (question_code)
);
create index ix_evaluation_ratings_course_id on evaluation_ratings (course_id);
create index ix_evaluation_ratings_question_code on evaluation_ratings (question_code);

create table evaluation_narratives (
  id serial not null,
  course_id integer not null,
  question_code varchar not null,
  response_number integer not null,
  comment varchar not null,
  comment_neg double precision not null,
  comment_neu double precision not null,
  comment_pos double precision not null,
  comment_compound double precision not null,
  constraint pk_evaluation_narratives primary key (id),
  constraint fk_evaluation_narratives_course_id_courses foreign key (course_id) references courses (course_id),
  constraint fk_evaluation_narratives_question_code_evaluation_questions
    foreign key (question_code) references evaluation_questions (question_code)
);
create index ix_evaluation_narratives_course_id on evaluation_narratives (course_id);
create index ix_evaluation_narratives_question_code on evaluation_narratives (question_code);

-- fk_evaluation_narrative_summaries_question_code_evaluation_questions is 68 characters; SQLAlchemy truncates
-- names over 63 to name[:55] + '_' + md5(name)[-4:] (sqlalchemy/sql/compiler.py _truncate_and_render_maxlen_name).
create table evaluation_narrative_summaries (
  course_id integer not null,
  question_code varchar not null,
  summary text not null,
  constraint pk_evaluation_narrative_summaries primary key (course_id, question_code),
  constraint fk_evaluation_narrative_summaries_course_id_courses
    foreign key (course_id) references courses (course_id),
  constraint fk_evaluation_narrative_summaries_question_code_evaluat_0e9c
    foreign key (question_code) references evaluation_questions (question_code)
);
create index ix_evaluation_narrative_summaries_course_id on evaluation_narrative_summaries (course_id);
create index ix_evaluation_narrative_summaries_question_code on evaluation_narrative_summaries (question_code);

-- ferry/database/queries/create_metadata.sql: raw SQL, so the PK keeps Postgres' default name metadata_pkey.
create table metadata (
  id serial primary key,
  last_update timestamp default current_timestamp
);
insert into metadata (id, last_update) values (1, now());
`;

function commentStatements(): string {
  const lines: string[] = [];
  for (const [table, columns] of Object.entries(courseComments)) {
    for (const [column, text] of Object.entries(columns)) {
      lines.push(`comment on column ${table}.${column} is ${quoteLiteral(text)};`);
    }
  }
  return lines.join('\n');
}

export function up(pgm: MigrationBuilder): void {
  pgm.sql(DDL);
  pgm.sql(commentStatements());
}

export function down(pgm: MigrationBuilder): void {
  pgm.sql(`drop table ${[...TABLES].reverse().join(', ')};`);
}
