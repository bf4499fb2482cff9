/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';
/** Boolean expression to compare columns of type "Boolean". All fields are combined with logical 'AND'. */
export type Boolean_Comparison_Exp = {
  _eq?: boolean | null | undefined;
  _gt?: boolean | null | undefined;
  _gte?: boolean | null | undefined;
  _in?: Array<boolean> | null | undefined;
  _is_null?: boolean | null | undefined;
  _lt?: boolean | null | undefined;
  _lte?: boolean | null | undefined;
  _neq?: boolean | null | undefined;
  _nin?: Array<boolean> | null | undefined;
};

/** Boolean expression to compare columns of type "Int". All fields are combined with logical 'AND'. */
export type Int_Comparison_Exp = {
  _eq?: number | null | undefined;
  _gt?: number | null | undefined;
  _gte?: number | null | undefined;
  _in?: Array<number> | null | undefined;
  _is_null?: boolean | null | undefined;
  _lt?: number | null | undefined;
  _lte?: number | null | undefined;
  _neq?: number | null | undefined;
  _nin?: Array<number> | null | undefined;
};

/** Boolean expression to compare columns of type "String". All fields are combined with logical 'AND'. */
export type String_Comparison_Exp = {
  _eq?: string | null | undefined;
  _gt?: string | null | undefined;
  _gte?: string | null | undefined;
  /** does the column match the given case-insensitive pattern */
  _ilike?: string | null | undefined;
  _in?: Array<string> | null | undefined;
  /** does the column match the given POSIX regular expression, case insensitive */
  _iregex?: string | null | undefined;
  _is_null?: boolean | null | undefined;
  /** does the column match the given pattern */
  _like?: string | null | undefined;
  _lt?: string | null | undefined;
  _lte?: string | null | undefined;
  _neq?: string | null | undefined;
  /** does the column NOT match the given case-insensitive pattern */
  _nilike?: string | null | undefined;
  _nin?: Array<string> | null | undefined;
  /** does the column NOT match the given POSIX regular expression, case insensitive */
  _niregex?: string | null | undefined;
  /** does the column NOT match the given pattern */
  _nlike?: string | null | undefined;
  /** does the column NOT match the given POSIX regular expression, case sensitive */
  _nregex?: string | null | undefined;
  /** does the column NOT match the given SQL regular expression */
  _nsimilar?: string | null | undefined;
  /** does the column match the given POSIX regular expression, case sensitive */
  _regex?: string | null | undefined;
  /** does the column match the given SQL regular expression */
  _similar?: string | null | undefined;
};

/** Boolean expression to filter rows from the table "buildings". All fields are combined with a logical 'AND'. */
export type Buildings_Bool_Exp = {
  _and?: Array<Buildings_Bool_Exp> | null | undefined;
  _not?: Buildings_Bool_Exp | null | undefined;
  _or?: Array<Buildings_Bool_Exp> | null | undefined;
  building_name?: String_Comparison_Exp | null | undefined;
  code?: String_Comparison_Exp | null | undefined;
  locations?: Locations_Bool_Exp | null | undefined;
  locations_aggregate?: Locations_Aggregate_Bool_Exp | null | undefined;
  url?: String_Comparison_Exp | null | undefined;
};

export type Course_Flags_Aggregate_Bool_Exp = {
  count?: Course_Flags_Aggregate_Bool_Exp_Count | null | undefined;
};

export type Course_Flags_Aggregate_Bool_Exp_Count = {
  arguments?: Array<Course_Flags_Select_Column> | null | undefined;
  distinct?: boolean | null | undefined;
  filter?: Course_Flags_Bool_Exp | null | undefined;
  predicate: Int_Comparison_Exp;
};

/** order by aggregate values of table "course_flags" */
export type Course_Flags_Aggregate_Order_By = {
  avg?: Course_Flags_Avg_Order_By | null | undefined;
  count?: Order_By | null | undefined;
  max?: Course_Flags_Max_Order_By | null | undefined;
  min?: Course_Flags_Min_Order_By | null | undefined;
  stddev?: Course_Flags_Stddev_Order_By | null | undefined;
  stddev_pop?: Course_Flags_Stddev_Pop_Order_By | null | undefined;
  stddev_samp?: Course_Flags_Stddev_Samp_Order_By | null | undefined;
  sum?: Course_Flags_Sum_Order_By | null | undefined;
  var_pop?: Course_Flags_Var_Pop_Order_By | null | undefined;
  var_samp?: Course_Flags_Var_Samp_Order_By | null | undefined;
  variance?: Course_Flags_Variance_Order_By | null | undefined;
};

/** order by avg() on columns of table "course_flags" */
export type Course_Flags_Avg_Order_By = {
  course_id?: Order_By | null | undefined;
  flag_id?: Order_By | null | undefined;
};

/** Boolean expression to filter rows from the table "course_flags". All fields are combined with a logical 'AND'. */
export type Course_Flags_Bool_Exp = {
  _and?: Array<Course_Flags_Bool_Exp> | null | undefined;
  _not?: Course_Flags_Bool_Exp | null | undefined;
  _or?: Array<Course_Flags_Bool_Exp> | null | undefined;
  course?: Courses_Bool_Exp | null | undefined;
  course_id?: Int_Comparison_Exp | null | undefined;
  flag?: Flags_Bool_Exp | null | undefined;
  flag_id?: Int_Comparison_Exp | null | undefined;
};

/** order by max() on columns of table "course_flags" */
export type Course_Flags_Max_Order_By = {
  course_id?: Order_By | null | undefined;
  flag_id?: Order_By | null | undefined;
};

/** order by min() on columns of table "course_flags" */
export type Course_Flags_Min_Order_By = {
  course_id?: Order_By | null | undefined;
  flag_id?: Order_By | null | undefined;
};

/** select columns of table "course_flags" */
export type Course_Flags_Select_Column =
  /** column name */
  | 'course_id'
  /** column name */
  | 'flag_id';

