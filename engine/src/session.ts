/**
 * The resolved identity of one request, shared by the HTTP/auth layer (which builds it) and the core (which reads
 * it). Mirrors Hasura's `UserInfo` (src: server/src-lib/Hasura/Authentication/User.hs `mkUserInfo`): the role is
 * already resolved, the admin secret is stripped, and every `x-hasura-*` key is lowercased.
 */
export interface Session {
  /** Resolved role; `admin` bypasses every permission. */
  readonly role: string;
  /** Lowercased `x-hasura-*` keys with string values (`x-hasura-role` included). */
  readonly vars: Readonly<Record<string, string>>;
  /** `x-hasura-use-backend-only-permissions` honoured (admin secret sent, or no auth configured). */
  readonly backendOnly: boolean;
}

/** The admin session used when no auth is configured and no role header is sent. */
export const ADMIN_SESSION: Session = Object.freeze({
  role: 'admin',
  vars: Object.freeze({ 'x-hasura-role': 'admin' }),
  backendOnly: false,
});

/** Build a session from raw header-like pairs: keeps `x-hasura-*` keys, lowercased (Hasura: case-insensitive). */
export function makeSession(role: string, vars: Record<string, string | undefined>, backendOnly = false): Session {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(vars)) {
    const key = k.toLowerCase();
    if (
      v !== undefined &&
      key.startsWith('x-hasura-') &&
      key !== 'x-hasura-admin-secret' &&
      key !== 'x-hasura-access-key'
    ) {
      out[key] = v;
    }
  }
  out['x-hasura-role'] = role;
  return Object.freeze({ role, vars: Object.freeze(out), backendOnly });
}
