/**
 * Errors of the engine (errors/): the one error type {@link EngineError} with Hasura's code, message, JSON path,
 * HTTP status and admin-only details; how it is rendered to a client and who sees the details; the execution-phase
 * mark.
 */
export { EngineError, asEngineError, validationFailed } from './errors/engine-error.js';
export type { ErrorCode } from './errors/engine-error.js';
export {
  encodeApiError,
  encodeGraphQLError,
  graphqlErrorEntry,
  showsInternal,
  stripInternal,
  toGraphQLError,
} from './errors/render.js';
export type { GraphQLErrorJson, InternalErrors } from './errors/render.js';
export { executing, isExecutionError, markExecution } from './errors/execution.js';
export { jsonPathAppend } from './errors/json-path.js';