/** order by stddev() on columns of table "course_flags" */
export type Course_Flags_Stddev_Order_By = {
  course_id?: Order_By | null | undefined;
  flag_id?: Order_By | null | undefined;
};

/** order by stddev_pop() on columns of table "course_flags" */
export type Course_Flags_Stddev_Pop_Order_By = {
  course_id?: Order_By | null | undefined;
  flag_id?: Order_By | null | undefined;
};

/** order by stddev_samp() on columns of table "course_flags" */
export type Course_Flags_Stddev_Samp_Order_By = {
  course_id?: Order_By | null | undefined;
  flag_id?: Order_By | null | undefined;
};

/** order by sum() on columns of table "course_flags" */
export type Course_Flags_Sum_Order_By = {
  course_id?: Order_By | null | undefined;
  flag_id?: Order_By | null | undefined;
};

/** order by var_pop() on columns of table "course_flags" */
export type Course_Flags_Var_Pop_Order_By = {
  course_id?: Order_By | null | undefined;
  flag_id?: Order_By | null | undefined;
};

/** order by var_samp() on columns of table "course_flags" */
export type Course_Flags_Var_Samp_Order_By = {
  course_id?: Order_By | null | undefined;
  flag_id?: Order_By | null | undefined;
};

/** order by variance() on columns of table "course_flags" */
export type Course_Flags_Variance_Order_By = {
  course_id?: Order_By | null | undefined;
  flag_id?: Order_By | null | undefined;
};

export type Course_Meetings_Aggregate_Bool_Exp = {
  count?: Course_Meetings_Aggregate_Bool_Exp_Count | null | undefined;
};

export type Course_Meetings_Aggregate_Bool_Exp_Count = {
  arguments?: Array<Course_Meetings_Select_Column> | null | undefined;
  distinct?: boolean | null | undefined;
  filter?: Course_Meetings_Bool_Exp | null | undefined;
  predicate: Int_Comparison_Exp;
};

/** order by aggregate values of table "course_meetings" */
export type Course_Meetings_Aggregate_Order_By = {
  avg?: Course_Meetings_Avg_Order_By | null | undefined;
  count?: Order_By | null | undefined;
  max?: Course_Meetings_Max_Order_By | null | undefined;
  min?: Course_Meetings_Min_Order_By | null | undefined;
  stddev?: Course_Meetings_Stddev_Order_By | null | undefined;
  stddev_pop?: Course_Meetings_Stddev_Pop_Order_By | null | undefined;
  stddev_samp?: Course_Meetings_Stddev_Samp_Order_By | null | undefined;
  sum?: Course_Meetings_Sum_Order_By | null | undefined;
  var_pop?: Course_Meetings_Var_Pop_Order_By | null | undefined;
  var_samp?: Course_Meetings_Var_Samp_Order_By | null | undefined;
  variance?: Course_Meetings_Variance_Order_By | null | undefined;
};

/** order by avg() on columns of table "course_meetings" */
export type Course_Meetings_Avg_Order_By = {
  course_id?: Order_By | null | undefined;
  days_of_week?: Order_By | null | undefined;
  location_id?: Order_By | null | undefined;
};

/** Boolean expression to filter rows from the table "course_meetings". All fields are combined with a logical 'AND'. */
export type Course_Meetings_Bool_Exp = {
  _and?: Array<Course_Meetings_Bool_Exp> | null | undefined;
  _not?: Course_Meetings_Bool_Exp | null | undefined;
  _or?: Array<Course_Meetings_Bool_Exp> | null | undefined;
  course?: Courses_Bool_Exp | null | undefined;
  course_id?: Int_Comparison_Exp | null | undefined;
  days_of_week?: Int_Comparison_Exp | null | undefined;
  end_time?: String_Comparison_Exp | null | undefined;
  location?: Locations_Bool_Exp | null | undefined;
  location_id?: Int_Comparison_Exp | null | undefined;
  start_time?: String_Comparison_Exp | null | undefined;
};

/** order by max() on columns of table "course_meetings" */
export type Course_Meetings_Max_Order_By = {
  course_id?: Order_By | null | undefined;
  days_of_week?: Order_By | null | undefined;
  end_time?: Order_By | null | undefined;
  location_id?: Order_By | null | undefined;
  start_time?: Order_By | null | undefined;
};

/** order by min() on columns of table "course_meetings" */
export type Course_Meetings_Min_Order_By = {
  course_id?: Order_By | null | undefined;
  days_of_week?: Order_By | null | undefined;
  end_time?: Order_By | null | undefined;
  location_id?: Order_By | null | undefined;
  start_time?: Order_By | null | undefined;
};

/** select columns of table "course_meetings" */
export type Course_Meetings_Select_Column =
  /** column name */
  | 'course_id'
  /** column name */
  | 'days_of_week'
  /** column name */
  | 'end_time'
  /** column name */
  | 'location_id'
  /** column name */
  | 'start_time';

/** order by stddev() on columns of table "course_meetings" */
export type Course_Meetings_Stddev_Order_By = {
  course_id?: Order_By | null | undefined;
  days_of_week?: Order_By | null | undefined;
  location_id?: Order_By | null | undefined;
};

/** order by stddev_pop() on columns of table "course_meetings" */
export type Course_Meetings_Stddev_Pop_Order_By = {
  course_id?: Order_By | null | undefined;
  days_of_week?: Order_By | null | undefined;
  location_id?: Order_By | null | undefined;
};

/** order by stddev_samp() on columns of table "course_meetings" */
export type Course_Meetings_Stddev_Samp_Order_By = {
  course_id?: Order_By | null | undefined;
  days_of_week?: Order_By | null | undefined;
  location_id?: Order_By | null | undefined;
};

/** order by sum() on columns of table "course_meetings" */
export type Course_Meetings_Sum_Order_By = {
  course_id?: Order_By | null | undefined;
  days_of_week?: Order_By | null | undefined;
  location_id?: Order_By | null | undefined;
};

