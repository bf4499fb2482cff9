/** The API's local password login and session check (`/api/auth/*`, same origin, session cookie). */

export interface User {
  id: number;
  email: string | null;
  displayName: string;
  hasEvals: boolean;
  role?: string;
}

export class ApiCallError extends Error {
  override readonly name = 'ApiCallError';
  constructor(
    message: string,
    readonly status: number,
    readonly code: string | undefined,
  ) {
    super(message);
  }
}

async function call<T>(path: string, init: { method?: string; body?: unknown } = {}): Promise<T> {
  const res = await fetch(path, {
    method: init.method ?? 'GET',
    credentials: 'same-origin',
    headers: init.body !== undefined ? { 'content-type': 'application/json' } : {},
    ...(init.body !== undefined ? { body: JSON.stringify(init.body) } : {}),
  });
  const body = (await res.json().catch(() => ({}))) as { error?: string; code?: string; message?: string } & T;
  if (!res.ok)
    throw new ApiCallError(body.message ?? body.error ?? `HTTP ${res.status}`, res.status, body.code ?? body.error);
  return body;
}

export async function currentUser(): Promise<User | null> {
  const r = await call<{ auth: boolean; user: User | null }>('/api/auth/check');
  return r.auth ? r.user : null;
}

export async function login(email: string, password: string): Promise<User> {
  return (await call<{ user: User }>('/api/auth/password/login', { method: 'POST', body: { email, password } })).user;
}

/** Sign-up answers 202 without a session (the same for an address that already has an account): log in next. */
export async function signup(displayName: string, email: string, password: string): Promise<User> {
  await call('/api/auth/password/signup', { method: 'POST', body: { displayName, email, password } });
  return login(email, password);
}

export async function logout(): Promise<void> {
  await call('/api/auth/logout', { method: 'POST' });
}
