/**
 * The API's one error registry. Handlers `throw new ApiError('<code>')`; `errorMiddleware` renders it.
 *
 * `sensitive` errors may reveal whether an account exists; they are answered with the generic `invalid-request` text
 * so the response cannot be used for user enumeration. Anything that is not an ApiError becomes
 * `500 internal-error`, logged with its stack and never echoed to the client.
 */
import type { ErrorRequestHandler, Request } from 'express';

interface ErrorSpec {
  status: number;
  message: string;
  sensitive?: boolean;
}

export const API_ERRORS = {
  'invalid-request': { status: 400, message: 'The request is invalid.' },
  'validation-failed': { status: 400, message: 'The input does not match the expected format.' },
  'invalid-redirect': { status: 400, message: 'The redirect target is not allowed.' },
  'invalid-credentials': { status: 401, message: 'Incorrect email or password.' },
  'invalid-token': { status: 400, message: 'The token is invalid, used or expired.' },
  unauthenticated: { status: 401, message: 'You are not logged in.' },
  'invalid-session': { status: 401, message: 'The session is invalid or expired.' },
  'invalid-secret': { status: 401, message: 'Missing or wrong secret.' },
  'login-failed': { status: 401, message: 'Login with the identity provider failed.' },
  forbidden: { status: 403, message: 'You may not do this.' },
  'cross-origin-request': { status: 403, message: 'Cross-origin request refused.' },
  'evals-required': { status: 403, message: 'Evaluation access is required.' },
  'not-found': { status: 404, message: 'Not found.' },
  'provider-disabled': { status: 404, message: 'This login method is not configured.' },
  'email-taken': { status: 409, message: 'An account with this email already exists.', sensitive: true },
  'email-already-verified': { status: 409, message: 'The e-mail address is already verified.' },
  'payload-too-large': { status: 413, message: 'The request body is too large.' },
  'rate-limited': { status: 429, message: 'Too many requests; try again later.' },
  'internal-error': { status: 500, message: 'Internal error.' },
  'session-store-unavailable': { status: 503, message: 'Sessions are temporarily unavailable; try again shortly.' },
  'service-unavailable': { status: 503, message: 'The service is temporarily unavailable.' },
  // Hasura action business rules (answered in the action error format)
  'season-not-found': { status: 404, message: 'No such season.' },
  'worksheet-not-found': { status: 404, message: 'No such worksheet.' },
  'worksheet-limit': { status: 409, message: 'Too many worksheets in this season.' },
  'course-not-found': { status: 404, message: 'No listing with this CRN in the worksheet’s season.' },
  'course-not-in-worksheet': { status: 404, message: 'This course is not in the worksheet.' },
  'course-already-added': { status: 409, message: 'This course is already in the worksheet.' },
  'worksheet-course-limit': { status: 409, message: 'Too many courses in this worksheet.' },
  'wishlist-item-not-found': { status: 404, message: 'This course is not in the wishlist.' },
  'user-not-found': { status: 404, message: 'No such user.' },
  'cannot-friend-self': { status: 400, message: 'You cannot befriend yourself.' },
  'already-friends': { status: 409, message: 'You are already friends.' },
  'friend-request-exists': { status: 409, message: 'A friend request is already pending.' },
  'friend-request-not-found': { status: 404, message: 'No such friend request.' },
  'not-friends': { status: 404, message: 'You are not friends.' },
  'saved-search-name-taken': { status: 409, message: 'A saved search with this name already exists.' },
  'saved-search-not-found': { status: 404, message: 'No such saved search.' },
  'saved-search-limit': { status: 409, message: 'Too many saved searches.' },
} as const satisfies Record<string, ErrorSpec>;

export type ErrorCode = keyof typeof API_ERRORS;

export class ApiError extends Error {
  readonly status: number;
  constructor(
    readonly code: ErrorCode,
    /** Safe, client-facing detail (e.g. a zod path). Never put secrets or raw error text here. */
    readonly detail?: string,
    readonly headers?: Record<string, string>,
  ) {
    super(API_ERRORS[code].message);
    this.name = 'ApiError';
    this.status = API_ERRORS[code].status;
  }
}

export function isApiError(e: unknown): e is ApiError {
  return e instanceof ApiError;
}

/** The client-facing form of an error: code, status, message (concealed when sensitive and conceal is on). */
export function publicError(
  err: unknown,
  conceal = false,
): { status: number; code: ErrorCode; message: string; detail?: string } {
  if (isApiError(err)) {
    const spec: ErrorSpec = API_ERRORS[err.code];
    if (conceal && spec.sensitive) {
      return { status: spec.status, code: 'invalid-request', message: API_ERRORS['invalid-request'].message };
    }
    return { status: err.status, code: err.code, message: spec.message, ...(err.detail ? { detail: err.detail } : {}) };
  }
  const e = err as { type?: unknown; status?: unknown } | null;
  // body-parser errors: malformed JSON or oversized bodies are client errors, not 500s.
  if (e && e.type === 'entity.parse.failed')
    return { status: 400, code: 'invalid-request', message: API_ERRORS['invalid-request'].message };
  if (e && e.type === 'entity.too.large')
    return { status: 413, code: 'payload-too-large', message: API_ERRORS['payload-too-large'].message };
  return { status: 500, code: 'internal-error', message: API_ERRORS['internal-error'].message };
}

function isActionRoute(req: Request): boolean {
  return req.path.startsWith('/api/hasura/actions/');
}

/**
 * The last middleware. Renders `{ error: { code, message } }`, or Hasura's action error format
 * `{ message, extensions: { code } }` under /api/hasura/actions.
 */
export function errorMiddleware(opts: { concealSensitive: boolean }): ErrorRequestHandler {
  return (err, req, res, _next) => {
    const pub = publicError(err, opts.concealSensitive);
    if (pub.status >= 500 && !isApiError(err)) {
      req.log.error({ err }, 'unhandled error');
    } else if (pub.status >= 500) {
      req.log.warn({ code: pub.code }, 'service error');
    }
    (res.locals as { errorCode?: string }).errorCode = pub.code; // for the metrics (api/src/ops/metrics.ts)
    if (res.headersSent) return;
    if (isApiError(err) && err.headers) res.set(err.headers);
    res.status(pub.status);
    if (isActionRoute(req)) {
      res.json({
        message: pub.detail ? `${pub.message} (${pub.detail})` : pub.message,
        extensions: { code: pub.code },
      });
    } else {
      res.json({ error: { code: pub.code, message: pub.message, ...(pub.detail ? { detail: pub.detail } : {}) } });
    }
  };
}