/** order by var_pop() on columns of table "course_meetings" */
export type Course_Meetings_Var_Pop_Order_By = {
  course_id?: Order_By | null | undefined;
  days_of_week?: Order_By | null | undefined;
  location_id?: Order_By | null | undefined;
};

/** order by var_samp() on columns of table "course_meetings" */
export type Course_Meetings_Var_Samp_Order_By = {
  course_id?: Order_By | null | undefined;
  days_of_week?: Order_By | null | undefined;
  location_id?: Order_By | null | undefined;
};

/** order by variance() on columns of table "course_meetings" */
export type Course_Meetings_Variance_Order_By = {
  course_id?: Order_By | null | undefined;
  days_of_week?: Order_By | null | undefined;
  location_id?: Order_By | null | undefined;
};

export type Course_Professors_Aggregate_Bool_Exp = {
  count?: Course_Professors_Aggregate_Bool_Exp_Count | null | undefined;
};

export type Course_Professors_Aggregate_Bool_Exp_Count = {
  arguments?: Array<Course_Professors_Select_Column> | null | undefined;
  distinct?: boolean | null | undefined;
  filter?: Course_Professors_Bool_Exp | null | undefined;
  predicate: Int_Comparison_Exp;
};

/** order by aggregate values of table "course_professors" */
export type Course_Professors_Aggregate_Order_By = {
  avg?: Course_Professors_Avg_Order_By | null | undefined;
  count?: Order_By | null | undefined;
  max?: Course_Professors_Max_Order_By | null | undefined;
  min?: Course_Professors_Min_Order_By | null | undefined;
  stddev?: Course_Professors_Stddev_Order_By | null | undefined;
  stddev_pop?: Course_Professors_Stddev_Pop_Order_By | null | undefined;
  stddev_samp?: Course_Professors_Stddev_Samp_Order_By | null | undefined;
  sum?: Course_Professors_Sum_Order_By | null | undefined;
  var_pop?: Course_Professors_Var_Pop_Order_By | null | undefined;
  var_samp?: Course_Professors_Var_Samp_Order_By | null | undefined;
  variance?: Course_Professors_Variance_Order_By | null | undefined;
};

/** order by avg() on columns of table "course_professors" */
export type Course_Professors_Avg_Order_By = {
  course_id?: Order_By | null | undefined;
  professor_id?: Order_By | null | undefined;
};

/** Boolean expression to filter rows from the table "course_professors". All fields are combined with a logical 'AND'. */
export type Course_Professors_Bool_Exp = {
  _and?: Array<Course_Professors_Bool_Exp> | null | undefined;
  _not?: Course_Professors_Bool_Exp | null | undefined;
  _or?: Array<Course_Professors_Bool_Exp> | null | undefined;
  course?: Courses_Bool_Exp | null | undefined;
  course_id?: Int_Comparison_Exp | null | undefined;
  professor?: Professors_Bool_Exp | null | undefined;
  professor_id?: Int_Comparison_Exp | null | undefined;
};

/** order by max() on columns of table "course_professors" */
export type Course_Professors_Max_Order_By = {
  course_id?: Order_By | null | undefined;
  professor_id?: Order_By | null | undefined;
};

/** order by min() on columns of table "course_professors" */
export type Course_Professors_Min_Order_By = {
  course_id?: Order_By | null | undefined;
  professor_id?: Order_By | null | undefined;
};

/** select columns of table "course_professors" */
export type Course_Professors_Select_Column =
  /** column name */
  | 'course_id'
  /** column name */
  | 'professor_id';

/** order by stddev() on columns of table "course_professors" */
export type Course_Professors_Stddev_Order_By = {
  course_id?: Order_By | null | undefined;
  professor_id?: Order_By | null | undefined;
};

/** order by stddev_pop() on columns of table "course_professors" */
export type Course_Professors_Stddev_Pop_Order_By = {
  course_id?: Order_By | null | undefined;
  professor_id?: Order_By | null | undefined;
};

/** order by stddev_samp() on columns of table "course_professors" */
export type Course_Professors_Stddev_Samp_Order_By = {
  course_id?: Order_By | null | undefined;
  professor_id?: Order_By | null | undefined;
};

/** order by sum() on columns of table "course_professors" */
export type Course_Professors_Sum_Order_By = {
  course_id?: Order_By | null | undefined;
  professor_id?: Order_By | null | undefined;
};

/** order by var_pop() on columns of table "course_professors" */
export type Course_Professors_Var_Pop_Order_By = {
  course_id?: Order_By | null | undefined;
  professor_id?: Order_By | null | undefined;
};

/** order by var_samp() on columns of table "course_professors" */
export type Course_Professors_Var_Samp_Order_By = {
  course_id?: Order_By | null | undefined;
  professor_id?: Order_By | null | undefined;
};

/** order by variance() on columns of table "course_professors" */
export type Course_Professors_Variance_Order_By = {
  course_id?: Order_By | null | undefined;
  professor_id?: Order_By | null | undefined;
};

export type Courses_Aggregate_Bool_Exp = {
  count?: Courses_Aggregate_Bool_Exp_Count | null | undefined;
};

export type Courses_Aggregate_Bool_Exp_Count = {
  arguments?: Array<Courses_Select_Column> | null | undefined;
  distinct?: boolean | null | undefined;
  filter?: Courses_Bool_Exp | null | undefined;
  predicate: Int_Comparison_Exp;
};

/** order by aggregate values of table "courses" */
export type Courses_Aggregate_Order_By = {
  avg?: Courses_Avg_Order_By | null | undefined;
  count?: Order_By | null | undefined;
  max?: Courses_Max_Order_By | null | undefined;
  min?: Courses_Min_Order_By | null | undefined;
  stddev?: Courses_Stddev_Order_By | null | undefined;
  stddev_pop?: Courses_Stddev_Pop_Order_By | null | undefined;
  stddev_samp?: Courses_Stddev_Samp_Order_By | null | undefined;
  sum?: Courses_Sum_Order_By | null | undefined;
  var_pop?: Courses_Var_Pop_Order_By | null | undefined;
  var_samp?: Courses_Var_Samp_Order_By | null | undefined;
  variance?: Courses_Variance_Order_By | null | undefined;
};

