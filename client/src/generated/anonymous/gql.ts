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
    "query CourseSearch($where: listings_bool_exp!, $orderBy: [listings_order_by!], $limit: Int!, $offset: Int!) {\n  listings(where: $where, order_by: $orderBy, limit: $limit, offset: $offset) {\n    listing_id\n    crn\n    course_code\n    section\n    season_code\n    course {\n      course_id\n      title\n      credits\n      areas\n      skills\n      extra_info\n      course_professors {\n        professor {\n          professor_id\n          name\n        }\n      }\n    }\n  }\n}": typeof types.CourseSearchDocument,
    "query ListingsByCrn($seasonCode: String!, $crns: [Int!]!) {\n  listings(where: {season_code: {_eq: $seasonCode}, crn: {_in: $crns}}) {\n    listing_id\n    crn\n    course_code\n    section\n    course {\n      course_id\n      title\n      credits\n    }\n  }\n}": typeof types.ListingsByCrnDocument,
    "query Professor($professorId: Int!) {\n  professors_by_pk(professor_id: $professorId) {\n    professor_id\n    name\n    email\n    courses_taught\n    course_professors(order_by: {course: {season_code: desc}}) {\n      course {\n        course_id\n        season_code\n        title\n        listings {\n          listing_id\n          course_code\n          section\n        }\n      }\n    }\n  }\n}": typeof types.ProfessorDocument,
    "query Seasons {\n  seasons(order_by: {season_code: desc}) {\n    season_code\n    term\n    year\n  }\n}": typeof types.SeasonsDocument,
};
const documents: Documents = {
    "query CourseSearch($where: listings_bool_exp!, $orderBy: [listings_order_by!], $limit: Int!, $offset: Int!) {\n  listings(where: $where, order_by: $orderBy, limit: $limit, offset: $offset) {\n    listing_id\n    crn\n    course_code\n    section\n    season_code\n    course {\n      course_id\n      title\n      credits\n      areas\n      skills\n      extra_info\n      course_professors {\n        professor {\n          professor_id\n          name\n        }\n      }\n    }\n  }\n}": types.CourseSearchDocument,
    "query ListingsByCrn($seasonCode: String!, $crns: [Int!]!) {\n  listings(where: {season_code: {_eq: $seasonCode}, crn: {_in: $crns}}) {\n    listing_id\n    crn\n    course_code\n    section\n    course {\n      course_id\n      title\n      credits\n    }\n  }\n}": types.ListingsByCrnDocument,
    "query Professor($professorId: Int!) {\n  professors_by_pk(professor_id: $professorId) {\n    professor_id\n    name\n    email\n    courses_taught\n    course_professors(order_by: {course: {season_code: desc}}) {\n      course {\n        course_id\n        season_code\n        title\n        listings {\n          listing_id\n          course_code\n          section\n        }\n      }\n    }\n  }\n}": types.ProfessorDocument,
    "query Seasons {\n  seasons(order_by: {season_code: desc}) {\n    season_code\n    term\n    year\n  }\n}": types.SeasonsDocument,
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
export function graphql(source: "query CourseSearch($where: listings_bool_exp!, $orderBy: [listings_order_by!], $limit: Int!, $offset: Int!) {\n  listings(where: $where, order_by: $orderBy, limit: $limit, offset: $offset) {\n    listing_id\n    crn\n    course_code\n    section\n    season_code\n    course {\n      course_id\n      title\n      credits\n      areas\n      skills\n      extra_info\n      course_professors {\n        professor {\n          professor_id\n          name\n        }\n      }\n    }\n  }\n}"): (typeof documents)["query CourseSearch($where: listings_bool_exp!, $orderBy: [listings_order_by!], $limit: Int!, $offset: Int!) {\n  listings(where: $where, order_by: $orderBy, limit: $limit, offset: $offset) {\n    listing_id\n    crn\n    course_code\n    section\n    season_code\n    course {\n      course_id\n      title\n      credits\n      areas\n      skills\n      extra_info\n      course_professors {\n        professor {\n          professor_id\n          name\n        }\n      }\n    }\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query ListingsByCrn($seasonCode: String!, $crns: [Int!]!) {\n  listings(where: {season_code: {_eq: $seasonCode}, crn: {_in: $crns}}) {\n    listing_id\n    crn\n    course_code\n    section\n    course {\n      course_id\n      title\n      credits\n    }\n  }\n}"): (typeof documents)["query ListingsByCrn($seasonCode: String!, $crns: [Int!]!) {\n  listings(where: {season_code: {_eq: $seasonCode}, crn: {_in: $crns}}) {\n    listing_id\n    crn\n    course_code\n    section\n    course {\n      course_id\n      title\n      credits\n    }\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query Professor($professorId: Int!) {\n  professors_by_pk(professor_id: $professorId) {\n    professor_id\n    name\n    email\n    courses_taught\n    course_professors(order_by: {course: {season_code: desc}}) {\n      course {\n        course_id\n        season_code\n        title\n        listings {\n          listing_id\n          course_code\n          section\n        }\n      }\n    }\n  }\n}"): (typeof documents)["query Professor($professorId: Int!) {\n  professors_by_pk(professor_id: $professorId) {\n    professor_id\n    name\n    email\n    courses_taught\n    course_professors(order_by: {course: {season_code: desc}}) {\n      course {\n        course_id\n        season_code\n        title\n        listings {\n          listing_id\n          course_code\n          section\n        }\n      }\n    }\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query Seasons {\n  seasons(order_by: {season_code: desc}) {\n    season_code\n    term\n    year\n  }\n}"): (typeof documents)["query Seasons {\n  seasons(order_by: {season_code: desc}) {\n    season_code\n    term\n    year\n  }\n}"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;