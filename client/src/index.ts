/**
 * Typed GraphQL for frontends. Each document is compiled against the schema of the role it is written for
 * (`hasura/schema/<role>.graphql`), so its result type is exactly what that role can get:
 *
 *  - anonymous (everyone): `SeasonsDocument`, `CourseSearchDocument`, `ProfessorDocument`, `ListingsByCrnDocument`
 *  - student (signed in): `MyWorksheetsDocument`, `MyWorksheetsLiveDocument`, `MyWishlistDocument`, and the actions
 *    `CreateWorksheetDocument`, `AddWorksheetCourseDocument`, … (handled by the API, declared in hasura/metadata)
 *  - student_evals: `CourseDetailDocument` — its evaluation fields sit under `@include(if: $hasEvals)`; every other
 *    role runs it with `hasEvals: false` (the engine, like Hasura, drops skipped fields before checking them).
 *
 * Regenerate with `npm run codegen` after editing `client/src/documents/**`.
 */
export {
  CourseSearchDocument,
  ListingsByCrnDocument,
  ProfessorDocument,
  SeasonsDocument,
  type CourseSearchQuery,
  type CourseSearchQueryVariables,
  type ListingsByCrnQuery,
  type ListingsByCrnQueryVariables,
  type Listings_Bool_Exp,
  type Listings_Order_By,
  type ProfessorQuery,
  type ProfessorQueryVariables,
  type SeasonsQuery,
} from './generated/anonymous/graphql.js';
export {
  AddToWishlistDocument,
  AddWorksheetCourseDocument,
  CreateWorksheetDocument,
  DeleteWorksheetDocument,
  RemoveFromWishlistDocument,
  RemoveWorksheetCourseDocument,
  RenameWorksheetDocument,
  SetWorksheetPrivateDocument,
  UpdateWorksheetCourseDocument,
  type AddToWishlistMutation,
  type AddWorksheetCourseMutation,
  type AddWorksheetCourseMutationVariables,
  type CreateWorksheetMutation,
  type CreateWorksheetMutationVariables,
  type DeleteWorksheetMutation,
  type RemoveFromWishlistMutation,
  type RemoveWorksheetCourseMutation,
  type RenameWorksheetMutation,
  type SetWorksheetPrivateMutation,
  type UpdateWorksheetCourseMutation,
  MyWishlistDocument,
  MyWorksheetsDocument,
  MyWorksheetsLiveDocument,
  type MyWishlistQuery,
  type MyWorksheetsLiveSubscription,
  type MyWorksheetsLiveSubscriptionVariables,
  type MyWorksheetsQuery,
  type MyWorksheetsQueryVariables,
  type WorksheetFieldsFragment,
} from './generated/student/graphql.js';
export {
  CourseDetailDocument,
  type CourseDetailQuery,
  type CourseDetailQueryVariables,
} from './generated/student_evals/graphql.js';
export {
  createGraphQLClient,
  GraphQLRequestError,
  operationName,
  queryText,
  type GraphQLClient,
  type GraphQLClientOptions,
  type GraphQLErrorJson,
} from './fetch.js';
export {
  COURSE_SEARCH_ORDERS,
  courseSearchOrderBy,
  courseSearchVariables,
  courseSearchWhere,
  ilikeContains,
  pageOf,
  type CourseSearchFilter,
  type CourseSearchOrder,
} from './search.js';