/** order by avg() on columns of table "courses" */
export type Courses_Avg_Order_By = {
  course_id?: Order_By | null | undefined;
  credits?: Order_By | null | undefined;
  last_offered_course_id?: Order_By | null | undefined;
  primary_crn?: Order_By | null | undefined;
  same_course_and_profs_id?: Order_By | null | undefined;
  same_course_id?: Order_By | null | undefined;
};

/** Boolean expression to filter rows from the table "courses". All fields are combined with a logical 'AND'. */
export type Courses_Bool_Exp = {
  _and?: Array<Courses_Bool_Exp> | null | undefined;
  _not?: Courses_Bool_Exp | null | undefined;
  _or?: Array<Courses_Bool_Exp> | null | undefined;
  areas?: Jsonb_Comparison_Exp | null | undefined;
  classnotes?: String_Comparison_Exp | null | undefined;
  colsem?: Boolean_Comparison_Exp | null | undefined;
  course_flags?: Course_Flags_Bool_Exp | null | undefined;
  course_flags_aggregate?: Course_Flags_Aggregate_Bool_Exp | null | undefined;
  course_home_url?: String_Comparison_Exp | null | undefined;
  course_id?: Int_Comparison_Exp | null | undefined;
  course_meetings?: Course_Meetings_Bool_Exp | null | undefined;
  course_meetings_aggregate?: Course_Meetings_Aggregate_Bool_Exp | null | undefined;
  course_professors?: Course_Professors_Bool_Exp | null | undefined;
  course_professors_aggregate?: Course_Professors_Aggregate_Bool_Exp | null | undefined;
  credits?: Float8_Comparison_Exp | null | undefined;
  description?: String_Comparison_Exp | null | undefined;
  extra_info?: String_Comparison_Exp | null | undefined;
  final_exam?: String_Comparison_Exp | null | undefined;
  fysem?: Boolean_Comparison_Exp | null | undefined;
  last_offered_course_id?: Int_Comparison_Exp | null | undefined;
  last_updated?: Timestamp_Comparison_Exp | null | undefined;
  listings?: Listings_Bool_Exp | null | undefined;
  listings_aggregate?: Listings_Aggregate_Bool_Exp | null | undefined;
  primary_crn?: Int_Comparison_Exp | null | undefined;
  regnotes?: String_Comparison_Exp | null | undefined;
  requirements?: String_Comparison_Exp | null | undefined;
  rp_attr?: String_Comparison_Exp | null | undefined;
  same_course_and_profs_id?: Int_Comparison_Exp | null | undefined;
  same_course_id?: Int_Comparison_Exp | null | undefined;
  season?: Seasons_Bool_Exp | null | undefined;
  season_code?: String_Comparison_Exp | null | undefined;
  section?: String_Comparison_Exp | null | undefined;
  skills?: Jsonb_Comparison_Exp | null | undefined;
  syllabus_url?: String_Comparison_Exp | null | undefined;
  sysem?: Boolean_Comparison_Exp | null | undefined;
  time_added?: Timestamp_Comparison_Exp | null | undefined;
  title?: String_Comparison_Exp | null | undefined;
};

/** order by max() on columns of table "courses" */
export type Courses_Max_Order_By = {
  classnotes?: Order_By | null | undefined;
  course_home_url?: Order_By | null | undefined;
  course_id?: Order_By | null | undefined;
  credits?: Order_By | null | undefined;
  description?: Order_By | null | undefined;
  extra_info?: Order_By | null | undefined;
  final_exam?: Order_By | null | undefined;
  last_offered_course_id?: Order_By | null | undefined;
  last_updated?: Order_By | null | undefined;
  primary_crn?: Order_By | null | undefined;
  regnotes?: Order_By | null | undefined;
  requirements?: Order_By | null | undefined;
  rp_attr?: Order_By | null | undefined;
  same_course_and_profs_id?: Order_By | null | undefined;
  same_course_id?: Order_By | null | undefined;
  season_code?: Order_By | null | undefined;
  section?: Order_By | null | undefined;
  syllabus_url?: Order_By | null | undefined;
  time_added?: Order_By | null | undefined;
  title?: Order_By | null | undefined;
};

/** order by min() on columns of table "courses" */
export type Courses_Min_Order_By = {
  classnotes?: Order_By | null | undefined;
  course_home_url?: Order_By | null | undefined;
  course_id?: Order_By | null | undefined;
  credits?: Order_By | null | undefined;
  description?: Order_By | null | undefined;
  extra_info?: Order_By | null | undefined;
  final_exam?: Order_By | null | undefined;
  last_offered_course_id?: Order_By | null | undefined;
  last_updated?: Order_By | null | undefined;
  primary_crn?: Order_By | null | undefined;
  regnotes?: Order_By | null | undefined;
  requirements?: Order_By | null | undefined;
  rp_attr?: Order_By | null | undefined;
  same_course_and_profs_id?: Order_By | null | undefined;
  same_course_id?: Order_By | null | undefined;
  season_code?: Order_By | null | undefined;
  section?: Order_By | null | undefined;
  syllabus_url?: Order_By | null | undefined;
  time_added?: Order_By | null | undefined;
  title?: Order_By | null | undefined;
};

