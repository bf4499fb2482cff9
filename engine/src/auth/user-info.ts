/**
 * Build a {@link Session} the way Hasura's `mkUserInfo` builds a `UserInfo`
 * (src: server/src-lib/Hasura/Authentication/User.hs):
 * - the role comes from `x-hasura-role` (required, with a fallback, or pre-determined);
 * - `x-hasura-admin-secret` / `x-hasura-access-key` are removed and `x-hasura-role` is set to the resolved role;
 * - `x-hasura-use-backend-only-permissions` is honoured only when the admin secret was sent or no auth is configured.
 */
import { makeSession, type Session } from '../session.js';
import { EngineError } from '../errors.js';
import { ACCESS_KEY_HEADER, ADMIN_SECRET_HEADER, BACKEND_ONLY_HEADER, ROLE_HEADER } from './headers.js';

export type RoleBuild =
  { kind: 'fromSession' } | { kind: 'fallback'; role: string } | { kind: 'predetermined'; role: string };

/** `UAdminSecretSent | UAdminSecretNotSent | UAuthNotSet`. */
export type AdminSecretState = 'sent' | 'not-sent' | 'auth-not-set';

const TRUE_VALUES = ['true', 't', 'yes', 'y'];
const FALSE_VALUES = ['false', 'f', 'no', 'n'];

/** `parseStringAsBool` from User.hs, with its error text. */
export function parseBackendOnlyFlag(value: string): boolean {
  const v = value.toLowerCase();
  if (TRUE_VALUES.includes(v)) return true;
  if (FALSE_VALUES.includes(v)) return false;
  const show = (xs: string[]): string => `[${xs.map((x) => JSON.stringify(x)).join(',')}]`;
  throw EngineError.badRequest(
    'bad-request',
    `${BACKEND_ONLY_HEADER}:  Not a valid boolean text. True values are ${show(TRUE_VALUES)} and  False values are ${show(FALSE_VALUES)}. All values are case insensitive`,
  );
}

export function mkUserInfo(roleBuild: RoleBuild, adminSecret: AdminSecretState, vars: Map<string, string>): Session {
  // `maybeRoleFromSessionVariables`: an empty role is no role (mkRoleName rejects "").
  const sessionRole = vars.get(ROLE_HEADER);
  const maybeRole = sessionRole !== undefined && sessionRole !== '' ? sessionRole : undefined;
  let role: string;
  switch (roleBuild.kind) {
    case 'fromSession':
      if (maybeRole === undefined)
        throw EngineError.badRequest('invalid-params', `"${ROLE_HEADER}" not found in session variables`);
      role = maybeRole;
      break;
    case 'fallback':
      role = maybeRole ?? roleBuild.role;
      break;
    case 'predetermined':
      role = roleBuild.role;
      break;
  }
  let backendOnly = false;
  if (adminSecret !== 'not-sent') {
    const flag = vars.get(BACKEND_ONLY_HEADER);
    if (flag !== undefined) backendOnly = parseBackendOnlyFlag(flag);
  }
  const rest: Record<string, string> = {};
  for (const [k, v] of vars) if (k !== ADMIN_SECRET_HEADER && k !== ACCESS_KEY_HEADER) rest[k] = v;
  return makeSession(role, rest, backendOnly);
}
