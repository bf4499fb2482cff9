/* eslint-disable */
import * as types from './graphql.js';
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';

/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "query CourseDetail($listingId: Int!, $hasEvals: Boolean!) {\n  listings_by_pk(listing_id: $listingId) {\n    listing_id\n    crn\n    course_code\n    section\n    season_code\n    school\n    course {\n      course_id\n      title\n      description\n      requirements\n      credits\n      areas\n      skills\n      extra_info\n      syllabus_url\n      course_home_url\n      final_exam\n      same_course_id\n      listings {\n        listing_id\n        course_code\n      }\n      course_professors {\n        professor {\n          professor_id\n          name\n          email\n          average_rating @include(if: $hasEvals)\n        }\n      }\n      course_meetings {\n        days_of_week\n        start_time\n        end_time\n        location @include(if: $hasEvals) {\n          room\n          building {\n            code\n            building_name\n          }\n        }\n      }\n      course_flags {\n        flag {\n          flag_id\n          flag_text\n        }\n      }\n      average_rating @include(if: $hasEvals)\n      average_workload @include(if: $hasEvals)\n      average_professor_rating @include(if: $hasEvals)\n      last_enrollment @include(if: $hasEvals)\n      evaluation_statistic @include(if: $hasEvals) {\n        enrolled\n        responses\n        avg_rating\n        avg_workload\n      }\n    }\n  }\n}": typeof types.CourseDetailDocument,
};
const documents: Documents = {
    "query CourseDetail($listingId: Int!, $hasEvals: Boolean!) {\n  listings_by_pk(listing_id: $listingId) {\n    listing_id\n    crn\n    course_code\n    section\n    season_code\n    school\n    course {\n      course_id\n      title\n      description\n      requirements\n      credits\n      areas\n      skills\n      extra_info\n      syllabus_url\n      course_home_url\n      final_exam\n      same_course_id\n      listings {\n        listing_id\n        course_code\n      }\n      course_professors {\n        professor {\n          professor_id\n          name\n          email\n          average_rating @include(if: $hasEvals)\n        }\n      }\n      course_meetings {\n        days_of_week\n        start_time\n        end_time\n        location @include(if: $hasEvals) {\n          room\n          building {\n            code\n            building_name\n          }\n        }\n      }\n      course_flags {\n        flag {\n          flag_id\n          flag_text\n        }\n      }\n      average_rating @include(if: $hasEvals)\n      average_workload @include(if: $hasEvals)\n      average_professor_rating @include(if: $hasEvals)\n      last_enrollment @include(if: $hasEvals)\n      evaluation_statistic @include(if: $hasEvals) {\n        enrolled\n        responses\n        avg_rating\n        avg_workload\n      }\n    }\n  }\n}": types.CourseDetailDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 *
 *
 * @example
 * ```ts
 * const query = graphql(`query GetUser($id: ID!) { user(id: $id) { name } }`);
 * ```
 *
 * The query argument is unknown!
 * Please regenerate the types.
 */
export function graphql(source: string): unknown;

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query CourseDetail($listingId: Int!, $hasEvals: Boolean!) {\n  listings_by_pk(listing_id: $listingId) {\n    listing_id\n    crn\n    course_code\n    section\n    season_code\n    school\n    course {\n      course_id\n      title\n      description\n      requirements\n      credits\n      areas\n      skills\n      extra_info\n      syllabus_url\n      course_home_url\n      final_exam\n      same_course_id\n      listings {\n        listing_id\n        course_code\n      }\n      course_professors {\n        professor {\n          professor_id\n          name\n          email\n          average_rating @include(if: $hasEvals)\n        }\n      }\n      course_meetings {\n        days_of_week\n        start_time\n        end_time\n        location @include(if: $hasEvals) {\n          room\n          building {\n            code\n            building_name\n          }\n        }\n      }\n      course_flags {\n        flag {\n          flag_id\n          flag_text\n        }\n      }\n      average_rating @include(if: $hasEvals)\n      average_workload @include(if: $hasEvals)\n      average_professor_rating @include(if: $hasEvals)\n      last_enrollment @include(if: $hasEvals)\n      evaluation_statistic @include(if: $hasEvals) {\n        enrolled\n        responses\n        avg_rating\n        avg_workload\n      }\n    }\n  }\n}"): (typeof documents)["query CourseDetail($listingId: Int!, $hasEvals: Boolean!) {\n  listings_by_pk(listing_id: $listingId) {\n    listing_id\n    crn\n    course_code\n    section\n    season_code\n    school\n    course {\n      course_id\n      title\n      description\n      requirements\n      credits\n      areas\n      skills\n      extra_info\n      syllabus_url\n      course_home_url\n      final_exam\n      same_course_id\n      listings {\n        listing_id\n        course_code\n      }\n      course_professors {\n        professor {\n          professor_id\n          name\n          email\n          average_rating @include(if: $hasEvals)\n        }\n      }\n      course_meetings {\n        days_of_week\n        start_time\n        end_time\n        location @include(if: $hasEvals) {\n          room\n          building {\n            code\n            building_name\n          }\n        }\n      }\n      course_flags {\n        flag {\n          flag_id\n          flag_text\n        }\n      }\n      average_rating @include(if: $hasEvals)\n      average_workload @include(if: $hasEvals)\n      average_professor_rating @include(if: $hasEvals)\n      last_enrollment @include(if: $hasEvals)\n      evaluation_statistic @include(if: $hasEvals) {\n        enrolled\n        responses\n        avg_rating\n        avg_workload\n      }\n    }\n  }\n}"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;