/** Ordering options when selecting data from "courses". */
export type Courses_Order_By = {
  areas?: Order_By | null | undefined;
  classnotes?: Order_By | null | undefined;
  colsem?: Order_By | null | undefined;
  course_flags_aggregate?: Course_Flags_Aggregate_Order_By | null | undefined;
  course_home_url?: Order_By | null | undefined;
  course_id?: Order_By | null | undefined;
  course_meetings_aggregate?: Course_Meetings_Aggregate_Order_By | null | undefined;
  course_professors_aggregate?: Course_Professors_Aggregate_Order_By | null | undefined;
  credits?: Order_By | null | undefined;
  description?: Order_By | null | undefined;
  extra_info?: Order_By | null | undefined;
  final_exam?: Order_By | null | undefined;
  fysem?: Order_By | null | undefined;
  last_offered_course_id?: Order_By | null | undefined;
  last_updated?: Order_By | null | undefined;
  listings_aggregate?: Listings_Aggregate_Order_By | null | undefined;
  primary_crn?: Order_By | null | undefined;
  regnotes?: Order_By | null | undefined;
  requirements?: Order_By | null | undefined;
  rp_attr?: Order_By | null | undefined;
  same_course_and_profs_id?: Order_By | null | undefined;
  same_course_id?: Order_By | null | undefined;
  season?: Seasons_Order_By | null | undefined;
  season_code?: Order_By | null | undefined;
  section?: Order_By | null | undefined;
  skills?: Order_By | null | undefined;
  syllabus_url?: Order_By | null | undefined;
  sysem?: Order_By | null | undefined;
  time_added?: Order_By | null | undefined;
  title?: Order_By | null | undefined;
};

/** select columns of table "courses" */
export type Courses_Select_Column =
  /** column name */
  | 'areas'
  /** column name */
  | 'classnotes'
  /** column name */
  | 'colsem'
  /** column name */
  | 'course_home_url'
  /** column name */
  | 'course_id'
  /** column name */
  | 'credits'
  /** column name */
  | 'description'
  /** column name */
  | 'extra_info'
  /** column name */
  | 'final_exam'
  /** column name */
  | 'fysem'
  /** column name */
  | 'last_offered_course_id'
  /** column name */
  | 'last_updated'
  /** column name */
  | 'primary_crn'
  /** column name */
  | 'regnotes'
  /** column name */
  | 'requirements'
  /** column name */
  | 'rp_attr'
  /** column name */
  | 'same_course_and_profs_id'
  /** column name */
  | 'same_course_id'
  /** column name */
  | 'season_code'
  /** column name */
  | 'section'
  /** column name */
  | 'skills'
  /** column name */
  | 'syllabus_url'
  /** column name */
  | 'sysem'
  /** column name */
  | 'time_added'
  /** column name */
  | 'title';

/** order by stddev() on columns of table "courses" */
export type Courses_Stddev_Order_By = {
  course_id?: Order_By | null | undefined;
  credits?: Order_By | null | undefined;
  last_offered_course_id?: Order_By | null | undefined;
  primary_crn?: Order_By | null | undefined;
  same_course_and_profs_id?: Order_By | null | undefined;
  same_course_id?: Order_By | null | undefined;
};

/** order by stddev_pop() on columns of table "courses" */
export type Courses_Stddev_Pop_Order_By = {
  course_id?: Order_By | null | undefined;
  credits?: Order_By | null | undefined;
  last_offered_course_id?: Order_By | null | undefined;
  primary_crn?: Order_By | null | undefined;
  same_course_and_profs_id?: Order_By | null | undefined;
  same_course_id?: Order_By | null | undefined;
};

/** order by stddev_samp() on columns of table "courses" */
export type Courses_Stddev_Samp_Order_By = {
  course_id?: Order_By | null | undefined;
  credits?: Order_By | null | undefined;
  last_offered_course_id?: Order_By | null | undefined;
  primary_crn?: Order_By | null | undefined;
  same_course_and_profs_id?: Order_By | null | undefined;
  same_course_id?: Order_By | null | undefined;
};

/** order by sum() on columns of table "courses" */
export type Courses_Sum_Order_By = {
  course_id?: Order_By | null | undefined;
  credits?: Order_By | null | undefined;
  last_offered_course_id?: Order_By | null | undefined;
  primary_crn?: Order_By | null | undefined;
  same_course_and_profs_id?: Order_By | null | undefined;
  same_course_id?: Order_By | null | undefined;
};

/** order by var_pop() on columns of table "courses" */
export type Courses_Var_Pop_Order_By = {
  course_id?: Order_By | null | undefined;
  credits?: Order_By | null | undefined;
  last_offered_course_id?: Order_By | null | undefined;
  primary_crn?: Order_By | null | undefined;
  same_course_and_profs_id?: Order_By | null | undefined;
  same_course_id?: Order_By | null | undefined;
};

/** order by var_samp() on columns of table "courses" */
export type Courses_Var_Samp_Order_By = {
  course_id?: Order_By | null | undefined;
  credits?: Order_By | null | undefined;
  last_offered_course_id?: Order_By | null | undefined;
  primary_crn?: Order_By | null | undefined;
  same_course_and_profs_id?: Order_By | null | undefined;
  same_course_id?: Order_By | null | undefined;
};

/** order by variance() on columns of table "courses" */
export type Courses_Variance_Order_By = {
  course_id?: Order_By | null | undefined;
  credits?: Order_By | null | undefined;
  last_offered_course_id?: Order_By | null | undefined;
  primary_crn?: Order_By | null | undefined;
  same_course_and_profs_id?: Order_By | null | undefined;
  same_course_id?: Order_By | null | undefined;
};

/** Boolean expression to filter rows from the table "flags". All fields are combined with a logical 'AND'. */
export type Flags_Bool_Exp = {
  _and?: Array<Flags_Bool_Exp> | null | undefined;
  _not?: Flags_Bool_Exp | null | undefined;
  _or?: Array<Flags_Bool_Exp> | null | undefined;
  course_flags?: Course_Flags_Bool_Exp | null | undefined;
  course_flags_aggregate?: Course_Flags_Aggregate_Bool_Exp | null | undefined;
  flag_id?: Int_Comparison_Exp | null | undefined;
  flag_text?: String_Comparison_Exp | null | undefined;
  last_updated?: Timestamp_Comparison_Exp | null | undefined;
  time_added?: Timestamp_Comparison_Exp | null | undefined;
};

