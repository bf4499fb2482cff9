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
    "query MyWishlist {\n  wishlist_items(order_by: [{season_code: desc}, {added_at: desc}]) {\n    season_code\n    crn\n    added_at\n  }\n}": typeof types.MyWishlistDocument,
    "query MyWorksheets($userId: Int!, $seasonCode: String!) {\n  worksheets(\n    where: {user_id: {_eq: $userId}, season_code: {_eq: $seasonCode}}\n    order_by: {worksheet_number: asc}\n  ) {\n    ...WorksheetFields\n  }\n}\n\nsubscription MyWorksheetsLive($userId: Int!, $seasonCode: String!) {\n  worksheets(\n    where: {user_id: {_eq: $userId}, season_code: {_eq: $seasonCode}}\n    order_by: {worksheet_number: asc}\n  ) {\n    ...WorksheetFields\n  }\n}\n\nfragment WorksheetFields on worksheets {\n  worksheet_id\n  user_id\n  worksheet_number\n  name\n  private\n  season_code\n  updated_at\n  worksheet_courses(order_by: {added_at: asc}) {\n    crn\n    color\n    hidden\n    added_at\n  }\n}": typeof types.MyWorksheetsDocument,
};
const documents: Documents = {
    "query MyWishlist {\n  wishlist_items(order_by: [{season_code: desc}, {added_at: desc}]) {\n    season_code\n    crn\n    added_at\n  }\n}": types.MyWishlistDocument,
    "query MyWorksheets($userId: Int!, $seasonCode: String!) {\n  worksheets(\n    where: {user_id: {_eq: $userId}, season_code: {_eq: $seasonCode}}\n    order_by: {worksheet_number: asc}\n  ) {\n    ...WorksheetFields\n  }\n}\n\nsubscription MyWorksheetsLive($userId: Int!, $seasonCode: String!) {\n  worksheets(\n    where: {user_id: {_eq: $userId}, season_code: {_eq: $seasonCode}}\n    order_by: {worksheet_number: asc}\n  ) {\n    ...WorksheetFields\n  }\n}\n\nfragment WorksheetFields on worksheets {\n  worksheet_id\n  user_id\n  worksheet_number\n  name\n  private\n  season_code\n  updated_at\n  worksheet_courses(order_by: {added_at: asc}) {\n    crn\n    color\n    hidden\n    added_at\n  }\n}": types.MyWorksheetsDocument,
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
export function graphql(source: "query MyWishlist {\n  wishlist_items(order_by: [{season_code: desc}, {added_at: desc}]) {\n    season_code\n    crn\n    added_at\n  }\n}"): (typeof documents)["query MyWishlist {\n  wishlist_items(order_by: [{season_code: desc}, {added_at: desc}]) {\n    season_code\n    crn\n    added_at\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query MyWorksheets($userId: Int!, $seasonCode: String!) {\n  worksheets(\n    where: {user_id: {_eq: $userId}, season_code: {_eq: $seasonCode}}\n    order_by: {worksheet_number: asc}\n  ) {\n    ...WorksheetFields\n  }\n}\n\nsubscription MyWorksheetsLive($userId: Int!, $seasonCode: String!) {\n  worksheets(\n    where: {user_id: {_eq: $userId}, season_code: {_eq: $seasonCode}}\n    order_by: {worksheet_number: asc}\n  ) {\n    ...WorksheetFields\n  }\n}\n\nfragment WorksheetFields on worksheets {\n  worksheet_id\n  user_id\n  worksheet_number\n  name\n  private\n  season_code\n  updated_at\n  worksheet_courses(order_by: {added_at: asc}) {\n    crn\n    color\n    hidden\n    added_at\n  }\n}"): (typeof documents)["query MyWorksheets($userId: Int!, $seasonCode: String!) {\n  worksheets(\n    where: {user_id: {_eq: $userId}, season_code: {_eq: $seasonCode}}\n    order_by: {worksheet_number: asc}\n  ) {\n    ...WorksheetFields\n  }\n}\n\nsubscription MyWorksheetsLive($userId: Int!, $seasonCode: String!) {\n  worksheets(\n    where: {user_id: {_eq: $userId}, season_code: {_eq: $seasonCode}}\n    order_by: {worksheet_number: asc}\n  ) {\n    ...WorksheetFields\n  }\n}\n\nfragment WorksheetFields on worksheets {\n  worksheet_id\n  user_id\n  worksheet_number\n  name\n  private\n  season_code\n  updated_at\n  worksheet_courses(order_by: {added_at: asc}) {\n    crn\n    color\n    hidden\n    added_at\n  }\n}"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;