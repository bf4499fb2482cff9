/**
 * Accounts of the virtual users: signup, login, periodic re-login, and noticing a session the webhook no longer
 * accepts (the user logs in again). Such a loss is expected after a login whose answer was lost (the server may have
 * replaced the session: `sessionLostAfterUnackedLogin`) and unexplained otherwise (`sessionLost`, e.g. sessions gone
 * with a Redis restart).
 */
import { cookieFrom, type Result } from './client.js';
import type { UserKind } from './recorder.js';
import type { World } from './world.js';
import type { Prng } from '../prng.js';

export class Account {
  cookie: string | undefined;
  userId: number | undefined;
  reloginAt = 0;
  /** what to try while not signed in: after a signup without answer, log in until the account proves absent */
  next: 'signup' | 'login' = 'signup';
  /** a login since the cookie was issued got no clear answer: the server may have replaced the session */
  uncertain = false;
  /** set while a signup or login is under way: its answer replaces the cookie, and the old session ends */
  pending: Promise<unknown> | undefined;
  readonly email: string;

  constructor(
    readonly id: number,
    readonly kind: UserKind,
    runId: string,
  ) {
    this.email = `load-${runId}-${id}@example.edu`;
  }
}

/** Notice a session the webhook refused (e.g. lost with Redis); the user logs in again. */
export function checkSession(w: World, a: Account, res: Result): void {
  if (res.outcome === 'graphql-error' && res.code.includes('Authentication hook unauthorized') && a.cookie) {
    a.cookie = undefined;
    if (a.uncertain) w.stats.sessionLostAfterUnackedLogin += 1;
    else w.stats.sessionLost += 1;
  }
}

export async function signup(w: World, a: Account): Promise<boolean> {
  const res = await w.client.api(a, 'api:signup', '/api/auth/password/signup', {
    email: a.email,
    password: w.password,
    displayName: `Load ${a.id}`,
  });
  // Sign-up answers 202 without a session, the same for a taken address (no account enumeration): a login follows.
  const acked = res.outcome === 'ok';
  w.ledger.add({
    kind: 'signup',
    user: a.id,
    userId: undefined,
    marker: a.email,
    acked,
    start: res.sample.start,
    end: res.sample.end,
  });
  a.next = 'login';
  if (!acked) return false;
  w.stats.signups += 1;
  return login(w, a, 'api:login');
}

/** The login that finds out whether a signup without answer happened (invalid-credentials: it did not). */
export const PROBE_LOGIN = 'api:login-after-lost-signup';

export async function login(
  w: World,
  a: Account,
  op = a.userId === undefined ? PROBE_LOGIN : 'api:login',
): Promise<boolean> {
  const res = await w.client.api(a, op, '/api/auth/password/login', { email: a.email, password: w.password });
  const cookie = cookieFrom(res.setCookie, w.cookieName);
  if (res.outcome === 'ok' && cookie) {
    a.cookie = cookie;
    a.uncertain = false;
    const id = (res.json as { user?: { id?: unknown } } | undefined)?.user?.id;
    if (typeof id === 'number') a.userId = id;
    w.stats.logins += 1;
    return true;
  }
  if (res.outcome === 'api-error' && res.code === 'invalid-credentials') a.next = 'signup';
  // Without a clear refusal the login may have happened, replacing the session the cookie names.
  else if (res.outcome !== 'api-error' || res.sample.status >= 500) a.uncertain = true;
  return false;
}

/** Log in when the session is gone or the periodic re-login is due; false when there is no usable session. */
export async function ensureSession(w: World, a: Account, r: Prng): Promise<boolean> {
  const now = w.client.recorder.now();
  if (a.cookie && now < a.reloginAt) return true;
  let done: () => void = () => undefined;
  a.pending = new Promise<void>((resolve) => (done = resolve));
  try {
    if (a.userId === undefined) {
      // Not signed up, as far as we know. If a signup's answer was lost, it may still have happened: log in instead
      // until the account proves absent (invalid credentials); a second signup could only fail (unique email).
      const ok = a.next === 'signup' ? await signup(w, a) : await login(w, a);
      if (!ok) return false;
    } else if (!(await login(w, a))) {
      a.reloginAt = now + 1000;
      return a.cookie !== undefined;
    }
  } finally {
    a.pending = undefined;
    done();
  }
  a.reloginAt = w.client.recorder.now() + r.int(15_000, 25_000);
  return true;
}

/** The account's cookie once no signup or login is under way. */
export async function settledCookie(a: Account): Promise<string | undefined> {
  while (a.pending) await a.pending;
  return a.cookie;
}