/** Boolean expression to compare columns of type "float8". All fields are combined with logical 'AND'. */
export type Float8_Comparison_Exp = {
  _eq?: number | null | undefined;
  _gt?: number | null | undefined;
  _gte?: number | null | undefined;
  _in?: Array<number> | null | undefined;
  _is_null?: boolean | null | undefined;
  _lt?: number | null | undefined;
  _lte?: number | null | undefined;
  _neq?: number | null | undefined;
  _nin?: Array<number> | null | undefined;
};

export type Jsonb_Cast_Exp = {
  String?: String_Comparison_Exp | null | undefined;
};

/** Boolean expression to compare columns of type "jsonb". All fields are combined with logical 'AND'. */
export type Jsonb_Comparison_Exp = {
  _cast?: Jsonb_Cast_Exp | null | undefined;
  /** is the column contained in the given json value */
  _contained_in?: unknown;
  /** does the column contain the given json value at the top level */
  _contains?: unknown;
  _eq?: unknown;
  _gt?: unknown;
  _gte?: unknown;
  /** does the string exist as a top-level key in the column */
  _has_key?: string | null | undefined;
  /** do all of these strings exist as top-level keys in the column */
  _has_keys_all?: Array<string> | null | undefined;
  /** do any of these strings exist as top-level keys in the column */
  _has_keys_any?: Array<string> | null | undefined;
  _in?: Array<unknown> | null | undefined;
  _is_null?: boolean | null | undefined;
  _lt?: unknown;
  _lte?: unknown;
  _neq?: unknown;
  _nin?: Array<unknown> | null | undefined;
};

export type Listings_Aggregate_Bool_Exp = {
  count?: Listings_Aggregate_Bool_Exp_Count | null | undefined;
};

export type Listings_Aggregate_Bool_Exp_Count = {
  arguments?: Array<Listings_Select_Column> | null | undefined;
  distinct?: boolean | null | undefined;
  filter?: Listings_Bool_Exp | null | undefined;
  predicate: Int_Comparison_Exp;
};

/** order by aggregate values of table "listings" */
export type Listings_Aggregate_Order_By = {
  avg?: Listings_Avg_Order_By | null | undefined;
  count?: Order_By | null | undefined;
  max?: Listings_Max_Order_By | null | undefined;
  min?: Listings_Min_Order_By | null | undefined;
  stddev?: Listings_Stddev_Order_By | null | undefined;
  stddev_pop?: Listings_Stddev_Pop_Order_By | null | undefined;
  stddev_samp?: Listings_Stddev_Samp_Order_By | null | undefined;
  sum?: Listings_Sum_Order_By | null | undefined;
  var_pop?: Listings_Var_Pop_Order_By | null | undefined;
  var_samp?: Listings_Var_Samp_Order_By | null | undefined;
  variance?: Listings_Variance_Order_By | null | undefined;
};

/** order by avg() on columns of table "listings" */
export type Listings_Avg_Order_By = {
  course_id?: Order_By | null | undefined;
  crn?: Order_By | null | undefined;
  listing_id?: Order_By | null | undefined;
};

/** Boolean expression to filter rows from the table "listings". All fields are combined with a logical 'AND'. */
export type Listings_Bool_Exp = {
  _and?: Array<Listings_Bool_Exp> | null | undefined;
  _not?: Listings_Bool_Exp | null | undefined;
  _or?: Array<Listings_Bool_Exp> | null | undefined;
  course?: Courses_Bool_Exp | null | undefined;
  course_code?: String_Comparison_Exp | null | undefined;
  course_id?: Int_Comparison_Exp | null | undefined;
  crn?: Int_Comparison_Exp | null | undefined;
  last_updated?: Timestamp_Comparison_Exp | null | undefined;
  listing_id?: Int_Comparison_Exp | null | undefined;
  number?: String_Comparison_Exp | null | undefined;
  school?: String_Comparison_Exp | null | undefined;
  season?: Seasons_Bool_Exp | null | undefined;
  season_code?: String_Comparison_Exp | null | undefined;
  section?: String_Comparison_Exp | null | undefined;
  subject?: String_Comparison_Exp | null | undefined;
  time_added?: Timestamp_Comparison_Exp | null | undefined;
};

/** order by max() on columns of table "listings" */
export type Listings_Max_Order_By = {
  course_code?: Order_By | null | undefined;
  course_id?: Order_By | null | undefined;
  crn?: Order_By | null | undefined;
  last_updated?: Order_By | null | undefined;
  listing_id?: Order_By | null | undefined;
  number?: Order_By | null | undefined;
  school?: Order_By | null | undefined;
  season_code?: Order_By | null | undefined;
  section?: Order_By | null | undefined;
  subject?: Order_By | null | undefined;
  time_added?: Order_By | null | undefined;
};

/** order by min() on columns of table "listings" */
export type Listings_Min_Order_By = {
  course_code?: Order_By | null | undefined;
  course_id?: Order_By | null | undefined;
  crn?: Order_By | null | undefined;
  last_updated?: Order_By | null | undefined;
  listing_id?: Order_By | null | undefined;
  number?: Order_By | null | undefined;
  school?: Order_By | null | undefined;
  season_code?: Order_By | null | undefined;
  section?: Order_By | null | undefined;
  subject?: Order_By | null | undefined;
  time_added?: Order_By | null | undefined;
};

/** Ordering options when selecting data from "listings". */
export type Listings_Order_By = {
  course?: Courses_Order_By | null | undefined;
  course_code?: Order_By | null | undefined;
  course_id?: Order_By | null | undefined;
  crn?: Order_By | null | undefined;
  last_updated?: Order_By | null | undefined;
  listing_id?: Order_By | null | undefined;
  number?: Order_By | null | undefined;
  school?: Order_By | null | undefined;
  season?: Seasons_Order_By | null | undefined;
  season_code?: Order_By | null | undefined;
  section?: Order_By | null | undefined;
  subject?: Order_By | null | undefined;
  time_added?: Order_By | null | undefined;
};

