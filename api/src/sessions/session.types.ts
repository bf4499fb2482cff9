/** What a logged-in session holds: enough for the auth webhook to answer without a database call. */
export type UserRole = 'student' | 'student_evals';
export type LoginMethod = 'password' | 'cas' | 'oidc';

export interface SessionUser {
  id: number;
  role: UserRole;
  method: LoginMethod;
}

declare module 'express-session' {
  interface SessionData {
    user: SessionUser;
    /** Login time (ms since epoch); the absolute lifetime counts from here. */
    createdAt: number;
  }
}

export function roleFor(hasEvals: boolean): UserRole {
  return hasEvals ? 'student_evals' : 'student';
}
