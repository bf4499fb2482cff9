/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';
export type Maybe<T> = T | null;
export type InputMaybe<T> = Maybe<T>;
/** All built-in and custom scalars, mapped to their actual values */
export type Scalars = {
  ID: { input: string; output: string; }
  String: { input: string; output: string; }
  Boolean: { input: boolean; output: boolean; }
  Int: { input: number; output: number; }
  Float: { input: number; output: number; }
  citext: { input: string; output: string; }
  float8: { input: number; output: number; }
  jsonb: { input: unknown; output: unknown; }
  timestamp: { input: string; output: string; }
  timestamptz: { input: string; output: string; }
};

/** Boolean expression to compare columns of type "Boolean". All fields are combined with logical 'AND'. */
export type Boolean_Comparison_Exp = {
  _eq?: InputMaybe<Scalars['Boolean']['input']>;
  _gt?: InputMaybe<Scalars['Boolean']['input']>;
  _gte?: InputMaybe<Scalars['Boolean']['input']>;
  _in?: InputMaybe<Array<Scalars['Boolean']['input']>>;
  _is_null?: InputMaybe<Scalars['Boolean']['input']>;
  _lt?: InputMaybe<Scalars['Boolean']['input']>;
  _lte?: InputMaybe<Scalars['Boolean']['input']>;
  _neq?: InputMaybe<Scalars['Boolean']['input']>;
  _nin?: InputMaybe<Array<Scalars['Boolean']['input']>>;
};

/** Boolean expression to compare columns of type "Int". All fields are combined with logical 'AND'. */
export type Int_Comparison_Exp = {
  _eq?: InputMaybe<Scalars['Int']['input']>;
  _gt?: InputMaybe<Scalars['Int']['input']>;
  _gte?: InputMaybe<Scalars['Int']['input']>;
  _in?: InputMaybe<Array<Scalars['Int']['input']>>;
  _is_null?: InputMaybe<Scalars['Boolean']['input']>;
  _lt?: InputMaybe<Scalars['Int']['input']>;
  _lte?: InputMaybe<Scalars['Int']['input']>;
  _neq?: InputMaybe<Scalars['Int']['input']>;
  _nin?: InputMaybe<Array<Scalars['Int']['input']>>;
};

export type ProfileFieldInput = {
  field: Scalars['String']['input'];
  value?: InputMaybe<Scalars['String']['input']>;
  visibility?: InputMaybe<Scalars['String']['input']>;
};

/** Boolean expression to compare columns of type "String". All fields are combined with logical 'AND'. */
export type String_Comparison_Exp = {
  _eq?: InputMaybe<Scalars['String']['input']>;
  _gt?: InputMaybe<Scalars['String']['input']>;
  _gte?: InputMaybe<Scalars['String']['input']>;
  /** does the column match the given case-insensitive pattern */
  _ilike?: InputMaybe<Scalars['String']['input']>;
  _in?: InputMaybe<Array<Scalars['String']['input']>>;
  /** does the column match the given POSIX regular expression, case insensitive */
  _iregex?: InputMaybe<Scalars['String']['input']>;
  _is_null?: InputMaybe<Scalars['Boolean']['input']>;
  /** does the column match the given pattern */
  _like?: InputMaybe<Scalars['String']['input']>;
  _lt?: InputMaybe<Scalars['String']['input']>;
  _lte?: InputMaybe<Scalars['String']['input']>;
  _neq?: InputMaybe<Scalars['String']['input']>;
  /** does the column NOT match the given case-insensitive pattern */
  _nilike?: InputMaybe<Scalars['String']['input']>;
  _nin?: InputMaybe<Array<Scalars['String']['input']>>;
  /** does the column NOT match the given POSIX regular expression, case insensitive */
  _niregex?: InputMaybe<Scalars['String']['input']>;
  /** does the column NOT match the given pattern */
  _nlike?: InputMaybe<Scalars['String']['input']>;
  /** does the column NOT match the given POSIX regular expression, case sensitive */
  _nregex?: InputMaybe<Scalars['String']['input']>;
  /** does the column NOT match the given SQL regular expression */
  _nsimilar?: InputMaybe<Scalars['String']['input']>;
  /** does the column match the given POSIX regular expression, case sensitive */
  _regex?: InputMaybe<Scalars['String']['input']>;
  /** does the column match the given SQL regular expression */
  _similar?: InputMaybe<Scalars['String']['input']>;
};

/** Boolean expression to filter rows from the table "buildings". All fields are combined with a logical 'AND'. */
export type Buildings_Bool_Exp = {
  _and?: InputMaybe<Array<Buildings_Bool_Exp>>;
  _not?: InputMaybe<Buildings_Bool_Exp>;
  _or?: InputMaybe<Array<Buildings_Bool_Exp>>;
  building_name?: InputMaybe<String_Comparison_Exp>;
  code?: InputMaybe<String_Comparison_Exp>;
  last_updated?: InputMaybe<Timestamp_Comparison_Exp>;
  locations?: InputMaybe<Locations_Bool_Exp>;
  locations_aggregate?: InputMaybe<Locations_Aggregate_Bool_Exp>;
  time_added?: InputMaybe<Timestamp_Comparison_Exp>;
  url?: InputMaybe<String_Comparison_Exp>;
};

/** unique or primary key constraints on table "buildings" */
export type Buildings_Constraint =
  /** unique or primary key constraint on columns "code" */
  | 'pk_buildings';

/** input type for inserting data into table "buildings" */
export type Buildings_Insert_Input = {
  building_name?: InputMaybe<Scalars['String']['input']>;
  code?: InputMaybe<Scalars['String']['input']>;
  last_updated?: InputMaybe<Scalars['timestamp']['input']>;
  locations?: InputMaybe<Locations_Arr_Rel_Insert_Input>;
  time_added?: InputMaybe<Scalars['timestamp']['input']>;
  url?: InputMaybe<Scalars['String']['input']>;
};

/** input type for inserting object relation for remote table "buildings" */
export type Buildings_Obj_Rel_Insert_Input = {
  data: Buildings_Insert_Input;
  /** upsert condition */
  on_conflict?: InputMaybe<Buildings_On_Conflict>;
};

/** on_conflict condition type for table "buildings" */
export type Buildings_On_Conflict = {
  constraint: Buildings_Constraint;
  update_columns?: Array<Buildings_Update_Column>;
  where?: InputMaybe<Buildings_Bool_Exp>;
};

/** Ordering options when selecting data from "buildings". */
export type Buildings_Order_By = {
  building_name?: InputMaybe<Order_By>;
  code?: InputMaybe<Order_By>;
  last_updated?: InputMaybe<Order_By>;
  locations_aggregate?: InputMaybe<Locations_Aggregate_Order_By>;
  time_added?: InputMaybe<Order_By>;
  url?: InputMaybe<Order_By>;
};

/** primary key columns input for table: buildings */
export type Buildings_Pk_Columns_Input = {
  code: Scalars['String']['input'];
};

/** select columns of table "buildings" */
export type Buildings_Select_Column =
  /** column name */
  | 'building_name'
  /** column name */
  | 'code'
  /** column name */
  | 'last_updated'
  /** column name */
  | 'time_added'
  /** column name */
  | 'url';

/** input type for updating data in table "buildings" */
export type Buildings_Set_Input = {
  building_name?: InputMaybe<Scalars['String']['input']>;
  code?: InputMaybe<Scalars['String']['input']>;
  last_updated?: InputMaybe<Scalars['timestamp']['input']>;
  time_added?: InputMaybe<Scalars['timestamp']['input']>;
  url?: InputMaybe<Scalars['String']['input']>;
};

/** Streaming cursor of the table "buildings" */
export type Buildings_Stream_Cursor_Input = {
  /** Stream column input with initial value */
  initial_value: Buildings_Stream_Cursor_Value_Input;
  /** cursor ordering */
  ordering?: InputMaybe<Cursor_Ordering>;
};

/** Initial value of the column from where the streaming should start */
export type Buildings_Stream_Cursor_Value_Input = {
  building_name?: InputMaybe<Scalars['String']['input']>;
  code?: InputMaybe<Scalars['String']['input']>;
  last_updated?: InputMaybe<Scalars['timestamp']['input']>;
  time_added?: InputMaybe<Scalars['timestamp']['input']>;
  url?: InputMaybe<Scalars['String']['input']>;
};

/** update columns of table "buildings" */
export type Buildings_Update_Column =
  /** column name */
  | 'building_name'
  /** column name */
  | 'code'
  /** column name */
  | 'last_updated'
  /** column name */
  | 'time_added'
  /** column name */
  | 'url';

export type Buildings_Updates = {
  /** sets the columns of the filtered rows to the given values */
  _set?: InputMaybe<Buildings_Set_Input>;
  /** filter the rows which have to be updated */
  where: Buildings_Bool_Exp;
};

/** Boolean expression to compare columns of type "citext". All fields are combined with logical 'AND'. */
export type Citext_Comparison_Exp = {
  _eq?: InputMaybe<Scalars['citext']['input']>;
  _gt?: InputMaybe<Scalars['citext']['input']>;
  _gte?: InputMaybe<Scalars['citext']['input']>;
  /** does the column match the given case-insensitive pattern */
  _ilike?: InputMaybe<Scalars['citext']['input']>;
  _in?: InputMaybe<Array<Scalars['citext']['input']>>;
  /** does the column match the given POSIX regular expression, case insensitive */
  _iregex?: InputMaybe<Scalars['citext']['input']>;
  _is_null?: InputMaybe<Scalars['Boolean']['input']>;
  /** does the column match the given pattern */
  _like?: InputMaybe<Scalars['citext']['input']>;
  _lt?: InputMaybe<Scalars['citext']['input']>;
  _lte?: InputMaybe<Scalars['citext']['input']>;
  _neq?: InputMaybe<Scalars['citext']['input']>;
  /** does the column NOT match the given case-insensitive pattern */
  _nilike?: InputMaybe<Scalars['citext']['input']>;
  _nin?: InputMaybe<Array<Scalars['citext']['input']>>;
  /** does the column NOT match the given POSIX regular expression, case insensitive */
  _niregex?: InputMaybe<Scalars['citext']['input']>;
  /** does the column NOT match the given pattern */
  _nlike?: InputMaybe<Scalars['citext']['input']>;
  /** does the column NOT match the given POSIX regular expression, case sensitive */
  _nregex?: InputMaybe<Scalars['citext']['input']>;
  /** does the column NOT match the given SQL regular expression */
  _nsimilar?: InputMaybe<Scalars['citext']['input']>;
  /** does the column match the given POSIX regular expression, case sensitive */
  _regex?: InputMaybe<Scalars['citext']['input']>;
  /** does the column match the given SQL regular expression */
  _similar?: InputMaybe<Scalars['citext']['input']>;
};

export type Course_Flags_Aggregate_Bool_Exp = {
  count?: InputMaybe<Course_Flags_Aggregate_Bool_Exp_Count>;
};

export type Course_Flags_Aggregate_Bool_Exp_Count = {
  arguments?: InputMaybe<Array<Course_Flags_Select_Column>>;
  distinct?: InputMaybe<Scalars['Boolean']['input']>;
  filter?: InputMaybe<Course_Flags_Bool_Exp>;
  predicate: Int_Comparison_Exp;
};

/** order by aggregate values of table "course_flags" */
export type Course_Flags_Aggregate_Order_By = {
  avg?: InputMaybe<Course_Flags_Avg_Order_By>;
  count?: InputMaybe<Order_By>;
  max?: InputMaybe<Course_Flags_Max_Order_By>;
  min?: InputMaybe<Course_Flags_Min_Order_By>;
  stddev?: InputMaybe<Course_Flags_Stddev_Order_By>;
  stddev_pop?: InputMaybe<Course_Flags_Stddev_Pop_Order_By>;
  stddev_samp?: InputMaybe<Course_Flags_Stddev_Samp_Order_By>;
  sum?: InputMaybe<Course_Flags_Sum_Order_By>;
  var_pop?: InputMaybe<Course_Flags_Var_Pop_Order_By>;
  var_samp?: InputMaybe<Course_Flags_Var_Samp_Order_By>;
  variance?: InputMaybe<Course_Flags_Variance_Order_By>;
};

/** input type for inserting array relation for remote table "course_flags" */
export type Course_Flags_Arr_Rel_Insert_Input = {
  data: Array<Course_Flags_Insert_Input>;
  /** upsert condition */
  on_conflict?: InputMaybe<Course_Flags_On_Conflict>;
};

/** order by avg() on columns of table "course_flags" */
export type Course_Flags_Avg_Order_By = {
  course_id?: InputMaybe<Order_By>;
  flag_id?: InputMaybe<Order_By>;
};

/** Boolean expression to filter rows from the table "course_flags". All fields are combined with a logical 'AND'. */
export type Course_Flags_Bool_Exp = {
  _and?: InputMaybe<Array<Course_Flags_Bool_Exp>>;
  _not?: InputMaybe<Course_Flags_Bool_Exp>;
  _or?: InputMaybe<Array<Course_Flags_Bool_Exp>>;
  course?: InputMaybe<Courses_Bool_Exp>;
  course_id?: InputMaybe<Int_Comparison_Exp>;
  flag?: InputMaybe<Flags_Bool_Exp>;
  flag_id?: InputMaybe<Int_Comparison_Exp>;
};

/** unique or primary key constraints on table "course_flags" */
export type Course_Flags_Constraint =
  /** unique or primary key constraint on columns "course_id", "flag_id" */
  | 'pk_course_flags';

/** input type for incrementing numeric columns in table "course_flags" */
export type Course_Flags_Inc_Input = {
  course_id?: InputMaybe<Scalars['Int']['input']>;
  flag_id?: InputMaybe<Scalars['Int']['input']>;
};

/** input type for inserting data into table "course_flags" */
export type Course_Flags_Insert_Input = {
  course?: InputMaybe<Courses_Obj_Rel_Insert_Input>;
  course_id?: InputMaybe<Scalars['Int']['input']>;
  flag?: InputMaybe<Flags_Obj_Rel_Insert_Input>;
  flag_id?: InputMaybe<Scalars['Int']['input']>;
};

/** order by max() on columns of table "course_flags" */
export type Course_Flags_Max_Order_By = {
  course_id?: InputMaybe<Order_By>;
  flag_id?: InputMaybe<Order_By>;
};

/** order by min() on columns of table "course_flags" */
export type Course_Flags_Min_Order_By = {
  course_id?: InputMaybe<Order_By>;
  flag_id?: InputMaybe<Order_By>;
};

/** on_conflict condition type for table "course_flags" */
export type Course_Flags_On_Conflict = {
  constraint: Course_Flags_Constraint;
  update_columns?: Array<Course_Flags_Update_Column>;
  where?: InputMaybe<Course_Flags_Bool_Exp>;
};

/** Ordering options when selecting data from "course_flags". */
export type Course_Flags_Order_By = {
  course?: InputMaybe<Courses_Order_By>;
  course_id?: InputMaybe<Order_By>;
  flag?: InputMaybe<Flags_Order_By>;
  flag_id?: InputMaybe<Order_By>;
};

/** primary key columns input for table: course_flags */
export type Course_Flags_Pk_Columns_Input = {
  course_id: Scalars['Int']['input'];
  flag_id: Scalars['Int']['input'];
};

/** select columns of table "course_flags" */
export type Course_Flags_Select_Column =
  /** column name */
  | 'course_id'
  /** column name */
  | 'flag_id';

/** input type for updating data in table "course_flags" */
export type Course_Flags_Set_Input = {
  course_id?: InputMaybe<Scalars['Int']['input']>;
  flag_id?: InputMaybe<Scalars['Int']['input']>;
};

/** order by stddev() on columns of table "course_flags" */
export type Course_Flags_Stddev_Order_By = {
  course_id?: InputMaybe<Order_By>;
  flag_id?: InputMaybe<Order_By>;
};

/** order by stddev_pop() on columns of table "course_flags" */
export type Course_Flags_Stddev_Pop_Order_By = {
  course_id?: InputMaybe<Order_By>;
  flag_id?: InputMaybe<Order_By>;
};

/** order by stddev_samp() on columns of table "course_flags" */
export type Course_Flags_Stddev_Samp_Order_By = {
  course_id?: InputMaybe<Order_By>;
  flag_id?: InputMaybe<Order_By>;
};

/** Streaming cursor of the table "course_flags" */
export type Course_Flags_Stream_Cursor_Input = {
  /** Stream column input with initial value */
  initial_value: Course_Flags_Stream_Cursor_Value_Input;
  /** cursor ordering */
  ordering?: InputMaybe<Cursor_Ordering>;
};

/** Initial value of the column from where the streaming should start */
export type Course_Flags_Stream_Cursor_Value_Input = {
  course_id?: InputMaybe<Scalars['Int']['input']>;
  flag_id?: InputMaybe<Scalars['Int']['input']>;
};

/** order by sum() on columns of table "course_flags" */
export type Course_Flags_Sum_Order_By = {
  course_id?: InputMaybe<Order_By>;
  flag_id?: InputMaybe<Order_By>;
};

/** update columns of table "course_flags" */
export type Course_Flags_Update_Column =
  /** column name */
  | 'course_id'
  /** column name */
  | 'flag_id';

export type Course_Flags_Updates = {
  /** increments the numeric columns with given value of the filtered values */
  _inc?: InputMaybe<Course_Flags_Inc_Input>;
  /** sets the columns of the filtered rows to the given values */
  _set?: InputMaybe<Course_Flags_Set_Input>;
  /** filter the rows which have to be updated */
  where: Course_Flags_Bool_Exp;
};

/** order by var_pop() on columns of table "course_flags" */
export type Course_Flags_Var_Pop_Order_By = {
  course_id?: InputMaybe<Order_By>;
  flag_id?: InputMaybe<Order_By>;
};

/** order by var_samp() on columns of table "course_flags" */
export type Course_Flags_Var_Samp_Order_By = {
  course_id?: InputMaybe<Order_By>;
  flag_id?: InputMaybe<Order_By>;
};

/** order by variance() on columns of table "course_flags" */
export type Course_Flags_Variance_Order_By = {
  course_id?: InputMaybe<Order_By>;
  flag_id?: InputMaybe<Order_By>;
};

export type Course_Meetings_Aggregate_Bool_Exp = {
  count?: InputMaybe<Course_Meetings_Aggregate_Bool_Exp_Count>;
};

export type Course_Meetings_Aggregate_Bool_Exp_Count = {
  arguments?: InputMaybe<Array<Course_Meetings_Select_Column>>;
  distinct?: InputMaybe<Scalars['Boolean']['input']>;
  filter?: InputMaybe<Course_Meetings_Bool_Exp>;
  predicate: Int_Comparison_Exp;
};

/** order by aggregate values of table "course_meetings" */
export type Course_Meetings_Aggregate_Order_By = {
  avg?: InputMaybe<Course_Meetings_Avg_Order_By>;
  count?: InputMaybe<Order_By>;
  max?: InputMaybe<Course_Meetings_Max_Order_By>;
  min?: InputMaybe<Course_Meetings_Min_Order_By>;
  stddev?: InputMaybe<Course_Meetings_Stddev_Order_By>;
  stddev_pop?: InputMaybe<Course_Meetings_Stddev_Pop_Order_By>;
  stddev_samp?: InputMaybe<Course_Meetings_Stddev_Samp_Order_By>;
  sum?: InputMaybe<Course_Meetings_Sum_Order_By>;
  var_pop?: InputMaybe<Course_Meetings_Var_Pop_Order_By>;
  var_samp?: InputMaybe<Course_Meetings_Var_Samp_Order_By>;
  variance?: InputMaybe<Course_Meetings_Variance_Order_By>;
};

/** input type for inserting array relation for remote table "course_meetings" */
export type Course_Meetings_Arr_Rel_Insert_Input = {
  data: Array<Course_Meetings_Insert_Input>;
};

/** order by avg() on columns of table "course_meetings" */
export type Course_Meetings_Avg_Order_By = {
  course_id?: InputMaybe<Order_By>;
  days_of_week?: InputMaybe<Order_By>;
  location_id?: InputMaybe<Order_By>;
};

/** Boolean expression to filter rows from the table "course_meetings". All fields are combined with a logical 'AND'. */
export type Course_Meetings_Bool_Exp = {
  _and?: InputMaybe<Array<Course_Meetings_Bool_Exp>>;
  _not?: InputMaybe<Course_Meetings_Bool_Exp>;
  _or?: InputMaybe<Array<Course_Meetings_Bool_Exp>>;
  course?: InputMaybe<Courses_Bool_Exp>;
  course_id?: InputMaybe<Int_Comparison_Exp>;
  days_of_week?: InputMaybe<Int_Comparison_Exp>;
  end_time?: InputMaybe<String_Comparison_Exp>;
  location?: InputMaybe<Locations_Bool_Exp>;
  location_id?: InputMaybe<Int_Comparison_Exp>;
  start_time?: InputMaybe<String_Comparison_Exp>;
};

/** input type for incrementing numeric columns in table "course_meetings" */
export type Course_Meetings_Inc_Input = {
  course_id?: InputMaybe<Scalars['Int']['input']>;
  days_of_week?: InputMaybe<Scalars['Int']['input']>;
  location_id?: InputMaybe<Scalars['Int']['input']>;
};

/** input type for inserting data into table "course_meetings" */
export type Course_Meetings_Insert_Input = {
  course?: InputMaybe<Courses_Obj_Rel_Insert_Input>;
  course_id?: InputMaybe<Scalars['Int']['input']>;
  days_of_week?: InputMaybe<Scalars['Int']['input']>;
  end_time?: InputMaybe<Scalars['String']['input']>;
  location?: InputMaybe<Locations_Obj_Rel_Insert_Input>;
  location_id?: InputMaybe<Scalars['Int']['input']>;
  start_time?: InputMaybe<Scalars['String']['input']>;
};

/** order by max() on columns of table "course_meetings" */
export type Course_Meetings_Max_Order_By = {
  course_id?: InputMaybe<Order_By>;
  days_of_week?: InputMaybe<Order_By>;
  end_time?: InputMaybe<Order_By>;
  location_id?: InputMaybe<Order_By>;
  start_time?: InputMaybe<Order_By>;
};

/** order by min() on columns of table "course_meetings" */
export type Course_Meetings_Min_Order_By = {
  course_id?: InputMaybe<Order_By>;
  days_of_week?: InputMaybe<Order_By>;
  end_time?: InputMaybe<Order_By>;
  location_id?: InputMaybe<Order_By>;
  start_time?: InputMaybe<Order_By>;
};