/** select columns of table "listings" */
export type Listings_Select_Column =
  /** column name */
  | 'course_code'
  /** column name */
  | 'course_id'
  /** column name */
  | 'crn'
  /** column name */
  | 'last_updated'
  /** column name */
  | 'listing_id'
  /** column name */
  | 'number'
  /** column name */
  | 'school'
  /** column name */
  | 'season_code'
  /** column name */
  | 'section'
  /** column name */
  | 'subject'
  /** column name */
  | 'time_added';

/** order by stddev() on columns of table "listings" */
export type Listings_Stddev_Order_By = {
  course_id?: Order_By | null | undefined;
  crn?: Order_By | null | undefined;
  listing_id?: Order_By | null | undefined;
};

/** order by stddev_pop() on columns of table "listings" */
export type Listings_Stddev_Pop_Order_By = {
  course_id?: Order_By | null | undefined;
  crn?: Order_By | null | undefined;
  listing_id?: Order_By | null | undefined;
};

/** order by stddev_samp() on columns of table "listings" */
export type Listings_Stddev_Samp_Order_By = {
  course_id?: Order_By | null | undefined;
  crn?: Order_By | null | undefined;
  listing_id?: Order_By | null | undefined;
};

/** order by sum() on columns of table "listings" */
export type Listings_Sum_Order_By = {
  course_id?: Order_By | null | undefined;
  crn?: Order_By | null | undefined;
  listing_id?: Order_By | null | undefined;
};

/** order by var_pop() on columns of table "listings" */
export type Listings_Var_Pop_Order_By = {
  course_id?: Order_By | null | undefined;
  crn?: Order_By | null | undefined;
  listing_id?: Order_By | null | undefined;
};

/** order by var_samp() on columns of table "listings" */
export type Listings_Var_Samp_Order_By = {
  course_id?: Order_By | null | undefined;
  crn?: Order_By | null | undefined;
  listing_id?: Order_By | null | undefined;
};

/** order by variance() on columns of table "listings" */
export type Listings_Variance_Order_By = {
  course_id?: Order_By | null | undefined;
  crn?: Order_By | null | undefined;
  listing_id?: Order_By | null | undefined;
};

export type Locations_Aggregate_Bool_Exp = {
  count?: Locations_Aggregate_Bool_Exp_Count | null | undefined;
};

export type Locations_Aggregate_Bool_Exp_Count = {
  arguments?: Array<Locations_Select_Column> | null | undefined;
  distinct?: boolean | null | undefined;
  filter?: Locations_Bool_Exp | null | undefined;
  predicate: Int_Comparison_Exp;
};

/** Boolean expression to filter rows from the table "locations". All fields are combined with a logical 'AND'. */
export type Locations_Bool_Exp = {
  _and?: Array<Locations_Bool_Exp> | null | undefined;
  _not?: Locations_Bool_Exp | null | undefined;
  _or?: Array<Locations_Bool_Exp> | null | undefined;
  building?: Buildings_Bool_Exp | null | undefined;
  building_code?: String_Comparison_Exp | null | undefined;
  course_meetings?: Course_Meetings_Bool_Exp | null | undefined;
  course_meetings_aggregate?: Course_Meetings_Aggregate_Bool_Exp | null | undefined;
  location_id?: Int_Comparison_Exp | null | undefined;
  room?: String_Comparison_Exp | null | undefined;
};

/** select columns of table "locations" */
export type Locations_Select_Column =
  /** column name */
  | 'building_code'
  /** column name */
  | 'location_id'
  /** column name */
  | 'room';

/** column ordering options */
export type Order_By =
  /** in ascending order, nulls last */
  | 'asc'
  /** in ascending order, nulls first */
  | 'asc_nulls_first'
  /** in ascending order, nulls last */
  | 'asc_nulls_last'
  /** in descending order, nulls first */
  | 'desc'
  /** in descending order, nulls first */
  | 'desc_nulls_first'
  /** in descending order, nulls last */
  | 'desc_nulls_last';

/** Boolean expression to filter rows from the table "professors". All fields are combined with a logical 'AND'. */
export type Professors_Bool_Exp = {
  _and?: Array<Professors_Bool_Exp> | null | undefined;
  _not?: Professors_Bool_Exp | null | undefined;
  _or?: Array<Professors_Bool_Exp> | null | undefined;
  course_professors?: Course_Professors_Bool_Exp | null | undefined;
  course_professors_aggregate?: Course_Professors_Aggregate_Bool_Exp | null | undefined;
  courses_taught?: Int_Comparison_Exp | null | undefined;
  email?: String_Comparison_Exp | null | undefined;
  last_updated?: Timestamp_Comparison_Exp | null | undefined;
  name?: String_Comparison_Exp | null | undefined;
  professor_id?: Int_Comparison_Exp | null | undefined;
  time_added?: Timestamp_Comparison_Exp | null | undefined;
};

/** Boolean expression to filter rows from the table "seasons". All fields are combined with a logical 'AND'. */
export type Seasons_Bool_Exp = {
  _and?: Array<Seasons_Bool_Exp> | null | undefined;
  _not?: Seasons_Bool_Exp | null | undefined;
  _or?: Array<Seasons_Bool_Exp> | null | undefined;
  courses?: Courses_Bool_Exp | null | undefined;
  courses_aggregate?: Courses_Aggregate_Bool_Exp | null | undefined;
  last_updated?: Timestamp_Comparison_Exp | null | undefined;
  listings?: Listings_Bool_Exp | null | undefined;
  listings_aggregate?: Listings_Aggregate_Bool_Exp | null | undefined;
  season_code?: String_Comparison_Exp | null | undefined;
  term?: String_Comparison_Exp | null | undefined;
  time_added?: Timestamp_Comparison_Exp | null | undefined;
  year?: Int_Comparison_Exp | null | undefined;
};