/** Ordering options when selecting data from "course_meetings". */
export type Course_Meetings_Order_By = {
  course?: InputMaybe<Courses_Order_By>;
  course_id?: InputMaybe<Order_By>;
  days_of_week?: InputMaybe<Order_By>;
  end_time?: InputMaybe<Order_By>;
  location?: InputMaybe<Locations_Order_By>;
  location_id?: InputMaybe<Order_By>;
  start_time?: InputMaybe<Order_By>;
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

/** input type for updating data in table "course_meetings" */
export type Course_Meetings_Set_Input = {
  course_id?: InputMaybe<Scalars['Int']['input']>;
  days_of_week?: InputMaybe<Scalars['Int']['input']>;
  end_time?: InputMaybe<Scalars['String']['input']>;
  location_id?: InputMaybe<Scalars['Int']['input']>;
  start_time?: InputMaybe<Scalars['String']['input']>;
};

/** order by stddev() on columns of table "course_meetings" */
export type Course_Meetings_Stddev_Order_By = {
  course_id?: InputMaybe<Order_By>;
  days_of_week?: InputMaybe<Order_By>;
  location_id?: InputMaybe<Order_By>;
};

/** order by stddev_pop() on columns of table "course_meetings" */
export type Course_Meetings_Stddev_Pop_Order_By = {
  course_id?: InputMaybe<Order_By>;
  days_of_week?: InputMaybe<Order_By>;
  location_id?: InputMaybe<Order_By>;
};

/** order by stddev_samp() on columns of table "course_meetings" */
export type Course_Meetings_Stddev_Samp_Order_By = {
  course_id?: InputMaybe<Order_By>;
  days_of_week?: InputMaybe<Order_By>;
  location_id?: InputMaybe<Order_By>;
};

/** Streaming cursor of the table "course_meetings" */
export type Course_Meetings_Stream_Cursor_Input = {
  /** Stream column input with initial value */
  initial_value: Course_Meetings_Stream_Cursor_Value_Input;
  /** cursor ordering */
  ordering?: InputMaybe<Cursor_Ordering>;
};

/** Initial value of the column from where the streaming should start */
export type Course_Meetings_Stream_Cursor_Value_Input = {
  course_id?: InputMaybe<Scalars['Int']['input']>;
  days_of_week?: InputMaybe<Scalars['Int']['input']>;
  end_time?: InputMaybe<Scalars['String']['input']>;
  location_id?: InputMaybe<Scalars['Int']['input']>;
  start_time?: InputMaybe<Scalars['String']['input']>;
};

/** order by sum() on columns of table "course_meetings" */
export type Course_Meetings_Sum_Order_By = {
  course_id?: InputMaybe<Order_By>;
  days_of_week?: InputMaybe<Order_By>;
  location_id?: InputMaybe<Order_By>;
};

export type Course_Meetings_Updates = {
  /** increments the numeric columns with given value of the filtered values */
  _inc?: InputMaybe<Course_Meetings_Inc_Input>;
  /** sets the columns of the filtered rows to the given values */
  _set?: InputMaybe<Course_Meetings_Set_Input>;
  /** filter the rows which have to be updated */
  where: Course_Meetings_Bool_Exp;
};

/** order by var_pop() on columns of table "course_meetings" */
export type Course_Meetings_Var_Pop_Order_By = {
  course_id?: InputMaybe<Order_By>;
  days_of_week?: InputMaybe<Order_By>;
  location_id?: InputMaybe<Order_By>;
};

/** order by var_samp() on columns of table "course_meetings" */
export type Course_Meetings_Var_Samp_Order_By = {
  course_id?: InputMaybe<Order_By>;
  days_of_week?: InputMaybe<Order_By>;
  location_id?: InputMaybe<Order_By>;
};

/** order by variance() on columns of table "course_meetings" */
export type Course_Meetings_Variance_Order_By = {
  course_id?: InputMaybe<Order_By>;
  days_of_week?: InputMaybe<Order_By>;
  location_id?: InputMaybe<Order_By>;
};

export type Course_Professors_Aggregate_Bool_Exp = {
  count?: InputMaybe<Course_Professors_Aggregate_Bool_Exp_Count>;
};

export type Course_Professors_Aggregate_Bool_Exp_Count = {
  arguments?: InputMaybe<Array<Course_Professors_Select_Column>>;
  distinct?: InputMaybe<Scalars['Boolean']['input']>;
  filter?: InputMaybe<Course_Professors_Bool_Exp>;
  predicate: Int_Comparison_Exp;
};

/** order by aggregate values of table "course_professors" */
export type Course_Professors_Aggregate_Order_By = {
  avg?: InputMaybe<Course_Professors_Avg_Order_By>;
  count?: InputMaybe<Order_By>;
  max?: InputMaybe<Course_Professors_Max_Order_By>;
  min?: InputMaybe<Course_Professors_Min_Order_By>;
  stddev?: InputMaybe<Course_Professors_Stddev_Order_By>;
  stddev_pop?: InputMaybe<Course_Professors_Stddev_Pop_Order_By>;
  stddev_samp?: InputMaybe<Course_Professors_Stddev_Samp_Order_By>;
  sum?: InputMaybe<Course_Professors_Sum_Order_By>;
  var_pop?: InputMaybe<Course_Professors_Var_Pop_Order_By>;
  var_samp?: InputMaybe<Course_Professors_Var_Samp_Order_By>;
  variance?: InputMaybe<Course_Professors_Variance_Order_By>;
};

/** input type for inserting array relation for remote table "course_professors" */
export type Course_Professors_Arr_Rel_Insert_Input = {
  data: Array<Course_Professors_Insert_Input>;
  /** upsert condition */
  on_conflict?: InputMaybe<Course_Professors_On_Conflict>;
};

/** order by avg() on columns of table "course_professors" */
export type Course_Professors_Avg_Order_By = {
  course_id?: InputMaybe<Order_By>;
  professor_id?: InputMaybe<Order_By>;
};

/** Boolean expression to filter rows from the table "course_professors". All fields are combined with a logical 'AND'. */
export type Course_Professors_Bool_Exp = {
  _and?: InputMaybe<Array<Course_Professors_Bool_Exp>>;
  _not?: InputMaybe<Course_Professors_Bool_Exp>;
  _or?: InputMaybe<Array<Course_Professors_Bool_Exp>>;
  course?: InputMaybe<Courses_Bool_Exp>;
  course_id?: InputMaybe<Int_Comparison_Exp>;
  professor?: InputMaybe<Professors_Bool_Exp>;
  professor_id?: InputMaybe<Int_Comparison_Exp>;
};

/** unique or primary key constraints on table "course_professors" */
export type Course_Professors_Constraint =
  /** unique or primary key constraint on columns "course_id", "professor_id" */
  | 'pk_course_professors';

/** input type for incrementing numeric columns in table "course_professors" */
export type Course_Professors_Inc_Input = {
  course_id?: InputMaybe<Scalars['Int']['input']>;
  professor_id?: InputMaybe<Scalars['Int']['input']>;
};

/** input type for inserting data into table "course_professors" */
export type Course_Professors_Insert_Input = {
  course?: InputMaybe<Courses_Obj_Rel_Insert_Input>;
  course_id?: InputMaybe<Scalars['Int']['input']>;
  professor?: InputMaybe<Professors_Obj_Rel_Insert_Input>;
  professor_id?: InputMaybe<Scalars['Int']['input']>;
};

/** order by max() on columns of table "course_professors" */
export type Course_Professors_Max_Order_By = {
  course_id?: InputMaybe<Order_By>;
  professor_id?: InputMaybe<Order_By>;
};

/** order by min() on columns of table "course_professors" */
export type Course_Professors_Min_Order_By = {
  course_id?: InputMaybe<Order_By>;
  professor_id?: InputMaybe<Order_By>;
};

/** on_conflict condition type for table "course_professors" */
export type Course_Professors_On_Conflict = {
  constraint: Course_Professors_Constraint;
  update_columns?: Array<Course_Professors_Update_Column>;
  where?: InputMaybe<Course_Professors_Bool_Exp>;
};

/** Ordering options when selecting data from "course_professors". */
export type Course_Professors_Order_By = {
  course?: InputMaybe<Courses_Order_By>;
  course_id?: InputMaybe<Order_By>;
  professor?: InputMaybe<Professors_Order_By>;
  professor_id?: InputMaybe<Order_By>;
};

/** primary key columns input for table: course_professors */
export type Course_Professors_Pk_Columns_Input = {
  course_id: Scalars['Int']['input'];
  professor_id: Scalars['Int']['input'];
};

/** select columns of table "course_professors" */
export type Course_Professors_Select_Column =
  /** column name */
  | 'course_id'
  /** column name */
  | 'professor_id';

/** input type for updating data in table "course_professors" */
export type Course_Professors_Set_Input = {
  course_id?: InputMaybe<Scalars['Int']['input']>;
  professor_id?: InputMaybe<Scalars['Int']['input']>;
};

/** order by stddev() on columns of table "course_professors" */
export type Course_Professors_Stddev_Order_By = {
  course_id?: InputMaybe<Order_By>;
  professor_id?: InputMaybe<Order_By>;
};

/** order by stddev_pop() on columns of table "course_professors" */
export type Course_Professors_Stddev_Pop_Order_By = {
  course_id?: InputMaybe<Order_By>;
  professor_id?: InputMaybe<Order_By>;
};

/** order by stddev_samp() on columns of table "course_professors" */
export type Course_Professors_Stddev_Samp_Order_By = {
  course_id?: InputMaybe<Order_By>;
  professor_id?: InputMaybe<Order_By>;
};

/** Streaming cursor of the table "course_professors" */
export type Course_Professors_Stream_Cursor_Input = {
  /** Stream column input with initial value */
  initial_value: Course_Professors_Stream_Cursor_Value_Input;
  /** cursor ordering */
  ordering?: InputMaybe<Cursor_Ordering>;
};

/** Initial value of the column from where the streaming should start */
export type Course_Professors_Stream_Cursor_Value_Input = {
  course_id?: InputMaybe<Scalars['Int']['input']>;
  professor_id?: InputMaybe<Scalars['Int']['input']>;
};

/** order by sum() on columns of table "course_professors" */
export type Course_Professors_Sum_Order_By = {
  course_id?: InputMaybe<Order_By>;
  professor_id?: InputMaybe<Order_By>;
};

/** update columns of table "course_professors" */
export type Course_Professors_Update_Column =
  /** column name */
  | 'course_id'
  /** column name */
  | 'professor_id';

export type Course_Professors_Updates = {
  /** increments the numeric columns with given value of the filtered values */
  _inc?: InputMaybe<Course_Professors_Inc_Input>;
  /** sets the columns of the filtered rows to the given values */
  _set?: InputMaybe<Course_Professors_Set_Input>;
  /** filter the rows which have to be updated */
  where: Course_Professors_Bool_Exp;
};

/** order by var_pop() on columns of table "course_professors" */
export type Course_Professors_Var_Pop_Order_By = {
  course_id?: InputMaybe<Order_By>;
  professor_id?: InputMaybe<Order_By>;
};

/** order by var_samp() on columns of table "course_professors" */
export type Course_Professors_Var_Samp_Order_By = {
  course_id?: InputMaybe<Order_By>;
  professor_id?: InputMaybe<Order_By>;
};

/** order by variance() on columns of table "course_professors" */
export type Course_Professors_Variance_Order_By = {
  course_id?: InputMaybe<Order_By>;
  professor_id?: InputMaybe<Order_By>;
};

export type Courses_Aggregate_Bool_Exp = {
  count?: InputMaybe<Courses_Aggregate_Bool_Exp_Count>;
};

export type Courses_Aggregate_Bool_Exp_Count = {
  arguments?: InputMaybe<Array<Courses_Select_Column>>;
  distinct?: InputMaybe<Scalars['Boolean']['input']>;
  filter?: InputMaybe<Courses_Bool_Exp>;
  predicate: Int_Comparison_Exp;
};

/** order by aggregate values of table "courses" */
export type Courses_Aggregate_Order_By = {
  avg?: InputMaybe<Courses_Avg_Order_By>;
  count?: InputMaybe<Order_By>;
  max?: InputMaybe<Courses_Max_Order_By>;
  min?: InputMaybe<Courses_Min_Order_By>;
  stddev?: InputMaybe<Courses_Stddev_Order_By>;
  stddev_pop?: InputMaybe<Courses_Stddev_Pop_Order_By>;
  stddev_samp?: InputMaybe<Courses_Stddev_Samp_Order_By>;
  sum?: InputMaybe<Courses_Sum_Order_By>;
  var_pop?: InputMaybe<Courses_Var_Pop_Order_By>;
  var_samp?: InputMaybe<Courses_Var_Samp_Order_By>;
  variance?: InputMaybe<Courses_Variance_Order_By>;
};

/** append input type for table "courses" */
export type Courses_Append_Input = {
  areas?: InputMaybe<Scalars['jsonb']['input']>;
  skills?: InputMaybe<Scalars['jsonb']['input']>;
};

/** input type for inserting array relation for remote table "courses" */
export type Courses_Arr_Rel_Insert_Input = {
  data: Array<Courses_Insert_Input>;
  /** upsert condition */
  on_conflict?: InputMaybe<Courses_On_Conflict>;
};

/** order by avg() on columns of table "courses" */
export type Courses_Avg_Order_By = {
  average_gut_rating?: InputMaybe<Order_By>;
  average_professor_rating?: InputMaybe<Order_By>;
  average_rating?: InputMaybe<Order_By>;
  average_rating_n?: InputMaybe<Order_By>;
  average_rating_same_professors?: InputMaybe<Order_By>;
  average_rating_same_professors_n?: InputMaybe<Order_By>;
  average_workload?: InputMaybe<Order_By>;
  average_workload_n?: InputMaybe<Order_By>;
  average_workload_same_professors?: InputMaybe<Order_By>;
  average_workload_same_professors_n?: InputMaybe<Order_By>;
  course_id?: InputMaybe<Order_By>;
  credits?: InputMaybe<Order_By>;
  last_enrollment?: InputMaybe<Order_By>;
  last_enrollment_course_id?: InputMaybe<Order_By>;
  last_offered_course_id?: InputMaybe<Order_By>;
  primary_crn?: InputMaybe<Order_By>;
  same_course_and_profs_id?: InputMaybe<Order_By>;
  same_course_id?: InputMaybe<Order_By>;
};

/** Boolean expression to filter rows from the table "courses". All fields are combined with a logical 'AND'. */
export type Courses_Bool_Exp = {
  _and?: InputMaybe<Array<Courses_Bool_Exp>>;
  _not?: InputMaybe<Courses_Bool_Exp>;
  _or?: InputMaybe<Array<Courses_Bool_Exp>>;
  areas?: InputMaybe<Jsonb_Comparison_Exp>;
  average_gut_rating?: InputMaybe<Float8_Comparison_Exp>;
  average_professor_rating?: InputMaybe<Float8_Comparison_Exp>;
  average_rating?: InputMaybe<Float8_Comparison_Exp>;
  average_rating_n?: InputMaybe<Int_Comparison_Exp>;
  average_rating_same_professors?: InputMaybe<Float8_Comparison_Exp>;
  average_rating_same_professors_n?: InputMaybe<Int_Comparison_Exp>;
  average_workload?: InputMaybe<Float8_Comparison_Exp>;
  average_workload_n?: InputMaybe<Int_Comparison_Exp>;
  average_workload_same_professors?: InputMaybe<Float8_Comparison_Exp>;
  average_workload_same_professors_n?: InputMaybe<Int_Comparison_Exp>;
  classnotes?: InputMaybe<String_Comparison_Exp>;
  colsem?: InputMaybe<Boolean_Comparison_Exp>;
  course_flags?: InputMaybe<Course_Flags_Bool_Exp>;
  course_flags_aggregate?: InputMaybe<Course_Flags_Aggregate_Bool_Exp>;
  course_home_url?: InputMaybe<String_Comparison_Exp>;
  course_id?: InputMaybe<Int_Comparison_Exp>;
  course_meetings?: InputMaybe<Course_Meetings_Bool_Exp>;
  course_meetings_aggregate?: InputMaybe<Course_Meetings_Aggregate_Bool_Exp>;
  course_professors?: InputMaybe<Course_Professors_Bool_Exp>;
  course_professors_aggregate?: InputMaybe<Course_Professors_Aggregate_Bool_Exp>;
  credits?: InputMaybe<Float8_Comparison_Exp>;
  description?: InputMaybe<String_Comparison_Exp>;
  evaluation_narrative_summaries?: InputMaybe<Evaluation_Narrative_Summaries_Bool_Exp>;
  evaluation_narrative_summaries_aggregate?: InputMaybe<Evaluation_Narrative_Summaries_Aggregate_Bool_Exp>;
  evaluation_narratives?: InputMaybe<Evaluation_Narratives_Bool_Exp>;
  evaluation_narratives_aggregate?: InputMaybe<Evaluation_Narratives_Aggregate_Bool_Exp>;
  evaluation_ratings?: InputMaybe<Evaluation_Ratings_Bool_Exp>;
  evaluation_ratings_aggregate?: InputMaybe<Evaluation_Ratings_Aggregate_Bool_Exp>;
  evaluation_statistic?: InputMaybe<Evaluation_Statistics_Bool_Exp>;
  extra_info?: InputMaybe<String_Comparison_Exp>;
  final_exam?: InputMaybe<String_Comparison_Exp>;
  fysem?: InputMaybe<Boolean_Comparison_Exp>;
  last_enrollment?: InputMaybe<Int_Comparison_Exp>;
  last_enrollment_course_id?: InputMaybe<Int_Comparison_Exp>;
  last_enrollment_same_professors?: InputMaybe<Boolean_Comparison_Exp>;
  last_enrollment_season_code?: InputMaybe<String_Comparison_Exp>;
  last_offered_course_id?: InputMaybe<Int_Comparison_Exp>;
  last_updated?: InputMaybe<Timestamp_Comparison_Exp>;
  listings?: InputMaybe<Listings_Bool_Exp>;
  listings_aggregate?: InputMaybe<Listings_Aggregate_Bool_Exp>;
  primary_crn?: InputMaybe<Int_Comparison_Exp>;
  regnotes?: InputMaybe<String_Comparison_Exp>;
  requirements?: InputMaybe<String_Comparison_Exp>;
  rp_attr?: InputMaybe<String_Comparison_Exp>;
  same_course_and_profs_id?: InputMaybe<Int_Comparison_Exp>;
  same_course_id?: InputMaybe<Int_Comparison_Exp>;
  season?: InputMaybe<Seasons_Bool_Exp>;
  season_code?: InputMaybe<String_Comparison_Exp>;
  section?: InputMaybe<String_Comparison_Exp>;
  skills?: InputMaybe<Jsonb_Comparison_Exp>;
  syllabus_url?: InputMaybe<String_Comparison_Exp>;
  sysem?: InputMaybe<Boolean_Comparison_Exp>;
  time_added?: InputMaybe<Timestamp_Comparison_Exp>;
  title?: InputMaybe<String_Comparison_Exp>;
};

/** unique or primary key constraints on table "courses" */
export type Courses_Constraint =
  /** unique or primary key constraint on columns "course_id" */
  | 'pk_courses';

/** delete at path input type for table "courses" */
export type Courses_Delete_At_Path_Input = {
  areas?: InputMaybe<Array<Scalars['String']['input']>>;
  skills?: InputMaybe<Array<Scalars['String']['input']>>;
};

/** delete elem input type for table "courses" */
export type Courses_Delete_Elem_Input = {
  areas?: InputMaybe<Scalars['Int']['input']>;
  skills?: InputMaybe<Scalars['Int']['input']>;
};

/** delete key input type for table "courses" */
export type Courses_Delete_Key_Input = {
  areas?: InputMaybe<Scalars['String']['input']>;
  skills?: InputMaybe<Scalars['String']['input']>;
};

/** input type for incrementing numeric columns in table "courses" */
export type Courses_Inc_Input = {
  average_gut_rating?: InputMaybe<Scalars['float8']['input']>;
  average_professor_rating?: InputMaybe<Scalars['float8']['input']>;
  average_rating?: InputMaybe<Scalars['float8']['input']>;
  average_rating_n?: InputMaybe<Scalars['Int']['input']>;
  average_rating_same_professors?: InputMaybe<Scalars['float8']['input']>;
  average_rating_same_professors_n?: InputMaybe<Scalars['Int']['input']>;
  average_workload?: InputMaybe<Scalars['float8']['input']>;
  average_workload_n?: InputMaybe<Scalars['Int']['input']>;
  average_workload_same_professors?: InputMaybe<Scalars['float8']['input']>;
  average_workload_same_professors_n?: InputMaybe<Scalars['Int']['input']>;
  course_id?: InputMaybe<Scalars['Int']['input']>;
  credits?: InputMaybe<Scalars['float8']['input']>;
  last_enrollment?: InputMaybe<Scalars['Int']['input']>;
  last_enrollment_course_id?: InputMaybe<Scalars['Int']['input']>;
  last_offered_course_id?: InputMaybe<Scalars['Int']['input']>;
  primary_crn?: InputMaybe<Scalars['Int']['input']>;
  same_course_and_profs_id?: InputMaybe<Scalars['Int']['input']>;
  same_course_id?: InputMaybe<Scalars['Int']['input']>;
};

/** input type for inserting data into table "courses" */
export type Courses_Insert_Input = {
  areas?: InputMaybe<Scalars['jsonb']['input']>;
  average_gut_rating?: InputMaybe<Scalars['float8']['input']>;
  average_professor_rating?: InputMaybe<Scalars['float8']['input']>;
  average_rating?: InputMaybe<Scalars['float8']['input']>;
  average_rating_n?: InputMaybe<Scalars['Int']['input']>;
  average_rating_same_professors?: InputMaybe<Scalars['float8']['input']>;
  average_rating_same_professors_n?: InputMaybe<Scalars['Int']['input']>;
  average_workload?: InputMaybe<Scalars['float8']['input']>;
  average_workload_n?: InputMaybe<Scalars['Int']['input']>;
  average_workload_same_professors?: InputMaybe<Scalars['float8']['input']>;
  average_workload_same_professors_n?: InputMaybe<Scalars['Int']['input']>;
  classnotes?: InputMaybe<Scalars['String']['input']>;
  colsem?: InputMaybe<Scalars['Boolean']['input']>;
  course_flags?: InputMaybe<Course_Flags_Arr_Rel_Insert_Input>;
  course_home_url?: InputMaybe<Scalars['String']['input']>;
  course_id?: InputMaybe<Scalars['Int']['input']>;
  course_meetings?: InputMaybe<Course_Meetings_Arr_Rel_Insert_Input>;
  course_professors?: InputMaybe<Course_Professors_Arr_Rel_Insert_Input>;
  credits?: InputMaybe<Scalars['float8']['input']>;
  description?: InputMaybe<Scalars['String']['input']>;
  evaluation_narrative_summaries?: InputMaybe<Evaluation_Narrative_Summaries_Arr_Rel_Insert_Input>;
  evaluation_narratives?: InputMaybe<Evaluation_Narratives_Arr_Rel_Insert_Input>;
  evaluation_ratings?: InputMaybe<Evaluation_Ratings_Arr_Rel_Insert_Input>;
  evaluation_statistic?: InputMaybe<Evaluation_Statistics_Obj_Rel_Insert_Input>;
  extra_info?: InputMaybe<Scalars['String']['input']>;
  final_exam?: InputMaybe<Scalars['String']['input']>;
  fysem?: InputMaybe<Scalars['Boolean']['input']>;
  last_enrollment?: InputMaybe<Scalars['Int']['input']>;
  last_enrollment_course_id?: InputMaybe<Scalars['Int']['input']>;
  last_enrollment_same_professors?: InputMaybe<Scalars['Boolean']['input']>;
  last_enrollment_season_code?: InputMaybe<Scalars['String']['input']>;
  last_offered_course_id?: InputMaybe<Scalars['Int']['input']>;
  last_updated?: InputMaybe<Scalars['timestamp']['input']>;
  listings?: InputMaybe<Listings_Arr_Rel_Insert_Input>;
  primary_crn?: InputMaybe<Scalars['Int']['input']>;
  regnotes?: InputMaybe<Scalars['String']['input']>;
  requirements?: InputMaybe<Scalars['String']['input']>;
  rp_attr?: InputMaybe<Scalars['String']['input']>;
  same_course_and_profs_id?: InputMaybe<Scalars['Int']['input']>;
  same_course_id?: InputMaybe<Scalars['Int']['input']>;
  season?: InputMaybe<Seasons_Obj_Rel_Insert_Input>;
  season_code?: InputMaybe<Scalars['String']['input']>;
  section?: InputMaybe<Scalars['String']['input']>;
  skills?: InputMaybe<Scalars['jsonb']['input']>;
  syllabus_url?: InputMaybe<Scalars['String']['input']>;
  sysem?: InputMaybe<Scalars['Boolean']['input']>;
  time_added?: InputMaybe<Scalars['timestamp']['input']>;
  title?: InputMaybe<Scalars['String']['input']>;
};

/** order by max() on columns of table "courses" */
export type Courses_Max_Order_By = {
  average_gut_rating?: InputMaybe<Order_By>;
  average_professor_rating?: InputMaybe<Order_By>;
  average_rating?: InputMaybe<Order_By>;
  average_rating_n?: InputMaybe<Order_By>;
  average_rating_same_professors?: InputMaybe<Order_By>;
  average_rating_same_professors_n?: InputMaybe<Order_By>;
  average_workload?: InputMaybe<Order_By>;
  average_workload_n?: InputMaybe<Order_By>;
  average_workload_same_professors?: InputMaybe<Order_By>;
  average_workload_same_professors_n?: InputMaybe<Order_By>;
  classnotes?: InputMaybe<Order_By>;
  course_home_url?: InputMaybe<Order_By>;
  course_id?: InputMaybe<Order_By>;
  credits?: InputMaybe<Order_By>;
  description?: InputMaybe<Order_By>;
  extra_info?: InputMaybe<Order_By>;
  final_exam?: InputMaybe<Order_By>;
  last_enrollment?: InputMaybe<Order_By>;
  last_enrollment_course_id?: InputMaybe<Order_By>;
  last_enrollment_season_code?: InputMaybe<Order_By>;
  last_offered_course_id?: InputMaybe<Order_By>;
  last_updated?: InputMaybe<Order_By>;
  primary_crn?: InputMaybe<Order_By>;
  regnotes?: InputMaybe<Order_By>;
  requirements?: InputMaybe<Order_By>;
  rp_attr?: InputMaybe<Order_By>;
  same_course_and_profs_id?: InputMaybe<Order_By>;
  same_course_id?: InputMaybe<Order_By>;
  season_code?: InputMaybe<Order_By>;
  section?: InputMaybe<Order_By>;
  syllabus_url?: InputMaybe<Order_By>;
  time_added?: InputMaybe<Order_By>;
  title?: InputMaybe<Order_By>;
};

/** order by min() on columns of table "courses" */
export type Courses_Min_Order_By = {
  average_gut_rating?: InputMaybe<Order_By>;
  average_professor_rating?: InputMaybe<Order_By>;
  average_rating?: InputMaybe<Order_By>;
  average_rating_n?: InputMaybe<Order_By>;
  average_rating_same_professors?: InputMaybe<Order_By>;
  average_rating_same_professors_n?: InputMaybe<Order_By>;
  average_workload?: InputMaybe<Order_By>;
  average_workload_n?: InputMaybe<Order_By>;
  average_workload_same_professors?: InputMaybe<Order_By>;
  average_workload_same_professors_n?: InputMaybe<Order_By>;
  classnotes?: InputMaybe<Order_By>;
  course_home_url?: InputMaybe<Order_By>;
  course_id?: InputMaybe<Order_By>;
  credits?: InputMaybe<Order_By>;
  description?: InputMaybe<Order_By>;
  extra_info?: InputMaybe<Order_By>;
  final_exam?: InputMaybe<Order_By>;
  last_enrollment?: InputMaybe<Order_By>;
  last_enrollment_course_id?: InputMaybe<Order_By>;
  last_enrollment_season_code?: InputMaybe<Order_By>;
  last_offered_course_id?: InputMaybe<Order_By>;
  last_updated?: InputMaybe<Order_By>;
  primary_crn?: InputMaybe<Order_By>;
  regnotes?: InputMaybe<Order_By>;
  requirements?: InputMaybe<Order_By>;
  rp_attr?: InputMaybe<Order_By>;
  same_course_and_profs_id?: InputMaybe<Order_By>;
  same_course_id?: InputMaybe<Order_By>;
  season_code?: InputMaybe<Order_By>;
  section?: InputMaybe<Order_By>;
  syllabus_url?: InputMaybe<Order_By>;
  time_added?: InputMaybe<Order_By>;
  title?: InputMaybe<Order_By>;
};

/** input type for inserting object relation for remote table "courses" */
export type Courses_Obj_Rel_Insert_Input = {
  data: Courses_Insert_Input;
  /** upsert condition */
  on_conflict?: InputMaybe<Courses_On_Conflict>;
};

/** on_conflict condition type for table "courses" */
export type Courses_On_Conflict = {
  constraint: Courses_Constraint;
  update_columns?: Array<Courses_Update_Column>;
  where?: InputMaybe<Courses_Bool_Exp>;
};

/** Ordering options when selecting data from "courses". */
export type Courses_Order_By = {
  areas?: InputMaybe<Order_By>;
  average_gut_rating?: InputMaybe<Order_By>;
  average_professor_rating?: InputMaybe<Order_By>;
  average_rating?: InputMaybe<Order_By>;
  average_rating_n?: InputMaybe<Order_By>;
  average_rating_same_professors?: InputMaybe<Order_By>;
  average_rating_same_professors_n?: InputMaybe<Order_By>;
  average_workload?: InputMaybe<Order_By>;
  average_workload_n?: InputMaybe<Order_By>;
  average_workload_same_professors?: InputMaybe<Order_By>;
  average_workload_same_professors_n?: InputMaybe<Order_By>;
  classnotes?: InputMaybe<Order_By>;
  colsem?: InputMaybe<Order_By>;
  course_flags_aggregate?: InputMaybe<Course_Flags_Aggregate_Order_By>;
  course_home_url?: InputMaybe<Order_By>;
  course_id?: InputMaybe<Order_By>;
  course_meetings_aggregate?: InputMaybe<Course_Meetings_Aggregate_Order_By>;
  course_professors_aggregate?: InputMaybe<Course_Professors_Aggregate_Order_By>;
  credits?: InputMaybe<Order_By>;
  description?: InputMaybe<Order_By>;
  evaluation_narrative_summaries_aggregate?: InputMaybe<Evaluation_Narrative_Summaries_Aggregate_Order_By>;
  evaluation_narratives_aggregate?: InputMaybe<Evaluation_Narratives_Aggregate_Order_By>;
  evaluation_ratings_aggregate?: InputMaybe<Evaluation_Ratings_Aggregate_Order_By>;
  evaluation_statistic?: InputMaybe<Evaluation_Statistics_Order_By>;
  extra_info?: InputMaybe<Order_By>;
  final_exam?: InputMaybe<Order_By>;
  fysem?: InputMaybe<Order_By>;
  last_enrollment?: InputMaybe<Order_By>;
  last_enrollment_course_id?: InputMaybe<Order_By>;
  last_enrollment_same_professors?: InputMaybe<Order_By>;
  last_enrollment_season_code?: InputMaybe<Order_By>;
  last_offered_course_id?: InputMaybe<Order_By>;
  last_updated?: InputMaybe<Order_By>;
  listings_aggregate?: InputMaybe<Listings_Aggregate_Order_By>;
  primary_crn?: InputMaybe<Order_By>;
  regnotes?: InputMaybe<Order_By>;
  requirements?: InputMaybe<Order_By>;
  rp_attr?: InputMaybe<Order_By>;
  same_course_and_profs_id?: InputMaybe<Order_By>;
  same_course_id?: InputMaybe<Order_By>;
  season?: InputMaybe<Seasons_Order_By>;
  season_code?: InputMaybe<Order_By>;
  section?: InputMaybe<Order_By>;
  skills?: InputMaybe<Order_By>;
  syllabus_url?: InputMaybe<Order_By>;
  sysem?: InputMaybe<Order_By>;
  time_added?: InputMaybe<Order_By>;
  title?: InputMaybe<Order_By>;
};

/** primary key columns input for table: courses */
export type Courses_Pk_Columns_Input = {
  course_id: Scalars['Int']['input'];
};

/** prepend input type for table "courses" */
export type Courses_Prepend_Input = {
  areas?: InputMaybe<Scalars['jsonb']['input']>;
  skills?: InputMaybe<Scalars['jsonb']['input']>;
};

/** select columns of table "courses" */
export type Courses_Select_Column =
  /** column name */
  | 'areas'
  /** column name */
  | 'average_gut_rating'
  /** column name */
  | 'average_professor_rating'
  /** column name */
  | 'average_rating'
  /** column name */
  | 'average_rating_n'
  /** column name */
  | 'average_rating_same_professors'
  /** column name */
  | 'average_rating_same_professors_n'
  /** column name */
  | 'average_workload'
  /** column name */
  | 'average_workload_n'
  /** column name */
  | 'average_workload_same_professors'
  /** column name */
  | 'average_workload_same_professors_n'
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
  | 'last_enrollment'
  /** column name */
  | 'last_enrollment_course_id'
  /** column name */
  | 'last_enrollment_same_professors'
  /** column name */
  | 'last_enrollment_season_code'
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

/** input type for updating data in table "courses" */
export type Courses_Set_Input = {
  areas?: InputMaybe<Scalars['jsonb']['input']>;
  average_gut_rating?: InputMaybe<Scalars['float8']['input']>;
  average_professor_rating?: InputMaybe<Scalars['float8']['input']>;
  average_rating?: InputMaybe<Scalars['float8']['input']>;
  average_rating_n?: InputMaybe<Scalars['Int']['input']>;
  average_rating_same_professors?: InputMaybe<Scalars['float8']['input']>;
  average_rating_same_professors_n?: InputMaybe<Scalars['Int']['input']>;
  average_workload?: InputMaybe<Scalars['float8']['input']>;
  average_workload_n?: InputMaybe<Scalars['Int']['input']>;
  average_workload_same_professors?: InputMaybe<Scalars['float8']['input']>;
  average_workload_same_professors_n?: InputMaybe<Scalars['Int']['input']>;
  classnotes?: InputMaybe<Scalars['String']['input']>;
  colsem?: InputMaybe<Scalars['Boolean']['input']>;
  course_home_url?: InputMaybe<Scalars['String']['input']>;
  course_id?: InputMaybe<Scalars['Int']['input']>;
  credits?: InputMaybe<Scalars['float8']['input']>;
  description?: InputMaybe<Scalars['String']['input']>;
  extra_info?: InputMaybe<Scalars['String']['input']>;
  final_exam?: InputMaybe<Scalars['String']['input']>;
  fysem?: InputMaybe<Scalars['Boolean']['input']>;
  last_enrollment?: InputMaybe<Scalars['Int']['input']>;
  last_enrollment_course_id?: InputMaybe<Scalars['Int']['input']>;
  last_enrollment_same_professors?: InputMaybe<Scalars['Boolean']['input']>;
  last_enrollment_season_code?: InputMaybe<Scalars['String']['input']>;
  last_offered_course_id?: InputMaybe<Scalars['Int']['input']>;
  last_updated?: InputMaybe<Scalars['timestamp']['input']>;
  primary_crn?: InputMaybe<Scalars['Int']['input']>;
  regnotes?: InputMaybe<Scalars['String']['input']>;
  requirements?: InputMaybe<Scalars['String']['input']>;
  rp_attr?: InputMaybe<Scalars['String']['input']>;
  same_course_and_profs_id?: InputMaybe<Scalars['Int']['input']>;
  same_course_id?: InputMaybe<Scalars['Int']['input']>;
  season_code?: InputMaybe<Scalars['String']['input']>;
  section?: InputMaybe<Scalars['String']['input']>;
  skills?: InputMaybe<Scalars['jsonb']['input']>;
  syllabus_url?: InputMaybe<Scalars['String']['input']>;
  sysem?: InputMaybe<Scalars['Boolean']['input']>;
  time_added?: InputMaybe<Scalars['timestamp']['input']>;
  title?: InputMaybe<Scalars['String']['input']>;
};

/** order by stddev() on columns of table "courses" */
export type Courses_Stddev_Order_By = {
  average_gut_rating?: InputMaybe<Order_By>;
  average_professor_rating?: InputMaybe<Order_By>;
  average_rating?: InputMaybe<Order_By>;
  average_rating_n?: InputMaybe<Order_By>;
  average_rating_same_professors?: InputMaybe<Order_By>;
  average_rating_same_professors_n?: InputMaybe<Order_By>;
  average_workload?: InputMaybe<Order_By>;
  average_workload_n?: InputMaybe<Order_By>;
  average_workload_same_professors?: InputMaybe<Order_By>;
  average_workload_same_professors_n?: InputMaybe<Order_By>;
  course_id?: InputMaybe<Order_By>;
  credits?: InputMaybe<Order_By>;
  last_enrollment?: InputMaybe<Order_By>;
  last_enrollment_course_id?: InputMaybe<Order_By>;
  last_offered_course_id?: InputMaybe<Order_By>;
  primary_crn?: InputMaybe<Order_By>;
  same_course_and_profs_id?: InputMaybe<Order_By>;
  same_course_id?: InputMaybe<Order_By>;
};

/** order by stddev_pop() on columns of table "courses" */
export type Courses_Stddev_Pop_Order_By = {
  average_gut_rating?: InputMaybe<Order_By>;
  average_professor_rating?: InputMaybe<Order_By>;
  average_rating?: InputMaybe<Order_By>;
  average_rating_n?: InputMaybe<Order_By>;
  average_rating_same_professors?: InputMaybe<Order_By>;
  average_rating_same_professors_n?: InputMaybe<Order_By>;
  average_workload?: InputMaybe<Order_By>;
  average_workload_n?: InputMaybe<Order_By>;
  average_workload_same_professors?: InputMaybe<Order_By>;
  average_workload_same_professors_n?: InputMaybe<Order_By>;
  course_id?: InputMaybe<Order_By>;
  credits?: InputMaybe<Order_By>;
  last_enrollment?: InputMaybe<Order_By>;
  last_enrollment_course_id?: InputMaybe<Order_By>;
  last_offered_course_id?: InputMaybe<Order_By>;
  primary_crn?: InputMaybe<Order_By>;
  same_course_and_profs_id?: InputMaybe<Order_By>;
  same_course_id?: InputMaybe<Order_By>;
};

/** order by stddev_samp() on columns of table "courses" */
export type Courses_Stddev_Samp_Order_By = {
  average_gut_rating?: InputMaybe<Order_By>;
  average_professor_rating?: InputMaybe<Order_By>;
  average_rating?: InputMaybe<Order_By>;
  average_rating_n?: InputMaybe<Order_By>;
  average_rating_same_professors?: InputMaybe<Order_By>;
  average_rating_same_professors_n?: InputMaybe<Order_By>;
  average_workload?: InputMaybe<Order_By>;
  average_workload_n?: InputMaybe<Order_By>;
  average_workload_same_professors?: InputMaybe<Order_By>;
  average_workload_same_professors_n?: InputMaybe<Order_By>;
  course_id?: InputMaybe<Order_By>;
  credits?: InputMaybe<Order_By>;
  last_enrollment?: InputMaybe<Order_By>;
  last_enrollment_course_id?: InputMaybe<Order_By>;
  last_offered_course_id?: InputMaybe<Order_By>;
  primary_crn?: InputMaybe<Order_By>;
  same_course_and_profs_id?: InputMaybe<Order_By>;
  same_course_id?: InputMaybe<Order_By>;
};

/** Streaming cursor of the table "courses" */
export type Courses_Stream_Cursor_Input = {
  /** Stream column input with initial value */
  initial_value: Courses_Stream_Cursor_Value_Input;
  /** cursor ordering */
  ordering?: InputMaybe<Cursor_Ordering>;
};

/** Initial value of the column from where the streaming should start */
export type Courses_Stream_Cursor_Value_Input = {
  areas?: InputMaybe<Scalars['jsonb']['input']>;
  average_gut_rating?: InputMaybe<Scalars['float8']['input']>;
  average_professor_rating?: InputMaybe<Scalars['float8']['input']>;
  average_rating?: InputMaybe<Scalars['float8']['input']>;
  average_rating_n?: InputMaybe<Scalars['Int']['input']>;
  average_rating_same_professors?: InputMaybe<Scalars['float8']['input']>;
  average_rating_same_professors_n?: InputMaybe<Scalars['Int']['input']>;
  average_workload?: InputMaybe<Scalars['float8']['input']>;
  average_workload_n?: InputMaybe<Scalars['Int']['input']>;
  average_workload_same_professors?: InputMaybe<Scalars['float8']['input']>;
  average_workload_same_professors_n?: InputMaybe<Scalars['Int']['input']>;
  classnotes?: InputMaybe<Scalars['String']['input']>;
  colsem?: InputMaybe<Scalars['Boolean']['input']>;
  course_home_url?: InputMaybe<Scalars['String']['input']>;
  course_id?: InputMaybe<Scalars['Int']['input']>;
  credits?: InputMaybe<Scalars['float8']['input']>;
  description?: InputMaybe<Scalars['String']['input']>;
  extra_info?: InputMaybe<Scalars['String']['input']>;
  final_exam?: InputMaybe<Scalars['String']['input']>;
  fysem?: InputMaybe<Scalars['Boolean']['input']>;
  last_enrollment?: InputMaybe<Scalars['Int']['input']>;
  last_enrollment_course_id?: InputMaybe<Scalars['Int']['input']>;
  last_enrollment_same_professors?: InputMaybe<Scalars['Boolean']['input']>;
  last_enrollment_season_code?: InputMaybe<Scalars['String']['input']>;
  last_offered_course_id?: InputMaybe<Scalars['Int']['input']>;
  last_updated?: InputMaybe<Scalars['timestamp']['input']>;
  primary_crn?: InputMaybe<Scalars['Int']['input']>;
  regnotes?: InputMaybe<Scalars['String']['input']>;
  requirements?: InputMaybe<Scalars['String']['input']>;
  rp_attr?: InputMaybe<Scalars['String']['input']>;
  same_course_and_profs_id?: InputMaybe<Scalars['Int']['input']>;
  same_course_id?: InputMaybe<Scalars['Int']['input']>;
  season_code?: InputMaybe<Scalars['String']['input']>;
  section?: InputMaybe<Scalars['String']['input']>;
  skills?: InputMaybe<Scalars['jsonb']['input']>;
  syllabus_url?: InputMaybe<Scalars['String']['input']>;
  sysem?: InputMaybe<Scalars['Boolean']['input']>;
  time_added?: InputMaybe<Scalars['timestamp']['input']>;
  title?: InputMaybe<Scalars['String']['input']>;
};

/** order by sum() on columns of table "courses" */
export type Courses_Sum_Order_By = {
  average_gut_rating?: InputMaybe<Order_By>;
  average_professor_rating?: InputMaybe<Order_By>;
  average_rating?: InputMaybe<Order_By>;
  average_rating_n?: InputMaybe<Order_By>;
  average_rating_same_professors?: InputMaybe<Order_By>;
  average_rating_same_professors_n?: InputMaybe<Order_By>;
  average_workload?: InputMaybe<Order_By>;
  average_workload_n?: InputMaybe<Order_By>;
  average_workload_same_professors?: InputMaybe<Order_By>;
  average_workload_same_professors_n?: InputMaybe<Order_By>;
  course_id?: InputMaybe<Order_By>;
  credits?: InputMaybe<Order_By>;
  last_enrollment?: InputMaybe<Order_By>;
  last_enrollment_course_id?: InputMaybe<Order_By>;
  last_offered_course_id?: InputMaybe<Order_By>;
  primary_crn?: InputMaybe<Order_By>;
  same_course_and_profs_id?: InputMaybe<Order_By>;
  same_course_id?: InputMaybe<Order_By>;
};

/** update columns of table "courses" */
export type Courses_Update_Column =
  /** column name */
  | 'areas'
  /** column name */
  | 'average_gut_rating'
  /** column name */
  | 'average_professor_rating'
  /** column name */
  | 'average_rating'
  /** column name */
  | 'average_rating_n'
  /** column name */
  | 'average_rating_same_professors'
  /** column name */
  | 'average_rating_same_professors_n'
  /** column name */
  | 'average_workload'
  /** column name */
  | 'average_workload_n'
  /** column name */
  | 'average_workload_same_professors'
  /** column name */
  | 'average_workload_same_professors_n'
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
  | 'last_enrollment'
  /** column name */
  | 'last_enrollment_course_id'
  /** column name */
  | 'last_enrollment_same_professors'
  /** column name */
  | 'last_enrollment_season_code'
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

export type Courses_Updates = {
  /** append existing jsonb value of filtered columns with new jsonb value */
  _append?: InputMaybe<Courses_Append_Input>;
  /** delete the field or element with specified path (for JSON arrays, negative integers count from the end) */
  _delete_at_path?: InputMaybe<Courses_Delete_At_Path_Input>;
  /** delete the array element with specified index (negative integers count from the end). throws an error if top level container is not an array */
  _delete_elem?: InputMaybe<Courses_Delete_Elem_Input>;
  /** delete key/value pair or string element. key/value pairs are matched based on their key value */
  _delete_key?: InputMaybe<Courses_Delete_Key_Input>;
  /** increments the numeric columns with given value of the filtered values */
  _inc?: InputMaybe<Courses_Inc_Input>;
  /** prepend existing jsonb value of filtered columns with new jsonb value */
  _prepend?: InputMaybe<Courses_Prepend_Input>;
  /** sets the columns of the filtered rows to the given values */
  _set?: InputMaybe<Courses_Set_Input>;
  /** filter the rows which have to be updated */
  where: Courses_Bool_Exp;
};

/** order by var_pop() on columns of table "courses" */
export type Courses_Var_Pop_Order_By = {
  average_gut_rating?: InputMaybe<Order_By>;
  average_professor_rating?: InputMaybe<Order_By>;
  average_rating?: InputMaybe<Order_By>;
  average_rating_n?: InputMaybe<Order_By>;
  average_rating_same_professors?: InputMaybe<Order_By>;
  average_rating_same_professors_n?: InputMaybe<Order_By>;
  average_workload?: InputMaybe<Order_By>;
  average_workload_n?: InputMaybe<Order_By>;
  average_workload_same_professors?: InputMaybe<Order_By>;
  average_workload_same_professors_n?: InputMaybe<Order_By>;
  course_id?: InputMaybe<Order_By>;
  credits?: InputMaybe<Order_By>;
  last_enrollment?: InputMaybe<Order_By>;
  last_enrollment_course_id?: InputMaybe<Order_By>;
  last_offered_course_id?: InputMaybe<Order_By>;
  primary_crn?: InputMaybe<Order_By>;
  same_course_and_profs_id?: InputMaybe<Order_By>;
  same_course_id?: InputMaybe<Order_By>;
};

/** order by var_samp() on columns of table "courses" */
export type Courses_Var_Samp_Order_By = {
  average_gut_rating?: InputMaybe<Order_By>;
  average_professor_rating?: InputMaybe<Order_By>;
  average_rating?: InputMaybe<Order_By>;
  average_rating_n?: InputMaybe<Order_By>;
  average_rating_same_professors?: InputMaybe<Order_By>;
  average_rating_same_professors_n?: InputMaybe<Order_By>;
  average_workload?: InputMaybe<Order_By>;
  average_workload_n?: InputMaybe<Order_By>;
  average_workload_same_professors?: InputMaybe<Order_By>;
  average_workload_same_professors_n?: InputMaybe<Order_By>;
  course_id?: InputMaybe<Order_By>;
  credits?: InputMaybe<Order_By>;
  last_enrollment?: InputMaybe<Order_By>;
  last_enrollment_course_id?: InputMaybe<Order_By>;
  last_offered_course_id?: InputMaybe<Order_By>;
  primary_crn?: InputMaybe<Order_By>;
  same_course_and_profs_id?: InputMaybe<Order_By>;
  same_course_id?: InputMaybe<Order_By>;
};

/** order by variance() on columns of table "courses" */
export type Courses_Variance_Order_By = {
  average_gut_rating?: InputMaybe<Order_By>;
  average_professor_rating?: InputMaybe<Order_By>;
  average_rating?: InputMaybe<Order_By>;
  average_rating_n?: InputMaybe<Order_By>;
  average_rating_same_professors?: InputMaybe<Order_By>;
  average_rating_same_professors_n?: InputMaybe<Order_By>;
  average_workload?: InputMaybe<Order_By>;
  average_workload_n?: InputMaybe<Order_By>;
  average_workload_same_professors?: InputMaybe<Order_By>;
  average_workload_same_professors_n?: InputMaybe<Order_By>;
  course_id?: InputMaybe<Order_By>;
  credits?: InputMaybe<Order_By>;
  last_enrollment?: InputMaybe<Order_By>;
  last_enrollment_course_id?: InputMaybe<Order_By>;
  last_offered_course_id?: InputMaybe<Order_By>;
  primary_crn?: InputMaybe<Order_By>;
  same_course_and_profs_id?: InputMaybe<Order_By>;
  same_course_id?: InputMaybe<Order_By>;
};

/** ordering argument of a cursor */
export type Cursor_Ordering =
  /** ascending ordering of the cursor */
  | 'ASC'
  /** descending ordering of the cursor */
  | 'DESC';

export type Evaluation_Narrative_Summaries_Aggregate_Bool_Exp = {
  count?: InputMaybe<Evaluation_Narrative_Summaries_Aggregate_Bool_Exp_Count>;
};

export type Evaluation_Narrative_Summaries_Aggregate_Bool_Exp_Count = {
  arguments?: InputMaybe<Array<Evaluation_Narrative_Summaries_Select_Column>>;
  distinct?: InputMaybe<Scalars['Boolean']['input']>;
  filter?: InputMaybe<Evaluation_Narrative_Summaries_Bool_Exp>;
  predicate: Int_Comparison_Exp;
};

/** order by aggregate values of table "evaluation_narrative_summaries" */
export type Evaluation_Narrative_Summaries_Aggregate_Order_By = {
  avg?: InputMaybe<Evaluation_Narrative_Summaries_Avg_Order_By>;
  count?: InputMaybe<Order_By>;
  max?: InputMaybe<Evaluation_Narrative_Summaries_Max_Order_By>;
  min?: InputMaybe<Evaluation_Narrative_Summaries_Min_Order_By>;
  stddev?: InputMaybe<Evaluation_Narrative_Summaries_Stddev_Order_By>;
  stddev_pop?: InputMaybe<Evaluation_Narrative_Summaries_Stddev_Pop_Order_By>;
  stddev_samp?: InputMaybe<Evaluation_Narrative_Summaries_Stddev_Samp_Order_By>;
  sum?: InputMaybe<Evaluation_Narrative_Summaries_Sum_Order_By>;
  var_pop?: InputMaybe<Evaluation_Narrative_Summaries_Var_Pop_Order_By>;
  var_samp?: InputMaybe<Evaluation_Narrative_Summaries_Var_Samp_Order_By>;
  variance?: InputMaybe<Evaluation_Narrative_Summaries_Variance_Order_By>;
};

/** input type for inserting array relation for remote table "evaluation_narrative_summaries" */
export type Evaluation_Narrative_Summaries_Arr_Rel_Insert_Input = {
  data: Array<Evaluation_Narrative_Summaries_Insert_Input>;
  /** upsert condition */
  on_conflict?: InputMaybe<Evaluation_Narrative_Summaries_On_Conflict>;
};

/** order by avg() on columns of table "evaluation_narrative_summaries" */
export type Evaluation_Narrative_Summaries_Avg_Order_By = {
  course_id?: InputMaybe<Order_By>;
};

/** Boolean expression to filter rows from the table "evaluation_narrative_summaries". All fields are combined with a logical 'AND'. */
export type Evaluation_Narrative_Summaries_Bool_Exp = {
  _and?: InputMaybe<Array<Evaluation_Narrative_Summaries_Bool_Exp>>;
  _not?: InputMaybe<Evaluation_Narrative_Summaries_Bool_Exp>;
  _or?: InputMaybe<Array<Evaluation_Narrative_Summaries_Bool_Exp>>;
  course?: InputMaybe<Courses_Bool_Exp>;
  course_id?: InputMaybe<Int_Comparison_Exp>;
  evaluation_question?: InputMaybe<Evaluation_Questions_Bool_Exp>;
  question_code?: InputMaybe<String_Comparison_Exp>;
  summary?: InputMaybe<String_Comparison_Exp>;
};

/** unique or primary key constraints on table "evaluation_narrative_summaries" */
export type Evaluation_Narrative_Summaries_Constraint =
  /** unique or primary key constraint on columns "course_id", "question_code" */
  | 'pk_evaluation_narrative_summaries';

/** input type for incrementing numeric columns in table "evaluation_narrative_summaries" */
export type Evaluation_Narrative_Summaries_Inc_Input = {
  course_id?: InputMaybe<Scalars['Int']['input']>;
};

/** input type for inserting data into table "evaluation_narrative_summaries" */
export type Evaluation_Narrative_Summaries_Insert_Input = {
  course?: InputMaybe<Courses_Obj_Rel_Insert_Input>;
  course_id?: InputMaybe<Scalars['Int']['input']>;
  evaluation_question?: InputMaybe<Evaluation_Questions_Obj_Rel_Insert_Input>;
  question_code?: InputMaybe<Scalars['String']['input']>;
  summary?: InputMaybe<Scalars['String']['input']>;
};

/** order by max() on columns of table "evaluation_narrative_summaries" */
export type Evaluation_Narrative_Summaries_Max_Order_By = {
  course_id?: InputMaybe<Order_By>;
  question_code?: InputMaybe<Order_By>;
  summary?: InputMaybe<Order_By>;
};

/** order by min() on columns of table "evaluation_narrative_summaries" */
export type Evaluation_Narrative_Summaries_Min_Order_By = {
  course_id?: InputMaybe<Order_By>;
  question_code?: InputMaybe<Order_By>;
  summary?: InputMaybe<Order_By>;
};

/** on_conflict condition type for table "evaluation_narrative_summaries" */
export type Evaluation_Narrative_Summaries_On_Conflict = {
  constraint: Evaluation_Narrative_Summaries_Constraint;
  update_columns?: Array<Evaluation_Narrative_Summaries_Update_Column>;
  where?: InputMaybe<Evaluation_Narrative_Summaries_Bool_Exp>;
};

/** Ordering options when selecting data from "evaluation_narrative_summaries". */
export type Evaluation_Narrative_Summaries_Order_By = {
  course?: InputMaybe<Courses_Order_By>;
  course_id?: InputMaybe<Order_By>;
  evaluation_question?: InputMaybe<Evaluation_Questions_Order_By>;
  question_code?: InputMaybe<Order_By>;
  summary?: InputMaybe<Order_By>;
};

/** primary key columns input for table: evaluation_narrative_summaries */
export type Evaluation_Narrative_Summaries_Pk_Columns_Input = {
  course_id: Scalars['Int']['input'];
  question_code: Scalars['String']['input'];
};

/** select columns of table "evaluation_narrative_summaries" */
export type Evaluation_Narrative_Summaries_Select_Column =
  /** column name */
  | 'course_id'
  /** column name */
  | 'question_code'
  /** column name */
  | 'summary';

/** input type for updating data in table "evaluation_narrative_summaries" */
export type Evaluation_Narrative_Summaries_Set_Input = {
  course_id?: InputMaybe<Scalars['Int']['input']>;
  question_code?: InputMaybe<Scalars['String']['input']>;
  summary?: InputMaybe<Scalars['String']['input']>;
};

/** order by stddev() on columns of table "evaluation_narrative_summaries" */
export type Evaluation_Narrative_Summaries_Stddev_Order_By = {
  course_id?: InputMaybe<Order_By>;
};

/** order by stddev_pop() on columns of table "evaluation_narrative_summaries" */
export type Evaluation_Narrative_Summaries_Stddev_Pop_Order_By = {
  course_id?: InputMaybe<Order_By>;
};

/** order by stddev_samp() on columns of table "evaluation_narrative_summaries" */
export type Evaluation_Narrative_Summaries_Stddev_Samp_Order_By = {
  course_id?: InputMaybe<Order_By>;
};

/** Streaming cursor of the table "evaluation_narrative_summaries" */
export type Evaluation_Narrative_Summaries_Stream_Cursor_Input = {
  /** Stream column input with initial value */
  initial_value: Evaluation_Narrative_Summaries_Stream_Cursor_Value_Input;
  /** cursor ordering */
  ordering?: InputMaybe<Cursor_Ordering>;
};

/** Initial value of the column from where the streaming should start */
export type Evaluation_Narrative_Summaries_Stream_Cursor_Value_Input = {
  course_id?: InputMaybe<Scalars['Int']['input']>;
  question_code?: InputMaybe<Scalars['String']['input']>;
  summary?: InputMaybe<Scalars['String']['input']>;
};

/** order by sum() on columns of table "evaluation_narrative_summaries" */
export type Evaluation_Narrative_Summaries_Sum_Order_By = {
  course_id?: InputMaybe<Order_By>;
};

/** update columns of table "evaluation_narrative_summaries" */
export type Evaluation_Narrative_Summaries_Update_Column =
  /** column name */
  | 'course_id'
  /** column name */
  | 'question_code'
  /** column name */
  | 'summary';

export type Evaluation_Narrative_Summaries_Updates = {
  /** increments the numeric columns with given value of the filtered values */
  _inc?: InputMaybe<Evaluation_Narrative_Summaries_Inc_Input>;
  /** sets the columns of the filtered rows to the given values */
  _set?: InputMaybe<Evaluation_Narrative_Summaries_Set_Input>;
  /** filter the rows which have to be updated */
  where: Evaluation_Narrative_Summaries_Bool_Exp;
};

/** order by var_pop() on columns of table "evaluation_narrative_summaries" */
export type Evaluation_Narrative_Summaries_Var_Pop_Order_By = {
  course_id?: InputMaybe<Order_By>;
};

/** order by var_samp() on columns of table "evaluation_narrative_summaries" */
export type Evaluation_Narrative_Summaries_Var_Samp_Order_By = {
  course_id?: InputMaybe<Order_By>;
};

/** order by variance() on columns of table "evaluation_narrative_summaries" */
export type Evaluation_Narrative_Summaries_Variance_Order_By = {
  course_id?: InputMaybe<Order_By>;
};

export type Evaluation_Narratives_Aggregate_Bool_Exp = {
  count?: InputMaybe<Evaluation_Narratives_Aggregate_Bool_Exp_Count>;
};

export type Evaluation_Narratives_Aggregate_Bool_Exp_Count = {
  arguments?: InputMaybe<Array<Evaluation_Narratives_Select_Column>>;
  distinct?: InputMaybe<Scalars['Boolean']['input']>;
  filter?: InputMaybe<Evaluation_Narratives_Bool_Exp>;
  predicate: Int_Comparison_Exp;
};

/** order by aggregate values of table "evaluation_narratives" */
export type Evaluation_Narratives_Aggregate_Order_By = {
  avg?: InputMaybe<Evaluation_Narratives_Avg_Order_By>;
  count?: InputMaybe<Order_By>;
  max?: InputMaybe<Evaluation_Narratives_Max_Order_By>;
  min?: InputMaybe<Evaluation_Narratives_Min_Order_By>;
  stddev?: InputMaybe<Evaluation_Narratives_Stddev_Order_By>;
  stddev_pop?: InputMaybe<Evaluation_Narratives_Stddev_Pop_Order_By>;
  stddev_samp?: InputMaybe<Evaluation_Narratives_Stddev_Samp_Order_By>;
  sum?: InputMaybe<Evaluation_Narratives_Sum_Order_By>;
  var_pop?: InputMaybe<Evaluation_Narratives_Var_Pop_Order_By>;
  var_samp?: InputMaybe<Evaluation_Narratives_Var_Samp_Order_By>;
  variance?: InputMaybe<Evaluation_Narratives_Variance_Order_By>;
};

/** input type for inserting array relation for remote table "evaluation_narratives" */
export type Evaluation_Narratives_Arr_Rel_Insert_Input = {
  data: Array<Evaluation_Narratives_Insert_Input>;
  /** upsert condition */
  on_conflict?: InputMaybe<Evaluation_Narratives_On_Conflict>;
};

/** order by avg() on columns of table "evaluation_narratives" */
export type Evaluation_Narratives_Avg_Order_By = {
  comment_compound?: InputMaybe<Order_By>;
  comment_neg?: InputMaybe<Order_By>;
  comment_neu?: InputMaybe<Order_By>;
  comment_pos?: InputMaybe<Order_By>;
  course_id?: InputMaybe<Order_By>;
  id?: InputMaybe<Order_By>;
  response_number?: InputMaybe<Order_By>;
};

/** Boolean expression to filter rows from the table "evaluation_narratives". All fields are combined with a logical 'AND'. */
export type Evaluation_Narratives_Bool_Exp = {
  _and?: InputMaybe<Array<Evaluation_Narratives_Bool_Exp>>;
  _not?: InputMaybe<Evaluation_Narratives_Bool_Exp>;
  _or?: InputMaybe<Array<Evaluation_Narratives_Bool_Exp>>;
  comment?: InputMaybe<String_Comparison_Exp>;
  comment_compound?: InputMaybe<Float8_Comparison_Exp>;
  comment_neg?: InputMaybe<Float8_Comparison_Exp>;
  comment_neu?: InputMaybe<Float8_Comparison_Exp>;
  comment_pos?: InputMaybe<Float8_Comparison_Exp>;
  course?: InputMaybe<Courses_Bool_Exp>;
  course_id?: InputMaybe<Int_Comparison_Exp>;
  evaluation_question?: InputMaybe<Evaluation_Questions_Bool_Exp>;
  id?: InputMaybe<Int_Comparison_Exp>;
  question_code?: InputMaybe<String_Comparison_Exp>;
  response_number?: InputMaybe<Int_Comparison_Exp>;
};

/** unique or primary key constraints on table "evaluation_narratives" */
export type Evaluation_Narratives_Constraint =
  /** unique or primary key constraint on columns "id" */
  | 'pk_evaluation_narratives';

/** input type for incrementing numeric columns in table "evaluation_narratives" */
export type Evaluation_Narratives_Inc_Input = {
  comment_compound?: InputMaybe<Scalars['float8']['input']>;
  comment_neg?: InputMaybe<Scalars['float8']['input']>;
  comment_neu?: InputMaybe<Scalars['float8']['input']>;
  comment_pos?: InputMaybe<Scalars['float8']['input']>;
  course_id?: InputMaybe<Scalars['Int']['input']>;
  id?: InputMaybe<Scalars['Int']['input']>;
  response_number?: InputMaybe<Scalars['Int']['input']>;
};

/** input type for inserting data into table "evaluation_narratives" */
export type Evaluation_Narratives_Insert_Input = {
  comment?: InputMaybe<Scalars['String']['input']>;
  comment_compound?: InputMaybe<Scalars['float8']['input']>;
  comment_neg?: InputMaybe<Scalars['float8']['input']>;
  comment_neu?: InputMaybe<Scalars['float8']['input']>;
  comment_pos?: InputMaybe<Scalars['float8']['input']>;
  course?: InputMaybe<Courses_Obj_Rel_Insert_Input>;
  course_id?: InputMaybe<Scalars['Int']['input']>;
  evaluation_question?: InputMaybe<Evaluation_Questions_Obj_Rel_Insert_Input>;
  id?: InputMaybe<Scalars['Int']['input']>;
  question_code?: InputMaybe<Scalars['String']['input']>;
  response_number?: InputMaybe<Scalars['Int']['input']>;
};

/** order by max() on columns of table "evaluation_narratives" */
export type Evaluation_Narratives_Max_Order_By = {
  comment?: InputMaybe<Order_By>;
  comment_compound?: InputMaybe<Order_By>;
  comment_neg?: InputMaybe<Order_By>;
  comment_neu?: InputMaybe<Order_By>;
  comment_pos?: InputMaybe<Order_By>;
  course_id?: InputMaybe<Order_By>;
  id?: InputMaybe<Order_By>;
  question_code?: InputMaybe<Order_By>;
  response_number?: InputMaybe<Order_By>;
};

/** order by min() on columns of table "evaluation_narratives" */
export type Evaluation_Narratives_Min_Order_By = {
  comment?: InputMaybe<Order_By>;
  comment_compound?: InputMaybe<Order_By>;
  comment_neg?: InputMaybe<Order_By>;
  comment_neu?: InputMaybe<Order_By>;
  comment_pos?: InputMaybe<Order_By>;
  course_id?: InputMaybe<Order_By>;
  id?: InputMaybe<Order_By>;
  question_code?: InputMaybe<Order_By>;
  response_number?: InputMaybe<Order_By>;
};

/** on_conflict condition type for table "evaluation_narratives" */
export type Evaluation_Narratives_On_Conflict = {
  constraint: Evaluation_Narratives_Constraint;
  update_columns?: Array<Evaluation_Narratives_Update_Column>;
  where?: InputMaybe<Evaluation_Narratives_Bool_Exp>;
};

/** Ordering options when selecting data from "evaluation_narratives". */
export type Evaluation_Narratives_Order_By = {
  comment?: InputMaybe<Order_By>;
  comment_compound?: InputMaybe<Order_By>;
  comment_neg?: InputMaybe<Order_By>;
  comment_neu?: InputMaybe<Order_By>;
  comment_pos?: InputMaybe<Order_By>;
  course?: InputMaybe<Courses_Order_By>;
  course_id?: InputMaybe<Order_By>;
  evaluation_question?: InputMaybe<Evaluation_Questions_Order_By>;
  id?: InputMaybe<Order_By>;
  question_code?: InputMaybe<Order_By>;
  response_number?: InputMaybe<Order_By>;
};

/** primary key columns input for table: evaluation_narratives */
export type Evaluation_Narratives_Pk_Columns_Input = {
  id: Scalars['Int']['input'];
};

/** select columns of table "evaluation_narratives" */
export type Evaluation_Narratives_Select_Column =
  /** column name */
  | 'comment'
  /** column name */
  | 'comment_compound'
  /** column name */
  | 'comment_neg'
  /** column name */
  | 'comment_neu'
  /** column name */
  | 'comment_pos'
  /** column name */
  | 'course_id'
  /** column name */
  | 'id'
  /** column name */
  | 'question_code'
  /** column name */
  | 'response_number';

/** input type for updating data in table "evaluation_narratives" */
export type Evaluation_Narratives_Set_Input = {
  comment?: InputMaybe<Scalars['String']['input']>;
  comment_compound?: InputMaybe<Scalars['float8']['input']>;
  comment_neg?: InputMaybe<Scalars['float8']['input']>;
  comment_neu?: InputMaybe<Scalars['float8']['input']>;
  comment_pos?: InputMaybe<Scalars['float8']['input']>;
  course_id?: InputMaybe<Scalars['Int']['input']>;
  id?: InputMaybe<Scalars['Int']['input']>;
  question_code?: InputMaybe<Scalars['String']['input']>;
  response_number?: InputMaybe<Scalars['Int']['input']>;
};

/** order by stddev() on columns of table "evaluation_narratives" */
export type Evaluation_Narratives_Stddev_Order_By = {
  comment_compound?: InputMaybe<Order_By>;
  comment_neg?: InputMaybe<Order_By>;
  comment_neu?: InputMaybe<Order_By>;
  comment_pos?: InputMaybe<Order_By>;
  course_id?: InputMaybe<Order_By>;
  id?: InputMaybe<Order_By>;
  response_number?: InputMaybe<Order_By>;
};

/** order by stddev_pop() on columns of table "evaluation_narratives" */
export type Evaluation_Narratives_Stddev_Pop_Order_By = {
  comment_compound?: InputMaybe<Order_By>;
  comment_neg?: InputMaybe<Order_By>;
  comment_neu?: InputMaybe<Order_By>;
  comment_pos?: InputMaybe<Order_By>;
  course_id?: InputMaybe<Order_By>;
  id?: InputMaybe<Order_By>;
  response_number?: InputMaybe<Order_By>;
};

/** order by stddev_samp() on columns of table "evaluation_narratives" */
export type Evaluation_Narratives_Stddev_Samp_Order_By = {
  comment_compound?: InputMaybe<Order_By>;
  comment_neg?: InputMaybe<Order_By>;
  comment_neu?: InputMaybe<Order_By>;
  comment_pos?: InputMaybe<Order_By>;
  course_id?: InputMaybe<Order_By>;
  id?: InputMaybe<Order_By>;
  response_number?: InputMaybe<Order_By>;
};

/** Streaming cursor of the table "evaluation_narratives" */
export type Evaluation_Narratives_Stream_Cursor_Input = {
  /** Stream column input with initial value */
  initial_value: Evaluation_Narratives_Stream_Cursor_Value_Input;
  /** cursor ordering */
  ordering?: InputMaybe<Cursor_Ordering>;
};

/** Initial value of the column from where the streaming should start */
export type Evaluation_Narratives_Stream_Cursor_Value_Input = {
  comment?: InputMaybe<Scalars['String']['input']>;
  comment_compound?: InputMaybe<Scalars['float8']['input']>;
  comment_neg?: InputMaybe<Scalars['float8']['input']>;
  comment_neu?: InputMaybe<Scalars['float8']['input']>;
  comment_pos?: InputMaybe<Scalars['float8']['input']>;
  course_id?: InputMaybe<Scalars['Int']['input']>;
  id?: InputMaybe<Scalars['Int']['input']>;
  question_code?: InputMaybe<Scalars['String']['input']>;
  response_number?: InputMaybe<Scalars['Int']['input']>;
};

/** order by sum() on columns of table "evaluation_narratives" */
export type Evaluation_Narratives_Sum_Order_By = {
  comment_compound?: InputMaybe<Order_By>;
  comment_neg?: InputMaybe<Order_By>;
  comment_neu?: InputMaybe<Order_By>;
  comment_pos?: InputMaybe<Order_By>;
  course_id?: InputMaybe<Order_By>;
  id?: InputMaybe<Order_By>;
  response_number?: InputMaybe<Order_By>;
};

/** update columns of table "evaluation_narratives" */
export type Evaluation_Narratives_Update_Column =
  /** column name */
  | 'comment'
  /** column name */
  | 'comment_compound'
  /** column name */
  | 'comment_neg'
  /** column name */
  | 'comment_neu'
  /** column name */
  | 'comment_pos'
  /** column name */
  | 'course_id'
  /** column name */
  | 'id'
  /** column name */
  | 'question_code'
  /** column name */
  | 'response_number';

export type Evaluation_Narratives_Updates = {
  /** increments the numeric columns with given value of the filtered values */
  _inc?: InputMaybe<Evaluation_Narratives_Inc_Input>;
  /** sets the columns of the filtered rows to the given values */
  _set?: InputMaybe<Evaluation_Narratives_Set_Input>;
  /** filter the rows which have to be updated */
  where: Evaluation_Narratives_Bool_Exp;
};

/** order by var_pop() on columns of table "evaluation_narratives" */
export type Evaluation_Narratives_Var_Pop_Order_By = {
  comment_compound?: InputMaybe<Order_By>;
  comment_neg?: InputMaybe<Order_By>;
  comment_neu?: InputMaybe<Order_By>;
  comment_pos?: InputMaybe<Order_By>;
  course_id?: InputMaybe<Order_By>;
  id?: InputMaybe<Order_By>;
  response_number?: InputMaybe<Order_By>;
};

/** order by var_samp() on columns of table "evaluation_narratives" */
export type Evaluation_Narratives_Var_Samp_Order_By = {
  comment_compound?: InputMaybe<Order_By>;
  comment_neg?: InputMaybe<Order_By>;
  comment_neu?: InputMaybe<Order_By>;
  comment_pos?: InputMaybe<Order_By>;
  course_id?: InputMaybe<Order_By>;
  id?: InputMaybe<Order_By>;
  response_number?: InputMaybe<Order_By>;
};

/** order by variance() on columns of table "evaluation_narratives" */
export type Evaluation_Narratives_Variance_Order_By = {
  comment_compound?: InputMaybe<Order_By>;
  comment_neg?: InputMaybe<Order_By>;
  comment_neu?: InputMaybe<Order_By>;
  comment_pos?: InputMaybe<Order_By>;
  course_id?: InputMaybe<Order_By>;
  id?: InputMaybe<Order_By>;
  response_number?: InputMaybe<Order_By>;
};

/** append input type for table "evaluation_questions" */
export type Evaluation_Questions_Append_Input = {
  options?: InputMaybe<Scalars['jsonb']['input']>;
};

/** Boolean expression to filter rows from the table "evaluation_questions". All fields are combined with a logical 'AND'. */
export type Evaluation_Questions_Bool_Exp = {
  _and?: InputMaybe<Array<Evaluation_Questions_Bool_Exp>>;
  _not?: InputMaybe<Evaluation_Questions_Bool_Exp>;
  _or?: InputMaybe<Array<Evaluation_Questions_Bool_Exp>>;
  evaluation_narratives?: InputMaybe<Evaluation_Narratives_Bool_Exp>;
  evaluation_narratives_aggregate?: InputMaybe<Evaluation_Narratives_Aggregate_Bool_Exp>;
  evaluation_ratings?: InputMaybe<Evaluation_Ratings_Bool_Exp>;
  evaluation_ratings_aggregate?: InputMaybe<Evaluation_Ratings_Aggregate_Bool_Exp>;
  is_narrative?: InputMaybe<Boolean_Comparison_Exp>;
  options?: InputMaybe<Jsonb_Comparison_Exp>;
  question_code?: InputMaybe<String_Comparison_Exp>;
  question_text?: InputMaybe<String_Comparison_Exp>;
  tag?: InputMaybe<String_Comparison_Exp>;
};

/** unique or primary key constraints on table "evaluation_questions" */
export type Evaluation_Questions_Constraint =
  /** unique or primary key constraint on columns "question_code" */
  | 'pk_evaluation_questions';

/** delete at path input type for table "evaluation_questions" */
export type Evaluation_Questions_Delete_At_Path_Input = {
  options?: InputMaybe<Array<Scalars['String']['input']>>;
};

/** delete elem input type for table "evaluation_questions" */
export type Evaluation_Questions_Delete_Elem_Input = {
  options?: InputMaybe<Scalars['Int']['input']>;
};

/** delete key input type for table "evaluation_questions" */
export type Evaluation_Questions_Delete_Key_Input = {
  options?: InputMaybe<Scalars['String']['input']>;
};

/** input type for inserting data into table "evaluation_questions" */
export type Evaluation_Questions_Insert_Input = {
  evaluation_narratives?: InputMaybe<Evaluation_Narratives_Arr_Rel_Insert_Input>;
  evaluation_ratings?: InputMaybe<Evaluation_Ratings_Arr_Rel_Insert_Input>;
  is_narrative?: InputMaybe<Scalars['Boolean']['input']>;
  options?: InputMaybe<Scalars['jsonb']['input']>;
  question_code?: InputMaybe<Scalars['String']['input']>;
  question_text?: InputMaybe<Scalars['String']['input']>;
  tag?: InputMaybe<Scalars['String']['input']>;
};

/** input type for inserting object relation for remote table "evaluation_questions" */
export type Evaluation_Questions_Obj_Rel_Insert_Input = {
  data: Evaluation_Questions_Insert_Input;
  /** upsert condition */
  on_conflict?: InputMaybe<Evaluation_Questions_On_Conflict>;
};

/** on_conflict condition type for table "evaluation_questions" */
export type Evaluation_Questions_On_Conflict = {
  constraint: Evaluation_Questions_Constraint;
  update_columns?: Array<Evaluation_Questions_Update_Column>;
  where?: InputMaybe<Evaluation_Questions_Bool_Exp>;
};

/** Ordering options when selecting data from "evaluation_questions". */
export type Evaluation_Questions_Order_By = {
  evaluation_narratives_aggregate?: InputMaybe<Evaluation_Narratives_Aggregate_Order_By>;
  evaluation_ratings_aggregate?: InputMaybe<Evaluation_Ratings_Aggregate_Order_By>;
  is_narrative?: InputMaybe<Order_By>;
  options?: InputMaybe<Order_By>;
  question_code?: InputMaybe<Order_By>;
  question_text?: InputMaybe<Order_By>;
  tag?: InputMaybe<Order_By>;
};

/** primary key columns input for table: evaluation_questions */
export type Evaluation_Questions_Pk_Columns_Input = {
  question_code: Scalars['String']['input'];
};

/** prepend input type for table "evaluation_questions" */
export type Evaluation_Questions_Prepend_Input = {
  options?: InputMaybe<Scalars['jsonb']['input']>;
};

/** select columns of table "evaluation_questions" */
export type Evaluation_Questions_Select_Column =
  /** column name */
  | 'is_narrative'
  /** column name */
  | 'options'
  /** column name */
  | 'question_code'
  /** column name */
  | 'question_text'
  /** column name */
  | 'tag';

/** input type for updating data in table "evaluation_questions" */
export type Evaluation_Questions_Set_Input = {
  is_narrative?: InputMaybe<Scalars['Boolean']['input']>;
  options?: InputMaybe<Scalars['jsonb']['input']>;
  question_code?: InputMaybe<Scalars['String']['input']>;
  question_text?: InputMaybe<Scalars['String']['input']>;
  tag?: InputMaybe<Scalars['String']['input']>;
};

/** Streaming cursor of the table "evaluation_questions" */
export type Evaluation_Questions_Stream_Cursor_Input = {
  /** Stream column input with initial value */
  initial_value: Evaluation_Questions_Stream_Cursor_Value_Input;
  /** cursor ordering */
  ordering?: InputMaybe<Cursor_Ordering>;
};

/** Initial value of the column from where the streaming should start */
export type Evaluation_Questions_Stream_Cursor_Value_Input = {
  is_narrative?: InputMaybe<Scalars['Boolean']['input']>;
  options?: InputMaybe<Scalars['jsonb']['input']>;
  question_code?: InputMaybe<Scalars['String']['input']>;
  question_text?: InputMaybe<Scalars['String']['input']>;
  tag?: InputMaybe<Scalars['String']['input']>;
};

/** update columns of table "evaluation_questions" */
export type Evaluation_Questions_Update_Column =
  /** column name */
  | 'is_narrative'
  /** column name */
  | 'options'
  /** column name */
  | 'question_code'
  /** column name */
  | 'question_text'
  /** column name */
  | 'tag';

export type Evaluation_Questions_Updates = {
  /** append existing jsonb value of filtered columns with new jsonb value */
  _append?: InputMaybe<Evaluation_Questions_Append_Input>;
  /** delete the field or element with specified path (for JSON arrays, negative integers count from the end) */
  _delete_at_path?: InputMaybe<Evaluation_Questions_Delete_At_Path_Input>;
  /** delete the array element with specified index (negative integers count from the end). throws an error if top level container is not an array */
  _delete_elem?: InputMaybe<Evaluation_Questions_Delete_Elem_Input>;
  /** delete key/value pair or string element. key/value pairs are matched based on their key value */
  _delete_key?: InputMaybe<Evaluation_Questions_Delete_Key_Input>;
  /** prepend existing jsonb value of filtered columns with new jsonb value */
  _prepend?: InputMaybe<Evaluation_Questions_Prepend_Input>;
  /** sets the columns of the filtered rows to the given values */
  _set?: InputMaybe<Evaluation_Questions_Set_Input>;
  /** filter the rows which have to be updated */
  where: Evaluation_Questions_Bool_Exp;
};

export type Evaluation_Ratings_Aggregate_Bool_Exp = {
  count?: InputMaybe<Evaluation_Ratings_Aggregate_Bool_Exp_Count>;
};

export type Evaluation_Ratings_Aggregate_Bool_Exp_Count = {
  arguments?: InputMaybe<Array<Evaluation_Ratings_Select_Column>>;
  distinct?: InputMaybe<Scalars['Boolean']['input']>;
  filter?: InputMaybe<Evaluation_Ratings_Bool_Exp>;
  predicate: Int_Comparison_Exp;
};

/** order by aggregate values of table "evaluation_ratings" */
export type Evaluation_Ratings_Aggregate_Order_By = {
  avg?: InputMaybe<Evaluation_Ratings_Avg_Order_By>;
  count?: InputMaybe<Order_By>;
  max?: InputMaybe<Evaluation_Ratings_Max_Order_By>;
  min?: InputMaybe<Evaluation_Ratings_Min_Order_By>;
  stddev?: InputMaybe<Evaluation_Ratings_Stddev_Order_By>;
  stddev_pop?: InputMaybe<Evaluation_Ratings_Stddev_Pop_Order_By>;
  stddev_samp?: InputMaybe<Evaluation_Ratings_Stddev_Samp_Order_By>;
  sum?: InputMaybe<Evaluation_Ratings_Sum_Order_By>;
  var_pop?: InputMaybe<Evaluation_Ratings_Var_Pop_Order_By>;
  var_samp?: InputMaybe<Evaluation_Ratings_Var_Samp_Order_By>;
  variance?: InputMaybe<Evaluation_Ratings_Variance_Order_By>;
};

/** append input type for table "evaluation_ratings" */
export type Evaluation_Ratings_Append_Input = {
  rating?: InputMaybe<Scalars['jsonb']['input']>;
};

/** input type for inserting array relation for remote table "evaluation_ratings" */
export type Evaluation_Ratings_Arr_Rel_Insert_Input = {
  data: Array<Evaluation_Ratings_Insert_Input>;
  /** upsert condition */
  on_conflict?: InputMaybe<Evaluation_Ratings_On_Conflict>;
};

/** order by avg() on columns of table "evaluation_ratings" */
export type Evaluation_Ratings_Avg_Order_By = {
  course_id?: InputMaybe<Order_By>;
  id?: InputMaybe<Order_By>;
};

/** Boolean expression to filter rows from the table "evaluation_ratings". All fields are combined with a logical 'AND'. */
export type Evaluation_Ratings_Bool_Exp = {
  _and?: InputMaybe<Array<Evaluation_Ratings_Bool_Exp>>;
  _not?: InputMaybe<Evaluation_Ratings_Bool_Exp>;
  _or?: InputMaybe<Array<Evaluation_Ratings_Bool_Exp>>;
  course?: InputMaybe<Courses_Bool_Exp>;
  course_id?: InputMaybe<Int_Comparison_Exp>;
  evaluation_question?: InputMaybe<Evaluation_Questions_Bool_Exp>;
  id?: InputMaybe<Int_Comparison_Exp>;
  question_code?: InputMaybe<String_Comparison_Exp>;
  rating?: InputMaybe<Jsonb_Comparison_Exp>;
};

/** unique or primary key constraints on table "evaluation_ratings" */
export type Evaluation_Ratings_Constraint =
  /** unique or primary key constraint on columns "id" */
  | 'pk_evaluation_ratings';

/** delete at path input type for table "evaluation_ratings" */
export type Evaluation_Ratings_Delete_At_Path_Input = {
  rating?: InputMaybe<Array<Scalars['String']['input']>>;
};

/** delete elem input type for table "evaluation_ratings" */
export type Evaluation_Ratings_Delete_Elem_Input = {
  rating?: InputMaybe<Scalars['Int']['input']>;
};

/** delete key input type for table "evaluation_ratings" */
export type Evaluation_Ratings_Delete_Key_Input = {
  rating?: InputMaybe<Scalars['String']['input']>;
};

/** input type for incrementing numeric columns in table "evaluation_ratings" */
export type Evaluation_Ratings_Inc_Input = {
  course_id?: InputMaybe<Scalars['Int']['input']>;
  id?: InputMaybe<Scalars['Int']['input']>;
};

/** input type for inserting data into table "evaluation_ratings" */
export type Evaluation_Ratings_Insert_Input = {
  course?: InputMaybe<Courses_Obj_Rel_Insert_Input>;
  course_id?: InputMaybe<Scalars['Int']['input']>;
  evaluation_question?: InputMaybe<Evaluation_Questions_Obj_Rel_Insert_Input>;
  id?: InputMaybe<Scalars['Int']['input']>;
  question_code?: InputMaybe<Scalars['String']['input']>;
  rating?: InputMaybe<Scalars['jsonb']['input']>;
};

/** order by max() on columns of table "evaluation_ratings" */
export type Evaluation_Ratings_Max_Order_By = {
  course_id?: InputMaybe<Order_By>;
  id?: InputMaybe<Order_By>;
  question_code?: InputMaybe<Order_By>;
};

/** order by min() on columns of table "evaluation_ratings" */
export type Evaluation_Ratings_Min_Order_By = {
  course_id?: InputMaybe<Order_By>;
  id?: InputMaybe<Order_By>;
  question_code?: InputMaybe<Order_By>;
};

/** on_conflict condition type for table "evaluation_ratings" */
export type Evaluation_Ratings_On_Conflict = {
  constraint: Evaluation_Ratings_Constraint;
  update_columns?: Array<Evaluation_Ratings_Update_Column>;
  where?: InputMaybe<Evaluation_Ratings_Bool_Exp>;
};

/** Ordering options when selecting data from "evaluation_ratings". */
export type Evaluation_Ratings_Order_By = {
  course?: InputMaybe<Courses_Order_By>;
  course_id?: InputMaybe<Order_By>;
  evaluation_question?: InputMaybe<Evaluation_Questions_Order_By>;
  id?: InputMaybe<Order_By>;
  question_code?: InputMaybe<Order_By>;
  rating?: InputMaybe<Order_By>;
};

/** primary key columns input for table: evaluation_ratings */
export type Evaluation_Ratings_Pk_Columns_Input = {
  id: Scalars['Int']['input'];
};

/** prepend input type for table "evaluation_ratings" */
export type Evaluation_Ratings_Prepend_Input = {
  rating?: InputMaybe<Scalars['jsonb']['input']>;
};

/** select columns of table "evaluation_ratings" */
export type Evaluation_Ratings_Select_Column =
  /** column name */
  | 'course_id'
  /** column name */
  | 'id'
  /** column name */
  | 'question_code'
  /** column name */
  | 'rating';

/** input type for updating data in table "evaluation_ratings" */
export type Evaluation_Ratings_Set_Input = {
  course_id?: InputMaybe<Scalars['Int']['input']>;
  id?: InputMaybe<Scalars['Int']['input']>;
  question_code?: InputMaybe<Scalars['String']['input']>;
  rating?: InputMaybe<Scalars['jsonb']['input']>;
};

/** order by stddev() on columns of table "evaluation_ratings" */
export type Evaluation_Ratings_Stddev_Order_By = {
  course_id?: InputMaybe<Order_By>;
  id?: InputMaybe<Order_By>;
};

/** order by stddev_pop() on columns of table "evaluation_ratings" */
export type Evaluation_Ratings_Stddev_Pop_Order_By = {
  course_id?: InputMaybe<Order_By>;
  id?: InputMaybe<Order_By>;
};

/** order by stddev_samp() on columns of table "evaluation_ratings" */
export type Evaluation_Ratings_Stddev_Samp_Order_By = {
  course_id?: InputMaybe<Order_By>;
  id?: InputMaybe<Order_By>;
};

/** Streaming cursor of the table "evaluation_ratings" */
export type Evaluation_Ratings_Stream_Cursor_Input = {
  /** Stream column input with initial value */
  initial_value: Evaluation_Ratings_Stream_Cursor_Value_Input;
  /** cursor ordering */
  ordering?: InputMaybe<Cursor_Ordering>;
};

/** Initial value of the column from where the streaming should start */
export type Evaluation_Ratings_Stream_Cursor_Value_Input = {
  course_id?: InputMaybe<Scalars['Int']['input']>;
  id?: InputMaybe<Scalars['Int']['input']>;
  question_code?: InputMaybe<Scalars['String']['input']>;
  rating?: InputMaybe<Scalars['jsonb']['input']>;
};

/** order by sum() on columns of table "evaluation_ratings" */
export type Evaluation_Ratings_Sum_Order_By = {
  course_id?: InputMaybe<Order_By>;
  id?: InputMaybe<Order_By>;
};

/** update columns of table "evaluation_ratings" */
export type Evaluation_Ratings_Update_Column =
  /** column name */
  | 'course_id'
  /** column name */
  | 'id'
  /** column name */
  | 'question_code'
  /** column name */
  | 'rating';

export type Evaluation_Ratings_Updates = {
  /** append existing jsonb value of filtered columns with new jsonb value */
  _append?: InputMaybe<Evaluation_Ratings_Append_Input>;
  /** delete the field or element with specified path (for JSON arrays, negative integers count from the end) */
  _delete_at_path?: InputMaybe<Evaluation_Ratings_Delete_At_Path_Input>;
  /** delete the array element with specified index (negative integers count from the end). throws an error if top level container is not an array */
  _delete_elem?: InputMaybe<Evaluation_Ratings_Delete_Elem_Input>;
  /** delete key/value pair or string element. key/value pairs are matched based on their key value */
  _delete_key?: InputMaybe<Evaluation_Ratings_Delete_Key_Input>;
  /** increments the numeric columns with given value of the filtered values */
  _inc?: InputMaybe<Evaluation_Ratings_Inc_Input>;
  /** prepend existing jsonb value of filtered columns with new jsonb value */
  _prepend?: InputMaybe<Evaluation_Ratings_Prepend_Input>;
  /** sets the columns of the filtered rows to the given values */
  _set?: InputMaybe<Evaluation_Ratings_Set_Input>;
  /** filter the rows which have to be updated */
  where: Evaluation_Ratings_Bool_Exp;
};

/** order by var_pop() on columns of table "evaluation_ratings" */
export type Evaluation_Ratings_Var_Pop_Order_By = {
  course_id?: InputMaybe<Order_By>;
  id?: InputMaybe<Order_By>;
};

/** order by var_samp() on columns of table "evaluation_ratings" */
export type Evaluation_Ratings_Var_Samp_Order_By = {
  course_id?: InputMaybe<Order_By>;
  id?: InputMaybe<Order_By>;
};

/** order by variance() on columns of table "evaluation_ratings" */
export type Evaluation_Ratings_Variance_Order_By = {
  course_id?: InputMaybe<Order_By>;
  id?: InputMaybe<Order_By>;
};

/** append input type for table "evaluation_statistics" */
export type Evaluation_Statistics_Append_Input = {
  extras?: InputMaybe<Scalars['jsonb']['input']>;
};

/** Boolean expression to filter rows from the table "evaluation_statistics". All fields are combined with a logical 'AND'. */
export type Evaluation_Statistics_Bool_Exp = {
  _and?: InputMaybe<Array<Evaluation_Statistics_Bool_Exp>>;
  _not?: InputMaybe<Evaluation_Statistics_Bool_Exp>;
  _or?: InputMaybe<Array<Evaluation_Statistics_Bool_Exp>>;
  avg_rating?: InputMaybe<Float8_Comparison_Exp>;
  avg_workload?: InputMaybe<Float8_Comparison_Exp>;
  course?: InputMaybe<Courses_Bool_Exp>;
  course_id?: InputMaybe<Int_Comparison_Exp>;
  enrolled?: InputMaybe<Int_Comparison_Exp>;
  extras?: InputMaybe<Jsonb_Comparison_Exp>;
  responses?: InputMaybe<Int_Comparison_Exp>;
};

/** unique or primary key constraints on table "evaluation_statistics" */
export type Evaluation_Statistics_Constraint =
  /** unique or primary key constraint on columns "course_id" */
  | 'pk_evaluation_statistics';

/** delete at path input type for table "evaluation_statistics" */
export type Evaluation_Statistics_Delete_At_Path_Input = {
  extras?: InputMaybe<Array<Scalars['String']['input']>>;
};

/** delete elem input type for table "evaluation_statistics" */
export type Evaluation_Statistics_Delete_Elem_Input = {
  extras?: InputMaybe<Scalars['Int']['input']>;
};

/** delete key input type for table "evaluation_statistics" */
export type Evaluation_Statistics_Delete_Key_Input = {
  extras?: InputMaybe<Scalars['String']['input']>;
};

/** input type for incrementing numeric columns in table "evaluation_statistics" */
export type Evaluation_Statistics_Inc_Input = {
  avg_rating?: InputMaybe<Scalars['float8']['input']>;
  avg_workload?: InputMaybe<Scalars['float8']['input']>;
  course_id?: InputMaybe<Scalars['Int']['input']>;
  enrolled?: InputMaybe<Scalars['Int']['input']>;
  responses?: InputMaybe<Scalars['Int']['input']>;
};

/** input type for inserting data into table "evaluation_statistics" */
export type Evaluation_Statistics_Insert_Input = {
  avg_rating?: InputMaybe<Scalars['float8']['input']>;
  avg_workload?: InputMaybe<Scalars['float8']['input']>;
  course?: InputMaybe<Courses_Obj_Rel_Insert_Input>;
  course_id?: InputMaybe<Scalars['Int']['input']>;
  enrolled?: InputMaybe<Scalars['Int']['input']>;
  extras?: InputMaybe<Scalars['jsonb']['input']>;
  responses?: InputMaybe<Scalars['Int']['input']>;
};

/** input type for inserting object relation for remote table "evaluation_statistics" */
export type Evaluation_Statistics_Obj_Rel_Insert_Input = {
  data: Evaluation_Statistics_Insert_Input;
  /** upsert condition */
  on_conflict?: InputMaybe<Evaluation_Statistics_On_Conflict>;
};

/** on_conflict condition type for table "evaluation_statistics" */
export type Evaluation_Statistics_On_Conflict = {
  constraint: Evaluation_Statistics_Constraint;
  update_columns?: Array<Evaluation_Statistics_Update_Column>;
  where?: InputMaybe<Evaluation_Statistics_Bool_Exp>;
};

/** Ordering options when selecting data from "evaluation_statistics". */
export type Evaluation_Statistics_Order_By = {
  avg_rating?: InputMaybe<Order_By>;
  avg_workload?: InputMaybe<Order_By>;
  course?: InputMaybe<Courses_Order_By>;
  course_id?: InputMaybe<Order_By>;
  enrolled?: InputMaybe<Order_By>;
  extras?: InputMaybe<Order_By>;
  responses?: InputMaybe<Order_By>;
};

/** primary key columns input for table: evaluation_statistics */
export type Evaluation_Statistics_Pk_Columns_Input = {
  course_id: Scalars['Int']['input'];
};

/** prepend input type for table "evaluation_statistics" */
export type Evaluation_Statistics_Prepend_Input = {
  extras?: InputMaybe<Scalars['jsonb']['input']>;
};

/** select columns of table "evaluation_statistics" */
export type Evaluation_Statistics_Select_Column =
  /** column name */
  | 'avg_rating'
  /** column name */
  | 'avg_workload'
  /** column name */
  | 'course_id'
  /** column name */
  | 'enrolled'
  /** column name */
  | 'extras'
  /** column name */
  | 'responses';

/** input type for updating data in table "evaluation_statistics" */
export type Evaluation_Statistics_Set_Input = {
  avg_rating?: InputMaybe<Scalars['float8']['input']>;
  avg_workload?: InputMaybe<Scalars['float8']['input']>;
  course_id?: InputMaybe<Scalars['Int']['input']>;
  enrolled?: InputMaybe<Scalars['Int']['input']>;
  extras?: InputMaybe<Scalars['jsonb']['input']>;
  responses?: InputMaybe<Scalars['Int']['input']>;
};

/** Streaming cursor of the table "evaluation_statistics" */
export type Evaluation_Statistics_Stream_Cursor_Input = {
  /** Stream column input with initial value */
  initial_value: Evaluation_Statistics_Stream_Cursor_Value_Input;
  /** cursor ordering */
  ordering?: InputMaybe<Cursor_Ordering>;
};

/** Initial value of the column from where the streaming should start */
export type Evaluation_Statistics_Stream_Cursor_Value_Input = {
  avg_rating?: InputMaybe<Scalars['float8']['input']>;
  avg_workload?: InputMaybe<Scalars['float8']['input']>;
  course_id?: InputMaybe<Scalars['Int']['input']>;
  enrolled?: InputMaybe<Scalars['Int']['input']>;
  extras?: InputMaybe<Scalars['jsonb']['input']>;
  responses?: InputMaybe<Scalars['Int']['input']>;
};

/** update columns of table "evaluation_statistics" */
export type Evaluation_Statistics_Update_Column =
  /** column name */
  | 'avg_rating'
  /** column name */
  | 'avg_workload'
  /** column name */
  | 'course_id'
  /** column name */
  | 'enrolled'
  /** column name */
  | 'extras'
  /** column name */
  | 'responses';

export type Evaluation_Statistics_Updates = {
  /** append existing jsonb value of filtered columns with new jsonb value */
  _append?: InputMaybe<Evaluation_Statistics_Append_Input>;
  /** delete the field or element with specified path (for JSON arrays, negative integers count from the end) */
  _delete_at_path?: InputMaybe<Evaluation_Statistics_Delete_At_Path_Input>;
  /** delete the array element with specified index (negative integers count from the end). throws an error if top level container is not an array */
  _delete_elem?: InputMaybe<Evaluation_Statistics_Delete_Elem_Input>;
  /** delete key/value pair or string element. key/value pairs are matched based on their key value */
  _delete_key?: InputMaybe<Evaluation_Statistics_Delete_Key_Input>;
  /** increments the numeric columns with given value of the filtered values */
  _inc?: InputMaybe<Evaluation_Statistics_Inc_Input>;
  /** prepend existing jsonb value of filtered columns with new jsonb value */
  _prepend?: InputMaybe<Evaluation_Statistics_Prepend_Input>;
  /** sets the columns of the filtered rows to the given values */
  _set?: InputMaybe<Evaluation_Statistics_Set_Input>;
  /** filter the rows which have to be updated */
  where: Evaluation_Statistics_Bool_Exp;
};

/** Boolean expression to filter rows from the table "flags". All fields are combined with a logical 'AND'. */
export type Flags_Bool_Exp = {
  _and?: InputMaybe<Array<Flags_Bool_Exp>>;
  _not?: InputMaybe<Flags_Bool_Exp>;
  _or?: InputMaybe<Array<Flags_Bool_Exp>>;
  course_flags?: InputMaybe<Course_Flags_Bool_Exp>;
  course_flags_aggregate?: InputMaybe<Course_Flags_Aggregate_Bool_Exp>;
  flag_id?: InputMaybe<Int_Comparison_Exp>;
  flag_text?: InputMaybe<String_Comparison_Exp>;
  last_updated?: InputMaybe<Timestamp_Comparison_Exp>;
  time_added?: InputMaybe<Timestamp_Comparison_Exp>;
};

/** unique or primary key constraints on table "flags" */
export type Flags_Constraint =
  /** unique or primary key constraint on columns "flag_id" */
  | 'pk_flags';

/** input type for incrementing numeric columns in table "flags" */
export type Flags_Inc_Input = {
  flag_id?: InputMaybe<Scalars['Int']['input']>;
};

/** input type for inserting data into table "flags" */
export type Flags_Insert_Input = {
  course_flags?: InputMaybe<Course_Flags_Arr_Rel_Insert_Input>;
  flag_id?: InputMaybe<Scalars['Int']['input']>;
  flag_text?: InputMaybe<Scalars['String']['input']>;
  last_updated?: InputMaybe<Scalars['timestamp']['input']>;
  time_added?: InputMaybe<Scalars['timestamp']['input']>;
};

/** input type for inserting object relation for remote table "flags" */
export type Flags_Obj_Rel_Insert_Input = {
  data: Flags_Insert_Input;
  /** upsert condition */
  on_conflict?: InputMaybe<Flags_On_Conflict>;
};

/** on_conflict condition type for table "flags" */
export type Flags_On_Conflict = {
  constraint: Flags_Constraint;
  update_columns?: Array<Flags_Update_Column>;
  where?: InputMaybe<Flags_Bool_Exp>;
};

/** Ordering options when selecting data from "flags". */
export type Flags_Order_By = {
  course_flags_aggregate?: InputMaybe<Course_Flags_Aggregate_Order_By>;
  flag_id?: InputMaybe<Order_By>;
  flag_text?: InputMaybe<Order_By>;
  last_updated?: InputMaybe<Order_By>;
  time_added?: InputMaybe<Order_By>;
};

/** primary key columns input for table: flags */
export type Flags_Pk_Columns_Input = {
  flag_id: Scalars['Int']['input'];
};

/** select columns of table "flags" */
export type Flags_Select_Column =
  /** column name */
  | 'flag_id'
  /** column name */
  | 'flag_text'
  /** column name */
  | 'last_updated'
  /** column name */
  | 'time_added';

/** input type for updating data in table "flags" */
export type Flags_Set_Input = {
  flag_id?: InputMaybe<Scalars['Int']['input']>;
  flag_text?: InputMaybe<Scalars['String']['input']>;
  last_updated?: InputMaybe<Scalars['timestamp']['input']>;
  time_added?: InputMaybe<Scalars['timestamp']['input']>;
};

/** Streaming cursor of the table "flags" */
export type Flags_Stream_Cursor_Input = {
  /** Stream column input with initial value */
  initial_value: Flags_Stream_Cursor_Value_Input;
  /** cursor ordering */
  ordering?: InputMaybe<Cursor_Ordering>;
};

/** Initial value of the column from where the streaming should start */
export type Flags_Stream_Cursor_Value_Input = {
  flag_id?: InputMaybe<Scalars['Int']['input']>;
  flag_text?: InputMaybe<Scalars['String']['input']>;
  last_updated?: InputMaybe<Scalars['timestamp']['input']>;
  time_added?: InputMaybe<Scalars['timestamp']['input']>;
};

/** update columns of table "flags" */
export type Flags_Update_Column =
  /** column name */
  | 'flag_id'
  /** column name */
  | 'flag_text'
  /** column name */
  | 'last_updated'
  /** column name */
  | 'time_added';

export type Flags_Updates = {
  /** increments the numeric columns with given value of the filtered values */
  _inc?: InputMaybe<Flags_Inc_Input>;
  /** sets the columns of the filtered rows to the given values */
  _set?: InputMaybe<Flags_Set_Input>;
  /** filter the rows which have to be updated */
  where: Flags_Bool_Exp;
};

/** Boolean expression to compare columns of type "float8". All fields are combined with logical 'AND'. */
export type Float8_Comparison_Exp = {
  _eq?: InputMaybe<Scalars['float8']['input']>;
  _gt?: InputMaybe<Scalars['float8']['input']>;
  _gte?: InputMaybe<Scalars['float8']['input']>;
  _in?: InputMaybe<Array<Scalars['float8']['input']>>;
  _is_null?: InputMaybe<Scalars['Boolean']['input']>;
  _lt?: InputMaybe<Scalars['float8']['input']>;
  _lte?: InputMaybe<Scalars['float8']['input']>;
  _neq?: InputMaybe<Scalars['float8']['input']>;
  _nin?: InputMaybe<Array<Scalars['float8']['input']>>;
};

/** Boolean expression to filter rows from the table "friend_requests". All fields are combined with a logical 'AND'. */
export type Friend_Requests_Bool_Exp = {
  _and?: InputMaybe<Array<Friend_Requests_Bool_Exp>>;
  _not?: InputMaybe<Friend_Requests_Bool_Exp>;
  _or?: InputMaybe<Array<Friend_Requests_Bool_Exp>>;
  created_at?: InputMaybe<Timestamptz_Comparison_Exp>;
  from_user_id?: InputMaybe<Int_Comparison_Exp>;
  to_user_id?: InputMaybe<Int_Comparison_Exp>;
};

/** unique or primary key constraints on table "friend_requests" */
export type Friend_Requests_Constraint =
  /** unique or primary key constraint on columns "from_user_id", "to_user_id" */
  | 'friend_requests_pkey';

/** input type for incrementing numeric columns in table "friend_requests" */
export type Friend_Requests_Inc_Input = {
  from_user_id?: InputMaybe<Scalars['Int']['input']>;
  to_user_id?: InputMaybe<Scalars['Int']['input']>;
};

/** input type for inserting data into table "friend_requests" */
export type Friend_Requests_Insert_Input = {
  created_at?: InputMaybe<Scalars['timestamptz']['input']>;
  from_user_id?: InputMaybe<Scalars['Int']['input']>;
  to_user_id?: InputMaybe<Scalars['Int']['input']>;
};

/** on_conflict condition type for table "friend_requests" */
export type Friend_Requests_On_Conflict = {
  constraint: Friend_Requests_Constraint;
  update_columns?: Array<Friend_Requests_Update_Column>;
  where?: InputMaybe<Friend_Requests_Bool_Exp>;
};

/** Ordering options when selecting data from "friend_requests". */
export type Friend_Requests_Order_By = {
  created_at?: InputMaybe<Order_By>;
  from_user_id?: InputMaybe<Order_By>;
  to_user_id?: InputMaybe<Order_By>;
};

/** primary key columns input for table: friend_requests */
export type Friend_Requests_Pk_Columns_Input = {
  from_user_id: Scalars['Int']['input'];
  to_user_id: Scalars['Int']['input'];
};

/** select columns of table "friend_requests" */
export type Friend_Requests_Select_Column =
  /** column name */
  | 'created_at'
  /** column name */
  | 'from_user_id'
  /** column name */
  | 'to_user_id';

/** input type for updating data in table "friend_requests" */
export type Friend_Requests_Set_Input = {
  created_at?: InputMaybe<Scalars['timestamptz']['input']>;
  from_user_id?: InputMaybe<Scalars['Int']['input']>;
  to_user_id?: InputMaybe<Scalars['Int']['input']>;
};

/** Streaming cursor of the table "friend_requests" */
export type Friend_Requests_Stream_Cursor_Input = {
  /** Stream column input with initial value */
  initial_value: Friend_Requests_Stream_Cursor_Value_Input;
  /** cursor ordering */
  ordering?: InputMaybe<Cursor_Ordering>;
};

/** Initial value of the column from where the streaming should start */
export type Friend_Requests_Stream_Cursor_Value_Input = {
  created_at?: InputMaybe<Scalars['timestamptz']['input']>;
  from_user_id?: InputMaybe<Scalars['Int']['input']>;
  to_user_id?: InputMaybe<Scalars['Int']['input']>;
};

/** update columns of table "friend_requests" */
export type Friend_Requests_Update_Column =
  /** column name */
  | 'created_at'
  /** column name */
  | 'from_user_id'
  /** column name */
  | 'to_user_id';

export type Friend_Requests_Updates = {
  /** increments the numeric columns with given value of the filtered values */
  _inc?: InputMaybe<Friend_Requests_Inc_Input>;
  /** sets the columns of the filtered rows to the given values */
  _set?: InputMaybe<Friend_Requests_Set_Input>;
  /** filter the rows which have to be updated */
  where: Friend_Requests_Bool_Exp;
};

export type Friendships_Aggregate_Bool_Exp = {
  count?: InputMaybe<Friendships_Aggregate_Bool_Exp_Count>;
};

export type Friendships_Aggregate_Bool_Exp_Count = {
  arguments?: InputMaybe<Array<Friendships_Select_Column>>;
  distinct?: InputMaybe<Scalars['Boolean']['input']>;
  filter?: InputMaybe<Friendships_Bool_Exp>;
  predicate: Int_Comparison_Exp;
};

/** order by aggregate values of table "friendships" */
export type Friendships_Aggregate_Order_By = {
  avg?: InputMaybe<Friendships_Avg_Order_By>;
  count?: InputMaybe<Order_By>;
  max?: InputMaybe<Friendships_Max_Order_By>;
  min?: InputMaybe<Friendships_Min_Order_By>;
  stddev?: InputMaybe<Friendships_Stddev_Order_By>;
  stddev_pop?: InputMaybe<Friendships_Stddev_Pop_Order_By>;
  stddev_samp?: InputMaybe<Friendships_Stddev_Samp_Order_By>;
  sum?: InputMaybe<Friendships_Sum_Order_By>;
  var_pop?: InputMaybe<Friendships_Var_Pop_Order_By>;
  var_samp?: InputMaybe<Friendships_Var_Samp_Order_By>;
  variance?: InputMaybe<Friendships_Variance_Order_By>;
};

/** input type for inserting array relation for remote table "friendships" */
export type Friendships_Arr_Rel_Insert_Input = {
  data: Array<Friendships_Insert_Input>;
  /** upsert condition */
  on_conflict?: InputMaybe<Friendships_On_Conflict>;
};

/** order by avg() on columns of table "friendships" */
export type Friendships_Avg_Order_By = {
  friend_user_id?: InputMaybe<Order_By>;
  user_id?: InputMaybe<Order_By>;
};

/** Boolean expression to filter rows from the table "friendships". All fields are combined with a logical 'AND'. */
export type Friendships_Bool_Exp = {
  _and?: InputMaybe<Array<Friendships_Bool_Exp>>;
  _not?: InputMaybe<Friendships_Bool_Exp>;
  _or?: InputMaybe<Array<Friendships_Bool_Exp>>;
  created_at?: InputMaybe<Timestamptz_Comparison_Exp>;
  friend_user_id?: InputMaybe<Int_Comparison_Exp>;
  user_id?: InputMaybe<Int_Comparison_Exp>;
};

/** unique or primary key constraints on table "friendships" */
export type Friendships_Constraint =
  /** unique or primary key constraint on columns "user_id", "friend_user_id" */
  | 'friendships_pkey';

/** input type for incrementing numeric columns in table "friendships" */
export type Friendships_Inc_Input = {
  friend_user_id?: InputMaybe<Scalars['Int']['input']>;
  user_id?: InputMaybe<Scalars['Int']['input']>;
};

/** input type for inserting data into table "friendships" */
export type Friendships_Insert_Input = {
  created_at?: InputMaybe<Scalars['timestamptz']['input']>;
  friend_user_id?: InputMaybe<Scalars['Int']['input']>;
  user_id?: InputMaybe<Scalars['Int']['input']>;
};

/** order by max() on columns of table "friendships" */
export type Friendships_Max_Order_By = {
  created_at?: InputMaybe<Order_By>;
  friend_user_id?: InputMaybe<Order_By>;
  user_id?: InputMaybe<Order_By>;
};

/** order by min() on columns of table "friendships" */
export type Friendships_Min_Order_By = {
  created_at?: InputMaybe<Order_By>;
  friend_user_id?: InputMaybe<Order_By>;
  user_id?: InputMaybe<Order_By>;
};

/** on_conflict condition type for table "friendships" */
export type Friendships_On_Conflict = {
  constraint: Friendships_Constraint;
  update_columns?: Array<Friendships_Update_Column>;
  where?: InputMaybe<Friendships_Bool_Exp>;
};

/** Ordering options when selecting data from "friendships". */
export type Friendships_Order_By = {
  created_at?: InputMaybe<Order_By>;
  friend_user_id?: InputMaybe<Order_By>;
  user_id?: InputMaybe<Order_By>;
};

/** primary key columns input for table: friendships */
export type Friendships_Pk_Columns_Input = {
  friend_user_id: Scalars['Int']['input'];
  user_id: Scalars['Int']['input'];
};

/** select columns of table "friendships" */
export type Friendships_Select_Column =
  /** column name */
  | 'created_at'
  /** column name */
  | 'friend_user_id'
  /** column name */
  | 'user_id';

/** input type for updating data in table "friendships" */
export type Friendships_Set_Input = {
  created_at?: InputMaybe<Scalars['timestamptz']['input']>;
  friend_user_id?: InputMaybe<Scalars['Int']['input']>;
  user_id?: InputMaybe<Scalars['Int']['input']>;
};

/** order by stddev() on columns of table "friendships" */
export type Friendships_Stddev_Order_By = {
  friend_user_id?: InputMaybe<Order_By>;
  user_id?: InputMaybe<Order_By>;
};

/** order by stddev_pop() on columns of table "friendships" */
export type Friendships_Stddev_Pop_Order_By = {
  friend_user_id?: InputMaybe<Order_By>;
  user_id?: InputMaybe<Order_By>;
};

/** order by stddev_samp() on columns of table "friendships" */
export type Friendships_Stddev_Samp_Order_By = {
  friend_user_id?: InputMaybe<Order_By>;
  user_id?: InputMaybe<Order_By>;
};

/** Streaming cursor of the table "friendships" */
export type Friendships_Stream_Cursor_Input = {
  /** Stream column input with initial value */
  initial_value: Friendships_Stream_Cursor_Value_Input;
  /** cursor ordering */
  ordering?: InputMaybe<Cursor_Ordering>;
};

/** Initial value of the column from where the streaming should start */
export type Friendships_Stream_Cursor_Value_Input = {
  created_at?: InputMaybe<Scalars['timestamptz']['input']>;
  friend_user_id?: InputMaybe<Scalars['Int']['input']>;
  user_id?: InputMaybe<Scalars['Int']['input']>;
};

/** order by sum() on columns of table "friendships" */
export type Friendships_Sum_Order_By = {
  friend_user_id?: InputMaybe<Order_By>;
  user_id?: InputMaybe<Order_By>;
};

/** update columns of table "friendships" */
export type Friendships_Update_Column =
  /** column name */
  | 'created_at'
  /** column name */
  | 'friend_user_id'
  /** column name */
  | 'user_id';

export type Friendships_Updates = {
  /** increments the numeric columns with given value of the filtered values */
  _inc?: InputMaybe<Friendships_Inc_Input>;
  /** sets the columns of the filtered rows to the given values */
  _set?: InputMaybe<Friendships_Set_Input>;
  /** filter the rows which have to be updated */
  where: Friendships_Bool_Exp;
};

/** order by var_pop() on columns of table "friendships" */
export type Friendships_Var_Pop_Order_By = {
  friend_user_id?: InputMaybe<Order_By>;
  user_id?: InputMaybe<Order_By>;
};

/** order by var_samp() on columns of table "friendships" */
export type Friendships_Var_Samp_Order_By = {
  friend_user_id?: InputMaybe<Order_By>;
  user_id?: InputMaybe<Order_By>;
};

/** order by variance() on columns of table "friendships" */
export type Friendships_Variance_Order_By = {
  friend_user_id?: InputMaybe<Order_By>;
  user_id?: InputMaybe<Order_By>;
};

export type Jsonb_Cast_Exp = {
  String?: InputMaybe<String_Comparison_Exp>;
};

/** Boolean expression to compare columns of type "jsonb". All fields are combined with logical 'AND'. */
export type Jsonb_Comparison_Exp = {
  _cast?: InputMaybe<Jsonb_Cast_Exp>;
  /** is the column contained in the given json value */
  _contained_in?: InputMaybe<Scalars['jsonb']['input']>;
  /** does the column contain the given json value at the top level */
  _contains?: InputMaybe<Scalars['jsonb']['input']>;
  _eq?: InputMaybe<Scalars['jsonb']['input']>;
  _gt?: InputMaybe<Scalars['jsonb']['input']>;
  _gte?: InputMaybe<Scalars['jsonb']['input']>;
  /** does the string exist as a top-level key in the column */
  _has_key?: InputMaybe<Scalars['String']['input']>;
  /** do all of these strings exist as top-level keys in the column */
  _has_keys_all?: InputMaybe<Array<Scalars['String']['input']>>;
  /** do any of these strings exist as top-level keys in the column */
  _has_keys_any?: InputMaybe<Array<Scalars['String']['input']>>;
  _in?: InputMaybe<Array<Scalars['jsonb']['input']>>;
  _is_null?: InputMaybe<Scalars['Boolean']['input']>;
  _lt?: InputMaybe<Scalars['jsonb']['input']>;
  _lte?: InputMaybe<Scalars['jsonb']['input']>;
  _neq?: InputMaybe<Scalars['jsonb']['input']>;
  _nin?: InputMaybe<Array<Scalars['jsonb']['input']>>;
};

export type Listings_Aggregate_Bool_Exp = {
  count?: InputMaybe<Listings_Aggregate_Bool_Exp_Count>;
};

export type Listings_Aggregate_Bool_Exp_Count = {
  arguments?: InputMaybe<Array<Listings_Select_Column>>;
  distinct?: InputMaybe<Scalars['Boolean']['input']>;
  filter?: InputMaybe<Listings_Bool_Exp>;
  predicate: Int_Comparison_Exp;
};

/** order by aggregate values of table "listings" */
export type Listings_Aggregate_Order_By = {
  avg?: InputMaybe<Listings_Avg_Order_By>;
  count?: InputMaybe<Order_By>;
  max?: InputMaybe<Listings_Max_Order_By>;
  min?: InputMaybe<Listings_Min_Order_By>;
  stddev?: InputMaybe<Listings_Stddev_Order_By>;
  stddev_pop?: InputMaybe<Listings_Stddev_Pop_Order_By>;
  stddev_samp?: InputMaybe<Listings_Stddev_Samp_Order_By>;
  sum?: InputMaybe<Listings_Sum_Order_By>;
  var_pop?: InputMaybe<Listings_Var_Pop_Order_By>;
  var_samp?: InputMaybe<Listings_Var_Samp_Order_By>;
  variance?: InputMaybe<Listings_Variance_Order_By>;
};

/** input type for inserting array relation for remote table "listings" */
export type Listings_Arr_Rel_Insert_Input = {
  data: Array<Listings_Insert_Input>;
  /** upsert condition */
  on_conflict?: InputMaybe<Listings_On_Conflict>;
};

/** order by avg() on columns of table "listings" */
export type Listings_Avg_Order_By = {
  course_id?: InputMaybe<Order_By>;
  crn?: InputMaybe<Order_By>;
  listing_id?: InputMaybe<Order_By>;
};

/** Boolean expression to filter rows from the table "listings". All fields are combined with a logical 'AND'. */
export type Listings_Bool_Exp = {
  _and?: InputMaybe<Array<Listings_Bool_Exp>>;
  _not?: InputMaybe<Listings_Bool_Exp>;
  _or?: InputMaybe<Array<Listings_Bool_Exp>>;
  course?: InputMaybe<Courses_Bool_Exp>;
  course_code?: InputMaybe<String_Comparison_Exp>;
  course_id?: InputMaybe<Int_Comparison_Exp>;
  crn?: InputMaybe<Int_Comparison_Exp>;
  last_updated?: InputMaybe<Timestamp_Comparison_Exp>;
  listing_id?: InputMaybe<Int_Comparison_Exp>;
  number?: InputMaybe<String_Comparison_Exp>;
  school?: InputMaybe<String_Comparison_Exp>;
  season?: InputMaybe<Seasons_Bool_Exp>;
  season_code?: InputMaybe<String_Comparison_Exp>;
  section?: InputMaybe<String_Comparison_Exp>;
  subject?: InputMaybe<String_Comparison_Exp>;
  time_added?: InputMaybe<Timestamp_Comparison_Exp>;
};

/** unique or primary key constraints on table "listings" */
export type Listings_Constraint =
  /** unique or primary key constraint on columns "listing_id" */
  | 'pk_listings';

/** input type for incrementing numeric columns in table "listings" */
export type Listings_Inc_Input = {
  course_id?: InputMaybe<Scalars['Int']['input']>;
  crn?: InputMaybe<Scalars['Int']['input']>;
  listing_id?: InputMaybe<Scalars['Int']['input']>;
};

/** input type for inserting data into table "listings" */
export type Listings_Insert_Input = {
  course?: InputMaybe<Courses_Obj_Rel_Insert_Input>;
  course_code?: InputMaybe<Scalars['String']['input']>;
  course_id?: InputMaybe<Scalars['Int']['input']>;
  crn?: InputMaybe<Scalars['Int']['input']>;
  last_updated?: InputMaybe<Scalars['timestamp']['input']>;
  listing_id?: InputMaybe<Scalars['Int']['input']>;
  number?: InputMaybe<Scalars['String']['input']>;
  school?: InputMaybe<Scalars['String']['input']>;
  season?: InputMaybe<Seasons_Obj_Rel_Insert_Input>;
  season_code?: InputMaybe<Scalars['String']['input']>;
  section?: InputMaybe<Scalars['String']['input']>;
  subject?: InputMaybe<Scalars['String']['input']>;
  time_added?: InputMaybe<Scalars['timestamp']['input']>;
};

/** order by max() on columns of table "listings" */
export type Listings_Max_Order_By = {
  course_code?: InputMaybe<Order_By>;
  course_id?: InputMaybe<Order_By>;
  crn?: InputMaybe<Order_By>;
  last_updated?: InputMaybe<Order_By>;
  listing_id?: InputMaybe<Order_By>;
  number?: InputMaybe<Order_By>;
  school?: InputMaybe<Order_By>;
  season_code?: InputMaybe<Order_By>;
  section?: InputMaybe<Order_By>;
  subject?: InputMaybe<Order_By>;
  time_added?: InputMaybe<Order_By>;
};

/** order by min() on columns of table "listings" */
export type Listings_Min_Order_By = {
  course_code?: InputMaybe<Order_By>;
  course_id?: InputMaybe<Order_By>;
  crn?: InputMaybe<Order_By>;
  last_updated?: InputMaybe<Order_By>;
  listing_id?: InputMaybe<Order_By>;
  number?: InputMaybe<Order_By>;
  school?: InputMaybe<Order_By>;
  season_code?: InputMaybe<Order_By>;
  section?: InputMaybe<Order_By>;
  subject?: InputMaybe<Order_By>;
  time_added?: InputMaybe<Order_By>;
};

/** on_conflict condition type for table "listings" */
export type Listings_On_Conflict = {
  constraint: Listings_Constraint;
  update_columns?: Array<Listings_Update_Column>;
  where?: InputMaybe<Listings_Bool_Exp>;
};

/** Ordering options when selecting data from "listings". */
export type Listings_Order_By = {
  course?: InputMaybe<Courses_Order_By>;
  course_code?: InputMaybe<Order_By>;
  course_id?: InputMaybe<Order_By>;
  crn?: InputMaybe<Order_By>;
  last_updated?: InputMaybe<Order_By>;
  listing_id?: InputMaybe<Order_By>;
  number?: InputMaybe<Order_By>;
  school?: InputMaybe<Order_By>;
  season?: InputMaybe<Seasons_Order_By>;
  season_code?: InputMaybe<Order_By>;
  section?: InputMaybe<Order_By>;
  subject?: InputMaybe<Order_By>;
  time_added?: InputMaybe<Order_By>;
};

/** primary key columns input for table: listings */
export type Listings_Pk_Columns_Input = {
  listing_id: Scalars['Int']['input'];
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

/** input type for updating data in table "listings" */
export type Listings_Set_Input = {
  course_code?: InputMaybe<Scalars['String']['input']>;
  course_id?: InputMaybe<Scalars['Int']['input']>;
  crn?: InputMaybe<Scalars['Int']['input']>;
  last_updated?: InputMaybe<Scalars['timestamp']['input']>;
  listing_id?: InputMaybe<Scalars['Int']['input']>;
  number?: InputMaybe<Scalars['String']['input']>;
  school?: InputMaybe<Scalars['String']['input']>;
  season_code?: InputMaybe<Scalars['String']['input']>;
  section?: InputMaybe<Scalars['String']['input']>;
  subject?: InputMaybe<Scalars['String']['input']>;
  time_added?: InputMaybe<Scalars['timestamp']['input']>;
};

/** order by stddev() on columns of table "listings" */
export type Listings_Stddev_Order_By = {
  course_id?: InputMaybe<Order_By>;
  crn?: InputMaybe<Order_By>;
  listing_id?: InputMaybe<Order_By>;
};

/** order by stddev_pop() on columns of table "listings" */
export type Listings_Stddev_Pop_Order_By = {
  course_id?: InputMaybe<Order_By>;
  crn?: InputMaybe<Order_By>;
  listing_id?: InputMaybe<Order_By>;
};

/** order by stddev_samp() on columns of table "listings" */
export type Listings_Stddev_Samp_Order_By = {
  course_id?: InputMaybe<Order_By>;
  crn?: InputMaybe<Order_By>;
  listing_id?: InputMaybe<Order_By>;
};

/** Streaming cursor of the table "listings" */
export type Listings_Stream_Cursor_Input = {
  /** Stream column input with initial value */
  initial_value: Listings_Stream_Cursor_Value_Input;
  /** cursor ordering */
  ordering?: InputMaybe<Cursor_Ordering>;
};

/** Initial value of the column from where the streaming should start */
export type Listings_Stream_Cursor_Value_Input = {
  course_code?: InputMaybe<Scalars['String']['input']>;
  course_id?: InputMaybe<Scalars['Int']['input']>;
  crn?: InputMaybe<Scalars['Int']['input']>;
  last_updated?: InputMaybe<Scalars['timestamp']['input']>;
  listing_id?: InputMaybe<Scalars['Int']['input']>;
  number?: InputMaybe<Scalars['String']['input']>;
  school?: InputMaybe<Scalars['String']['input']>;
  season_code?: InputMaybe<Scalars['String']['input']>;
  section?: InputMaybe<Scalars['String']['input']>;
  subject?: InputMaybe<Scalars['String']['input']>;
  time_added?: InputMaybe<Scalars['timestamp']['input']>;
};

/** order by sum() on columns of table "listings" */
export type Listings_Sum_Order_By = {
  course_id?: InputMaybe<Order_By>;
  crn?: InputMaybe<Order_By>;
  listing_id?: InputMaybe<Order_By>;
};

/** update columns of table "listings" */
export type Listings_Update_Column =
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

export type Listings_Updates = {
  /** increments the numeric columns with given value of the filtered values */
  _inc?: InputMaybe<Listings_Inc_Input>;
  /** sets the columns of the filtered rows to the given values */
  _set?: InputMaybe<Listings_Set_Input>;
  /** filter the rows which have to be updated */
  where: Listings_Bool_Exp;
};

/** order by var_pop() on columns of table "listings" */
export type Listings_Var_Pop_Order_By = {
  course_id?: InputMaybe<Order_By>;
  crn?: InputMaybe<Order_By>;
  listing_id?: InputMaybe<Order_By>;
};

/** order by var_samp() on columns of table "listings" */
export type Listings_Var_Samp_Order_By = {
  course_id?: InputMaybe<Order_By>;
  crn?: InputMaybe<Order_By>;
  listing_id?: InputMaybe<Order_By>;
};

/** order by variance() on columns of table "listings" */
export type Listings_Variance_Order_By = {
  course_id?: InputMaybe<Order_By>;
  crn?: InputMaybe<Order_By>;
  listing_id?: InputMaybe<Order_By>;
};

export type Locations_Aggregate_Bool_Exp = {
  count?: InputMaybe<Locations_Aggregate_Bool_Exp_Count>;
};

export type Locations_Aggregate_Bool_Exp_Count = {
  arguments?: InputMaybe<Array<Locations_Select_Column>>;
  distinct?: InputMaybe<Scalars['Boolean']['input']>;
  filter?: InputMaybe<Locations_Bool_Exp>;
  predicate: Int_Comparison_Exp;
};

/** order by aggregate values of table "locations" */
export type Locations_Aggregate_Order_By = {
  avg?: InputMaybe<Locations_Avg_Order_By>;
  count?: InputMaybe<Order_By>;
  max?: InputMaybe<Locations_Max_Order_By>;
  min?: InputMaybe<Locations_Min_Order_By>;
  stddev?: InputMaybe<Locations_Stddev_Order_By>;
  stddev_pop?: InputMaybe<Locations_Stddev_Pop_Order_By>;
  stddev_samp?: InputMaybe<Locations_Stddev_Samp_Order_By>;
  sum?: InputMaybe<Locations_Sum_Order_By>;
  var_pop?: InputMaybe<Locations_Var_Pop_Order_By>;
  var_samp?: InputMaybe<Locations_Var_Samp_Order_By>;
  variance?: InputMaybe<Locations_Variance_Order_By>;
};

/** input type for inserting array relation for remote table "locations" */
export type Locations_Arr_Rel_Insert_Input = {
  data: Array<Locations_Insert_Input>;
  /** upsert condition */
  on_conflict?: InputMaybe<Locations_On_Conflict>;
};

/** order by avg() on columns of table "locations" */
export type Locations_Avg_Order_By = {
  location_id?: InputMaybe<Order_By>;
};

/** Boolean expression to filter rows from the table "locations". All fields are combined with a logical 'AND'. */
export type Locations_Bool_Exp = {
  _and?: InputMaybe<Array<Locations_Bool_Exp>>;
  _not?: InputMaybe<Locations_Bool_Exp>;
  _or?: InputMaybe<Array<Locations_Bool_Exp>>;
  building?: InputMaybe<Buildings_Bool_Exp>;
  building_code?: InputMaybe<String_Comparison_Exp>;
  course_meetings?: InputMaybe<Course_Meetings_Bool_Exp>;
  course_meetings_aggregate?: InputMaybe<Course_Meetings_Aggregate_Bool_Exp>;
  last_updated?: InputMaybe<Timestamp_Comparison_Exp>;
  location_id?: InputMaybe<Int_Comparison_Exp>;
  room?: InputMaybe<String_Comparison_Exp>;
  time_added?: InputMaybe<Timestamp_Comparison_Exp>;
};

/** unique or primary key constraints on table "locations" */
export type Locations_Constraint =
  /** unique or primary key constraint on columns "location_id" */
  | 'pk_locations';

/** input type for incrementing numeric columns in table "locations" */
export type Locations_Inc_Input = {
  location_id?: InputMaybe<Scalars['Int']['input']>;
};

/** input type for inserting data into table "locations" */
export type Locations_Insert_Input = {
  building?: InputMaybe<Buildings_Obj_Rel_Insert_Input>;
  building_code?: InputMaybe<Scalars['String']['input']>;
  course_meetings?: InputMaybe<Course_Meetings_Arr_Rel_Insert_Input>;
  last_updated?: InputMaybe<Scalars['timestamp']['input']>;
  location_id?: InputMaybe<Scalars['Int']['input']>;
  room?: InputMaybe<Scalars['String']['input']>;
  time_added?: InputMaybe<Scalars['timestamp']['input']>;
};

/** order by max() on columns of table "locations" */
export type Locations_Max_Order_By = {
  building_code?: InputMaybe<Order_By>;
  last_updated?: InputMaybe<Order_By>;
  location_id?: InputMaybe<Order_By>;
  room?: InputMaybe<Order_By>;
  time_added?: InputMaybe<Order_By>;
};

/** order by min() on columns of table "locations" */
export type Locations_Min_Order_By = {
  building_code?: InputMaybe<Order_By>;
  last_updated?: InputMaybe<Order_By>;
  location_id?: InputMaybe<Order_By>;
  room?: InputMaybe<Order_By>;
  time_added?: InputMaybe<Order_By>;
};

/** input type for inserting object relation for remote table "locations" */
export type Locations_Obj_Rel_Insert_Input = {
  data: Locations_Insert_Input;
  /** upsert condition */
  on_conflict?: InputMaybe<Locations_On_Conflict>;
};

/** on_conflict condition type for table "locations" */
export type Locations_On_Conflict = {
  constraint: Locations_Constraint;
  update_columns?: Array<Locations_Update_Column>;
  where?: InputMaybe<Locations_Bool_Exp>;
};

/** Ordering options when selecting data from "locations". */
export type Locations_Order_By = {
  building?: InputMaybe<Buildings_Order_By>;
  building_code?: InputMaybe<Order_By>;
  course_meetings_aggregate?: InputMaybe<Course_Meetings_Aggregate_Order_By>;
  last_updated?: InputMaybe<Order_By>;
  location_id?: InputMaybe<Order_By>;
  room?: InputMaybe<Order_By>;
  time_added?: InputMaybe<Order_By>;
};

/** primary key columns input for table: locations */
export type Locations_Pk_Columns_Input = {
  location_id: Scalars['Int']['input'];
};

/** select columns of table "locations" */
export type Locations_Select_Column =
  /** column name */
  | 'building_code'
  /** column name */
  | 'last_updated'
  /** column name */
  | 'location_id'
  /** column name */
  | 'room'
  /** column name */
  | 'time_added';

/** input type for updating data in table "locations" */
export type Locations_Set_Input = {
  building_code?: InputMaybe<Scalars['String']['input']>;
  last_updated?: InputMaybe<Scalars['timestamp']['input']>;
  location_id?: InputMaybe<Scalars['Int']['input']>;
  room?: InputMaybe<Scalars['String']['input']>;
  time_added?: InputMaybe<Scalars['timestamp']['input']>;
};

/** order by stddev() on columns of table "locations" */
export type Locations_Stddev_Order_By = {
  location_id?: InputMaybe<Order_By>;
};

/** order by stddev_pop() on columns of table "locations" */
export type Locations_Stddev_Pop_Order_By = {
  location_id?: InputMaybe<Order_By>;
};

/** order by stddev_samp() on columns of table "locations" */
export type Locations_Stddev_Samp_Order_By = {
  location_id?: InputMaybe<Order_By>;
};

/** Streaming cursor of the table "locations" */
export type Locations_Stream_Cursor_Input = {
  /** Stream column input with initial value */
  initial_value: Locations_Stream_Cursor_Value_Input;
  /** cursor ordering */
  ordering?: InputMaybe<Cursor_Ordering>;
};

/** Initial value of the column from where the streaming should start */
export type Locations_Stream_Cursor_Value_Input = {
  building_code?: InputMaybe<Scalars['String']['input']>;
  last_updated?: InputMaybe<Scalars['timestamp']['input']>;
  location_id?: InputMaybe<Scalars['Int']['input']>;
  room?: InputMaybe<Scalars['String']['input']>;
  time_added?: InputMaybe<Scalars['timestamp']['input']>;
};

/** order by sum() on columns of table "locations" */
export type Locations_Sum_Order_By = {
  location_id?: InputMaybe<Order_By>;
};

/** update columns of table "locations" */
export type Locations_Update_Column =
  /** column name */
  | 'building_code'
  /** column name */
  | 'last_updated'
  /** column name */
  | 'location_id'
  /** column name */
  | 'room'
  /** column name */
  | 'time_added';

export type Locations_Updates = {
  /** increments the numeric columns with given value of the filtered values */
  _inc?: InputMaybe<Locations_Inc_Input>;
  /** sets the columns of the filtered rows to the given values */
  _set?: InputMaybe<Locations_Set_Input>;
  /** filter the rows which have to be updated */
  where: Locations_Bool_Exp;
};

/** order by var_pop() on columns of table "locations" */
export type Locations_Var_Pop_Order_By = {
  location_id?: InputMaybe<Order_By>;
};

/** order by var_samp() on columns of table "locations" */
export type Locations_Var_Samp_Order_By = {
  location_id?: InputMaybe<Order_By>;
};

/** order by variance() on columns of table "locations" */
export type Locations_Variance_Order_By = {
  location_id?: InputMaybe<Order_By>;
};

/** Boolean expression to filter rows from the table "metadata". All fields are combined with a logical 'AND'. */
export type Metadata_Bool_Exp = {
  _and?: InputMaybe<Array<Metadata_Bool_Exp>>;
  _not?: InputMaybe<Metadata_Bool_Exp>;
  _or?: InputMaybe<Array<Metadata_Bool_Exp>>;
  id?: InputMaybe<Int_Comparison_Exp>;
  last_update?: InputMaybe<Timestamp_Comparison_Exp>;
};

/** unique or primary key constraints on table "metadata" */
export type Metadata_Constraint =
  /** unique or primary key constraint on columns "id" */
  | 'metadata_pkey';

/** input type for incrementing numeric columns in table "metadata" */
export type Metadata_Inc_Input = {
  id?: InputMaybe<Scalars['Int']['input']>;
};

/** input type for inserting data into table "metadata" */
export type Metadata_Insert_Input = {
  id?: InputMaybe<Scalars['Int']['input']>;
  last_update?: InputMaybe<Scalars['timestamp']['input']>;
};

/** on_conflict condition type for table "metadata" */
export type Metadata_On_Conflict = {
  constraint: Metadata_Constraint;
  update_columns?: Array<Metadata_Update_Column>;
  where?: InputMaybe<Metadata_Bool_Exp>;
};

/** Ordering options when selecting data from "metadata". */
export type Metadata_Order_By = {
  id?: InputMaybe<Order_By>;
  last_update?: InputMaybe<Order_By>;
};

/** primary key columns input for table: metadata */
export type Metadata_Pk_Columns_Input = {
  id: Scalars['Int']['input'];
};

/** select columns of table "metadata" */
export type Metadata_Select_Column =
  /** column name */
  | 'id'
  /** column name */
  | 'last_update';

/** input type for updating data in table "metadata" */
export type Metadata_Set_Input = {
  id?: InputMaybe<Scalars['Int']['input']>;
  last_update?: InputMaybe<Scalars['timestamp']['input']>;
};

/** Streaming cursor of the table "metadata" */
export type Metadata_Stream_Cursor_Input = {
  /** Stream column input with initial value */
  initial_value: Metadata_Stream_Cursor_Value_Input;
  /** cursor ordering */
  ordering?: InputMaybe<Cursor_Ordering>;
};

/** Initial value of the column from where the streaming should start */
export type Metadata_Stream_Cursor_Value_Input = {
  id?: InputMaybe<Scalars['Int']['input']>;
  last_update?: InputMaybe<Scalars['timestamp']['input']>;
};

/** update columns of table "metadata" */
export type Metadata_Update_Column =
  /** column name */
  | 'id'
  /** column name */
  | 'last_update';

export type Metadata_Updates = {
  /** increments the numeric columns with given value of the filtered values */
  _inc?: InputMaybe<Metadata_Inc_Input>;
  /** sets the columns of the filtered rows to the given values */
  _set?: InputMaybe<Metadata_Set_Input>;
  /** filter the rows which have to be updated */
  where: Metadata_Bool_Exp;
};

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
  _and?: InputMaybe<Array<Professors_Bool_Exp>>;
  _not?: InputMaybe<Professors_Bool_Exp>;
  _or?: InputMaybe<Array<Professors_Bool_Exp>>;
  average_rating?: InputMaybe<Float8_Comparison_Exp>;
  average_rating_n?: InputMaybe<Int_Comparison_Exp>;
  course_professors?: InputMaybe<Course_Professors_Bool_Exp>;
  course_professors_aggregate?: InputMaybe<Course_Professors_Aggregate_Bool_Exp>;
  courses_taught?: InputMaybe<Int_Comparison_Exp>;
  email?: InputMaybe<String_Comparison_Exp>;
  last_updated?: InputMaybe<Timestamp_Comparison_Exp>;
  name?: InputMaybe<String_Comparison_Exp>;
  professor_id?: InputMaybe<Int_Comparison_Exp>;
  time_added?: InputMaybe<Timestamp_Comparison_Exp>;
};

/** unique or primary key constraints on table "professors" */
export type Professors_Constraint =
  /** unique or primary key constraint on columns "professor_id" */
  | 'pk_professors';

/** input type for incrementing numeric columns in table "professors" */
export type Professors_Inc_Input = {
  average_rating?: InputMaybe<Scalars['float8']['input']>;
  average_rating_n?: InputMaybe<Scalars['Int']['input']>;
  courses_taught?: InputMaybe<Scalars['Int']['input']>;
  professor_id?: InputMaybe<Scalars['Int']['input']>;
};

/** input type for inserting data into table "professors" */
export type Professors_Insert_Input = {
  average_rating?: InputMaybe<Scalars['float8']['input']>;
  average_rating_n?: InputMaybe<Scalars['Int']['input']>;
  course_professors?: InputMaybe<Course_Professors_Arr_Rel_Insert_Input>;
  courses_taught?: InputMaybe<Scalars['Int']['input']>;
  email?: InputMaybe<Scalars['String']['input']>;
  last_updated?: InputMaybe<Scalars['timestamp']['input']>;
  name?: InputMaybe<Scalars['String']['input']>;
  professor_id?: InputMaybe<Scalars['Int']['input']>;
  time_added?: InputMaybe<Scalars['timestamp']['input']>;
};

/** input type for inserting object relation for remote table "professors" */
export type Professors_Obj_Rel_Insert_Input = {
  data: Professors_Insert_Input;
  /** upsert condition */
  on_conflict?: InputMaybe<Professors_On_Conflict>;
};

/** on_conflict condition type for table "professors" */
export type Professors_On_Conflict = {
  constraint: Professors_Constraint;
  update_columns?: Array<Professors_Update_Column>;
  where?: InputMaybe<Professors_Bool_Exp>;
};

/** Ordering options when selecting data from "professors". */
export type Professors_Order_By = {
  average_rating?: InputMaybe<Order_By>;
  average_rating_n?: InputMaybe<Order_By>;
  course_professors_aggregate?: InputMaybe<Course_Professors_Aggregate_Order_By>;
  courses_taught?: InputMaybe<Order_By>;
  email?: InputMaybe<Order_By>;
  last_updated?: InputMaybe<Order_By>;
  name?: InputMaybe<Order_By>;
  professor_id?: InputMaybe<Order_By>;
  time_added?: InputMaybe<Order_By>;
};

/** primary key columns input for table: professors */
export type Professors_Pk_Columns_Input = {
  professor_id: Scalars['Int']['input'];
};

/** select columns of table "professors" */
export type Professors_Select_Column =
  /** column name */
  | 'average_rating'
  /** column name */
  | 'average_rating_n'
  /** column name */
  | 'courses_taught'
  /** column name */
  | 'email'
  /** column name */
  | 'last_updated'
  /** column name */
  | 'name'
  /** column name */
  | 'professor_id'
  /** column name */
  | 'time_added';

/** input type for updating data in table "professors" */
export type Professors_Set_Input = {
  average_rating?: InputMaybe<Scalars['float8']['input']>;
  average_rating_n?: InputMaybe<Scalars['Int']['input']>;
  courses_taught?: InputMaybe<Scalars['Int']['input']>;
  email?: InputMaybe<Scalars['String']['input']>;
  last_updated?: InputMaybe<Scalars['timestamp']['input']>;
  name?: InputMaybe<Scalars['String']['input']>;
  professor_id?: InputMaybe<Scalars['Int']['input']>;
  time_added?: InputMaybe<Scalars['timestamp']['input']>;
};

/** Streaming cursor of the table "professors" */
export type Professors_Stream_Cursor_Input = {
  /** Stream column input with initial value */
  initial_value: Professors_Stream_Cursor_Value_Input;
  /** cursor ordering */
  ordering?: InputMaybe<Cursor_Ordering>;
};

/** Initial value of the column from where the streaming should start */
export type Professors_Stream_Cursor_Value_Input = {
  average_rating?: InputMaybe<Scalars['float8']['input']>;
  average_rating_n?: InputMaybe<Scalars['Int']['input']>;
  courses_taught?: InputMaybe<Scalars['Int']['input']>;
  email?: InputMaybe<Scalars['String']['input']>;
  last_updated?: InputMaybe<Scalars['timestamp']['input']>;
  name?: InputMaybe<Scalars['String']['input']>;
  professor_id?: InputMaybe<Scalars['Int']['input']>;
  time_added?: InputMaybe<Scalars['timestamp']['input']>;
};

/** update columns of table "professors" */
export type Professors_Update_Column =
  /** column name */
  | 'average_rating'
  /** column name */
  | 'average_rating_n'
  /** column name */
  | 'courses_taught'
  /** column name */
  | 'email'
  /** column name */
  | 'last_updated'
  /** column name */
  | 'name'
  /** column name */
  | 'professor_id'
  /** column name */
  | 'time_added';

export type Professors_Updates = {
  /** increments the numeric columns with given value of the filtered values */
  _inc?: InputMaybe<Professors_Inc_Input>;
  /** sets the columns of the filtered rows to the given values */
  _set?: InputMaybe<Professors_Set_Input>;
  /** filter the rows which have to be updated */
  where: Professors_Bool_Exp;
};

export type Profile_Fields_Aggregate_Bool_Exp = {
  count?: InputMaybe<Profile_Fields_Aggregate_Bool_Exp_Count>;
};

export type Profile_Fields_Aggregate_Bool_Exp_Count = {
  arguments?: InputMaybe<Array<Profile_Fields_Select_Column>>;
  distinct?: InputMaybe<Scalars['Boolean']['input']>;
  filter?: InputMaybe<Profile_Fields_Bool_Exp>;
  predicate: Int_Comparison_Exp;
};

/** order by aggregate values of table "profile_fields" */
export type Profile_Fields_Aggregate_Order_By = {
  avg?: InputMaybe<Profile_Fields_Avg_Order_By>;
  count?: InputMaybe<Order_By>;
  max?: InputMaybe<Profile_Fields_Max_Order_By>;
  min?: InputMaybe<Profile_Fields_Min_Order_By>;
  stddev?: InputMaybe<Profile_Fields_Stddev_Order_By>;
  stddev_pop?: InputMaybe<Profile_Fields_Stddev_Pop_Order_By>;
  stddev_samp?: InputMaybe<Profile_Fields_Stddev_Samp_Order_By>;
  sum?: InputMaybe<Profile_Fields_Sum_Order_By>;
  var_pop?: InputMaybe<Profile_Fields_Var_Pop_Order_By>;
  var_samp?: InputMaybe<Profile_Fields_Var_Samp_Order_By>;
  variance?: InputMaybe<Profile_Fields_Variance_Order_By>;
};

/** input type for inserting array relation for remote table "profile_fields" */
export type Profile_Fields_Arr_Rel_Insert_Input = {
  data: Array<Profile_Fields_Insert_Input>;
  /** upsert condition */
  on_conflict?: InputMaybe<Profile_Fields_On_Conflict>;
};

/** order by avg() on columns of table "profile_fields" */
export type Profile_Fields_Avg_Order_By = {
  user_id?: InputMaybe<Order_By>;
};

/** Boolean expression to filter rows from the table "profile_fields". All fields are combined with a logical 'AND'. */
export type Profile_Fields_Bool_Exp = {
  _and?: InputMaybe<Array<Profile_Fields_Bool_Exp>>;
  _not?: InputMaybe<Profile_Fields_Bool_Exp>;
  _or?: InputMaybe<Array<Profile_Fields_Bool_Exp>>;
  field?: InputMaybe<String_Comparison_Exp>;
  owner_friendships?: InputMaybe<Friendships_Bool_Exp>;
  owner_friendships_aggregate?: InputMaybe<Friendships_Aggregate_Bool_Exp>;
  user_id?: InputMaybe<Int_Comparison_Exp>;
  value?: InputMaybe<String_Comparison_Exp>;
  visibility?: InputMaybe<String_Comparison_Exp>;
};

/** unique or primary key constraints on table "profile_fields" */
export type Profile_Fields_Constraint =
  /** unique or primary key constraint on columns "user_id", "field" */
  | 'profile_fields_pkey';

/** input type for incrementing numeric columns in table "profile_fields" */
export type Profile_Fields_Inc_Input = {
  user_id?: InputMaybe<Scalars['Int']['input']>;
};

/** input type for inserting data into table "profile_fields" */
export type Profile_Fields_Insert_Input = {
  field?: InputMaybe<Scalars['String']['input']>;
  owner_friendships?: InputMaybe<Friendships_Arr_Rel_Insert_Input>;
  user_id?: InputMaybe<Scalars['Int']['input']>;
  value?: InputMaybe<Scalars['String']['input']>;
  visibility?: InputMaybe<Scalars['String']['input']>;
};

/** order by max() on columns of table "profile_fields" */
export type Profile_Fields_Max_Order_By = {
  field?: InputMaybe<Order_By>;
  user_id?: InputMaybe<Order_By>;
  value?: InputMaybe<Order_By>;
  visibility?: InputMaybe<Order_By>;
};

/** order by min() on columns of table "profile_fields" */
export type Profile_Fields_Min_Order_By = {
  field?: InputMaybe<Order_By>;
  user_id?: InputMaybe<Order_By>;
  value?: InputMaybe<Order_By>;
  visibility?: InputMaybe<Order_By>;
};

/** on_conflict condition type for table "profile_fields" */
export type Profile_Fields_On_Conflict = {
  constraint: Profile_Fields_Constraint;
  update_columns?: Array<Profile_Fields_Update_Column>;
  where?: InputMaybe<Profile_Fields_Bool_Exp>;
};

/** Ordering options when selecting data from "profile_fields". */
export type Profile_Fields_Order_By = {
  field?: InputMaybe<Order_By>;
  owner_friendships_aggregate?: InputMaybe<Friendships_Aggregate_Order_By>;
  user_id?: InputMaybe<Order_By>;
  value?: InputMaybe<Order_By>;
  visibility?: InputMaybe<Order_By>;
};

/** primary key columns input for table: profile_fields */
export type Profile_Fields_Pk_Columns_Input = {
  field: Scalars['String']['input'];
  user_id: Scalars['Int']['input'];
};

/** select columns of table "profile_fields" */
export type Profile_Fields_Select_Column =
  /** column name */
  | 'field'
  /** column name */
  | 'user_id'
  /** column name */
  | 'value'
  /** column name */
  | 'visibility';

/** input type for updating data in table "profile_fields" */
export type Profile_Fields_Set_Input = {
  field?: InputMaybe<Scalars['String']['input']>;
  user_id?: InputMaybe<Scalars['Int']['input']>;
  value?: InputMaybe<Scalars['String']['input']>;
  visibility?: InputMaybe<Scalars['String']['input']>;
};

/** order by stddev() on columns of table "profile_fields" */
export type Profile_Fields_Stddev_Order_By = {
  user_id?: InputMaybe<Order_By>;
};

/** order by stddev_pop() on columns of table "profile_fields" */
export type Profile_Fields_Stddev_Pop_Order_By = {
  user_id?: InputMaybe<Order_By>;
};

/** order by stddev_samp() on columns of table "profile_fields" */
export type Profile_Fields_Stddev_Samp_Order_By = {
  user_id?: InputMaybe<Order_By>;
};

/** Streaming cursor of the table "profile_fields" */
export type Profile_Fields_Stream_Cursor_Input = {
  /** Stream column input with initial value */
  initial_value: Profile_Fields_Stream_Cursor_Value_Input;
  /** cursor ordering */
  ordering?: InputMaybe<Cursor_Ordering>;
};

/** Initial value of the column from where the streaming should start */
export type Profile_Fields_Stream_Cursor_Value_Input = {
  field?: InputMaybe<Scalars['String']['input']>;
  user_id?: InputMaybe<Scalars['Int']['input']>;
  value?: InputMaybe<Scalars['String']['input']>;
  visibility?: InputMaybe<Scalars['String']['input']>;
};

/** order by sum() on columns of table "profile_fields" */
export type Profile_Fields_Sum_Order_By = {
  user_id?: InputMaybe<Order_By>;
};

/** update columns of table "profile_fields" */
export type Profile_Fields_Update_Column =
  /** column name */
  | 'field'
  /** column name */
  | 'user_id'
  /** column name */
  | 'value'
  /** column name */
  | 'visibility';

export type Profile_Fields_Updates = {
  /** increments the numeric columns with given value of the filtered values */
  _inc?: InputMaybe<Profile_Fields_Inc_Input>;
  /** sets the columns of the filtered rows to the given values */
  _set?: InputMaybe<Profile_Fields_Set_Input>;
  /** filter the rows which have to be updated */
  where: Profile_Fields_Bool_Exp;
};

/** order by var_pop() on columns of table "profile_fields" */
export type Profile_Fields_Var_Pop_Order_By = {
  user_id?: InputMaybe<Order_By>;
};

/** order by var_samp() on columns of table "profile_fields" */
export type Profile_Fields_Var_Samp_Order_By = {
  user_id?: InputMaybe<Order_By>;
};

/** order by variance() on columns of table "profile_fields" */
export type Profile_Fields_Variance_Order_By = {
  user_id?: InputMaybe<Order_By>;
};

export type Saved_Searches_Aggregate_Bool_Exp = {
  count?: InputMaybe<Saved_Searches_Aggregate_Bool_Exp_Count>;
};

export type Saved_Searches_Aggregate_Bool_Exp_Count = {
  arguments?: InputMaybe<Array<Saved_Searches_Select_Column>>;
  distinct?: InputMaybe<Scalars['Boolean']['input']>;
  filter?: InputMaybe<Saved_Searches_Bool_Exp>;
  predicate: Int_Comparison_Exp;
};

/** order by aggregate values of table "saved_searches" */
export type Saved_Searches_Aggregate_Order_By = {
  avg?: InputMaybe<Saved_Searches_Avg_Order_By>;
  count?: InputMaybe<Order_By>;
  max?: InputMaybe<Saved_Searches_Max_Order_By>;
  min?: InputMaybe<Saved_Searches_Min_Order_By>;
  stddev?: InputMaybe<Saved_Searches_Stddev_Order_By>;
  stddev_pop?: InputMaybe<Saved_Searches_Stddev_Pop_Order_By>;
  stddev_samp?: InputMaybe<Saved_Searches_Stddev_Samp_Order_By>;
  sum?: InputMaybe<Saved_Searches_Sum_Order_By>;
  var_pop?: InputMaybe<Saved_Searches_Var_Pop_Order_By>;
  var_samp?: InputMaybe<Saved_Searches_Var_Samp_Order_By>;
  variance?: InputMaybe<Saved_Searches_Variance_Order_By>;
};

/** append input type for table "saved_searches" */
export type Saved_Searches_Append_Input = {
  query?: InputMaybe<Scalars['jsonb']['input']>;
};

/** input type for inserting array relation for remote table "saved_searches" */
export type Saved_Searches_Arr_Rel_Insert_Input = {
  data: Array<Saved_Searches_Insert_Input>;
  /** upsert condition */
  on_conflict?: InputMaybe<Saved_Searches_On_Conflict>;
};

/** order by avg() on columns of table "saved_searches" */
export type Saved_Searches_Avg_Order_By = {
  saved_search_id?: InputMaybe<Order_By>;
  user_id?: InputMaybe<Order_By>;
};

/** Boolean expression to filter rows from the table "saved_searches". All fields are combined with a logical 'AND'. */
export type Saved_Searches_Bool_Exp = {
  _and?: InputMaybe<Array<Saved_Searches_Bool_Exp>>;
  _not?: InputMaybe<Saved_Searches_Bool_Exp>;
  _or?: InputMaybe<Array<Saved_Searches_Bool_Exp>>;
  created_at?: InputMaybe<Timestamptz_Comparison_Exp>;
  name?: InputMaybe<String_Comparison_Exp>;
  query?: InputMaybe<Jsonb_Comparison_Exp>;
  saved_search_id?: InputMaybe<Int_Comparison_Exp>;
  user_id?: InputMaybe<Int_Comparison_Exp>;
};

/** unique or primary key constraints on table "saved_searches" */
export type Saved_Searches_Constraint =
  /** unique or primary key constraint on columns "saved_search_id" */
  | 'saved_searches_pkey'
  /** unique or primary key constraint on columns "user_id", "name" */
  | 'saved_searches_user_id_name_key';

/** delete at path input type for table "saved_searches" */
export type Saved_Searches_Delete_At_Path_Input = {
  query?: InputMaybe<Array<Scalars['String']['input']>>;
};

/** delete elem input type for table "saved_searches" */
export type Saved_Searches_Delete_Elem_Input = {
  query?: InputMaybe<Scalars['Int']['input']>;
};

/** delete key input type for table "saved_searches" */
export type Saved_Searches_Delete_Key_Input = {
  query?: InputMaybe<Scalars['String']['input']>;
};

/** input type for incrementing numeric columns in table "saved_searches" */
export type Saved_Searches_Inc_Input = {
  saved_search_id?: InputMaybe<Scalars['Int']['input']>;
  user_id?: InputMaybe<Scalars['Int']['input']>;
};

/** input type for inserting data into table "saved_searches" */
export type Saved_Searches_Insert_Input = {
  created_at?: InputMaybe<Scalars['timestamptz']['input']>;
  name?: InputMaybe<Scalars['String']['input']>;
  query?: InputMaybe<Scalars['jsonb']['input']>;
  saved_search_id?: InputMaybe<Scalars['Int']['input']>;
  user_id?: InputMaybe<Scalars['Int']['input']>;
};

/** order by max() on columns of table "saved_searches" */
export type Saved_Searches_Max_Order_By = {
  created_at?: InputMaybe<Order_By>;
  name?: InputMaybe<Order_By>;
  saved_search_id?: InputMaybe<Order_By>;
  user_id?: InputMaybe<Order_By>;
};

/** order by min() on columns of table "saved_searches" */
export type Saved_Searches_Min_Order_By = {
  created_at?: InputMaybe<Order_By>;
  name?: InputMaybe<Order_By>;
  saved_search_id?: InputMaybe<Order_By>;
  user_id?: InputMaybe<Order_By>;
};

/** on_conflict condition type for table "saved_searches" */
export type Saved_Searches_On_Conflict = {
  constraint: Saved_Searches_Constraint;
  update_columns?: Array<Saved_Searches_Update_Column>;
  where?: InputMaybe<Saved_Searches_Bool_Exp>;
};

/** Ordering options when selecting data from "saved_searches". */
export type Saved_Searches_Order_By = {
  created_at?: InputMaybe<Order_By>;
  name?: InputMaybe<Order_By>;
  query?: InputMaybe<Order_By>;
  saved_search_id?: InputMaybe<Order_By>;
  user_id?: InputMaybe<Order_By>;
};

/** primary key columns input for table: saved_searches */
export type Saved_Searches_Pk_Columns_Input = {
  saved_search_id: Scalars['Int']['input'];
};

/** prepend input type for table "saved_searches" */
export type Saved_Searches_Prepend_Input = {
  query?: InputMaybe<Scalars['jsonb']['input']>;
};

/** select columns of table "saved_searches" */
export type Saved_Searches_Select_Column =
  /** column name */
  | 'created_at'
  /** column name */
  | 'name'
  /** column name */
  | 'query'
  /** column name */
  | 'saved_search_id'
  /** column name */
  | 'user_id';

/** input type for updating data in table "saved_searches" */
export type Saved_Searches_Set_Input = {
  created_at?: InputMaybe<Scalars['timestamptz']['input']>;
  name?: InputMaybe<Scalars['String']['input']>;
  query?: InputMaybe<Scalars['jsonb']['input']>;
  saved_search_id?: InputMaybe<Scalars['Int']['input']>;
  user_id?: InputMaybe<Scalars['Int']['input']>;
};

/** order by stddev() on columns of table "saved_searches" */
export type Saved_Searches_Stddev_Order_By = {
  saved_search_id?: InputMaybe<Order_By>;
  user_id?: InputMaybe<Order_By>;
};

/** order by stddev_pop() on columns of table "saved_searches" */
export type Saved_Searches_Stddev_Pop_Order_By = {
  saved_search_id?: InputMaybe<Order_By>;
  user_id?: InputMaybe<Order_By>;
};

/** order by stddev_samp() on columns of table "saved_searches" */
export type Saved_Searches_Stddev_Samp_Order_By = {
  saved_search_id?: InputMaybe<Order_By>;
  user_id?: InputMaybe<Order_By>;
};

/** Streaming cursor of the table "saved_searches" */
export type Saved_Searches_Stream_Cursor_Input = {
  /** Stream column input with initial value */
  initial_value: Saved_Searches_Stream_Cursor_Value_Input;
  /** cursor ordering */
  ordering?: InputMaybe<Cursor_Ordering>;
};

/** Initial value of the column from where the streaming should start */
export type Saved_Searches_Stream_Cursor_Value_Input = {
  created_at?: InputMaybe<Scalars['timestamptz']['input']>;
  name?: InputMaybe<Scalars['String']['input']>;
  query?: InputMaybe<Scalars['jsonb']['input']>;
  saved_search_id?: InputMaybe<Scalars['Int']['input']>;
  user_id?: InputMaybe<Scalars['Int']['input']>;
};

/** order by sum() on columns of table "saved_searches" */
export type Saved_Searches_Sum_Order_By = {
  saved_search_id?: InputMaybe<Order_By>;
  user_id?: InputMaybe<Order_By>;
};

/** update columns of table "saved_searches" */
export type Saved_Searches_Update_Column =
  /** column name */
  | 'created_at'
  /** column name */
  | 'name'
  /** column name */
  | 'query'
  /** column name */
  | 'saved_search_id'
  /** column name */
  | 'user_id';

export type Saved_Searches_Updates = {
  /** append existing jsonb value of filtered columns with new jsonb value */
  _append?: InputMaybe<Saved_Searches_Append_Input>;
  /** delete the field or element with specified path (for JSON arrays, negative integers count from the end) */
  _delete_at_path?: InputMaybe<Saved_Searches_Delete_At_Path_Input>;
  /** delete the array element with specified index (negative integers count from the end). throws an error if top level container is not an array */
  _delete_elem?: InputMaybe<Saved_Searches_Delete_Elem_Input>;
  /** delete key/value pair or string element. key/value pairs are matched based on their key value */
  _delete_key?: InputMaybe<Saved_Searches_Delete_Key_Input>;
  /** increments the numeric columns with given value of the filtered values */
  _inc?: InputMaybe<Saved_Searches_Inc_Input>;
  /** prepend existing jsonb value of filtered columns with new jsonb value */
  _prepend?: InputMaybe<Saved_Searches_Prepend_Input>;
  /** sets the columns of the filtered rows to the given values */
  _set?: InputMaybe<Saved_Searches_Set_Input>;
  /** filter the rows which have to be updated */
  where: Saved_Searches_Bool_Exp;
};

/** order by var_pop() on columns of table "saved_searches" */
export type Saved_Searches_Var_Pop_Order_By = {
  saved_search_id?: InputMaybe<Order_By>;
  user_id?: InputMaybe<Order_By>;
};

/** order by var_samp() on columns of table "saved_searches" */
export type Saved_Searches_Var_Samp_Order_By = {
  saved_search_id?: InputMaybe<Order_By>;
  user_id?: InputMaybe<Order_By>;
};

/** order by variance() on columns of table "saved_searches" */
export type Saved_Searches_Variance_Order_By = {
  saved_search_id?: InputMaybe<Order_By>;
  user_id?: InputMaybe<Order_By>;
};

/** Boolean expression to filter rows from the table "seasons". All fields are combined with a logical 'AND'. */
export type Seasons_Bool_Exp = {
  _and?: InputMaybe<Array<Seasons_Bool_Exp>>;
  _not?: InputMaybe<Seasons_Bool_Exp>;
  _or?: InputMaybe<Array<Seasons_Bool_Exp>>;
  courses?: InputMaybe<Courses_Bool_Exp>;
  courses_aggregate?: InputMaybe<Courses_Aggregate_Bool_Exp>;
  last_updated?: InputMaybe<Timestamp_Comparison_Exp>;
  listings?: InputMaybe<Listings_Bool_Exp>;
  listings_aggregate?: InputMaybe<Listings_Aggregate_Bool_Exp>;
  season_code?: InputMaybe<String_Comparison_Exp>;
  term?: InputMaybe<String_Comparison_Exp>;
  time_added?: InputMaybe<Timestamp_Comparison_Exp>;
  year?: InputMaybe<Int_Comparison_Exp>;
};

/** unique or primary key constraints on table "seasons" */
export type Seasons_Constraint =
  /** unique or primary key constraint on columns "season_code" */
  | 'pk_seasons';

/** input type for incrementing numeric columns in table "seasons" */
export type Seasons_Inc_Input = {
  year?: InputMaybe<Scalars['Int']['input']>;
};

/** input type for inserting data into table "seasons" */
export type Seasons_Insert_Input = {
  courses?: InputMaybe<Courses_Arr_Rel_Insert_Input>;
  last_updated?: InputMaybe<Scalars['timestamp']['input']>;
  listings?: InputMaybe<Listings_Arr_Rel_Insert_Input>;
  season_code?: InputMaybe<Scalars['String']['input']>;
  term?: InputMaybe<Scalars['String']['input']>;
  time_added?: InputMaybe<Scalars['timestamp']['input']>;
  year?: InputMaybe<Scalars['Int']['input']>;
};

/** input type for inserting object relation for remote table "seasons" */
export type Seasons_Obj_Rel_Insert_Input = {
  data: Seasons_Insert_Input;
  /** upsert condition */
  on_conflict?: InputMaybe<Seasons_On_Conflict>;
};

/** on_conflict condition type for table "seasons" */
export type Seasons_On_Conflict = {
  constraint: Seasons_Constraint;
  update_columns?: Array<Seasons_Update_Column>;
  where?: InputMaybe<Seasons_Bool_Exp>;
};

/** Ordering options when selecting data from "seasons". */
export type Seasons_Order_By = {
  courses_aggregate?: InputMaybe<Courses_Aggregate_Order_By>;
  last_updated?: InputMaybe<Order_By>;
  listings_aggregate?: InputMaybe<Listings_Aggregate_Order_By>;
  season_code?: InputMaybe<Order_By>;
  term?: InputMaybe<Order_By>;
  time_added?: InputMaybe<Order_By>;
  year?: InputMaybe<Order_By>;
};

/** primary key columns input for table: seasons */
export type Seasons_Pk_Columns_Input = {
  season_code: Scalars['String']['input'];
};

/** select columns of table "seasons" */
export type Seasons_Select_Column =
  /** column name */
  | 'last_updated'
  /** column name */
  | 'season_code'
  /** column name */
  | 'term'
  /** column name */
  | 'time_added'
  /** column name */
  | 'year';

/** input type for updating data in table "seasons" */
export type Seasons_Set_Input = {
  last_updated?: InputMaybe<Scalars['timestamp']['input']>;
  season_code?: InputMaybe<Scalars['String']['input']>;
  term?: InputMaybe<Scalars['String']['input']>;
  time_added?: InputMaybe<Scalars['timestamp']['input']>;
  year?: InputMaybe<Scalars['Int']['input']>;
};

/** Streaming cursor of the table "seasons" */
export type Seasons_Stream_Cursor_Input = {
  /** Stream column input with initial value */
  initial_value: Seasons_Stream_Cursor_Value_Input;
  /** cursor ordering */
  ordering?: InputMaybe<Cursor_Ordering>;
};

/** Initial value of the column from where the streaming should start */
export type Seasons_Stream_Cursor_Value_Input = {
  last_updated?: InputMaybe<Scalars['timestamp']['input']>;
  season_code?: InputMaybe<Scalars['String']['input']>;
  term?: InputMaybe<Scalars['String']['input']>;
  time_added?: InputMaybe<Scalars['timestamp']['input']>;
  year?: InputMaybe<Scalars['Int']['input']>;
};

/** update columns of table "seasons" */
export type Seasons_Update_Column =
  /** column name */
  | 'last_updated'
  /** column name */
  | 'season_code'
  /** column name */
  | 'term'
  /** column name */
  | 'time_added'
  /** column name */
  | 'year';

export type Seasons_Updates = {
  /** increments the numeric columns with given value of the filtered values */
  _inc?: InputMaybe<Seasons_Inc_Input>;
  /** sets the columns of the filtered rows to the given values */
  _set?: InputMaybe<Seasons_Set_Input>;
  /** filter the rows which have to be updated */
  where: Seasons_Bool_Exp;
};

/** Boolean expression to compare columns of type "timestamp". All fields are combined with logical 'AND'. */
export type Timestamp_Comparison_Exp = {
  _eq?: InputMaybe<Scalars['timestamp']['input']>;
  _gt?: InputMaybe<Scalars['timestamp']['input']>;
  _gte?: InputMaybe<Scalars['timestamp']['input']>;
  _in?: InputMaybe<Array<Scalars['timestamp']['input']>>;
  _is_null?: InputMaybe<Scalars['Boolean']['input']>;
  _lt?: InputMaybe<Scalars['timestamp']['input']>;
  _lte?: InputMaybe<Scalars['timestamp']['input']>;
  _neq?: InputMaybe<Scalars['timestamp']['input']>;
  _nin?: InputMaybe<Array<Scalars['timestamp']['input']>>;
};

/** Boolean expression to compare columns of type "timestamptz". All fields are combined with logical 'AND'. */
export type Timestamptz_Comparison_Exp = {
  _eq?: InputMaybe<Scalars['timestamptz']['input']>;
  _gt?: InputMaybe<Scalars['timestamptz']['input']>;
  _gte?: InputMaybe<Scalars['timestamptz']['input']>;
  _in?: InputMaybe<Array<Scalars['timestamptz']['input']>>;
  _is_null?: InputMaybe<Scalars['Boolean']['input']>;
  _lt?: InputMaybe<Scalars['timestamptz']['input']>;
  _lte?: InputMaybe<Scalars['timestamptz']['input']>;
  _neq?: InputMaybe<Scalars['timestamptz']['input']>;
  _nin?: InputMaybe<Array<Scalars['timestamptz']['input']>>;
};

/** Boolean expression to filter rows from the table "users". All fields are combined with a logical 'AND'. */
export type Users_Bool_Exp = {
  _and?: InputMaybe<Array<Users_Bool_Exp>>;
  _not?: InputMaybe<Users_Bool_Exp>;
  _or?: InputMaybe<Array<Users_Bool_Exp>>;
  created_at?: InputMaybe<Timestamptz_Comparison_Exp>;
  display_name?: InputMaybe<String_Comparison_Exp>;
  email?: InputMaybe<Citext_Comparison_Exp>;
  email_verified_at?: InputMaybe<Timestamptz_Comparison_Exp>;
  evals_granted_by?: InputMaybe<String_Comparison_Exp>;
  friendships?: InputMaybe<Friendships_Bool_Exp>;
  friendships_aggregate?: InputMaybe<Friendships_Aggregate_Bool_Exp>;
  has_evals?: InputMaybe<Boolean_Comparison_Exp>;
  last_login_at?: InputMaybe<Timestamptz_Comparison_Exp>;
  profile_fields?: InputMaybe<Profile_Fields_Bool_Exp>;
  profile_fields_aggregate?: InputMaybe<Profile_Fields_Aggregate_Bool_Exp>;
  saved_searches?: InputMaybe<Saved_Searches_Bool_Exp>;
  saved_searches_aggregate?: InputMaybe<Saved_Searches_Aggregate_Bool_Exp>;
  user_id?: InputMaybe<Int_Comparison_Exp>;
  wishlist_items?: InputMaybe<Wishlist_Items_Bool_Exp>;
  wishlist_items_aggregate?: InputMaybe<Wishlist_Items_Aggregate_Bool_Exp>;
  worksheets?: InputMaybe<Worksheets_Bool_Exp>;
  worksheets_aggregate?: InputMaybe<Worksheets_Aggregate_Bool_Exp>;
};

/** unique or primary key constraints on table "users" */
export type Users_Constraint =
  /** unique or primary key constraint on columns "email" */
  | 'users_email_key'
  /** unique or primary key constraint on columns "user_id" */
  | 'users_pkey';

/** input type for incrementing numeric columns in table "users" */
export type Users_Inc_Input = {
  user_id?: InputMaybe<Scalars['Int']['input']>;
};

/** input type for inserting data into table "users" */
export type Users_Insert_Input = {
  created_at?: InputMaybe<Scalars['timestamptz']['input']>;
  display_name?: InputMaybe<Scalars['String']['input']>;
  email?: InputMaybe<Scalars['citext']['input']>;
  email_verified_at?: InputMaybe<Scalars['timestamptz']['input']>;
  evals_granted_by?: InputMaybe<Scalars['String']['input']>;
  friendships?: InputMaybe<Friendships_Arr_Rel_Insert_Input>;
  has_evals?: InputMaybe<Scalars['Boolean']['input']>;
  last_login_at?: InputMaybe<Scalars['timestamptz']['input']>;
  profile_fields?: InputMaybe<Profile_Fields_Arr_Rel_Insert_Input>;
  saved_searches?: InputMaybe<Saved_Searches_Arr_Rel_Insert_Input>;
  user_id?: InputMaybe<Scalars['Int']['input']>;
  wishlist_items?: InputMaybe<Wishlist_Items_Arr_Rel_Insert_Input>;
  worksheets?: InputMaybe<Worksheets_Arr_Rel_Insert_Input>;
};

/** on_conflict condition type for table "users" */
export type Users_On_Conflict = {
  constraint: Users_Constraint;
  update_columns?: Array<Users_Update_Column>;
  where?: InputMaybe<Users_Bool_Exp>;
};

/** Ordering options when selecting data from "users". */
export type Users_Order_By = {
  created_at?: InputMaybe<Order_By>;
  display_name?: InputMaybe<Order_By>;
  email?: InputMaybe<Order_By>;
  email_verified_at?: InputMaybe<Order_By>;
  evals_granted_by?: InputMaybe<Order_By>;
  friendships_aggregate?: InputMaybe<Friendships_Aggregate_Order_By>;
  has_evals?: InputMaybe<Order_By>;
  last_login_at?: InputMaybe<Order_By>;
  profile_fields_aggregate?: InputMaybe<Profile_Fields_Aggregate_Order_By>;
  saved_searches_aggregate?: InputMaybe<Saved_Searches_Aggregate_Order_By>;
  user_id?: InputMaybe<Order_By>;
  wishlist_items_aggregate?: InputMaybe<Wishlist_Items_Aggregate_Order_By>;
  worksheets_aggregate?: InputMaybe<Worksheets_Aggregate_Order_By>;
};

/** primary key columns input for table: users */
export type Users_Pk_Columns_Input = {
  user_id: Scalars['Int']['input'];
};

/** select columns of table "users" */
export type Users_Select_Column =
  /** column name */
  | 'created_at'
  /** column name */
  | 'display_name'
  /** column name */
  | 'email'
  /** column name */
  | 'email_verified_at'
  /** column name */
  | 'evals_granted_by'
  /** column name */
  | 'has_evals'
  /** column name */
  | 'last_login_at'
  /** column name */
  | 'user_id';

/** input type for updating data in table "users" */
export type Users_Set_Input = {
  created_at?: InputMaybe<Scalars['timestamptz']['input']>;
  display_name?: InputMaybe<Scalars['String']['input']>;
  email?: InputMaybe<Scalars['citext']['input']>;
  email_verified_at?: InputMaybe<Scalars['timestamptz']['input']>;
  evals_granted_by?: InputMaybe<Scalars['String']['input']>;
  has_evals?: InputMaybe<Scalars['Boolean']['input']>;
  last_login_at?: InputMaybe<Scalars['timestamptz']['input']>;
  user_id?: InputMaybe<Scalars['Int']['input']>;
};

/** Streaming cursor of the table "users" */
export type Users_Stream_Cursor_Input = {
  /** Stream column input with initial value */
  initial_value: Users_Stream_Cursor_Value_Input;
  /** cursor ordering */
  ordering?: InputMaybe<Cursor_Ordering>;
};

/** Initial value of the column from where the streaming should start */
export type Users_Stream_Cursor_Value_Input = {
  created_at?: InputMaybe<Scalars['timestamptz']['input']>;
  display_name?: InputMaybe<Scalars['String']['input']>;
  email?: InputMaybe<Scalars['citext']['input']>;
  email_verified_at?: InputMaybe<Scalars['timestamptz']['input']>;
  evals_granted_by?: InputMaybe<Scalars['String']['input']>;
  has_evals?: InputMaybe<Scalars['Boolean']['input']>;
  last_login_at?: InputMaybe<Scalars['timestamptz']['input']>;
  user_id?: InputMaybe<Scalars['Int']['input']>;
};

/** update columns of table "users" */
export type Users_Update_Column =
  /** column name */
  | 'created_at'
  /** column name */
  | 'display_name'
  /** column name */
  | 'email'
  /** column name */
  | 'email_verified_at'
  /** column name */
  | 'evals_granted_by'
  /** column name */
  | 'has_evals'
  /** column name */
  | 'last_login_at'
  /** column name */
  | 'user_id';

export type Users_Updates = {
  /** increments the numeric columns with given value of the filtered values */
  _inc?: InputMaybe<Users_Inc_Input>;
  /** sets the columns of the filtered rows to the given values */
  _set?: InputMaybe<Users_Set_Input>;
  /** filter the rows which have to be updated */
  where: Users_Bool_Exp;
};

export type Wishlist_Items_Aggregate_Bool_Exp = {
  count?: InputMaybe<Wishlist_Items_Aggregate_Bool_Exp_Count>;
};

export type Wishlist_Items_Aggregate_Bool_Exp_Count = {
  arguments?: InputMaybe<Array<Wishlist_Items_Select_Column>>;
  distinct?: InputMaybe<Scalars['Boolean']['input']>;
  filter?: InputMaybe<Wishlist_Items_Bool_Exp>;
  predicate: Int_Comparison_Exp;
};

/** order by aggregate values of table "wishlist_items" */
export type Wishlist_Items_Aggregate_Order_By = {
  avg?: InputMaybe<Wishlist_Items_Avg_Order_By>;
  count?: InputMaybe<Order_By>;
  max?: InputMaybe<Wishlist_Items_Max_Order_By>;
  min?: InputMaybe<Wishlist_Items_Min_Order_By>;
  stddev?: InputMaybe<Wishlist_Items_Stddev_Order_By>;
  stddev_pop?: InputMaybe<Wishlist_Items_Stddev_Pop_Order_By>;
  stddev_samp?: InputMaybe<Wishlist_Items_Stddev_Samp_Order_By>;
  sum?: InputMaybe<Wishlist_Items_Sum_Order_By>;
  var_pop?: InputMaybe<Wishlist_Items_Var_Pop_Order_By>;
  var_samp?: InputMaybe<Wishlist_Items_Var_Samp_Order_By>;
  variance?: InputMaybe<Wishlist_Items_Variance_Order_By>;
};

/** input type for inserting array relation for remote table "wishlist_items" */
export type Wishlist_Items_Arr_Rel_Insert_Input = {
  data: Array<Wishlist_Items_Insert_Input>;
  /** upsert condition */
  on_conflict?: InputMaybe<Wishlist_Items_On_Conflict>;
};

/** order by avg() on columns of table "wishlist_items" */
export type Wishlist_Items_Avg_Order_By = {
  crn?: InputMaybe<Order_By>;
  user_id?: InputMaybe<Order_By>;
};

/** Boolean expression to filter rows from the table "wishlist_items". All fields are combined with a logical 'AND'. */
export type Wishlist_Items_Bool_Exp = {
  _and?: InputMaybe<Array<Wishlist_Items_Bool_Exp>>;
  _not?: InputMaybe<Wishlist_Items_Bool_Exp>;
  _or?: InputMaybe<Array<Wishlist_Items_Bool_Exp>>;
  added_at?: InputMaybe<Timestamptz_Comparison_Exp>;
  crn?: InputMaybe<Int_Comparison_Exp>;
  season?: InputMaybe<Seasons_Bool_Exp>;
  season_code?: InputMaybe<String_Comparison_Exp>;
  user_id?: InputMaybe<Int_Comparison_Exp>;
};

/** unique or primary key constraints on table "wishlist_items" */
export type Wishlist_Items_Constraint =
  /** unique or primary key constraint on columns "user_id", "season_code", "crn" */
  | 'wishlist_items_pkey';

/** input type for incrementing numeric columns in table "wishlist_items" */
export type Wishlist_Items_Inc_Input = {
  crn?: InputMaybe<Scalars['Int']['input']>;
  user_id?: InputMaybe<Scalars['Int']['input']>;
};

/** input type for inserting data into table "wishlist_items" */
export type Wishlist_Items_Insert_Input = {
  added_at?: InputMaybe<Scalars['timestamptz']['input']>;
  crn?: InputMaybe<Scalars['Int']['input']>;
  season?: InputMaybe<Seasons_Obj_Rel_Insert_Input>;
  season_code?: InputMaybe<Scalars['String']['input']>;
  user_id?: InputMaybe<Scalars['Int']['input']>;
};

/** order by max() on columns of table "wishlist_items" */
export type Wishlist_Items_Max_Order_By = {
  added_at?: InputMaybe<Order_By>;
  crn?: InputMaybe<Order_By>;
  season_code?: InputMaybe<Order_By>;
  user_id?: InputMaybe<Order_By>;
};

/** order by min() on columns of table "wishlist_items" */
export type Wishlist_Items_Min_Order_By = {
  added_at?: InputMaybe<Order_By>;
  crn?: InputMaybe<Order_By>;
  season_code?: InputMaybe<Order_By>;
  user_id?: InputMaybe<Order_By>;
};

/** on_conflict condition type for table "wishlist_items" */
export type Wishlist_Items_On_Conflict = {
  constraint: Wishlist_Items_Constraint;
  update_columns?: Array<Wishlist_Items_Update_Column>;
  where?: InputMaybe<Wishlist_Items_Bool_Exp>;
};

/** Ordering options when selecting data from "wishlist_items". */
export type Wishlist_Items_Order_By = {
  added_at?: InputMaybe<Order_By>;
  crn?: InputMaybe<Order_By>;
  season?: InputMaybe<Seasons_Order_By>;
  season_code?: InputMaybe<Order_By>;
  user_id?: InputMaybe<Order_By>;
};

/** primary key columns input for table: wishlist_items */
export type Wishlist_Items_Pk_Columns_Input = {
  crn: Scalars['Int']['input'];
  season_code: Scalars['String']['input'];
  user_id: Scalars['Int']['input'];
};

/** select columns of table "wishlist_items" */
export type Wishlist_Items_Select_Column =
  /** column name */
  | 'added_at'
  /** column name */
  | 'crn'
  /** column name */
  | 'season_code'
  /** column name */
  | 'user_id';

/** input type for updating data in table "wishlist_items" */
export type Wishlist_Items_Set_Input = {
  added_at?: InputMaybe<Scalars['timestamptz']['input']>;
  crn?: InputMaybe<Scalars['Int']['input']>;
  season_code?: InputMaybe<Scalars['String']['input']>;
  user_id?: InputMaybe<Scalars['Int']['input']>;
};

/** order by stddev() on columns of table "wishlist_items" */
export type Wishlist_Items_Stddev_Order_By = {
  crn?: InputMaybe<Order_By>;
  user_id?: InputMaybe<Order_By>;
};

/** order by stddev_pop() on columns of table "wishlist_items" */
export type Wishlist_Items_Stddev_Pop_Order_By = {
  crn?: InputMaybe<Order_By>;
  user_id?: InputMaybe<Order_By>;
};

/** order by stddev_samp() on columns of table "wishlist_items" */
export type Wishlist_Items_Stddev_Samp_Order_By = {
  crn?: InputMaybe<Order_By>;
  user_id?: InputMaybe<Order_By>;
};

/** Streaming cursor of the table "wishlist_items" */
export type Wishlist_Items_Stream_Cursor_Input = {
  /** Stream column input with initial value */
  initial_value: Wishlist_Items_Stream_Cursor_Value_Input;
  /** cursor ordering */
  ordering?: InputMaybe<Cursor_Ordering>;
};

/** Initial value of the column from where the streaming should start */
export type Wishlist_Items_Stream_Cursor_Value_Input = {
  added_at?: InputMaybe<Scalars['timestamptz']['input']>;
  crn?: InputMaybe<Scalars['Int']['input']>;
  season_code?: InputMaybe<Scalars['String']['input']>;
  user_id?: InputMaybe<Scalars['Int']['input']>;
};

/** order by sum() on columns of table "wishlist_items" */
export type Wishlist_Items_Sum_Order_By = {
  crn?: InputMaybe<Order_By>;
  user_id?: InputMaybe<Order_By>;
};

/** update columns of table "wishlist_items" */
export type Wishlist_Items_Update_Column =
  /** column name */
  | 'added_at'
  /** column name */
  | 'crn'
  /** column name */
  | 'season_code'
  /** column name */
  | 'user_id';

export type Wishlist_Items_Updates = {
  /** increments the numeric columns with given value of the filtered values */
  _inc?: InputMaybe<Wishlist_Items_Inc_Input>;
  /** sets the columns of the filtered rows to the given values */
  _set?: InputMaybe<Wishlist_Items_Set_Input>;
  /** filter the rows which have to be updated */
  where: Wishlist_Items_Bool_Exp;
};

/** order by var_pop() on columns of table "wishlist_items" */
export type Wishlist_Items_Var_Pop_Order_By = {
  crn?: InputMaybe<Order_By>;
  user_id?: InputMaybe<Order_By>;
};

/** order by var_samp() on columns of table "wishlist_items" */
export type Wishlist_Items_Var_Samp_Order_By = {
  crn?: InputMaybe<Order_By>;
  user_id?: InputMaybe<Order_By>;
};

/** order by variance() on columns of table "wishlist_items" */
export type Wishlist_Items_Variance_Order_By = {
  crn?: InputMaybe<Order_By>;
  user_id?: InputMaybe<Order_By>;
};

export type Worksheet_Courses_Aggregate_Bool_Exp = {
  count?: InputMaybe<Worksheet_Courses_Aggregate_Bool_Exp_Count>;
};

export type Worksheet_Courses_Aggregate_Bool_Exp_Count = {
  arguments?: InputMaybe<Array<Worksheet_Courses_Select_Column>>;
  distinct?: InputMaybe<Scalars['Boolean']['input']>;
  filter?: InputMaybe<Worksheet_Courses_Bool_Exp>;
  predicate: Int_Comparison_Exp;
};

/** order by aggregate values of table "worksheet_courses" */
export type Worksheet_Courses_Aggregate_Order_By = {
  avg?: InputMaybe<Worksheet_Courses_Avg_Order_By>;
  count?: InputMaybe<Order_By>;
  max?: InputMaybe<Worksheet_Courses_Max_Order_By>;
  min?: InputMaybe<Worksheet_Courses_Min_Order_By>;
  stddev?: InputMaybe<Worksheet_Courses_Stddev_Order_By>;
  stddev_pop?: InputMaybe<Worksheet_Courses_Stddev_Pop_Order_By>;
  stddev_samp?: InputMaybe<Worksheet_Courses_Stddev_Samp_Order_By>;
  sum?: InputMaybe<Worksheet_Courses_Sum_Order_By>;
  var_pop?: InputMaybe<Worksheet_Courses_Var_Pop_Order_By>;
  var_samp?: InputMaybe<Worksheet_Courses_Var_Samp_Order_By>;
  variance?: InputMaybe<Worksheet_Courses_Variance_Order_By>;
};

/** input type for inserting array relation for remote table "worksheet_courses" */
export type Worksheet_Courses_Arr_Rel_Insert_Input = {
  data: Array<Worksheet_Courses_Insert_Input>;
  /** upsert condition */
  on_conflict?: InputMaybe<Worksheet_Courses_On_Conflict>;
};

/** order by avg() on columns of table "worksheet_courses" */
export type Worksheet_Courses_Avg_Order_By = {
  crn?: InputMaybe<Order_By>;
  worksheet_id?: InputMaybe<Order_By>;
};

/** Boolean expression to filter rows from the table "worksheet_courses". All fields are combined with a logical 'AND'. */
export type Worksheet_Courses_Bool_Exp = {
  _and?: InputMaybe<Array<Worksheet_Courses_Bool_Exp>>;
  _not?: InputMaybe<Worksheet_Courses_Bool_Exp>;
  _or?: InputMaybe<Array<Worksheet_Courses_Bool_Exp>>;
  added_at?: InputMaybe<Timestamptz_Comparison_Exp>;
  color?: InputMaybe<String_Comparison_Exp>;
  crn?: InputMaybe<Int_Comparison_Exp>;
  hidden?: InputMaybe<Boolean_Comparison_Exp>;
  worksheet?: InputMaybe<Worksheets_Bool_Exp>;
  worksheet_id?: InputMaybe<Int_Comparison_Exp>;
};

/** unique or primary key constraints on table "worksheet_courses" */
export type Worksheet_Courses_Constraint =
  /** unique or primary key constraint on columns "worksheet_id", "crn" */
  | 'worksheet_courses_pkey';

/** input type for incrementing numeric columns in table "worksheet_courses" */
export type Worksheet_Courses_Inc_Input = {
  crn?: InputMaybe<Scalars['Int']['input']>;
  worksheet_id?: InputMaybe<Scalars['Int']['input']>;
};

/** input type for inserting data into table "worksheet_courses" */
export type Worksheet_Courses_Insert_Input = {
  added_at?: InputMaybe<Scalars['timestamptz']['input']>;
  color?: InputMaybe<Scalars['String']['input']>;
  crn?: InputMaybe<Scalars['Int']['input']>;
  hidden?: InputMaybe<Scalars['Boolean']['input']>;
  worksheet?: InputMaybe<Worksheets_Obj_Rel_Insert_Input>;
  worksheet_id?: InputMaybe<Scalars['Int']['input']>;
};

/** order by max() on columns of table "worksheet_courses" */
export type Worksheet_Courses_Max_Order_By = {
  added_at?: InputMaybe<Order_By>;
  color?: InputMaybe<Order_By>;
  crn?: InputMaybe<Order_By>;
  worksheet_id?: InputMaybe<Order_By>;
};

/** order by min() on columns of table "worksheet_courses" */
export type Worksheet_Courses_Min_Order_By = {
  added_at?: InputMaybe<Order_By>;
  color?: InputMaybe<Order_By>;
  crn?: InputMaybe<Order_By>;
  worksheet_id?: InputMaybe<Order_By>;
};

/** on_conflict condition type for table "worksheet_courses" */
export type Worksheet_Courses_On_Conflict = {
  constraint: Worksheet_Courses_Constraint;
  update_columns?: Array<Worksheet_Courses_Update_Column>;
  where?: InputMaybe<Worksheet_Courses_Bool_Exp>;
};

/** Ordering options when selecting data from "worksheet_courses". */
export type Worksheet_Courses_Order_By = {
  added_at?: InputMaybe<Order_By>;
  color?: InputMaybe<Order_By>;
  crn?: InputMaybe<Order_By>;
  hidden?: InputMaybe<Order_By>;
  worksheet?: InputMaybe<Worksheets_Order_By>;
  worksheet_id?: InputMaybe<Order_By>;
};

/** primary key columns input for table: worksheet_courses */
export type Worksheet_Courses_Pk_Columns_Input = {
  crn: Scalars['Int']['input'];
  worksheet_id: Scalars['Int']['input'];
};

/** select columns of table "worksheet_courses" */
export type Worksheet_Courses_Select_Column =
  /** column name */
  | 'added_at'
  /** column name */
  | 'color'
  /** column name */
  | 'crn'
  /** column name */
  | 'hidden'
  /** column name */
  | 'worksheet_id';

/** input type for updating data in table "worksheet_courses" */
export type Worksheet_Courses_Set_Input = {
  added_at?: InputMaybe<Scalars['timestamptz']['input']>;
  color?: InputMaybe<Scalars['String']['input']>;
  crn?: InputMaybe<Scalars['Int']['input']>;
  hidden?: InputMaybe<Scalars['Boolean']['input']>;
  worksheet_id?: InputMaybe<Scalars['Int']['input']>;
};

/** order by stddev() on columns of table "worksheet_courses" */
export type Worksheet_Courses_Stddev_Order_By = {
  crn?: InputMaybe<Order_By>;
  worksheet_id?: InputMaybe<Order_By>;
};

/** order by stddev_pop() on columns of table "worksheet_courses" */
export type Worksheet_Courses_Stddev_Pop_Order_By = {
  crn?: InputMaybe<Order_By>;
  worksheet_id?: InputMaybe<Order_By>;
};

/** order by stddev_samp() on columns of table "worksheet_courses" */
export type Worksheet_Courses_Stddev_Samp_Order_By = {
  crn?: InputMaybe<Order_By>;
  worksheet_id?: InputMaybe<Order_By>;
};

/** Streaming cursor of the table "worksheet_courses" */
export type Worksheet_Courses_Stream_Cursor_Input = {
  /** Stream column input with initial value */
  initial_value: Worksheet_Courses_Stream_Cursor_Value_Input;
  /** cursor ordering */
  ordering?: InputMaybe<Cursor_Ordering>;
};

/** Initial value of the column from where the streaming should start */
export type Worksheet_Courses_Stream_Cursor_Value_Input = {
  added_at?: InputMaybe<Scalars['timestamptz']['input']>;
  color?: InputMaybe<Scalars['String']['input']>;
  crn?: InputMaybe<Scalars['Int']['input']>;
  hidden?: InputMaybe<Scalars['Boolean']['input']>;
  worksheet_id?: InputMaybe<Scalars['Int']['input']>;
};

/** order by sum() on columns of table "worksheet_courses" */
export type Worksheet_Courses_Sum_Order_By = {
  crn?: InputMaybe<Order_By>;
  worksheet_id?: InputMaybe<Order_By>;
};

/** update columns of table "worksheet_courses" */
export type Worksheet_Courses_Update_Column =
  /** column name */
  | 'added_at'
  /** column name */
  | 'color'
  /** column name */
  | 'crn'
  /** column name */
  | 'hidden'
  /** column name */
  | 'worksheet_id';

export type Worksheet_Courses_Updates = {
  /** increments the numeric columns with given value of the filtered values */
  _inc?: InputMaybe<Worksheet_Courses_Inc_Input>;
  /** sets the columns of the filtered rows to the given values */
  _set?: InputMaybe<Worksheet_Courses_Set_Input>;
  /** filter the rows which have to be updated */
  where: Worksheet_Courses_Bool_Exp;
};

/** order by var_pop() on columns of table "worksheet_courses" */
export type Worksheet_Courses_Var_Pop_Order_By = {
  crn?: InputMaybe<Order_By>;
  worksheet_id?: InputMaybe<Order_By>;
};

/** order by var_samp() on columns of table "worksheet_courses" */
export type Worksheet_Courses_Var_Samp_Order_By = {
  crn?: InputMaybe<Order_By>;
  worksheet_id?: InputMaybe<Order_By>;
};

/** order by variance() on columns of table "worksheet_courses" */
export type Worksheet_Courses_Variance_Order_By = {
  crn?: InputMaybe<Order_By>;
  worksheet_id?: InputMaybe<Order_By>;
};

export type Worksheets_Aggregate_Bool_Exp = {
  count?: InputMaybe<Worksheets_Aggregate_Bool_Exp_Count>;
};

export type Worksheets_Aggregate_Bool_Exp_Count = {
  arguments?: InputMaybe<Array<Worksheets_Select_Column>>;
  distinct?: InputMaybe<Scalars['Boolean']['input']>;
  filter?: InputMaybe<Worksheets_Bool_Exp>;
  predicate: Int_Comparison_Exp;
};

/** order by aggregate values of table "worksheets" */
export type Worksheets_Aggregate_Order_By = {
  avg?: InputMaybe<Worksheets_Avg_Order_By>;
  count?: InputMaybe<Order_By>;
  max?: InputMaybe<Worksheets_Max_Order_By>;
  min?: InputMaybe<Worksheets_Min_Order_By>;
  stddev?: InputMaybe<Worksheets_Stddev_Order_By>;
  stddev_pop?: InputMaybe<Worksheets_Stddev_Pop_Order_By>;
  stddev_samp?: InputMaybe<Worksheets_Stddev_Samp_Order_By>;
  sum?: InputMaybe<Worksheets_Sum_Order_By>;
  var_pop?: InputMaybe<Worksheets_Var_Pop_Order_By>;
  var_samp?: InputMaybe<Worksheets_Var_Samp_Order_By>;
  variance?: InputMaybe<Worksheets_Variance_Order_By>;
};

/** input type for inserting array relation for remote table "worksheets" */
export type Worksheets_Arr_Rel_Insert_Input = {
  data: Array<Worksheets_Insert_Input>;
  /** upsert condition */
  on_conflict?: InputMaybe<Worksheets_On_Conflict>;
};

/** order by avg() on columns of table "worksheets" */
export type Worksheets_Avg_Order_By = {
  user_id?: InputMaybe<Order_By>;
  worksheet_id?: InputMaybe<Order_By>;
  worksheet_number?: InputMaybe<Order_By>;
};

/** Boolean expression to filter rows from the table "worksheets". All fields are combined with a logical 'AND'. */
export type Worksheets_Bool_Exp = {
  _and?: InputMaybe<Array<Worksheets_Bool_Exp>>;
  _not?: InputMaybe<Worksheets_Bool_Exp>;
  _or?: InputMaybe<Array<Worksheets_Bool_Exp>>;
  created_at?: InputMaybe<Timestamptz_Comparison_Exp>;
  name?: InputMaybe<String_Comparison_Exp>;
  owner_friendships?: InputMaybe<Friendships_Bool_Exp>;
  owner_friendships_aggregate?: InputMaybe<Friendships_Aggregate_Bool_Exp>;
  private?: InputMaybe<Boolean_Comparison_Exp>;
  season?: InputMaybe<Seasons_Bool_Exp>;
  season_code?: InputMaybe<String_Comparison_Exp>;
  updated_at?: InputMaybe<Timestamptz_Comparison_Exp>;
  user_id?: InputMaybe<Int_Comparison_Exp>;
  worksheet_courses?: InputMaybe<Worksheet_Courses_Bool_Exp>;
  worksheet_courses_aggregate?: InputMaybe<Worksheet_Courses_Aggregate_Bool_Exp>;
  worksheet_id?: InputMaybe<Int_Comparison_Exp>;
  worksheet_number?: InputMaybe<Int_Comparison_Exp>;
};

/** unique or primary key constraints on table "worksheets" */
export type Worksheets_Constraint =
  /** unique or primary key constraint on columns "worksheet_id" */
  | 'worksheets_pkey'
  /** unique or primary key constraint on columns "user_id", "season_code", "worksheet_number" */
  | 'worksheets_user_id_season_code_worksheet_number_key'
  /** unique or primary key constraint on columns "worksheet_id", "season_code" */
  | 'worksheets_worksheet_id_season_code_key';

/** input type for incrementing numeric columns in table "worksheets" */
export type Worksheets_Inc_Input = {
  user_id?: InputMaybe<Scalars['Int']['input']>;
  worksheet_id?: InputMaybe<Scalars['Int']['input']>;
  worksheet_number?: InputMaybe<Scalars['Int']['input']>;
};

/** input type for inserting data into table "worksheets" */
export type Worksheets_Insert_Input = {
  created_at?: InputMaybe<Scalars['timestamptz']['input']>;
  name?: InputMaybe<Scalars['String']['input']>;
  owner_friendships?: InputMaybe<Friendships_Arr_Rel_Insert_Input>;
  private?: InputMaybe<Scalars['Boolean']['input']>;
  season?: InputMaybe<Seasons_Obj_Rel_Insert_Input>;
  season_code?: InputMaybe<Scalars['String']['input']>;
  updated_at?: InputMaybe<Scalars['timestamptz']['input']>;
  user_id?: InputMaybe<Scalars['Int']['input']>;
  worksheet_courses?: InputMaybe<Worksheet_Courses_Arr_Rel_Insert_Input>;
  worksheet_id?: InputMaybe<Scalars['Int']['input']>;
  worksheet_number?: InputMaybe<Scalars['Int']['input']>;
};

/** order by max() on columns of table "worksheets" */
export type Worksheets_Max_Order_By = {
  created_at?: InputMaybe<Order_By>;
  name?: InputMaybe<Order_By>;
  season_code?: InputMaybe<Order_By>;
  updated_at?: InputMaybe<Order_By>;
  user_id?: InputMaybe<Order_By>;
  worksheet_id?: InputMaybe<Order_By>;
  worksheet_number?: InputMaybe<Order_By>;
};

/** order by min() on columns of table "worksheets" */
export type Worksheets_Min_Order_By = {
  created_at?: InputMaybe<Order_By>;
  name?: InputMaybe<Order_By>;
  season_code?: InputMaybe<Order_By>;
  updated_at?: InputMaybe<Order_By>;
  user_id?: InputMaybe<Order_By>;
  worksheet_id?: InputMaybe<Order_By>;
  worksheet_number?: InputMaybe<Order_By>;
};

/** input type for inserting object relation for remote table "worksheets" */
export type Worksheets_Obj_Rel_Insert_Input = {
  data: Worksheets_Insert_Input;
  /** upsert condition */
  on_conflict?: InputMaybe<Worksheets_On_Conflict>;
};

/** on_conflict condition type for table "worksheets" */
export type Worksheets_On_Conflict = {
  constraint: Worksheets_Constraint;
  update_columns?: Array<Worksheets_Update_Column>;
  where?: InputMaybe<Worksheets_Bool_Exp>;
};

/** Ordering options when selecting data from "worksheets". */
export type Worksheets_Order_By = {
  created_at?: InputMaybe<Order_By>;
  name?: InputMaybe<Order_By>;
  owner_friendships_aggregate?: InputMaybe<Friendships_Aggregate_Order_By>;
  private?: InputMaybe<Order_By>;
  season?: InputMaybe<Seasons_Order_By>;
  season_code?: InputMaybe<Order_By>;
  updated_at?: InputMaybe<Order_By>;
  user_id?: InputMaybe<Order_By>;
  worksheet_courses_aggregate?: InputMaybe<Worksheet_Courses_Aggregate_Order_By>;
  worksheet_id?: InputMaybe<Order_By>;
  worksheet_number?: InputMaybe<Order_By>;
};

/** primary key columns input for table: worksheets */
export type Worksheets_Pk_Columns_Input = {
  worksheet_id: Scalars['Int']['input'];
};

/** select columns of table "worksheets" */
export type Worksheets_Select_Column =
  /** column name */
  | 'created_at'
  /** column name */
  | 'name'
  /** column name */
  | 'private'
  /** column name */
  | 'season_code'
  /** column name */
  | 'updated_at'
  /** column name */
  | 'user_id'
  /** column name */
  | 'worksheet_id'
  /** column name */
  | 'worksheet_number';

/** input type for updating data in table "worksheets" */
export type Worksheets_Set_Input = {
  created_at?: InputMaybe<Scalars['timestamptz']['input']>;
  name?: InputMaybe<Scalars['String']['input']>;
  private?: InputMaybe<Scalars['Boolean']['input']>;
  season_code?: InputMaybe<Scalars['String']['input']>;
  updated_at?: InputMaybe<Scalars['timestamptz']['input']>;
  user_id?: InputMaybe<Scalars['Int']['input']>;
  worksheet_id?: InputMaybe<Scalars['Int']['input']>;
  worksheet_number?: InputMaybe<Scalars['Int']['input']>;
};

/** order by stddev() on columns of table "worksheets" */
export type Worksheets_Stddev_Order_By = {
  user_id?: InputMaybe<Order_By>;
  worksheet_id?: InputMaybe<Order_By>;
  worksheet_number?: InputMaybe<Order_By>;
};

/** order by stddev_pop() on columns of table "worksheets" */
export type Worksheets_Stddev_Pop_Order_By = {
  user_id?: InputMaybe<Order_By>;
  worksheet_id?: InputMaybe<Order_By>;
  worksheet_number?: InputMaybe<Order_By>;
};

/** order by stddev_samp() on columns of table "worksheets" */
export type Worksheets_Stddev_Samp_Order_By = {
  user_id?: InputMaybe<Order_By>;
  worksheet_id?: InputMaybe<Order_By>;
  worksheet_number?: InputMaybe<Order_By>;
};

/** Streaming cursor of the table "worksheets" */
export type Worksheets_Stream_Cursor_Input = {
  /** Stream column input with initial value */
  initial_value: Worksheets_Stream_Cursor_Value_Input;
  /** cursor ordering */
  ordering?: InputMaybe<Cursor_Ordering>;
};

/** Initial value of the column from where the streaming should start */
export type Worksheets_Stream_Cursor_Value_Input = {
  created_at?: InputMaybe<Scalars['timestamptz']['input']>;
  name?: InputMaybe<Scalars['String']['input']>;
  private?: InputMaybe<Scalars['Boolean']['input']>;
  season_code?: InputMaybe<Scalars['String']['input']>;
  updated_at?: InputMaybe<Scalars['timestamptz']['input']>;
  user_id?: InputMaybe<Scalars['Int']['input']>;
  worksheet_id?: InputMaybe<Scalars['Int']['input']>;
  worksheet_number?: InputMaybe<Scalars['Int']['input']>;
};

/** order by sum() on columns of table "worksheets" */
export type Worksheets_Sum_Order_By = {
  user_id?: InputMaybe<Order_By>;
  worksheet_id?: InputMaybe<Order_By>;
  worksheet_number?: InputMaybe<Order_By>;
};

/** update columns of table "worksheets" */
export type Worksheets_Update_Column =
  /** column name */
  | 'created_at'
  /** column name */
  | 'name'
  /** column name */
  | 'private'
  /** column name */
  | 'season_code'
  /** column name */
  | 'updated_at'
  /** column name */
  | 'user_id'
  /** column name */
  | 'worksheet_id'
  /** column name */
  | 'worksheet_number';

export type Worksheets_Updates = {
  /** increments the numeric columns with given value of the filtered values */
  _inc?: InputMaybe<Worksheets_Inc_Input>;
  /** sets the columns of the filtered rows to the given values */
  _set?: InputMaybe<Worksheets_Set_Input>;
  /** filter the rows which have to be updated */
  where: Worksheets_Bool_Exp;
};

/** order by var_pop() on columns of table "worksheets" */
export type Worksheets_Var_Pop_Order_By = {
  user_id?: InputMaybe<Order_By>;
  worksheet_id?: InputMaybe<Order_By>;
  worksheet_number?: InputMaybe<Order_By>;
};

/** order by var_samp() on columns of table "worksheets" */
export type Worksheets_Var_Samp_Order_By = {
  user_id?: InputMaybe<Order_By>;
  worksheet_id?: InputMaybe<Order_By>;
  worksheet_number?: InputMaybe<Order_By>;
};

/** order by variance() on columns of table "worksheets" */
export type Worksheets_Variance_Order_By = {
  user_id?: InputMaybe<Order_By>;
  worksheet_id?: InputMaybe<Order_By>;
  worksheet_number?: InputMaybe<Order_By>;
};

export type CatalogSeasonsQueryVariables = Exact<{
  limit: number;
}>;


export type CatalogSeasonsQuery = { seasons: Array<{ season_code: string, term: string, year: number }> };

export type CatalogPublicQueryVariables = Exact<{
  season: string;
  limit: number;
  offset: number;
}>;


export type CatalogPublicQuery = { listings: Array<{ crn: number, course_code: string, subject: string, number: string, section: string, school: string, season_code: string, course: { course_id: number, title: string, description: string | null, credits: number | null, areas: unknown, skills: unknown, requirements: string | null, syllabus_url: string | null, course_home_url: string | null, fysem: boolean, sysem: boolean, colsem: boolean, same_course_id: number, primary_crn: number | null, course_professors: Array<{ professor: { professor_id: number, name: string } }>, course_meetings: Array<{ days_of_week: number, start_time: string, end_time: string }> } }> };

export type CatalogEvalsQueryVariables = Exact<{
  season: string;
}>;


export type CatalogEvalsQuery = { courses: Array<{ course_id: number, average_rating: number | null, average_rating_n: number, average_workload: number | null, average_workload_n: number, average_professor_rating: number | null, average_gut_rating: number | null, evaluation_statistic: { enrolled: number, responses: number | null, avg_rating: number | null, avg_workload: number | null } | null }> };


export const CatalogSeasonsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"CatalogSeasons"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"limit"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"seasons"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"order_by"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"season_code"},"value":{"kind":"EnumValue","value":"desc"}}]}},{"kind":"Argument","name":{"kind":"Name","value":"limit"},"value":{"kind":"Variable","name":{"kind":"Name","value":"limit"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"season_code"}},{"kind":"Field","name":{"kind":"Name","value":"term"}},{"kind":"Field","name":{"kind":"Name","value":"year"}}]}}]}}]} as unknown as DocumentNode<CatalogSeasonsQuery, CatalogSeasonsQueryVariables>;
export const CatalogPublicDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"CatalogPublic"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"season"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"limit"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"offset"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"listings"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"where"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"season_code"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"_eq"},"value":{"kind":"Variable","name":{"kind":"Name","value":"season"}}}]}}]}},{"kind":"Argument","name":{"kind":"Name","value":"order_by"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"crn"},"value":{"kind":"EnumValue","value":"asc"}}]}},{"kind":"Argument","name":{"kind":"Name","value":"limit"},"value":{"kind":"Variable","name":{"kind":"Name","value":"limit"}}},{"kind":"Argument","name":{"kind":"Name","value":"offset"},"value":{"kind":"Variable","name":{"kind":"Name","value":"offset"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"crn"}},{"kind":"Field","name":{"kind":"Name","value":"course_code"}},{"kind":"Field","name":{"kind":"Name","value":"subject"}},{"kind":"Field","name":{"kind":"Name","value":"number"}},{"kind":"Field","name":{"kind":"Name","value":"section"}},{"kind":"Field","name":{"kind":"Name","value":"school"}},{"kind":"Field","name":{"kind":"Name","value":"season_code"}},{"kind":"Field","name":{"kind":"Name","value":"course"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"course_id"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"credits"}},{"kind":"Field","name":{"kind":"Name","value":"areas"}},{"kind":"Field","name":{"kind":"Name","value":"skills"}},{"kind":"Field","name":{"kind":"Name","value":"requirements"}},{"kind":"Field","name":{"kind":"Name","value":"syllabus_url"}},{"kind":"Field","name":{"kind":"Name","value":"course_home_url"}},{"kind":"Field","name":{"kind":"Name","value":"fysem"}},{"kind":"Field","name":{"kind":"Name","value":"sysem"}},{"kind":"Field","name":{"kind":"Name","value":"colsem"}},{"kind":"Field","name":{"kind":"Name","value":"same_course_id"}},{"kind":"Field","name":{"kind":"Name","value":"primary_crn"}},{"kind":"Field","name":{"kind":"Name","value":"course_professors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"professor"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"professor_id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"course_meetings"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"days_of_week"}},{"kind":"Field","name":{"kind":"Name","value":"start_time"}},{"kind":"Field","name":{"kind":"Name","value":"end_time"}}]}}]}}]}}]}}]} as unknown as DocumentNode<CatalogPublicQuery, CatalogPublicQueryVariables>;
export const CatalogEvalsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"CatalogEvals"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"season"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"courses"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"where"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"season_code"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"_eq"},"value":{"kind":"Variable","name":{"kind":"Name","value":"season"}}}]}}]}},{"kind":"Argument","name":{"kind":"Name","value":"order_by"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"course_id"},"value":{"kind":"EnumValue","value":"asc"}}]}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"course_id"}},{"kind":"Field","name":{"kind":"Name","value":"average_rating"}},{"kind":"Field","name":{"kind":"Name","value":"average_rating_n"}},{"kind":"Field","name":{"kind":"Name","value":"average_workload"}},{"kind":"Field","name":{"kind":"Name","value":"average_workload_n"}},{"kind":"Field","name":{"kind":"Name","value":"average_professor_rating"}},{"kind":"Field","name":{"kind":"Name","value":"average_gut_rating"}},{"kind":"Field","name":{"kind":"Name","value":"evaluation_statistic"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"enrolled"}},{"kind":"Field","name":{"kind":"Name","value":"responses"}},{"kind":"Field","name":{"kind":"Name","value":"avg_rating"}},{"kind":"Field","name":{"kind":"Name","value":"avg_workload"}}]}}]}}]}}]} as unknown as DocumentNode<CatalogEvalsQuery, CatalogEvalsQueryVariables>;