/** Ordering options when selecting data from "seasons". */
export type Seasons_Order_By = {
  courses_aggregate?: Courses_Aggregate_Order_By | null | undefined;
  last_updated?: Order_By | null | undefined;
  listings_aggregate?: Listings_Aggregate_Order_By | null | undefined;
  season_code?: Order_By | null | undefined;
  term?: Order_By | null | undefined;
  time_added?: Order_By | null | undefined;
  year?: Order_By | null | undefined;
};

/** Boolean expression to compare columns of type "timestamp". All fields are combined with logical 'AND'. */
export type Timestamp_Comparison_Exp = {
  _eq?: string | null | undefined;
  _gt?: string | null | undefined;
  _gte?: string | null | undefined;
  _in?: Array<string> | null | undefined;
  _is_null?: boolean | null | undefined;
  _lt?: string | null | undefined;
  _lte?: string | null | undefined;
  _neq?: string | null | undefined;
  _nin?: Array<string> | null | undefined;
};

export type CourseSearchQueryVariables = Exact<{
  where: Listings_Bool_Exp;
  orderBy?: Array<Listings_Order_By> | Listings_Order_By | null | undefined;
  limit: number;
  offset: number;
}>;


export type CourseSearchQuery = { listings: Array<{ listing_id: number, crn: number, course_code: string, section: string, season_code: string, course: { course_id: number, title: string, credits: number | null, areas: unknown, skills: unknown, extra_info: string | null, course_professors: Array<{ professor: { professor_id: number, name: string } }> } }> };

export type ListingsByCrnQueryVariables = Exact<{
  seasonCode: string;
  crns: Array<number> | number;
}>;


export type ListingsByCrnQuery = { listings: Array<{ listing_id: number, crn: number, course_code: string, section: string, course: { course_id: number, title: string, credits: number | null } }> };

export type ProfessorQueryVariables = Exact<{
  professorId: number;
}>;


export type ProfessorQuery = { professors_by_pk: { professor_id: number, name: string, email: string | null, courses_taught: number, course_professors: Array<{ course: { course_id: number, season_code: string, title: string, listings: Array<{ listing_id: number, course_code: string, section: string }> } }> } | null };

export type SeasonsQueryVariables = Exact<{ [key: string]: never; }>;


export type SeasonsQuery = { seasons: Array<{ season_code: string, term: string, year: number }> };


export const CourseSearchDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"CourseSearch"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"where"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"listings_bool_exp"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"orderBy"}},"type":{"kind":"ListType","type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"listings_order_by"}}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"limit"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"offset"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"listings"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"where"},"value":{"kind":"Variable","name":{"kind":"Name","value":"where"}}},{"kind":"Argument","name":{"kind":"Name","value":"order_by"},"value":{"kind":"Variable","name":{"kind":"Name","value":"orderBy"}}},{"kind":"Argument","name":{"kind":"Name","value":"limit"},"value":{"kind":"Variable","name":{"kind":"Name","value":"limit"}}},{"kind":"Argument","name":{"kind":"Name","value":"offset"},"value":{"kind":"Variable","name":{"kind":"Name","value":"offset"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"listing_id"}},{"kind":"Field","name":{"kind":"Name","value":"crn"}},{"kind":"Field","name":{"kind":"Name","value":"course_code"}},{"kind":"Field","name":{"kind":"Name","value":"section"}},{"kind":"Field","name":{"kind":"Name","value":"season_code"}},{"kind":"Field","name":{"kind":"Name","value":"course"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"course_id"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"credits"}},{"kind":"Field","name":{"kind":"Name","value":"areas"}},{"kind":"Field","name":{"kind":"Name","value":"skills"}},{"kind":"Field","name":{"kind":"Name","value":"extra_info"}},{"kind":"Field","name":{"kind":"Name","value":"course_professors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"professor"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"professor_id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<CourseSearchQuery, CourseSearchQueryVariables>;
export const ListingsByCrnDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ListingsByCrn"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"seasonCode"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"crns"}},"type":{"kind":"NonNullType","type":{"kind":"ListType","type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"listings"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"where"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"season_code"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"_eq"},"value":{"kind":"Variable","name":{"kind":"Name","value":"seasonCode"}}}]}},{"kind":"ObjectField","name":{"kind":"Name","value":"crn"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"_in"},"value":{"kind":"Variable","name":{"kind":"Name","value":"crns"}}}]}}]}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"listing_id"}},{"kind":"Field","name":{"kind":"Name","value":"crn"}},{"kind":"Field","name":{"kind":"Name","value":"course_code"}},{"kind":"Field","name":{"kind":"Name","value":"section"}},{"kind":"Field","name":{"kind":"Name","value":"course"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"course_id"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"credits"}}]}}]}}]}}]} as unknown as DocumentNode<ListingsByCrnQuery, ListingsByCrnQueryVariables>;
export const ProfessorDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Professor"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"professorId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"professors_by_pk"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"professor_id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"professorId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"professor_id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"email"}},{"kind":"Field","name":{"kind":"Name","value":"courses_taught"}},{"kind":"Field","name":{"kind":"Name","value":"course_professors"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"order_by"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"course"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"season_code"},"value":{"kind":"EnumValue","value":"desc"}}]}}]}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"course"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"course_id"}},{"kind":"Field","name":{"kind":"Name","value":"season_code"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"listings"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"listing_id"}},{"kind":"Field","name":{"kind":"Name","value":"course_code"}},{"kind":"Field","name":{"kind":"Name","value":"section"}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<ProfessorQuery, ProfessorQueryVariables>;
export const SeasonsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Seasons"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"seasons"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"order_by"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"season_code"},"value":{"kind":"EnumValue","value":"desc"}}]}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"season_code"}},{"kind":"Field","name":{"kind":"Name","value":"term"}},{"kind":"Field","name":{"kind":"Name","value":"year"}}]}}]}}]} as unknown as DocumentNode<SeasonsQuery, SeasonsQueryVariables>;